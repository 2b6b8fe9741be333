import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Box, Button, Card, EmptyState, Grid, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowRight, IconAt, IconBook2, IconCalendarDue, IconChecklist, IconCoffee, IconPlus, IconSignature, type Icon } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../apollo/live-highlight';
import { DueDate, daysUntil } from '../../components/due-date';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { RelativeTime } from '../../components/relative-time';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import { ApprovalDrawer } from '../approvals/_components/approval-drawer';
import { subjectTitle } from '../approvals/_components/approvals-table';
import type { ApprovalListRow } from '../approvals/approval-operations';
import type { DocumentToAcknowledge } from '../documents/documents-operations';
import { DOCUMENT_KIND_LABELS } from '../documents/document-words';
import { useMarkNotificationsRead, type NotificationRow } from '../notifications/notification-operations';
import { NewTaskModal } from '../tasks/_components/new-task-modal';
import { TaskPriorityBadge, TaskStatusBadge } from '../tasks/_components/task-badges';
import { TaskDrawer } from '../tasks/_components/task-drawer';
import type { TaskRow } from '../tasks/task-fragments';
import { MY_WORK_QUERY } from './my-work-operations';
import { MyAuditWork } from './my-audit-work';
import { MyTrainingSection } from '../training/my-training-section';

const MENTIONS_SHOWN = 6;

/** "What needs me now?": decisions waiting for me, my overdue and due-soon tasks, recent mentions. */
export function MyWorkPage() {
  const { organization, can } = useCurrentOrganization();
  const viewer = useViewer();
  const taskPanel = usePanelParam('task');
  const requestPanel = usePanelParam('request');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const { data, error, refetch } = useQuery(MY_WORK_QUERY, {
    variables: { id: organization.id, me: viewer.id },
    fetchPolicy: 'cache-and-network',
  });

  const groups = useMemo(() => {
    const tasks = data?.organization?.myTasks.edges.map((e) => e.node) ?? [];
    const overdue = tasks.filter((t) => t.overdue);
    const rest = tasks.filter((t) => !t.overdue);
    const thisWeek = rest.filter((t) => t.dueDate && daysUntil(t.dueDate) <= 6);
    const later = rest.filter((t) => t.dueDate && daysUntil(t.dueDate) > 6);
    const undated = rest.filter((t) => !t.dueDate);
    return { all: tasks, overdue, thisWeek, later, undated };
  }, [data]);
  const waiting = useMemo(() => (data?.organization?.waiting.edges.map((e) => e.node) ?? []).filter((r) => r.viewerCanDecide), [data]);
  const mentions = useMemo(() => (data?.viewer?.notifications.edges.map((e) => e.node) ?? []).filter((n) => n.kind === 'MENTIONED').slice(0, MENTIONS_SHOWN), [data]);
  const unreadMentions = mentions.filter((m) => !m.read).length;
  const toAcknowledge = data?.organization?.documentsToAcknowledge ?? [];
  const nothing = !!data && waiting.length === 0 && groups.all.length === 0 && mentions.length === 0 && toAcknowledge.length === 0;
  const base = `/o/${organization.id}`;

  return (
    <>
      <PageHeader title="My work" description={`What needs you now in ${organization.name}: decisions first, then overdue work and this week’s deadlines.`} />
      {data && nothing ? <MyTrainingSection mb="lg" /> : null}
      {error && !data ? (
        <ErrorState error={error} onRetry={() => refetch()} />
      ) : !data ? (
        <SkeletonRows rows={6} height={48} />
      ) : nothing ? (
        <Card>
          <EmptyState
            align="left"
            variant="light"
            icon={<IconCoffee size={28} aria-hidden />}
            title="Nothing needs you right now"
            description={
              <Text>
                This is where your part of the certification lands on its own: tasks assigned to you (overdue first), approvals you are asked to give, policies to read and acknowledge, and comments that mention you. Start
                your day here and work from the top.
              </Text>
            }
          >
            <Group gap="sm" mt="sm">
              {can('task:create') ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                  New task
                </Button>
              ) : null}
              <Button component={Link} to={`${base}/tasks`} variant="default">
                Browse all tasks
              </Button>
            </Group>
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <Stat icon={IconSignature} color="yellow" label="Waiting for your decision" value={waiting.length} />
            <Stat icon={IconAlertTriangle} color="red" label="Overdue" value={groups.overdue.length} alert={groups.overdue.length > 0} />
            <Stat icon={IconCalendarDue} color="indigo" label="Due this week" value={groups.thisWeek.length} />
            <Stat icon={IconAt} color="grape" label="Unread mentions" value={unreadMentions} />
          </SimpleGrid>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                <Card>
                  <SectionTitle icon={IconSignature} title="Waiting for your decision" count={waiting.length} />
                  {waiting.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No approval waits for you.
                    </Text>
                  ) : (
                    <Stack gap={0}>
                      {waiting.map((request) => (
                        <ApprovalLine key={request.id} request={request} onOpen={requestPanel.open} />
                      ))}
                    </Stack>
                  )}
                </Card>
                {toAcknowledge.length > 0 ? (
                  <Card component="section" aria-label="Documents to acknowledge">
                    <SectionTitle icon={IconBook2} title="Documents to acknowledge" count={toAcknowledge.length} />
                    <Text size="sm" c="dimmed" mb="xs">
                      Published policies addressed to you: read each one and confirm you have.
                    </Text>
                    <Stack gap={0}>
                      {toAcknowledge.map((document) => (
                        <DocumentLine key={document.id} document={document} />
                      ))}
                    </Stack>
                  </Card>
                ) : null}
                <MyAuditWork viewerId={viewer.id} />
                <MyTrainingSection />
                <Card>
                  <SectionTitle icon={IconChecklist} title="Your open tasks" count={groups.all.length} />
                  {groups.all.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No open task is assigned to you.
                    </Text>
                  ) : (
                    <Stack gap="md">
                      <TaskGroup title="Overdue" tone="red" tasks={groups.overdue} onOpen={taskPanel.open} />
                      <TaskGroup title="Due this week" tone="indigo" tasks={groups.thisWeek} onOpen={taskPanel.open} />
                      <TaskGroup title="Later" tasks={groups.later} onOpen={taskPanel.open} />
                      <TaskGroup title="No due date" tasks={groups.undated} onOpen={taskPanel.open} />
                    </Stack>
                  )}
                  <Anchor component={Link} to={`${base}/tasks?assignee=${encodeURIComponent(viewer.id)}`} size="sm" mt="sm" display="inline-block">
                    All tasks assigned to you
                  </Anchor>
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card>
                <SectionTitle icon={IconAt} title="Recent mentions" count={unreadMentions} countLabel="unread" />
                {mentions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    When someone writes @{viewer.name} in a comment, it shows up here.
                  </Text>
                ) : (
                  <Stack gap={0}>
                    {mentions.map((mention) => (
                      <MentionLine key={mention.id} mention={mention} onOpen={taskPanel.open} />
                    ))}
                  </Stack>
                )}
              </Card>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
      <TaskDrawer />
      <ApprovalDrawer />
      {can('task:create') ? <NewTaskModal opened={creating} onClose={closeCreate} onCreated={taskPanel.open} /> : null}
    </>
  );
}

function Stat({ icon: StatIcon, color, label, value, alert = false }: { icon: Icon; color: string; label: string; value: number; alert?: boolean }) {
  return (
    <Paper withBorder p="md" bg={alert ? 'red.0' : undefined} style={alert ? { borderColor: 'var(--mantine-color-red-3)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text fz={28} fw={700} lh={1.1} c={alert ? 'red.8' : undefined}>
            {value}
          </Text>
          <Text size="sm" c={alert ? 'red.9' : 'dimmed'}>
            {label}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} radius="xl" aria-hidden>
          <StatIcon size={16} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

function SectionTitle({ icon: SectionIcon, title, count, countLabel }: { icon: Icon; title: string; count: number; countLabel?: string }) {
  return (
    <Group gap="xs" mb="sm">
      <SectionIcon size={18} aria-hidden color="var(--mantine-color-indigo-7)" />
      <Title order={2} fz={17}>
        {title}
      </Title>
      {count > 0 ? (
        <Badge variant="light" color="gray" aria-label={`${count}${countLabel ? ` ${countLabel}` : ''}`}>
          {count}
          {countLabel ? ` ${countLabel}` : ''}
        </Badge>
      ) : null}
    </Group>
  );
}

function TaskGroup({ title, tasks, tone, onOpen }: { title: string; tasks: TaskRow[]; tone?: 'red' | 'indigo'; onOpen(id: string): void }) {
  if (tasks.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Text size="xs" fw={700} tt="uppercase" c={tone === 'red' ? 'red.8' : tone === 'indigo' ? 'indigo.8' : 'dimmed'}>
        {title} · {tasks.length}
      </Text>
      <Stack gap={0}>
        {tasks.map((task) => (
          <TaskLine key={task.id} task={task} onOpen={onOpen} />
        ))}
      </Stack>
    </Stack>
  );
}

function TaskLine({ task, onOpen }: { task: TaskRow; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(task.id);
  return (
    <UnstyledButton onClick={() => onOpen(task.id)} className={`annex-work-line ${flash ?? ''}`} data-task-id={task.id}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Box w={3} h={28} bg={task.overdue ? 'red.7' : 'transparent'} style={{ borderRadius: 2, flexShrink: 0 }} aria-hidden />
          <Text size="sm" fw={500} lineClamp={1}>
            {task.title}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {task.priority === 'HIGH' || task.priority === 'CRITICAL' ? <TaskPriorityBadge priority={task.priority} size="sm" /> : null}
          {task.status !== 'OPEN' ? <TaskStatusBadge status={task.status} size="sm" /> : null}
          <DueDate value={task.dueDate} overdue={task.overdue} none="No due date" w={140} ta="right" />
        </Group>
      </Group>
    </UnstyledButton>
  );
}

function ApprovalLine({ request, onOpen }: { request: ApprovalListRow; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(request.id);
  return (
    <UnstyledButton onClick={() => onOpen(request.id)} className={`annex-work-line ${flash ?? ''}`} data-request-id={request.id}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={500} lineClamp={1}>
            {subjectTitle(request.subject)}
          </Text>
          <Text size="xs" c="dimmed">
            {request.requestedBy.name} asked <RelativeTime value={request.createdAt} size="xs" c="dimmed" />
            {request.approvers.length > 1 ? ` · ${request.quorum} of ${request.approvers.length} must approve` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {request.dueDate ? <DueDate value={request.dueDate} overdue={request.dueDate < new Date().toISOString().slice(0, 10)} /> : null}
          <Badge color="yellow" variant="light">
            Review
          </Badge>
        </Group>
      </Group>
    </UnstyledButton>
  );
}

function DocumentLine({ document }: { document: DocumentToAcknowledge }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(document.id);
  const version = document.currentVersion;
  return (
    <UnstyledButton component={Link} to={`/o/${organization.id}/documents/${document.id}`} className={`annex-work-line ${flash ?? ''}`} data-document-id={document.id} aria-label={`Read and acknowledge ${document.title}`}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={500} lineClamp={1}>
            {document.title}
          </Text>
          <Text size="xs" c="dimmed">
            {DOCUMENT_KIND_LABELS[document.kind]}
            {version ? ` · version ${version.number}` : ''}
            {version?.publishedAt ? ' · published ' : ''}
            {version?.publishedAt ? <RelativeTime value={version.publishedAt} size="xs" c="dimmed" display="inline" /> : null}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Text size="sm" c="orange.9" fw={600}>
            Read and acknowledge
          </Text>
          <IconArrowRight size={14} aria-hidden color="var(--mantine-color-orange-9)" />
        </Group>
      </Group>
    </UnstyledButton>
  );
}

function MentionLine({ mention, onOpen }: { mention: NotificationRow; onOpen(id: string): void }) {
  const { organization } = useCurrentOrganization();
  const [markRead] = useMarkNotificationsRead();
  const flash = useLiveHighlightClass(mention.id);
  const open = () => {
    if (!mention.read) void markRead({ variables: { input: { ids: [mention.id], organizationId: organization.id }, organizationId: organization.id } }).catch(() => undefined);
    if (mention.subject?.__typename === 'Task') onOpen(mention.subject.id);
  };
  return (
    <UnstyledButton onClick={open} className={`annex-work-line ${flash ?? ''}`} disabled={!mention.subject}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box mt={7} w={8} h={8} bg={mention.read ? 'transparent' : 'indigo.6'} style={{ borderRadius: '50%', flexShrink: 0 }} aria-label={mention.read ? undefined : 'Unread'} />
        <Stack gap={2} miw={0}>
          <Text size="sm" fw={mention.read ? 400 : 600} lineClamp={2}>
            {mention.title}
          </Text>
          {mention.body ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {mention.body}
            </Text>
          ) : null}
          <RelativeTime value={mention.createdAt} size="xs" c="dimmed" />
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
