import { useQuery } from '@apollo/client/react';
import { Alert, Avatar, Button, Divider, Drawer, Group, Menu, Stack, Text, Title, Tooltip, ActionIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconDots, IconLock, IconSignature, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { initials } from '../../../components/person-avatar';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { AttachedEvidence } from '../../audits/_components/evidence/attached-evidence';
import type { TaskDetail } from '../task-fragments';
import { TASK_PANEL_QUERY, isTaskNode } from '../task-operations';
import { isOpenStatus } from '../task-words';
import { DeleteTaskModal } from './delete-task-modal';
import { RequestApprovalModal } from './request-approval-modal';
import { TaskApprovalHistory } from './task-approvals';
import { TaskPriorityBadge, TaskStatusBadge } from './task-badges';
import { TaskChecklist } from './task-checklist';
import { TaskComments } from './task-comments';
import { TaskEditForm } from './task-edit-form';

/**
 * A task in a side panel over the page that lists it (`?task=<id>`): its fields, checklist,
 * approvals, watchers and comments, all live.
 */
export function TaskDrawer() {
  const { value: taskId, close } = usePanelParam('task');
  const { data, error, refetch } = useQuery(TASK_PANEL_QUERY, {
    variables: { id: taskId ?? '' },
    skip: !taskId,
    fetchPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const task = isTaskNode(node) ? node : null;
  const missing = !!data && !task;

  return (
    <Drawer
      opened={!!taskId}
      onClose={close}
      position="right"
      size={720}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {task?.title ?? (missing ? 'Task not found' : 'Task')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close task' }}
    >
      {error && !data ? (
        <ErrorState error={error} title="This task could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="This task is gone">
          It was deleted, or you can no longer see it. Nothing else is affected.
        </Alert>
      ) : !task ? (
        <SkeletonRows rows={6} height={40} />
      ) : (
        <TaskPanel key={task.id} task={task} onDeleted={close} onConflict={() => void refetch()} />
      )}
    </Drawer>
  );
}

function TaskPanel({ task, onDeleted, onConflict }: { task: TaskDetail; onDeleted(): void; onConflict(): void }) {
  const viewer = useViewer();
  const { can } = useCurrentOrganization();
  const [requesting, { open: openRequest, close: closeRequest }] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const ownVersions = useRef(new Set<number>()).current;
  const flash = useLiveHighlightClass(task.id);
  const canDelete = can('task:updateAny') || (can('task:delete') && task.createdBy.id === viewer.id);
  const canRequest = can('approval:request');
  const pendingApproval = task.approvalRequests.some((r) => r.status === 'PENDING');

  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <TaskStatusBadge status={task.status} size="lg" />
            <TaskPriorityBadge priority={task.priority} size="lg" />
            <DueDate value={task.dueDate} overdue={task.overdue} finished={!isOpenStatus(task.status)} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {canRequest ? (
              <Tooltip label={pendingApproval ? 'A request is already pending; you can still ask others.' : 'Ask members to sign off this task’s content'} multiline w={240}>
                <Button size="xs" variant="light" leftSection={<IconSignature size={14} aria-hidden />} onClick={openRequest}>
                  Request approval
                </Button>
              </Tooltip>
            ) : null}
            {canDelete ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label="More actions for this task">
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                    Delete task…
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Created by {task.createdBy.name} <RelativeTime value={task.createdAt} size="xs" c="dimmed" /> · updated <RelativeTime value={task.updatedAt} size="xs" c="dimmed" />
          {task.completedAt ? (
            <>
              {' '}
              · done <RelativeTime value={task.completedAt} size="xs" c="dimmed" />
            </>
          ) : null}
        </Text>
      </Stack>

      {task.viewerCanEdit ? (
        <TaskEditForm task={task} ownVersions={ownVersions} />
      ) : (
        <TaskReadOnly task={task} />
      )}

      <Divider />
      <TaskChecklist task={task} canEdit={task.viewerCanEdit} ownVersions={ownVersions} onConflict={onConflict} />

      {can('evidence:upload') ? (
        <>
          <Divider />
          <AttachedEvidence
            subjectId={task.id}
            canAttach
            emptyText="No evidence yet. Attach what shows the work was done — a test record, an export, a signed review — with the date it shows and, if it ages, when it expires."
          />
        </>
      ) : null}

      <Divider />
      <TaskApprovalHistory requests={task.approvalRequests} />

      <Divider />
      <Stack gap="xs">
        <Title order={3} fz={16}>
          Watchers
        </Title>
        <Group gap="xs">
          {task.watchers.map((watcher) => (
            <Group key={watcher.id} gap={6} wrap="nowrap">
              <Avatar name={watcher.name} color="initials" radius="xl" size={24} aria-hidden>
                {initials(watcher.name)}
              </Avatar>
              <Text size="sm">
                {watcher.name}
                {watcher.id === viewer.id ? ' (you)' : ''}
              </Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          Watchers are told about new comments. Whoever creates a task, or is assigned it, watches it.
        </Text>
      </Stack>

      <Divider />
      <TaskComments taskId={task.id} />

      {canRequest ? <RequestApprovalModal task={task} opened={requesting} onClose={closeRequest} /> : null}
      {canDelete ? <DeleteTaskModal task={deleting ? task : null} onClose={() => setDeleting(false)} onDeleted={onDeleted} /> : null}
    </Stack>
  );
}

function TaskReadOnly({ task }: { task: TaskDetail }) {
  return (
    <Stack gap="sm">
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} p="xs">
        <Text size="sm">Only its creator, its assignee and ISMS managers edit this task. You can comment.</Text>
      </Alert>
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Assignee
        </Text>
        <Text size="sm">{task.assignee?.name ?? 'Unassigned'}</Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Description
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={task.description ? undefined : 'dimmed'}>
          {task.description || 'No description.'}
        </Text>
      </Stack>
    </Stack>
  );
}
