import { NetworkStatus } from '@apollo/client';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Button, Card, Center, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconHistory, IconShieldCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readApiError } from '../../apollo/api-error';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { AuditTrailFilters, FILTER_KEYS, type AuditTrailUrlFilter } from './_components/audit-trail-filters';
import { AuditTrailTable } from './_components/audit-trail-table';
import { VerifyChainResult, type ChainVerification } from './_components/verify-chain-result';
import { AUDIT_TRAIL_PEOPLE_QUERY, AUDIT_TRAIL_QUERY, PAGE_SIZE, VERIFY_AUDIT_TRAIL_QUERY, type AuditTrailFilter } from './audit-trail-operations';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readUrlFilter(params: URLSearchParams): AuditTrailUrlFilter {
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    actorId: params.get('actorId') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

/** Days are the viewer's local days: from the start of "from" to the end of "to". */
function toApiFilter(filter: AuditTrailUrlFilter): AuditTrailFilter {
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from ? { from: dayjs(filter.from).startOf('day').toISOString() } : {}),
    ...(filter.to ? { to: dayjs(filter.to).endOf('day').toISOString() } : {}),
  };
}

function exportHref(organizationId: string, filter: AuditTrailUrlFilter): string {
  const params = new URLSearchParams();
  if (filter.actorId) params.set('actorId', filter.actorId);
  if (filter.action) params.set('action', filter.action);
  if (filter.entityType) params.set('entityType', filter.entityType);
  const query = params.toString();
  return `/exports/organizations/${encodeURIComponent(organizationId)}/audit-trail.csv${query ? `?${query}` : ''}`;
}

export function AuditTrailPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const urlFilter = useMemo(() => readUrlFilter(params), [params]);
  const filter = useMemo(() => toApiFilter(urlFilter), [urlFilter]);
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(AUDIT_TRAIL_QUERY, {
    variables: { id: organization.id, first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  // The same query as the person filter's (one request): names for the ids in summaries.
  const { data: people } = useQuery(AUDIT_TRAIL_PEOPLE_QUERY, { variables: { id: organization.id } });
  const nameOf = useMemo(() => {
    const names = new Map((people?.organization?.members ?? []).map((m) => [m.user.id, m.user.name]));
    return (id: string) => names.get(id);
  }, [people]);
  const [verify, { loading: verifying }] = useLazyQuery(VERIFY_AUDIT_TRAIL_QUERY, { fetchPolicy: 'network-only' });
  const [verification, setVerification] = useState<ChainVerification | null>(null);

  const trail = data?.organization?.auditTrail;
  const rows = useMemo(() => trail?.edges.map((edge) => edge.node) ?? [], [trail]);
  const firstLoad = !trail && (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables);
  const filtering = networkStatus === NetworkStatus.setVariables;

  const updateFilter = (next: Partial<AuditTrailUrlFilter>) => {
    const merged = { ...urlFilter, ...next };
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (merged[key]) search.set(key, merged[key]);
    setParams(search, { replace: true });
  };

  const runVerification = async () => {
    try {
      const result = await verify({ variables: { organizationId: organization.id } });
      const answer = result.data?.verifyAuditTrail;
      if (!answer) throw result.error ?? new Error('No answer');
      const brokenRow = answer.firstBrokenId ? rows.find((row) => row.id === answer.firstBrokenId) : undefined;
      setVerification({ ...answer, firstBrokenSeq: brokenRow?.seq ?? null, at: new Date() });
    } catch (e) {
      notifications.show({ color: 'red', title: 'The chain could not be verified', message: readApiError(e).message });
    }
  };

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in this organisation, who made it and when, in a hash chain that shows any tampering."
        actions={
          <>
            {can('auditTrail:verify') ? (
              <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verifying} onClick={() => void runVerification()}>
                Verify chain
              </Button>
            ) : null}
            <Button component="a" href={exportHref(organization.id, urlFilter)} download leftSection={<IconDownload size={18} aria-hidden />}>
              Export CSV
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {verification ? <VerifyChainResult result={verification} onClose={() => setVerification(null)} /> : null}
        <Card>
          <AuditTrailFilters
            value={urlFilter}
            onChange={updateFilter}
            onClear={() => setParams(new URLSearchParams(), { replace: true })}
            hint={urlFilter.from || urlFilter.to ? 'The CSV export applies the person, action and entity type filters, over all dates.' : null}
          />
        </Card>
        <Card p={0}>
          {error && !trail ? (
            <Stack p="lg">
              <ErrorState error={error} onRetry={() => refetch()} />
            </Stack>
          ) : firstLoad || !trail ? (
            <Stack p="lg">
              <SkeletonRows rows={8} />
            </Stack>
          ) : rows.length === 0 ? (
            <Center p="xl">
              <Stack align="center" gap={4} ta="center">
                <IconHistory size={32} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text fw={600}>No changes match these filters</Text>
                <Text size="sm" c="dimmed">
                  Widen the dates or clear a filter to see more of the trail.
                </Text>
              </Stack>
            </Center>
          ) : (
            <div style={{ opacity: filtering ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={filtering}>
              <AuditTrailTable rows={rows} brokenId={verification?.firstBrokenId ?? null} nameOf={nameOf} />
            </div>
          )}
        </Card>
        {trail && rows.length > 0 ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              Showing {rows.length} of {trail.totalCount} {trail.totalCount === 1 ? 'change' : 'changes'}, newest first
            </Text>
            {trail.pageInfo.hasNextPage ? (
              <Button
                variant="default"
                loading={networkStatus === NetworkStatus.fetchMore}
                onClick={() => void fetchMore({ variables: { after: trail.pageInfo.endCursor } })}
              >
                Load more
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
