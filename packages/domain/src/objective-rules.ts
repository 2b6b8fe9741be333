import { addDays, addMonths } from './document-rules.js';

/**
 * Security objectives and indicators (ISO/IEC 27001:2022 clauses 6.2 and 9.1): when an
 * indicator is on target, when its next measurement is due, which way it is heading, and the
 * status of an objective derived from the indicators that measure it.
 */

/**
 * Which side of the target is good.
 * - `AT_LEAST`: higher is better; on target when value ≥ target (e.g. training completion ≥ 95 %).
 * - `AT_MOST`: lower is better; on target when value ≤ target (e.g. phishing click rate ≤ 5 %).
 */
export const INDICATOR_DIRECTIONS = ['AT_LEAST', 'AT_MOST'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** How often an indicator is measured; the next measurement falls due one period after the last. */
export const INDICATOR_FREQUENCIES = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/** Where an indicator is heading, judged by its direction (improving = moving towards the good side). */
export const INDICATOR_TRENDS = ['IMPROVING', 'STABLE', 'WORSENING', 'INSUFFICIENT_DATA'] as const;
export type IndicatorTrend = (typeof INDICATOR_TRENDS)[number];

/**
 * An objective's status. PLANNED (nothing measured yet), ON_TRACK (every measured indicator on
 * target), AT_RISK (an indicator is off target) are derived while the objective is open; once
 * its target date has passed it is ACHIEVED when every indicator is on target and MISSED
 * otherwise. A manager may close it explicitly as ACHIEVED, MISSED or CANCELLED, which wins.
 */
export const OBJECTIVE_STATUSES = ['PLANNED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED', 'CANCELLED'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** How a manager may close an objective (an evaluation of its result, clause 6.2 j). */
export const OBJECTIVE_OUTCOMES = ['ACHIEVED', 'MISSED', 'CANCELLED'] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];

/** The months in one period of each frequency (a week is handled in days). */
const PERIOD_MONTHS: Readonly<Record<Exclude<IndicatorFrequency, 'WEEKLY'>, number>> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  HALF_YEARLY: 6,
  YEARLY: 12,
};

/** The date one period after `date`. */
export function addPeriod(date: string, frequency: IndicatorFrequency, periods = 1): string {
  return frequency === 'WEEKLY' ? addDays(date, 7 * periods) : addMonths(date, PERIOD_MONTHS[frequency] * periods);
}

/** Whether a value meets the target (a value exactly on the target meets it). */
export function isOnTarget(value: number, target: number, direction: IndicatorDirection): boolean {
  return direction === 'AT_LEAST' ? value >= target : value <= target;
}

/**
 * When the next measurement is due: one period after the last measurement, or — never
 * measured — on the day the indicator was created (a baseline is needed first).
 */
export function nextMeasurementDueOn(input: { frequency: IndicatorFrequency; lastMeasuredOn: string | null; createdOn: string }): string {
  return input.lastMeasuredOn ? addPeriod(input.lastMeasuredOn, input.frequency) : input.createdOn;
}

/** A measurement is due from its due date on (the day itself included) until one is recorded. */
export function isMeasurementDue(input: { frequency: IndicatorFrequency; lastMeasuredOn: string | null; createdOn: string }, today: string): boolean {
  return nextMeasurementDueOn(input) <= today;
}

/**
 * The trend of the latest measurements (up to `window`, oldest first): the least-squares slope,
 * scaled to the span of the window, compared with a tolerance of 2 % of the target's
 * magnitude (or of the mean when the target is 0). Fewer than two measurements: no trend.
 */
export function indicatorTrend(values: readonly number[], direction: IndicatorDirection, target: number, window = 6): IndicatorTrend {
  const ys = values.slice(-window);
  const n = ys.length;
  if (n < 2) return 'INSUFFICIENT_DATA';
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const change = (num / den) * (n - 1);
  const scale = Math.abs(target) || Math.abs(meanY) || 1;
  if (Math.abs(change) <= 0.02 * scale) return 'STABLE';
  const rising = change > 0;
  return rising === (direction === 'AT_LEAST') ? 'IMPROVING' : 'WORSENING';
}

export interface IndicatorState {
  /** The latest value, null when never measured. */
  lastValue: number | null;
  lastMeasuredOn: string | null;
  /** null when never measured. */
  onTarget: boolean | null;
  nextMeasurementDueOn: string;
  measurementDue: boolean;
  trend: IndicatorTrend;
}

/** Everything derived about an indicator from its definition and measurements (any order). */
export function indicatorState(
  indicator: { target: number; direction: IndicatorDirection; frequency: IndicatorFrequency; createdOn: string },
  measurements: ReadonlyArray<{ value: number; measuredOn: string }>,
  today: string,
): IndicatorState {
  const sorted = [...measurements].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  const last = sorted.at(-1) ?? null;
  const due = { frequency: indicator.frequency, lastMeasuredOn: last?.measuredOn ?? null, createdOn: indicator.createdOn };
  return {
    lastValue: last?.value ?? null,
    lastMeasuredOn: last?.measuredOn ?? null,
    onTarget: last ? isOnTarget(last.value, indicator.target, indicator.direction) : null,
    nextMeasurementDueOn: nextMeasurementDueOn(due),
    measurementDue: isMeasurementDue(due, today),
    trend: indicatorTrend(
      sorted.map((m) => m.value),
      indicator.direction,
      indicator.target,
    ),
  };
}

/** The objective's status (see OBJECTIVE_STATUSES), from its closing outcome, target date and indicators. */
export function objectiveStatus(
  input: { outcome: ObjectiveOutcome | null; targetDate: string | null; indicators: ReadonlyArray<{ onTarget: boolean | null }> },
  today: string,
): ObjectiveStatus {
  if (input.outcome) return input.outcome;
  const measured = input.indicators.filter((i) => i.onTarget !== null);
  const allOnTarget = measured.length > 0 && measured.every((i) => i.onTarget);
  if (input.targetDate && input.targetDate < today) return allOnTarget ? 'ACHIEVED' : 'MISSED';
  if (!measured.length) return 'PLANNED';
  return allOnTarget ? 'ON_TRACK' : 'AT_RISK';
}

/** Whether the objective was achieved: true / false once settled (closed or past its date), null while open. */
export function objectiveAchieved(status: ObjectiveStatus): boolean | null {
  if (status === 'ACHIEVED') return true;
  if (status === 'MISSED') return false;
  return null;
}

/** A short sentence explaining the status, for people. */
export function objectiveStatusReason(status: ObjectiveStatus, input: { outcome: ObjectiveOutcome | null; targetDate: string | null; indicators: ReadonlyArray<{ onTarget: boolean | null }> }): string {
  const off = input.indicators.filter((i) => i.onTarget === false).length;
  const measured = input.indicators.filter((i) => i.onTarget !== null).length;
  if (input.outcome) return `Closed as ${input.outcome.toLowerCase()}.`;
  switch (status) {
    case 'PLANNED':
      return input.indicators.length ? 'No indicator measured yet.' : 'No indicator linked: link one to follow progress, or close it when evaluated.';
    case 'ON_TRACK':
      return measured === 1 ? 'Its indicator is on target.' : `All ${measured} measured indicators are on target.`;
    case 'AT_RISK':
      return measured === 1 ? 'Its indicator is off target.' : `${off} of ${measured} measured indicators ${off === 1 ? 'is' : 'are'} off target.`;
    case 'ACHIEVED':
      return `Target date ${input.targetDate} passed with every indicator on target.`;
    case 'MISSED':
      return measured ? `Target date ${input.targetDate} passed with ${off} indicator${off === 1 ? '' : 's'} off target.` : `Target date ${input.targetDate} passed without a measured indicator showing it achieved.`;
    default:
      return '';
  }
}
