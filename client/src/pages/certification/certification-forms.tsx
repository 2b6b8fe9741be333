import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { readApiError } from '../../apollo/api-error';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from '../audits/audit-words';
import { CERTIFICATION_PAGE_QUERY, RECORD_CERTIFICATE_MUTATION, RECORD_DECISION_MUTATION, type CycleAuditRow, type DecisionKind } from './certification-operations';
import { formatDay } from './certification-parts';

const today = () => dayjs().format('YYYY-MM-DD');

/** The certification body's decision on a stage 2 or recertification audit. */
export function RecordDecisionForm({ orgId, audits }: { orgId: string; audits: CycleAuditRow[] }) {
  const eligible = audits.filter((a) => a.kind === 'STAGE2' || a.kind === 'RECERTIFICATION').sort((a, b) => b.startDate.localeCompare(a.startDate));
  const preferred = eligible.find((a) => a.status === 'REPORTING' || a.status === 'CLOSED') ?? eligible[0];
  const [auditId, setAuditId] = useState(preferred?.id ?? '');
  const [decision, setDecision] = useState<DecisionKind>('GRANTED');
  const [decidedOn, setDecidedOn] = useState(today());
  const [errors, setErrors] = useState<{ audit?: string; decidedOn?: string; form?: string; blocked?: string }>({});
  const [record, { loading }] = useMutation(RECORD_DECISION_MUTATION, { refetchQueries: [CERTIFICATION_PAGE_QUERY] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const selected = auditId || preferred?.id || '';
    if (!selected) return setErrors({ audit: 'Choose the stage 2 or recertification audit.' });
    if (!decidedOn) return setErrors({ decidedOn: 'Enter the date of the decision.' });
    setErrors({});
    try {
      await record({ variables: { input: { organizationId: orgId, auditId: selected, decision, decidedOn } } });
      notifications.show({ color: 'green', message: decision === 'GRANTED' ? 'Decision recorded: certification granted. Record the certificate next.' : 'Decision recorded: certification refused.' });
    } catch (error) {
      const e = readApiError(error);
      if (e.reason === 'BLOCKED') setErrors({ blocked: e.message });
      else if (e.field === 'auditId') setErrors({ audit: e.message });
      else if (e.field === 'decidedOn') setErrors({ decidedOn: e.message });
      else setErrors({ form: e.message });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={(e) => void submit(e)} h="100%">
      <Title id="record-decision-heading" order={2} fz={20} mb={4}>
        The certification body's decision
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Record what the certification body decided after the stage 2 (or recertification) audit. A grant is refused while blockers stand.
      </Text>
      {eligible.length === 0 ? (
        <Text c="dimmed">There is no stage 2 or recertification audit to decide on yet.</Text>
      ) : (
        <Stack gap="sm">
          <NativeSelect
            label="Audit"
            value={auditId || preferred?.id}
            onChange={(e) => setAuditId(e.currentTarget.value)}
            error={errors.audit}
            data={eligible.map((a) => ({ value: a.id, label: `${a.title} — ${AUDIT_KIND_LABELS[a.kind]}, ${formatDay(a.startDate)} (${AUDIT_STATUS_LABELS[a.status]})` }))}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label="Decision"
              value={decision}
              onChange={(e) => setDecision(e.currentTarget.value === 'REFUSED' ? 'REFUSED' : 'GRANTED')}
              data={[
                { value: 'GRANTED', label: 'Granted' },
                { value: 'REFUSED', label: 'Refused' },
              ]}
            />
            <TextInput label="Decided on" type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={errors.decidedOn} />
          </Group>
          {errors.blocked ? (
            <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} />} title="The decision is blocked" role="alert">
              {errors.blocked}
            </Alert>
          ) : null}
          {errors.form ? (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              Record decision
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** The certificate the certification body issued after a grant: plans the three-year cycle. */
export function RecordCertificateForm({ orgId }: { orgId: string }) {
  const [values, setValues] = useState({ issuedOn: today(), certificationBody: '', certificateNumber: '', scope: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values | 'form', string>>>({});
  const [record, { loading }] = useMutation(RECORD_CERTIFICATE_MUTATION, { refetchQueries: [CERTIFICATION_PAGE_QUERY] });
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: typeof errors = {};
    if (!values.issuedOn) missing.issuedOn = 'Enter the date of issue.';
    if (!values.certificationBody.trim()) missing.certificationBody = 'Enter the certification body.';
    if (!values.certificateNumber.trim()) missing.certificateNumber = 'Enter the certificate number.';
    if (!values.scope.trim()) missing.scope = 'Enter the scope as written on the certificate.';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    try {
      await record({ variables: { input: { organizationId: orgId, ...values } } });
      notifications.show({ color: 'green', message: 'Certificate recorded. The surveillance and recertification audits are planned.' });
    } catch (error) {
      const e = readApiError(error);
      if (e.field && e.field in values) setErrors({ [e.field]: e.message });
      else setErrors({ form: e.message });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={(e) => void submit(e)} h="100%">
      <Title id="record-certificate-heading" order={2} fz={20} mb={4}>
        The certificate
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Certification was granted. Record the certificate as issued: it is valid for three years, and Annex plans the two surveillance audits and the recertification.
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label="Issued on" type="date" value={values.issuedOn} onChange={set('issuedOn')} error={errors.issuedOn} withAsterisk />
          <TextInput label="Certificate number" value={values.certificateNumber} onChange={set('certificateNumber')} error={errors.certificateNumber} withAsterisk />
        </Group>
        <TextInput label="Certification body" value={values.certificationBody} onChange={set('certificationBody')} error={errors.certificationBody} withAsterisk />
        <Textarea label="Scope" autosize minRows={2} value={values.scope} onChange={set('scope')} error={errors.scope} withAsterisk />
        {errors.form ? (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            Record certificate
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
