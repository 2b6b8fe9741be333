import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Paper, Radio, Select, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconPlayerPlay, IconRosetteDiscountCheck, IconTool } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { readApiError } from '../../../../apollo/api-error';
import { ConflictAlert } from '../../../../components/conflict-alert';
import { DueDate } from '../../../../components/due-date';
import { formatDate, RelativeTime } from '../../../../components/relative-time';
import { useMemberOptions } from '../../../../organization/member-options';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { useViewer } from '../../../../session/require-viewer';
import { CORRECTIVE_ACTION_STATUSES, CORRECTIVE_ACTION_STATUS_COLORS, CORRECTIVE_ACTION_STATUS_LABELS, ROOT_CAUSE_METHODS, type FindingKind, type RootCauseMethod } from '../../audit-words';
import {
  CREATE_CORRECTIVE_ACTION_MUTATION,
  UPDATE_CORRECTIVE_ACTION_MUTATION,
  VERIFY_CORRECTIVE_ACTION_MUTATION,
  uploadEvidenceFiles,
  type CorrectiveActionRow,
  type FindingRow,
} from '../../evidence-operations';
import { EvidenceFileInput } from '../evidence/evidence-file-input';
import { EvidenceFiles } from '../evidence/evidence-files';
import { CAUSE_CATEGORIES, METHOD_WORDS, WHY_COUNT, joinRootCause, parseRootCause, type RootCauseParts } from './root-cause';

const REFETCH = { refetchQueries: ['AuditFindings', 'CorrectiveActions', 'MyWork'], awaitRefetchQueries: true };

export function isNonconformity(kind: FindingKind): boolean {
  return kind === 'MAJOR_NONCONFORMITY' || kind === 'MINOR_NONCONFORMITY';
}

/** The corrective action of a nonconformity: create it, work it through its steps, verify it. */
export function CorrectiveActionPanel({ finding, viewerCanConduct }: { finding: FindingRow; viewerCanConduct: boolean }) {
  const { can } = useCurrentOrganization();
  const action = finding.correctiveAction;
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)" component="section">
      <Stack gap="sm">
        <Group gap="xs">
          <IconTool size={18} aria-hidden />
          <Title order={4} size="h5" id={`ca-title-${finding.id}`}>
            Corrective action
          </Title>
          {action ? (
            <Badge color={CORRECTIVE_ACTION_STATUS_COLORS[action.status]} variant="light">
              {CORRECTIVE_ACTION_STATUS_LABELS[action.status]}
            </Badge>
          ) : null}
        </Group>
        {action ? (
          <ActionDetails finding={finding} action={action} viewerCanConduct={viewerCanConduct} />
        ) : can('correctiveAction:create') ? (
          <CreateActionForm finding={finding} />
        ) : (
          <Text size="sm" c="dimmed">
            No corrective action yet: the ISMS manager or the owner creates one.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function CreateActionForm({ finding }: { finding: FindingRow }) {
  const { options: members } = useMemberOptions();
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState<string>(viewer.id);
  const [dueDate, setDueDate] = useState('');
  const [correction, setCorrection] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_CORRECTIVE_ACTION_MUTATION, REFETCH);
  const rule = finding.kind === 'MAJOR_NONCONFORMITY' ? '30 days after the audit ends (major nonconformity)' : '90 days after the audit ends (minor nonconformity)';
  if (!open) {
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          No corrective action yet. A nonconformity needs one: a correction, the root cause, and an action against recurrence.
        </Text>
        <Button size="sm" onClick={() => setOpen(true)}>
          Create corrective action
        </Button>
      </Group>
    );
  }
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      await create({ variables: { input: { findingId: finding.id, ownerId: ownerId || null, dueDate: dueDate || null, correction: correction.trim() || null } } });
      setOpen(false);
    } catch (error) {
      const { field, message } = readApiError(error);
      if (field && ['ownerId', 'dueDate', 'correction'].includes(field)) setErrors({ [field]: message });
      else setFormError(message);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            searchable
            data={members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }))}
            value={ownerId}
            onChange={(v) => setOwnerId(v ?? '')}
            error={errors['ownerId']}
          />
          <TextInput label="Due date" type="date" description={`Empty: ${rule}.`} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={errors['dueDate']} />
        </SimpleGrid>
        <Textarea label="Correction" description="The immediate fix (optional now)." autosize minRows={2} value={correction} onChange={(e) => setCorrection(e.currentTarget.value)} error={errors['correction']} />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create corrective action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form's values, flat so that "what did I change" is a field-by-field comparison. */
type Values = Record<string, string>;

function valuesOf(action: CorrectiveActionRow): Values {
  const parts = parseRootCause(action.rootCauseMethod, action.rootCause);
  const out: Values = {
    correction: action.correction,
    rootCauseMethod: action.rootCauseMethod,
    other: parts.other,
    action: action.action,
    preventiveMeasures: action.preventiveMeasures,
    ownerId: action.owner?.id ?? '',
    dueDate: action.dueDate,
  };
  parts.whys.forEach((why, i) => (out[`why${i + 1}`] = why));
  for (const c of CAUSE_CATEGORIES) out[c] = parts.categories[c];
  return out;
}

function rootCauseOf(values: Values): string {
  const method = values['rootCauseMethod'] as RootCauseMethod;
  const parts: RootCauseParts = {
    whys: Array.from({ length: WHY_COUNT }, (_, i) => values[`why${i + 1}`] ?? ''),
    categories: { People: values['People'] ?? '', Process: values['Process'] ?? '', Technology: values['Technology'] ?? '', Environment: values['Environment'] ?? '' },
    other: values['other'] ?? '',
  };
  return joinRootCause(method, parts);
}

const NEXT_STEP: Partial<Record<CorrectiveActionRow['status'], { status: 'IN_PROGRESS' | 'IMPLEMENTED'; label: string }>> = {
  OPEN: { status: 'IN_PROGRESS', label: 'Start' },
  IN_PROGRESS: { status: 'IMPLEMENTED', label: 'Mark implemented' },
};

function ActionDetails({ finding, action, viewerCanConduct }: { finding: FindingRow; action: CorrectiveActionRow; viewerCanConduct: boolean }) {
  const { can } = useCurrentOrganization();
  const viewer = useViewer();
  const canEdit = action.status !== 'VERIFIED' && (can('audit:manage') || (can('correctiveAction:update') && action.owner?.id === viewer.id));
  const canVerify = action.status === 'IMPLEMENTED' && viewerCanConduct && can('correctiveAction:verify');
  const stepIndex = CORRECTIVE_ACTION_STATUSES.indexOf(action.status);

  return (
    <Stack gap="sm">
      <Stepper active={action.status === 'VERIFIED' ? 4 : stepIndex} size="xs" iconSize={24} aria-label="Progress of the corrective action">
        {CORRECTIVE_ACTION_STATUSES.map((status) => (
          <Stepper.Step key={status} label={CORRECTIVE_ACTION_STATUS_LABELS[status]} />
        ))}
      </Stepper>
      <Group gap="lg">
        <Text size="sm" c="dimmed">
          Owner:{' '}
          <Text span inherit c="var(--mantine-color-text)">
            {action.owner ? `${action.owner.name}${action.owner.id === viewer.id ? ' (you)' : ''}` : 'nobody'}
          </Text>
        </Text>
        <DueDate value={action.dueDate} overdue={action.overdue} finished={action.status === 'VERIFIED'} />
        {action.effectivenessReviewOn ? (
          <Text size="sm" c="dimmed">
            Effectiveness review on {formatDate(action.effectivenessReviewOn)}
          </Text>
        ) : null}
      </Group>
      {action.lastRejection && action.status !== 'VERIFIED' ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The last verification found it not effective">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {action.lastRejection}
          </Text>
        </Alert>
      ) : null}
      {action.status === 'VERIFIED' ? (
        <Alert color="teal" variant="light" icon={<IconRosetteDiscountCheck size={18} aria-hidden />} title="Verified effective">
          <Text size="sm">
            By {action.verifiedBy?.name ?? 'an auditor'}
            {action.verifiedAt ? (
              <>
                {' '}
                <RelativeTime value={action.verifiedAt} />
              </>
            ) : null}
            {action.verificationComment ? `: ${action.verificationComment}` : '.'}
          </Text>
        </Alert>
      ) : null}
      {canEdit ? <ActionForm action={action} /> : <ActionReadOnly action={action} />}
      {canVerify ? <VerifyForm action={action} finding={finding} /> : null}
    </Stack>
  );
}

function ReadField({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {value || 'Not described yet.'}
      </Text>
    </Stack>
  );
}

function ActionReadOnly({ action }: { action: CorrectiveActionRow }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ReadField label="Correction" value={action.correction} />
      <ReadField label={`Root cause (${METHOD_WORDS[action.rootCauseMethod].toLowerCase()})`} value={action.rootCause} />
      <ReadField label="Corrective action" value={action.action} />
      <ReadField label="Measures against recurrence" value={action.preventiveMeasures} />
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Evidence
        </Text>
        <EvidenceFiles evidence={action.evidence} empty="No evidence attached." />
      </Stack>
    </SimpleGrid>
  );
}

function ActionForm({ action }: { action: CorrectiveActionRow }) {
  const { organization } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const viewer = useViewer();
  const [update] = useMutation(UPDATE_CORRECTIVE_ACTION_MUTATION, REFETCH);
  const [base, setBase] = useState<{ version: number; values: Values }>(() => ({ version: action.version, values: valuesOf(action) }));
  const [values, setValues] = useState<Values>(() => valuesOf(action));
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [rejected, setRejected] = useState(false);
  const [busy, setBusy] = useState<null | 'save' | 'step'>(null);

  const dirty = Object.keys(values).some((k) => values[k] !== base.values[k]) || files.length > 0;
  const stale = action.version !== base.version;

  // Someone (or this form's own save) changed the record: take it in when nothing is being edited.
  useEffect(() => {
    if (action.version !== base.version && !dirty) {
      const latest = valuesOf(action);
      setBase({ version: action.version, values: latest });
      setValues(latest);
    }
  }, [action, base.version, dirty]);

  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const input = (key: string) => ({ value: values[key] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key)(e.currentTarget.value), error: errors[key] });

  const reload = () => {
    const latest = valuesOf(action);
    const merged: Values = {};
    for (const key of Object.keys(latest)) merged[key] = values[key] !== base.values[key] ? values[key]! : latest[key]!;
    setBase({ version: action.version, values: latest });
    setValues(merged);
    setRejected(false);
  };

  const save = async (status?: 'IN_PROGRESS' | 'IMPLEMENTED') => {
    setErrors({});
    setFormError(null);
    setBusy(status ? 'step' : 'save');
    let evidenceIds: string[] | undefined;
    if (files.length) {
      const uploaded = await uploadEvidenceFiles(organization.id, files, { title: 'Corrective action evidence' });
      if (!uploaded.ok) {
        setBusy(null);
        setErrors({ files: uploaded.message });
        return;
      }
      evidenceIds = [...action.evidence.map((e) => e.id), ...uploaded.ids];
    }
    try {
      await update({
        variables: {
          input: {
            id: action.id,
            version: base.version,
            correction: values['correction'] ?? '',
            rootCauseMethod: values['rootCauseMethod'] as RootCauseMethod,
            rootCause: rootCauseOf(values),
            action: values['action'] ?? '',
            preventiveMeasures: values['preventiveMeasures'] ?? '',
            ownerId: values['ownerId'] || null,
            dueDate: values['dueDate'] || null,
            ...(evidenceIds ? { evidenceIds } : {}),
            ...(status ? { status } : {}),
          },
        },
      });
      setFiles([]);
      // The refetched record arrives with a new version; the effect above takes it in.
      setBase((b) => ({ ...b, values }));
    } catch (error) {
      const { code, field, message } = readApiError(error);
      if (code === 'CONFLICT' && /changed by someone else/.test(message)) setRejected(true);
      else if (field === 'rootCause') setErrors({ rootCause: message });
      else if (field === 'evidenceIds') setErrors({ files: message });
      else if (field && field !== 'status' && field in values) setErrors({ [field]: message });
      else setFormError(message);
    } finally {
      setBusy(null);
    }
  };

  const method = values['rootCauseMethod'] as RootCauseMethod;
  const next = NEXT_STEP[action.status];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="sm">
        {rejected || (stale && dirty) ? <ConflictAlert conflict={rejected ? 'rejected' : 'stale'} noun="corrective action" reloading={false} onReload={reload} /> : null}
        <Textarea label="Correction" description="The immediate fix of this nonconformity." autosize minRows={2} {...input('correction')} />
        <Radio.Group label="Root cause method" value={method} onChange={set('rootCauseMethod')}>
          <Group gap="lg" mt={4}>
            {ROOT_CAUSE_METHODS.map((m) => (
              <Radio key={m} value={m} label={METHOD_WORDS[m]} />
            ))}
          </Group>
        </Radio.Group>
        {method === 'FIVE_WHYS' ? (
          <Card withBorder padding="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" size="sm" fw={500} px={4}>
              Root cause analysis: ask “Why?” until you reach the cause
            </Text>
            <Stack gap={6}>
              {Array.from({ length: WHY_COUNT }, (_, i) => (
                <TextInput key={i} label={`Why? ${i + 1}`} size="sm" {...input(`why${i + 1}`)} />
              ))}
            </Stack>
            {errors['rootCause'] ? (
              <Text size="xs" c="red.8" mt={4}>
                {errors['rootCause']}
              </Text>
            ) : null}
          </Card>
        ) : method === 'CAUSE_CATEGORIES' ? (
          <Card withBorder padding="sm" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" size="sm" fw={500} px={4}>
              Root cause analysis: causes by category
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {CAUSE_CATEGORIES.map((c) => (
                <Textarea key={c} label={c} size="sm" autosize minRows={1} {...input(c)} />
              ))}
            </SimpleGrid>
            {errors['rootCause'] ? (
              <Text size="xs" c="red.8" mt={4}>
                {errors['rootCause']}
              </Text>
            ) : null}
          </Card>
        ) : (
          <Textarea label="Root cause" autosize minRows={2} {...input('other')} error={errors['rootCause']} />
        )}
        <Textarea label="Corrective action" description="What removes the cause." autosize minRows={2} {...input('action')} />
        <Textarea label="Measures against recurrence" autosize minRows={2} {...input('preventiveMeasures')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            searchable
            data={members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }))}
            value={values['ownerId'] || null}
            onChange={(v) => set('ownerId')(v ?? '')}
            error={errors['ownerId']}
          />
          <TextInput label="Due date" type="date" {...input('dueDate')} />
        </SimpleGrid>
        <Stack gap={4}>
          <EvidenceFiles evidence={action.evidence} />
          <EvidenceFileInput value={files} onChange={setFiles} error={errors['files']} disabled={!!busy} description="Added to the evidence above when you save." />
        </Stack>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" variant={next ? 'default' : 'filled'} loading={busy === 'save'} disabled={!!busy && busy !== 'save'}>
            Save corrective action
          </Button>
          {next ? (
            <Button
              color={next.status === 'IMPLEMENTED' ? 'teal' : 'blue'}
              leftSection={next.status === 'IMPLEMENTED' ? <IconCircleCheck size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
              loading={busy === 'step'}
              disabled={!!busy && busy !== 'step'}
              onClick={() => void save(next.status)}
            >
              {next.label}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              Implemented: waiting for an auditor’s verification.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function VerifyForm({ action, finding }: { action: CorrectiveActionRow; finding: FindingRow }) {
  const [verify, { loading }] = useMutation(VERIFY_CORRECTIVE_ACTION_MUTATION, REFETCH);
  const [outcome, setOutcome] = useState<'effective' | 'not-effective' | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (!outcome) {
      setErrors({ outcome: 'Choose Effective or Not effective.' });
      return;
    }
    if (outcome === 'not-effective' && !comment.trim()) {
      setErrors({ comment: 'Say why it is not effective.' });
      return;
    }
    try {
      await verify({ variables: { input: { id: action.id, effective: outcome === 'effective', comment: comment.trim() || null } } });
      setOutcome('');
      setComment('');
    } catch (error) {
      const { field, message } = readApiError(error);
      if (field === 'comment') setErrors({ comment: message });
      else setFormError(message);
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)} noValidate aria-label={`Verification for ${finding.requirementRef}`}>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          Verify the corrective action
        </Text>
        <Radio.Group label="Is it effective?" value={outcome} onChange={(v) => setOutcome(v as 'effective' | 'not-effective')} error={errors['outcome']}>
          <Group gap="lg" mt={4}>
            <Radio value="effective" label="Effective" />
            <Radio value="not-effective" label="Not effective" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Comment"
          description={outcome === 'not-effective' ? 'Required: why it is not effective. It goes back to the owner.' : 'What you checked.'}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors['comment']}
        />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" color={outcome === 'not-effective' ? 'red' : 'teal'} loading={loading}>
            Verify
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
