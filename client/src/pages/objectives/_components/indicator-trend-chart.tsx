import { LineChart } from '@mantine/charts';
import { Box, Center, Group, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { formatTarget, formatValue, type IndicatorDirection } from '../objective-words';

export interface IndicatorTrendChartProps {
  /** The measurements, oldest first (the `series` of an indicator or of `summarizeIndicators`). */
  series: ReadonlyArray<{ measuredOn: string; value: number }>;
  target: number;
  unit: string;
  /** `AT_MOST` (lower is better) or `AT_LEAST` (higher is better): decides which dots are off target. */
  direction: IndicatorDirection | string;
  /** The indicator's name, for the chart's accessible description. */
  name?: string;
  /** Height in pixels (260 by default). */
  height?: number;
  /** A small chart without axes, grid, tooltip or labels (for tables and dashboard tiles). */
  compact?: boolean;
}

const ON = 'var(--mantine-color-teal-6)';
const OFF = 'var(--mantine-color-red-6)';

function onTarget(value: number, target: number, direction: string): boolean {
  return direction === 'AT_LEAST' ? value >= target : value <= target;
}

/** A y range that includes every value and the target, on round numbers (a percentage stays within 0–100). */
function niceDomain(values: number[], percentage: boolean): { min: number; max: number; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const rough = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  let floor = Math.floor((lo - step * 0.25) / step) * step;
  let ceiling = Math.ceil((hi + step * 0.25) / step) * step;
  if (lo >= 0) floor = Math.max(0, floor);
  if (percentage) ceiling = Math.min(100, ceiling);
  const ticks: number[] = [];
  for (let tick = floor; tick <= ceiling + step / 1000; tick += step) ticks.push(Number(tick.toFixed(6)));
  return { min: floor, max: ceiling, ticks };
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: { value: number };
}

/**
 * An indicator's measurements over time against its target (a dashed line): dots on target are
 * teal, off target red, so the eye finds the months that missed. Reusable: the dashboard shows
 * indicator trends with it, in `compact` form in tiles.
 */
export function IndicatorTrendChart({ series, target, unit, direction, name, height, compact = false }: IndicatorTrendChartProps) {
  const data = useMemo(() => series.map((p) => ({ day: dayjs(p.measuredOn).format('D MMM YYYY'), value: p.value })), [series]);
  const domain = useMemo(() => niceDomain([...series.map((p) => p.value), target], unit === '%'), [series, target, unit]);
  const last = series.at(-1);
  const label = `${name ?? 'Indicator'}: ${series.length} measurement${series.length === 1 ? '' : 's'}${
    last ? `, the latest ${formatValue(last.value, unit)} on ${dayjs(last.measuredOn).format('D MMMM YYYY')}` : ''
  }; target ${formatTarget(target, unit, direction === 'AT_LEAST' ? 'AT_LEAST' : 'AT_MOST')}.`;
  const chartHeight = height ?? (compact ? 44 : 260);

  if (!series.length) {
    return (
      <Center h={chartHeight} role="img" aria-label={label}>
        <Text size={compact ? 'xs' : 'sm'} c="dimmed">
          {compact ? 'No data yet' : 'No measurement yet: record the first one to start the trend.'}
        </Text>
      </Center>
    );
  }

  const dot = ({ cx, cy, index, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload) return <g key={index} />;
    const good = onTarget(payload.value, target, direction);
    return <circle key={index} cx={cx} cy={cy} r={compact ? 2.5 : 4.5} fill={good ? ON : OFF} stroke="var(--mantine-color-body)" strokeWidth={compact ? 1 : 1.5} />;
  };

  return (
    <Box role="img" aria-label={label} data-testid={compact ? 'indicator-sparkline' : 'indicator-trend-chart'}>
      <LineChart
        h={chartHeight}
        data={data}
        dataKey="day"
        series={[{ name: 'value', label: name ?? 'Value', color: 'indigo.6' }]}
        curveType="linear"
        strokeWidth={compact ? 1.5 : 2}
        withXAxis={!compact}
        withYAxis={!compact}
        withTooltip={!compact}
        gridAxis={compact ? 'none' : 'y'}
        tickLine="none"
        valueFormatter={(value) => formatValue(value, unit)}
        yAxisProps={{ domain: [domain.min, domain.max], ticks: domain.ticks, width: compact ? 0 : 64, allowDecimals: true }}
        xAxisProps={{ tickFormatter: (value: string) => value.split(' ').slice(1).join(' '), minTickGap: 24 }}
        lineProps={{ dot, activeDot: compact ? false : { r: 6 }, isAnimationActive: false }}
        referenceLines={[{ y: target, color: 'gray.6', strokeDasharray: '5 4' }]}
      />
      {compact ? null : (
        <Group gap="md" mt={6} aria-hidden>
          <LegendDot color={ON} label="On target" />
          <LegendDot color={OFF} label="Off target" />
          <Group gap={6}>
            <svg width="22" height="8">
              <line x1="0" y1="4" x2="22" y2="4" stroke="var(--mantine-color-gray-6)" strokeDasharray="5 4" strokeWidth="1.5" />
            </svg>
            <Text size="xs" c="dimmed">
              Target {formatTarget(target, unit, direction === 'AT_LEAST' ? 'AT_LEAST' : 'AT_MOST')}
            </Text>
          </Group>
        </Group>
      )}
    </Box>
  );
}

/** A tiny trend for a table row: the line, its dots coloured by target, the target dashed. */
export function IndicatorSparkline(props: Omit<IndicatorTrendChartProps, 'compact' | 'height'> & { width?: number }) {
  const { width = 150, ...rest } = props;
  return (
    <Box w={width}>
      <IndicatorTrendChart {...rest} compact height={40} />
    </Box>
  );
}

function LegendDot({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <svg width="10" height="10">
        <circle cx="5" cy="5" r="4.5" fill={color} />
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
