import { Anchor, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import type { ApprovalRequestRow } from '../task-fragments';
import { ApprovalStatusBadge } from './task-badges';

/** The approval requests of a task, newest first: who was asked, who decided what. */
export function TaskApprovalHistory({ requests }: { requests: ApprovalRequestRow[] }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz={16}>
        Approval history
      </Title>
      {requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not submitted for approval yet. When this task’s result must be signed off (a policy review, a risk acceptance), request approval: the approvers sign exactly its current content.
        </Text>
      ) : (
        <Stack gap="xs">
          {requests.map((request) => (
            <ApprovalHistoryItem key={request.id} request={request} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ApprovalHistoryItem({ request }: { request: ApprovalRequestRow }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(request.id);
  const approvals = request.decisions.filter((d) => d.decision === 'APPROVE').length;
  return (
    <Paper withBorder p="sm" className={flash}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <ApprovalStatusBadge status={request.status} />
            <Text size="sm">
              {approvals} of {request.quorum} approval{request.quorum === 1 ? '' : 's'}
            </Text>
          </Group>
          <Anchor component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(request.id)}`} size="sm">
            Open request
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          Requested by {request.requestedBy.name} <RelativeTime value={request.createdAt} size="xs" c="dimmed" />
        </Text>
        <Group gap={6}>
          {request.approvers.map((approver) => {
            const decision = request.decisions.find((d) => d.approver.id === approver.id);
            const Icon = !decision ? IconClock : decision.decision === 'APPROVE' ? IconCheck : IconX;
            const color = !decision ? 'gray' : decision.decision === 'APPROVE' ? 'teal' : 'red';
            const words = !decision ? 'has not decided' : decision.decision === 'APPROVE' ? 'approved' : 'rejected';
            return (
              <Tooltip key={approver.id} label={decision?.comment ? `${approver.name} ${words}: “${decision.comment}”` : `${approver.name} ${words}`}>
                <Badge variant="outline" color={color} leftSection={<Icon size={12} aria-hidden />} aria-label={`${approver.name} ${words}`}>
                  {approver.name}
                </Badge>
              </Tooltip>
            );
          })}
        </Group>
      </Stack>
    </Paper>
  );
}
