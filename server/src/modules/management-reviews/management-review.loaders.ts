import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ApprovalRequest } from '../approvals/approval.entity.js';
import { ManagementReviewDecision } from './management-review.entity.js';

/** Per-request loaders for management reviews: a list of reviews with their decisions, sign-offs and tasks costs one statement per kind. */
export function createManagementReviewLoaders(ds: DataSource) {
  return {
    decisionsByManagementReview: new DataLoader<string, ManagementReviewDecision[]>(async (reviewIds) => {
      const rows = await ds.getRepository(ManagementReviewDecision).find({ where: { managementReviewId: In([...reviewIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      const map = new Map<string, ManagementReviewDecision[]>(reviewIds.map((id) => [id, []]));
      for (const row of rows) map.get(row.managementReviewId)?.push(row);
      return reviewIds.map((id) => map.get(id) ?? []);
    }),
    /** The approval requests of reviews' sign-offs, by request id. */
    managementReviewSignOffById: new DataLoader<string, ApprovalRequest | null>(async (ids) => {
      const rows = await ds.getRepository(ApprovalRequest).findBy({ id: In([...ids]) });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}
