import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Divider, Drawer, Group, Menu, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconDots, IconLock, IconSignature, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { useLiveTopic } from '../../../apollo/organization-events';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { RISK_OVERVIEW_QUERY, RISK_PANEL_QUERY, isRiskNode, useDeleteRisk, type RiskDetail, type RiskMatrix } from '../risk-operations';
import { TREATMENT_LABELS } from '../risk-words';
import { AcceptanceBadge, ReviewDate, ScoreWithLevel, TreatmentBadge, acceptanceState } from './risk-badges';
import { RiskApprovalHistory, RequestAcceptanceModal } from './risk-approvals';
import { RiskForm } from './risk-form';
import { TreatmentTasks } from './treatment-tasks';
import { AttachedEvidence } from '../../audits/_components/evidence/attached-evidence';

/** The panel's address for a risk being created. */
export const NEW_RISK = 'new';

/**
 * A risk in a side panel over the register (`?risk=<id>`, or `?risk=new` to create one): its
 * fields with the live score, its treatment tasks and the owner's acceptance.
 */
export function RiskDrawer() {
  const { organization, can } = useCurrentOrganization();
  const panel = usePanelParam('risk');
  const riskId = panel.value;
  const creating = riskId === NEW_RISK;
  const overview = useQuery(RISK_OVERVIEW_QUERY, { variables: { id: organization.id }, skip: !riskId });
  const matrix = overview.data?.organization?.riskMatrix ?? null;
  const { data, error, refetch } = useQuery(RISK_PANEL_QUERY, {
    variables: { id: riskId ?? '' },
    skip: !riskId || creating,
    fetchPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const risk = !creating && isRiskNode(node) ? node : null;
  const missing = !creating && !!data && !risk;

  // Its tasks and acceptances change elsewhere (the tasks board, the approvals inbox).
  useLiveTopic('tasks', () => {
    if (risk) void refetch().catch(() => undefined);
  });
  useLiveTopic('approvals', () => {
    if (risk) void refetch().catch(() => undefined);
  });

  return (
    <Drawer
      opened={!!riskId}
      onClose={panel.close}
      position="right"
      size={780}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {creating ? 'New risk' : (risk?.title ?? (missing ? 'Risk not found' : 'Risk'))}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close risk' }}
    >
      {error && !data && !creating ? (
        <ErrorState error={error} title="This risk could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="This risk is gone">
          It was deleted, or you can no longer see it. Nothing else is affected.
        </Alert>
      ) : !matrix ? (
        <SkeletonRows rows={8} height={40} />
      ) : creating && !can('risk:create') ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} title="Not available for your role">
          Your role reads the register but does not add risks. Ask your ISMS manager.
        </Alert>
      ) : creating ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Name what could go wrong, to which assets, and score it before and after treatment. Scores above {matrix.acceptanceThreshold} need treatment or the owner’s acceptance.
          </Text>
          <RiskForm matrix={matrix} onCreated={(id) => panel.open(id)} onCancel={panel.close} />
        </Stack>
      ) : !risk ? (
        <SkeletonRows rows={8} height={40} />
      ) : (
        <RiskPanel key={risk.id} risk={risk} matrix={matrix} onDeleted={panel.close} />
      )}
    </Drawer>
  );
}

function RiskPanel({ risk, matrix, onDeleted }: { risk: RiskDetail; matrix: RiskMatrix; onDeleted(): void }) {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const ownVersions = useRef(new Set<number>()).current;
  const flash = useLiveHighlightClass(risk.id);
  const [requesting, { open: openRequest, close: closeRequest }] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const { state } = acceptanceState({ ...risk, approvalRequests: risk.approvalRequests });
  const ownerIsViewer = risk.owner?.id === viewer.id;
  const canRequest = can('approval:request') && state === 'needed';
  // The owner asked to accept this risk: their decision is what is needed now.
  const awaitingMe = risk.approvalRequests.find((r) => r.status === 'PENDING' && r.approvers.some((a) => a.id === viewer.id));

  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="wrap">
            <ScoreWithLevel score={risk.inherentScore} level={risk.level} />
            <IconArrowRight size={14} aria-label="becomes" color="var(--mantine-color-dimmed)" />
            <ScoreWithLevel score={risk.residualScore} level={risk.residualLevel} above={risk.aboveThreshold} />
            <TreatmentBadge treatment={risk.treatment} />
            <AcceptanceBadge risk={risk} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {awaitingMe ? (
              <Button size="xs" color="orange" component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(awaitingMe.id)}`} leftSection={<IconSignature size={14} aria-hidden />}>
                Review and accept
              </Button>
            ) : null}
            {canRequest ? (
              <Tooltip
                label={
                  !risk.owner
                    ? 'Give the risk an owner first: the owner accepts it.'
                    : ownerIsViewer
                      ? 'You own this risk, and nobody approves their own request: another ISMS manager asks you.'
                      : `Ask ${risk.owner.name} to accept the residual risk as it is scored now.`
                }
                multiline
                w={260}
              >
                <Button size="xs" color="orange" leftSection={<IconSignature size={14} aria-hidden />} onClick={openRequest} disabled={!risk.owner || ownerIsViewer}>
                  Request owner's acceptance
                </Button>
              </Tooltip>
            ) : null}
            {can('risk:delete') && risk.viewerCanEdit ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label="More actions for this risk">
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                    Delete risk…
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Registered <RelativeTime value={risk.createdAt} size="xs" c="dimmed" /> · updated <RelativeTime value={risk.updatedAt} size="xs" c="dimmed" />
        </Text>
      </Stack>

      {risk.viewerCanEdit ? <RiskForm matrix={matrix} risk={risk} ownVersions={ownVersions} /> : <RiskReadOnly risk={risk} matrix={matrix} viewerIsOwner={ownerIsViewer} />}

      <Divider />
      <TreatmentTasks risk={risk} />

      <Divider />
      <AttachedEvidence subjectId={risk.id} controlRefs={risk.controls.map((c) => c.ref)} canAttach={risk.viewerCanEdit} />

      <Divider />
      <RiskApprovalHistory requests={risk.approvalRequests} />

      {canRequest && risk.owner && !ownerIsViewer ? <RequestAcceptanceModal risk={risk} opened={requesting} onClose={closeRequest} /> : null}
      <DeleteRiskModal risk={deleting ? risk : null} onClose={() => setDeleting(false)} onDeleted={onDeleted} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function RiskReadOnly({ risk, matrix, viewerIsOwner }: { risk: RiskDetail; matrix: RiskMatrix; viewerIsOwner: boolean }) {
  const scale = (value: number | null, labels: string[]) => (value ? `${value} · ${labels[value - 1] ?? ''}` : 'Not assessed');
  return (
    <Stack gap="sm">
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} p="xs">
        <Text size="sm">
          {viewerIsOwner
            ? 'You own this risk: you accept its residual risk when asked (under Approvals). Your ISMS manager keeps its assessment up to date.'
            : 'Only the risk owner and ISMS managers edit this risk.'}
        </Text>
      </Alert>
      <Field label="Description">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={risk.description ? undefined : 'dimmed'}>
          {risk.description || 'No description.'}
        </Text>
      </Field>
      <Group grow align="flex-start">
        <Field label="Threat">
          <Text size="sm">{risk.threat || '—'}</Text>
        </Field>
        <Field label="Vulnerability">
          <Text size="sm">{risk.vulnerability || '—'}</Text>
        </Field>
      </Group>
      <Field label="Assets">
        <Text size="sm">{risk.assets.map((a) => a.name).join(', ') || 'None'}</Text>
      </Field>
      <Group grow align="flex-start">
        <Field label="Likelihood">
          <Text size="sm">{scale(risk.likelihood, matrix.likelihoodLabels)}</Text>
        </Field>
        <Field label="Impact">
          <Text size="sm">{scale(risk.impact, matrix.impactLabels)}</Text>
        </Field>
      </Group>
      <Field label="Treatment">
        <Text size="sm">{risk.treatment ? TREATMENT_LABELS[risk.treatment] : 'Undecided'}</Text>
      </Field>
      <Field label="Controls">
        <Text size="sm">{risk.controls.map((c) => `${c.ref} ${c.title}`).join(' · ') || 'None'}</Text>
      </Field>
      <Group grow align="flex-start">
        <Field label="Residual likelihood">
          <Text size="sm">{scale(risk.residualLikelihood, matrix.likelihoodLabels)}</Text>
        </Field>
        <Field label="Residual impact">
          <Text size="sm">{scale(risk.residualImpact, matrix.impactLabels)}</Text>
        </Field>
      </Group>
      <Group grow align="flex-start">
        <Field label="Owner">
          <Text size="sm">{risk.owner?.name ?? 'Nobody yet'}</Text>
        </Field>
        <Field label="Review date">
          <ReviewDate value={risk.reviewDate} />
        </Field>
      </Group>
    </Stack>
  );
}

function DeleteRiskModal({ risk, onClose, onDeleted }: { risk: RiskDetail | null; onClose(): void; onDeleted(): void }) {
  const [deleteRisk, { loading }] = useDeleteRisk();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!risk) return;
    setError(null);
    try {
      await deleteRisk({ variables: { input: { id: risk.id } } });
      notifications.show({ color: 'teal', message: `“${risk.title}” is deleted.` });
      onClose();
      onDeleted();
    } catch (e) {
      setError(readApiError(e).message);
    }
  };
  return (
    <Modal opened={!!risk} onClose={onClose} title={<Text fw={600}>Delete this risk?</Text>}>
      <Stack gap="md">
        <Text size="sm">
          “{risk?.title}” leaves the register and the heat maps. Pending acceptances are withdrawn; its treatment tasks stay. The audit trail keeps a record of it.
        </Text>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()}>
            Delete risk
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
