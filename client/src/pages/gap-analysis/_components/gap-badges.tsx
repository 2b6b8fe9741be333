import { Badge, Box, Group, Text, Tooltip, type BadgeProps } from '@mantine/core';
import type { GapStatus } from '../gap-operations';
import { GAP_STATUS_COLORS, GAP_STATUS_DESCRIPTIONS, GAP_STATUS_LABELS, MATURITY_DESCRIPTIONS, MATURITY_LABELS, MATURITY_LEVELS } from '../gap-words';

/** Status as a coloured chip with words (never colour alone). */
export function GapStatusBadge({ status, ...props }: { status: GapStatus } & BadgeProps) {
  return (
    <Badge color={GAP_STATUS_COLORS[status]} variant={status === 'NOT_STARTED' ? 'outline' : 'light'} title={GAP_STATUS_DESCRIPTIONS[status]} {...props}>
      {GAP_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Maturity 0–5 as five small steps and its number; the level's name on hover. */
export function MaturityMeter({ maturity }: { maturity: number | null }) {
  if (maturity === null) {
    return (
      <Text size="sm" c="dimmed">
        Not rated
      </Text>
    );
  }
  const label = `Maturity ${maturity} of 5: ${MATURITY_LABELS[maturity]}`;
  return (
    <Tooltip label={`${maturity} · ${MATURITY_LABELS[maturity]}: ${MATURITY_DESCRIPTIONS[maturity]}`} multiline w={240}>
      <Group gap={6} wrap="nowrap" aria-label={label} role="img">
        <Group gap={2} wrap="nowrap" aria-hidden>
          {MATURITY_LEVELS.slice(1).map((level) => (
            <Box
              key={level}
              w={7}
              h={12}
              style={{
                borderRadius: 2,
                backgroundColor: level <= maturity ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-3)',
              }}
            />
          ))}
        </Group>
        <Text size="sm" aria-hidden>
          {maturity}
        </Text>
      </Group>
    </Tooltip>
  );
}
