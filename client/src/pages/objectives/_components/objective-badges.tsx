import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClockExclamation, IconMinus, IconTrendingDown, IconTrendingUp } from '@tabler/icons-react';
import dayjs from 'dayjs';
import {
  OBJECTIVE_STATUS_COLORS,
  OBJECTIVE_STATUS_LABELS,
  TREND_LABELS,
  formatTarget,
  type IndicatorDirection,
  type IndicatorTrend,
  type ObjectiveStatus,
} from '../objective-words';

export function ObjectiveStatusBadge({ status, reason }: { status: ObjectiveStatus; reason?: string }) {
  const badge = (
    <Badge color={OBJECTIVE_STATUS_COLORS[status]} variant={status === 'ACHIEVED' || status === 'MISSED' ? 'filled' : 'light'} data-status={status}>
      {OBJECTIVE_STATUS_LABELS[status]}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} multiline w={260}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

interface IndicatorFlagsProps {
  indicator: {
    onTarget: boolean | null;
    measurementDue: boolean;
    nextMeasurementDueOn?: string;
    lastMeasuredOn?: string | null;
    target?: number;
    unit?: string;
    direction?: IndicatorDirection;
  };
  /** Also show "On target" (lists show only what needs attention plus this). */
  showOnTarget?: boolean;
}

/** What needs attention about an indicator, in words: off target, measurement due (with its date). */
export function IndicatorFlags({ indicator, showOnTarget = true }: IndicatorFlagsProps) {
  const { onTarget, measurementDue } = indicator;
  const target = indicator.target !== undefined && indicator.unit !== undefined && indicator.direction ? formatTarget(indicator.target, indicator.unit, indicator.direction) : null;
  return (
    <Group gap={6} wrap="wrap">
      {onTarget === false ? (
        <Tooltip label={target ? `The latest value misses the target (${target}).` : 'The latest value misses the target.'}>
          <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
            Off target
          </Badge>
        </Tooltip>
      ) : onTarget === true && showOnTarget ? (
        <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
          On target
        </Badge>
      ) : onTarget === null ? (
        <Badge color="gray" variant="light">
          Not measured
        </Badge>
      ) : null}
      {measurementDue ? (
        <Tooltip label={indicator.nextMeasurementDueOn ? `Due since ${dayjs(indicator.nextMeasurementDueOn).format('D MMMM YYYY')}` : 'A measurement is due'}>
          <Badge color="orange" variant="light" leftSection={<IconClockExclamation size={12} aria-hidden />}>
            Measurement due
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

export function TrendBadge({ trend }: { trend: IndicatorTrend }) {
  const Icon = trend === 'IMPROVING' ? IconTrendingUp : trend === 'WORSENING' ? IconTrendingDown : IconMinus;
  const color = trend === 'IMPROVING' ? 'teal' : trend === 'WORSENING' ? 'red' : 'gray';
  return (
    <Badge color={color} variant="outline" leftSection={<Icon size={12} aria-hidden />}>
      {TREND_LABELS[trend]}
    </Badge>
  );
}
