/** The words and colours of objectives and indicators (the enums are the API's). */

export const OBJECTIVE_STATUSES = ['PLANNED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED', 'CANCELLED'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const OBJECTIVE_OUTCOMES = ['ACHIEVED', 'MISSED', 'CANCELLED'] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];

export const INDICATOR_DIRECTIONS = ['AT_MOST', 'AT_LEAST'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_FREQUENCIES = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

export type IndicatorTrend = 'IMPROVING' | 'STABLE' | 'WORSENING' | 'INSUFFICIENT_DATA';

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  PLANNED: 'Planned',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  ACHIEVED: 'Achieved',
  MISSED: 'Missed',
  CANCELLED: 'Cancelled',
};

export const OBJECTIVE_STATUS_COLORS: Record<ObjectiveStatus, string> = {
  PLANNED: 'gray',
  ON_TRACK: 'teal',
  AT_RISK: 'orange',
  ACHIEVED: 'green',
  MISSED: 'red',
  CANCELLED: 'gray',
};

export const OUTCOME_LABELS: Record<ObjectiveOutcome, string> = {
  ACHIEVED: 'Achieved',
  MISSED: 'Missed',
  CANCELLED: 'Cancelled',
};

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  AT_MOST: 'At most the target (lower is better)',
  AT_LEAST: 'At least the target (higher is better)',
};

export const FREQUENCY_LABELS: Record<IndicatorFrequency, string> = {
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  HALF_YEARLY: 'Every six months',
  YEARLY: 'Yearly',
};

export const TREND_LABELS: Record<IndicatorTrend, string> = {
  IMPROVING: 'Improving',
  STABLE: 'Stable',
  WORSENING: 'Worsening',
  INSUFFICIENT_DATA: 'Not enough data',
};

export function isObjectiveStatus(value: string | null | undefined): value is ObjectiveStatus {
  return !!value && (OBJECTIVE_STATUSES as readonly string[]).includes(value);
}

export function isIndicatorDirection(value: string | null | undefined): value is IndicatorDirection {
  return !!value && (INDICATOR_DIRECTIONS as readonly string[]).includes(value);
}

export function isIndicatorFrequency(value: string | null | undefined): value is IndicatorFrequency {
  return !!value && (INDICATOR_FREQUENCIES as readonly string[]).includes(value);
}

/** A value with its unit: "4.5 %", "12 days". */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const number = Number.isInteger(value) ? String(value) : value.toLocaleString('en', { maximumFractionDigits: 2 });
  if (!unit) return number;
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

/** The target in words: "≤ 5 %", "≥ 95 %". */
export function formatTarget(target: number, unit: string, direction: IndicatorDirection): string {
  return `${direction === 'AT_MOST' ? '≤' : '≥'} ${formatValue(target, unit)}`;
}
