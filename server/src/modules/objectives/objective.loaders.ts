import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Risk } from '../risks/risk.entity.js';
import { Indicator, Measurement, Objective } from './objective.entity.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function pairs(rows: Array<{ a: string; b: string }>, keys: readonly string[]): string[][] {
  const map = new Map<string, string[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(row.a)?.push(row.b);
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Per-request DataLoaders of the objectives module (spread into `app/loaders.ts`): a list of
 * objectives with their status costs one statement per relation, whatever its length.
 */
export function createObjectiveLoaders(ds: DataSource) {
  return {
    objectiveById: new DataLoader<string, Objective | null>(async (ids) => byId(await ds.getRepository(Objective).findBy({ id: In([...ids]) }), ids)),
    indicatorById: new DataLoader<string, Indicator | null>(async (ids) => byId(await ds.getRepository(Indicator).findBy({ id: In([...ids]) }), ids)),
    /** Every measurement of each indicator, oldest first. */
    measurementsByIndicator: new DataLoader<string, Measurement[]>(async (indicatorIds) => {
      const rows = await ds.getRepository(Measurement).find({ where: { indicatorId: In([...indicatorIds]) }, order: { measuredOn: 'ASC', id: 'ASC' } });
      const map = new Map<string, Measurement[]>(indicatorIds.map((id) => [id, []]));
      for (const row of rows) map.get(row.indicatorId)?.push(row);
      return indicatorIds.map((id) => map.get(id) ?? []);
    }),
    indicatorIdsByObjective: new DataLoader<string, string[]>(async (objectiveIds) =>
      pairs((await ds.query(`SELECT objective_id AS a, indicator_id AS b FROM objective_indicators WHERE objective_id = ANY($1) ORDER BY indicator_id`, [[...objectiveIds]])) as Array<{ a: string; b: string }>, objectiveIds),
    ),
    objectiveIdsByIndicator: new DataLoader<string, string[]>(async (indicatorIds) =>
      pairs((await ds.query(`SELECT indicator_id AS a, objective_id AS b FROM objective_indicators WHERE indicator_id = ANY($1) ORDER BY objective_id`, [[...indicatorIds]])) as Array<{ a: string; b: string }>, indicatorIds),
    ),
    riskById: new DataLoader<string, Risk | null>(async (ids) => byId(await ds.getRepository(Risk).findBy({ id: In([...ids]) }), ids)),
    riskIdsByObjective: new DataLoader<string, string[]>(async (objectiveIds) =>
      pairs((await ds.query(`SELECT objective_id AS a, risk_id AS b FROM objective_risks WHERE objective_id = ANY($1) ORDER BY risk_id`, [[...objectiveIds]])) as Array<{ a: string; b: string }>, objectiveIds),
    ),
    objectiveIdsByRisk: new DataLoader<string, string[]>(async (riskIds) =>
      pairs((await ds.query(`SELECT risk_id AS a, objective_id AS b FROM objective_risks WHERE risk_id = ANY($1) ORDER BY objective_id`, [[...riskIds]])) as Array<{ a: string; b: string }>, riskIds),
    ),
  };
}
