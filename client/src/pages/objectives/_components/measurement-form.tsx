import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useRecordMeasurement, type IndicatorRow } from '../objective-operations';
import { formatTarget, formatValue } from '../objective-words';
import { formatDate } from '../../../components/relative-time';

interface Values {
  value: number | string;
  measuredOn: string;
  note: string;
}

/** Record a value by hand (scripts use `recordMeasurement` with an API token). */
export function MeasurementForm({ indicator }: { indicator: IndicatorRow }) {
  const [record, { loading }] = useRecordMeasurement();
  const [formError, setFormError] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const form = useForm<Values>({
    initialValues: { value: '', measuredOn: today, note: '' },
    validate: {
      value: (v) => (v === '' || v === null || Number.isNaN(Number(v)) ? 'Enter the measured value.' : null),
      measuredOn: (v) => (v ? null : 'Which day does the value describe?'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await record({ variables: { input: { indicatorId: indicator.id, value: Number(values.value), measuredOn: values.measuredOn, note: values.note.trim() } } });
      const m = data?.recordMeasurement.measurement;
      if (!m) return;
      notifications.show({
        color: m.onTarget ? 'teal' : 'orange',
        title: 'Measurement recorded',
        message: `${formatValue(m.value, indicator.unit)} on ${formatDate(m.measuredOn)}: ${m.onTarget ? 'on target' : `off target (${formatTarget(indicator.target, indicator.unit, indicator.direction)})`}.`,
      });
      form.setValues({ value: '', measuredOn: today, note: '' });
      form.resetDirty();
    } catch (e) {
      setFormError(applyMutationError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Record a measurement">
      <Stack gap="sm">
        <Group grow align="flex-start" gap="sm">
          <NumberInput label="Value" placeholder={indicator.unit === '%' ? 'e.g. 4.5' : undefined} suffix={indicator.unit === '%' ? ' %' : undefined} decimalScale={4} rightSection={indicator.unit !== '%' ? <Text size="xs" c="dimmed" pr={6}>{indicator.unit}</Text> : undefined} rightSectionWidth={indicator.unit !== '%' ? 70 : undefined} {...form.getInputProps('value')} />
          <TextInput label="Measured on" type="date" max={today} {...form.getInputProps('measuredOn')} />
        </Group>
        <TextInput label="Note" placeholder="Optional: source, context, anything unusual" {...form.getInputProps('note')} />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={loading} leftSection={<IconPlus size={16} aria-hidden />}>
            Record measurement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
