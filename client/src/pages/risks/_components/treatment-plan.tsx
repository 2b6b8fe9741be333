import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Center, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconArrowRight, IconListCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { useLiveTopic } from '../../../apollo/organization-events';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS, isOpenStatus } from '../../tasks/task-words';
import { TREATMENT_PLAN_QUERY, appendRiskPage, useRiskListChanged, type RiskPlanRow, type RisksVariables } from '../risk-operations';
import { PLANNED_TREATMENTS } from '../risk-words';
import { ScoreWithLevel, TreatmentBadge } from './risk-badges';

const PLAN_PAGE_SIZE = 100;

/**
 * The risk treatment plan (clause 6.1.3 e): every risk being mitigated, transferred or avoided,
 * with the controls that carry it, the tasks that do the work and who owns the risk.
 */
export function TreatmentPlan({ onOpen, selectedId }: { onOpen(riskId: string): void; selectedId: string | null }) {
  const { organization } = useCurrentOrganization();
  const [withoutTasksOnly, setWithoutTasksOnly] = useState(false);
  const variables: RisksVariables = useMemo(
    () => ({ id: organization.id, first: PLAN_PAGE_SIZE, filter: { treatment: [...PLANNED_TREATMENTS] }, orderBy: { field: 'INHERENT_SCORE', direction: 'DESC' } }),
    [organization.id],
  );
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(TREATMENT_PLAN_QUERY, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const connection = data?.organization?.risks;
  const risks = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  const reload = () => void refetch({ first: Math.min(100, Math.max(PLAN_PAGE_SIZE, risks.length)), after: null }).catch(() => undefined);
  useLiveTopic('tasks', reload);
  useRiskListChanged(reload);

  const tasks = risks.flatMap((r) => r.tasks.filter((t) => t.status !== 'CANCELLED'));
  const open = tasks.filter((t) => isOpenStatus(t.status));
  const overdue = open.filter((t) => t.overdue);
  const bare = risks.filter((r) => r.tasks.filter((t) => t.status !== 'CANCELLED').length === 0);
  const shown = withoutTasksOnly ? bare : risks;

  if (error && !connection) return <ErrorState error={error} title="The treatment plan could not be loaded" onRetry={() => refetch()} />;
  if (!connection) {
    return (
      <Card>
        <SkeletonRows rows={6} />
      </Card>
    );
  }

  return (
    <Stack gap="md">
      <Card py="md">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="xl" wrap="wrap">
            <Stat value={connection.totalCount} label={connection.totalCount === 1 ? 'risk under treatment' : 'risks under treatment'} />
            <Stat value={open.length} label={`open ${open.length === 1 ? 'task' : 'tasks'} of ${tasks.length}`} />
            <Stat value={overdue.length} label="overdue" color={overdue.length ? 'red.8' : undefined} />
            <Stat value={bare.length} label={bare.length === 1 ? 'risk without a task' : 'risks without a task'} color={bare.length ? 'orange.9' : undefined} />
          </Group>
          <Switch label="Only risks without a task" checked={withoutTasksOnly} onChange={(event) => setWithoutTasksOnly(event.currentTarget.checked)} color="orange" />
        </Group>
      </Card>
      <Card p={0}>
        {shown.length === 0 ? (
          <Center p="xl">
            <Stack align="center" gap={6} ta="center" maw={520}>
              <IconListCheck size={36} aria-hidden color="var(--mantine-color-dimmed)" />
              <Text fw={600}>{withoutTasksOnly ? 'Every treated risk has a task' : 'No risk is being treated yet'}</Text>
              <Text size="sm" c="dimmed">
                {withoutTasksOnly
                  ? 'Each risk you mitigate, transfer or avoid has work planned for it.'
                  : 'Choose a treatment for each risk above your threshold (mitigate, transfer or avoid) with the controls that carry it, then add the tasks that put it in place.'}
              </Text>
            </Stack>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={1120}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th w={100}>Treatment</Table.Th>
                  <Table.Th w={230}>Controls</Table.Th>
                  <Table.Th w={340}>Tasks</Table.Th>
                  <Table.Th w={140}>Risk owner</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((risk) => (
                  <PlanRow key={risk.id} risk={risk} selected={risk.id === selectedId} onOpen={onOpen} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {connection.pageInfo.hasNextPage ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Showing {risks.length} of {connection.totalCount}
          </Text>
          <Button
            variant="default"
            loading={networkStatus === NetworkStatus.fetchMore}
            onClick={() =>
              void fetchMore({ variables: { after: connection.pageInfo.endCursor, first: PLAN_PAGE_SIZE }, updateQuery: (previous, { fetchMoreResult }) => appendRiskPage(previous, fetchMoreResult) })
            }
          >
            Load more
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Stat({ value, label, color }: { value: number; label: string; color?: string }) {
  return (
    <Group gap={6} align="baseline" wrap="nowrap">
      <Text fz={22} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

function PlanRow({ risk, selected, onOpen }: { risk: RiskPlanRow; selected: boolean; onOpen(id: string): void }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(risk.id);
  const tasks = risk.tasks.filter((t) => t.status !== 'CANCELLED');
  return (
    <Table.Tr className={flash} bg={selected ? 'indigo.0' : undefined} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Anchor component="button" type="button" fw={500} c="dark.8" size="sm" ta="left" lineClamp={2} onClick={() => onOpen(risk.id)}>
          {risk.title}
        </Anchor>
        <Group gap={6} mt={6} wrap="nowrap">
          <ScoreWithLevel score={risk.inherentScore} level={risk.level} />
          <IconArrowRight size={12} aria-label="becomes" color="var(--mantine-color-dimmed)" />
          <ScoreWithLevel score={risk.residualScore} level={risk.residualLevel} above={risk.aboveThreshold} />
        </Group>
      </Table.Td>
      <Table.Td>
        <TreatmentBadge treatment={risk.treatment} />
      </Table.Td>
      <Table.Td>
        {risk.controls.length ? (
          <Stack gap={2}>
            {risk.controls.map((control) => (
              <Text key={control.ref} size="xs" lineClamp={1} title={`${control.ref} ${control.title}`}>
                <Text span fw={600} size="xs">
                  {control.ref}
                </Text>{' '}
                {control.title}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="xs" c="orange.9">
            No control linked
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {tasks.length ? (
          <Stack gap={8}>
            {tasks.map((task) => {
              const openTask = isOpenStatus(task.status);
              return (
                <Stack key={task.id} gap={2}>
                  <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${encodeURIComponent(task.id)}`} size="xs" c={openTask ? 'dark.8' : 'dimmed'} td={openTask ? undefined : 'line-through'} lineClamp={2}>
                    {task.title}
                  </Anchor>
                  <Group gap={8} wrap="nowrap">
                    <Badge size="xs" color={TASK_STATUS_COLORS[task.status]} style={{ flexShrink: 0 }}>
                      {TASK_STATUS_LABELS[task.status]}
                    </Badge>
                    <DueDate value={task.dueDate} overdue={task.overdue} finished={!openTask} size="xs" none="No due date" />
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      · {task.assignee?.name ?? 'Unassigned'}
                    </Text>
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        ) : (
          <Group gap="xs">
            <Text size="xs" c="orange.9">
              No task yet
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => onOpen(risk.id)}>
              Plan one
            </Anchor>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <PersonLabel person={risk.owner} none="No owner" />
      </Table.Td>
    </Table.Tr>
  );
}
