import { Anchor, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { PersonLabel } from '../../../components/person-avatar';
import { RelativeTime } from '../../../components/relative-time';
import { OPEN_TASK_STATUSES } from '../../tasks/task-words';
import type { CatalogEntry, GapGroupScore, GapItemRow } from '../gap-operations';
import { isGap, scoreColor } from '../gap-words';
import { GapStatusBadge, MaturityMeter } from './gap-badges';

export interface GapTableGroup extends GapGroupScore {
  items: GapItemRow[];
}

interface GapTableProps {
  groups: GapTableGroup[];
  catalog: Map<string, CatalogEntry>;
  selectedRef: string | null;
  onOpen(ref: string): void;
  /** The refs chosen for planning; null when the viewer may not plan. */
  selection: ReadonlySet<string> | null;
  onSelect(refs: string[], selected: boolean): void;
}

/** One compact table for a view, its rows grouped (by clause, or by Annex A theme) under their score. */
export function GapTable({ groups, catalog, selectedRef, onOpen, selection, onSelect }: GapTableProps) {
  const selectable = selection !== null;
  const allGaps = groups.flatMap((g) => g.items.filter((i) => isGap(i.status)).map((i) => i.ref));
  const chosen = allGaps.filter((ref) => selection?.has(ref)).length;
  const columns = selectable ? 8 : 7;
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {selectable ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select every gap shown"
                  checked={allGaps.length > 0 && chosen === allGaps.length}
                  indeterminate={chosen > 0 && chosen < allGaps.length}
                  disabled={allGaps.length === 0}
                  onChange={(event) => onSelect(allGaps, event.currentTarget.checked)}
                />
              </Table.Th>
            ) : null}
            <Table.Th w={78}>Ref</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th w={136}>Status</Table.Th>
            <Table.Th w={96}>Maturity</Table.Th>
            <Table.Th w={176}>Owner</Table.Th>
            <Table.Th w={124}>Last assessed</Table.Th>
            <Table.Th w={70}>Tasks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <GroupRows key={group.key} group={group} columns={columns} {...{ catalog, selectedRef, onOpen, selection, onSelect }} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function GroupRows({ group, columns, catalog, selectedRef, onOpen, selection, onSelect }: Omit<GapTableProps, 'groups'> & { group: GapTableGroup; columns: number }) {
  const gaps = group.items.filter((i) => isGap(i.status)).map((i) => i.ref);
  const chosen = gaps.filter((ref) => selection?.has(ref)).length;
  return (
    <>
      <Table.Tr bg="gray.0">
        {selection ? (
          <Table.Td>
            {gaps.length ? (
              <Checkbox
                aria-label={`Select the gaps of ${group.title}`}
                checked={chosen === gaps.length}
                indeterminate={chosen > 0 && chosen < gaps.length}
                onChange={(event) => onSelect(gaps, event.currentTarget.checked)}
              />
            ) : null}
          </Table.Td>
        ) : null}
        <Table.Td colSpan={selection ? columns - 1 : columns}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={650}>
              {group.title}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {group.implemented} of {group.total} implemented ·{' '}
              <Text span size="xs" fw={700} c={scoreColor(group.score) === 'red' ? 'red.8' : 'dark.6'}>
                {group.score === null ? 'not applicable' : `${group.score}%`}
              </Text>
              {group.items.length < group.total ? ` · ${group.items.length} shown` : ''}
            </Text>
          </Group>
        </Table.Td>
      </Table.Tr>
      {group.items.map((item) => (
        <GapRow
          key={item.id}
          item={item}
          entry={catalog.get(item.ref)}
          parent={catalog.get(catalog.get(item.ref)?.parent ?? '')}
          selected={item.ref === selectedRef}
          onOpen={onOpen}
          checked={selection ? selection.has(item.ref) : null}
          onCheck={(checked) => onSelect([item.ref], checked)}
        />
      ))}
    </>
  );
}

interface GapRowProps {
  item: GapItemRow;
  entry: CatalogEntry | undefined;
  parent: CatalogEntry | undefined;
  selected: boolean;
  onOpen(ref: string): void;
  /** null: no selection column. */
  checked: boolean | null;
  onCheck(checked: boolean): void;
}

function GapRow({ item, entry, parent, selected, onOpen, checked, onCheck }: GapRowProps) {
  const flash = useLiveHighlightClass(item.id);
  const openTasks = item.tasks.filter((t) => OPEN_TASK_STATUSES.includes(t.status)).length;
  return (
    <Table.Tr className={flash} data-ref={item.ref} bg={selected ? 'indigo.0' : undefined} onClick={() => onOpen(item.ref)} style={{ cursor: 'pointer' }}>
      {checked !== null ? (
        <Table.Td onClick={(event) => event.stopPropagation()}>
          {isGap(item.status) ? <Checkbox aria-label={`Select ${item.ref} ${item.title}`} checked={checked} onChange={(event) => onCheck(event.currentTarget.checked)} /> : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {item.ref}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={entry?.summary ?? item.title} multiline w={380} position="bottom-start" openDelay={400}>
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={500}
            c="dark.8"
            ta="left"
            lineClamp={1}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(item.ref);
            }}
          >
            {parent ? (
              <Text span size="sm" c="dimmed">
                {parent.title} ›{' '}
              </Text>
            ) : null}
            {item.title}
          </Anchor>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <GapStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        <MaturityMeter maturity={item.maturity} />
      </Table.Td>
      <Table.Td>
        <PersonLabel person={item.owner} none="Nobody yet" />
      </Table.Td>
      <Table.Td>{item.lastAssessedAt ? <RelativeTime value={item.lastAssessedAt} c="dimmed" style={{ whiteSpace: 'nowrap' }} /> : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
      <Table.Td>
        {item.tasks.length ? (
          <Tooltip label={`${item.tasks.length} linked ${item.tasks.length === 1 ? 'task' : 'tasks'}, ${openTasks} open`}>
            <Group gap={4} wrap="nowrap" c={openTasks ? 'indigo.8' : 'dimmed'}>
              <IconChecklist size={15} aria-hidden />
              <Text size="sm" c="inherit">
                {item.tasks.length}
              </Text>
            </Group>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed" aria-label="No linked tasks">
            –
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
