import { Badge, Button, CloseButton, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMemberOptions } from '../../../../organization/member-options';
import { useViewer } from '../../../../session/require-viewer';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, DOCUMENT_STATUSES, DOCUMENT_STATUS_LABELS, type DocumentKind, type DocumentStatus } from '../../document-words';
import { isDocumentFiltered, type DocumentUrlFilter } from './register-url';

interface DocumentFiltersProps {
  value: DocumentUrlFilter;
  onChange(next: Partial<DocumentUrlFilter>): void;
  onClear(): void;
  /** Those who read published documents only have no use for a status filter. */
  withStatus: boolean;
  /** Employees: no owner or review filters, only what they need to find a policy. */
  simple?: boolean;
}

const KIND_OPTIONS = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }));
const STATUS_OPTIONS = DOCUMENT_STATUSES.map((status) => ({ value: status, label: DOCUMENT_STATUS_LABELS[status] }));

export function DocumentFilters({ value, onChange, onClear, withStatus, simple = false }: DocumentFiltersProps) {
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
        placeholder="Words in the title or text"
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
      <Select label="Kind" placeholder="Any kind" data={KIND_OPTIONS} value={value.kind || null} onChange={(next) => onChange({ kind: (next ?? '') as DocumentKind | '' })} clearable w={{ base: '100%', xs: 160 }} />
      {withStatus ? (
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={value.status || null}
          onChange={(next) => onChange({ status: (next ?? '') as DocumentStatus | '' })}
          clearable
          w={{ base: '100%', xs: 160 }}
        />
      ) : null}
      {simple ? null : (
        <>
          <Select
            label="Owned by"
            placeholder={loading ? 'Loading people…' : 'Anyone'}
            data={people}
            value={value.owner || null}
            onChange={(next) => onChange({ owner: next ?? '' })}
            searchable
            clearable
            nothingFoundMessage="No member by that name"
            w={{ base: '100%', xs: 190 }}
          />
          <Switch label="Review overdue only" checked={value.reviewOverdue} onChange={(event) => onChange({ reviewOverdue: event.currentTarget.checked })} mb={8} color="red" />
        </>
      )}
      {value.control ? (
        <Badge size="lg" variant="light" color="indigo" mb={4} rightSection={<CloseButton size="xs" variant="transparent" aria-label="Stop filtering by this control" onClick={() => onChange({ control: '' })} />}>
          Addresses {value.control}
        </Badge>
      ) : null}
      {value.mandatory ? (
        <Badge
          size="lg"
          variant="light"
          color="indigo"
          mb={4}
          rightSection={<CloseButton size="xs" variant="transparent" aria-label="Stop filtering by this mandatory document" onClick={() => onChange({ mandatory: '' })} />}
        >
          Tagged {value.mandatory}
        </Badge>
      ) : null}
      {isDocumentFiltered(value) ? (
        <Button variant="subtle" color="gray" size="sm" mb={2} onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
