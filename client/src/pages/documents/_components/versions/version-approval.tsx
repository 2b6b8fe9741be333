import { Anchor, Avatar, Blockquote, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { initials } from '../../../../components/person-avatar';
import { RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { useViewer } from '../../../../session/require-viewer';
import { ApprovalStatusBadge } from '../../../tasks/_components/task-badges';
import type { ApprovalRequestRow } from '../../../tasks/task-fragments';

/** The link to an approval request's panel on the approvals page. */
export function approvalHref(organizationId: string, requestId: string): string {
  return `/o/${organizationId}/approvals?request=${encodeURIComponent(requestId)}`;
}

/** Who approved or rejected a version, with their comments, and a link to the request. */
export function VersionApproval({ request, versionNumber }: { request: ApprovalRequestRow | null; versionNumber: string }) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  if (!request) {
    return (
      <Text size="sm" c="dimmed">
        No approval request.
      </Text>
    );
  }
  const name = (person: { id: string; name: string }) => (person.id === viewer.id ? 'You' : person.name);
  const waitingFor = request.status === 'PENDING' ? request.approvers.filter((a) => !request.decisions.some((d) => d.approver.id === a.id)) : [];
  return (
    <Stack gap={6}>
      <Group gap={8} wrap="wrap">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Approval
        </Text>
        <ApprovalStatusBadge status={request.status} size="sm" />
        {waitingFor.length > 0 ? (
          <Text size="sm" c="dimmed">
            waiting for {waitingFor.map(name).join(', ')}
          </Text>
        ) : null}
        <Anchor component={Link} to={approvalHref(organization.id, request.id)} size="sm" aria-label={`Open the approval of version ${versionNumber}`}>
          <Group gap={2} wrap="nowrap">
            Open the approval <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      {request.decisions.map((decision) => {
        const approved = decision.decision === 'APPROVE';
        return (
          <Stack key={decision.id} gap={2}>
            <Group gap={8} wrap="nowrap" align="center">
              <Avatar name={decision.approver.name} color="initials" radius="xl" size={22} aria-hidden>
                {initials(decision.approver.name)}
              </Avatar>
              <Text size="sm">
                <Text span fw={600} inherit>
                  {name(decision.approver)}
                </Text>{' '}
                <Text span inherit c={approved ? 'teal.8' : 'red.8'} fw={600}>
                  {approved ? <IconCheck size={13} aria-hidden style={{ verticalAlign: -2 }} /> : <IconX size={13} aria-hidden style={{ verticalAlign: -2 }} />}{' '}
                  {approved ? 'approved' : 'rejected'}
                </Text>
              </Text>
              <RelativeTime value={decision.decidedAt} size="xs" c="dimmed" />
            </Group>
            {decision.comment ? (
              <Blockquote color={approved ? 'teal' : 'red'} p={6} pl="sm" ml={30} fz="sm" styles={{ root: { whiteSpace: 'pre-wrap' } }}>
                {decision.comment}
              </Blockquote>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
