import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Progress, RingProgress, SegmentedControl, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AREA_LABELS, AREA_LINKS, type ReadinessBlockerRow, type ReadinessRow } from '../dashboard-operations';

export function scoreColor(score: number): string {
  if (score >= 80) return 'teal';
  if (score >= 50) return 'yellow';
  return 'red';
}

function StageLine({ label, ready, blockers }: { label: string; ready: boolean; blockers: number }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="sm" radius="xl" variant="light" color={ready ? 'teal' : 'red'} aria-hidden>
        {ready ? <IconCircleCheck size={14} /> : <IconCircleX size={14} />}
      </ThemeIcon>
      <Text size="sm">
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        {ready ? 'ready' : `${blockers} ${blockers === 1 ? 'blocker' : 'blockers'}`}
      </Text>
    </Group>
  );
}

/** The score as a ring, with where stage 1 and stage 2 stand. */
export function ReadinessScoreCard({ readiness }: { readiness: ReadinessRow }) {
  const color = scoreColor(readiness.score);
  return (
    <Card h="100%" component="section" aria-label="Readiness score">
      <Group wrap="nowrap" gap="lg" align="center">
        <RingProgress
          size={128}
          thickness={12}
          roundCaps
          sections={[{ value: readiness.score, color }]}
          label={
            <Stack gap={0} align="center">
              <Text fz={30} fw={700} lh={1} data-testid="readiness-score">
                {readiness.score}
              </Text>
              <Text size="xs" c="dimmed">
                of 100
              </Text>
            </Stack>
          }
        />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={2} fz={18}>
            Readiness
          </Title>
          <StageLine label="Stage 1" ready={readiness.stage1.ready} blockers={readiness.stage1.blockers.length} />
          <StageLine label="Stage 2" ready={readiness.stage2.ready} blockers={readiness.stage2.blockers.length} />
          <Text size="xs" c="dimmed">
            Computed from your data, updated live.
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

const VISIBLE_BLOCKERS = 8;

const GROUP_TITLES: Record<string, (n: number) => string> = {
  MANDATORY_DOCUMENT_MISSING: (n) => `${n} mandatory documents missing or not current.`,
  CONSISTENCY_ERROR: (n) => `${n} contradictions in the data.`,
};

/** Three or more blockers of one kind read as one line, the details beneath. */
function groupBlockers(blockers: ReadinessBlockerRow[]): Array<ReadinessBlockerRow & { detail?: string }> {
  const out: Array<ReadinessBlockerRow & { detail?: string }> = [];
  for (const blocker of blockers) {
    const same = blockers.filter((b) => b.code === blocker.code);
    const title = GROUP_TITLES[blocker.code];
    if (!title || same.length < 3) {
      out.push(blocker);
      continue;
    }
    if (same[0] !== blocker) continue;
    out.push({
      ...blocker,
      message: title(same.length),
      detail: same.map((b) => /\(([^)]+)\)\.?$/.exec(b.message)?.[1] ?? b.message).join(', '),
      link: blocker.code === 'MANDATORY_DOCUMENT_MISSING' ? 'documents' : blocker.link,
    });
  }
  return out;
}

/** What stands between the organisation and each stage, each with where to fix it. */
export function ReadinessBlockers({ readiness, base }: { readiness: ReadinessRow; base: string }) {
  const [stage, setStage] = useState<'stage1' | 'stage2'>(readiness.stage1.ready ? 'stage2' : 'stage1');
  const [expanded, setExpanded] = useState(false);
  const all = groupBlockers(readiness[stage].blockers);
  const blockers = expanded ? all : all.slice(0, VISIBLE_BLOCKERS);
  return (
    <Card h="100%" component="section" aria-label="Blockers">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz={18}>
            What stands between you and certification
          </Title>
          <SegmentedControl
            size="xs"
            value={stage}
            onChange={(v) => {
              setStage(v as 'stage1' | 'stage2');
              setExpanded(false);
            }}
            data={[
              { value: 'stage1', label: `Stage 1 (${readiness.stage1.blockers.length})` },
              { value: 'stage2', label: `Stage 2 (${readiness.stage2.blockers.length})` },
            ]}
            aria-label="Audit stage"
          />
        </Group>
        {blockers.length === 0 ? (
          <Group gap="xs">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="sm">Nothing blocks {stage === 'stage1' ? 'the stage 1 audit' : 'stage 2 and the certification decision'}.</Text>
          </Group>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={`${stage === 'stage1' ? 'Stage 1' : 'Stage 2'} blockers`}>
            {blockers.map((blocker, index) => (
              <Group
                key={`${blocker.code}-${index}`}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                py={8}
                style={{ borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}
                data-blocker={blocker.code}
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm">{blocker.message}</Text>
                  {blocker.detail ? (
                    <Text size="xs" c="dimmed">
                      {blocker.detail}
                    </Text>
                  ) : null}
                  <Badge size="xs" variant="light" color="gray" radius="sm">
                    {AREA_LABELS[blocker.area]}
                  </Badge>
                </Stack>
                {blocker.link ? (
                  <Button component={Link} to={`${base}/${blocker.link}`} size="compact-xs" variant="light" rightSection={<IconArrowRight size={12} />} aria-label={`Fix: ${blocker.message}`} style={{ flexShrink: 0 }}>
                    Fix
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {all.length > VISIBLE_BLOCKERS ? (
          <Button variant="subtle" size="xs" onClick={() => setExpanded((e) => !e)} style={{ alignSelf: 'flex-start' }}>
            {expanded ? 'Show fewer' : `Show all ${all.length} blockers`}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One bar per area, each linking to where it is worked on. */
export function ReadinessBreakdown({ readiness, base }: { readiness: ReadinessRow; base: string }) {
  return (
    <Card h="100%" component="section" aria-label="Score by area">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Score by area
        </Title>
        <Stack gap={8}>
          {readiness.breakdown.map((area) => (
            <Stack key={area.area} gap={2}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Anchor component={Link} to={`${base}/${AREA_LINKS[area.area]}`} size="sm" c="inherit">
                  {AREA_LABELS[area.area]}
                </Anchor>
                <Tooltip label={`Weighs ${area.weight} of 100 in the score`}>
                  <Text size="sm" fw={600} c={`${scoreColor(area.score)}.8`}>
                    {area.score}
                  </Text>
                </Tooltip>
              </Group>
              <Progress value={area.score} color={scoreColor(area.score)} size="sm" aria-label={`${AREA_LABELS[area.area]}: ${area.score} of 100`} />
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
