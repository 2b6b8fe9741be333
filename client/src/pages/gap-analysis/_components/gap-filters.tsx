import { Button, Group, MultiSelect, Select, Switch } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { ControlTheme, GapStatus } from '../gap-operations';
import { UNOWNED, isFiltered, type GapUrlFilter, type GapView } from '../gap-url-filter';
import { CONTROL_THEMES, GAP_STATUSES, GAP_STATUS_LABELS, THEME_LABELS } from '../gap-words';

interface GapFiltersProps {
  value: GapUrlFilter;
  view: GapView;
  onChange(next: Partial<GapUrlFilter>): void;
  onClear(): void;
}

const STATUS_OPTIONS = GAP_STATUSES.map((status) => ({ value: status, label: GAP_STATUS_LABELS[status] }));
const THEME_OPTIONS = CONTROL_THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }));

/**
 * Labels differ from the panel's fields on purpose ("Statuses", "Owned by"): a field labelled
 * "Status" or "Owner" is the assessment's own.
 */
export function GapFilters({ value, view, onChange, onClear }: GapFiltersProps) {
  const viewer = useViewer();
  const { options, loading } = useMemberOptions();
  const people = [
    ...options.filter((o) => o.value === viewer.id).map((o) => ({ value: o.value, label: `Me (${o.label})` })),
    { value: UNOWNED, label: 'Nobody yet' },
    ...options.filter((o) => o.value !== viewer.id).map((o) => ({ value: o.value, label: o.label })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label="Statuses"
        placeholder={value.status.length ? undefined : 'Any status'}
        data={STATUS_OPTIONS}
        value={value.status}
        onChange={(next) => onChange({ status: next as GapStatus[] })}
        clearable
        w={{ base: '100%', xs: 300 }}
      />
      {view === 'controls' ? (
        <Select
          label="Theme"
          placeholder="All themes"
          data={THEME_OPTIONS}
          value={value.theme || null}
          onChange={(next) => onChange({ theme: (next ?? '') as ControlTheme | '' })}
          clearable
          w={{ base: '100%', xs: 210 }}
        />
      ) : null}
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
      <Switch
        label="Gaps only"
        description="Not started or partial"
        checked={value.gapsOnly}
        onChange={(event) => onChange({ gapsOnly: event.currentTarget.checked })}
        mb={2}
      />
      {isFiltered(value, view) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
