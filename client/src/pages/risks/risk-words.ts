export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type RiskTreatment = 'MITIGATE' | 'ACCEPT' | 'TRANSFER' | 'AVOID';
export type RiskOrderField = 'INHERENT_SCORE' | 'RESIDUAL_SCORE' | 'TITLE' | 'REVIEW_DATE' | 'CREATED_AT';
export type OrderDirection = 'ASC' | 'DESC';

export const RISK_LEVELS: readonly RiskLevel[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
export const RISK_TREATMENTS: readonly RiskTreatment[] = ['MITIGATE', 'ACCEPT', 'TRANSFER', 'AVOID'];
/** The treatments that come with work to do: they make up the treatment plan. */
export const PLANNED_TREATMENTS: readonly RiskTreatment[] = ['MITIGATE', 'TRANSFER', 'AVOID'];

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const RISK_LEVEL_COLORS: Record<RiskLevel, string> = {
  LOW: 'teal',
  MEDIUM: 'yellow',
  HIGH: 'orange',
  CRITICAL: 'red',
};

/** Heat map cells: a background and a text colour with AA contrast between them. */
export const RISK_LEVEL_CELL: Record<RiskLevel, { bg: string; fg: string; border: string }> = {
  LOW: { bg: 'var(--mantine-color-teal-1)', fg: 'var(--mantine-color-teal-9)', border: 'var(--mantine-color-teal-3)' },
  MEDIUM: { bg: 'var(--mantine-color-yellow-2)', fg: 'var(--mantine-color-yellow-9)', border: 'var(--mantine-color-yellow-5)' },
  HIGH: { bg: 'var(--mantine-color-orange-3)', fg: 'var(--mantine-color-orange-9)', border: 'var(--mantine-color-orange-5)' },
  CRITICAL: { bg: 'var(--mantine-color-red-7)', fg: 'var(--mantine-color-white)', border: 'var(--mantine-color-red-8)' },
};

export const TREATMENT_LABELS: Record<RiskTreatment, string> = {
  MITIGATE: 'Mitigate',
  ACCEPT: 'Accept',
  TRANSFER: 'Transfer',
  AVOID: 'Avoid',
};

export const TREATMENT_DESCRIPTIONS: Record<RiskTreatment, string> = {
  MITIGATE: 'Reduce the likelihood or impact with controls.',
  ACCEPT: 'Live with it: the risk owner accepts the residual risk.',
  TRANSFER: 'Share it with someone else: insurance, a supplier, a contract.',
  AVOID: 'Stop the activity that causes it.',
};

export const TREATMENT_COLORS: Record<RiskTreatment, string> = {
  MITIGATE: 'indigo',
  ACCEPT: 'gray',
  TRANSFER: 'cyan',
  AVOID: 'grape',
};

export const ORDER_FIELD_LABELS: Record<RiskOrderField, string> = {
  INHERENT_SCORE: 'Inherent score',
  RESIDUAL_SCORE: 'Residual score',
  TITLE: 'Title',
  REVIEW_DATE: 'Review date',
  CREATED_AT: 'Created',
};

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

export function isRiskTreatment(value: unknown): value is RiskTreatment {
  return typeof value === 'string' && (RISK_TREATMENTS as readonly string[]).includes(value);
}

export function isOrderField(value: unknown): value is RiskOrderField {
  return typeof value === 'string' && value in ORDER_FIELD_LABELS;
}
