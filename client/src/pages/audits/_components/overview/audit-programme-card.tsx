import { Anchor, Badge, Group, Paper, Progress, ScrollArea, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { SkeletonRows } from '../../../../components/query-states';
import type { ProgrammeCoverageRow } from '../../audit-operations';

/** Clause 9.2: what internal audits covered in the last three years, and what they have not yet. */
export function AuditProgrammeCard({ rows, loading }: { rows: ProgrammeCoverageRow[] | null; loading: boolean }) {
  const [showAll, setShowAll] = useState(false);
  if (loading && !rows) {
    return (
      <Paper withBorder radius="md" p="md">
        <SkeletonRows rows={4} height={20} />
      </Paper>
    );
  }
  if (!rows) return null;
  const isClause = (ref: string) => !ref.startsWith('A.');
  const clauses = rows.filter((r) => isClause(r.ref));
  const controls = rows.filter((r) => !isClause(r.ref));
  const uncovered = rows.filter((r) => !r.covered);
  const covered = rows.length - uncovered.length;
  const percent = rows.length ? Math.round((covered / rows.length) * 100) : 0;
  const shown = showAll ? uncovered : uncovered.slice(0, 8);
  const line = (label: string, list: ProgrammeCoverageRow[]) => {
    const done = list.filter((r) => r.covered).length;
    return (
      <Group justify="space-between" gap="xs">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {done} of {list.length}
        </Text>
      </Group>
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="audit-programme-title">
      <Stack gap="sm">
        <div>
          <Title order={2} fz={16} id="audit-programme-title">
            Internal audit programme
          </Title>
          <Text size="xs" c="dimmed">
            Clause 9.2: every clause and applicable control audited internally at least once in three years.
          </Text>
        </div>
        <Group justify="space-between" align="baseline">
          <Text fz={28} fw={700} lh={1}>
            {percent}%
          </Text>
          <Text size="sm" c="dimmed">
            {covered} of {rows.length} covered
          </Text>
        </Group>
        <Progress value={percent} color={percent === 100 ? 'teal' : percent >= 75 ? 'blue' : 'orange'} aria-label={`${percent}% of the programme covered`} />
        {line('Clauses 4–10', clauses)}
        {line('Applicable Annex A controls', controls)}
        {uncovered.length ? (
          <Stack gap={6} mt={4}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                Not covered yet
              </Text>
              <Badge size="sm" variant="light" color="orange">
                {uncovered.length}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah={showAll ? 320 : undefined} type="auto">
              <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {shown.map((r) => (
                  <Group key={r.ref} component="li" gap={8} wrap="nowrap" align="baseline">
                    <Text size="xs" fw={600} ff="monospace" miw={52}>
                      {r.ref}
                    </Text>
                    <Text size="xs" lineClamp={1} title={r.title}>
                      {r.title}
                      {r.lastCoveredOn ? ` (last ${dayjs(r.lastCoveredOn).format('MMM YYYY')})` : ''}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {uncovered.length > 8 ? (
              <Anchor component="button" type="button" size="xs" onClick={() => setShowAll((v) => !v)} ta="left">
                {showAll ? 'Show fewer' : `Show all ${uncovered.length}`}
              </Anchor>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="teal.8">
            Every clause and applicable control was audited in the last three years.
          </Text>
        )}
        {uncovered.length ? (
          <Text size="xs" c="dimmed">
            Put the uncovered ones in the scope of the next internal audit.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

