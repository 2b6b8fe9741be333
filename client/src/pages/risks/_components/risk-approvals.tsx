import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconClock, IconSignature, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyMutationError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { APPROVAL_STATUS_COLORS, APPROVAL_STATUS_DESCRIPTIONS, APPROVAL_STATUS_LABELS } from '../../tasks/task-words';
import { useRequestRiskAcceptance, type RiskApprovalRow, type RiskDetail } from '../risk-operations';
import { TREATMENT_LABELS } from '../risk-words';
import { RiskLevelBadge } from './risk-badges';

/** The owner's acceptances asked for this risk, newest first: who was asked, who decided what. */
export function RiskApprovalHistory({ requests }: { requests: RiskApprovalRow[] }) {
  const sorted = [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="xs">
      <Title order={3} fz={16}>
        Approval history
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          No acceptance asked yet. When the residual risk stays above the threshold, or the treatment is to accept it, its owner signs it off (clause 6.1.3 f).
        </Text>
      ) : (
        sorted.map((request) => <ApprovalItem key={request.id} request={request} />)
      )}
    </Stack>
  );
}

function ApprovalItem({ request }: { request: RiskApprovalRow }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(request.id);
  return (
    <Paper withBorder p="sm" className={flash}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Badge color={APPROVAL_STATUS_COLORS[request.status]} title={APPROVAL_STATUS_DESCRIPTIONS[request.status]}>
            {APPROVAL_STATUS_LABELS[request.status]}
          </Badge>
          <Anchor component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(request.id)}`} size="sm">
            Open request
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          Requested by {request.requestedBy.name} <RelativeTime value={request.createdAt} size="xs" c="dimmed" />
          {request.status === 'INVALIDATED' ? ' · lapsed: the scores, treatment or controls changed afterwards' : ''}
        </Text>
        {request.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{request.note}”
          </Text>
        ) : null}
        <Group gap={6}>
          {request.approvers.map((approver) => {
            const decision = request.decisions.find((d) => d.approver.id === approver.id);
            const Icon = !decision ? IconClock : decision.decision === 'APPROVE' ? IconCheck : IconX;
            const color = !decision ? 'gray' : decision.decision === 'APPROVE' ? 'teal' : 'red';
            const words = !decision ? 'has not decided' : decision.decision === 'APPROVE' ? 'accepted' : 'rejected';
            return (
              <Tooltip key={approver.id} label={decision?.comment ? `${approver.name} ${words}: “${decision.comment}”` : `${approver.name} ${words}`}>
                <Badge variant="outline" color={color} leftSection={<Icon size={12} aria-hidden />} aria-label={`${approver.name} ${words}`}>
                  {approver.name}
                  {decision ? ` · ${new Date(decision.decidedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}` : ''}
                </Badge>
              </Tooltip>
            );
          })}
        </Group>
      </Stack>
    </Paper>
  );
}

interface AcceptanceValues {
  note: string;
  dueDate: string;
}

/** Asks the risk owner to accept the residual risk exactly as it is scored now. */
export function RequestAcceptanceModal({ risk, opened, onClose }: { risk: RiskDetail; opened: boolean; onClose(): void }) {
  const [request, { loading }] = useRequestRiskAcceptance();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AcceptanceValues>({ initialValues: { note: '', dueDate: '' } });
  const owner = risk.owner;

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!owner) return;
    setFormError(null);
    try {
      await request({ variables: { input: { subjectId: risk.id, approverIds: [owner.id], note: values.note.trim() || undefined, dueDate: values.dueDate || null } } });
      notifications.show({ color: 'teal', title: 'Acceptance requested', message: `${owner.name} is notified and finds it under Approvals.` });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Request owner's acceptance</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert variant="light" color="indigo" icon={<IconSignature size={18} />}>
            <Text size="sm">
              {owner?.name ?? 'The owner'} accepts the residual risk of “{risk.title}” exactly as it stands now (clause 6.1.3 f):
            </Text>
            <List size="sm" mt={4}>
              <List.Item>
                Inherent {risk.inherentScore} <RiskLevelBadge level={risk.level} size="xs" />, residual{' '}
                {risk.residualScore !== null && risk.residualLevel ? (
                  <>
                    {risk.residualScore} <RiskLevelBadge level={risk.residualLevel} size="xs" />
                  </>
                ) : (
                  'not assessed'
                )}
              </List.Item>
              <List.Item>Treatment: {risk.treatment ? TREATMENT_LABELS[risk.treatment] : 'undecided'}</List.Item>
              <List.Item>Controls: {risk.controls.length ? risk.controls.map((c) => c.ref).join(', ') : 'none'}</List.Item>
              <List.Item>If any of these changes afterwards, the acceptance lapses and must be asked again.</List.Item>
            </List>
          </Alert>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Approver" value={owner?.name ?? ''} readOnly description="The risk owner." />
            <TextInput label="Due date" type="date" description="Optional: when you need the decision." {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} maxRows={6} placeholder="Why the residual risk is acceptable, or what you need from the owner (optional)" {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} leftSection={<IconSignature size={16} aria-hidden />} disabled={!owner}>
              Send to {owner?.name ?? 'the owner'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
