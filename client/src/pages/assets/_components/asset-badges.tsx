import { Badge, Group, Text, Tooltip, type BadgeProps } from '@mantine/core';
import dayjs from 'dayjs';
import type { AssetRow, AssetType } from '../asset-operations';
import { ASSET_TYPE_COLORS, ASSET_TYPE_ICONS, ASSET_TYPE_LABELS, CIA_COLORS, CIA_LABELS, CIA_PROPERTIES } from '../asset-words';

export function AssetTypeBadge({ type, ...props }: { type: AssetType } & BadgeProps) {
  const TypeIcon = ASSET_TYPE_ICONS[type];
  return (
    <Badge color={ASSET_TYPE_COLORS[type]} leftSection={<TypeIcon size={12} aria-hidden />} {...props}>
      {ASSET_TYPE_LABELS[type]}
    </Badge>
  );
}

/** C, I and A as three small chips: the letter and the value, its word on hover and for screen readers. */
export function CiaChips({ asset }: { asset: Pick<AssetRow, 'confidentiality' | 'integrity' | 'availability'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      {CIA_PROPERTIES.map((property) => {
        const value = asset[property.key];
        const words = `${property.label}: ${value} (${CIA_LABELS[value]?.toLowerCase()})`;
        return (
          <Tooltip key={property.key} label={words}>
            <Badge size="sm" color={CIA_COLORS[value]} variant="light" aria-label={words} w={38} px={0} styles={{ label: { overflow: 'visible' } }}>
              {property.letter}
              {value}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Criticality (the highest of C, I and A) in words. */
export function CriticalityBadge({ value, prefix = '', ...props }: { value: number; prefix?: string } & BadgeProps) {
  const word = CIA_LABELS[value] ?? String(value);
  return (
    <Badge color={CIA_COLORS[value]} variant={value === 3 ? 'filled' : 'light'} {...props}>
      {prefix ? `${prefix}${word.toLowerCase()}` : word}
    </Badge>
  );
}

/** When the asset is next reviewed: relative, the date on hover, overdue in red. */
export function ReviewDate({ value, size = 'sm' }: { value: string | null; size?: 'xs' | 'sm' }) {
  if (!value) {
    return (
      <Text size={size} c="dimmed">
        Not set
      </Text>
    );
  }
  const days = dayjs(value).startOf('day').diff(dayjs().startOf('day'), 'day');
  const date = dayjs(value).format('D MMM YYYY');
  const overdue = days < 0;
  const words = overdue
    ? `Overdue by ${describeDays(-days)}`
    : days === 0
      ? 'Due today'
      : days <= 60
        ? `In ${describeDays(days)}`
        : date;
  return (
    <Tooltip label={`Review ${overdue ? 'was due' : 'due'} ${dayjs(value).format('dddd D MMMM YYYY')}`}>
      <Text component="time" dateTime={value} size={size} c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {words}
      </Text>
    </Tooltip>
  );
}

function describeDays(days: number): string {
  if (days < 60) return `${days} ${days === 1 ? 'day' : 'days'}`;
  const months = Math.round(days / 30);
  return `${months} months`;
}
