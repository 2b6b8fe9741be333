import { Anchor, Badge, Grid, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { AuditDetail } from '../../audit-operations';
import {
  CHECKLIST_VERDICTS,
  CHECKLIST_VERDICT_COLORS,
  CHECKLIST_VERDICT_LABELS,
  EVIDENCE_REQUEST_STATUSES,
  EVIDENCE_REQUEST_STATUS_COLORS,
  EVIDENCE_REQUEST_STATUS_LABELS,
  FINDING_KINDS,
  FINDING_KIND_COLORS,
  FINDING_KIND_LABELS,
} from '../../audit-words';
import { compareRefs } from './audit-badges';
import { SCOPE_GROUPS } from './audit-form-modal';

function CountCard({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz={15}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function CountLine({ label, count, color }: { label: string; count: number; color: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Group gap={6}>
        <Badge color={color} variant="light" radius="sm" size="sm" tt="none">
          {label}
        </Badge>
      </Group>
      <Text size="sm" fw={count ? 600 : 400} c={count ? undefined : 'dimmed'}>
        {count}
      </Text>
    </Group>
  );
}

const GROUP_LABELS = Object.fromEntries(SCOPE_GROUPS.map((g) => [g.value, g.label]));

/** Why the audit is held, what it covers, and how far it has got. */
export function AuditOverview({ audit, onTab }: { audit: AuditDetail; onTab(tab: string): void }) {
  const checked = audit.checklist.filter((i) => i.verdict !== 'NOT_CHECKED').length;
  const total = audit.checklist.length;
  const nextSession = audit.agenda.find((s) => dayjs(s.endsAt).isAfter(dayjs()));
  const link = (tab: string, label: string) => (
    <Anchor component="button" type="button" size="sm" onClick={() => onTab(tab)}>
      {label}
    </Anchor>
  );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz={15} mb="xs">
              Objectives
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={audit.objectives ? undefined : 'dimmed'}>
              {audit.objectives || 'No objectives written yet.'}
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz={15} mb="xs">
              Scope
            </Title>
            {audit.scopeRefs.length ? (
              <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {[...audit.scopeRefs].sort(compareRefs).map((ref) => (
                  <Group key={ref} component="li" gap="sm" wrap="nowrap">
                    <Text size="sm" fw={600} ff="monospace" w={52}>
                      {ref}
                    </Text>
                    <Text size="sm">{GROUP_LABELS[ref]?.replace(/^Clause \d+ |^A\.\d /, '') ?? audit.checklist.find((i) => i.ref === ref)?.requirement ?? ''}</Text>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                Not set yet.
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="sm">
              {total} requirement{total === 1 ? '' : 's'} on the checklist.
            </Text>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <CountCard title="Checklist" action={link('checklist', 'Open the checklist')}>
            <Text size="sm" mb={6}>
              {checked} of {total} checked
            </Text>
            <Progress value={total ? (checked / total) * 100 : 0} aria-label={`${checked} of ${total} checked`} mb="sm" />
            <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
              {CHECKLIST_VERDICTS.filter((v) => v !== 'NOT_CHECKED').map((v) => (
                <CountLine key={v} label={CHECKLIST_VERDICT_LABELS[v]} count={audit.checklist.filter((i) => i.verdict === v).length} color={CHECKLIST_VERDICT_COLORS[v]} />
              ))}
            </SimpleGrid>
          </CountCard>
          <CountCard title="Evidence requests" action={link('evidence', 'Open the requests')}>
            <Stack gap={6}>
              {EVIDENCE_REQUEST_STATUSES.map((s) => (
                <CountLine key={s} label={EVIDENCE_REQUEST_STATUS_LABELS[s]} count={audit.evidenceRequests.filter((r) => r.status === s).length} color={EVIDENCE_REQUEST_STATUS_COLORS[s]} />
              ))}
              {audit.evidenceRequests.some((r) => r.overdue) ? (
                <Text size="xs" c="red.8" fw={600}>
                  {audit.evidenceRequests.filter((r) => r.overdue).length} overdue
                </Text>
              ) : null}
            </Stack>
          </CountCard>
          <CountCard title="Findings" action={link('findings', 'Open the findings')}>
            <Stack gap={6}>
              {FINDING_KINDS.map((k) => (
                <CountLine key={k} label={FINDING_KIND_LABELS[k]} count={audit.findings.filter((f) => f.kind === k).length} color={FINDING_KIND_COLORS[k]} />
              ))}
            </Stack>
          </CountCard>
          <CountCard title="Agenda" action={link('agenda', 'Open the agenda')}>
            {nextSession ? (
              <Text size="sm">
                Next: <b>{nextSession.topic}</b>, {dayjs(nextSession.startsAt).format('ddd D MMM, HH:mm')}
                {nextSession.location ? ` · ${nextSession.location}` : ''}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {audit.agenda.length ? `${audit.agenda.length} sessions, all past.` : 'No sessions yet.'}
              </Text>
            )}
          </CountCard>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
