import { useQuery } from '@apollo/client/react';
import { Alert, Button, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ASSET_PANEL_QUERY, isAssetNode, type AssetRow } from '../asset-operations';
import { CIA_LABELS, CIA_PROPERTIES } from '../asset-words';
import { AssetEditForm } from './asset-edit-form';
import { AssetTypeBadge, CriticalityBadge, ReviewDate } from './asset-badges';
import { DeleteAssetModal } from './delete-asset-modal';

/** An asset in a side panel over the inventory (`?asset=<id>`). */
export function AssetDrawer({ onDeleted }: { onDeleted(): void }) {
  const { value: assetId, close } = usePanelParam('asset');
  const { data, error, refetch } = useQuery(ASSET_PANEL_QUERY, {
    variables: { id: assetId ?? '' },
    skip: !assetId,
    fetchPolicy: 'cache-and-network',
  });
  const node = data?.node;
  const asset = isAssetNode(node) ? node : null;
  const missing = !!data && !asset;

  return (
    <Drawer
      opened={!!assetId}
      onClose={close}
      position="right"
      size={720}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {asset?.name ?? (missing ? 'Asset not found' : 'Asset')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close asset' }}
    >
      {error && !data ? (
        <ErrorState error={error} title="This asset could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="This asset is gone">
          It was deleted, or you can no longer see it.
        </Alert>
      ) : !asset ? (
        <SkeletonRows rows={6} height={40} />
      ) : (
        <AssetPanel
          key={asset.id}
          asset={asset}
          onDeleted={() => {
            close();
            onDeleted();
          }}
        />
      )}
    </Drawer>
  );
}

function AssetPanel({ asset, onDeleted }: { asset: AssetRow; onDeleted(): void }) {
  const { can } = useCurrentOrganization();
  const flash = useLiveHighlightClass(asset.id);
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <AssetTypeBadge type={asset.type} size="lg" />
            <CriticalityBadge value={asset.criticality} prefix="Criticality: " size="lg" />
          </Group>
          {can('asset:delete') ? (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
              Delete asset…
            </Button>
          ) : null}
        </Group>
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            Review
          </Text>
          <ReviewDate value={asset.reviewDate} size="xs" />
          <Text size="xs" c="dimmed">
            · updated <RelativeTime value={asset.updatedAt} size="xs" c="dimmed" />
          </Text>
        </Group>
      </Stack>
      {asset.viewerCanEdit ? <AssetEditForm asset={asset} /> : <AssetReadOnly asset={asset} editable={can('asset:update')} />}
      {can('asset:delete') ? <DeleteAssetModal asset={deleting ? asset : null} onClose={() => setDeleting(false)} onDeleted={onDeleted} /> : null}
    </Stack>
  );
}

function AssetReadOnly({ asset, editable }: { asset: AssetRow; editable: boolean }) {
  return (
    <Stack gap="md">
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} p="xs">
        <Text size="sm">{editable ? 'You edit the assets you own; this one belongs to someone else.' : 'Your role reads the inventory; owners and ISMS managers keep it up to date.'}</Text>
      </Alert>
      <SimpleGrid cols={2} spacing="md">
        <Field label="Owner">{asset.owner?.name ?? 'Nobody yet'}</Field>
        <Field label="Location">{asset.location || '—'}</Field>
        {CIA_PROPERTIES.map((property) => (
          <Field key={property.key} label={property.label}>
            {asset[property.key]} · {CIA_LABELS[asset[property.key]]}
          </Field>
        ))}
      </SimpleGrid>
      <Field label="Description">{asset.description || 'No description.'}</Field>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
