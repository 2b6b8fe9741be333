import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { ConflictAlert } from '../../../components/conflict-alert';
import { mergeAfterReload } from '../../../components/merge-after-reload';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { OBJECTIVE_PANEL_QUERY, OBJECTIVE_PICKERS_QUERY, isObjectiveNode, useCreateObjective, useUpdateObjective, type ObjectiveFieldsInput, type ObjectiveRow } from '../objective-operations';

/** Who may own objectives and indicators: the people who act on them (not auditors, not staff at large). */
export const OWNER_ROLES = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'];

const THEMES: Record<string, string> = {
  ORGANIZATIONAL: 'A.5 Organizational controls',
  PEOPLE: 'A.6 People controls',
  PHYSICAL: 'A.7 Physical controls',
  TECHNOLOGICAL: 'A.8 Technological controls',
};

interface Values {
  title: string;
  description: string;
  ownerId: string;
  targetDate: string;
  indicatorIds: string[];
  riskIds: string[];
  controlRefs: string[];
}
const VALUE_FIELDS: readonly (keyof Values)[] = ['title', 'description', 'ownerId', 'targetDate', 'indicatorIds', 'riskIds', 'controlRefs'];

function valuesOf(objective: ObjectiveRow): Values {
  return {
    title: objective.title,
    description: objective.description,
    ownerId: objective.owner?.id ?? '',
    targetDate: objective.targetDate ?? '',
    indicatorIds: objective.indicators.map((i) => i.id),
    riskIds: objective.risks.map((r) => r.id),
    controlRefs: objective.controls.map((c) => c.ref),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The pickers' options: Annex A controls by theme, the risk register, the indicators. */
export function useObjectivePickers() {
  const { organization } = useCurrentOrganization();
  const { data } = useQuery(OBJECTIVE_PICKERS_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const controls = useMemo(() => {
    const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>();
    for (const control of data?.catalog.controls ?? []) {
      const name = THEMES[control.theme] ?? control.theme;
      const group = groups.get(name) ?? { group: name, items: [] };
      group.items.push({ value: control.ref, label: `${control.ref} ${control.title}` });
      groups.set(name, group);
    }
    return [...groups.values()];
  }, [data]);
  const risks = useMemo(() => (data?.organization?.risks?.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title })), [data]);
  const indicators = useMemo(() => (data?.organization?.indicators ?? []).map((i) => ({ value: i.id, label: i.name })), [data]);
  return { controls, risks, indicators };
}

interface ObjectiveFormProps {
  objective?: ObjectiveRow;
  onSaved?(objectiveId: string): void;
  onCancel?(): void;
}

/** An objective's fields (clause 6.2: what, who, by when, how it is evaluated). Saving sends the version it is based on. */
export function ObjectiveForm({ objective, onSaved, onCancel }: ObjectiveFormProps) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { organization } = useCurrentOrganization();
  const { options } = useMemberOptions();
  const pickers = useObjectivePickers();
  const [create, { loading: creating }] = useCreateObjective();
  const [update, { loading: updating }] = useUpdateObjective();
  const [base, setBase] = useState<{ version: number; values: Values } | null>(() => (objective ? { version: objective.version, values: valuesOf(objective) } : null));
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: objective ? valuesOf(objective) : { title: '', description: '', ownerId: viewer.id, targetDate: '', indicatorIds: [], riskIds: [], controlRefs: [] },
    validate: {
      title: (v) => (v.trim() ? null : 'Say what the objective is.'),
      targetDate: (v) => (v ? null : 'Say by when it is to be achieved.'),
      ownerId: (v) => (v ? null : 'Choose who is responsible.'),
    },
  });
  const owners = options.filter((m) => OWNER_ROLES.includes(m.role)).map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));

  const reload = async () => {
    if (!objective) return;
    setReloading(true);
    try {
      const { data } = await client.query({ query: OBJECTIVE_PANEL_QUERY, variables: { id: objective.id }, fetchPolicy: 'network-only' });
      if (!isObjectiveNode(data?.node)) {
        setFormError('This objective no longer exists.');
        return;
      }
      // What was typed here is kept, the rest takes their version; the save builds on it.
      const latest = valuesOf(data.node);
      if (base) form.setValues(mergeAfterReload(base.values, form.getValues(), latest, VALUE_FIELDS).merged);
      setBase({ version: data.node.version, values: latest });
      setConflict(null);
    } catch (e) {
      setFormError(readApiError(e).message);
    } finally {
      setReloading(false);
    }
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input: ObjectiveFieldsInput = {};
    const changed = <K extends keyof Values>(key: K) => !base || (Array.isArray(values[key]) ? !sameList(values[key] as string[], base.values[key] as string[]) : values[key] !== base.values[key]);
    if (changed('title')) input.title = values.title.trim();
    if (changed('description')) input.description = values.description.trim();
    if (changed('ownerId')) input.ownerId = values.ownerId || null;
    if (changed('targetDate')) input.targetDate = values.targetDate || null;
    if (changed('indicatorIds')) input.indicatorIds = values.indicatorIds;
    if (changed('riskIds')) input.riskIds = values.riskIds;
    if (changed('controlRefs')) input.controlRefs = values.controlRefs;
    try {
      if (!objective || !base) {
        const { data } = await create({ variables: { input: { ...input, organizationId: organization.id, title: values.title.trim() } } });
        const created = data?.createObjective.objective;
        if (!created) return;
        notifications.show({ color: 'teal', title: 'Objective created', message: `“${created.title}” is in the list.` });
        onSaved?.(created.id);
        return;
      }
      if (!Object.keys(input).length) {
        notifications.show({ color: 'gray', message: 'Nothing changed: there is nothing to save.' });
        return;
      }
      const { data } = await update({ variables: { input: { ...input, id: objective.id, version: base.version } } });
      const saved = data?.updateObjective.objective;
      if (!saved) return;
      setBase({ version: saved.version, values: valuesOf(saved) });
      notifications.show({ color: 'teal', message: `“${saved.title}” is saved.` });
      onSaved?.(saved.id);
    } catch (e) {
      if (readApiError(e).code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict ? <ConflictAlert conflict={conflict} noun="objective" reloading={reloading} onReload={() => void reload()} /> : null}
        <TextInput label="Objective" placeholder="e.g. Keep the phishing click rate below 5 %" data-autofocus {...form.getInputProps('title')} />
        <Textarea label="How it is achieved and evaluated" autosize minRows={2} maxRows={6} placeholder="What will be done, the resources, and how the result is evaluated" {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select label="Owner" placeholder="Who is responsible" data={owners} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('ownerId')} value={form.values.ownerId || null} onChange={(v) => form.setFieldValue('ownerId', v ?? '')} />
          <TextInput label="Target date" type="date" {...form.getInputProps('targetDate')} />
        </SimpleGrid>
        <MultiSelect label="Indicators that measure it" placeholder={form.values.indicatorIds.length ? undefined : 'Choose indicators'} data={pickers.indicators} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('indicatorIds')} />
        <MultiSelect label="Risks it addresses" placeholder={form.values.riskIds.length ? undefined : 'Choose risks from the register'} data={pickers.risks} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('riskIds')} />
        <MultiSelect label="Annex A controls" placeholder={form.values.controlRefs.length ? undefined : 'e.g. A.6.3'} data={pickers.controls} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('controlRefs')} />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={creating || updating}>
            {objective ? 'Save objective' : 'Create objective'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
