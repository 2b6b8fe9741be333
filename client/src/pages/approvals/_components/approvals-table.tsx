import { Anchor, Avatar, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { initials } from '../../../components/person-avatar';
import { RelativeTime } from '../../../components/relative-time';
import { ApprovalStatusBadge } from '../../tasks/_components/task-badges';
import type { ApprovalListRow } from '../approval-operations';

interface ApprovalsTableProps {
  requests: ApprovalListRow[];
  selectedId: string | null;
  viewerId: string;
  onOpen(id: string): void;
}

/** Kinds of record other than tasks that can be approved, named for people. */
const SUBJECT_KINDS: Record<string, string> = {
  Task: 'Task',
  Risk: 'Risk',
  SoaVersion: 'Statement of Applicability',
  Document: 'Document',
  DocumentVersion: 'Document version',
  ManagementReview: 'Management review',
};

export function subjectKind(subject: { __typename?: string } | null | undefined): string {
  if (!subject?.__typename) return 'Record';
  return SUBJECT_KINDS[subject.__typename] ?? subject.__typename;
}

/** What is to be approved, in words: a task's or risk's title, an SoA version's number, otherwise the kind of record. */
export function subjectTitle(subject: ApprovalListRow['subject']): string {
  if (!subject) return 'A record you cannot see';
  if ('title' in subject && typeof subject.title === 'string') return subject.title;
  if ('riskTitle' in subject && typeof subject.riskTitle === 'string') return `Acceptance of the risk “${subject.riskTitle}”`;
  if ('reviewTitle' in subject && typeof subject.reviewTitle === 'string') return `Sign-off of “${subject.reviewTitle}”`;
  if ('number' in subject && typeof subject.number === 'number') return `${subjectKind(subject)}, version ${subject.number}`;
  if ('versionNumber' in subject && 'document' in subject) return `${subject.document.title} ${subject.versionNumber}`;
  return subjectKind(subject);
}

/**
 * Approval requests, one per row. Deliberately no Approve button here: a decision is taken in
 * the request's panel, next to exactly what is being approved.
 */
export function ApprovalsTable({ requests, selectedId, viewerId, onOpen }: ApprovalsTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What is to be approved</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={170}>Decisions</Table.Th>
            <Table.Th w={170}>Requested by</Table.Th>
            <Table.Th w={150}>Decide by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <ApprovalRow key={request.id} request={request} selected={request.id === selectedId} viewerId={viewerId} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ApprovalRow({ request, selected, viewerId, onOpen }: { request: ApprovalListRow; selected: boolean; viewerId: string; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(request.id);
  const approvals = request.decisions.filter((d) => d.decision === 'APPROVE').length;
  const title = subjectTitle(request.subject);
  return (
    <Table.Tr className={flash} bg={selected ? 'indigo.0' : undefined} onClick={() => onOpen(request.id)} style={{ cursor: 'pointer' }} data-request-id={request.id}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor
            component="button"
            type="button"
            fw={500}
            c="dark.8"
            ta="left"
            lineClamp={2}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(request.id);
            }}
          >
            {title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {subjectKind(request.subject)} · requested <RelativeTime value={request.createdAt} size="xs" c="dimmed" />
            {request.viewerCanDecide ? ' · waiting for your decision' : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <ApprovalStatusBadge status={request.status} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm">
            {approvals} of {request.quorum} approved
          </Text>
          <Avatar.Group spacing={6}>
            {request.approvers.map((approver) => {
              const decision = request.decisions.find((d) => d.approver.id === approver.id);
              const words = !decision ? 'not decided yet' : decision.decision === 'APPROVE' ? 'approved' : 'rejected';
              return (
                <Tooltip key={approver.id} label={`${approver.name}${approver.id === viewerId ? ' (you)' : ''}: ${words}`}>
                  <Avatar
                    size={24}
                    radius="xl"
                    name={approver.name}
                    color={!decision ? 'gray' : decision.decision === 'APPROVE' ? 'teal' : 'red'}
                    variant={decision ? 'filled' : 'light'}
                    aria-label={`${approver.name}: ${words}`}
                  >
                    {initials(approver.name)}
                  </Avatar>
                </Tooltip>
              );
            })}
          </Avatar.Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{request.requestedBy.id === viewerId ? 'You' : request.requestedBy.name}</Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <DueDate value={request.dueDate} overdue={request.status === 'PENDING' && !!request.dueDate && request.dueDate < new Date().toISOString().slice(0, 10)} finished={request.status !== 'PENDING'} none="—" />
      </Table.Td>
    </Table.Tr>
  );
}
