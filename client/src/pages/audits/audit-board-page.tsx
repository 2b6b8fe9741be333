import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Box, Button, Grid, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconMaximize, IconMinimize } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useConnectionStatus } from '../../apollo/connection-status';
import { useLiveTopic } from '../../apollo/organization-events';
import { ErrorState, PageLoader } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import { BoardPresence, useAuditBoardPresence } from './_components/board/board-presence';
import { BoardAgenda, BoardCorrectiveActions, BoardEvidence, BoardFindings } from './_components/board/board-sections';
import { useNow } from './_components/board/board-time';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from './audit-words';
import { AUDIT_BOARD_QUERY, isBoardAudit } from './board-operations';

/** A timed refresh on top of the live stream, so countdowns and overdue flags stay honest. */
const REFRESH_MS = 30_000;

/**
 * The audit-week board: one screen for the meeting room and remote participants, readable from
 * a distance. Today's agenda, evidence requests by state with live countdowns, findings as they
 * are raised, the organisation's corrective actions, and who else has the board open. Updates
 * live within a second.
 */
export function AuditBoardPage() {
  const { auditId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const now = useNow(1000);
  const board = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [refreshedAt, setRefreshedAt] = useState(() => Date.now());

  const query = useQuery(AUDIT_BOARD_QUERY, {
    variables: { auditId, organizationId: organization.id },
    fetchPolicy: 'cache-and-network',
    pollInterval: REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
  const { refetch, data } = query;
  useLiveTopic('audits', () => void refetch());
  // On the board (for everyone's "Here now") once the audit is known to be visible.
  useAuditBoardPresence(auditId, !!data?.node && isBoardAudit(data.node));
  useEffect(() => {
    if (data) setRefreshedAt(Date.now());
  }, [data]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === board.current && board.current !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void board.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  if (!data && query.loading) return <PageLoader label="Loading the board…" />;
  if (!data && query.error) return <ErrorState error={query.error} onRetry={() => refetch()} />;
  const audit = data?.node && isBoardAudit(data.node) ? data.node : null;
  if (!audit) {
    return (
      <Alert color="gray" title="This audit is not available" role="alert">
        <Stack gap="sm">
          <Text>It does not exist, or you are not on its team.</Text>
          <Group>
            <Button component={Link} to={`/o/${organization.id}/audits`} variant="light">
              Back to audits
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Box
      ref={board}
      bg="gray.1"
      p={fullscreen ? 'lg' : 0}
      style={{ minHeight: fullscreen ? '100vh' : undefined, overflow: fullscreen ? 'auto' : undefined }}
      data-testid="audit-board"
    >
      <Group
        justify="space-between"
        align="center"
        wrap="wrap"
        gap="md"
        p="md"
        mb="md"
        style={{ background: 'var(--mantine-color-indigo-9)', color: 'white', borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Badge color="white" c="indigo.9" variant="filled" size="lg">
              {AUDIT_KIND_LABELS[audit.kind]}
            </Badge>
            <Badge color="yellow" c="dark" variant="filled" size="lg">
              {AUDIT_STATUS_LABELS[audit.status]}
            </Badge>
            <Text fz={16} c="indigo.1">
              {dayjs(audit.startDate).format('D MMM')} – {dayjs(audit.endDate).format('D MMM YYYY')}
            </Text>
          </Group>
          <Title order={1} fz={32} fw={800} c="white" lh={1.15}>
            {audit.title}
          </Title>
          <Text fz={16} c="indigo.1">
            {[audit.leadAuditor ? `Lead: ${audit.leadAuditor.name}` : null, audit.team.length ? `Team: ${audit.team.map((p) => p.name).join(', ')}` : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="lg" wrap="nowrap" align="center">
          <Stack gap={0} align="flex-end">
            <Text component="time" dateTime={new Date(now).toISOString()} fz={44} fw={800} ff="monospace" c="white" lh={1} aria-label={`Time now ${dayjs(now).format('HH:mm')}`}>
              {dayjs(now).format('HH:mm')}
            </Text>
            <Text fz={16} c="indigo.1">
              {dayjs(now).format('dddd D MMMM')}
            </Text>
          </Stack>
          <LiveIndicator refreshedAt={refreshedAt} />
          <Stack gap={6}>
            <Button
              variant="white"
              color="indigo"
              leftSection={fullscreen ? <IconMinimize size={18} aria-hidden /> : <IconMaximize size={18} aria-hidden />}
              onClick={toggleFullscreen}
            >
              {fullscreen ? 'Exit fullscreen' : 'Fullscreen'}
            </Button>
            {fullscreen ? null : (
              <Button component={Link} to={`/o/${organization.id}/audits/${audit.id}`} variant="outline" color="white" leftSection={<IconArrowLeft size={18} aria-hidden />}>
                Back to the audit
              </Button>
            )}
          </Stack>
        </Group>
      </Group>

      <BoardPresence auditId={audit.id} viewerId={viewer.id} />
      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <BoardAgenda sessions={audit.agenda} now={now} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <BoardEvidence requests={audit.evidenceRequests} now={now} />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <BoardFindings findings={audit.findings} />
        <BoardCorrectiveActions actions={data?.organization?.correctiveActions ?? null} now={now} />
      </SimpleGrid>
    </Box>
  );
}

const LIVE_LOOK = {
  connected: { color: 'var(--mantine-color-green-4)', label: 'Live' },
  idle: { color: 'var(--mantine-color-gray-4)', label: 'Live' },
  connecting: { color: 'var(--mantine-color-gray-4)', label: 'Connecting…' },
  reconnecting: { color: 'var(--mantine-color-orange-4)', label: 'Reconnecting…' },
  offline: { color: 'var(--mantine-color-red-4)', label: 'Offline' },
} as const;

/** Whether changes arrive as they happen, and when the board last caught up. */
function LiveIndicator({ refreshedAt }: { refreshedAt: number }) {
  const status = useConnectionStatus();
  const look = LIVE_LOOK[status];
  const updated = `Updated ${dayjs(refreshedAt).format('HH:mm:ss')}`;
  return (
    <Tooltip label={status === 'connected' ? 'Connected: changes by anyone appear within a second.' : 'Changes appear again once the connection is back; the board also refreshes every 30 seconds.'} multiline w={260}>
      <Stack gap={2} align="center" tabIndex={0} role="status" aria-label={`${look.label}. ${updated}`}>
        <Group gap={8} wrap="nowrap">
          <Box w={14} h={14} style={{ borderRadius: '50%', background: look.color, boxShadow: `0 0 0 4px rgba(255,255,255,0.15)` }} aria-hidden />
          <Text fz={20} fw={800} c="white">
            {look.label}
          </Text>
        </Group>
        <Text fz={13} c="indigo.1">
          {updated}
        </Text>
      </Stack>
    </Tooltip>
  );
}
