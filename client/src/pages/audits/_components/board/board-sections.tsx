import { Badge, Box, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconClipboardCheck, IconFileSearch, IconTool } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, type ReactNode } from 'react';
import { markChanged, useLiveHighlightClass } from '../../../../apollo/live-highlight';
import {
  CORRECTIVE_ACTION_STATUS_COLORS,
  CORRECTIVE_ACTION_STATUS_LABELS,
  EVIDENCE_REQUEST_STATUS_COLORS,
  EVIDENCE_REQUEST_STATUS_LABELS,
  FINDING_KIND_COLORS,
  FINDING_KIND_LABELS,
} from '../../audit-words';
import type { BoardCorrectiveAction, BoardEvidenceRequest, BoardFinding, BoardSession } from '../../board-operations';
import { countdownTo, isSameLocalDay } from './board-time';

/** A panel of the board: a large heading with a count, and its content. */
export function BoardPanel({ title, icon, count, accent, children }: { title: string; icon: ReactNode; count?: number; accent: string; children: ReactNode }) {
  const id = `board-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      radius="md"
      p="lg"
      style={{ borderTop: `6px solid var(--mantine-color-${accent}-7)`, display: 'flex', flexDirection: 'column', minHeight: 0 }}
    >
      <Group gap="sm" mb="md" wrap="nowrap">
        <Box c={`${accent}.8`} style={{ display: 'flex' }} aria-hidden>
          {icon}
        </Box>
        <Title id={id} order={2} fz={26} fw={800} c="gray.9">
          {title}
        </Title>
        {count !== undefined ? (
          <Badge size="xl" variant="light" color={accent} radius="sm" aria-label={`${count} in total`}>
            {count}
          </Badge>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

function EmptyLine({ children }: { children: ReactNode }) {
  return (
    <Text fz={20} c="gray.7" py="md">
      {children}
    </Text>
  );
}

// --- Today's agenda -------------------------------------------------------------------------------

export function BoardAgenda({ sessions, now }: { sessions: BoardSession[]; now: number }) {
  const today = sessions.filter((s) => isSameLocalDay(s.startsAt, now));
  const later = sessions.filter((s) => dayjs(s.startsAt).valueOf() > now && !isSameLocalDay(s.startsAt, now));
  const upcoming = later[0];
  return (
    <BoardPanel title="Today's agenda" icon={<IconCalendarEvent size={30} />} accent="indigo">
      {today.length === 0 ? (
        <Stack gap={4}>
          <EmptyLine>No sessions today.</EmptyLine>
          {upcoming ? (
            <Text fz={18} c="gray.8">
              Next: <strong>{upcoming.topic}</strong> on {dayjs(upcoming.startsAt).format('dddd D MMMM, HH:mm')}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {today.map((session) => {
            const start = dayjs(session.startsAt).valueOf();
            const end = dayjs(session.endsAt).valueOf();
            const state = now >= end ? 'past' : now >= start ? 'current' : 'next';
            return <AgendaRow key={session.id} session={session} state={state} now={now} />;
          })}
        </Stack>
      )}
      {today.length > 0 && later.length > 0 ? (
        <Stack gap={4} mt="md">
          <Text fz={15} fw={800} c="gray.7" tt="uppercase">
            Later this audit
          </Text>
          {later.slice(0, 3).map((session) => (
            <Text key={session.id} fz={17} c="gray.8" lh={1.3}>
              <Text span fw={700} c="gray.9">
                {dayjs(session.startsAt).format('ddd HH:mm')}
              </Text>{' '}
              {session.topic}
            </Text>
          ))}
        </Stack>
      ) : null}
    </BoardPanel>
  );
}

function AgendaRow({ session, state, now }: { session: BoardSession; state: 'past' | 'current' | 'next'; now: number }) {
  const current = state === 'current';
  const time = `${dayjs(session.startsAt).format('HH:mm')}–${dayjs(session.endsAt).format('HH:mm')}`;
  const startsIn = countdownTo(session.startsAt, now);
  return (
    <Box
      component="li"
      aria-current={current ? 'true' : undefined}
      p="sm"
      style={{
        borderRadius: 8,
        background: current ? 'var(--mantine-color-indigo-7)' : state === 'past' ? 'transparent' : 'var(--mantine-color-gray-0)',
        color: current ? 'white' : undefined,
        opacity: state === 'past' ? 0.6 : 1,
        border: current ? undefined : '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Text fz={20} fw={800} ff="monospace" c={current ? 'white' : 'gray.9'} style={{ whiteSpace: 'nowrap' }}>
          {time}
        </Text>
        {current ? (
          <Badge color="yellow" c="dark" variant="filled" size="lg">
            Now
          </Badge>
        ) : state === 'next' ? (
          <Text fz={16} c="gray.7" fw={600}>
            {startsIn.label.replace('due ', 'starts ')}
          </Text>
        ) : (
          <Text fz={16} c="gray.7">
            Done
          </Text>
        )}
      </Group>
      <Text fz={current ? 24 : 20} fw={current ? 800 : 600} c={current ? 'white' : 'gray.9'} lh={1.25} mt={2}>
        {session.topic}
      </Text>
      {session.location || session.interviewees.length ? (
        <Text fz={16} c={current ? 'indigo.0' : 'gray.7'}>
          {[session.location, session.interviewees.map((p) => p.name).join(', ')].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
    </Box>
  );
}

// --- Evidence requests ----------------------------------------------------------------------------

type EvidenceColumn = 'open' | 'overdue' | 'answered' | 'accepted';

const COLUMNS: { key: EvidenceColumn; title: string; color: string }[] = [
  { key: 'open', title: 'New / Open', color: 'gray' },
  { key: 'overdue', title: 'Overdue', color: 'red' },
  { key: 'answered', title: 'Answered', color: 'blue' },
  { key: 'accepted', title: 'Accepted', color: 'teal' },
];

function columnOf(request: BoardEvidenceRequest, now: number): EvidenceColumn {
  if (request.status === 'ACCEPTED') return 'accepted';
  if (request.status === 'ANSWERED') return 'answered';
  return request.overdue || dayjs(request.dueAt).valueOf() < now ? 'overdue' : 'open';
}

export function BoardEvidence({ requests, now }: { requests: BoardEvidenceRequest[]; now: number }) {
  const sorted = [...requests].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <BoardPanel title="Evidence requests" icon={<IconFileSearch size={30} />} count={requests.length} accent="blue">
      {requests.length === 0 ? (
        <EmptyLine>No evidence requested yet. Requests the auditors raise appear here with their deadline.</EmptyLine>
      ) : (
        <SimpleGrid cols={4} spacing="sm" style={{ flex: 1 }}>
          {COLUMNS.map((column) => {
            const rows = sorted.filter((r) => columnOf(r, now) === column.key);
            return (
              <Stack key={column.key} gap="xs" aria-label={`${column.title}: ${rows.length}`} role="group">
                <Group gap={8} wrap="nowrap" pb={6} style={{ borderBottom: `3px solid var(--mantine-color-${column.color}-6)` }}>
                  <Text fz={18} fw={800} c={column.key === 'overdue' ? 'red.8' : 'gray.9'} tt="uppercase">
                    {column.title}
                  </Text>
                  <Text fz={18} fw={800} c="gray.7">
                    {rows.length}
                  </Text>
                </Group>
                {rows.length === 0 ? (
                  <Text fz={16} c="gray.6">
                    —
                  </Text>
                ) : (
                  rows.map((request) => <EvidenceCard key={request.id} request={request} column={column.key} now={now} />)
                )}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
    </BoardPanel>
  );
}

function EvidenceCard({ request, column, now }: { request: BoardEvidenceRequest; column: EvidenceColumn; now: number }) {
  const highlight = useLiveHighlightClass(request.id);
  const countdown = countdownTo(request.dueAt, now);
  const waiting = column === 'open' || column === 'overdue';
  return (
    <Paper
      className={highlight}
      withBorder
      radius="sm"
      p="sm"
      style={{ borderLeft: `5px solid var(--mantine-color-${column === 'overdue' ? 'red-7' : `${EVIDENCE_REQUEST_STATUS_COLORS[request.status]}-6`})` }}
    >
      <Text fz={18} fw={700} c="gray.9" lh={1.25}>
        {request.title}
      </Text>
      {request.owner ? (
        <Text fz={15} c="gray.7">
          {request.owner.name}
        </Text>
      ) : null}
      {request.status === 'RETURNED' ? (
        <Badge color="orange" variant="light" size="md" mt={4}>
          {EVIDENCE_REQUEST_STATUS_LABELS.RETURNED}
        </Badge>
      ) : null}
      {waiting ? (
        <Text
          component="time"
          dateTime={request.dueAt}
          title={`Due ${dayjs(request.dueAt).format('dddd D MMMM YYYY, HH:mm')}`}
          fz={17}
          fw={800}
          mt={4}
          c={countdown.overdue ? 'red.8' : countdown.soon ? 'orange.9' : 'gray.9'}
          style={{ display: 'block', fontVariantNumeric: 'tabular-nums' }}
        >
          {countdown.overdue ? <IconAlertTriangle size={16} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} /> : null}
          {countdown.label}
        </Text>
      ) : (
        <Text fz={15} c="gray.7" mt={4}>
          {request.answeredAt ? `Answered ${dayjs(request.answeredAt).format('ddd HH:mm')}` : EVIDENCE_REQUEST_STATUS_LABELS[request.status]}
        </Text>
      )}
    </Paper>
  );
}

// --- Findings -------------------------------------------------------------------------------------

export function BoardFindings({ findings }: { findings: BoardFinding[] }) {
  const sorted = [...findings].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  // Findings that arrive after the board opened flash, whoever raised them (also on a timed refresh).
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = findings.map((f) => f.id);
    if (seen.current) {
      const fresh = ids.filter((id) => !seen.current!.has(id));
      if (fresh.length) markChanged(fresh);
    }
    seen.current = new Set(ids);
  }, [findings]);
  return (
    <BoardPanel title="Findings" icon={<IconClipboardCheck size={30} />} count={findings.length} accent="orange">
      {sorted.length === 0 ? (
        <EmptyLine>No findings raised yet. They appear here the moment an auditor raises one.</EmptyLine>
      ) : (
        <ScrollArea.Autosize mah={520} type="auto">
          <Stack gap="xs">
            {sorted.map((finding) => (
              <FindingCard key={finding.id} finding={finding} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </BoardPanel>
  );
}

function FindingCard({ finding }: { finding: BoardFinding }) {
  const highlight = useLiveHighlightClass(finding.id);
  const color = FINDING_KIND_COLORS[finding.kind];
  return (
    <Paper className={highlight} withBorder radius="sm" p="sm" data-testid="board-finding" style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Badge color={color} variant="filled" size="lg" c={color === 'yellow' ? 'dark' : undefined}>
            {FINDING_KIND_LABELS[finding.kind]}
          </Badge>
          <Text fz={20} fw={800} c="gray.9" ff="monospace">
            {finding.requirementRef}
          </Text>
        </Group>
        <Text fz={15} c="gray.7" style={{ whiteSpace: 'nowrap' }} title={dayjs(finding.raisedAt).format('D MMM YYYY, HH:mm')}>
          {dayjs(finding.raisedAt).fromNow()}
        </Text>
      </Group>
      {finding.requirementTitle ? (
        <Text fz={16} fw={600} c="gray.8" mt={4}>
          {finding.requirementTitle}
        </Text>
      ) : null}
      <Text fz={18} c="gray.9" lh={1.35} mt={2} lineClamp={3}>
        {finding.description}
      </Text>
      {finding.raisedBy ? (
        <Text fz={14} c="gray.7" mt={2}>
          Raised by {finding.raisedBy.name}
        </Text>
      ) : null}
    </Paper>
  );
}

// --- Corrective actions ---------------------------------------------------------------------------

export function BoardCorrectiveActions({ actions, now }: { actions: BoardCorrectiveAction[] | null; now: number }) {
  const open = (actions ?? []).filter((a) => a.status !== 'VERIFIED').sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const overdue = open.filter((a) => a.overdue).length;
  return (
    <BoardPanel title="Corrective actions" icon={<IconTool size={30} />} count={open.length} accent="grape">
      {actions === null ? (
        <EmptyLine>Corrective actions are not shown to your role.</EmptyLine>
      ) : open.length === 0 ? (
        <EmptyLine>No open corrective actions. Nonconformities raised this week get one here.</EmptyLine>
      ) : (
        <>
          {overdue ? (
            <Text fz={18} fw={800} c="red.8" mb="xs">
              {overdue} overdue
            </Text>
          ) : null}
          <ScrollArea.Autosize mah={520} type="auto">
            <Stack gap="xs">
              {open.map((action) => (
                <ActionCard key={action.id} action={action} now={now} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
    </BoardPanel>
  );
}

function dueWords(dueDate: string, overdue: boolean, now: number): string {
  const days = dayjs(dueDate).startOf('day').diff(dayjs(now).startOf('day'), 'day');
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (overdue || days < 0) return `Overdue by ${plural(Math.max(1, -days))}`;
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${plural(days)}`;
}

function ActionCard({ action, now }: { action: BoardCorrectiveAction; now: number }) {
  const highlight = useLiveHighlightClass(action.id);
  const what = action.action || action.correction || action.finding.description;
  return (
    <Paper
      className={highlight}
      withBorder
      radius="sm"
      p="sm"
      style={{ borderLeft: `6px solid var(--mantine-color-${action.overdue ? 'red-7' : `${CORRECTIVE_ACTION_STATUS_COLORS[action.status]}-5`})` }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Text fz={20} fw={800} c="gray.9" ff="monospace">
            {action.finding.requirementRef}
          </Text>
          <Badge color={CORRECTIVE_ACTION_STATUS_COLORS[action.status]} variant="light" size="lg">
            {CORRECTIVE_ACTION_STATUS_LABELS[action.status]}
          </Badge>
        </Group>
        <Text
          component="time"
          dateTime={action.dueDate}
          title={`Due ${dayjs(action.dueDate).format('dddd D MMMM YYYY')}`}
          fz={18}
          fw={800}
          c={action.overdue ? 'red.8' : 'gray.9'}
          style={{ whiteSpace: 'nowrap' }}
        >
          {dueWords(action.dueDate, action.overdue, now)}
        </Text>
      </Group>
      <Text fz={17} c="gray.9" lh={1.35} mt={4} lineClamp={2}>
        {what}
      </Text>
      <Text fz={14} c="gray.7" mt={2}>
        {[action.owner?.name ?? 'No owner', action.finding.audit.title].join(' · ')}
      </Text>
    </Paper>
  );
}
