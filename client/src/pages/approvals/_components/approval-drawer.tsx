import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Blockquote,
  Button,
  Checkbox,
  Code,
  Divider,
  Drawer,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconClock, IconExternalLink, IconFingerprint, IconLock, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { initials } from '../../../components/person-avatar';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime, formatDateTime } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { ApprovalStatusBadge, TaskPriorityBadge, TaskStatusBadge } from '../../tasks/_components/task-badges';
import type { ApprovalDecisionKind } from '../../tasks/task-fragments';
import { APPROVAL_STATUS_DESCRIPTIONS } from '../../tasks/task-words';
import { subjectKind } from './approvals-table';
import { SoaVersionSubject } from '../../soa/_components/soa-version-subject';
import { RiskAcceptanceSubject } from '../../risks/_components/risk-acceptance-subject';
import { DocumentVersionSubject } from '../../documents/_components/versions/document-version-subject';
import { APPROVAL_PANEL_QUERY, isApprovalDetail, isDocumentVersionSubject, isTaskSubject, useCancelApproval, useDecideApproval, type ApprovalDetail, type ApprovalSubjectTask } from '../approval-operations';
import { useTaskContentHash } from '../subject-hash';

/** An approval request in a side panel (`?request=<id>`): exactly what is approved, then the decision. */
export function ApprovalDrawer() {
  const { value: requestId, close } = usePanelParam('request');
  const { data, error, refetch } = useQuery(APPROVAL_PANEL_QUERY, {
    variables: { id: requestId ?? '' },
    skip: !requestId,
    fetchPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const request = isApprovalDetail(node) ? node : null;
  const missing = !!data && !request;
  const title = request
    ? isTaskSubject(request.subject)
      ? `Approval of “${request.subject.title}”`
      : isDocumentVersionSubject(request.subject)
        ? `Approval of “${request.subject.document.title}”, version ${request.subject.documentVersionNumber}`
        : `Approval of a ${subjectKind(request.subject).toLowerCase()}`
    : missing
      ? 'Approval request not found'
      : 'Approval request';

  return (
    <Drawer
      opened={!!requestId}
      onClose={close}
      position="right"
      size={720}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close approval request' }}
    >
      {error && !data ? (
        <ErrorState error={error} title="This request could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="Not found">
          This approval request does not exist, or you are not one of the people who may see it.
        </Alert>
      ) : !request ? (
        <SkeletonRows rows={6} height={40} />
      ) : (
        <ApprovalPanel key={request.id} request={request} onChanged={() => void refetch()} />
      )}
    </Drawer>
  );
}

function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…${hash.slice(-6)}`;
}

function ApprovalPanel({ request, onChanged }: { request: ApprovalDetail; onChanged(): void }) {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const flash = useLiveHighlightClass(request.id);
  const task = isTaskSubject(request.subject) ? request.subject : null;
  const contentChanged = request.currentSubjectHash !== request.subjectHash;
  const approvals = request.decisions.filter((d) => d.decision === 'APPROVE').length;
  const waitingFor = request.approvers.filter((a) => !request.decisions.some((d) => d.approver.id === a.id));
  const canWithdraw = request.status === 'PENDING' && can('approval:cancel') && (request.requestedBy.id === viewer.id || can('task:updateAny'));
  const isApprover = request.approvers.some((a) => a.id === viewer.id);

  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group gap="xs">
          <ApprovalStatusBadge status={request.status} size="lg" />
          <Text size="sm">
            {approvals} of {request.quorum} approval{request.quorum === 1 ? '' : 's'} needed
            {request.quorum === request.approvers.length && request.approvers.length > 1 ? ' (all approvers)' : ''}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {APPROVAL_STATUS_DESCRIPTIONS[request.status]}
        </Text>
      </Stack>

      {contentChanged && (request.status === 'PENDING' || request.status === 'INVALIDATED' || request.status === 'APPROVED') ? (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle size={20} />} title="Content changed since the request — this approval cannot be given" role="alert">
          <Text size="sm">
            The {task ? 'task' : 'record'} was edited after approval was requested, so its content no longer matches the hash below.
            {request.status === 'APPROVED' ? ' The approval given earlier does not cover the new content.' : ''} Whoever needs the sign-off must request approval of the current content again.
          </Text>
        </Alert>
      ) : request.viewerCanDecide ? (
        <Alert color="yellow" variant="light" icon={<IconClock size={18} />} title="Your decision is requested">
          Read what is to be approved below. Your decision signs exactly this content, identified by its hash.
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Fact label="Requested by">
          <Text size="sm">{request.requestedBy.id === viewer.id ? 'You' : request.requestedBy.name}</Text>
          <RelativeTime value={request.createdAt} size="xs" c="dimmed" />
        </Fact>
        <Fact label="Decide by">
          <DueDate value={request.dueDate} finished={request.status !== 'PENDING'} none="No deadline" />
        </Fact>
        <Fact label="Approvers">
          <Text size="sm">
            {request.approvers.map((a) => (a.id === viewer.id ? 'you' : a.name)).join(', ')}
          </Text>
        </Fact>
      </SimpleGrid>
      {request.note ? (
        <Blockquote color="indigo" p="sm" cite={`— ${request.requestedBy.name}, with the request`} styles={{ root: { whiteSpace: 'pre-wrap' } }}>
          {request.note}
        </Blockquote>
      ) : null}

      <Divider />
      <SubjectContent request={request} task={task} contentChanged={contentChanged} organizationId={organization.id} />

      <Divider />
      <Stack gap="xs">
        <Title order={3} fz={16}>
          Decisions
        </Title>
        {request.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody has decided yet.
          </Text>
        ) : (
          <Stack gap="xs">
            {request.decisions.map((decision) => (
              <Paper key={decision.id} withBorder p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Avatar name={decision.approver.name} color="initials" radius="xl" size={30} aria-hidden>
                      {initials(decision.approver.name)}
                    </Avatar>
                    <Stack gap={2}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {decision.approver.id === viewer.id ? 'You' : decision.approver.name}
                        </Text>
                        <Badge color={decision.decision === 'APPROVE' ? 'teal' : 'red'} leftSection={decision.decision === 'APPROVE' ? <IconCheck size={12} /> : <IconX size={12} />}>
                          {decision.decision === 'APPROVE' ? 'Approved' : 'Rejected'}
                        </Badge>
                      </Group>
                      {decision.comment ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {decision.comment}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        Signed content <Code>{shortHash(decision.subjectHash)}</Code>
                      </Text>
                    </Stack>
                  </Group>
                  <RelativeTime value={decision.decidedAt} size="xs" c="dimmed" />
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {request.status === 'PENDING' && waitingFor.length > 0 ? (
          <Text size="sm" c="dimmed">
            Waiting for {waitingFor.map((a) => (a.id === viewer.id ? 'you' : a.name)).join(', ')}.
          </Text>
        ) : null}
      </Stack>

      {request.viewerCanDecide && !contentChanged && (task || shownHere(request.subject)) ? (
        <>
          <Divider />
          <DecisionForm request={request} onChanged={onChanged} />
        </>
      ) : request.viewerCanDecide && !contentChanged ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="Decide where its content is shown">
          Annex shows the content of tasks here. A {subjectKind(request.subject).toLowerCase()} is approved from its own screen, next to what it says, so that nobody signs content
          they have not seen.
        </Alert>
      ) : request.status === 'PENDING' && isApprover && !request.viewerCanDecide && !contentChanged ? (
        <Alert color="gray" variant="light" icon={<IconCircleCheck size={18} />}>
          You have decided on this request.
        </Alert>
      ) : null}

      {canWithdraw ? <WithdrawRequest request={request} /> : null}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Subjects whose approvable content this panel shows in full (besides tasks), so they can be decided here. */
function shownHere(subject: { __typename: string } | null): boolean {
  return subject?.__typename === 'SoaVersion' || subject?.__typename === 'Risk' || subject?.__typename === 'DocumentVersion';
}

/** Exactly what is approved: the task's content, the hash the request signs, and whether they still match. */
function SubjectContent({ request, task, contentChanged, organizationId }: { request: ApprovalDetail; task: ApprovalSubjectTask | null; contentChanged: boolean; organizationId: string }) {
  const browserHash = useTaskContentHash(task);
  const shownMatchesSigned = browserHash !== null && browserHash === request.subjectHash;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz={16}>
          {contentChanged ? 'The content now (changed since the request)' : 'What is being approved'}
        </Title>
        {task ? (
          <Anchor component={Link} to={`/o/${organizationId}/tasks?task=${encodeURIComponent(task.id)}`} size="sm">
            <Group gap={4}>
              Open the task <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        ) : null}
      </Group>
      {!task && request.subject?.__typename === 'SoaVersion' ? (
        <SoaVersionSubject versionId={request.subject.id} />
      ) : !task && request.subject?.__typename === 'Risk' ? (
        <RiskAcceptanceSubject riskId={request.subject.id} />
      ) : !task && request.subject?.__typename === 'DocumentVersion' ? (
        <DocumentVersionSubject versionId={request.subject.id} />
      ) : !task && request.subject?.__typename === 'ManagementReview' ? (
        <Alert color="indigo" variant="light" title="A management review to sign off">
          <Text size="sm" mb="xs">
            The pack, minutes and decisions of the review as submitted; signing freezes them. The hash below identifies exactly that snapshot.
          </Text>
          <Anchor component={Link} to={`/o/${organizationId}/management-reviews/${request.subject.id}?tab=sign-off`} size="sm">
            Open the review to read it and sign off
          </Anchor>
        </Alert>
      ) : !task ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          {request.subject
            ? `This approval is about a ${subjectKind(request.subject).toLowerCase()}. Its content is shown in its own area of Annex; the hash below identifies the exact content the request signs.`
            : 'The record is not visible to you (or was deleted), so its content cannot be shown here.'}
        </Alert>
      ) : (
        <Paper withBorder p="md" bg={contentChanged ? 'red.0' : 'gray.0'} style={contentChanged ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
          <Stack gap="sm">
            <Stack gap={2}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                Title
              </Text>
              <Text fw={600}>{task.title}</Text>
            </Stack>
            <Group gap="lg">
              <Stack gap={2}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Status
                </Text>
                <TaskStatusBadge status={task.status} />
              </Stack>
              <Stack gap={2}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Priority (not signed)
                </Text>
                <TaskPriorityBadge priority={task.priority} />
              </Stack>
              <Stack gap={2}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Assignee (not signed)
                </Text>
                <Text size="sm">{task.assignee?.name ?? 'Unassigned'}</Text>
              </Stack>
            </Group>
            <Stack gap={2}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                Description
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={task.description ? undefined : 'dimmed'}>
                {task.description || 'No description.'}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                Checklist
              </Text>
              {task.checklist.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No checklist.
                </Text>
              ) : (
                task.checklist.map((item) => <Checkbox key={item.id} label={item.text} checked={item.done} readOnly size="xs" tabIndex={-1} />)
              )}
            </Stack>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Stack gap={6}>
          <Group gap={6}>
            <IconFingerprint size={16} aria-hidden />
            <Text size="sm" fw={600}>
              Content hash (SHA-256) signed by this request
            </Text>
          </Group>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="approval-subject-hash">
            {request.subjectHash}
          </Code>
          {contentChanged ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconX size={16} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" c="red.8">
                The content now hashes to <Code>{request.currentSubjectHash ? shortHash(request.currentSubjectHash) : 'nothing (the record is gone)'}</Code>: it no longer matches.
              </Text>
            </Group>
          ) : (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" c="teal.9">
                The content still matches this hash{shownMatchesSigned ? ', and your browser computed the same hash from the content shown above' : ''}.
              </Text>
            </Group>
          )}
          {task && browserHash && !contentChanged && !shownMatchesSigned ? (
            <Text size="xs" c="orange.9">
              Your browser computed <Code>{shortHash(browserHash)}</Code> from what is shown: reload the panel before deciding.
            </Text>
          ) : null}
          <Tooltip label={`Requested ${formatDateTime(request.createdAt)}`}>
            <Text size="xs" c="dimmed">
              {task
                ? 'The hash covers the title, description, checklist and status. Any change to them afterwards invalidates the request.'
                : 'Any change to the approvable content afterwards invalidates the request.'}
            </Text>
          </Tooltip>
        </Stack>
      </Paper>
    </Stack>
  );
}

function DecisionForm({ request, onChanged }: { request: ApprovalDetail; onChanged(): void }) {
  const [decide, { loading }] = useDecideApproval();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<ApprovalDecisionKind | null>(null);
  const [stale, setStale] = useState<string | null>(null);

  const submit = async (decision: ApprovalDecisionKind) => {
    setError(null);
    if (decision === 'REJECT' && !comment.trim()) {
      setError('Say why you reject it: the requester needs to know what to change.');
      return;
    }
    setPending(decision);
    try {
      await decide({ variables: { input: { approvalRequestId: request.id, decision, comment: comment.trim() || undefined } } });
      notifications.show({ color: decision === 'APPROVE' ? 'teal' : 'orange', message: decision === 'APPROVE' ? 'Your approval is recorded.' : 'Your rejection is recorded; the requester is notified.' });
      setComment('');
    } catch (e) {
      const apiError = readApiError(e);
      if (apiError.code === 'CONFLICT') {
        setStale(apiError.reason === 'SUBJECT_CHANGED' ? 'Content changed since the request — this approval cannot be given. The request is now invalidated.' : apiError.message);
        onChanged();
      } else if (apiError.field === 'comment') setError(apiError.message);
      else setError(apiError.message);
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="sm">
      <Title order={3} fz={16}>
        Your decision
      </Title>
      {stale ? (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle size={18} />} role="alert">
          {stale}
        </Alert>
      ) : null}
      <Textarea
        label="Comment"
        description="Required to reject. The requester and the other approvers see it."
        autosize
        minRows={2}
        maxRows={8}
        value={comment}
        onChange={(event) => {
          setComment(event.currentTarget.value);
          if (error) setError(null);
        }}
        error={error}
      />
      <Group gap="sm">
        <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={loading && pending === 'APPROVE'} disabled={loading} onClick={() => void submit('APPROVE')}>
          Approve
        </Button>
        <Button color="red" variant="outline" leftSection={<IconX size={16} aria-hidden />} loading={loading && pending === 'REJECT'} disabled={loading} onClick={() => void submit('REJECT')}>
          Reject
        </Button>
      </Group>
    </Stack>
  );
}

function WithdrawRequest({ request }: { request: ApprovalDetail }) {
  const [cancel, { loading }] = useCancelApproval();
  const [confirming, setConfirming] = useState(false);
  const withdraw = async () => {
    try {
      await cancel({ variables: { input: { approvalRequestId: request.id } } });
      notifications.show({ color: 'teal', message: 'The request is withdrawn; the approvers no longer see it as waiting.' });
      setConfirming(false);
    } catch (e) {
      notifications.show({ color: 'red', title: 'The request was not withdrawn', message: readApiError(e).message });
    }
  };
  return (
    <>
      <Group justify="flex-end">
        <Button variant="subtle" color="gray" size="xs" onClick={() => setConfirming(true)}>
          Withdraw request…
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={600}>Withdraw this request?</Text>}>
        <Stack gap="md">
          <Text size="sm">The approvers are no longer asked to decide. Decisions already given stay on record.</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={loading} onClick={() => void withdraw()}>
              Withdraw request
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
