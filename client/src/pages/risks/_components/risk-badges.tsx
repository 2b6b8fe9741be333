import { Anchor, Badge, Group, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { daysUntil } from '../../../components/due-date';
import { useCurrentOrganization } from '../../../organization/organization-context';
import type { RiskRow } from '../risk-operations';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, TREATMENT_COLORS, TREATMENT_DESCRIPTIONS, TREATMENT_LABELS, type RiskLevel, type RiskTreatment } from '../risk-words';

/** A level as a coloured chip with words (never colour alone). */
export function RiskLevelBadge({ level, ...props }: { level: RiskLevel } & BadgeProps) {
  return (
    <Badge color={RISK_LEVEL_COLORS[level]} variant={level === 'CRITICAL' ? 'filled' : 'light'} {...props}>
      {RISK_LEVEL_LABELS[level]}
    </Badge>
  );
}

/** "16" and its level: the score first, for scanning a column. */
export function ScoreWithLevel({ score, level, above }: { score: number | null; level: RiskLevel | null; above?: boolean }) {
  if (score === null || level === null) {
    return (
      <Text size="sm" c="dimmed">
        Not assessed
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} w={20} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {score}
      </Text>
      <RiskLevelBadge level={level} size="sm" style={{ flexShrink: 0, overflow: 'visible' }} />
      {above ? (
        <Tooltip label="Above the acceptance threshold">
          <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label="Over the threshold" />
        </Tooltip>
      ) : null}
    </Group>
  );
}

export function TreatmentBadge({ treatment, ...props }: { treatment: RiskTreatment | null } & BadgeProps) {
  if (!treatment) {
    return (
      <Badge color="gray" variant="outline" title="No treatment decided yet" {...props}>
        Undecided
      </Badge>
    );
  }
  return (
    <Badge color={TREATMENT_COLORS[treatment]} title={TREATMENT_DESCRIPTIONS[treatment]} {...props}>
      {TREATMENT_LABELS[treatment]}
    </Badge>
  );
}

type AcceptanceRisk = Pick<RiskRow, 'needsAcceptance' | 'acceptance' | 'approvalRequests' | 'owner'>;

export type AcceptanceState = 'accepted' | 'pending' | 'needed' | 'not-needed';

/** Clause 6.1.3 f: where the owner's acceptance of the residual risk stands. */
export function acceptanceState(risk: AcceptanceRisk): { state: AcceptanceState; requestId: string | null } {
  if (risk.acceptance) return { state: 'accepted', requestId: risk.acceptance.id };
  if (!risk.needsAcceptance) return { state: 'not-needed', requestId: null };
  const pending = risk.approvalRequests.find((r) => r.status === 'PENDING');
  if (pending) return { state: 'pending', requestId: pending.id };
  return { state: 'needed', requestId: null };
}

/** "Needs owner's acceptance" in orange, "Accepted" with the approval, or nothing to do. */
export function AcceptanceBadge({ risk, compact = false }: { risk: AcceptanceRisk; compact?: boolean }) {
  const { organization } = useCurrentOrganization();
  const { state, requestId } = acceptanceState(risk);
  const href = requestId ? `/o/${organization.id}/approvals?request=${encodeURIComponent(requestId)}` : null;
  if (state === 'not-needed') {
    return (
      <Text size="xs" c="dimmed">
        Not required
      </Text>
    );
  }
  if (state === 'needed') {
    return (
      <Tooltip label={risk.owner ? `${risk.owner.name} must accept the residual risk (clause 6.1.3 f).` : 'Give the risk an owner, who then accepts the residual risk.'} multiline w={240}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" fw={600} c="orange.9" lh={1.35}>
            {compact ? 'Needs acceptance' : "Needs owner's acceptance"}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  const badge =
    state === 'accepted' ? (
      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />}>
        Accepted
      </Badge>
    ) : (
      <Badge color="yellow" variant="light" leftSection={<IconClock size={12} aria-hidden />}>
        Awaiting owner
      </Badge>
    );
  return href ? (
    <Anchor component={Link} to={href} onClick={(event) => event.stopPropagation()} underline="never" aria-label={state === 'accepted' ? 'Accepted: open the approval' : 'Awaiting acceptance: open the request'}>
      {badge}
    </Anchor>
  ) : (
    badge
  );
}

/** A review date: overdue in red, soon in orange, the full date on hover. */
export function ReviewDate({ value }: { value: string | null }) {
  if (!value) {
    return (
      <Text size="sm" c="dimmed">
        Not set
      </Text>
    );
  }
  const days = daysUntil(value);
  const date = dayjs(value).format('D MMM YYYY');
  const overdue = days < 0;
  return (
    <Tooltip label={overdue ? `Review was due ${dayjs(value).format('dddd D MMMM YYYY')}` : `Review due ${dayjs(value).format('dddd D MMMM YYYY')}`}>
      <Text component="time" dateTime={value} size="sm" c={overdue ? 'red.8' : days <= 30 ? 'orange.9' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {overdue ? `Overdue · ${date}` : date}
      </Text>
    </Tooltip>
  );
}
