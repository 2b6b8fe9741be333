import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Center, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconInbox, IconSend, IconSignature, IconStack2 } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import type { ApprovalStatus } from '../tasks/task-fragments';
import { APPROVAL_STATUS_LABELS } from '../tasks/task-words';
import { ApprovalDrawer } from './_components/approval-drawer';
import { ApprovalsTable } from './_components/approvals-table';
import { APPROVALS_INBOX_QUERY, APPROVALS_PAGE_SIZE, type ApprovalFilterInput, type ApprovalListRow } from './approval-operations';

type Tab = 'waiting' | 'requested' | 'all';
const STATUSES: ApprovalStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'INVALIDATED', 'CANCELLED'];

export function ApprovalsPage() {
  const { can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const canSeeAll = can('task:readAll');
  const rawTab = params.get('tab');
  const tab: Tab = rawTab === 'requested' ? 'requested' : rawTab === 'all' && canSeeAll ? 'all' : 'waiting';
  const statusParam = params.get('status');
  const status = STATUSES.find((s) => s === statusParam) ?? null;
  const panel = usePanelParam('request');

  const setTab = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (!next || next === 'waiting') search.delete('tab');
    else search.set('tab', next);
    search.delete('status');
    setParams(search, { replace: true });
  };
  const setStatus = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (next) search.set('status', next);
    else search.delete('status');
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Sign-offs on the exact content of a record. Decide what waits for you; follow what you asked others for."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="waiting" leftSection={<IconInbox size={16} aria-hidden />} rightSection={<WaitingCount />}>
            Waiting for me
          </Tabs.Tab>
          <Tabs.Tab value="requested" leftSection={<IconSend size={16} aria-hidden />}>
            Requested by me
          </Tabs.Tab>
          {canSeeAll ? (
            <Tabs.Tab value="all" leftSection={<IconStack2 size={16} aria-hidden />}>
              All
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="waiting">
          <ApprovalList tab="waiting" status={null} selectedId={panel.value} onOpen={panel.open} />
        </Tabs.Panel>
        <Tabs.Panel value="requested">
          <ApprovalList tab="requested" status={status} selectedId={panel.value} onOpen={panel.open} onStatus={setStatus} />
        </Tabs.Panel>
        {canSeeAll ? (
          <Tabs.Panel value="all">
            <ApprovalList tab="all" status={status} selectedId={panel.value} onOpen={panel.open} onStatus={setStatus} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <ApprovalDrawer />
    </>
  );
}

function useWaitingFilter(): ApprovalFilterInput {
  const viewer = useViewer();
  return useMemo(() => ({ status: ['PENDING'], approverId: viewer.id }), [viewer.id]);
}

/** The number of requests waiting for my decision, on the tab. */
function WaitingCount() {
  const { organization } = useCurrentOrganization();
  const filter = useWaitingFilter();
  const { data } = useQuery(APPROVALS_INBOX_QUERY, {
    variables: { id: organization.id, first: APPROVALS_PAGE_SIZE, filter },
    fetchPolicy: 'cache-first',
  });
  const count = data?.organization?.approvalRequests.edges.filter((e) => e.node.viewerCanDecide).length ?? 0;
  if (!count) return null;
  return (
    <Badge size="sm" color="yellow" variant="filled" circle={count < 10}>
      {count}
    </Badge>
  );
}

interface ApprovalListProps {
  tab: Tab;
  status: ApprovalStatus | null;
  selectedId: string | null;
  onOpen(id: string): void;
  onStatus?(status: string | null): void;
}

function ApprovalList({ tab, status, selectedId, onOpen, onStatus }: ApprovalListProps) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const waitingFilter = useWaitingFilter();
  const filter = useMemo<ApprovalFilterInput>(() => (tab === 'waiting' ? waitingFilter : status ? { status: [status] } : {}), [tab, status, waitingFilter]);
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(APPROVALS_INBOX_QUERY, {
    variables: { id: organization.id, first: APPROVALS_PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.organization?.approvalRequests;
  const rows: ApprovalListRow[] = useMemo(() => {
    const all = connection?.edges.map((e) => e.node) ?? [];
    // The API filters by approver but not by requester, and not by "still mine to decide".
    if (tab === 'waiting') return all.filter((r) => r.viewerCanDecide);
    if (tab === 'requested') return all.filter((r) => r.requestedBy.id === viewer.id);
    return all;
  }, [connection, tab, viewer.id]);

  return (
    <Stack gap="md">
      {onStatus ? (
        <Group>
          <Select
            label="Request status"
            placeholder="Any status"
            data={STATUSES.map((s) => ({ value: s, label: APPROVAL_STATUS_LABELS[s] }))}
            value={status}
            onChange={onStatus}
            clearable
            w={220}
          />
        </Group>
      ) : null}
      <Card p={0}>
        {error && !connection ? (
          <Stack p="lg">
            <ErrorState error={error} onRetry={() => refetch()} />
          </Stack>
        ) : !connection ? (
          <Stack p="lg">
            <SkeletonRows rows={5} />
          </Stack>
        ) : rows.length === 0 ? (
          <EmptyApprovals tab={tab} filtered={!!status} />
        ) : (
          <ApprovalsTable requests={rows} selectedId={selectedId} viewerId={viewer.id} onOpen={onOpen} />
        )}
      </Card>
      {connection?.pageInfo.hasNextPage ? (
        <Group justify="flex-end">
          <Button variant="default" loading={networkStatus === NetworkStatus.fetchMore} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
            Load more
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function EmptyApprovals({ tab, filtered }: { tab: Tab; filtered: boolean }) {
  const text =
    tab === 'waiting'
      ? {
          title: 'Nothing waits for your decision',
          body: 'When someone asks you to sign off a record (a policy, a risk acceptance, the Statement of Applicability), it appears here and in your notifications. You decide in its panel, next to exactly what you approve.',
        }
      : tab === 'requested'
        ? {
            title: filtered ? 'None of your requests has this status' : 'You have not requested any approval',
            body: 'Open a task and choose “Request approval” to have members sign off its exact content. If the content changes afterwards, the request lapses.',
          }
        : { title: filtered ? 'No request has this status' : 'No approval requests yet', body: 'Approval requests of everyone in the organisation appear here.' };
  return (
    <Center p="xl">
      <Stack align="center" gap={6} ta="center" maw={520}>
        <IconSignature size={36} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text fw={600}>{text.title}</Text>
        <Text size="sm" c="dimmed">
          {text.body}
        </Text>
      </Stack>
    </Center>
  );
}
