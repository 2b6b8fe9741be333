import type { EntityManager } from 'typeorm';
import {
  addMonths,
  indicatorState,
  objectiveAchieved,
  objectiveStatus,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorTrend,
  type ObjectiveOutcome,
} from '@annex/domain';

/**
 * Read-only summaries of an organisation's indicators and objectives, for the readiness
 * dashboard and the management review pack ("monitoring and measurement results",
 * "fulfilment of objectives"). They take the caller's EntityManager (inside a transaction pass
 * its `em`) and do no authorization: the caller has checked the organisation already.
 * Two statements for the indicators and three for the objectives, whatever their number.
 */
export interface IndicatorSummary {
  id: string;
  name: string;
  unit: string;
  target: number;
  /** `AT_LEAST` (higher is better) or `AT_MOST` (lower is better). */
  direction: string;
  /** `WEEKLY`, `MONTHLY`, `QUARTERLY`, `HALF_YEARLY` or `YEARLY`. */
  frequency: string;
  ownerId: string | null;
  lastValue: number | null;
  lastMeasuredOn: string | null;
  /** null when never measured. */
  onTarget: boolean | null;
  measurementDue: boolean;
  /** Measurements of the last 12 months (measured after `today` minus 12 months), oldest first. */
  series: { measuredOn: string; value: number }[];
  /** When the next measurement falls due (YYYY-MM-DD). */
  nextMeasurementDueOn: string;
  /** `IMPROVING`, `STABLE`, `WORSENING` or `INSUFFICIENT_DATA`, judged over the latest measurements. */
  trend: IndicatorTrend;
}

export interface ObjectiveSummary {
  id: string;
  title: string;
  ownerId: string | null;
  targetDate: string | null;
  /** `PLANNED`, `ON_TRACK`, `AT_RISK`, `ACHIEVED`, `MISSED` or `CANCELLED` (see objective-rules). */
  status: string;
  /** true when ACHIEVED, false when MISSED, null while open or when cancelled. */
  achieved: boolean | null;
  indicatorIds: string[];
  riskIds: string[];
  controlRefs: string[];
}

interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  target: number;
  direction: IndicatorDirection;
  frequency: IndicatorFrequency;
  owner_id: string | null;
  created_on: string;
}

/** All measurements are read (they are few: one a period); only the series is cut to 12 months. */
export async function summarizeIndicators(em: EntityManager, organizationId: string, today: string): Promise<IndicatorSummary[]> {
  const indicators = (await em.query(
    `SELECT id, name, unit, target, direction, frequency, owner_id, created_on::text AS created_on
       FROM indicators WHERE organization_id = $1 ORDER BY name, id`,
    [organizationId],
  )) as IndicatorRow[];
  if (!indicators.length) return [];
  const measurements = (await em.query(
    `SELECT indicator_id, value, measured_on::text AS measured_on
       FROM indicator_measurements WHERE organization_id = $1 AND measured_on <= $2 ORDER BY measured_on, id`,
    [organizationId, today],
  )) as Array<{ indicator_id: string; value: number; measured_on: string }>;
  const byIndicator = new Map<string, Array<{ value: number; measuredOn: string }>>();
  for (const m of measurements) {
    const list = byIndicator.get(m.indicator_id) ?? [];
    list.push({ value: Number(m.value), measuredOn: m.measured_on });
    byIndicator.set(m.indicator_id, list);
  }
  const since = addMonths(today, -12);
  return indicators.map((i) => {
    const target = Number(i.target);
    const all = byIndicator.get(i.id) ?? [];
    const state = indicatorState({ target, direction: i.direction, frequency: i.frequency, createdOn: i.created_on }, all, today);
    return {
      id: i.id,
      name: i.name,
      unit: i.unit,
      target,
      direction: i.direction,
      frequency: i.frequency,
      ownerId: i.owner_id,
      lastValue: state.lastValue,
      lastMeasuredOn: state.lastMeasuredOn,
      onTarget: state.onTarget,
      measurementDue: state.measurementDue,
      series: all.filter((m) => m.measuredOn > since).map((m) => ({ measuredOn: m.measuredOn, value: m.value })),
      nextMeasurementDueOn: state.nextMeasurementDueOn,
      trend: state.trend,
    };
  });
}

export async function summarizeObjectives(em: EntityManager, organizationId: string, today: string, indicatorSummaries?: IndicatorSummary[]): Promise<ObjectiveSummary[]> {
  const objectives = (await em.query(
    `SELECT o.id, o.title, o.owner_id, o.target_date::text AS target_date, o.outcome, o.control_refs,
            coalesce((SELECT array_agg(oi.indicator_id ORDER BY oi.indicator_id) FROM objective_indicators oi WHERE oi.objective_id = o.id), '{}') AS indicator_ids,
            coalesce((SELECT array_agg(r.risk_id ORDER BY r.risk_id) FROM objective_risks r WHERE r.objective_id = o.id), '{}') AS risk_ids
       FROM objectives o WHERE o.organization_id = $1 ORDER BY o.target_date NULLS LAST, o.title, o.id`,
    [organizationId],
  )) as Array<{
    id: string;
    title: string;
    owner_id: string | null;
    target_date: string | null;
    outcome: ObjectiveOutcome | null;
    control_refs: string[];
    indicator_ids: string[];
    risk_ids: string[];
  }>;
  if (!objectives.length) return [];
  const indicators = new Map((indicatorSummaries ?? (await summarizeIndicators(em, organizationId, today))).map((i) => [i.id, i]));
  return objectives.map((o) => {
    const linked = o.indicator_ids.map((id) => indicators.get(id)).filter((i): i is IndicatorSummary => !!i);
    const status = objectiveStatus({ outcome: o.outcome, targetDate: o.target_date, indicators: linked }, today);
    return {
      id: o.id,
      title: o.title,
      ownerId: o.owner_id,
      targetDate: o.target_date,
      status,
      achieved: objectiveAchieved(status),
      indicatorIds: o.indicator_ids,
      riskIds: o.risk_ids,
      controlRefs: o.control_refs,
    };
  });
}
