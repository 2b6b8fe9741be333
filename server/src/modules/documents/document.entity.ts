import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  CLASSIFICATIONS,
  CONSISTENCY_SEVERITIES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  DOCUMENT_VERSION_STATUSES,
  type Classification,
  type DocumentKind,
  type DocumentVersionStatus,
  type Role,
} from '@annex/domain';
import { Node } from '../../core/node.js';
import { DateScalar, DateTimeScalar, dateColumn } from '../../core/scalars.js';
import { RoleEnum } from '../organizations/role.enum.js';
import { User } from '../identity/user.entity.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const DocumentKindEnum = enumOf(DOCUMENT_KINDS);
registerEnumType(DocumentKindEnum, { name: 'DocumentKind' });
export const ClassificationEnum = enumOf(CLASSIFICATIONS);
registerEnumType(ClassificationEnum, { name: 'Classification', description: 'How confidential a document is.' });
export const DocumentStatusEnum = enumOf(DOCUMENT_STATUSES);
registerEnumType(DocumentStatusEnum, {
  name: 'DocumentStatus',
  valuesConfig: {
    DRAFT: { description: 'Nothing awaits approval or publication, and no version is published yet.' },
    IN_REVIEW: { description: 'A version awaits approval.' },
    APPROVED: { description: 'A version is approved and awaits publication.' },
    PUBLISHED: { description: 'A version is published and nothing newer awaits approval.' },
  },
});
export const DocumentVersionStatusEnum = enumOf(DOCUMENT_VERSION_STATUSES);
registerEnumType(DocumentVersionStatusEnum, {
  name: 'DocumentVersionStatus',
  valuesConfig: {
    PENDING_APPROVAL: { description: 'Submitted; the approvers have not all decided.' },
    APPROVED: { description: 'Approved for exactly this content; may be published.' },
    REJECTED: { description: 'An approver rejected it.' },
    WITHDRAWN: { description: 'The draft changed after submission (or the request was cancelled): the approval lapsed.' },
    PUBLISHED: { description: 'The current published version.' },
    SUPERSEDED: { description: 'Was published; a newer version replaced it.' },
  },
});
export const DocumentFormatEnum = enumOf(['RICH_TEXT', 'FILE'] as const);
registerEnumType(DocumentFormatEnum, {
  name: 'DocumentFormat',
  valuesConfig: { RICH_TEXT: { description: 'Written and co-edited in Annex.' }, FILE: { description: 'An uploaded file (PDF or DOCX).' } },
});
export type DocumentFormat = keyof typeof DocumentFormatEnum;
export const ConsistencySeverityEnum = enumOf(CONSISTENCY_SEVERITIES);
registerEnumType(ConsistencySeverityEnum, { name: 'ConsistencySeverity' });
export const DiffKindEnum = enumOf(['SAME', 'ADDED', 'REMOVED'] as const);
registerEnumType(DiffKindEnum, { name: 'DiffKind' });

@ObjectType('StoredFile', { implements: Node, description: 'An uploaded file, stored by its SHA-256.' })
@Entity('stored_files')
export class StoredFile implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => String)
  @Column('text')
  sha256!: string;

  @Field(() => Float, { description: 'Bytes.' })
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  size!: number;

  @Field(() => String)
  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Field(() => String)
  @Column('text')
  filename!: string;

  @Column('text', { name: 'storage_key' })
  storageKey!: string;

  @Column('text', { name: 'uploaded_by_id', nullable: true })
  uploadedById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt!: Date;

  @Field(() => String, { description: 'Where to download it (with the session cookie or a bearer token).' })
  get url(): string {
    return `/files/${this.id}`;
  }
}

@ObjectType('Document', { implements: Node, description: 'A piece of documented information (clause 7.5): a policy, a procedure, a record…' })
@Entity('documents')
export class Document implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Field(() => Int, { description: 'Version of the details (title, tags, owner…), for updateDocument.' })
  @Column('integer')
  version!: number;

  @Field(() => String)
  @Column('text')
  title!: string;

  @Field(() => DocumentKindEnum)
  @Column('text')
  kind!: DocumentKind;

  @Field(() => DocumentFormatEnum)
  @Column('text')
  format!: DocumentFormat;

  @Field(() => ClassificationEnum)
  @Column('text')
  classification!: Classification;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Field(() => [String], { description: 'Management-system clauses it addresses, e.g. "5.2".' })
  @Column('text', { name: 'clause_refs', array: true })
  clauseRefs!: string[];

  @Field(() => [String], { description: 'Annex A controls it addresses, e.g. "A.5.15".' })
  @Column('text', { name: 'control_refs', array: true })
  controlRefs!: string[];

  @Field(() => [String], { description: 'Mandatory documented information it satisfies, e.g. "MD-5.2".' })
  @Column('text', { name: 'mandatory_refs', array: true })
  mandatoryRefs!: string[];

  @Field(() => [RoleEnum], { description: 'Who must read and acknowledge it; empty means everyone.' })
  @Column('text', { name: 'audience_roles', array: true })
  audienceRoles!: Role[];

  @Field(() => Int)
  @Column('integer', { name: 'review_interval_months' })
  reviewIntervalMonths!: number;

  @Column('integer', { name: 'draft_version' })
  draftVersion!: number;

  @Column('text', { name: 'draft_content' })
  draftContent!: string;

  @Column('text', { name: 'draft_text' })
  draftText!: string;

  @Column('text', { name: 'draft_hash' })
  draftHash!: string;

  @Column('bytea', { name: 'draft_state', nullable: true, select: false })
  draftState!: Buffer | null;

  @Column('text', { name: 'draft_file_id', nullable: true })
  draftFileId!: string | null;

  @Column('timestamptz', { name: 'draft_updated_at', nullable: true })
  draftUpdatedAt!: Date | null;

  @Column('text', { name: 'draft_updated_by_id', nullable: true })
  draftUpdatedById!: string | null;

  @Column('text', { name: 'current_version_id', nullable: true })
  currentVersionId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the published document is next due for review.' })
  @Column('date', { name: 'next_review_on', nullable: true, transformer: dateColumn })
  nextReviewOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'last_reviewed_on', nullable: true, transformer: dateColumn })
  lastReviewedOn!: string | null;

  @Column('text', { name: 'review_task_id', nullable: true })
  reviewTaskId!: string | null;

  @Column('text', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@ObjectType('DocumentVersion', { implements: Node, description: 'An immutable, hashed snapshot of a document, submitted for approval and perhaps published.' })
@Entity('document_versions')
export class DocumentVersion implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'document_id' })
  documentId!: string;

  @Field(() => Int)
  @Column('integer')
  major!: number;

  @Field(() => Int)
  @Column('integer')
  minor!: number;

  @Column('text')
  state!: 'SUBMITTED' | 'PUBLISHED' | 'SUPERSEDED';

  @Field(() => String, { description: 'The content as HTML (empty for an uploaded file).' })
  @Column('text')
  content!: string;

  @Field(() => String, { description: 'The content as plain text, one block per line.' })
  @Column('text', { name: 'content_text' })
  contentText!: string;

  @Field(() => String, { description: 'SHA-256 of the content (or of the file): what the approvers signed.' })
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text', { name: 'file_id', nullable: true })
  fileId!: string | null;

  @Field(() => String)
  @Column('text', { name: 'change_summary' })
  changeSummary!: string;

  @Column('text', { name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column('text', { name: 'approval_request_id', nullable: true })
  approvalRequestId!: string | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'published_by_id', nullable: true })
  publishedById!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;

  @Field(() => String, { description: 'major.minor, e.g. "2.1".' })
  get number(): string {
    return `${this.major}.${this.minor}`;
  }
}

@ObjectType('DocumentAcknowledgement', { implements: Node, description: 'A person confirmed they read a published version.' })
@Entity('document_acknowledgements')
export class DocumentAcknowledgement implements Node {
  @Field(() => ID)
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'document_id' })
  documentId!: string;

  @Column('text', { name: 'document_version_id' })
  documentVersionId!: string;

  @Column('text', { name: 'user_id' })
  userId!: string;

  @Field(() => DateTimeScalar)
  @Column('timestamptz')
  at!: Date;
}

@ObjectType('DocumentDraft', { description: 'The working copy everyone edits; frozen into a version on submission.' })
export class DocumentDraft {
  @Field(() => String, { description: 'HTML. For an uploaded file, empty.' })
  content!: string;

  @Field(() => String, { description: 'Plain text, one block per line.' })
  text!: string;

  @Field(() => Int, { description: 'Goes up with every saved change; send it back as baseVersion.' })
  version!: number;

  @Field(() => String)
  contentHash!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => User, { nullable: true })
  updatedBy!: User | null;

  @Field(() => StoredFile, { nullable: true })
  file!: StoredFile | null;

  @Field(() => Boolean, { description: 'Whether it differs from the current published version (or nothing is published).' })
  changedSinceCurrentVersion!: boolean;
}

@ObjectType('RoleCoverage')
export class RoleCoverage {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  acknowledged!: number;

  @Field(() => Float)
  percent!: number;
}

@ObjectType('DocumentReader', { description: 'A person in the audience of the current version.' })
export class DocumentReader {
  @Field(() => User)
  user!: User;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When they acknowledged this major version; null if not yet.' })
  acknowledgedAt!: Date | null;
}

@ObjectType('DocumentAcknowledgementStatus', { description: 'Who has and who has not acknowledged the current version (or an earlier minor version of the same major).' })
export class DocumentAcknowledgementStatus {
  @Field(() => String)
  versionNumber!: string;

  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  acknowledged!: number;

  @Field(() => Float)
  percent!: number;

  @Field(() => [RoleCoverage])
  byRole!: RoleCoverage[];

  @Field(() => [DocumentReader])
  people!: DocumentReader[];
}

@ObjectType('DiffPart', { description: 'A run of text the same in both versions, or only in one.' })
export class DiffPart {
  @Field(() => DiffKindEnum)
  kind!: keyof typeof DiffKindEnum;

  @Field(() => String)
  text!: string;
}

@ObjectType('DocumentDiff', { description: 'A readable, word-level comparison of two versions (or a version and the draft).' })
export class DocumentDiff {
  @Field(() => String)
  fromLabel!: string;

  @Field(() => String)
  toLabel!: string;

  @Field(() => [DiffPart])
  parts!: DiffPart[];

  @Field(() => Int, { description: 'Words added.' })
  added!: number;

  @Field(() => Int, { description: 'Words removed.' })
  removed!: number;

  @Field(() => Boolean, { description: 'True when both sides are files: only their hashes and names are compared.' })
  binary!: boolean;
}

@ObjectType('MandatoryDocument', { description: 'A piece of documented information ISO/IEC 27001:2022 requires, and whether the documents satisfy it.' })
export class MandatoryDocumentStatus {
  @Field(() => String)
  ref!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  clause!: string;

  @Field(() => String, { description: 'DOCUMENT or RECORD.' })
  kind!: string;

  @Field(() => Boolean, { description: 'A document tagged with it is published, approved and within its review date, or Annex keeps the records (see keptIn).' })
  satisfied!: boolean;

  @Field(() => String, { nullable: true, description: 'Where Annex itself keeps these records (e.g. "Audits: the internal audit programme and reports"), if it does.' })
  keptIn!: string | null;

  @Field(() => [Document])
  documents!: Document[];
}

@ObjectType('ConsistencyIssue', { description: 'A contradiction found in the data: between the SoA, risks, controls and documents.' })
export class ConsistencyIssueType {
  @Field(() => String)
  code!: string;

  @Field(() => ConsistencySeverityEnum)
  severity!: 'ERROR' | 'WARNING';

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'The catalogue reference concerned (control or mandatory document).' })
  ref!: string | null;

  @Field(() => [Node], { description: 'The records involved; the first is the one to open to fix it.' })
  subjects!: Node[];
}

export type { DocumentVersionStatus };
