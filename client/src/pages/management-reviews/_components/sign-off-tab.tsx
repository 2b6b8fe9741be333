import { Alert, Anchor, Button, Code, Group, List, MultiSelect, Paper, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed, IconDownload, IconSignature, IconX } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { RelativeTime, formatDate } from '../../../components/relative-time';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ApprovalStatusBadge } from '../../tasks/_components/task-badges';
import type { ApprovalStatus } from '../../tasks/task-fragments';
import { useDecideSignOff, useSubmitManagementReview, useWithdrawSignOff, type ManagementReviewDetail } from '../management-review-operations';

function Check({ done, children }: { done: boolean; children: ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" color={done ? 'teal' : 'gray'} variant={done ? 'filled' : 'light'} aria-hidden>
          {done ? <IconCheck size={13} /> : <IconCircleDashed size={13} />}
        </ThemeIcon>
      }
    >
      <Text size="sm" c={done ? undefined : 'dimmed'}>
        {children}
      </Text>
    </List.Item>
  );
}

export function pdfUrl(organizationId: string, reviewId: string): string {
  return `/exports/organizations/${organizationId}/management-reviews/${reviewId}.pdf`;
}

/** Sign-off: what must be ready, the request to management, the decision (for the approvers), and the signed record. */
export function SignOffTab({ review }: { review: ManagementReviewDetail }) {
  const { organization } = useCurrentOrganization();
  const { options } = useMemberOptions();
  const managers = useMemo(() => options.filter((m) => m.role === 'MANAGEMENT'), [options]);
  const [approverIds, setApproverIds] = useState<string[] | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submit, { loading: submitting }] = useSubmitManagementReview();
  const [decide, { loading: deciding }] = useDecideSignOff();
  const [withdraw, { loading: withdrawing }] = useWithdrawSignOff();
  const request = review.signOffRequest;
  const chosen = approverIds ?? managers.map((m) => m.value);
  const inputsReady = review.missingInputs.length === 0;
  const untracked = review.decisions.filter((d) => !d.tracked).length;

  const send = async () => {
    setError(null);
    try {
      await submit({ variables: { input: { managementReviewId: review.id, approverIds: chosen.length ? chosen : null } } });
      notifications.show({ color: 'teal', title: 'Sent for sign-off', message: 'Management is notified; the review cannot change until they decide.' });
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  const decideAs = async (decision: 'APPROVE' | 'REJECT') => {
    setError(null);
    try {
      await decide({ variables: { input: { approvalRequestId: request!.id, decision, comment: comment.trim() || null } } });
      setComment('');
      notifications.show({ color: decision === 'APPROVE' ? 'teal' : 'orange', title: decision === 'APPROVE' ? 'Review signed off' : 'Sign-off rejected', message: decision === 'APPROVE' ? 'The review is frozen as you approved it.' : 'The review goes back to the ISMS manager with your comment.' });
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  const cancel = async () => {
    setError(null);
    try {
      await withdraw({ variables: { input: { approvalRequestId: request!.id } } });
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  const download = (
    <Button component="a" href={pdfUrl(organization.id, review.id)} variant={review.status === 'SIGNED' ? 'filled' : 'default'} leftSection={<IconDownload size={16} aria-hidden />} download>
      Download PDF
    </Button>
  );

  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}

      {review.status === 'SIGNED' && request ? (
        <Paper withBorder radius="md" p="lg" style={{ borderColor: 'var(--mantine-color-teal-5)' }} bg="var(--mantine-color-teal-0)">
          <Stack gap="sm">
            <Group gap="sm">
              <ThemeIcon color="teal" size={36} radius="xl" aria-hidden>
                <IconSignature size={20} />
              </ThemeIcon>
              <Stack gap={0}>
                <Title order={2} fz={18} c="teal.9">
                  Signed off by {review.signedBy.map((p) => p.name).join(', ')}
                </Title>
                <Text size="sm">{review.signedOn ? `on ${formatDate(review.signedOn)}` : ''} · the pack, minutes and decisions are frozen as approved.</Text>
              </Stack>
            </Group>
            {request.decisions.map((d) => (
              <Text key={d.id} size="sm">
                <strong>{d.approver.name}</strong> {d.decision === 'APPROVE' ? 'approved' : 'rejected'} <RelativeTime value={d.decidedAt} /> {d.comment ? `— “${d.comment}”` : ''}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              The approval signs the content hashed as <Code>{review.snapshotHash}</Code>
            </Text>
            <Group>{download}</Group>
          </Stack>
        </Paper>
      ) : null}

      {review.status === 'SUBMITTED' && request ? (
        <Paper withBorder radius="md" p="lg" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz={16}>
                Awaiting management’s sign-off
              </Title>
              <ApprovalStatusBadge status={request.status as ApprovalStatus} />
            </Group>
            <Text size="sm">
              Requested by {request.requestedBy.name} <RelativeTime value={request.createdAt} /> from {request.approvers.map((a) => a.name).join(', ')}.
            </Text>
            <Text size="xs" c="dimmed">
              What is approved: this review exactly as shown in the Pack, Meeting and Decisions tabs (SHA-256 <Code>{request.subjectHash}</Code>). It cannot change while the request is open.
            </Text>
            {request.viewerCanDecide ? (
              <Stack gap="xs" mt="xs">
                <Textarea label="Comment" description="Required when you reject: say what is missing." autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
                <Group>
                  <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={deciding} onClick={() => void decideAs('APPROVE')}>
                    Approve and sign off
                  </Button>
                  <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} loading={deciding} onClick={() => void decideAs('REJECT')}>
                    Reject
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {review.viewerCanManage ? (
              <Group>
                <Button variant="subtle" color="gray" size="xs" loading={withdrawing} onClick={() => void cancel()}>
                  Withdraw the request to change the review
                </Button>
              </Group>
            ) : null}
            <Group>{download}</Group>
          </Stack>
        </Paper>
      ) : null}

      {review.status !== 'SIGNED' && review.status !== 'SUBMITTED' ? (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} fz={16}>
              Ready for sign-off?
            </Title>
            {request && (request.status === 'REJECTED' || request.status === 'CANCELLED' || request.status === 'INVALIDATED') ? (
              <Alert color="orange" variant="light" title={request.status === 'REJECTED' ? 'The last sign-off was rejected' : 'The last sign-off request was withdrawn'}>
                {request.decisions
                  .filter((d) => d.decision === 'REJECT')
                  .map((d) => (
                    <Text key={d.id} size="sm">
                      {d.approver.name}: “{d.comment}”
                    </Text>
                  ))}
                <Text size="sm">Change what is needed, then ask again.</Text>
              </Alert>
            ) : null}
            <List spacing="xs">
              <Check done={!!review.pack}>The pack is prepared</Check>
              <Check done={!!review.heldOn}>{review.heldOn ? `The meeting was held on ${formatDate(review.heldOn)}` : 'The meeting is recorded as held (Meeting tab)'}</Check>
              <Check done={inputsReady}>{inputsReady ? 'Every input of clause 9.3.2 is there' : `${review.missingInputs.length} input${review.missingInputs.length === 1 ? ' is' : 's are'} still empty (Pack tab)`}</Check>
              <Check done={review.decisions.length > 0 && untracked === 0}>
                {review.decisions.length === 0 ? 'Decisions recorded (none yet)' : untracked ? `${untracked} decision${untracked === 1 ? '' : 's'} not tracked as tasks yet (optional before sign-off)` : 'Every decision is tracked as a task'}
              </Check>
            </List>
            {review.viewerCanManage ? (
              <>
                <MultiSelect
                  label="Management approvers"
                  description="Top management signs the review off; members with the Management role"
                  data={managers.map((m) => ({ value: m.value, label: m.label }))}
                  value={chosen}
                  onChange={setApproverIds}
                  placeholder={managers.length ? undefined : 'Nobody has the Management role'}
                  comboboxProps={{ withinPortal: true }}
                />
                <Group>
                  <Button leftSection={<IconSignature size={16} aria-hidden />} loading={submitting} disabled={review.status !== 'HELD' || !inputsReady || chosen.length === 0} onClick={() => void send()}>
                    Submit for sign-off
                  </Button>
                  {download}
                </Group>
              </>
            ) : (
              <Group>{download}</Group>
            )}
          </Stack>
        </Paper>
      ) : null}
      <Text size="xs" c="dimmed">
        <Anchor href={pdfUrl(organization.id, review.id)} size="xs">
          The PDF
        </Anchor>{' '}
        holds every input, the attendees, the minutes, the decisions and the sign-off — what an auditor asks to see for clause 9.3.
      </Text>
    </Stack>
  );
}
