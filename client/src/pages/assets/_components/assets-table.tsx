import { Anchor, Table, Text } from '@mantine/core';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { PersonLabel } from '../../../components/person-avatar';
import type { AssetRow } from '../asset-operations';
import { AssetTypeBadge, CiaChips, CriticalityBadge, ReviewDate } from './asset-badges';

interface AssetsTableProps {
  assets: AssetRow[];
  selectedId: string | null;
  onOpen(assetId: string): void;
}

export function AssetsTable({ assets, selectedId, onOpen }: AssetsTableProps) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing={8} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={130}>Type</Table.Th>
            <Table.Th w={165}>Owner</Table.Th>
            <Table.Th w={140}>
              <abbr title="Confidentiality, integrity, availability: 1 low, 2 medium, 3 high" style={{ textDecoration: 'none' }}>
                C / I / A
              </abbr>
            </Table.Th>
            <Table.Th w={100}>Criticality</Table.Th>
            <Table.Th w={170}>Location</Table.Th>
            <Table.Th w={140}>Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((asset) => (
            <AssetTableRow key={asset.id} asset={asset} selected={asset.id === selectedId} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AssetTableRow({ asset, selected, onOpen }: { asset: AssetRow; selected: boolean; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(asset.id);
  return (
    <Table.Tr className={flash} data-asset-id={asset.id} bg={selected ? 'indigo.0' : undefined} onClick={() => onOpen(asset.id)} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          fw={500}
          c="dark.8"
          size="sm"
          ta="left"
          lineClamp={1}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(asset.id);
          }}
        >
          {asset.name}
        </Anchor>
        {asset.description ? (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {asset.description}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <AssetTypeBadge type={asset.type} />
      </Table.Td>
      <Table.Td>
        <PersonLabel person={asset.owner} none="Nobody yet" />
      </Table.Td>
      <Table.Td>
        <CiaChips asset={asset} />
      </Table.Td>
      <Table.Td>
        <CriticalityBadge value={asset.criticality} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1} c={asset.location ? undefined : 'dimmed'}>
          {asset.location || '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <ReviewDate value={asset.reviewDate} />
      </Table.Td>
    </Table.Tr>
  );
}
