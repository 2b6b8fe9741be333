import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { RiskMatrix } from '../risk-operations';
import { isAboveThreshold, maxScore, riskLevel, riskScore } from '../risk-scoring';
import { RISK_LEVEL_CELL } from '../risk-words';
import { RiskLevelBadge } from './risk-badges';

interface ScorePreviewProps {
  /** Accessible name of the preview: "Inherent score", "Residual score". */
  label: string;
  likelihood: number | null;
  impact: number | null;
  matrix: RiskMatrix;
  /** What to say while nothing is chosen. */
  empty: string;
}

/** The score as you choose likelihood and impact: number, level, and where it stands against the threshold. */
export function ScorePreview({ label, likelihood, impact, matrix, empty }: ScorePreviewProps) {
  if (!likelihood || !impact) {
    return (
      <Paper withBorder p="sm" bg="gray.0" role="status" aria-label={label} h="100%">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {label}
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {empty}
        </Text>
      </Paper>
    );
  }
  const score = riskScore(likelihood, impact);
  const level = riskLevel(score, matrix);
  const above = isAboveThreshold(score, matrix);
  return (
    <Paper withBorder p="sm" role="status" aria-label={label} aria-live="polite" h="100%" style={{ borderLeft: `5px solid ${RISK_LEVEL_CELL[level].border}` }}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Group gap="xs" align="baseline" mt={2} wrap="nowrap">
        <Text fz={28} fw={700} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="score">
          {score}
        </Text>
        <Text size="sm" c="dimmed">
          of {maxScore(matrix)}
        </Text>
        <RiskLevelBadge level={level} size="md" />
      </Group>
      <Stack gap={0} mt={6}>
        {above ? (
          <Group gap={4} wrap="nowrap">
            <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden />
            <Text size="xs" c="orange.9" fw={600}>
              Above the acceptance threshold ({matrix.acceptanceThreshold})
            </Text>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap">
            <IconCircleCheck size={14} color="var(--mantine-color-teal-8)" aria-hidden />
            <Text size="xs" c="teal.9">
              Within the acceptance threshold ({matrix.acceptanceThreshold})
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
