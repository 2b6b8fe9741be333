/**
 * Risk scoring, mirroring `riskLevel` in packages/domain/src/risk-rules.ts (the client does not
 * depend on @annex/domain). Only for the live preview while typing: what is saved is always
 * scored by the server.
 */
import type { RiskLevel } from './risk-words';

export interface MatrixShape {
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
  acceptanceThreshold: number;
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function maxScore(matrix: MatrixShape): number {
  return matrix.likelihoodLabels.length * matrix.impactLabels.length;
}

/** The level of a score, by its share of the matrix's highest score: ≤20 % low, ≤40 % medium, ≤64 % high, above critical. */
export function riskLevel(score: number, matrix: MatrixShape): RiskLevel {
  const share = score / maxScore(matrix);
  if (share <= 0.2) return 'LOW';
  if (share <= 0.4) return 'MEDIUM';
  if (share <= 0.64) return 'HIGH';
  return 'CRITICAL';
}

export function isAboveThreshold(score: number, matrix: MatrixShape): boolean {
  return score > matrix.acceptanceThreshold;
}
