import { Card, Grid, Group, Progress, RingProgress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ControlTheme, GapGroupScore, GapItemRow } from '../gap-operations';
import { isControlTheme, scoreColor } from '../gap-words';

interface GapScoresProps {
  score: number | null;
  clauseScores: GapGroupScore[];
  themeScores: GapGroupScore[];
  items: GapItemRow[];
  /** A theme's bar was chosen: show its controls. */
  onTheme(theme: ControlTheme): void;
  /** The theme the table is narrowed to, shown as chosen. */
  activeTheme: ControlTheme | '';
}

/** The gauge and the progress per clause and theme: where you stand, at a glance. */
export function GapScores({ score, clauseScores, themeScores, items, onTheme, activeTheme }: GapScoresProps) {
  const implemented = items.filter((i) => i.status === 'IMPLEMENTED').length;
  const gaps = items.filter((i) => i.status === 'NOT_STARTED' || i.status === 'PARTIAL').length;
  const notStarted = items.filter((i) => i.status === 'NOT_STARTED').length;
  const notApplicable = items.filter((i) => i.status === 'NOT_APPLICABLE').length;
  return (
    <Card>
      <Grid gap={{ base: 'lg', md: 'xl' }}>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack align="center" gap={6} ta="center">
            <div role="img" aria-label={score === null ? 'Overall score: nothing applies yet' : `Overall score ${score} out of 100`}>
              <RingProgress
                size={156}
                thickness={14}
                roundCaps
                sections={score ? [{ value: score, color: scoreColor(score) }] : []}
                label={
                  <Stack gap={0} align="center">
                    <Text fz={32} fw={700} lh={1.1}>
                      {score === null ? '—' : `${score}%`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      overall
                    </Text>
                  </Stack>
                }
              />
            </div>
            <Text size="sm" fw={600}>
              {implemented} of {items.length - notApplicable} requirements implemented
            </Text>
            <Text size="xs" c="dimmed">
              {gaps} {gaps === 1 ? 'gap' : 'gaps'} open ({notStarted} not started) · {notApplicable} not applicable
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4.5 }}>
          <ScoreList title="Clauses 4–10" caption="The management system itself" groups={clauseScores} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4.5 }}>
          <ScoreList
            title="Annex A themes"
            caption="Choose a theme to see its controls"
            groups={themeScores}
            activeKey={activeTheme}
            onChoose={(key) => {
              if (isControlTheme(key)) onTheme(key);
            }}
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}

interface ScoreListProps {
  title: string;
  caption: string;
  groups: GapGroupScore[];
  activeKey?: string;
  onChoose?(key: string): void;
}

function ScoreList({ title, caption, groups, activeKey, onChoose }: ScoreListProps) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} fz={15}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {caption}
        </Text>
      </Group>
      {groups.map((group) => {
        const row = <ScoreRow group={group} active={activeKey === group.key} />;
        return onChoose ? (
          <UnstyledButton
            key={group.key}
            onClick={() => onChoose(group.key)}
            className="annex-next-step"
            py={4}
            aria-pressed={activeKey === group.key}
            aria-label={`${group.title}: ${group.score ?? 'no'} percent, ${group.implemented} of ${group.total} implemented. Show these controls.`}
          >
            {row}
          </UnstyledButton>
        ) : (
          <div key={group.key}>{row}</div>
        );
      })}
    </Stack>
  );
}

function ScoreRow({ group, active }: { group: GapGroupScore; active: boolean }) {
  return (
    <Stack gap={3}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={active ? 700 : 500} lineClamp={1}>
          {group.title}
        </Text>
        <Group gap={8} wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {group.implemented} of {group.total} implemented
          </Text>
          <Text size="sm" fw={650} w={40} ta="right" c={group.score !== null && group.score < 40 ? 'red.8' : undefined}>
            {group.score === null ? '—' : `${group.score}%`}
          </Text>
        </Group>
      </Group>
      <Progress value={group.score ?? 0} color={scoreColor(group.score)} size="sm" aria-label={`${group.title} score`} />
    </Stack>
  );
}
