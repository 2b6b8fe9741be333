import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Center, Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconLayoutKanban, IconList, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { NewTaskModal } from './_components/new-task-modal';
import { TaskBoard } from './_components/task-board';
import { TaskDrawer } from './_components/task-drawer';
import { TaskFilters } from './_components/task-filters';
import { TasksTable } from './_components/tasks-table';
import { TASKS_PAGE_QUERY, TASKS_PAGE_SIZE } from './task-operations';
import { isFiltered, readTaskUrlFilter, readTaskView, toTaskFilterInput, writeTaskUrl, type TaskUrlFilter, type TaskView } from './task-url-filter';

export function TasksPage() {
  const { can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const urlFilter = useMemo(() => readTaskUrlFilter(params), [params]);
  const view = readTaskView(params);
  const filter = useMemo(() => toTaskFilterInput(urlFilter), [urlFilter]);
  const panel = usePanelParam('task');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const update = (next: Partial<TaskUrlFilter>, nextView: TaskView = view) => setParams(writeTaskUrl(params, { ...urlFilter, ...next }, nextView), { replace: true });
  const clear = () => setParams(writeTaskUrl(params, { status: [], assignee: '', overdue: false, search: '' }, view), { replace: true });

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Every piece of work in the programme, with an owner and a deadline. Open work first, soonest deadline on top."
        actions={
          <>
            <SegmentedControl
              aria-label="View"
              value={view}
              onChange={(next) => update({}, next as TaskView)}
              data={[
                {
                  value: 'list',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconList size={16} aria-hidden />
                      <span>List</span>
                    </Group>
                  ),
                },
                {
                  value: 'board',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconLayoutKanban size={16} aria-hidden />
                      <span>Board</span>
                    </Group>
                  ),
                },
              ]}
            />
            {can('task:create') ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
                New task
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card py="md">
          <TaskFilters value={urlFilter} onChange={(next) => update(next)} onClear={clear} />
        </Card>
        {view === 'board' ? (
          <TaskBoard filter={filter} statuses={urlFilter.status} onOpen={panel.open} />
        ) : (
          <TaskList filter={filter} filtered={isFiltered(urlFilter)} selectedId={panel.value} onOpen={panel.open} onCreate={can('task:create') ? openCreate : null} onClear={clear} />
        )}
      </Stack>
      <TaskDrawer />
      {can('task:create') ? <NewTaskModal opened={creating} onClose={closeCreate} onCreated={panel.open} /> : null}
    </>
  );
}

interface TaskListProps {
  filter: ReturnType<typeof toTaskFilterInput>;
  filtered: boolean;
  selectedId: string | null;
  onOpen(taskId: string): void;
  onCreate: (() => void) | null;
  onClear(): void;
}

function TaskList({ filter, filtered, selectedId, onOpen, onCreate, onClear }: TaskListProps) {
  const { organization } = useCurrentOrganization();
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(TASKS_PAGE_QUERY, {
    variables: { id: organization.id, first: TASKS_PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.organization?.tasks;
  const tasks = connection?.edges.map((edge) => edge.node) ?? [];
  const loadedCount = connection?.edges.length ?? 0;

  // Something changed live: reload the rows already shown (all pages of them), in place.
  useLiveTopic('tasks', () => {
    void refetch({ first: Math.min(100, Math.max(TASKS_PAGE_SIZE, loadedCount)), after: null }).catch(() => undefined);
  });

  const firstLoad = !connection && (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables);
  const filtering = networkStatus === NetworkStatus.setVariables;

  return (
    <>
      <Card p={0}>
        {error && !connection ? (
          <Stack p="lg">
            <ErrorState error={error} onRetry={() => refetch()} />
          </Stack>
        ) : firstLoad || !connection ? (
          <Stack p="lg">
            <SkeletonRows rows={8} />
          </Stack>
        ) : tasks.length === 0 ? (
          filtered ? (
            <Center p="xl">
              <Stack align="center" gap={4} ta="center">
                <Text fw={600}>No tasks match these filters</Text>
                <Text size="sm" c="dimmed">
                  Clear a filter to see more.
                </Text>
                <Button variant="default" size="xs" mt="xs" onClick={onClear}>
                  Clear filters
                </Button>
              </Stack>
            </Center>
          ) : (
            <Center p="xl">
              <Stack align="center" gap={6} ta="center" maw={520}>
                <IconChecklist size={36} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text fw={600}>No tasks yet</Text>
                <Text size="sm" c="dimmed">
                  Tasks carry the certification work: closing a gap, reviewing a policy, collecting evidence for the auditor. Give each one an owner and a due date, and it shows up in their My work.
                </Text>
                {onCreate ? (
                  <Button mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                    Create the first task
                  </Button>
                ) : null}
              </Stack>
            </Center>
          )
        ) : (
          <div style={{ opacity: filtering ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={filtering}>
            <VisuallyHidden role="status">{`${connection.totalCount} tasks`}</VisuallyHidden>
            <TasksTable tasks={tasks} selectedId={selectedId} onOpen={onOpen} />
          </div>
        )}
      </Card>
      {connection && tasks.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Showing {tasks.length} of {connection.totalCount} {connection.totalCount === 1 ? 'task' : 'tasks'}
          </Text>
          {connection.pageInfo.hasNextPage ? (
            <Button variant="default" loading={networkStatus === NetworkStatus.fetchMore} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor, first: TASKS_PAGE_SIZE } })}>
              Load more
            </Button>
          ) : null}
        </Group>
      ) : null}
    </>
  );
}
