import { Button, Card, Center, Group, SegmentedControl, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { SoaEntryRow } from '../soa-operations';
import { isIncomplete, isSoaFiltered, matchesSoaFilter, type ApplicableFilter, type SoaUrlFilter } from '../soa-url-filter';
import { CONTROL_THEMES, THEME_LABELS, type ControlTheme } from '../soa-words';
import { SoaEntryRowEditor } from './soa-entry-row';

interface SoaEditorProps {
  entries: SoaEntryRow[];
  filter: SoaUrlFilter;
  canEdit: boolean;
  onFilter(next: Partial<SoaUrlFilter>): void;
  onClear(): void;
  /** Opens a control's panel (details and evidence); keep it stable, rows are memoised. */
  onOpenControl(controlRef: string): void;
}

/** The 93 Annex A controls by theme, each decided, justified and followed in place. */
export function SoaEditor({ entries, filter, canEdit, onFilter, onClear, onOpenControl }: SoaEditorProps) {
  // Rows changed here stay in view until the filter changes, even once they no longer match it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const filterKey = JSON.stringify(filter);
  useEffect(() => setTouched(new Set()), [filterKey]);
  const onTouched = useCallback((ref: string) => setTouched((current) => (current.has(ref) ? current : new Set(current).add(ref))), []);

  const shown = useMemo(() => entries.filter((entry) => touched.has(entry.controlRef) || matchesSoaFilter(entry, filter)), [entries, filter, touched]);
  const groups = CONTROL_THEMES.map((theme) => ({
    theme,
    all: entries.filter((e) => e.control.theme === theme),
    rows: shown.filter((e) => e.control.theme === theme),
  })).filter((group) => group.rows.length > 0);

  return (
    <Stack gap="md">
      <Card py="md">
        <SoaFilters filter={filter} onFilter={onFilter} onClear={onClear} />
      </Card>
      <Card p={0} id="soa-controls">
        {shown.length === 0 ? (
          <Center p="xl">
            <Stack align="center" gap={4} ta="center">
              <Text fw={600}>{filter.incomplete && !filter.theme && !filter.applicable && !filter.search ? 'Nothing is incomplete' : 'No control matches these filters'}</Text>
              <Text size="sm" c="dimmed">
                {filter.incomplete ? 'Every control in view is decided and justified.' : 'Clear a filter to see more.'}
              </Text>
              <Button variant="default" size="xs" mt="xs" onClick={onClear}>
                Show all controls
              </Button>
            </Stack>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={1080}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={270}>Control</Table.Th>
                  <Table.Th w={190}>Applicable</Table.Th>
                  <Table.Th>Justification</Table.Th>
                  <Table.Th w={180}>Implementation</Table.Th>
                  <Table.Th w={70}>Risks</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((group) => (
                  <Fragment key={group.theme}>
                    <ThemeHeader theme={group.theme} entries={group.all} shown={group.rows.length} />
                    {group.rows.map((entry) => (
                      <SoaEntryRowEditor key={entry.id} entry={entry} canEdit={canEdit} onTouched={onTouched} onOpen={onOpenControl} />
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Text size="sm" c="dimmed">
        Showing {shown.length} of {entries.length} controls
      </Text>
    </Stack>
  );
}

function ThemeHeader({ theme, entries, shown }: { theme: ControlTheme; entries: SoaEntryRow[]; shown: number }) {
  const applicable = entries.filter((e) => e.applicable === true).length;
  const excluded = entries.filter((e) => e.applicable === false).length;
  const incomplete = entries.filter(isIncomplete).length;
  return (
    <Table.Tr bg="gray.0">
      <Table.Td colSpan={5} py={8}>
        <Group justify="space-between">
          <Text fw={650} size="sm">
            {THEME_LABELS[theme]} controls
            <Text span c="dimmed" size="sm" fw={400}>
              {' '}
              · {entries.length} controls{shown < entries.length ? `, ${shown} shown` : ''}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {applicable} applicable · {excluded} excluded ·{' '}
            <Text span size="xs" c={incomplete ? 'orange.9' : 'dimmed'} fw={incomplete ? 600 : undefined}>
              {incomplete} incomplete
            </Text>
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function SoaFilters({ filter, onFilter, onClear }: { filter: SoaUrlFilter; onFilter(next: Partial<SoaUrlFilter>): void; onClear(): void }) {
  const [search, setSearch] = useState(filter.search);
  useEffect(() => setSearch(filter.search), [filter.search]);
  const commitSearch = useDebouncedCallback((next: string) => onFilter({ search: next }), 250);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="A.8.8, “backup”, words in a justification"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        w={{ base: '100%', xs: 260 }}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="soa-theme-filter">
          Theme
        </Text>
        <SegmentedControl
          aria-labelledby="soa-theme-filter"
          value={filter.theme || 'all'}
          onChange={(value) => onFilter({ theme: value === 'all' ? '' : (value as ControlTheme) })}
          data={[{ value: 'all', label: 'All' }, ...CONTROL_THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }))]}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="soa-applicable-filter">
          Applicability
        </Text>
        <SegmentedControl
          aria-labelledby="soa-applicable-filter"
          value={filter.applicable || 'all'}
          onChange={(value) => onFilter({ applicable: value === 'all' ? '' : (value as ApplicableFilter) })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'yes', label: 'Applicable' },
            { value: 'no', label: 'Excluded' },
            { value: 'undecided', label: 'Undecided' },
          ]}
        />
      </Stack>
      <Switch label="Incomplete only" checked={filter.incomplete} onChange={(event) => onFilter({ incomplete: event.currentTarget.checked })} mb={8} color="orange" />
      {isSoaFiltered(filter) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
