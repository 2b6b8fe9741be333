import { Anchor, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCalendarEvent, IconLayoutKanban, IconLock, IconPencil, IconPlayerPlay, IconReport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../../../apollo/api-error';
import { PersonLabel } from '../../../../components/person-avatar';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { useUpdateAudit, type AuditDetail } from '../../audit-operations';
import type { AuditStatus } from '../../audit-words';
import { AuditKindBadge, AuditStatusBadge, compareRefs, describeAuditTiming, formatAuditDates } from './audit-badges';

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const NEXT_STEP: Partial<Record<AuditStatus, { to: AuditStatus; label: string; icon: ReactNode; title: string; done: string }>> = {
  PLANNED: { to: 'IN_PROGRESS', label: 'Start the audit', icon: <IconPlayerPlay size={18} aria-hidden />, title: 'Audit started', done: 'Record verdicts on the checklist and request evidence as you go.' },
  IN_PROGRESS: { to: 'REPORTING', label: 'Move to reporting', icon: <IconReport size={18} aria-hidden />, title: 'Audit in reporting', done: 'Finish the findings and the report; then close the audit.' },
  REPORTING: { to: 'CLOSED', label: 'Close the audit', icon: <IconLock size={18} aria-hidden />, title: 'Audit closed', done: 'Corrective actions for its nonconformities continue on their own.' },
};

/** The audit's identity, where it stands, who runs it, and the next step of its life. */
export function AuditHeader({ audit, onEdit, onReload }: { audit: AuditDetail; onEdit: (() => void) | null; onReload(): void }) {
  const { organization } = useCurrentOrganization();
  const [updateAudit, { loading }] = useUpdateAudit();
  const [confirmClose, setConfirmClose] = useState(false);
  const step = audit.viewerCanConduct ? NEXT_STEP[audit.status] : undefined;

  const move = async () => {
    if (!step) return;
    setConfirmClose(false);
    try {
      await updateAudit({ variables: { input: { id: audit.id, version: audit.version, status: step.to } } });
      notifications.show({ color: 'teal', title: step.title, message: step.done });
    } catch (error) {
      const { code, message } = readApiError(error);
      notifications.show({
        color: 'red',
        title: code === 'CONFLICT' ? 'Someone else changed this audit' : 'The status was not changed',
        message: code === 'CONFLICT' ? 'The latest version is loaded: check it and try again.' : message,
      });
      if (code === 'CONFLICT') onReload();
    }
  };

  const openFindings = audit.findings.filter((f) => f.kind === 'MAJOR_NONCONFORMITY' || f.kind === 'MINOR_NONCONFORMITY').length;
  const openRequests = audit.evidenceRequests.filter((r) => r.status === 'OPEN' || r.status === 'RETURNED').length;

  return (
    <Stack gap="md" mb="lg">
      <Anchor component={Link} to={`/o/${organization.id}/audits`} size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          Audits
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Group gap="xs">
            <AuditKindBadge kind={audit.kind} />
            <AuditStatusBadge status={audit.status} />
          </Group>
          <Title order={1} fz={26}>
            {audit.title}
          </Title>
          <Group gap={6}>
            <IconCalendarEvent size={16} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text c="dimmed">
              {formatAuditDates(audit.startDate, audit.endDate)} · {describeAuditTiming(audit.startDate, audit.endDate, undefined, audit.status === 'CLOSED' ? audit.closedAt : null)}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/o/${organization.id}/audits/${audit.id}/board`} variant="default" leftSection={<IconLayoutKanban size={18} aria-hidden />}>
            Open the audit-week board
          </Button>
          {onEdit ? (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={onEdit}>
              Edit
            </Button>
          ) : null}
          {step ? (
            <Button leftSection={step.icon} loading={loading} color={step.to === 'CLOSED' ? 'teal' : undefined} onClick={() => (step.to === 'CLOSED' ? setConfirmClose(true) : void move())}>
              {step.label}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Meta label="Lead auditor">
          <PersonLabel person={audit.leadAuditor} none="Not chosen yet" />
        </Meta>
        <Meta label="Audit team">
          {audit.team.length ? (
            <Group gap="md">
              {audit.team.map((m) => (
                <PersonLabel key={m.id} person={m} />
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Lead auditor only
            </Text>
          )}
        </Meta>
        <Meta label="Scope">
          {audit.scopeRefs.length ? (
            <Group gap={4} maw={520}>
              {[...audit.scopeRefs].sort(compareRefs).map((ref) => (
                <Badge key={ref} variant="default" radius="sm" tt="none" fw={500}>
                  {/^\d+$/.test(ref) ? `Clause ${ref}` : ref}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Not set yet
            </Text>
          )}
        </Meta>
      </Group>
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title={<Text fw={600}>Close the audit?</Text>}>
        <Stack gap="md">
          <Text size="sm">
            A closed audit cannot be reopened: the agenda, the checklist, evidence requests and findings are frozen.
            {openRequests ? ` ${openRequests} evidence request${openRequests === 1 ? ' is' : 's are'} still open.` : ''}
            {openFindings ? ` Corrective actions for its ${openFindings} nonconformit${openFindings === 1 ? 'y' : 'ies'} continue after closing.` : ''}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              Cancel
            </Button>
            <Button color="teal" loading={loading} onClick={() => void move()}>
              Yes, close it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
