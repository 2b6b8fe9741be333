import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, NumberInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { useCorrectMeasurement, useDeleteMeasurement, type IndicatorRow, type MeasurementRow } from '../objective-operations';
import { formatValue } from '../objective-words';
import { formatDate } from '../../../components/relative-time';

/** Every measurement, newest first; the owner and admins correct or delete a wrong one (with a reason, audited). */
export function MeasurementHistory({ indicator, measurements }: { indicator: IndicatorRow; measurements: MeasurementRow[] }) {
  const [correcting, setCorrecting] = useState<MeasurementRow | null>(null);
  const [deleting, setDeleting] = useState<MeasurementRow | null>(null);
  if (!measurements.length) {
    return (
      <Text size="sm" c="dimmed">
        No measurement yet.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} aria-label="Measurement history" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>Measured on</Table.Th>
              <Table.Th w={110}>Value</Table.Th>
              <Table.Th w={110}>Target</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th w={160}>Recorded by</Table.Th>
              {indicator.viewerCanMeasure ? <Table.Th w={48} aria-label="Actions" /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {measurements.map((m) => (
              <HistoryRow key={m.id} indicator={indicator} measurement={m} onCorrect={() => setCorrecting(m)} onDelete={() => setDeleting(m)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!correcting} onClose={() => setCorrecting(null)} title="Correct a measurement">
        {correcting ? <CorrectForm indicator={indicator} measurement={correcting} onDone={() => setCorrecting(null)} /> : null}
      </Modal>
      <Modal opened={!!deleting} onClose={() => setDeleting(null)} title="Delete a measurement">
        {deleting ? <DeleteForm indicator={indicator} measurement={deleting} onDone={() => setDeleting(null)} /> : null}
      </Modal>
    </>
  );
}

function HistoryRow({ indicator, measurement: m, onCorrect, onDelete }: { indicator: IndicatorRow; measurement: MeasurementRow; onCorrect(): void; onDelete(): void }) {
  const flash = useLiveHighlightClass(m.id);
  return (
    <Table.Tr className={flash}>
      <Table.Td>
        <Text size="sm" component="time" dateTime={m.measuredOn}>
          {formatDate(m.measuredOn)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={m.onTarget ? undefined : 'red.7'}>
          {formatValue(m.value, indicator.unit)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={m.onTarget ? 'teal' : 'red'}>
          {m.onTarget ? 'On target' : 'Off target'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" lineClamp={2}>
            {m.note}
          </Text>
          {m.correctedAt ? (
            <Tooltip label={`Corrected ${dayjs(m.correctedAt).format('D MMM YYYY HH:mm')}${m.correctedBy ? ` by ${m.correctedBy.name}` : ''}; the audit trail keeps the value before and the reason.`} multiline w={260}>
              <Badge size="xs" variant="outline" color="gray">
                Corrected
              </Badge>
            </Tooltip>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {m.recordedBy?.name ?? 'Unknown'}
        </Text>
      </Table.Td>
      {indicator.viewerCanMeasure ? (
        <Table.Td>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for the measurement of ${formatDate(m.measuredOn)}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onCorrect}>
                Correct
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function CorrectForm({ indicator, measurement, onDone }: { indicator: IndicatorRow; measurement: MeasurementRow; onDone(): void }) {
  const [correct, { loading }] = useCorrectMeasurement();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { value: measurement.value as number | string, measuredOn: measurement.measuredOn, note: measurement.note, reason: '' },
    validate: { reason: (v: string) => (v.trim() ? null : 'Say why it is corrected: the audit trail keeps it.') },
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await correct({
        variables: {
          input: {
            id: measurement.id,
            version: measurement.version,
            ...(Number(values.value) !== measurement.value ? { value: Number(values.value) } : {}),
            ...(values.measuredOn !== measurement.measuredOn ? { measuredOn: values.measuredOn } : {}),
            ...(values.note.trim() !== measurement.note ? { note: values.note.trim() } : {}),
            reason: values.reason.trim(),
          },
        },
      });
      notifications.show({ color: 'teal', message: 'Measurement corrected; the audit trail keeps the value before.' });
      onDone();
    } catch (e) {
      const error = readApiError(e);
      setFormError(error.code === 'CONFLICT' ? 'Someone corrected this measurement meanwhile. Close this window to see their correction, then try again.' : applyMutationError(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NumberInput label="Value" suffix={indicator.unit === '%' ? ' %' : undefined} decimalScale={4} {...form.getInputProps('value')} />
          <TextInput label="Measured on" type="date" {...form.getInputProps('measuredOn')} />
        </Group>
        <TextInput label="Note" {...form.getInputProps('note')} />
        <TextInput label="Reason for the correction" placeholder="e.g. Typed 45 instead of 4.5" data-autofocus {...form.getInputProps('reason')} />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteForm({ indicator, measurement, onDone }: { indicator: IndicatorRow; measurement: MeasurementRow; onDone(): void }) {
  const [remove, { loading }] = useDeleteMeasurement();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v: string) => (v.trim() ? null : 'Say why it is deleted: the audit trail keeps it.') } });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await remove({ variables: { input: { id: measurement.id, reason: values.reason.trim() } } });
      notifications.show({ color: 'teal', message: 'Measurement deleted; the audit trail keeps its value and your reason.' });
      onDone();
    } catch (e) {
      setFormError(applyMutationError(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Delete {formatValue(measurement.value, indicator.unit)} of {dayjs(measurement.measuredOn).format('D MMMM YYYY')} from “{indicator.name}”? Its value and your reason stay in the audit trail.
        </Text>
        <TextInput label="Reason for deleting" placeholder="e.g. Recorded twice" data-autofocus {...form.getInputProps('reason')} />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Delete measurement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
