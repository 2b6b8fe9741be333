import { Anchor, Badge, Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { PersonLabel } from '../../../components/person-avatar';
import type { RiskRow } from '../risk-operations';
import type { OrderDirection, RiskOrderField } from '../risk-words';
import { AcceptanceBadge, ReviewDate, ScoreWithLevel, TreatmentBadge } from './risk-badges';

interface RisksTableProps {
  risks: RiskRow[];
  selectedId: string | null;
  onOpen(riskId: string): void;
  sort: RiskOrderField;
  direction: OrderDirection;
  onSort(field: RiskOrderField, direction: OrderDirection): void;
}

export function RisksTable({ risks, selectedId, onOpen, sort, direction, onSort }: RisksTableProps) {
  const header = (field: RiskOrderField, label: string, firstDirection: OrderDirection) => (
    <SortHeader label={label} active={sort === field} direction={direction} onClick={() => onSort(field, sort !== field ? firstDirection : direction === 'ASC' ? 'DESC' : 'ASC')} />
  );
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing={8} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th aria-sort={ariaSort(sort === 'TITLE', direction)}>{header('TITLE', 'Risk', 'ASC')}</Table.Th>
            <Table.Th w={150}>Assets</Table.Th>
            <Table.Th w={108} aria-sort={ariaSort(sort === 'INHERENT_SCORE', direction)}>
              {header('INHERENT_SCORE', 'Inherent', 'DESC')}
            </Table.Th>
            <Table.Th w={150}>Treatment</Table.Th>
            <Table.Th w={118} aria-sort={ariaSort(sort === 'RESIDUAL_SCORE', direction)}>
              {header('RESIDUAL_SCORE', 'Residual', 'DESC')}
            </Table.Th>
            <Table.Th w={140}>Owner</Table.Th>
            <Table.Th w={140}>Acceptance</Table.Th>
            <Table.Th w={104} aria-sort={ariaSort(sort === 'REVIEW_DATE', direction)}>
              {header('REVIEW_DATE', 'Review', 'ASC')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk) => (
            <RiskTableRow key={risk.id} risk={risk} selected={risk.id === selectedId} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ariaSort(active: boolean, direction: OrderDirection): 'ascending' | 'descending' | undefined {
  if (!active) return undefined;
  return direction === 'ASC' ? 'ascending' : 'descending';
}

function SortHeader({ label, active, direction, onClick }: { label: string; active: boolean; direction: OrderDirection; onClick(): void }) {
  const Icon = !active ? IconArrowsSort : direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton onClick={onClick} aria-label={`Sort by ${label.toLowerCase()}`} fw={600} fz="sm">
      <Group gap={4} wrap="nowrap">
        <span>{label}</span>
        <Icon size={14} aria-hidden color={active ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
      </Group>
    </UnstyledButton>
  );
}

function RiskTableRow({ risk, selected, onOpen }: { risk: RiskRow; selected: boolean; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(risk.id);
  return (
    <Table.Tr className={flash} data-risk-id={risk.id} bg={selected ? 'indigo.0' : undefined} onClick={() => onOpen(risk.id)} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          fw={500}
          c="dark.8"
          size="sm"
          ta="left"
          lineClamp={3}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(risk.id);
          }}
        >
          {risk.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <RefList items={risk.assets.map((a) => ({ key: a.id, short: a.name, long: a.name }))} none="No asset" max={2} plain />
      </Table.Td>
      <Table.Td>
        <ScoreWithLevel score={risk.inherentScore} level={risk.level} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <TreatmentBadge treatment={risk.treatment} />
          <RefList items={risk.controls.map((c) => ({ key: c.ref, short: c.ref, long: `${c.ref} ${c.title}` }))} none="No control" max={3} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <ScoreWithLevel score={risk.residualScore} level={risk.residualLevel} above={risk.aboveThreshold} />
      </Table.Td>
      <Table.Td>
        <PersonLabel person={risk.owner} none="No owner" />
      </Table.Td>
      <Table.Td>
        <AcceptanceBadge risk={risk} />
      </Table.Td>
      <Table.Td>
        <ReviewDate value={risk.reviewDate} />
      </Table.Td>
    </Table.Tr>
  );
}

interface RefItem {
  key: string;
  short: string;
  long: string;
}

/** A few short references, the rest as "+2" with everything on hover. */
export function RefList({ items, none, max, plain = false }: { items: RefItem[]; none: string; max: number; plain?: boolean }) {
  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {none}
      </Text>
    );
  }
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const all = items.map((item) => item.long).join('\n');
  if (plain) {
    return (
      <Tooltip label={<span style={{ whiteSpace: 'pre-line' }}>{all}</span>} multiline w={280} disabled={items.length === 1 && items[0]!.short.length < 24}>
        <Text size="sm" lineClamp={2}>
          {shown.map((item) => item.short).join(', ')}
          {rest > 0 ? (
            <Text span size="xs" c="dimmed">
              {' '}
              +{rest}
            </Text>
          ) : null}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={<span style={{ whiteSpace: 'pre-line' }}>{all}</span>} multiline w={320}>
      <Group gap={4}>
        {shown.map((item) => (
          <Badge key={item.key} variant="outline" color="gray" size="sm" radius="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {item.short}
          </Badge>
        ))}
        {rest > 0 ? (
          <Text size="xs" c="dimmed">
            +{rest}
          </Text>
        ) : null}
      </Group>
    </Tooltip>
  );
}
