import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Center, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBox, IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { AssetDrawer } from './_components/asset-drawer';
import { AssetFilters } from './_components/asset-filters';
import { AssetsTable } from './_components/assets-table';
import { ImportAssetsModal } from './_components/import-assets-modal';
import { NewAssetModal } from './_components/new-asset-modal';
import { ASSETS_PAGE_SIZE, ASSET_INVENTORY_QUERY, assetsExportHref } from './asset-operations';
import { NO_ASSET_FILTER, isAssetFiltered, readAssetUrlFilter, toAssetFilterInput, writeAssetUrl, type AssetUrlFilter } from './asset-url-filter';

/** The asset inventory (Annex A 5.9): what the organisation protects, who owns it and what it is worth. */
export function AssetsPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const urlFilter = useMemo(() => readAssetUrlFilter(params), [params]);
  const filter = useMemo(() => toAssetFilterInput(urlFilter), [urlFilter]);
  const panel = usePanelParam('asset');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [importing, { open: openImport, close: closeImport }] = useDisclosure(false);

  const { data, error, refetch, fetchMore, networkStatus } = useQuery(ASSET_INVENTORY_QUERY, {
    variables: { id: organization.id, first: ASSETS_PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.organization?.assets;
  const assets = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const loadedCount = connection?.edges.length ?? 0;

  // Reload the rows already shown (all pages of them), in place: after a change here or live.
  const reload = useCallback(
    (extra = 0) => void refetch({ first: Math.min(100, Math.max(ASSETS_PAGE_SIZE, loadedCount + extra)), after: null }).catch(() => undefined),
    [refetch, loadedCount],
  );
  useLiveTopic('assets', () => reload());

  const update = (next: Partial<AssetUrlFilter>) => setParams(writeAssetUrl(params, { ...urlFilter, ...next }), { replace: true });
  const clear = () => setParams(writeAssetUrl(params, NO_ASSET_FILTER), { replace: true });
  const filtered = isAssetFiltered(urlFilter);
  const firstLoad = !connection && (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables);
  const filtering = networkStatus === NetworkStatus.setVariables;
  const canCreate = can('asset:create');
  const canImport = can('asset:import');

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 1 · Preparation
          </Badge>
        }
        title="Assets"
        description="What you protect, who owns it and what it is worth (Annex A 5.9): the ground your risk assessment stands on."
        actions={
          <>
            <Tooltip label="Every asset, whatever the filters, as the import expects it">
              <Button component="a" href={assetsExportHref(organization.id)} download variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
                Export CSV
              </Button>
            </Tooltip>
            {canImport ? (
              <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={openImport}>
                Import CSV
              </Button>
            ) : null}
            {canCreate ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
                New asset
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card py="md">
          <AssetFilters value={urlFilter} onChange={update} onClear={clear} />
        </Card>
        <Card p={0}>
          {error && !connection ? (
            <Stack p="lg">
              <ErrorState error={error} title="The inventory could not be loaded" onRetry={() => refetch()} />
            </Stack>
          ) : firstLoad || !connection ? (
            <Stack p="lg">
              <SkeletonRows rows={8} />
            </Stack>
          ) : assets.length === 0 ? (
            filtered ? (
              <Center p="xl">
                <Stack align="center" gap={4} ta="center">
                  <Text fw={600}>No assets match these filters</Text>
                  <Text size="sm" c="dimmed">
                    Clear a filter to see more.
                  </Text>
                  <Button variant="default" size="xs" mt="xs" onClick={clear}>
                    Clear filters
                  </Button>
                </Stack>
              </Center>
            ) : (
              <Center p="xl">
                <Stack align="center" gap={6} ta="center" maw={560}>
                  <IconBox size={36} aria-hidden color="var(--mantine-color-dimmed)" />
                  <Text fw={600}>No assets yet</Text>
                  <Text size="sm" c="dimmed">
                    List what you need to protect: information, software, hardware, services, people and sites, each with an owner and a value for confidentiality, integrity and
                    availability. Risks are assessed against these assets, so start with the information and systems your customers depend on most.
                  </Text>
                  <Group gap="sm" mt="xs" justify="center">
                    {canCreate ? (
                      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                        New asset
                      </Button>
                    ) : null}
                    {canImport ? (
                      <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={openImport}>
                        Import CSV
                      </Button>
                    ) : null}
                  </Group>
                </Stack>
              </Center>
            )
          ) : (
            <div style={{ opacity: filtering ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={filtering}>
              <VisuallyHidden role="status">{`${connection.totalCount} assets`}</VisuallyHidden>
              <AssetsTable assets={assets} selectedId={panel.value} onOpen={panel.open} />
            </div>
          )}
        </Card>
        {connection && assets.length > 0 ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Showing {assets.length} of {connection.totalCount} {connection.totalCount === 1 ? 'asset' : 'assets'}, by name
            </Text>
            {connection.pageInfo.hasNextPage ? (
              <Button
                variant="default"
                loading={networkStatus === NetworkStatus.fetchMore}
                onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor, first: ASSETS_PAGE_SIZE } })}
              >
                Load more
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <AssetDrawer onDeleted={() => reload()} />
      {canCreate ? (
        <NewAssetModal
          opened={creating}
          onClose={closeCreate}
          onCreated={(asset) => {
            closeCreate();
            reload(1);
            panel.open(asset.id);
          }}
        />
      ) : null}
      {canImport ? <ImportAssetsModal opened={importing} onClose={closeImport} onImported={(count) => reload(count)} /> : null}
    </>
  );
}
