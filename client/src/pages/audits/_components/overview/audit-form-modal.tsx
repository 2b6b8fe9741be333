import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { applyMutationError, readApiError } from '../../../../apollo/api-error';
import { useMemberOptions } from '../../../../organization/member-options';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { AUDIT_CATALOG_QUERY, useCreateAudit, useUpdateAudit, type AuditDetail } from '../../audit-operations';
import { AUDIT_KINDS, AUDIT_KIND_LABELS, type AuditKind } from '../../audit-words';

interface AuditFormValues {
  kind: AuditKind;
  title: string;
  startDate: string;
  endDate: string;
  leadAuditorId: string;
  teamIds: string[];
  scopeRefs: string[];
  objectives: string;
}

/** The whole sections an audit can cover with one reference ("A.8" covers every A.8.x control). */
export const SCOPE_GROUPS: { value: string; label: string }[] = [
  { value: '4', label: 'Clause 4 Context of the organization' },
  { value: '5', label: 'Clause 5 Leadership' },
  { value: '6', label: 'Clause 6 Planning' },
  { value: '7', label: 'Clause 7 Support' },
  { value: '8', label: 'Clause 8 Operation' },
  { value: '9', label: 'Clause 9 Performance evaluation' },
  { value: '10', label: 'Clause 10 Improvement' },
  { value: 'A.5', label: 'A.5 Organizational controls' },
  { value: 'A.6', label: 'A.6 People controls' },
  { value: 'A.7', label: 'A.7 Physical controls' },
  { value: 'A.8', label: 'A.8 Technological controls' },
];

const ALL_CLAUSES = ['4', '5', '6', '7', '8', '9', '10'];
const ALL_ANNEX_A = ['A.5', 'A.6', 'A.7', 'A.8'];
const KIND_OPTIONS = AUDIT_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }));

function emptyValues(): AuditFormValues {
  const start = dayjs().add(1, 'month').startOf('month');
  return { kind: 'INTERNAL', title: '', startDate: start.format('YYYY-MM-DD'), endDate: start.add(2, 'day').format('YYYY-MM-DD'), leadAuditorId: '', teamIds: [], scopeRefs: [], objectives: '' };
}

function valuesOf(audit: AuditDetail): AuditFormValues {
  return {
    kind: audit.kind,
    title: audit.title,
    startDate: audit.startDate,
    endDate: audit.endDate,
    leadAuditorId: audit.leadAuditor?.id ?? '',
    teamIds: audit.team.map((m) => m.id),
    scopeRefs: audit.scopeRefs,
    objectives: audit.objectives,
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface AuditFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Editing this audit; planning a new one when absent. */
  audit?: AuditDetail;
}

/** Plans an audit (or changes its plan): kind, dates, who audits, what it covers and why. */
export function AuditFormModal({ opened, onClose, audit }: AuditFormModalProps) {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const { options: members } = useMemberOptions();
  const catalog = useQuery(AUDIT_CATALOG_QUERY, { skip: !opened });
  const [createAudit, { loading: creating }] = useCreateAudit();
  const [updateAudit, { loading: updating }] = useUpdateAudit();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AuditFormValues>({
    initialValues: audit ? valuesOf(audit) : emptyValues(),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the audit a title.'),
      startDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Choose the first day of the audit.'),
      endDate: (v, values) => (!/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'Choose the last day of the audit.' : v < values.startDate ? 'The audit cannot end before it starts.' : null),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(audit ? valuesOf(audit) : emptyValues());
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const scopeOptions = useMemo(() => {
    const data = catalog.data?.catalog;
    const groups = [{ group: 'Whole sections', items: SCOPE_GROUPS }];
    if (!data) return groups;
    return [
      ...groups,
      { group: 'Clauses', items: data.clauses.map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` })) },
      { group: 'Annex A controls', items: data.controls.map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` })) },
    ];
  }, [catalog.data]);

  const memberOptions = useMemo(() => members.map((m) => ({ value: m.value, label: m.role === 'AUDITOR' ? `${m.label} (auditor)` : m.label })), [members]);
  // Auditors first: an audit team is usually made of them.
  const teamOptions = useMemo(
    () => [
      { group: 'Auditors', items: memberOptions.filter((_, i) => members[i]?.role === 'AUDITOR') },
      { group: 'Other members', items: memberOptions.filter((_, i) => members[i]?.role !== 'AUDITOR') },
    ],
    [memberOptions, members],
  );

  const addRefs = (refs: string[]) => form.setFieldValue('scopeRefs', [...new Set([...form.values.scopeRefs, ...refs])]);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      if (audit) {
        const initial = valuesOf(audit);
        await updateAudit({
          variables: {
            input: {
              id: audit.id,
              version: audit.version,
              ...(values.kind !== initial.kind ? { kind: values.kind } : {}),
              ...(values.title.trim() !== initial.title ? { title: values.title.trim() } : {}),
              ...(values.startDate !== initial.startDate ? { startDate: values.startDate } : {}),
              ...(values.endDate !== initial.endDate ? { endDate: values.endDate } : {}),
              ...(values.leadAuditorId !== initial.leadAuditorId ? { leadAuditorId: values.leadAuditorId || null } : {}),
              ...(!sameList(values.teamIds, initial.teamIds) ? { teamIds: values.teamIds } : {}),
              ...(!sameList(values.scopeRefs, initial.scopeRefs) ? { scopeRefs: values.scopeRefs } : {}),
              ...(values.objectives !== initial.objectives ? { objectives: values.objectives } : {}),
            },
          },
        });
        notifications.show({ color: 'teal', title: 'Audit updated', message: `“${values.title.trim()}” is saved.` });
        onClose();
        return;
      }
      const { data } = await createAudit({
        variables: {
          input: {
            organizationId: organization.id,
            kind: values.kind,
            title: values.title.trim(),
            startDate: values.startDate,
            endDate: values.endDate,
            leadAuditorId: values.leadAuditorId || null,
            teamIds: values.teamIds,
            scopeRefs: values.scopeRefs,
            objectives: values.objectives,
          },
        },
      });
      const created = data?.createAudit.audit;
      if (!created) return;
      notifications.show({ color: 'teal', title: 'Audit planned', message: `Add the agenda of “${created.title}” and share it with the people interviewed.` });
      onClose();
      void navigate(`/o/${organization.id}/audits/${created.id}?tab=agenda`);
    } catch (error) {
      const { code } = readApiError(error);
      setFormError(code === 'CONFLICT' ? 'Someone else changed this audit meanwhile. Close this form, check their change and edit again.' : applyMutationError(form, error));
    }
  });

  const loadingCatalog = catalog.loading && !catalog.data;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>{audit ? 'Edit the audit' : 'Plan an audit'}</Text>} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!audit ? (
            <Text size="sm" c="dimmed">
              An internal audit (clause 9.2) or a certification body’s visit. Planned audits appear in the programme; the lead auditor and the team run the agenda, the checklist, evidence requests and findings.
            </Text>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} comboboxProps={{ withinPortal: true }} />
            <TextInput label="Title" data-autofocus placeholder="e.g. Internal audit 2027" {...form.getInputProps('title')} />
            <TextInput type="date" label="Start date" {...form.getInputProps('startDate')} />
            <TextInput type="date" label="End date" min={form.values.startDate || undefined} {...form.getInputProps('endDate')} />
            <Select
              label="Lead auditor"
              description="Runs the audit and signs the report"
              placeholder="Nobody yet"
              data={memberOptions}
              searchable
              clearable
              nothingFoundMessage="No member by that name"
              value={form.values.leadAuditorId || null}
              onChange={(value) => form.setFieldValue('leadAuditorId', value ?? '')}
              error={form.errors['leadAuditorId']}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label="Audit team"
              description="Usually members with the Auditor role"
              placeholder={form.values.teamIds.length ? undefined : 'Nobody else'}
              data={teamOptions}
              searchable
              clearable
              nothingFoundMessage="No member by that name"
              {...form.getInputProps('teamIds')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Stack gap={6}>
            <MultiSelect
              label="Scope"
              description="Whole sections, single clauses or Annex A controls: each becomes a line of the checklist"
              placeholder={loadingCatalog ? 'Loading the standard…' : form.values.scopeRefs.length ? undefined : 'e.g. A.8 or 9.2'}
              data={scopeOptions}
              searchable
              clearable
              maxDropdownHeight={320}
              nothingFoundMessage="No clause or control matches"
              {...form.getInputProps('scopeRefs')}
              comboboxProps={{ withinPortal: true }}
            />
            <Group gap="xs">
              <Button size="compact-xs" variant="light" onClick={() => addRefs(ALL_CLAUSES)}>
                Add clauses 4–10
              </Button>
              <Button size="compact-xs" variant="light" onClick={() => addRefs(ALL_ANNEX_A)}>
                Add all of Annex A
              </Button>
            </Group>
          </Stack>
          <Textarea label="Objectives" placeholder="What the audit should establish, e.g. that the ISMS is implemented and effective" autosize minRows={3} maxRows={8} {...form.getInputProps('objectives')} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || updating}>
              {audit ? 'Save changes' : 'Plan audit'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
