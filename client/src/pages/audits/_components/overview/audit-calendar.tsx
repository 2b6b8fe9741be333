import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ActionIcon, Box, Button, Group, Paper, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlayerTrackNext } from '@tabler/icons-react';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { AuditRow } from '../../audit-operations';
import { AUDIT_KINDS, AUDIT_KIND_COLORS, AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS, type AuditKind } from '../../audit-words';
import { formatAuditDates } from './audit-badges';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY = 'YYYY-MM-DD';
/** Sessions listed in a day before "+n more". */
const SESSIONS_SHOWN = 2;

interface CalendarSession {
  __typename?: 'AuditSession';
  id: string;
  topic: string;
  location: string;
  startsAt: string;
  endsAt: string;
}

interface CalendarSessionsData {
  organization: {
    __typename?: 'Organization';
    id: string;
    audits: { __typename?: 'AuditConnection'; edges: { __typename?: 'AuditEdge'; node: { __typename?: 'Audit'; id: string; agenda: CalendarSession[] } }[] } | null;
  } | null;
}

/** The agenda sessions of the audits, for the days they fall on (loaded only when the calendar shows). */
const AUDIT_CALENDAR_SESSIONS_QUERY: TypedDocumentNode<CalendarSessionsData, { id: string }> = gql`
  query AuditCalendarSessions($id: ID!) {
    organization(id: $id) {
      id
      audits(first: 100) {
        edges {
          node {
            id
            agenda {
              id
              topic
              location
              startsAt
              endsAt
            }
          }
        }
      }
    }
  }
`;

interface Bar {
  audit: AuditRow;
  /** Columns 1–7 of the week it covers. */
  from: number;
  to: number;
  lane: number;
  startsHere: boolean;
  endsHere: boolean;
}

/** The audits of one week as bars, each on the first lane free for its days (earliest and longest first). */
function layoutWeek(audits: AuditRow[], weekStart: Dayjs): { bars: Bar[]; lanes: number } {
  const first = weekStart.format(DAY);
  const last = weekStart.add(6, 'day').format(DAY);
  const here = audits
    .filter((a) => a.startDate <= last && a.endDate >= first)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || b.endDate.localeCompare(a.endDate) || a.title.localeCompare(b.title));
  const laneEnds: number[] = [];
  const bars = here.map((audit) => {
    const from = audit.startDate < first ? 1 : dayjs(audit.startDate).diff(weekStart, 'day') + 1;
    const to = audit.endDate > last ? 7 : dayjs(audit.endDate).diff(weekStart, 'day') + 1;
    let lane = laneEnds.findIndex((end) => end < from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = to;
    return { audit, from, to, lane, startsHere: audit.startDate >= first, endsHere: audit.endDate <= last };
  });
  return { bars, lanes: laneEnds.length };
}

function AuditBar({ bar, orgId }: { bar: Bar; orgId: string }) {
  const { audit } = bar;
  const color = AUDIT_KIND_COLORS[audit.kind];
  const running = audit.status === 'IN_PROGRESS' || audit.status === 'REPORTING';
  const closed = audit.status === 'CLOSED';
  const span = bar.to - bar.from + 1;
  const status = AUDIT_STATUS_LABELS[audit.status];
  const label = `${audit.title}: ${AUDIT_KIND_LABELS[audit.kind]}, ${status.toLowerCase()}, ${formatAuditDates(audit.startDate, audit.endDate)}`;
  return (
    <Tooltip label={label} multiline maw={320}>
      <UnstyledButton
        component={Link}
        to={`/o/${orgId}/audits/${audit.id}`}
        aria-label={label}
        data-testid="calendar-audit"
        px={8}
        style={{
          gridColumn: `${bar.from} / ${bar.to + 1}`,
          gridRow: bar.lane + 2,
          margin: `1px ${bar.endsHere ? 6 : 0}px 1px ${bar.startsHere ? 6 : 0}px`,
          height: 24,
          display: 'flex',
          alignItems: 'center',
          gap: 6,
          minWidth: 0,
          zIndex: 1,
          borderRadius: `${bar.startsHere ? 6 : 0}px ${bar.endsHere ? 6 : 0}px ${bar.endsHere ? 6 : 0}px ${bar.startsHere ? 6 : 0}px`,
          background: running ? `var(--mantine-color-${color}-filled)` : `var(--mantine-color-${color}-light)`,
          border: audit.status === 'PLANNED' ? `1px dashed var(--mantine-color-${color}-6)` : '1px solid transparent',
          borderLeft: bar.startsHere ? `4px solid var(--mantine-color-${color}-${running ? 9 : 6})` : undefined,
          opacity: closed ? 0.75 : 1,
        }}
      >
        <Text size="xs" fw={600} c={running ? 'white' : `${color}.9`} truncate style={{ minWidth: 0 }}>
          {bar.startsHere ? '' : '… '}
          {audit.title}
          {span >= 3 ? ` · ${status}` : ''}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

function DaySessions({ sessions, column, row }: { sessions: Array<CalendarSession & { auditKind: AuditKind }>; column: number; row: number }) {
  if (!sessions.length) return null;
  const shown = sessions.slice(0, SESSIONS_SHOWN);
  const rest = sessions.slice(SESSIONS_SHOWN);
  return (
    <Box px={6} pb={4} style={{ gridColumn: column, gridRow: row, minWidth: 0, zIndex: 1 }}>
      {shown.map((s) => (
        <Tooltip key={s.id} label={`${dayjs(s.startsAt).format('HH:mm')}–${dayjs(s.endsAt).format('HH:mm')} ${s.topic}${s.location ? ` · ${s.location}` : ''}`} multiline maw={300}>
          <Text size="xs" c="gray.8" truncate tabIndex={0} lh={1.45}>
            <Text span size="xs" fw={700} c={`${AUDIT_KIND_COLORS[s.auditKind]}.8`} ff="monospace">
              {dayjs(s.startsAt).format('HH:mm')}
            </Text>{' '}
            {s.topic}
          </Text>
        </Tooltip>
      ))}
      {rest.length ? (
        <Tooltip label={rest.map((s) => `${dayjs(s.startsAt).format('HH:mm')} ${s.topic}`).join(' · ')} multiline maw={300}>
          <Text size="xs" c="dimmed" tabIndex={0}>
            +{rest.length} more
          </Text>
        </Tooltip>
      ) : null}
    </Box>
  );
}

/**
 * A month at a glance, Monday first: each audit as one bar across the days it runs (split at
 * week ends), its agenda's sessions on their days, and the way to the next audit when the month
 * is empty. `month` is `YYYY-MM`, kept in the URL by the page.
 */
export function AuditCalendar({ audits, month, onMonth, onShift }: { audits: AuditRow[]; month: string; onMonth(next: string): void; onShift(months: number): void }) {
  const { organization } = useCurrentOrganization();
  const sessionsQuery = useQuery(AUDIT_CALENDAR_SESSIONS_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const { refetch } = sessionsQuery;
  useLiveTopic('audits', () => void refetch());

  const first = dayjs(`${month}-01`);
  const offset = (first.day() + 6) % 7;
  const gridStart = first.subtract(offset, 'day');
  const weeks = Math.ceil((offset + first.daysInMonth()) / 7);
  const today = dayjs().format(DAY);
  const gridEnd = gridStart.add(weeks * 7 - 1, 'day').format(DAY);
  const visible = audits.filter((a) => a.endDate >= gridStart.format(DAY) && a.startDate <= gridEnd);
  const monthStart = first.format(DAY);
  const monthEnd = first.endOf('month').format(DAY);
  const inMonth = audits.filter((a) => a.endDate >= monthStart && a.startDate <= monthEnd);

  // Sessions by local day, only for the audits shown (the page's filters apply).
  const sessionsByDay = useMemo(() => {
    const kinds = new Map(audits.map((a) => [a.id, a.kind]));
    const byDay = new Map<string, Array<CalendarSession & { auditKind: AuditKind }>>();
    for (const edge of sessionsQuery.data?.organization?.audits?.edges ?? []) {
      const kind = kinds.get(edge.node.id);
      if (!kind) continue;
      for (const session of edge.node.agenda) {
        const key = dayjs(session.startsAt).format(DAY);
        byDay.set(key, [...(byDay.get(key) ?? []), { ...session, auditKind: kind }]);
      }
    }
    for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return byDay;
  }, [audits, sessionsQuery.data]);

  const next = [...audits].filter((a) => a.startDate > monthEnd).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  const previous = [...audits].filter((a) => a.endDate < monthStart).sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
  const kindsShown = AUDIT_KINDS.filter((k) => visible.some((a) => a.kind === k));
  const line = '1px solid var(--mantine-color-default-border)';

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Audits in ${first.format('MMMM YYYY')}`}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Title order={2} fz={20} aria-live="polite">
            {first.format('MMMM YYYY')}
          </Title>
          <Text size="sm" c="dimmed">
            {inMonth.length ? `${inMonth.length} audit${inMonth.length === 1 ? '' : 's'}` : 'No audit'}
          </Text>
        </Group>
        <Group gap={4}>
          <Tooltip label={first.subtract(1, 'month').format('MMMM YYYY')}>
            <ActionIcon variant="default" size="lg" aria-label="Previous month" onClick={() => onShift(-1)}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" size="sm" onClick={() => onMonth(dayjs().format('YYYY-MM'))} disabled={first.isSame(dayjs(), 'month')}>
            This month
          </Button>
          <Tooltip label={first.add(1, 'month').format('MMMM YYYY')}>
            <ActionIcon variant="default" size="lg" aria-label="Next month" onClick={() => onShift(1)}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      <Box role="grid" aria-readonly style={{ borderTop: line, borderLeft: line, borderRadius: 4, overflow: 'hidden' }}>
        <Box role="row" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', background: 'var(--mantine-color-gray-0)' }}>
          {WEEKDAYS.map((d, i) => (
            <Text key={d} role="columnheader" size="xs" fw={700} c={i >= 5 ? 'dimmed' : 'gray.7'} ta="center" py={6} style={{ borderRight: line, borderBottom: line }}>
              {d}
            </Text>
          ))}
        </Box>
        {Array.from({ length: weeks }, (_, w) => {
          const weekStart = gridStart.add(w * 7, 'day');
          const { bars, lanes } = layoutWeek(visible, weekStart);
          const days = Array.from({ length: 7 }, (_, i) => weekStart.add(i, 'day'));
          const sessionsRow = lanes + 2;
          return (
            <Box
              key={weekStart.format(DAY)}
              role="row"
              style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gridTemplateRows: `26px repeat(${lanes}, 26px) minmax(28px, auto)`, minHeight: 104 }}
            >
              {days.map((day, i) => {
                const key = day.format(DAY);
                const outside = !day.isSame(first, 'month');
                const isToday = key === today;
                return (
                  <Box
                    key={key}
                    role="gridcell"
                    aria-label={`${day.format('dddd D MMMM')}${isToday ? ', today' : ''}`}
                    style={{
                      gridColumn: i + 1,
                      gridRow: '1 / -1',
                      borderRight: line,
                      borderBottom: line,
                      background: isToday ? 'var(--mantine-color-blue-0)' : outside ? 'var(--mantine-color-gray-0)' : i >= 5 ? 'var(--mantine-color-gray-0)' : undefined,
                    }}
                  >
                    <Group gap={4} px={6} pt={4} justify="space-between" wrap="nowrap">
                      <Text
                        size="xs"
                        fw={isToday ? 800 : 600}
                        c={outside ? 'dimmed' : isToday ? 'white' : 'gray.8'}
                        bg={isToday ? 'blue.7' : undefined}
                        px={isToday ? 6 : 0}
                        style={{ borderRadius: 10 }}
                      >
                        {day.date() === 1 && outside ? day.format('D MMM') : day.format('D')}
                      </Text>
                      {isToday ? (
                        <Text size="xs" fw={700} c="blue.8">
                          Today
                        </Text>
                      ) : null}
                    </Group>
                  </Box>
                );
              })}
              {bars.map((bar) => (
                <AuditBar key={bar.audit.id} bar={bar} orgId={organization.id} />
              ))}
              {days.map((day, i) => (
                <DaySessions key={day.format(DAY)} sessions={sessionsByDay.get(day.format(DAY)) ?? []} column={i + 1} row={sessionsRow} />
              ))}
            </Box>
          );
        })}
      </Box>

      <Group justify="space-between" mt="sm" gap="xs" wrap="wrap">
        <Group gap="md" wrap="wrap" aria-label="Kinds of audit">
          {kindsShown.map((kind) => (
            <Group key={kind} gap={6} wrap="nowrap">
              <Box w={12} h={12} style={{ borderRadius: 3, background: `var(--mantine-color-${AUDIT_KIND_COLORS[kind]}-filled)` }} aria-hidden />
              <Text size="xs" c="gray.7">
                {AUDIT_KIND_LABELS[kind]}
              </Text>
            </Group>
          ))}
          {kindsShown.length ? (
            <Text size="xs" c="dimmed">
              Dashed: planned · solid: running · faded: closed
            </Text>
          ) : null}
        </Group>
        {!inMonth.length && (next || previous) ? (
          <Group gap="xs">
            {previous ? (
              <Button variant="subtle" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden />} onClick={() => onMonth(previous.endDate.slice(0, 7))}>
                Previous audit: {dayjs(previous.startDate).format('MMM YYYY')}
              </Button>
            ) : null}
            {next ? (
              <Button variant="light" size="xs" rightSection={<IconPlayerTrackNext size={14} aria-hidden />} onClick={() => onMonth(next.startDate.slice(0, 7))}>
                Next audit: {next.title}, {dayjs(next.startDate).format('D MMM YYYY')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
