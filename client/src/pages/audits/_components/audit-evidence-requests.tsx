import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Blockquote, Button, Card, Divider, EmptyState, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconArrowBackUp, IconCheck, IconFileUpload, IconInbox, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { EVIDENCE_REQUEST_STATUS_COLORS, EVIDENCE_REQUEST_STATUS_LABELS, type EvidenceRequestStatus } from '../audit-words';
import {
  ANSWER_EVIDENCE_REQUEST_MUTATION,
  AUDIT_EVIDENCE_REQUESTS_QUERY,
  REQUEST_EVIDENCE_MUTATION,
  REVIEW_EVIDENCE_REQUEST_MUTATION,
  uploadEvidenceFiles,
  type EvidenceRequestRow,
} from '../evidence-operations';
import { DueCountdown } from './evidence/due-countdown';
import { EvidenceFileInput } from './evidence/evidence-file-input';
import { EvidenceFiles } from './evidence/evidence-files';

const REFETCH = { refetchQueries: ['AuditEvidenceRequests', 'MyWork'], awaitRefetchQueries: true };

/** Work first: returned and open ones by due time, then those waiting for review, then accepted. */
const STATUS_ORDER: Record<EvidenceRequestStatus, number> = { RETURNED: 0, OPEN: 1, ANSWERED: 2, ACCEPTED: 3 };

/** The evidence an auditor asked for in this audit, its answers and their review. */
export function AuditEvidenceRequests({ auditId }: { auditId: string }) {
  const { can } = useCurrentOrganization();
  const viewer = useViewer();
  const [searchParams] = useSearchParams();
  const focusId = searchParams.get('request');
  const { data, error, refetch } = useQuery(AUDIT_EVIDENCE_REQUESTS_QUERY, { variables: { auditId }, fetchPolicy: 'cache-and-network' });
  const [requesting, setRequesting] = useState(false);
  const [answering, setAnswering] = useState<EvidenceRequestRow | null>(null);
  const [returning, setReturning] = useState<EvidenceRequestRow | null>(null);

  const audit = data?.node && data.node.__typename === 'Audit' && 'evidenceRequests' in data.node ? data.node : null;
  const requests = useMemo(
    () => [...(audit?.evidenceRequests ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueAt.localeCompare(b.dueAt)),
    [audit],
  );

  useEffect(() => {
    if (!focusId || !audit) return;
    document.getElementById(`evidence-request-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [focusId, audit]);

  if (error && !data) return <ErrorState error={error} onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={4} height={72} />;
  if (!audit) return <ErrorState error={new Error('not found')} title="This audit could not be found" />;

  const closed = audit.status === 'CLOSED';
  const canRequest = audit.viewerCanConduct && !closed;
  const counts = requests.reduce<Record<EvidenceRequestStatus, number>>((acc, r) => ({ ...acc, [r.status]: acc[r.status] + 1 }), { OPEN: 0, RETURNED: 0, ANSWERED: 0, ACCEPTED: 0 });
  const overdue = requests.filter((r) => r.overdue && (r.status === 'OPEN' || r.status === 'RETURNED')).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Evidence requests
          </Title>
          <Text size="sm" c="dimmed">
            {requests.length === 0
              ? 'Samples the auditors ask for, who provides them and by when.'
              : `${counts.OPEN + counts.RETURNED} to answer${overdue ? ` (${overdue} overdue)` : ''} · ${counts.ANSWERED} to review · ${counts.ACCEPTED} accepted`}
          </Text>
        </div>
        {canRequest ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRequesting(true)}>
            Request evidence
          </Button>
        ) : null}
      </Group>

      {requests.length === 0 ? (
        <Card>
          <EmptyState
            align="left"
            variant="light"
            icon={<IconInbox size={28} aria-hidden />}
            title="No evidence requested yet"
            description={
              <Text size="sm">
                During the audit the auditors ask for samples — a log extract, a signed record, a screenshot — each with an owner and a due time. The owner uploads the files here and the auditor accepts them or returns them
                with a comment.
              </Text>
            }
          />
        </Card>
      ) : (
        <Stack gap="sm">
          {requests.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              focused={request.id === focusId}
              canAnswer={(request.status === 'OPEN' || request.status === 'RETURNED') && (request.owner?.id === viewer.id || can('audit:manage'))}
              canReview={request.status === 'ANSWERED' && audit.viewerCanConduct}
              viewerId={viewer.id}
              onAnswer={() => setAnswering(request)}
              onReturn={() => setReturning(request)}
            />
          ))}
        </Stack>
      )}

      <RequestEvidenceModal auditId={auditId} auditEnd={audit.endDate} opened={requesting} onClose={() => setRequesting(false)} />
      <AnswerModal request={answering} onClose={() => setAnswering(null)} />
      <ReturnModal request={returning} onClose={() => setReturning(null)} />
    </Stack>
  );
}

function RequestCard({
  request,
  focused,
  canAnswer,
  canReview,
  viewerId,
  onAnswer,
  onReturn,
}: {
  request: EvidenceRequestRow;
  focused: boolean;
  canAnswer: boolean;
  canReview: boolean;
  viewerId: string;
  onAnswer: () => void;
  onReturn: () => void;
}) {
  const [review, { loading: accepting }] = useMutation(REVIEW_EVIDENCE_REQUEST_MUTATION, REFETCH);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const waiting = request.status === 'OPEN' || request.status === 'RETURNED';
  const accept = async () => {
    setAcceptError(null);
    try {
      await review({ variables: { input: { evidenceRequestId: request.id, accepted: true } } });
    } catch (error) {
      setAcceptError(readApiError(error).message);
    }
  };
  const mine = request.owner?.id === viewerId;

  return (
    <Card
      id={`evidence-request-${request.id}`}
      component="article"
      aria-labelledby={`evidence-request-title-${request.id}`}
      withBorder
      style={focused ? { borderColor: 'var(--mantine-color-blue-5)', boxShadow: '0 0 0 2px var(--mantine-color-blue-1)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Badge color={EVIDENCE_REQUEST_STATUS_COLORS[request.status]} variant="light">
                {EVIDENCE_REQUEST_STATUS_LABELS[request.status]}
              </Badge>
              <Text id={`evidence-request-title-${request.id}`} fw={600}>
                {request.title}
              </Text>
            </Group>
            <Group gap="lg" wrap="wrap">
              <DueCountdown dueAt={request.dueAt} overdue={request.overdue && waiting} finished={!waiting} />
              <Text size="sm" c="dimmed">
                Owner:{' '}
                <Text span inherit c={request.owner ? 'var(--mantine-color-text)' : undefined} fw={mine ? 600 : undefined}>
                  {request.owner ? `${request.owner.name}${mine ? ' (you)' : ''}` : 'nobody yet'}
                </Text>
              </Text>
              <Text size="sm" c="dimmed">
                Requested by {request.requestedBy?.name ?? 'a former member'} <RelativeTime value={request.createdAt} c="dimmed" />
              </Text>
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {canAnswer ? (
              <Button size="sm" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={onAnswer} aria-label={`Answer: ${request.title}`}>
                Answer
              </Button>
            ) : null}
            {canReview ? (
              <>
                <Button size="sm" color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={accepting} onClick={() => void accept()} aria-label={`Accept: ${request.title}`}>
                  Accept
                </Button>
                <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onReturn} aria-label={`Return: ${request.title}`}>
                  Return
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
        {request.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.description}
          </Text>
        ) : null}
        {request.status === 'RETURNED' && request.reviewComment ? (
          <Alert color="orange" variant="light" title="Returned: what is missing" icon={<IconArrowBackUp size={18} aria-hidden />}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {request.reviewComment}
            </Text>
          </Alert>
        ) : null}
        {acceptError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {acceptError}
          </Alert>
        ) : null}
        {request.answeredAt || request.evidence.length > 0 ? (
          <>
            <Divider />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Answer{request.answeredAt ? (
                    <>
                      {' · '}
                      <RelativeTime value={request.answeredAt} size="xs" tt="none" fw={400} />
                    </>
                  ) : null}
                </Text>
                {request.answerNote ? (
                  <Blockquote p="xs" color="gray" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                    {request.answerNote}
                  </Blockquote>
                ) : (
                  <Text size="sm" c="dimmed">
                    No note.
                  </Text>
                )}
              </Stack>
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Evidence
                </Text>
                <EvidenceFiles evidence={request.evidence} empty="No files attached." />
              </Stack>
            </SimpleGrid>
          </>
        ) : null}
        {request.status === 'ACCEPTED' ? (
          <Text size="sm" c="teal.8">
            Accepted{request.reviewedAt ? (
              <>
                {' '}
                <RelativeTime value={request.reviewedAt} c="teal.8" />
              </>
            ) : null}
            {request.reviewComment ? `: ${request.reviewComment}` : '.'}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

interface RequestValues {
  title: string;
  description: string;
  ownerId: string;
  due: string;
}

function RequestEvidenceModal({ auditId, auditEnd, opened, onClose }: { auditId: string; auditEnd: string; opened: boolean; onClose: () => void }) {
  const { options: members } = useMemberOptions();
  const viewer = useViewer();
  const [requestEvidence, { loading }] = useMutation(REQUEST_EVIDENCE_MUTATION, REFETCH);
  const [formError, setFormError] = useState<string | null>(null);
  const defaultDue = () => {
    const tomorrow = dayjs().add(1, 'day').hour(12).minute(0);
    const end = dayjs(auditEnd).hour(17).minute(0);
    return (end.isAfter(dayjs()) && end.isBefore(tomorrow) ? end : tomorrow).format('YYYY-MM-DDTHH:mm');
  };
  const form = useForm<RequestValues>({
    initialValues: { title: '', description: '', ownerId: '', due: defaultDue() },
    validate: {
      title: (v) => (v.trim() ? null : 'Say what you need.'),
      due: (v) => (v && dayjs(v).isValid() ? null : 'Give a due time.'),
    },
  });
  const close = () => {
    form.setValues({ title: '', description: '', ownerId: '', due: defaultDue() });
    form.clearErrors();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await requestEvidence({
        variables: { input: { auditId, title: values.title.trim(), description: values.description.trim() || null, ownerId: values.ownerId || null, dueAt: new Date(values.due).toISOString() } },
      });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error, { dueAt: 'due' }));
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Request evidence</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Title" placeholder="e.g. Access review records for Q3" required data-autofocus {...form.getInputProps('title')} />
          <Textarea label="Description" description="What exactly, which period or sample." autosize minRows={3} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Owner"
              description="Who provides it (notified)."
              placeholder="Choose a person"
              searchable
              clearable
              data={members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }))}
              {...form.getInputProps('ownerId')}
              onChange={(value) => form.setFieldValue('ownerId', value ?? '')}
            />
            <TextInput label="Due" type="datetime-local" description="Your local time." required {...form.getInputProps('due')} />
          </SimpleGrid>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Request evidence
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AnswerModal({ request, onClose }: { request: EvidenceRequestRow | null; onClose: () => void }) {
  const { organization } = useCurrentOrganization();
  const [answer] = useMutation(ANSWER_EVIDENCE_REQUEST_MUTATION, REFETCH);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'uploading' | 'sending'>(null);
  const close = () => {
    setNote('');
    setFiles([]);
    setFilesError(null);
    setFormError(null);
    onClose();
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!request) return;
    setFilesError(null);
    setFormError(null);
    if (!note.trim() && files.length === 0) {
      setFormError('Attach evidence or write a note.');
      return;
    }
    let evidenceIds: string[] = [];
    if (files.length) {
      setBusy('uploading');
      const uploaded = await uploadEvidenceFiles(organization.id, files, { title: request.title });
      if (!uploaded.ok) {
        setBusy(null);
        setFilesError(uploaded.message);
        return;
      }
      evidenceIds = uploaded.ids;
    }
    setBusy('sending');
    try {
      await answer({ variables: { input: { evidenceRequestId: request.id, note: note.trim() || null, evidenceIds } } });
      setBusy(null);
      close();
    } catch (error) {
      setBusy(null);
      const { field, message } = readApiError(error);
      if (field === 'evidenceIds') setFilesError(message);
      else setFormError(message);
    }
  };
  return (
    <Modal opened={!!request} onClose={close} title={<Text fw={600}>Answer: {request?.title}</Text>} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {request?.description ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {request.description}
            </Text>
          ) : null}
          {request?.status === 'RETURNED' && request.reviewComment ? (
            <Alert color="orange" variant="light" title="The auditor returned it" icon={<IconArrowBackUp size={18} aria-hidden />}>
              {request.reviewComment}
            </Alert>
          ) : null}
          <EvidenceFileInput value={files} onChange={setFiles} error={filesError} disabled={!!busy} />
          <Textarea label="Note" description="Explain the evidence, or answer in words." autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} disabled={!!busy} />
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={!!busy}>
              Cancel
            </Button>
            <Button type="submit" loading={!!busy}>
              {busy === 'uploading' ? 'Uploading…' : 'Send answer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReturnModal({ request, onClose }: { request: EvidenceRequestRow | null; onClose: () => void }) {
  const [review, { loading }] = useMutation(REVIEW_EVIDENCE_REQUEST_MUTATION, REFETCH);
  const form = useForm<{ comment: string }>({ initialValues: { comment: '' }, validate: { comment: (v) => (v.trim() ? null : 'Say what is missing.') } });
  const [formError, setFormError] = useState<string | null>(null);
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!request) return;
    setFormError(null);
    try {
      await review({ variables: { input: { evidenceRequestId: request.id, accepted: false, comment: values.comment.trim() } } });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });
  return (
    <Modal opened={!!request} onClose={close} title={<Text fw={600}>Return: {request?.title}</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {request?.owner ? `${request.owner.name} is notified and answers again.` : 'The request goes back to be answered again.'}
          </Text>
          <Textarea label="Comment" description="What is missing or wrong." required autosize minRows={3} data-autofocus {...form.getInputProps('comment')} />
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={loading}>
              Return
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
