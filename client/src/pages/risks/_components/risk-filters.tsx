import { Badge, Button, CloseButton, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { RiskMatrix } from '../risk-operations';
import { isRiskFiltered, type RiskUrlFilter } from '../risk-url-filter';
import { RISK_LEVELS, RISK_LEVEL_LABELS, RISK_TREATMENTS, TREATMENT_LABELS, type RiskLevel, type RiskTreatment } from '../risk-words';

interface RiskFiltersProps {
  value: RiskUrlFilter;
  matrix: RiskMatrix | null;
  onChange(next: Partial<RiskUrlFilter>): void;
  onClear(): void;
}

const LEVEL_OPTIONS = RISK_LEVELS.map((level) => ({ value: level, label: RISK_LEVEL_LABELS[level] }));
const TREATMENT_OPTIONS = RISK_TREATMENTS.map((treatment) => ({ value: treatment, label: TREATMENT_LABELS[treatment] }));

export function RiskFilters({ value, matrix, onChange, onClear }: RiskFiltersProps) {
  const viewer = useViewer();
  const { options, loading } = useMemberOptions();
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  const commitSearch = useDebouncedCallback((next: string) => onChange({ search: next }), 300);
  const people = [
    ...options.filter((o) => o.value === viewer.id).map((o) => ({ value: o.value, label: `Me (${o.label})` })),
    ...options.filter((o) => o.value !== viewer.id).map((o) => ({ value: o.value, label: o.label })),
  ];
  const cell = value.cell;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Words in the title or threat"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitSearch.flush();
        }}
        w={{ base: '100%', xs: 220 }}
      />
      <MultiSelect
        label="Levels"
        placeholder={value.level.length ? undefined : cell?.map === 'inherent' ? 'Set by the chosen cell' : 'Any inherent level'}
        data={LEVEL_OPTIONS}
        value={value.level}
        // A level replaces a chosen inherent cell (the cell already fixes the level).
        onChange={(next) => onChange({ level: next as RiskLevel[], cell: cell?.map === 'inherent' ? null : cell })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      <MultiSelect
        label="Treatments"
        placeholder={value.treatment.length ? undefined : 'Any treatment'}
        data={TREATMENT_OPTIONS}
        value={value.treatment}
        onChange={(next) => onChange({ treatment: next as RiskTreatment[] })}
        clearable
        w={{ base: '100%', xs: 200 }}
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
        w={{ base: '100%', xs: 180 }}
      />
      <Switch label="Above threshold only" checked={value.aboveThreshold} onChange={(event) => onChange({ aboveThreshold: event.currentTarget.checked })} mb={8} color="orange" />
      {cell && matrix ? (
        <Badge
          size="lg"
          variant="light"
          color="indigo"
          mb={4}
          rightSection={<CloseButton size="xs" variant="transparent" aria-label="Stop filtering by this cell" onClick={() => onChange({ cell: null })} />}
        >
          {cell.map === 'inherent' ? 'Inherent' : 'Residual'}: {matrix.likelihoodLabels[cell.likelihood - 1] ?? cell.likelihood} × {matrix.impactLabels[cell.impact - 1] ?? cell.impact}
        </Badge>
      ) : null}
      {value.control ? (
        <Badge
          size="lg"
          variant="light"
          color="indigo"
          mb={4}
          rightSection={<CloseButton size="xs" variant="transparent" aria-label="Stop filtering by this control" onClick={() => onChange({ control: '' })} />}
        >
          Treated by {value.control}
        </Badge>
      ) : null}
      {isRiskFiltered(value) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
