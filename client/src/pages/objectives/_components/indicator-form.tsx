import { useApolloClient } from '@apollo/client/react';
import { Alert, Autocomplete, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { ConflictAlert } from '../../../components/conflict-alert';
import { mergeAfterReload } from '../../../components/merge-after-reload';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { INDICATOR_PAGE_QUERY, isIndicatorNode, useCreateIndicator, useUpdateIndicator, type IndicatorFieldsInput, type IndicatorRow } from '../objective-operations';
import { DIRECTION_LABELS, FREQUENCY_LABELS, INDICATOR_DIRECTIONS, INDICATOR_FREQUENCIES, isIndicatorDirection, isIndicatorFrequency } from '../objective-words';
import { OWNER_ROLES } from './objective-form';

interface Values {
  name: string;
  description: string;
  unit: string;
  target: number | string;
  direction: string;
  frequency: string;
  ownerId: string;
}
const VALUE_FIELDS: readonly (keyof Values)[] = ['name', 'description', 'unit', 'target', 'direction', 'frequency', 'ownerId'];

function valuesOf(indicator: IndicatorRow): Values {
  return { name: indicator.name, description: indicator.description, unit: indicator.unit, target: indicator.target, direction: indicator.direction, frequency: indicator.frequency, ownerId: indicator.owner?.id ?? '' };
}

const UNIT_SUGGESTIONS = ['%', 'days', 'hours', 'incidents', 'findings', 'count'];

interface IndicatorFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Absent to define a new indicator. */
  indicator?: IndicatorRow;
  onSaved?(indicatorId: string): void;
}

/** Define or change an indicator: what is measured, in which unit, against which target, how often, by whom. */
export function IndicatorFormModal({ opened, onClose, indicator, onSaved }: IndicatorFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={indicator ? `Edit “${indicator.name}”` : 'New indicator'} size="lg">
      {opened ? <IndicatorForm indicator={indicator} onDone={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function IndicatorForm({ indicator, onDone, onSaved }: { indicator?: IndicatorRow; onDone(): void; onSaved?(id: string): void }) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { organization } = useCurrentOrganization();
  const { options } = useMemberOptions();
  const [create, { loading: creating }] = useCreateIndicator();
  const [update, { loading: updating }] = useUpdateIndicator();
  const [base, setBase] = useState<{ version: number; values: Values } | null>(() => (indicator ? { version: indicator.version, values: valuesOf(indicator) } : null));
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: indicator ? valuesOf(indicator) : { name: '', description: '', unit: '%', target: '', direction: 'AT_MOST', frequency: 'MONTHLY', ownerId: viewer.id },
    validate: {
      name: (v) => (v.trim() ? null : 'Name what is measured.'),
      unit: (v) => (v.trim() ? null : 'Give the unit, e.g. % or days.'),
      target: (v) => (v === '' || v === null || Number.isNaN(Number(v)) ? 'Set the target value.' : null),
      ownerId: (v) => (v ? null : 'Choose who measures it.'),
    },
  });
  const owners = options.filter((m) => OWNER_ROLES.includes(m.role)).map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));

  const reload = async () => {
    if (!indicator) return;
    setReloading(true);
    try {
      const { data } = await client.query({ query: INDICATOR_PAGE_QUERY, variables: { id: indicator.id }, fetchPolicy: 'network-only' });
      if (!isIndicatorNode(data?.node)) {
        setFormError('This indicator no longer exists.');
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
    const direction = isIndicatorDirection(values.direction) ? values.direction : 'AT_MOST';
    const frequency = isIndicatorFrequency(values.frequency) ? values.frequency : 'MONTHLY';
    const target = Number(values.target);
    try {
      if (!indicator || !base) {
        const { data } = await create({
          variables: { input: { organizationId: organization.id, name: values.name.trim(), description: values.description.trim(), unit: values.unit.trim(), target, direction, frequency, ownerId: values.ownerId || null } },
        });
        const created = data?.createIndicator.indicator;
        if (!created) return;
        notifications.show({ color: 'teal', title: 'Indicator created', message: `Record the first measurement of “${created.name}” to start its trend.` });
        onSaved?.(created.id);
        onDone();
        return;
      }
      const input: IndicatorFieldsInput = {};
      if (values.name.trim() !== base.values.name) input.name = values.name.trim();
      if (values.description.trim() !== base.values.description) input.description = values.description.trim();
      if (values.unit.trim() !== base.values.unit) input.unit = values.unit.trim();
      if (target !== Number(base.values.target)) input.target = target;
      if (direction !== base.values.direction) input.direction = direction;
      if (frequency !== base.values.frequency) input.frequency = frequency;
      if (values.ownerId !== base.values.ownerId) input.ownerId = values.ownerId || null;
      if (!Object.keys(input).length) {
        onDone();
        return;
      }
      const { data } = await update({ variables: { input: { ...input, id: indicator.id, version: base.version } } });
      if (!data?.updateIndicator.indicator) return;
      notifications.show({ color: 'teal', message: `“${data.updateIndicator.indicator.name}” is saved.` });
      onSaved?.(indicator.id);
      onDone();
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
        {conflict ? <ConflictAlert conflict={conflict} noun="indicator" reloading={reloading} onReload={() => void reload()} /> : null}
        <TextInput label="Name" placeholder="e.g. Phishing click rate" data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Method" description="What is counted, from which source (clause 9.1 b)." autosize minRows={2} maxRows={5} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Autocomplete label="Unit" data={UNIT_SUGGESTIONS} comboboxProps={{ withinPortal: true }} {...form.getInputProps('unit')} />
          <NumberInput label="Target" decimalScale={4} {...form.getInputProps('target')} />
          <Select
            label="Good when the value is"
            data={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('direction')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select label="Measured" data={INDICATOR_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('frequency')} />
          <Select label="Owner" description="Records the measurements and is reminded when one is due." data={owners} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('ownerId')} value={form.values.ownerId || null} onChange={(v) => form.setFieldValue('ownerId', v ?? '')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          A measurement falls due one period after the last one; the owner is notified once per period.
        </Text>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={creating || updating}>
            {indicator ? 'Save indicator' : 'Create indicator'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
