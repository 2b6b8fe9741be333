import type { RiskFilterInput, RiskOrderInput } from './risk-operations';
import { riskLevel, type MatrixShape } from './risk-scoring';
import { RISK_LEVELS, RISK_TREATMENTS, isOrderField, isRiskLevel, isRiskTreatment, type OrderDirection, type RiskLevel, type RiskOrderField, type RiskTreatment } from './risk-words';

/** One cell of a heat map: before treatment (inherent) or after (residual). */
export interface HeatCell {
  map: 'inherent' | 'residual';
  likelihood: number;
  impact: number;
}

/** The register's filter, sort and tab as they stand in the address, so a view can be shared. */
export interface RiskUrlFilter {
  level: RiskLevel[];
  treatment: RiskTreatment[];
  owner: string;
  aboveThreshold: boolean;
  search: string;
  /** An Annex A control (A.8.8): the risks it treats. */
  control: string;
  cell: HeatCell | null;
  sort: RiskOrderField;
  direction: OrderDirection;
}

export type RiskTab = 'register' | 'plan';

export const DEFAULT_SORT: { sort: RiskOrderField; direction: OrderDirection } = { sort: 'INHERENT_SCORE', direction: 'DESC' };

export const NO_RISK_FILTER: Omit<RiskUrlFilter, 'sort' | 'direction'> = { level: [], treatment: [], owner: '', aboveThreshold: false, search: '', control: '', cell: null };

const TRUE = new Set(['1', 'true', 'yes']);
const KEYS = ['level', 'treatment', 'owner', 'above', 'search', 'control', 'cell', 'sort', 'dir', 'tab'];

function list(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase());
}

/** `cell=inherent:4x5` → likelihood 4, impact 5 on the inherent map. */
function readCell(value: string | null): HeatCell | null {
  const match = /^(inherent|residual):(\d+)x(\d+)$/.exec(value ?? '');
  if (!match) return null;
  return { map: match[1] as HeatCell['map'], likelihood: Number(match[2]), impact: Number(match[3]) };
}

export function writeCell(cell: HeatCell): string {
  return `${cell.map}:${cell.likelihood}x${cell.impact}`;
}

export function readRiskUrlFilter(params: URLSearchParams): RiskUrlFilter {
  const levels = list(params, 'level');
  const treatments = list(params, 'treatment');
  const sort = (params.get('sort') ?? '').toUpperCase();
  const direction = (params.get('dir') ?? '').toUpperCase();
  return {
    level: RISK_LEVELS.filter((l) => levels.includes(l)).filter(isRiskLevel),
    treatment: RISK_TREATMENTS.filter((t) => treatments.includes(t)).filter(isRiskTreatment),
    owner: params.get('owner') ?? '',
    aboveThreshold: TRUE.has((params.get('above') ?? '').toLowerCase()),
    search: params.get('search') ?? '',
    control: /^A\.[5-8]\.\d{1,2}$/.test(params.get('control') ?? '') ? (params.get('control') as string) : '',
    cell: readCell(params.get('cell')),
    sort: isOrderField(sort) ? sort : DEFAULT_SORT.sort,
    direction: direction === 'ASC' || direction === 'DESC' ? direction : isOrderField(sort) && (sort === 'TITLE' || sort === 'REVIEW_DATE') ? 'ASC' : DEFAULT_SORT.direction,
  };
}

export function readRiskTab(params: URLSearchParams): RiskTab {
  return params.get('tab') === 'plan' ? 'plan' : 'register';
}

/** The address with this filter and tab, keeping whatever else it holds (the open risk). */
export function writeRiskUrl(params: URLSearchParams, filter: RiskUrlFilter, tab: RiskTab): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) next.delete(key);
  if (tab === 'plan') next.set('tab', 'plan');
  if (filter.level.length) next.set('level', filter.level.join(','));
  if (filter.treatment.length) next.set('treatment', filter.treatment.join(','));
  if (filter.owner) next.set('owner', filter.owner);
  if (filter.aboveThreshold) next.set('above', '1');
  if (filter.search.trim()) next.set('search', filter.search.trim());
  if (filter.control) next.set('control', filter.control);
  if (filter.cell) next.set('cell', writeCell(filter.cell));
  if (filter.sort !== DEFAULT_SORT.sort || filter.direction !== DEFAULT_SORT.direction) {
    next.set('sort', filter.sort);
    next.set('dir', filter.direction);
  }
  return next;
}

/**
 * The API filters by inherent level but not by matrix cell: an inherent cell narrows the query
 * to its level (exact superset), and the rows are then narrowed to the cell in the browser.
 */
export function toRiskFilterInput(filter: RiskUrlFilter, matrix: MatrixShape | null): RiskFilterInput {
  const cellLevel = filter.cell?.map === 'inherent' && matrix ? riskLevel(filter.cell.likelihood * filter.cell.impact, matrix) : null;
  const levels = cellLevel ? [cellLevel] : filter.level;
  return {
    ...(levels.length ? { level: levels } : {}),
    ...(filter.treatment.length ? { treatment: filter.treatment } : {}),
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.aboveThreshold ? { aboveThreshold: true } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.control ? { controlRef: filter.control } : {}),
  };
}

export function toRiskOrderInput(filter: RiskUrlFilter): RiskOrderInput {
  return { field: filter.sort, direction: filter.direction };
}

/** Whether a risk sits in the cell (residual: treated values where assessed, as the heat map counts). */
export function inCell(risk: { likelihood: number; impact: number; residualLikelihood: number | null; residualImpact: number | null }, cell: HeatCell): boolean {
  if (cell.map === 'inherent') return risk.likelihood === cell.likelihood && risk.impact === cell.impact;
  return (risk.residualLikelihood ?? risk.likelihood) === cell.likelihood && (risk.residualImpact ?? risk.impact) === cell.impact;
}

export function isRiskFiltered(filter: RiskUrlFilter): boolean {
  return filter.level.length > 0 || filter.treatment.length > 0 || !!filter.owner || filter.aboveThreshold || !!filter.search.trim() || !!filter.control || !!filter.cell;
}
