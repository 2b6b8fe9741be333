import { Fragment } from 'react';
import { Box, Group, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import type { HeatMapCell, RiskMatrix } from '../risk-operations';
import { isAboveThreshold, riskLevel, riskScore } from '../risk-scoring';
import type { HeatCell } from '../risk-url-filter';
import { RISK_LEVEL_CELL, RISK_LEVEL_LABELS, RISK_LEVELS } from '../risk-words';

interface RiskHeatMapProps {
  map: HeatCell['map'];
  title: string;
  caption: string;
  matrix: RiskMatrix;
  cells: HeatMapCell[];
  selected: HeatCell | null;
  onSelect(cell: HeatCell | null): void;
  /** Colours and threshold only, without counts (the matrix settings preview). */
  preview?: boolean;
}

const THRESHOLD_LINE = '3px solid var(--mantine-color-dark-7)';

/**
 * Likelihood (up) × impact (right), each cell coloured by its level and showing how many risks
 * sit there. A heavy line runs along the acceptance threshold; choosing a cell filters the register.
 */
export function RiskHeatMap({ map, title, caption, matrix, cells, selected, onSelect, preview = false }: RiskHeatMapProps) {
  const rows = matrix.likelihoodLabels.length;
  const cols = matrix.impactLabels.length;
  const count = (l: number, i: number) => cells.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const above = cells.filter((c) => isAboveThreshold(riskScore(c.likelihood, c.impact), matrix)).reduce((sum, c) => sum + c.count, 0);
  const likelihoods = Array.from({ length: rows }, (_, k) => rows - k);
  const impacts = Array.from({ length: cols }, (_, k) => k + 1);

  return (
    <Stack gap="xs" style={{ minWidth: 0 }}>
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
        <div>
          <Title order={2} fz={16}>
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {caption}
          </Text>
        </div>
        {preview ? null : (
          <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
            <Text span fw={700} c={above ? 'orange.9' : 'teal.9'}>
              {above}
            </Text>{' '}
            of {total} above threshold
          </Text>
        )}
      </Group>
      <Box style={{ display: 'grid', gridTemplateColumns: `18px minmax(72px, 112px) repeat(${cols}, minmax(0, 1fr))`, gap: 0, alignItems: 'stretch' }} role="group" aria-label={`${title} heat map`}>
        <Box style={{ gridRow: `1 / span ${rows}`, display: 'flex', alignItems: 'center', justifyContent: 'center' }} aria-hidden>
          <Text size="xs" fw={600} c="dimmed" style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', letterSpacing: '0.04em' }}>
            LIKELIHOOD
          </Text>
        </Box>
        {likelihoods.map((l) => (
          <Fragment key={l}>
            <Box pr={6} style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', minHeight: 40 }}>
              <Text size="xs" ta="right" lh={1.15} lineClamp={2} title={`${l} · ${matrix.likelihoodLabels[l - 1]}`}>
                <Text span c="dimmed" size="xs">
                  {l}{' '}
                </Text>
                {matrix.likelihoodLabels[l - 1]}
              </Text>
            </Box>
            {impacts.map((i) => {
              const score = riskScore(l, i);
              const level = riskLevel(score, matrix);
              const colours = RISK_LEVEL_CELL[level];
              const n = count(l, i);
              const aboveHere = isAboveThreshold(score, matrix);
              const leftBelow = i > 1 && !isAboveThreshold(riskScore(l, i - 1), matrix);
              const underBelow = l > 1 && !isAboveThreshold(riskScore(l - 1, i), matrix);
              const isSelected = selected?.map === map && selected.likelihood === l && selected.impact === i;
              const label = `${matrix.likelihoodLabels[l - 1]} × ${matrix.impactLabels[i - 1]}: score ${score}, ${RISK_LEVEL_LABELS[level].toLowerCase()}${aboveHere ? ', over the threshold' : ''}; ${n} ${n === 1 ? 'risk' : 'risks'}`;
              return (
                <Tooltip key={i} label={n ? `${label}. Show them in the register.` : label} multiline w={260} openDelay={150} disabled={preview}>
                  <UnstyledButton
                    aria-label={label}
                    aria-pressed={isSelected}
                    disabled={preview || (n === 0 && !isSelected)}
                    onClick={() => onSelect(isSelected ? null : { map, likelihood: l, impact: i })}
                    style={{
                      minHeight: 40,
                      // Empty cells are paler; the threshold line keeps its full strength.
                      background: n === 0 && !preview ? `color-mix(in srgb, ${colours.bg} 45%, white)` : colours.bg,
                      color: colours.fg,
                      border: '1px solid var(--mantine-color-white)',
                      borderLeft: aboveHere && leftBelow ? THRESHOLD_LINE : '1px solid var(--mantine-color-white)',
                      borderBottom: aboveHere && underBelow ? THRESHOLD_LINE : '1px solid var(--mantine-color-white)',
                      outline: isSelected ? '3px solid var(--mantine-color-indigo-7)' : undefined,
                      outlineOffset: isSelected ? -3 : undefined,
                      cursor: n === 0 || preview ? 'default' : 'pointer',
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      position: 'relative',
                    }}
                  >
                    {preview ? (
                      <Text fz={12} fw={600} c="inherit" lh={1}>
                        {score}
                      </Text>
                    ) : (
                      <>
                        <Text fw={700} fz={n ? 18 : 12} c="inherit" lh={1}>
                          {n || ''}
                        </Text>
                        <Text fz={10} c="inherit" style={{ position: 'absolute', top: 2, right: 4, opacity: 0.75 }} aria-hidden>
                          {score}
                        </Text>
                      </>
                    )}
                  </UnstyledButton>
                </Tooltip>
              );
            })}
          </Fragment>
        ))}
        <Box />
        <Box />
        {impacts.map((i) => (
          <Text key={i} size="xs" ta="center" lh={1.15} pt={4} lineClamp={2} title={`${i} · ${matrix.impactLabels[i - 1]}`}>
            <Text span c="dimmed" size="xs">
              {i}{' '}
            </Text>
            {matrix.impactLabels[i - 1]}
          </Text>
        ))}
        <Box />
        <Box />
        <Text size="xs" fw={600} c="dimmed" ta="center" style={{ gridColumn: `3 / span ${cols}`, letterSpacing: '0.04em' }} aria-hidden>
          IMPACT
        </Text>
      </Box>
    </Stack>
  );
}

/** What the colours and the heavy line mean. */
export function HeatMapLegend({ matrix }: { matrix: RiskMatrix }) {
  return (
    <Group gap="md" wrap="wrap" aria-label="Legend">
      {[...RISK_LEVELS].reverse().map((level) => (
        <Group key={level} gap={6} wrap="nowrap">
          <Box w={14} h={14} style={{ background: RISK_LEVEL_CELL[level].bg, border: `1px solid ${RISK_LEVEL_CELL[level].border}`, borderRadius: 3 }} aria-hidden />
          <Text size="xs">{RISK_LEVEL_LABELS[level]}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <Box w={18} h={0} style={{ borderTop: THRESHOLD_LINE }} aria-hidden />
        <Text size="xs">
          Acceptance threshold: scores above {matrix.acceptanceThreshold} need treatment or the owner’s acceptance
        </Text>
      </Group>
    </Group>
  );
}
