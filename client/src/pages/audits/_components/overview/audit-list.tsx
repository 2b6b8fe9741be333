import { Anchor, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PersonLabel } from '../../../../components/person-avatar';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { AuditRow } from '../../audit-operations';
import { FINDING_KINDS, FINDING_KIND_COLORS, FINDING_KIND_LABELS, FINDING_KIND_SHORT_LABELS } from '../../audit-words';
import { AuditKindBadge, AuditStatusBadge, describeAuditTiming, formatAuditDates } from './audit-badges';

export type AuditGroup = 'inProgress' | 'upcoming' | 'past';

export const AUDIT_GROUP_TITLES: Record<AuditGroup, string> = {
  inProgress: 'In progress',
  upcoming: 'Upcoming',
  past: 'Past',
};

/** In progress (being run or reported), upcoming (planned, soonest first) and past (closed, latest first). */
export function groupAudits(audits: AuditRow[]): Record<AuditGroup, AuditRow[]> {
  const inProgress = audits.filter((a) => a.status === 'IN_PROGRESS' || a.status === 'REPORTING');
  const upcoming = audits.filter((a) => a.status === 'PLANNED').sort((a, b) => a.startDate.localeCompare(b.startDate));
  const past = audits.filter((a) => a.status === 'CLOSED').sort((a, b) => b.endDate.localeCompare(a.endDate));
  return { inProgress, upcoming, past };
}

function AuditCounts({ audit }: { audit: AuditRow }) {
  const open = audit.evidenceRequests.filter((r) => r.status === 'OPEN' || r.status === 'RETURNED');
  const overdue = open.filter((r) => r.overdue).length;
  const toReview = audit.evidenceRequests.filter((r) => r.status === 'ANSWERED').length;
  const byKind = FINDING_KINDS.map((kind) => ({ kind, count: audit.findings.filter((f) => f.kind === kind).length })).filter((x) => x.count > 0);
  return (
    <Group gap={6} wrap="wrap">
      {open.length ? (
        <Badge variant="light" color={overdue ? 'red' : 'gray'} radius="sm" tt="none">
          {open.length} open evidence request{open.length === 1 ? '' : 's'}
          {overdue ? ` (${overdue} overdue)` : ''}
        </Badge>
      ) : null}
      {toReview ? (
        <Badge variant="light" color="blue" radius="sm" tt="none">
          {toReview} to review
        </Badge>
      ) : null}
      {byKind.map(({ kind, count }) => (
        <Tooltip key={kind} label={FINDING_KIND_LABELS[kind]}>
          <Badge variant="light" color={FINDING_KIND_COLORS[kind]} radius="sm" tt="none" aria-label={`${count} ${FINDING_KIND_LABELS[kind].toLowerCase()}${count === 1 ? '' : 's'}`}>
            {count} {FINDING_KIND_SHORT_LABELS[kind]}
          </Badge>
        </Tooltip>
      ))}
      {!open.length && !toReview && !byKind.length ? (
        <Text size="xs" c="dimmed">
          No evidence requests or findings yet
        </Text>
      ) : null}
    </Group>
  );
}

function AuditCard({ audit }: { audit: AuditRow }) {
  const { organization } = useCurrentOrganization();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <AuditKindBadge kind={audit.kind} size="sm" />
            <AuditStatusBadge status={audit.status} size="sm" />
          </Group>
          <Anchor component={Link} to={`/o/${organization.id}/audits/${audit.id}`} fw={600} fz="md" c="var(--mantine-color-text)" lineClamp={1}>
            {audit.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={15} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              <Text span size="sm" c="var(--mantine-color-text)">
                {formatAuditDates(audit.startDate, audit.endDate)}
              </Text>
              {' · '}
              {describeAuditTiming(audit.startDate, audit.endDate, undefined, audit.status === 'CLOSED' ? audit.closedAt : null)}
            </Text>
          </Group>
          <AuditCounts audit={audit} />
        </Stack>
        <Stack gap={4} align="flex-end" miw={170}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
            Lead auditor
          </Text>
          <PersonLabel person={audit.leadAuditor} none="Not chosen yet" />
          {audit.team.length ? (
            <Text size="xs" c="dimmed" lineClamp={1}>
              with {audit.team.map((m) => m.name).join(', ')}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The audits in three groups; a group with nothing in it is left out. */
export function AuditList({ audits }: { audits: AuditRow[] }) {
  const groups = groupAudits(audits);
  return (
    <Stack gap="lg">
      {(['inProgress', 'upcoming', 'past'] as const).map((group) =>
        groups[group].length ? (
          <Stack key={group} gap="sm" component="section" aria-label={AUDIT_GROUP_TITLES[group]}>
            <Group gap="xs">
              <Title order={2} fz={16}>
                {AUDIT_GROUP_TITLES[group]}
              </Title>
              <Badge variant="default" size="sm" radius="sm">
                {groups[group].length}
              </Badge>
            </Group>
            {groups[group].map((audit) => (
              <AuditCard key={audit.id} audit={audit} />
            ))}
          </Stack>
        ) : null,
      )}
    </Stack>
  );
}
