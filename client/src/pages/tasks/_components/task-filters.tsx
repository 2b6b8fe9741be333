import { Button, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { TaskStatus } from '../task-fragments';
import { isFiltered, type TaskUrlFilter } from '../task-url-filter';
import { STATUS_OPTIONS } from './task-edit-form';

interface TaskFiltersProps {
  value: TaskUrlFilter;
  onChange(next: Partial<TaskUrlFilter>): void;
  onClear(): void;
}

export function TaskFilters({ value, onChange, onClear }: TaskFiltersProps) {
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
        placeholder="Words in the title"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitSearch.flush();
        }}
        w={{ base: '100%', xs: 240 }}
      />
      <MultiSelect
        label="Statuses"
        placeholder={value.status.length ? undefined : 'Any status'}
        data={STATUS_OPTIONS}
        value={value.status}
        onChange={(next) => onChange({ status: next as TaskStatus[] })}
        clearable
        w={{ base: '100%', xs: 300 }}
      />
      <Select
        label="Assigned to"
        placeholder={loading ? 'Loading people…' : 'Anyone'}
        data={people}
        value={value.assignee || null}
        onChange={(next) => onChange({ assignee: next ?? '' })}
        searchable
        clearable
        nothingFoundMessage="No member by that name"
        w={{ base: '100%', xs: 220 }}
      />
      <Switch label="Overdue only" checked={value.overdue} onChange={(event) => onChange({ overdue: event.currentTarget.checked })} mb={8} color="red" />
      {isFiltered(value) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
