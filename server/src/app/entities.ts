import { User } from '../modules/identity/user.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Membership } from '../modules/organizations/membership.entity.js';
import { Invitation } from '../modules/organizations/invitation.entity.js';
import { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { AuditEvent } from '../core/audit/audit-event.entity.js';
import { Task } from '../modules/tasks/task.entity.js';
import { Comment } from '../modules/comments/comment.entity.js';
import { ApprovalDecisionRecord, ApprovalRequest } from '../modules/approvals/approval.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { Asset } from '../modules/assets/asset.entity.js';
import { GapItem } from '../modules/gap-analysis/gap-item.entity.js';
import { Risk } from '../modules/risks/risk.entity.js';
import { SoaEntry, SoaVersion } from '../modules/soa/soa.entity.js';
import { Document, DocumentAcknowledgement, DocumentVersion, StoredFile } from '../modules/documents/document.entity.js';
import { Audit, AuditSession, Certificate, CertificationDecisionRecord, ChecklistItem, CorrectiveAction, Evidence, EvidenceRequest, Finding } from '../modules/audits/audit.entity.js';
import { Course, CourseAssignment, CourseRoleAssignment, TrainingRecord } from '../modules/training/training.entity.js';
import { Indicator, Measurement, Objective } from '../modules/objectives/objective.entity.js';
import { ManagementReview, ManagementReviewDecision } from '../modules/management-reviews/management-review.entity.js';

/** Every TypeORM entity, listed explicitly so the build never depends on file globs. */
export const ENTITIES = [User, Session, Organization, Membership, Invitation, ApiToken, AuditEvent, Task, Comment, ApprovalRequest, ApprovalDecisionRecord, Notification, Asset, GapItem, Risk, SoaEntry, SoaVersion, StoredFile, Document, DocumentVersion, DocumentAcknowledgement, Audit, AuditSession, ChecklistItem, Evidence, EvidenceRequest, Finding, CorrectiveAction, CertificationDecisionRecord, Certificate, Course, CourseRoleAssignment, CourseAssignment, TrainingRecord, Objective, Indicator, Measurement, ManagementReview, ManagementReviewDecision];
