import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Modal, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconLock, IconPencil, IconRotate, IconTrash, IconTrophy } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { OBJECTIVE_PANEL_QUERY, isObjectiveNode, useDeleteObjective, useUpdateObjective, type ObjectiveRow } from '../objective-operations';
import { OBJECTIVE_OUTCOMES, OUTCOME_LABELS, formatValue, type ObjectiveOutcome } from '../objective-words';
import { ObjectiveStatusBadge } from './objective-badges';
import { ObjectiveForm } from './objective-form';
import { IndicatorTrendChart } from './indicator-trend-chart';

/** The panel's address for an objective being created. */
export const NEW_OBJECTIVE = 'new';

/** An objective in a side panel over the list (`?objective=<id>`, or `?objective=new`). */
export function ObjectiveDrawer() {
  const { can } = useCurrentOrganization();
  const panel = usePanelParam('objective');
  const id = panel.value;
  const creating = id === NEW_OBJECTIVE;
  const { data, error, refetch } = useQuery(OBJECTIVE_PANEL_QUERY, { variables: { id: id ?? '' }, skip: !id || creating, fetchPolicy: 'cache-and-network' });
  const objective = !creating && isObjectiveNode(data?.node) ? data.node : null;
  const missing = !creating && !!data && !objective;
  const [editing, setEditing] = useState(false);

  return (
    <Drawer
      opened={!!id}
      onClose={() => {
        setEditing(false);
        panel.close();
      }}
      position="right"
      size={720}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {creating ? 'New objective' : (objective?.title ?? (missing ? 'Objective not found' : 'Objective'))}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close objective' }}
    >
      {error && !data && !creating ? (
        <ErrorState error={error} title="This objective could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="This objective is gone">
          It was deleted, or you can no longer see it.
        </Alert>
      ) : creating && !can('objective:manage') ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="Not available for your role">
          Objectives are set by the owner and the ISMS manager.
        </Alert>
      ) : creating ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            An information security objective says what you aim for, who is responsible, by when, and how you will evaluate it (clause 6.2). Link the indicators that measure it to follow its status automatically.
          </Text>
          <ObjectiveForm onSaved={(newId) => panel.open(newId)} onCancel={panel.close} />
        </Stack>
      ) : !objective ? (
        <SkeletonRows rows={8} height={36} />
      ) : editing ? (
        <ObjectiveForm key={objective.id} objective={objective} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <ObjectivePanel key={objective.id} objective={objective} onEdit={() => setEditing(true)} onDeleted={panel.close} />
      )}
    </Drawer>
  );
}

function ObjectivePanel({ objective, onEdit, onDeleted }: { objective: ObjectiveRow; onEdit(): void; onDeleted(): void }) {
  const { organization, can } = useCurrentOrganization();
  const manage = can('objective:manage');
  const flash = useLiveHighlightClass(objective.id);
  const [closing, setClosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [update, { loading: reopening }] = useUpdateObjective();
  const [remove, { loading: removing }] = useDeleteObjective();

  const reopen = async () => {
    try {
      await update({ variables: { input: { id: objective.id, version: objective.version, outcome: null } } });
      notifications.show({ color: 'teal', message: 'The objective is open again.' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not reopened', message: readApiError(e).message });
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm">
            <ObjectiveStatusBadge status={objective.status} />
            <Text size="sm" c="dimmed">
              {objective.statusReason}
            </Text>
          </Group>
          {manage ? (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                Edit
              </Button>
              {objective.outcome ? (
                <Button size="xs" variant="default" leftSection={<IconRotate size={14} aria-hidden />} loading={reopening} onClick={() => void reopen()}>
                  Reopen
                </Button>
              ) : (
                <Button size="xs" leftSection={<IconTrophy size={14} aria-hidden />} onClick={() => setClosing(true)}>
                  Close with result
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
        {objective.outcome ? (
          <Alert color={objective.outcome === 'ACHIEVED' ? 'green' : objective.outcome === 'MISSED' ? 'red' : 'gray'} variant="light" title={`Closed as ${OUTCOME_LABELS[objective.outcome].toLowerCase()}${objective.closedOn ? ` on ${dayjs(objective.closedOn).format('D MMMM YYYY')}` : ''}`}>
            {objective.outcomeNote || 'No note.'}
          </Alert>
        ) : null}
      </Stack>

      <Group gap="xl" align="flex-start">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Owner
          </Text>
          <PersonLabel person={objective.owner} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Target date
          </Text>
          {objective.outcome ? (
            <Text size="sm">{objective.targetDate ? dayjs(objective.targetDate).format('D MMMM YYYY') : 'None'}</Text>
          ) : (
            <DueDate value={objective.targetDate} overdue={objective.overdue} none="No target date" />
          )}
        </Stack>
      </Group>

      {objective.description ? (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            How it is achieved and evaluated
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {objective.description}
          </Text>
        </Stack>
      ) : null}

      <Divider />
      <Stack gap="xs">
        <Title order={3} fz={15}>
          Indicators that measure it
        </Title>
        {objective.indicators.length ? (
          objective.indicators.map((indicator) => (
            <Stack key={indicator.id} gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/o/${organization.id}/objectives/indicators/${indicator.id}`} size="sm">
                  {indicator.name}
                </Anchor>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} c={indicator.onTarget === false ? 'red.7' : undefined}>
                    {formatValue(indicator.lastValue, indicator.unit)}
                  </Text>
                  <Badge size="sm" variant="light" color={indicator.onTarget === false ? 'red' : indicator.onTarget ? 'teal' : 'gray'}>
                    {indicator.onTarget === null ? 'Not measured' : indicator.onTarget ? 'On target' : 'Off target'}
                  </Badge>
                  {indicator.measurementDue ? (
                    <Badge size="sm" variant="light" color="orange">
                      Measurement due
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <IndicatorTrendChart series={indicator.series} target={indicator.target} unit={indicator.unit} direction={indicator.direction} name={indicator.name} height={120} />
            </Stack>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            No indicator linked yet: its status cannot follow measurements until one is.
          </Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} fz={15}>
          Risks it addresses
        </Title>
        {objective.risks.length ? (
          objective.risks.map((risk) => (
            <Anchor key={risk.id} component={Link} to={`/o/${organization.id}/risks?risk=${risk.id}`} size="sm">
              {risk.title}
            </Anchor>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            No risk linked.
          </Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} fz={15}>
          Annex A controls
        </Title>
        {objective.controls.length ? (
          <Stack gap={4}>
            {objective.controls.map((control) => (
              <Text key={control.ref} size="sm">
                <Text span fw={600}>
                  {control.ref}
                </Text>{' '}
                {control.title}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No control linked.
          </Text>
        )}
      </Stack>

      {manage ? (
        <>
          <Divider />
          <Group justify="flex-end">
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
              Delete objective
            </Button>
          </Group>
        </>
      ) : null}

      <Modal opened={closing} onClose={() => setClosing(false)} title="Close the objective with its result">
        {closing ? <CloseForm objective={objective} onDone={() => setClosing(false)} /> : null}
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title="Delete this objective?">
        <Stack gap="sm">
          <Text size="sm">“{objective.title}” and its links go; the indicators and their measurements stay. The audit trail keeps a record.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={removing}
              onClick={async () => {
                try {
                  await remove({ variables: { input: { id: objective.id } } });
                  notifications.show({ color: 'teal', message: `“${objective.title}” is deleted.` });
                  setDeleting(false);
                  onDeleted();
                } catch (e) {
                  notifications.show({ color: 'red', title: 'Not deleted', message: readApiError(e).message });
                }
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function CloseForm({ objective, onDone }: { objective: ObjectiveRow; onDone(): void }) {
  const [update, { loading }] = useUpdateObjective();
  const [formError, setFormError] = useState<string | null>(null);
  const suggested: ObjectiveOutcome = objective.status === 'MISSED' || objective.status === 'AT_RISK' ? 'MISSED' : 'ACHIEVED';
  const form = useForm({
    initialValues: { outcome: suggested as string, outcomeNote: objective.outcomeNote },
    validate: { outcomeNote: (v: string, values) => (values.outcome !== 'ACHIEVED' && !v.trim() ? 'Say why it was missed or cancelled.' : null) },
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await update({ variables: { input: { id: objective.id, version: objective.version, outcome: values.outcome as ObjectiveOutcome, outcomeNote: values.outcomeNote.trim() } } });
      notifications.show({ color: 'teal', message: `“${objective.title}” is closed as ${values.outcome.toLowerCase()}.` });
      onDone();
    } catch (e) {
      const error = readApiError(e);
      setFormError(error.code === 'CONFLICT' ? 'Someone changed this objective meanwhile. Close this window to see their change, then try again.' : applyMutationError(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Evaluating the result is part of clause 6.2. The note is kept with the objective and goes to the management review.
        </Text>
        <SegmentedControl aria-label="Result" data={OBJECTIVE_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} {...form.getInputProps('outcome')} />
        <Textarea label="Evaluation" placeholder="What was achieved, what was learned" autosize minRows={3} {...form.getInputProps('outcomeNote')} />
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
            Close objective
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
