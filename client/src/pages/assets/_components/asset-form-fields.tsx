import { Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import dayjs from 'dayjs';
import { useId, type ReactNode } from 'react';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { AssetFieldsInput, AssetRow, AssetType } from '../asset-operations';
import { ASSET_TYPES, ASSET_TYPE_DESCRIPTIONS, ASSET_TYPE_LABELS, CIA_LABELS, CIA_PROPERTIES, CIA_VALUES, type CiaKey } from '../asset-words';

export interface AssetFormValues {
  name: string;
  type: AssetType | '';
  /** '' when nobody owns it. */
  ownerId: string;
  /** '1' low, '2' medium, '3' high. */
  confidentiality: string;
  integrity: string;
  availability: string;
  location: string;
  /** YYYY-MM-DD or ''. */
  reviewDate: string;
  description: string;
}

export type AssetField = keyof AssetFormValues;
export const ASSET_FIELDS: readonly AssetField[] = ['name', 'type', 'ownerId', 'confidentiality', 'integrity', 'availability', 'location', 'reviewDate', 'description'];
export const ASSET_FIELD_LABELS: Record<AssetField, string> = {
  name: 'Name',
  type: 'Type',
  ownerId: 'Owner',
  confidentiality: 'Confidentiality',
  integrity: 'Integrity',
  availability: 'Availability',
  location: 'Location',
  reviewDate: 'Review date',
  description: 'Description',
};

export function assetFormValues(asset: AssetRow): AssetFormValues {
  return {
    name: asset.name,
    type: asset.type,
    ownerId: asset.owner?.id ?? '',
    confidentiality: String(asset.confidentiality),
    integrity: String(asset.integrity),
    availability: String(asset.availability),
    location: asset.location,
    reviewDate: asset.reviewDate ?? '',
    description: asset.description,
  };
}

export function newAssetValues(ownerId: string): AssetFormValues {
  return {
    name: '',
    type: '',
    ownerId,
    confidentiality: '2',
    integrity: '2',
    availability: '2',
    location: '',
    // Reviewed yearly unless said otherwise.
    reviewDate: dayjs().add(1, 'year').format('YYYY-MM-DD'),
    description: '',
  };
}

/** The API's input for the fields that differ from `base` (all of them when there is none). */
export function assetInput(values: AssetFormValues, base: AssetFormValues | null): AssetFieldsInput {
  const input: AssetFieldsInput = {};
  const changed = (field: AssetField) => !base || values[field] !== base[field];
  if (changed('name')) input.name = values.name.trim();
  if (changed('type') && values.type) input.type = values.type;
  if (changed('ownerId')) input.ownerId = values.ownerId || null;
  for (const key of ['confidentiality', 'integrity', 'availability'] as const) if (changed(key)) input[key] = Number(values[key]);
  if (changed('location')) input.location = values.location.trim();
  if (changed('reviewDate')) input.reviewDate = values.reviewDate || null;
  if (changed('description')) input.description = values.description;
  return input;
}

export const assetValidation = {
  name: (value: string) => (value.trim() ? null : 'Give the asset a name.'),
  type: (value: string) => (value ? null : 'Choose what kind of asset it is.'),
};

const TYPE_OPTIONS = ASSET_TYPES.map((type) => ({ value: type, label: ASSET_TYPE_LABELS[type] }));
const CIA_DATA = CIA_VALUES.map((value) => ({ value: String(value), label: `${value} · ${CIA_LABELS[value]}` }));

interface AssetFormFieldsProps {
  form: UseFormReturnType<AssetFormValues>;
  /** Admins give an asset to anyone; contributors register and keep the assets they own. */
  canChooseOwner: boolean;
  /** The owner shown when it cannot be chosen. */
  fixedOwner: { id: string; name: string } | null;
  /** A note under a field (e.g. someone else's change after a reload). */
  hint?(field: AssetField): ReactNode;
}

/** The asset's fields, shared by "New asset" and the side panel. */
export function AssetFormFields({ form, canChooseOwner, fixedOwner, hint = () => null }: AssetFormFieldsProps) {
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));
  const type = form.values.type;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Name" required withAsterisk={false} placeholder="e.g. Customer database" {...form.getInputProps('name')} description={hint('name')} />
        <Select
          label="Type"
          required
          withAsterisk={false}
          placeholder="What kind of asset"
          data={TYPE_OPTIONS}
          allowDeselect={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('type')}
          value={form.values.type || null}
          onChange={(value) => form.setFieldValue('type', (value ?? '') as AssetType | '')}
          description={hint('type') ?? (type ? ASSET_TYPE_DESCRIPTIONS[type] : null)}
        />
        {canChooseOwner ? (
          <Select
            label="Owner"
            placeholder="Nobody yet"
            data={memberOptions}
            searchable
            clearable
            nothingFoundMessage="No member by that name"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('ownerId')}
            value={form.values.ownerId || null}
            onChange={(value) => form.setFieldValue('ownerId', value ?? '')}
            description={hint('ownerId') ?? 'Who answers for it and keeps this entry right.'}
          />
        ) : (
          <TextInput
            label="Owner"
            readOnly
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={fixedOwner ? `${fixedOwner.name}${fixedOwner.id === viewer.id ? ' (you)' : ''}` : 'Nobody yet'}
            description="You register and look after the assets you own; ISMS managers can hand them to others."
          />
        )}
        <TextInput label="Location" placeholder="Where it lives: a system, a building, a region" {...form.getInputProps('location')} description={hint('location')} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Value to protect
        </Text>
        <Text size="xs" c="dimmed">
          1 low, 2 medium, 3 high. The highest of the three is the asset’s criticality.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {CIA_PROPERTIES.map((property) => (
          <CiaField key={property.key} form={form} property={property.key} label={property.label} question={property.question} hint={hint(property.key)} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Review date" type="date" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.getInputProps('reviewDate')} description={hint('reviewDate') ?? 'When the owner next checks this entry.'} />
      </SimpleGrid>
      <Textarea label="Description" autosize minRows={2} maxRows={10} placeholder="What it is and what depends on it." {...form.getInputProps('description')} description={hint('description')} />
    </Stack>
  );
}

function CiaField({ form, property, label, question, hint }: { form: UseFormReturnType<AssetFormValues>; property: CiaKey; label: string; question: string; hint: ReactNode }) {
  const labelId = useId();
  const value = form.values[property];
  return (
    <Input.Wrapper label={label} labelElement="div" labelProps={{ id: labelId }} description={hint ?? question} error={form.errors[property]}>
      <Group mt={6}>
        <SegmentedControl
          aria-labelledby={labelId}
          data={CIA_DATA}
          value={value}
          onChange={(next) => form.setFieldValue(property, next)}
          color={value === '3' ? 'red' : value === '2' ? 'yellow.7' : 'gray'}
          autoContrast
          size="xs"
          fullWidth
          style={{ flex: 1 }}
        />
      </Group>
    </Input.Wrapper>
  );
}
