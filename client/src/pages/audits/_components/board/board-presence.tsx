import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Avatar, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { print } from 'graphql';
import { useEffect } from 'react';
import { initials } from '../../../../components/person-avatar';
import { roleLabel } from '../../../../organization/roles';
import { AUDIT_PRESENCE_QUERY, JOIN_AUDIT_BOARD_MUTATION, LEAVE_AUDIT_BOARD_MUTATION, isPresenceAudit, type BoardParticipant } from '../../board-operations';

/** Until the server says otherwise (the join payload carries its heartbeat). */
const DEFAULT_HEARTBEAT_MS = 15_000;
/** A board left in a background tab stops counting as "here" after this long. */
const HIDDEN_GRACE_MS = 30_000;

/** The leave sent as the page goes away: its text, posted with a keepalive request. */
const LEAVE_BEACON_QUERY = print(gql`
  mutation LeaveAuditBoardOnExit($input: LeaveAuditBoardInput!) {
    leaveAuditBoard(input: $input) {
      audit {
        id
      }
    }
  }
`);

function newClientId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `board-${random}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
}

/**
 * Puts the viewer on the audit's board while it is open: joins at once, says "still here" at the
 * server's heartbeat, leaves on unmount and when the tab closes (a keepalive request that
 * outlives the page), and steps out while the tab stays hidden. The server forgets a board it
 * stops hearing from, so a crashed browser disappears on its own.
 */
export function useAuditBoardPresence(auditId: string, enabled: boolean): void {
  const [join] = useMutation(JOIN_AUDIT_BOARD_MUTATION);
  const [leave] = useMutation(LEAVE_AUDIT_BOARD_MUTATION);

  useEffect(() => {
    if (!enabled || !auditId) return;
    const clientId = newClientId();
    const input = { auditId, clientId };
    let heartbeatMs = DEFAULT_HEARTBEAT_MS;
    let beatTimer: ReturnType<typeof setTimeout> | null = null;
    let hiddenTimer: ReturnType<typeof setTimeout> | null = null;
    let active = true; // on the board (not stepped out, not unmounted)
    let joined = false;

    const schedule = () => {
      if (beatTimer) clearTimeout(beatTimer);
      beatTimer = active ? setTimeout(() => void beat(), heartbeatMs) : null;
    };
    const beat = async () => {
      try {
        const result = await join({ variables: { input } });
        if (!active) {
          // Left (or unmounted) while this beat was on its way: undo it rather than linger 40 s.
          if (result.data) void leave({ variables: { input } }).catch(() => undefined);
          return;
        }
        if (result.data) {
          heartbeatMs = Math.max(5, result.data.joinAuditBoard.heartbeatSeconds) * 1000;
          joined = active;
        }
      } catch {
        // Offline or refused: the next beat tries again; the server forgets us meanwhile.
      }
      schedule();
    };
    const stepOut = (beacon: boolean) => {
      active = false;
      if (beatTimer) clearTimeout(beatTimer);
      beatTimer = null;
      if (!joined) return;
      joined = false;
      if (beacon) {
        // The page is going away: a normal request would be cancelled with it.
        void fetch('/graphql', {
          method: 'POST',
          keepalive: true,
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ operationName: 'LeaveAuditBoardOnExit', query: LEAVE_BEACON_QUERY, variables: { input } }),
        }).catch(() => undefined);
      } else {
        void leave({ variables: { input } }).catch(() => undefined);
      }
    };
    const stepIn = () => {
      if (active) return;
      active = true;
      void beat();
    };

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        if (!hiddenTimer) hiddenTimer = setTimeout(() => stepOut(false), HIDDEN_GRACE_MS);
        return;
      }
      if (hiddenTimer) clearTimeout(hiddenTimer);
      hiddenTimer = null;
      stepIn();
    };
    const onPageHide = () => stepOut(true);
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) stepIn(); // back from the back-forward cache
    };

    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    void beat();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      if (hiddenTimer) clearTimeout(hiddenTimer);
      stepOut(false);
    };
  }, [auditId, enabled, join, leave]);
}

const isAuditor = (p: BoardParticipant) => p.role === 'AUDITOR' || p.onAuditTeam;

/** What the person is here as: "Lead auditor", "Audit team · ISMS manager", "Management"… */
function presenceRole(p: BoardParticipant): string {
  if (p.isLeadAuditor) return 'Lead auditor';
  if (p.onAuditTeam) return p.role === 'AUDITOR' ? 'Audit team' : `Audit team · ${roleLabel(p.role)}`;
  return roleLabel(p.role);
}

function ParticipantChip({ participant, you }: { participant: BoardParticipant; you: boolean }) {
  const auditor = isAuditor(participant);
  const what = presenceRole(participant);
  const name = participant.user.name;
  return (
    <Tooltip label={`${name}${you ? ' (you)' : ''} — ${what}. Here since ${dayjs(participant.since).format('HH:mm')}.`}>
      <Group
        component="li"
        gap={10}
        wrap="nowrap"
        px={10}
        py={6}
        pr={14}
        tabIndex={0}
        aria-label={`${name}${you ? ' (you)' : ''}, ${what}`}
        data-testid="board-participant"
        style={{
          borderRadius: 999,
          background: auditor ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
          border: `2px solid ${auditor ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-3)'}`,
        }}
      >
        <Box pos="relative" style={{ display: 'flex' }}>
          <Avatar name={name} color="initials" radius="xl" size={40} aria-hidden>
            {initials(name)}
          </Avatar>
          <Box
            aria-hidden
            pos="absolute"
            right={-1}
            bottom={-1}
            w={13}
            h={13}
            style={{ borderRadius: '50%', background: 'var(--mantine-color-green-6)', border: '2px solid white' }}
          />
        </Box>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fz={17} fw={700} c="gray.9" lh={1.2} truncate maw={220}>
            {name}
            {you ? (
              <Text span fz={14} fw={500} c="gray.7">
                {' '}
                (you)
              </Text>
            ) : null}
          </Text>
          <Group gap={4} wrap="nowrap">
            {auditor ? <IconShieldCheck size={15} color="var(--mantine-color-indigo-7)" aria-hidden /> : null}
            <Text fz={14} fw={auditor ? 700 : 500} c={auditor ? 'indigo.8' : 'gray.7'} lh={1.2}>
              {what}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Tooltip>
  );
}

/**
 * Who has the board open now, auditors first and set apart. The list is refreshed by each
 * heartbeat and, within a second, by the live `auditPresence.*` events of anyone arriving or leaving.
 */
export function BoardPresence({ auditId, viewerId }: { auditId: string; viewerId: string }) {
  const query = useQuery(AUDIT_PRESENCE_QUERY, { variables: { auditId }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false });
  const node = query.data?.node;
  const people = isPresenceAudit(node) ? node.onlineParticipants : null;
  const sorted = people ? [...people].sort((a, b) => Number(isAuditor(b)) - Number(isAuditor(a))) : null;
  const auditors = sorted?.filter(isAuditor).length ?? 0;
  const summary = sorted
    ? `${sorted.length} ${sorted.length === 1 ? 'person' : 'people'} here${auditors ? ` · ${auditors} from the audit team` : ''}`
    : 'Looking who is here…';

  return (
    <Paper component="section" aria-labelledby="board-presence-heading" withBorder radius="md" px="lg" py="sm" mb="md" data-testid="board-presence">
      <Group gap="lg" wrap="wrap" align="center">
        <Stack gap={0} miw={150}>
          <Text id="board-presence-heading" fz={20} fw={800} c="gray.9" component="h2" m={0}>
            Here now
          </Text>
          <Text fz={14} c="gray.7" aria-live="polite">
            {summary}
          </Text>
        </Stack>
        {sorted && sorted.length ? (
          <Group component="ul" aria-label="Online now" gap="sm" wrap="wrap" style={{ listStyle: 'none', margin: 0, padding: 0, flex: 1 }}>
            {sorted.map((p) => (
              <ParticipantChip key={p.user.id} participant={p} you={p.user.id === viewerId} />
            ))}
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
