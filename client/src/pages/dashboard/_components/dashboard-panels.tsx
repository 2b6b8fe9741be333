import { AreaChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { DueDate } from '../../../components/due-date';
import type { GapGroupScore } from '../../gap-analysis/gap-operations';
import type { HeatMapCell, RiskMatrix } from '../../risks/risk-operations';
import { RiskHeatMap } from '../../risks/_components/risk-heat-map';
import { writeCell } from '../../risks/risk-url-filter';
import type { DashboardTaskRow, ReadinessDashboardData, ReadinessRow } from '../dashboard-operations';
import { scoreColor } from './readiness-cards';

function GroupBars({ heading, groups }: { heading: string; groups: GapGroupScore[] }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {heading}
      </Text>
      {groups.map((group) => (
        <Stack key={group.key} gap={0}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {group.title}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {group.implemented}/{group.total} · {group.score ?? '–'}
            </Text>
          </Group>
          <Progress value={group.score ?? 0} color={scoreColor(group.score ?? 0)} size="sm" aria-label={`${group.title}: ${group.score ?? 0} of 100`} />
        </Stack>
      ))}
    </Stack>
  );
}

/** The gap analysis by clause (4–10) and by Annex A theme. */
export function GapProgress({ gap, base }: { gap: NonNullable<NonNullable<ReadinessDashboardData['organization']>['gapAssessment']>; base: string }) {
  return (
    <Card h="100%" component="section" aria-label="Gap progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={18}>
            Gap progress
          </Title>
          <Anchor component={Link} to={`${base}/gap-analysis`} size="sm">
            {gap.score ?? 0} / 100 overall
          </Anchor>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <GroupBars heading="Clauses" groups={gap.clauseScores} />
          <GroupBars heading="Annex A themes" groups={gap.themeScores} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** Residual risks on the matrix; a cell opens the register filtered to it. */
export function DashboardHeatMap({ matrix, cells, base }: { matrix: RiskMatrix; cells: HeatMapCell[]; base: string }) {
  const navigate = useNavigate();
  return (
    <Card h="100%" component="section" aria-label="Risk heat map">
      <RiskHeatMap
        map="residual"
        title="Risks after treatment"
        caption="Choose a cell to see its risks."
        matrix={matrix}
        cells={cells}
        selected={null}
        onSelect={(cell) => {
          if (cell) void navigate(`${base}/risks?cell=${encodeURIComponent(writeCell(cell))}`);
        }}
      />
    </Card>
  );
}

/** Open non-conformities week by week: the line should come down before the decision. */
export function NonconformityBurndown({ readiness }: { readiness: ReadinessRow }) {
  const data = readiness.nonconformityBurndown.map((p) => ({ week: p.weekEnding.slice(5), Open: p.open, Overdue: p.overdue }));
  const f = readiness.facts;
  return (
    <Card h="100%" component="section" aria-label="Non-conformity burn-down">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz={18}>
            Non-conformities
          </Title>
          <Group gap={6}>
            <Badge color={f.openMajorNonconformities ? 'red' : 'gray'} variant="light">
              {f.openMajorNonconformities} major open
            </Badge>
            <Badge color={f.openMinorNonconformities ? 'orange' : 'gray'} variant="light">
              {f.openMinorNonconformities} minor open
            </Badge>
            <Badge color={f.overdueCorrectiveActions ? 'red' : 'gray'} variant="light">
              {f.overdueCorrectiveActions} overdue actions
            </Badge>
          </Group>
        </Group>
        <AreaChart
          h={180}
          data={data}
          dataKey="week"
          series={[
            { name: 'Open', color: 'orange.6' },
            { name: 'Overdue', color: 'red.7' },
          ]}
          curveType="step"
          withDots={false}
          yAxisProps={{ allowDecimals: false }}
          aria-label="Open and overdue non-conformities over the last twelve weeks"
        />
        <Text size="xs" c="dimmed">
          Open at the end of each week over the last twelve weeks: raised and not yet verified effective.
        </Text>
      </Stack>
    </Card>
  );
}

function TaskLines({ tasks, base, overdue }: { tasks: DashboardTaskRow[]; base: string; overdue: boolean }) {
  return (
    <Stack gap={4}>
      {tasks.map((task) => (
        <Group key={task.id} justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`${base}/tasks?task=${task.id}`} size="sm" truncate>
              {task.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {task.assignee?.name ?? 'Unassigned'}
            </Text>
          </Stack>
          {task.dueDate ? <DueDate value={task.dueDate} overdue={overdue} size="xs" /> : null}
        </Group>
      ))}
    </Stack>
  );
}

/** Tasks due by the end of the week, and those already late. */
export function TasksThisWeek({ dueThisWeek, overdue, base }: { dueThisWeek: { totalCount: number; tasks: DashboardTaskRow[] }; overdue: { totalCount: number; tasks: DashboardTaskRow[] }; base: string }) {
  return (
    <Card h="100%" component="section" aria-label="Tasks this week">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Tasks
        </Title>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="xs" fw={700} c="red.8" tt="uppercase">
              Overdue · {overdue.totalCount}
            </Text>
            {overdue.totalCount > overdue.tasks.length ? (
              <Anchor component={Link} to={`${base}/tasks?overdue=1`} size="xs">
                See all
              </Anchor>
            ) : null}
          </Group>
          {overdue.tasks.length ? <TaskLines tasks={overdue.tasks} base={base} overdue /> : <Text size="sm" c="dimmed">Nothing overdue.</Text>}
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Due this week · {dueThisWeek.totalCount}
            </Text>
            {dueThisWeek.totalCount > dueThisWeek.tasks.length ? (
              <Anchor component={Link} to={`${base}/tasks`} size="xs">
                See all
              </Anchor>
            ) : null}
          </Group>
          {dueThisWeek.tasks.length ? <TaskLines tasks={dueThisWeek.tasks} base={base} overdue={false} /> : <Text size="sm" c="dimmed">Nothing due this week.</Text>}
        </Stack>
      </Stack>
    </Card>
  );
}
