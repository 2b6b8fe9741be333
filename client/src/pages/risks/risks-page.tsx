import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Center, Group, SimpleGrid, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconGridDots, IconListCheck, IconPlus, IconTable } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { MatrixSettingsModal } from './_components/matrix-settings-modal';
import { NEW_RISK, RiskDrawer } from './_components/risk-drawer';
import { RiskFilters } from './_components/risk-filters';
import { HeatMapLegend, RiskHeatMap } from './_components/risk-heat-map';
import { RisksTable } from './_components/risks-table';
import { TreatmentPlan } from './_components/treatment-plan';
import { RISKS_PAGE_SIZE, RISK_OVERVIEW_QUERY, RISK_REGISTER_QUERY, appendRiskPage, risksExportHref, useRiskListChanged, type HeatMapCell, type RiskMatrix } from './risk-operations';
import {
  NO_RISK_FILTER,
  inCell,
  isRiskFiltered,
  readRiskTab,
  readRiskUrlFilter,
  toRiskFilterInput,
  toRiskOrderInput,
  writeRiskUrl,
  type HeatCell,
  type RiskTab,
  type RiskUrlFilter,
} from './risk-url-filter';

/** The risk assessment and treatment (clauses 6.1.2, 6.1.3, 8.2, 8.3): heat maps, the register and the treatment plan. */
export function RisksPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const urlFilter = useMemo(() => readRiskUrlFilter(params), [params]);
  const tab = readRiskTab(params);
  const panel = usePanelParam('risk');
  const [matrixOpen, { open: openMatrix, close: closeMatrix }] = useDisclosure(false);

  const overview = useQuery(RISK_OVERVIEW_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const matrix = overview.data?.organization?.riskMatrix ?? null;
  const inherentCells = overview.data?.organization?.inherentHeatMap ?? [];
  const residualCells = overview.data?.organization?.residualHeatMap ?? [];
  const riskCount = inherentCells.reduce((sum, c) => sum + c.count, 0);

  const update = (next: Partial<RiskUrlFilter>, nextTab: RiskTab = tab) => setParams(writeRiskUrl(params, { ...urlFilter, ...next }, nextTab), { replace: true });
  const clear = () => setParams(writeRiskUrl(params, { ...urlFilter, ...NO_RISK_FILTER }, tab), { replace: true });
  // A cell replaces the level filter (an inherent cell fixes the level), and shows the register.
  const selectCell = (cell: HeatCell | null) => update({ cell, level: cell ? [] : urlFilter.level }, 'register');

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 1 · Preparation
          </Badge>
        }
        title="Risks"
        description="What could go wrong, how likely and how badly (likelihood × impact), what you do about it, and whether its owner accepts what remains."
        actions={
          <>
            <Button component="a" href={risksExportHref(organization.id)} download variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
              Export CSV
            </Button>
            {can('riskMatrix:update') && matrix ? (
              <Button variant="default" leftSection={<IconGridDots size={18} aria-hidden />} onClick={openMatrix}>
                Matrix settings
              </Button>
            ) : null}
            {can('risk:create') ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => panel.open(NEW_RISK)}>
                New risk
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card>
          {overview.error && !overview.data ? (
            <ErrorState error={overview.error} title="The heat maps could not be loaded" onRetry={() => overview.refetch()} />
          ) : !matrix ? (
            <SkeletonRows rows={5} height={44} />
          ) : (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
                <RiskHeatMap map="inherent" title="Inherent risk" caption="Before treatment" matrix={matrix} cells={inherentCells} selected={urlFilter.cell} onSelect={selectCell} />
                <RiskHeatMap map="residual" title="Residual risk" caption="After treatment (inherent where not assessed yet)" matrix={matrix} cells={residualCells} selected={urlFilter.cell} onSelect={selectCell} />
              </SimpleGrid>
              <HeatMapLegend matrix={matrix} />
            </Stack>
          )}
        </Card>

        <Tabs value={tab} onChange={(next) => update({}, next === 'plan' ? 'plan' : 'register')} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="register" leftSection={<IconTable size={16} aria-hidden />}>
              Register
            </Tabs.Tab>
            <Tabs.Tab value="plan" leftSection={<IconListCheck size={16} aria-hidden />}>
              Treatment plan
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="register" pt="md">
            <Stack gap="lg">
              <Card py="md">
                <RiskFilters value={urlFilter} matrix={matrix} onChange={(next) => update(next)} onClear={clear} />
              </Card>
              <RiskRegister
                filter={urlFilter}
                matrix={matrix}
                cells={urlFilter.cell?.map === 'residual' ? residualCells : inherentCells}
                selectedId={panel.value}
                onOpen={panel.open}
                onSort={(sort, direction) => update({ sort, direction })}
                onClear={clear}
                onCreate={can('risk:create') ? () => panel.open(NEW_RISK) : null}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="plan" pt="md">
            <TreatmentPlan onOpen={panel.open} selectedId={panel.value} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <RiskDrawer />
      {matrix && can('riskMatrix:update') ? <MatrixSettingsModal matrix={matrix} riskCount={riskCount} opened={matrixOpen} onClose={closeMatrix} /> : null}
    </>
  );
}

interface RiskRegisterProps {
  filter: RiskUrlFilter;
  matrix: RiskMatrix | null;
  cells: HeatMapCell[];
  selectedId: string | null;
  onOpen(riskId: string): void;
  onSort(sort: RiskUrlFilter['sort'], direction: RiskUrlFilter['direction']): void;
  onClear(): void;
  onCreate: (() => void) | null;
}

/**
 * The register, paginated by the server. A heat map cell is narrowed in the browser (the API
 * filters by level, not by cell): pages are loaded until the cell's risks are all in.
 */
function RiskRegister({ filter, matrix, cells, selectedId, onOpen, onSort, onClear, onCreate }: RiskRegisterProps) {
  const { organization } = useCurrentOrganization();
  const cell = filter.cell;
  const pageSize = cell ? 100 : RISKS_PAGE_SIZE;
  const variables = useMemo(
    () => ({ id: organization.id, first: pageSize, filter: toRiskFilterInput(filter, matrix), orderBy: toRiskOrderInput(filter) }),
    [organization.id, pageSize, filter, matrix],
  );
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(RISK_REGISTER_QUERY, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
    skip: !!cell && !matrix,
  });
  const connection = data?.organization?.risks;
  const rows = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const visible = useMemo(() => (cell ? rows.filter((risk) => inCell(risk, cell)) : rows), [rows, cell]);
  const cellCount = cell ? (cells.find((c) => c.likelihood === cell.likelihood && c.impact === cell.impact)?.count ?? 0) : 0;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const loadMore = useCallback(() => {
    if (!connection?.pageInfo.hasNextPage) return;
    void fetchMore({ variables: { after: connection.pageInfo.endCursor, first: pageSize }, updateQuery: (previous, { fetchMoreResult }) => appendRiskPage(previous, fetchMoreResult) }).catch(() => undefined);
  }, [connection, fetchMore, pageSize]);

  // A cell: keep loading until its risks are all in (or there is nothing more to load).
  useEffect(() => {
    if (cell && networkStatus === NetworkStatus.ready && connection?.pageInfo.hasNextPage && visible.length < cellCount) loadMore();
  }, [cell, networkStatus, connection, visible.length, cellCount, loadMore]);

  // Reload the rows already shown (all pages of them), in place: after a change here, or the matrix.
  const reload = () => void refetch({ first: Math.min(100, Math.max(pageSize, rows.length + 1)), after: null }).catch(() => undefined);
  useRiskListChanged(reload);
  useLiveTopic('risks', reload);
  // A treatment task or an acceptance decided elsewhere changes what a row shows.
  useLiveTopic('approvals', reload);

  const filtered = isRiskFiltered(filter);
  const firstLoad = !connection && (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables || !data);
  const filtering = networkStatus === NetworkStatus.setVariables;
  const cellName = cell && matrix ? `${matrix.likelihoodLabels[cell.likelihood - 1] ?? cell.likelihood} × ${matrix.impactLabels[cell.impact - 1] ?? cell.impact}` : '';
  const stillLoadingCell = !!cell && !!connection?.pageInfo.hasNextPage && visible.length < cellCount;

  return (
    <>
      <Card p={0}>
        {error && !connection ? (
          <Stack p="lg">
            <ErrorState error={error} title="The register could not be loaded" onRetry={() => refetch()} />
          </Stack>
        ) : firstLoad || !connection ? (
          <Stack p="lg">
            <SkeletonRows rows={8} />
          </Stack>
        ) : visible.length === 0 && !stillLoadingCell ? (
          filtered ? (
            <Center p="xl">
              <Stack align="center" gap={4} ta="center">
                <Text fw={600}>No risks match these filters</Text>
                <Text size="sm" c="dimmed">
                  Clear a filter to see more.
                </Text>
                <Button variant="default" size="xs" mt="xs" onClick={onClear}>
                  Clear filters
                </Button>
              </Stack>
            </Center>
          ) : (
            <Center p="xl">
              <Stack align="center" gap={6} ta="center" maw={580}>
                <IconAlertTriangle size={36} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text fw={600}>No risks yet</Text>
                <Text size="sm" c="dimmed">
                  The risk assessment is the heart of the ISMS: for each important asset, name what could go wrong (a threat exploiting a vulnerability), score how likely and how bad it is, and
                  decide a treatment. Risks above your acceptance threshold need controls, or their owner’s acceptance. The controls you choose feed the Statement of Applicability.
                </Text>
                {onCreate ? (
                  <Button mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                    New risk
                  </Button>
                ) : null}
              </Stack>
            </Center>
          )
        ) : (
          <div style={{ opacity: filtering ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={filtering || stillLoadingCell}>
            <VisuallyHidden role="status">{cell ? `${visible.length} risks in ${cellName}` : `${connection.totalCount} risks`}</VisuallyHidden>
            <RisksTable risks={visible} selectedId={selectedId} onOpen={onOpen} sort={filter.sort} direction={filter.direction} onSort={onSort} />
          </div>
        )}
      </Card>
      {connection && visible.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {cell
              ? `${visible.length} ${visible.length === 1 ? 'risk' : 'risks'} in ${cellName} (${cell.map === 'inherent' ? 'before' : 'after'} treatment)${stillLoadingCell ? ', loading the rest…' : ''}`
              : `Showing ${visible.length} of ${connection.totalCount} ${connection.totalCount === 1 ? 'risk' : 'risks'}`}
          </Text>
          {!cell && connection.pageInfo.hasNextPage ? (
            <Button variant="default" loading={loadingMore} onClick={loadMore}>
              Load more
            </Button>
          ) : null}
        </Group>
      ) : null}
    </>
  );
}
