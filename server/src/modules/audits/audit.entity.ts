import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  AUDIT_KINDS,
  AUDIT_STATUSES,
  CERTIFICATION_DECISIONS,
  CERTIFICATION_STATUSES,
  CHECKLIST_VERDICTS,
  CORRECTIVE_ACTION_STATUSES,
  EVIDENCE_REQUEST_STATUSES,
  FINDING_KINDS,
  ROOT_CAUSE_METHODS,
  type AuditKind,
  type AuditStatus,
  type CertificationDecision,
  type CertificationStatus,
  type ChecklistVerdict,
  type CorrectiveActionStatus,
  type EvidenceRequestStatus,
  type FindingKind,
  type RootCauseMethod,
} from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AuditKindEnum = enumOf(AUDIT_KINDS);
registerEnumType(AuditKindEnum, { name: 'AuditKind' });
export const AuditStatusEnum = enumOf(AUDIT_STATUSES);
registerEnumType(AuditStatusEnum, { name: 'AuditStatus', description: 'Moves only forward: PLANNED → IN_PROGRESS → REPORTING → CLOSED.' });
export const ChecklistVerdictEnum = enumOf(CHECKLIST_VERDICTS);
registerEnumType(ChecklistVerdictEnum, { name: 'ChecklistVerdict' });
export const EvidenceRequestStatusEnum = enumOf(EVIDENCE_REQUEST_STATUSES);
registerEnumType(EvidenceRequestStatusEnum, { name: 'EvidenceRequestStatus' });
export const FindingKindEnum = enumOf(FINDING_KINDS);
registerEnumType(FindingKindEnum, { name: 'FindingKind' });
export const CorrectiveActionStatusEnum = enumOf(CORRECTIVE_ACTION_STATUSES);
registerEnumType(CorrectiveActionStatusEnum, {
  name: 'CorrectiveActionStatus',
  description: 'updateCorrectiveAction moves it forward (OPEN → IN_PROGRESS → IMPLEMENTED); only verifyCorrectiveAction sets VERIFIED; a failed verification returns it to IN_PROGRESS.',
});
export const RootCauseMethodEnum = enumOf(ROOT_CAUSE_METHODS);
registerEnumType(RootCauseMethodEnum, { name: 'RootCauseMethod' });
export const CertificationStatusEnum = enumOf(CERTIFICATION_STATUSES);
registerEnumType(CertificationStatusEnum, { name: 'CertificationStatus' });
export const CertificationDecisionEnum = enumOf(CERTIFICATION_DECISIONS);
registerEnumType(CertificationDecisionEnum, { name: 'CertificationDecisionKind' });

@ObjectType('Audit', { implements: Node, description: 'An internal or certification audit: dates, team, scope, agenda, checklist, requests and findings.' })
@Entity('audits')
export class Audit implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => AuditKindEnum)
  @Column('text')
  kind!: AuditKind;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => AuditStatusEnum)
  @Column('text')
  status!: AuditStatus;

  @Field(() => DateScalar)
  @Column('date', { name: 'start_date', transformer: dateColumn })
  startDate!: string;

  @Field(() => DateScalar)
  @Column('date', { name: 'end_date', transformer: dateColumn })
  endDate!: string;

  @Column('text', { name: 'lead_auditor_id', nullable: true })
  leadAuditorId!: string | null;

  @Field(() => [String], { description: 'Clauses and controls the audit covers ("A.5" covers every A.5.x control).' })
  @Column('text', { name: 'scope_refs', array: true })
  scopeRefs!: string[];

  @Field(() => String)
  @Column('text')
  objectives!: string;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

@ObjectType('AuditSession', { implements: Node, description: 'A slot of the agenda: a session or an interview.' })
@Entity('audit_sessions')
export class AuditSession implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'audit_id' })
  auditId!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Field(() => String)
  @Column('text')
  topic!: string;

  @Field(() => String)
  @Column('text')
  location!: string;

  @Column('text', { name: 'interviewee_ids', array: true })
  intervieweeIds!: string[];
}

@ObjectType('AuditChecklistItem', { implements: Node, description: 'A requirement the audit examines, and the verdict.' })
@Entity('audit_checklist_items')
export class ChecklistItem implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'audit_id' })
  auditId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  ref!: string;

  @Field(() => ChecklistVerdictEnum)
  @Column('text')
  verdict!: ChecklistVerdict;

  @Field(() => String)
  @Column('text')
  notes!: string;

  @Column('text', { name: 'updated_by_id', nullable: true })
  updatedById!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'updated_at', nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('Evidence', { implements: Node, description: 'A file or a note that shows a requirement is met; hashed and dated.' })
@Entity('evidence')
export class Evidence implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String)
  @Column('text')
  note!: string;

  @Column('text', { name: 'file_id', nullable: true })
  fileId!: string | null;

  @Field(() => [String])
  @Column('text', { name: 'control_refs', array: true })
  controlRefs!: string[];

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'effective_on', nullable: true, transformer: dateColumn })
  effectiveOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'expires_on', nullable: true, transformer: dateColumn })
  expiresOn!: string | null;

  @Column('text', { name: 'uploaded_by_id', nullable: true })
  uploadedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@ObjectType('EvidenceRequest', { implements: Node, description: 'An auditor asks for evidence (a sample) with a due time; the owner answers; the auditor accepts or returns it.' })
@Entity('evidence_requests')
export class EvidenceRequest implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'audit_id' })
  auditId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => String)
  @Column('text')
  description!: string;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Field(() => EvidenceRequestStatusEnum)
  @Column('text')
  status!: EvidenceRequestStatus;

  @Field(() => String)
  @Column('text', { name: 'answer_note' })
  answerNote!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('text', { name: 'answered_by_id', nullable: true })
  answeredById!: string | null;

  @Field(() => String)
  @Column('text', { name: 'review_comment' })
  reviewComment!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @Column('text', { name: 'reviewed_by_id', nullable: true })
  reviewedById!: string | null;

  @Column('text', { name: 'requested_by_id', nullable: true })
  requestedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@ObjectType('Finding', { implements: Node, description: 'A nonconformity, an observation or an opportunity for improvement, tied to a requirement.' })
@Entity('findings')
export class Finding implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'audit_id' })
  auditId!: string;

  @Field(() => FindingKindEnum)
  @Column('text')
  kind!: FindingKind;

  @Field(() => String, { description: 'The clause or control, e.g. "9.2" or "A.5.15".' })
  @Column('text', { name: 'requirement_ref' })
  requirementRef!: string;

  @Field(() => String)
  @Column('text')
  description!: string;

  @Column('text', { name: 'raised_by_id', nullable: true })
  raisedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'raised_at' })
  raisedAt!: Date;
}

@ObjectType('CorrectiveAction', { implements: Node, description: 'What is done about a nonconformity: correction, root cause, action, recurrence measures, verification.' })
@Entity('corrective_actions')
export class CorrectiveAction implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'finding_id' })
  findingId!: string;

  @Field(() => Int)
  @Column('integer')
  version!: number;

  @Field(() => CorrectiveActionStatusEnum)
  @Column('text')
  status!: CorrectiveActionStatus;

  @Field(() => String, { description: 'The immediate fix.' })
  @Column('text')
  correction!: string;

  @Field(() => RootCauseMethodEnum)
  @Column('text', { name: 'root_cause_method' })
  rootCauseMethod!: RootCauseMethod;

  @Field(() => String)
  @Column('text', { name: 'root_cause' })
  rootCause!: string;

  @Field(() => String)
  @Column('text')
  action!: string;

  @Field(() => String, { description: 'Measures against recurrence.' })
  @Column('text', { name: 'preventive_measures' })
  preventiveMeasures!: string;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => DateScalar)
  @Column('date', { name: 'due_date', transformer: dateColumn })
  dueDate!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'effectiveness_review_on', nullable: true, transformer: dateColumn })
  effectivenessReviewOn!: string | null;

  @Column('text', { name: 'verified_by_id', nullable: true })
  verifiedById!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Field(() => String)
  @Column('text', { name: 'verification_comment' })
  verificationComment!: string;

  @Field(() => String, { description: 'Why the last verification found it not effective (empty if never).' })
  @Column('text', { name: 'last_rejection' })
  lastRejection!: string;

  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true })
  overdueNotifiedAt!: Date | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('CertificationDecision', { description: 'The certification body’s decision after a stage 2 or recertification audit.' })
@Entity('certification_decisions')
export class CertificationDecisionRecord {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'audit_id' })
  auditId!: string;

  @Field(() => CertificationDecisionEnum)
  @Column('text')
  decision!: CertificationDecision;

  @Field(() => DateScalar)
  @Column('date', { name: 'decided_on', transformer: dateColumn })
  decidedOn!: string;

  @Column('text', { name: 'recorded_by_id', nullable: true })
  recordedById!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@ObjectType('Certificate', { description: 'The ISO/IEC 27001 certificate: valid three years from issue.' })
@Entity('certificates')
export class Certificate {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => DateScalar)
  @Column('date', { name: 'issued_on', transformer: dateColumn })
  issuedOn!: string;

  @Field(() => DateScalar)
  @Column('date', { name: 'expires_on', transformer: dateColumn })
  expiresOn!: string;

  @Field(() => String)
  @Column('text', { name: 'certification_body' })
  certificationBody!: string;

  @Field(() => String)
  @Column('text', { name: 'certificate_number' })
  certificateNumber!: string;

  @Field(() => String)
  @Column('text')
  scope!: string;

  @Column('text', { name: 'recorded_by_id', nullable: true })
  recordedById!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@ObjectType('CertificationBlocker', { description: 'What stands between the organisation and the certification decision, and the record that fixes it.' })
export class CertificationBlocker {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Node, { nullable: true })
  subject!: Node | null;
}

@ObjectType('NextAudit', { description: 'An audit the certification cycle calls for.' })
export class NextAudit {
  @Field(() => AuditKindEnum)
  kind!: AuditKind;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => Audit, { nullable: true, description: 'The planned audit, once there is one.' })
  audit!: Audit | null;
}

@ObjectType('Stage1Readiness', { description: 'What the stage 1 documentation review would stop at, computed from the data.' })
export class Stage1Readiness {
  @Field(() => Boolean)
  ready!: boolean;

  @Field(() => [CertificationBlocker])
  blockers!: CertificationBlocker[];
}

@ObjectType('Certification', { description: 'Where the organisation stands in the certification cycle.' })
export class Certification {
  organizationId!: string;

  @Field(() => CertificationStatusEnum)
  status!: CertificationStatus;

  @Field(() => [CertificationBlocker])
  blockers!: CertificationBlocker[];

  @Field(() => Certificate, { nullable: true })
  certificate!: Certificate | null;

  @Field(() => [NextAudit])
  nextAudits!: NextAudit[];

  @Field(() => [CertificationDecisionRecord])
  decisions!: CertificationDecisionRecord[];
}
