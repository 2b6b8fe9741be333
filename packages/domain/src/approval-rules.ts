export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'INVALIDATED', 'CANCELLED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_DECISIONS = ['APPROVE', 'REJECT'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * The status after a set of decisions: any rejection rejects; approvals reaching the quorum
 * approve; otherwise still pending.
 */
export function approvalOutcome(decisions: readonly ApprovalDecision[], quorum: number): ApprovalStatus {
  if (decisions.includes('REJECT')) return 'REJECTED';
  if (decisions.filter((d) => d === 'APPROVE').length >= quorum) return 'APPROVED';
  return 'PENDING';
}

export type ApprovalRequestProblem = 'NO_APPROVERS' | 'SELF_APPROVAL' | 'BAD_QUORUM' | 'DUPLICATE_APPROVERS';

/** Checks a new request: named approvers, nobody approving their own request, a reachable quorum. */
export function checkApprovalRequest(requesterId: string, approverIds: readonly string[], quorum: number): ApprovalRequestProblem | null {
  if (!approverIds.length) return 'NO_APPROVERS';
  if (new Set(approverIds).size !== approverIds.length) return 'DUPLICATE_APPROVERS';
  if (approverIds.includes(requesterId)) return 'SELF_APPROVAL';
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > approverIds.length) return 'BAD_QUORUM';
  return null;
}
