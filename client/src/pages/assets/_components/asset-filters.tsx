import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { AssetType } from '../asset-operations';
import { isAssetFiltered, type AssetUrlFilter } from '../asset-url-filter';
import { ASSET_TYPES, ASSET_TYPE_LABELS } from '../asset-words';

const TYPE_OPTIONS = ASSET_TYPES.map((type) => ({ value: type, label: ASSET_TYPE_LABELS[type] }));

interface AssetFiltersProps {
  value: AssetUrlFilter;
  onChange(next: Partial<AssetUrlFilter>): void;
  onClear(): void;
}

/** Labels differ from the form's fields on purpose ("Types", "Owned by"): "Type" and "Owner" are the asset's own. */
export function AssetFilters({ value, onChange, onClear }: AssetFiltersProps) {
  const viewer = useViewer();
  const { options, loading } = useMemberOptions();
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  const commitSearch = useDebouncedCallback((next: string) => onChange({ search: next }), 300);
  const people = [
    ...options.filter((o) => o.value === viewer.id).map((o) => ({ value: o.value, label: `Me (${o.label})` })),
    ...options.filter((o) => o.value !== viewer.id).map((o) => ({ value: o.value, label: o.label })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Words in the name or description"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitSearch.flush();
        }}
        w={{ base: '100%', xs: 280 }}
      />
      <MultiSelect
        label="Types"
        placeholder={value.type.length ? undefined : 'Any type'}
        data={TYPE_OPTIONS}
        value={value.type}
        onChange={(next) => onChange({ type: next as AssetType[] })}
        clearable
        w={{ base: '100%', xs: 300 }}
      />
      <Select
        label="Owned by"
        placeholder={loading ? 'Loading people…' : 'Anyone'}
        data={people}
        value={value.owner || null}
        onChange={(next) => onChange({ owner: next ?? '' })}
        searchable
        clearable
        nothingFoundMessage="No member by that name"
        w={{ base: '100%', xs: 220 }}
      />
      {isAssetFiltered(value) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
