// Which client operations are page queries, with the variables a page sends, and the two
// document transforms the benchmarks apply: Apollo's __typename on every selection (what the
// client really sends) and a page size put into every `first` argument.
import { Kind, parse, print, visit } from 'graphql';

const TODAY = new Date().toISOString().slice(0, 10);

/**
 * The variables each page query is sent with, from an organisation of the data set (its id, its
 * sample records, the member whose "My work" is measured). `viewer: 'me'` runs it as that member;
 * otherwise as the owner. Queries not listed here and not recognised by `variablesFor` are
 * reported as skipped.
 */
export const PAGE_QUERIES = {
  Viewer: () => ({}),
  OrganizationAccess: (o) => ({ id: o.id }),
  Dashboard: (o) => ({ id: o.id }),
  ReadinessDashboard: (o) => ({ id: o.id, weekEnd: TODAY, readiness: true, gap: true, risk: true, certification: true, tasks: true }),
  CorrectiveActions: (o) => ({ id: o.id }),
  MyWork: (o) => ({ id: o.id, me: o.samples.meId }),
  MyAuditWork: (o) => ({ id: o.id, me: o.samples.meId }),
  NotificationsBell: (o) => ({ organizationId: o.id, first: 20 }),
  TasksPage: (o) => ({ id: o.id, first: 50, filter: {} }),
  TaskBoardColumn: (o) => ({ id: o.id, first: 20, filter: { status: ['OPEN'] } }),
  TaskPanel: (o) => ({ id: o.samples.taskId }),
  TaskComments: (o) => ({ id: o.samples.taskId, first: 20 }),
  ApprovalsInbox: (o) => ({ id: o.id, first: 50, filter: { status: ['PENDING'] } }),
  ApprovalPanel: (o) => ({ id: o.samples.approvalId }),
  AssetInventory: (o) => ({ id: o.id, first: 50, filter: {} }),
  AssetPanel: (o) => ({ id: o.samples.assetId }),
  RiskOverview: (o) => ({ id: o.id }),
  RiskRegister: (o) => ({ id: o.id, first: 50, filter: {}, orderBy: null }),
  TreatmentPlan: (o) => ({ id: o.id, first: 100, filter: { treatment: ['MITIGATE', 'TRANSFER', 'AVOID'] }, orderBy: { field: 'INHERENT_SCORE', direction: 'DESC' } }),
  RiskPanel: (o) => ({ id: o.samples.riskId }),
  RiskPickers: (o) => ({ id: o.id }),
  GapAnalysis: (o) => ({ id: o.id }),
  SoaPage: (o) => ({ id: o.id }),
  SoaCompare: (o) => ({ id: o.id, from: 1, to: 2 }),
  DocumentRegister: (o) => ({ id: o.id, first: 50, filter: {} }),
  DocumentsToAcknowledge: (o) => ({ id: o.id }),
  MandatoryDocuments: (o) => ({ id: o.id }),
  ConsistencyIssues: (o) => ({ id: o.id }),
  DocumentPage: (o) => ({ id: o.samples.documentId }),
  DocumentVersions: (o) => ({ id: o.samples.documentId }),
  DocumentAcknowledgements: (o) => ({ id: o.samples.documentId }),
  DocumentComments: (o) => ({ organizationId: o.id, subjectId: o.samples.documentId, first: 20 }),
  AuditsPage: (o) => ({ id: o.id, filter: {} }),
  AuditProgramme: (o) => ({ id: o.id }),
  AuditCalendarSessions: (o) => ({ id: o.id }),
  AuditDetail: (o) => ({ id: o.samples.auditId }),
  AuditBoard: (o) => ({ auditId: o.samples.auditId, organizationId: o.id }),
  AuditEvidenceRequests: (o) => ({ auditId: o.samples.auditId }),
  AuditFindings: (o) => ({ auditId: o.samples.auditId }),
  CertificationPage: (o) => ({ id: o.id }),
  Members: (o) => ({ id: o.id }),
  PendingInvitations: (o) => ({ id: o.id }),
  AuditTrail: (o) => ({ id: o.id, first: 50, filter: {} }),
  AuditTrailPeople: (o) => ({ id: o.id }),
  OrganizationSettings: (o) => ({ id: o.id }),
  ApiTokens: () => ({}),
  NotificationPreferences: () => ({}),
  AuditCatalog: () => ({}),
  GapCatalog: () => ({}),
  DocumentCatalog: () => ({}),
  DocumentDetailsCatalog: () => ({}),
  ObjectivePickers: (o) => ({ id: o.id }),
  TrainingCourses: (o) => ({ id: o.id, includeArchived: false }),
  AuditPresence: (o) => ({ auditId: o.samples.auditId }),
  AttachedEvidence: (o) => ({ id: o.id, subjectId: null, controlRef: 'A.5.1' }),
  DocumentDraftChanges: (o) => ({ id: o.samples.documentId, from: null }),
  DocumentCompare: (o) => ({ id: o.samples.documentId, fromVersionId: o.samples.documentVersionId, toVersionId: null }),
  DocumentVersionLocation: (o) => ({ id: o.samples.documentVersionId }),
  DocumentVersionSubject: (o) => ({ id: o.samples.documentVersionId }),
  SoaVersionSubject: (o) => ({ organizationId: o.id, id: o.samples.soaVersionId }),
};

/** Client queries that are not page loads, with why they are left out of the statement counts. */
export const NOT_PAGES = {
  VerifyAuditTrail: 'an action (the "Verify" button): it re-reads the whole hash chain, 1,000 events a statement',
};

/** Runs as the member whose work it shows. */
export const AS_MEMBER = new Set(['MyWork', 'MyAuditWork']);

/**
 * The variables for a client query: from the table, or — for a page added later — when its
 * only variable is the organisation (`$id` of `organization(id: $id)`, or `$organizationId`).
 */
export function variablesFor(operation, organization) {
  const known = PAGE_QUERIES[operation.name];
  if (known) return known(organization);
  const definition = parse(operation.document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const names = (definition.variableDefinitions ?? []).map((v) => v.variable.name.value);
  if (names.length === 1 && names[0] === 'organizationId') return { organizationId: organization.id };
  const root = definition.selectionSet.selections[0];
  if (names.length === 1 && names[0] === 'id' && root?.kind === Kind.FIELD && root.name.value === 'organization') return { id: organization.id };
  return null;
}

/** Adds `__typename` to every selection set below the root, as Apollo Client does before sending. */
export function withTypename(document) {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  return print(
    visit(parse(document), {
      SelectionSet(node, _key, parent) {
        if (parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
        return { ...node, selections: [...node.selections, typename] };
      },
    }),
  );
}

/**
 * The document and variables with every `first` argument set to `size` (a literal is rewritten,
 * a variable given the value); `sized` tells whether the query has a page size at all.
 */
export function withPageSize(document, variables, size) {
  let sized = false;
  const vars = { ...variables };
  const rewritten = visit(parse(document), {
    Argument(node) {
      if (node.name.value !== 'first') return undefined;
      sized = true;
      if (node.value.kind === Kind.VARIABLE) {
        vars[node.value.name.value] = size;
        return undefined;
      }
      return { ...node, value: { kind: Kind.INT, value: String(size) } };
    },
  });
  return { document: print(rewritten), variables: vars, sized };
}
