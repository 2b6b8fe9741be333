import { v7 as uuidv7 } from 'uuid';

/**
 * Ids are opaque strings of the form `<prefix>_<uuid v7>`: time-ordered (good for keyset
 * pagination and index locality) and self-describing, so `Query.node(id)` knows the table to
 * look in without a lookup of its own.
 */
export const ID_PREFIXES = {
  User: 'usr',
  Organization: 'org',
  Membership: 'mem',
  Invitation: 'inv',
  ApiToken: 'tok',
  AuditEvent: 'aud',
  Task: 'tsk',
  Comment: 'cmt',
  ApprovalRequest: 'apr',
  ApprovalDecision: 'apd',
  Notification: 'ntf',
  Asset: 'ast',
  GapItem: 'gap',
  Risk: 'rsk',
  SoaEntry: 'soe',
  SoaVersion: 'sov',
  Document: 'doc',
  DocumentVersion: 'dve',
  DocumentAcknowledgement: 'ack',
  StoredFile: 'fil',
  Audit: 'adt',
  AuditSession: 'ads',
  ChecklistItem: 'chk',
  Evidence: 'evd',
  EvidenceRequest: 'evr',
  Finding: 'fnd',
  CorrectiveAction: 'cra',
  CertificationDecision: 'cdc',
  Certificate: 'crt',
  Course: 'crs',
  CourseAssignment: 'cas',
  TrainingRecord: 'trr',
  Objective: 'obj',
  Indicator: 'ind',
  Measurement: 'msr',
  ManagementReview: 'mrv',
  ManagementReviewDecision: 'mrd',
} as const;
export type NodeTypeName = keyof typeof ID_PREFIXES;

export function newId(type: NodeTypeName): string {
  return `${ID_PREFIXES[type]}_${uuidv7().replace(/-/g, '')}`;
}

const ID_PATTERN = /^([a-z]{3})_[0-9a-f]{32}$/;

export function typeOfId(id: string): NodeTypeName | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const entry = Object.entries(ID_PREFIXES).find(([, prefix]) => prefix === match[1]);
  return entry ? (entry[0] as NodeTypeName) : null;
}

export function isIdOf(type: NodeTypeName, id: string): boolean {
  return typeOfId(id) === type;
}
