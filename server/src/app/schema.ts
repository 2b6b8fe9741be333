import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardRootFields } from '../core/authorization.js';
import { HealthResolver } from '../modules/health/health.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { MembershipResolver, OrganizationResolver } from '../modules/organizations/organization.resolver.js';
import { ApiTokenResolver } from '../modules/api-tokens/api-token.resolver.js';
import { AuditEventResolver, AuditTrailResolver } from '../modules/audit-trail/audit-trail.resolver.js';
import { OrganizationTasksResolver, TaskResolver } from '../modules/tasks/task.resolver.js';
import { CommentResolver, OrganizationCommentsResolver, TaskCommentsResolver } from '../modules/comments/comment.resolver.js';
import {
  ApprovalDecisionResolver,
  ApprovalResolver,
  OrganizationApprovalsResolver,
  TaskApprovalsResolver,
} from '../modules/approvals/approval.resolver.js';
import { NotificationResolver, ViewerNotificationsResolver } from '../modules/notifications/notification.resolver.js';
import { OrganizationEventResolver } from '../modules/events/organization-event.resolver.js';
import { AssetResolver, OrganizationAssetsResolver } from '../modules/assets/asset.resolver.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { OrganizationRisksResolver, RiskResolver } from '../modules/risks/risk.resolver.js';
import { OrganizationSoaResolver, SoaEntryResolver, SoaVersionResolver, StatementOfApplicabilityResolver } from '../modules/soa/soa.resolver.js';
import { GapAssessmentResolver, GapItemResolver, OrganizationGapResolver } from '../modules/gap-analysis/gap.resolver.js';

import {
  AuditResolver,
  AuditSessionResolver,
  CertificationResolver,
  ChecklistItemResolver,
  CorrectiveActionResolver,
  EvidenceRequestResolver,
  EvidenceResolver,
  FindingResolver,
  OrganizationAuditsResolver,
} from '../modules/audits/audit.resolver.js';
import { AuditParticipantResolver, AuditPresenceResolver } from '../modules/audits/audit-presence.resolver.js';
import { CertificationDecisionResolver } from '../modules/audits/certification-decision.resolver.js';
import { OrganizationReadinessResolver } from '../modules/readiness/readiness.resolver.js';
import { DocumentAcknowledgementResolver, DocumentResolver, DocumentVersionResolver, OrganizationDocumentsResolver } from '../modules/documents/document.resolver.js';
import { CourseAssignmentResolver, CourseResolver, OrganizationTrainingResolver, TrainingRecordResolver } from '../modules/training/training.resolver.js';
import { IndicatorResolver, MeasurementResolver, ObjectiveResolver, OrganizationObjectivesResolver, RiskObjectivesResolver } from '../modules/objectives/objective.resolver.js';
import { ManagementReviewDecisionResolver, ManagementReviewResolver, OrganizationManagementReviewsResolver } from '../modules/management-reviews/management-review.resolver.js';

export const RESOLVERS = [
  HealthResolver,
  OrganizationReadinessResolver,
  IdentityResolver,
  OrganizationResolver,
  MembershipResolver,
  ApiTokenResolver,
  AuditTrailResolver,
  AuditEventResolver,
  TaskResolver,
  OrganizationTasksResolver,
  CommentResolver,
  OrganizationCommentsResolver,
  TaskCommentsResolver,
  ApprovalResolver,
  ApprovalDecisionResolver,
  OrganizationApprovalsResolver,
  TaskApprovalsResolver,
  ViewerNotificationsResolver,
  NotificationResolver,
  OrganizationEventResolver,
  AssetResolver,
  OrganizationAssetsResolver,
  CatalogResolver,
  GapAssessmentResolver,
  GapItemResolver,
  OrganizationGapResolver,
  RiskResolver,
  OrganizationRisksResolver,
  StatementOfApplicabilityResolver,
  SoaEntryResolver,
  SoaVersionResolver,
  OrganizationSoaResolver,
  DocumentResolver,
  DocumentVersionResolver,
  DocumentAcknowledgementResolver,
  OrganizationDocumentsResolver,
  AuditResolver,
  AuditSessionResolver,
  ChecklistItemResolver,
  EvidenceRequestResolver,
  EvidenceResolver,
  FindingResolver,
  CorrectiveActionResolver,
  CertificationResolver,
  OrganizationAuditsResolver,
  CourseResolver,
  CourseAssignmentResolver,
  TrainingRecordResolver,
  OrganizationTrainingResolver,
  ObjectiveResolver,
  IndicatorResolver,
  MeasurementResolver,
  RiskObjectivesResolver,
  OrganizationObjectivesResolver,
  AuditPresenceResolver,
  AuditParticipantResolver,
  CertificationDecisionResolver,
  ManagementReviewResolver,
  ManagementReviewDecisionResolver,
  OrganizationManagementReviewsResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process from the resolvers (type-graphql). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    // The deny-by-default guard runs in front of the root fields only (see guardRootFields).
    validate: false,
    emitSchemaFile: false,
    // Subscriptions read the durable event log (core/events), not type-graphql topics; this
    // PubSub only satisfies buildSchema and refuses any use.
    pubSub: {
      publish: () => {
        throw new Error('type-graphql topics are not used: record an event instead');
      },
      subscribe: () => {
        throw new Error('type-graphql topics are not used: subscribe to the event log instead');
      },
    },
  }).then(guardRootFields);
  return cached;
}

/** The SDL committed as `server/schema.graphql`: sorted, so that diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
