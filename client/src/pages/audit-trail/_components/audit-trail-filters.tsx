import { useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ENTITY_TYPES } from '../audit-event-words';
import { AUDIT_TRAIL_PEOPLE_QUERY } from '../audit-trail-operations';

/** The filter as it stands in the URL: dates are plain YYYY-MM-DD days. */
export interface AuditTrailUrlFilter {
  actorId: string;
  action: string;
  entityType: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['actorId', 'action', 'entityType', 'from', 'to'] as const;

interface AuditTrailFiltersProps {
  value: AuditTrailUrlFilter;
  onChange(next: Partial<AuditTrailUrlFilter>): void;
  onClear(): void;
  /** A note under the filters, in place of the default one. */
  hint?: string | null;
}

export function AuditTrailFilters({ value, onChange, onClear, hint }: AuditTrailFiltersProps) {
  const { organization } = useCurrentOrganization();
  const { data: people, loading: peopleLoading } = useQuery(AUDIT_TRAIL_PEOPLE_QUERY, { variables: { id: organization.id } });
  const personOptions = (people?.organization?.members ?? [])
    .map((m) => ({ value: m.user.id, label: m.user.name }))
    .sort((a, b) => a.label.localeCompare(b.label));

  // The action is typed: keep what is typed locally and put it in the URL once typing pauses.
  const [action, setAction] = useState(value.action);
  useEffect(() => setAction(value.action), [value.action]);
  const commitAction = useDebouncedCallback((next: string) => onChange({ action: next.trim() }), 400);

  const active = FILTER_KEYS.some((key) => value[key] !== '');

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" verticalSpacing="sm">
        <Select
          label="Person"
          placeholder={peopleLoading ? 'Loading people…' : 'Anyone'}
          data={personOptions}
          value={value.actorId || null}
          onChange={(next) => onChange({ actorId: next ?? '' })}
          searchable
          clearable
          nothingFoundMessage="No one by that name"
        />
        <TextInput
          label="Action"
          placeholder="e.g. member. or member.roleChanged"
          value={action}
          onChange={(event) => {
            setAction(event.currentTarget.value);
            commitAction(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitAction.flush();
          }}
        />
        <Select
          label="Entity type"
          placeholder="Any"
          data={ENTITY_TYPES}
          value={value.entityType || null}
          onChange={(next) => onChange({ entityType: next ?? '' })}
          clearable
        />
        <TextInput label="From" type="date" value={value.from} max={value.to || undefined} onChange={(event) => onChange({ from: event.currentTarget.value })} />
        <TextInput label="To" type="date" value={value.to} min={value.from || undefined} onChange={(event) => onChange({ to: event.currentTarget.value })} />
      </SimpleGrid>
      <Group justify="space-between" gap="xs" mih={30}>
        <Text size="xs" c="dimmed">
          {hint ?? 'Filters are kept in the address: bookmark or share the link to come back to this view.'}
        </Text>
        {active ? (
          <Button variant="subtle" color="gray" size="xs" onClick={onClear} leftSection={<IconFilterOff size={14} aria-hidden />}>
            Clear filters
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
