export const RISK_TREATMENTS = ['MITIGATE', 'ACCEPT', 'TRANSFER', 'AVOID'] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskMatrix {
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
  /** Scores above this need treatment, or the risk owner's acceptance of the residual risk. */
  acceptanceThreshold: number;
}

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  acceptanceThreshold: 9,
};

export const MATRIX_MIN_SIZE = 3;
export const MATRIX_MAX_SIZE = 10;

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** The level of a score, by its share of the matrix's highest score: ≤20 % low, ≤40 % medium, ≤64 % high, above critical. */
export function riskLevel(score: number, matrix: RiskMatrix): RiskLevel {
  const share = score / (matrix.likelihoodLabels.length * matrix.impactLabels.length);
  if (share <= 0.2) return 'LOW';
  if (share <= 0.4) return 'MEDIUM';
  if (share <= 0.64) return 'HIGH';
  return 'CRITICAL';
}

/**
 * Clause 6.1.3 f: the risk owner approves the residual risk when it stays above the
 * acceptance threshold, and whenever the treatment is to accept the risk.
 */
export function needsOwnerAcceptance(risk: { treatment: RiskTreatment | null; residualScore: number | null; inherentScore: number }, matrix: RiskMatrix): boolean {
  if (risk.treatment === 'ACCEPT') return true;
  return (risk.residualScore ?? risk.inherentScore) > matrix.acceptanceThreshold;
}

/** Moves a value of a scale of `from` steps onto a scale of `to` steps, keeping its relative place. */
export function rescale(value: number, from: number, to: number): number {
  if (from === to) return value;
  return Math.min(to, Math.max(1, Math.ceil((value * to) / from)));
}

export type RiskMatrixProblem = 'SIZE' | 'LABELS' | 'THRESHOLD';

export function checkRiskMatrix(matrix: RiskMatrix): RiskMatrixProblem | null {
  const sizes = [matrix.likelihoodLabels.length, matrix.impactLabels.length];
  if (sizes.some((n) => n < MATRIX_MIN_SIZE || n > MATRIX_MAX_SIZE)) return 'SIZE';
  if ([...matrix.likelihoodLabels, ...matrix.impactLabels].some((l) => !l.trim() || l.length > 60)) return 'LABELS';
  if (!Number.isInteger(matrix.acceptanceThreshold) || matrix.acceptanceThreshold < 1 || matrix.acceptanceThreshold >= sizes[0]! * sizes[1]!) return 'THRESHOLD';
  return null;
}
