import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, todayUtc, addMonths, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import type { ApiClient } from '../support/client.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Documents B.V.');
  other = await buildOrganization(server, 'Other Documents B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const DOC_FIELDS = `id version title kind status format classification clauseRefs controlRefs mandatoryRefs audienceRoles reviewIntervalMonths nextReviewOn reviewOverdue
  viewerCanEdit viewerMustAcknowledge owner { id }
  draft { content text version contentHash changedSinceCurrentVersion }
  currentVersion { id number contentHash status }
  pendingVersion { id number status }
  versions { id number status contentHash changeSummary approvalRequest { id status subjectHash } }`;
const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { ${DOC_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { ${DOC_FIELDS} } } }`;
const DRAFT = `mutation($input: UpdateDocumentDraftInput!) { updateDocumentDraft(input: $input) { document { ${DOC_FIELDS} } } }`;
const SUBMIT = `mutation($input: SubmitDocumentForApprovalInput!) { submitDocumentForApproval(input: $input) { version { id number status contentHash } approvalRequest { id status subjectHash } } }`;
const PUBLISH = `mutation($input: PublishDocumentVersionInput!) { publishDocumentVersion(input: $input) { document { ${DOC_FIELDS} } } }`;
const ACK = `mutation($input: AcknowledgeDocumentInput!) { acknowledgeDocument(input: $input) { acknowledgement { at user { id } } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { status } } }`;
const DOC = `query($id: ID!) { node(id: $id) { ... on Document { ${DOC_FIELDS} } } }`;
const LIST = `query($id: ID!, $filter: DocumentFilter) { organization(id: $id) { documents(first: 50, filter: $filter) { totalCount edges { node { id title status draft { version } } } } } }`;

interface Doc {
  id: string;
  version: number;
  status: string;
  draft: { content: string; text: string; version: number; contentHash: string; changedSinceCurrentVersion: boolean } | null;
  currentVersion: { id: string; number: string; contentHash: string; status: string } | null;
  pendingVersion: { id: string; number: string; status: string } | null;
  versions: Array<{ id: string; number: string; status: string; contentHash: string; approvalRequest: { id: string; status: string; subjectHash: string } | null }>;
  nextReviewOn: string | null;
  viewerMustAcknowledge: boolean;
  viewerCanEdit: boolean;
}

async function create(target: TestOrg, input: Record<string, unknown> = {}, as: ApiClient = target.as.ISMS_MANAGER): Promise<Doc> {
  return (await as.ok(CREATE, { input: { organizationId: target.id, title: 'Access control policy', kind: 'POLICY', content: '<h1>Access</h1><p>Least privilege.</p>', ...input } }))
    .createDocument.document;
}

async function read(id: string, as: ApiClient = org.as.ISMS_MANAGER): Promise<Doc> {
  return (await as.ok(DOC, { id })).node;
}

/** Submits the draft, has management approve it and publishes it. */
async function publishDraft(target: TestOrg, id: string, major = true, summary = 'Issue') {
  const { submitDocumentForApproval } = await target.as.ISMS_MANAGER.ok(SUBMIT, { input: { documentId: id, approverIds: [target.users.MANAGEMENT.id], changeSummary: summary, major } });
  await target.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: submitDocumentForApproval.approvalRequest.id, decision: 'APPROVE' } });
  const { publishDocumentVersion } = await target.as.ISMS_MANAGER.ok(PUBLISH, { input: { documentVersionId: submitDocumentForApproval.version.id } });
  return { version: submitDocumentForApproval.version as { id: string; number: string }, document: publishDocumentVersion.document as Doc };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = (await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>;
  return Number(rows[0]!.n);
}

describe('documents: register and draft', () => {
  it('creates a document whose content goes through the editor schema (unknown markup is dropped)', async () => {
    const doc = await create(org, {
      controlRefs: ['A.5.15', 'A.5.15', 'A.8.2'],
      mandatoryRefs: ['MD-A.5.15'],
      clauseRefs: ['5.2'],
      content: '<h1>Access</h1><p onclick="x()">Least <strong>privilege</strong><script>alert(1)</script></p><style>p{}</style>',
    });
    expect(doc).toMatchObject({
      version: 1,
      status: 'DRAFT',
      format: 'RICH_TEXT',
      classification: 'INTERNAL',
      controlRefs: ['A.5.15', 'A.8.2'],
      mandatoryRefs: ['MD-A.5.15'],
      reviewIntervalMonths: 12,
      audienceRoles: [],
      currentVersion: null,
      versions: [],
      viewerCanEdit: true,
      owner: { id: org.users.ISMS_MANAGER.id },
    });
    expect(doc.draft).toMatchObject({ content: '<h1>Access</h1><p>Least <strong>privilege</strong></p>', text: 'Access\nLeast privilege', version: 1, changedSinceCurrentVersion: true });
    expect(doc.draft!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bad input with coded errors and writes nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM documents WHERE organization_id = $1`, [org.id]);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ title: '  ' }, 'title', 'REQUIRED'],
      [{ controlRefs: ['A.99.1'] }, 'controlRefs', 'UNKNOWN_REFERENCE'],
      [{ clauseRefs: ['11.1'] }, 'clauseRefs', 'UNKNOWN_REFERENCE'],
      [{ mandatoryRefs: ['MD-1'] }, 'mandatoryRefs', 'UNKNOWN_REFERENCE'],
      [{ reviewIntervalMonths: 0 }, 'reviewIntervalMonths', 'OUT_OF_RANGE'],
      [{ ownerId: other.users.OWNER.id }, 'ownerId', 'NOT_A_MEMBER'],
      [{ format: 'FILE', content: '<p>x</p>' }, 'content', 'NOT_RICH_TEXT'],
      [{ content: 'x'.repeat(1_000_001) }, 'content', 'TOO_LONG'],
    ];
    for (const [input, field, reason] of cases) {
      const result = await org.as.ISMS_MANAGER.request(CREATE, { input: { organizationId: org.id, title: 'Bad', kind: 'POLICY', ...input } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input).slice(0, 80)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    expect(await count(`SELECT count(*) AS n FROM documents WHERE organization_id = $1`, [org.id])).toBe(before);
  });

  it('replaces the draft through the API, with CONFLICT on a stale base version and nothing lost', async () => {
    const doc = await create(org);
    const { updateDocumentDraft } = await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>Second text</p>' } });
    expect(updateDocumentDraft.document.draft).toMatchObject({ content: '<p>Second text</p>', version: 2 });
    const stale = await org.as.ISMS_MANAGER.request(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>Lost?</p>' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await read(doc.id)).draft).toMatchObject({ content: '<p>Second text</p>', version: 2 });
    // The same content again changes nothing (no new revision).
    const same = await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 2, content: '<p>Second text</p>' } });
    expect(same.updateDocumentDraft.document.draft.version).toBe(2);
  });

  it('updates the details with optimistic locking', async () => {
    const doc = await create(org);
    const { updateDocument } = await org.as.ISMS_MANAGER.ok(UPDATE, { input: { id: doc.id, version: 1, title: 'Access control policy (2027)', audienceRoles: ['EMPLOYEE', 'CONTRIBUTOR'], reviewIntervalMonths: 6 } });
    expect(updateDocument.document).toMatchObject({ version: 2, title: 'Access control policy (2027)', audienceRoles: ['EMPLOYEE', 'CONTRIBUTOR'], reviewIntervalMonths: 6 });
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { id: doc.id, version: 1, title: 'Stale' } })).toBe('CONFLICT');
    expect((await read(doc.id)) as unknown as { title: string }).toMatchObject({ title: 'Access control policy (2027)' });
  });
});

describe('documents: versions, approval, publication', () => {
  it('freezes a hashed version, approves exactly that content, publishes it and supersedes the previous one', async () => {
    const doc = await create(org, { title: 'Information security policy', mandatoryRefs: ['MD-5.2'] });
    const { submitDocumentForApproval: submitted } = await org.as.ISMS_MANAGER.ok(SUBMIT, {
      input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'First issue', major: true },
    });
    expect(submitted.version).toMatchObject({ number: '1.0', status: 'PENDING_APPROVAL', contentHash: doc.draft!.contentHash });
    expect(submitted.approvalRequest).toMatchObject({ status: 'PENDING', subjectHash: doc.draft!.contentHash });
    expect((await read(doc.id)).status).toBe('IN_REVIEW');
    // Publishing before approval is refused.
    const early = await org.as.ISMS_MANAGER.request(PUBLISH, { input: { documentVersionId: submitted.version.id } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_APPROVED' });
    // Submitting the same content again is a conflict.
    expect(await org.as.ISMS_MANAGER.code(SUBMIT, { input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'Again', major: true } })).toBe('CONFLICT');
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: submitted.approvalRequest.id, decision: 'APPROVE' } });
    expect((await read(doc.id)).status).toBe('APPROVED');
    const { publishDocumentVersion } = await org.as.ISMS_MANAGER.ok(PUBLISH, { input: { documentVersionId: submitted.version.id } });
    const published = publishDocumentVersion.document as Doc;
    expect(published).toMatchObject({ status: 'PUBLISHED', currentVersion: { number: '1.0', status: 'PUBLISHED' }, nextReviewOn: addMonths(todayUtc(), 12), pendingVersion: null });
    expect(published.draft!.changedSinceCurrentVersion).toBe(false);
    // Unchanged draft: nothing to submit.
    const unchanged = await org.as.ISMS_MANAGER.request(SUBMIT, { input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'No change', major: false } });
    expect(unchanged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CHANGES' });
    // A minor version supersedes 1.0.
    await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: published.draft!.version, content: '<h1>Access</h1><p>Least privilege, always.</p>' } });
    const minor = await publishDraft(org, doc.id, false, 'Wording');
    expect(minor.version.number).toBe('1.1');
    const after = await read(doc.id);
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      ['1.1', 'PUBLISHED'],
      ['1.0', 'SUPERSEDED'],
    ]);
    // A version that is no longer current cannot be published again.
    expect(await org.as.ISMS_MANAGER.code(PUBLISH, { input: { documentVersionId: submitted.version.id } })).toBe('BAD_USER_INPUT');
  });

  it('withdraws the approval when the draft changes after submission, visibly, and a decision then conflicts', async () => {
    const doc = await create(org);
    const { submitDocumentForApproval: submitted } = await org.as.ISMS_MANAGER.ok(SUBMIT, {
      input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'First', major: true },
    });
    await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>Changed after submission</p>' } });
    const withdrawn = await read(doc.id);
    expect(withdrawn.versions[0]).toMatchObject({ number: '1.0', status: 'WITHDRAWN', approvalRequest: { status: 'INVALIDATED' } });
    expect(withdrawn.status).toBe('DRAFT');
    expect(await org.as.MANAGEMENT.code(DECIDE, { input: { approvalRequestId: submitted.approvalRequest.id, decision: 'APPROVE' } })).toBe('CONFLICT');
    // Editing after approval (before publication) withdraws it too.
    const second = await org.as.ISMS_MANAGER.ok(SUBMIT, { input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'Second', major: true } });
    expect(second.submitDocumentForApproval.version.number).toBe('2.0');
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: second.submitDocumentForApproval.approvalRequest.id, decision: 'APPROVE' } });
    await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 2, content: '<p>Changed after approval</p>' } });
    expect((await read(doc.id)).versions[0]).toMatchObject({ number: '2.0', status: 'WITHDRAWN' });
    expect((await org.as.ISMS_MANAGER.request(PUBLISH, { input: { documentVersionId: second.submitDocumentForApproval.version.id } })).errors?.[0]?.extensions).toMatchObject({
      reason: 'NOT_APPROVED',
    });
  });

  it('compares any two versions, or a version and the draft, word by word', async () => {
    const doc = await create(org, { content: '<p>Backups are kept for 14 days.</p>' });
    const { version } = await publishDraft(org, doc.id);
    await org.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>Backups are kept for 35 days in a second region.</p>' } });
    const { node } = await org.as.ISMS_MANAGER.ok(`query($id: ID!, $v: ID) { node(id: $id) { ... on Document { compare(fromVersionId: $v) { fromLabel toLabel added removed binary parts { kind text } } } } }`, {
      id: doc.id,
      v: version.id,
    });
    expect(node.compare).toMatchObject({ fromLabel: 'version 1.0', binary: false, added: 5, removed: 1 });
    expect(node.compare.parts).toContainEqual({ kind: 'REMOVED', text: '14' });
    expect(node.compare.parts).toContainEqual({ kind: 'ADDED', text: '35' });
  });
});

describe('documents: acknowledgement', () => {
  const TO_ACK = `query($id: ID!) { organization(id: $id) { documentsToAcknowledge { id } } }`;
  const STATUS = `query($id: ID!) { node(id: $id) { ... on Document { acknowledgement { versionNumber required acknowledged percent byRole { role required acknowledged percent } people { user { id } role acknowledgedAt } } } } }`;

  it('asks the audience to acknowledge a publication with a task and a notification, and counts coverage per role', async () => {
    const target = await buildOrganization(server, 'Acknowledgers B.V.');
    const doc = await create(target, { title: 'Acceptable use policy', audienceRoles: ['EMPLOYEE', 'CONTRIBUTOR'] });
    const { version } = await publishDraft(target, doc.id);
    const tasks = await count(`SELECT count(*) AS n FROM tasks WHERE subject_id = $1 AND status = 'OPEN'`, [doc.id]);
    expect(tasks).toBe(2);
    const { viewer } = await target.as.EMPLOYEE.ok(`{ viewer { notifications(first: 10) { edges { node { kind title } } } } }`);
    expect(viewer.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toContain('ACKNOWLEDGEMENT_REQUESTED');
    expect((await target.as.EMPLOYEE.ok(TO_ACK, { id: target.id })).organization.documentsToAcknowledge).toEqual([{ id: doc.id }]);
    expect((await target.as.MANAGEMENT.ok(TO_ACK, { id: target.id })).organization.documentsToAcknowledge).toEqual([]);
    // Not in the audience: refused.
    expect((await target.as.MANAGEMENT.request(ACK, { input: { documentVersionId: version.id } })).errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_IN_AUDIENCE' });

    const { acknowledgeDocument } = await target.as.EMPLOYEE.ok(ACK, { input: { documentVersionId: version.id } });
    expect(acknowledgeDocument.acknowledgement.user.id).toBe(target.users.EMPLOYEE.id);
    // Idempotent: the second time answers the first acknowledgement.
    expect((await target.as.EMPLOYEE.ok(ACK, { input: { documentVersionId: version.id } })).acknowledgeDocument.acknowledgement.at).toBe(acknowledgeDocument.acknowledgement.at);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE subject_id = $1 AND assignee_id = $2 AND status = 'DONE'`, [doc.id, target.users.EMPLOYEE.id])).toBe(1);
    expect((await target.as.EMPLOYEE.ok(TO_ACK, { id: target.id })).organization.documentsToAcknowledge).toEqual([]);

    const { node } = await target.as.AUDITOR.ok(STATUS, { id: doc.id });
    expect(node.acknowledgement).toMatchObject({ versionNumber: '1.0', required: 2, acknowledged: 1, percent: 50 });
    expect(node.acknowledgement.byRole).toEqual(
      expect.arrayContaining([
        { role: 'EMPLOYEE', required: 1, acknowledged: 1, percent: 100 },
        { role: 'CONTRIBUTOR', required: 1, acknowledged: 0, percent: 0 },
      ]),
    );
    // Employees do not see who acknowledged.
    expect((await target.as.EMPLOYEE.ok(STATUS, { id: doc.id })).node.acknowledgement).toBeNull();

    // A minor version keeps the acknowledgements; a major one asks again.
    await target.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>Minor wording.</p>' } });
    await publishDraft(target, doc.id, false);
    expect((await target.as.EMPLOYEE.ok(TO_ACK, { id: target.id })).organization.documentsToAcknowledge).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE subject_id = $1 AND status = 'OPEN'`, [doc.id])).toBe(1);
    await target.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: doc.id, baseVersion: 2, content: '<p>New rules.</p>' } });
    const major = await publishDraft(target, doc.id, true);
    expect(major.version.number).toBe('2.0');
    expect((await target.as.EMPLOYEE.ok(TO_ACK, { id: target.id })).organization.documentsToAcknowledge).toEqual([{ id: doc.id }]);
    // The earlier unanswered request is replaced by the new one.
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE subject_id = $1 AND status = 'OPEN'`, [doc.id])).toBe(2);
    expect((await target.as.AUDITOR.ok(STATUS, { id: doc.id })).node.acknowledgement).toMatchObject({ versionNumber: '2.0', acknowledged: 0 });
  });
});

describe('documents: review cycle', () => {
  it('raises a review task before the review falls due, flags it overdue, and a review moves the date on', async () => {
    const target = await buildOrganization(server, 'Reviewers B.V.');
    const doc = await create(target, { title: 'Backup procedure', kind: 'PROCEDURE' });
    await publishDraft(target, doc.id);
    await server.services.db.dataSource.query(`UPDATE documents SET next_review_on = current_date - 3 WHERE id = $1`, [doc.id]);
    expect((await read(doc.id, target.as.ISMS_MANAGER)) as unknown as { reviewOverdue: boolean }).toMatchObject({ reviewOverdue: true });
    const overdueList = await target.as.ISMS_MANAGER.ok(LIST, { id: target.id, filter: { reviewOverdue: true } });
    expect(overdueList.organization.documents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([doc.id]);
    expect(await server.services.documents.raiseReviewTasks()).toBeGreaterThanOrEqual(1);
    expect(await server.services.documents.raiseReviewTasks()).toBe(0); // once per cycle
    const [task] = (await server.services.db.dataSource.query(`SELECT t.id, t.title, t.assignee_id, t.status FROM tasks t JOIN documents d ON d.review_task_id = t.id WHERE d.id = $1`, [doc.id])) as Array<{
      title: string;
      assignee_id: string;
      status: string;
      id: string;
    }>;
    expect(task).toMatchObject({ title: 'Review: Backup procedure', assignee_id: target.users.ISMS_MANAGER.id, status: 'OPEN' });
    const { markDocumentReviewed } = await target.as.ISMS_MANAGER.ok(`mutation($input: MarkDocumentReviewedInput!) { markDocumentReviewed(input: $input) { document { nextReviewOn reviewOverdue } } }`, {
      input: { documentId: doc.id, note: 'Still accurate.' },
    });
    expect(markDocumentReviewed.document).toEqual({ nextReviewOn: addMonths(todayUtc(), 12), reviewOverdue: false });
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE id = $1 AND status = 'DONE'`, [task!.id])).toBe(1);
  });
});

describe('documents: mandatory documents and consistency', () => {
  const CHECKS = `query($id: ID!) { organization(id: $id) { mandatoryDocuments { ref title satisfied documents { id } } consistencyIssues { code severity message ref subjects { id } } } }`;
  type Issue = { code: string; severity: string; ref: string | null; subjects: Array<{ id: string }> };

  it('fills the checklist from published, approved, current documents and lists contradictions from the data', async () => {
    const target = await buildOrganization(server, 'Consistency B.V.');
    const policy = await create(target, { title: 'Information security policy', mandatoryRefs: ['MD-5.2'], controlRefs: ['A.5.1'] });
    let checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    const md52 = () => checks.mandatoryDocuments.find((m: { ref: string }) => m.ref === 'MD-5.2');
    expect(md52()).toMatchObject({ title: 'Information security policy', satisfied: false, documents: [] }); // the auditor does not see the draft
    expect(checks.consistencyIssues.filter((i: Issue) => i.code === 'MANDATORY_DOCUMENT_MISSING').map((i: Issue) => i.ref)).toContain('MD-5.2');

    await publishDraft(target, policy.id);
    checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    expect(md52()).toMatchObject({ satisfied: true, documents: [{ id: policy.id }] });
    expect(checks.consistencyIssues.map((i: Issue) => i.ref)).not.toContain('MD-5.2');

    // Past its review date: no longer satisfies, and is flagged.
    await server.services.db.dataSource.query(`UPDATE documents SET next_review_on = current_date - 1 WHERE id = $1`, [policy.id]);
    checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    expect(md52().satisfied).toBe(false);
    expect(checks.consistencyIssues).toContainEqual(expect.objectContaining({ code: 'REVIEW_OVERDUE', severity: 'WARNING', subjects: [{ id: policy.id }] }));
    await server.services.db.dataSource.query(`UPDATE documents SET next_review_on = current_date + 100 WHERE id = $1`, [policy.id]);

    // An approval that no longer matches the published content (tampering) has lapsed.
    await server.services.db.dataSource.query(
      `UPDATE approval_requests SET status = 'INVALIDATED' WHERE id = (SELECT v.approval_request_id FROM document_versions v JOIN documents d ON d.current_version_id = v.id WHERE d.id = $1)`,
      [policy.id],
    );
    checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    expect(checks.consistencyIssues).toContainEqual(expect.objectContaining({ code: 'APPROVAL_LAPSED', severity: 'ERROR', subjects: [{ id: policy.id }] }));

    // A control unknown to the catalogue (data from elsewhere).
    await server.services.db.dataSource.query(`UPDATE documents SET control_refs = array_append(control_refs, 'A.99.9') WHERE id = $1`, [policy.id]);
    checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    expect(checks.consistencyIssues).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_CONTROL_REFERENCE', ref: 'A.99.9' }));

    // The SoA excludes a control a risk treatment relies on; an applicable control no document addresses.
    await target.as.ISMS_MANAGER.ok(`mutation($input: UpdateSoaEntryInput!) { updateSoaEntry(input: $input) { entry { id } } }`, {
      input: { organizationId: target.id, controlRef: 'A.8.7', applicable: false, justification: 'No malware risk.' },
    });
    await target.as.ISMS_MANAGER.ok(`mutation($input: UpdateSoaEntryInput!) { updateSoaEntry(input: $input) { entry { id } } }`, {
      input: { organizationId: target.id, controlRef: 'A.8.13', applicable: true, justification: 'Backups.' },
    });
    const { createRisk } = await target.as.ISMS_MANAGER.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, {
      input: { organizationId: target.id, title: 'Ransomware', likelihood: 4, impact: 5, treatment: 'MITIGATE', controlRefs: ['A.8.7'] },
    });
    checks = (await target.as.AUDITOR.ok(CHECKS, { id: target.id })).organization;
    const excluded = checks.consistencyIssues.find((i: Issue) => i.code === 'EXCLUDED_CONTROL_RELIED_ON');
    expect(excluded).toMatchObject({ severity: 'ERROR', ref: 'A.8.7' });
    expect(excluded.subjects[0]).toEqual({ id: createRisk.risk.id });
    expect(checks.consistencyIssues).toContainEqual(expect.objectContaining({ code: 'APPLICABLE_CONTROL_UNDOCUMENTED', severity: 'WARNING', ref: 'A.8.13' }));
    // Errors come first.
    const severities = checks.consistencyIssues.map((i: Issue) => i.severity);
    expect(severities.indexOf('WARNING')).toBeGreaterThan(severities.lastIndexOf('ERROR'));
  });

  it('updates live: a publication emits document events the consistency panel listens to', async () => {
    const target = await buildOrganization(server, 'Live docs B.V.');
    const doc = await create(target);
    await publishDraft(target, doc.id);
    const types = (await server.services.db.dataSource.query(`SELECT type FROM organization_events WHERE organization_id = $1 AND entity_id = $2 ORDER BY seq`, [target.id, doc.id])) as Array<{
      type: string;
    }>;
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['document.created', 'document.submitted', 'document.published']));
  });
});

describe('documents: uploaded files', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const upload = (as: ApiClient, id: string, body: FormData, headers: Record<string, string> = { 'x-annex-upload': '1' }) =>
    fetch(`${server.url}/documents/${id}/file`, { method: 'POST', body, headers: { ...headers, ...(as.cookie ? { cookie: as.cookie } : {}) } });
  const form = (bytes: Buffer, type: string, name: string, baseVersion?: number) => {
    const data = new FormData();
    data.append('file', new Blob([bytes], { type }), name);
    if (baseVersion !== undefined) data.append('baseVersion', String(baseVersion));
    return data;
  };

  it('takes a PDF as the draft of a file document, versions it by its hash and serves it to those allowed', async () => {
    const doc = await create(org, { title: 'Signed NDA template', kind: 'RECORD', format: 'FILE', content: null });
    expect((await upload(org.as.ISMS_MANAGER, doc.id, form(pdf, 'application/pdf', 'nda.pdf'), {})).status).toBe(403); // no CSRF header
    const wrongType = await upload(org.as.ISMS_MANAGER, doc.id, form(Buffer.from('hello'), 'text/plain', 'a.txt'));
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
    expect((await upload(org.as.EMPLOYEE, doc.id, form(pdf, 'application/pdf', 'nda.pdf'))).status).toBe(404); // cannot see the draft document
    expect((await upload(other.as.OWNER, doc.id, form(pdf, 'application/pdf', 'nda.pdf'))).status).toBe(404);
    const stale = await upload(org.as.ISMS_MANAGER, doc.id, form(pdf, 'application/pdf', 'nda.pdf', 7));
    expect(stale.status).toBe(409);
    const ok = await upload(org.as.ISMS_MANAGER, doc.id, form(pdf, 'application/pdf', 'nda.pdf', 1));
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { draftVersion: number; sha256: string };
    expect(body).toMatchObject({ draftVersion: 2, sha256: createHashHex(pdf) });
    const { version } = await publishDraft(org, doc.id);
    const { node } = await org.as.EMPLOYEE.ok(`query($id: ID!) { node(id: $id) { ... on DocumentVersion { contentHash file { url filename size sha256 } } } }`, { id: version.id });
    expect(node).toMatchObject({ contentHash: body.sha256, file: { filename: 'nda.pdf', size: pdf.length, sha256: body.sha256 } });
    const download = await fetch(`${server.url}${node.file.url}`, { headers: { cookie: org.as.EMPLOYEE.cookie! } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await fetch(`${server.url}${node.file.url}`, { headers: { cookie: other.as.OWNER.cookie! } })).status).toBe(404);
    expect((await fetch(`${server.url}${node.file.url}`)).status).toBe(401);
  });
});

function createHashHex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('documents: who sees and does what', () => {
  it('shows auditors and employees published versions only, employees only what is addressed to them', async () => {
    const target = await buildOrganization(server, 'Visibility B.V.');
    const published = await create(target, { title: 'For everyone' });
    const { version } = await publishDraft(target, published.id);
    await target.as.ISMS_MANAGER.ok(DRAFT, { input: { documentId: published.id, baseVersion: 1, content: '<p>Next edition</p>' } });
    const pending = (await target.as.ISMS_MANAGER.ok(SUBMIT, { input: { documentId: published.id, approverIds: [target.users.MANAGEMENT.id], changeSummary: 'Next', major: true } }))
      .submitDocumentForApproval.version;
    const draftOnly = await create(target, { title: 'Draft only' });
    const teamOnly = await create(target, { title: 'For the team', audienceRoles: ['CONTRIBUTOR'] });
    await publishDraft(target, teamOnly.id);

    for (const role of ['AUDITOR', 'EMPLOYEE'] as Role[]) {
      const doc = await read(published.id, target.as[role]);
      expect(doc.draft, role).toBeNull();
      expect(doc.status, role).toBe('PUBLISHED');
      expect(doc.pendingVersion, role).toBeNull();
      expect(doc.versions.map((v) => v.id), role).toEqual([version.id]);
      expect((await target.as[role].ok(`query($id: ID!) { node(id: $id) { id } }`, { id: pending.id })).node, role).toBeNull();
      expect((await target.as[role].ok(`query($id: ID!) { node(id: $id) { id } }`, { id: draftOnly.id })).node, role).toBeNull();
    }
    const titles = async (as: ApiClient) => (await as.ok(LIST, { id: target.id })).organization.documents.edges.map((e: { node: { title: string } }) => e.node.title).sort();
    expect(await titles(target.as.AUDITOR)).toEqual(['For everyone', 'For the team']);
    expect(await titles(target.as.EMPLOYEE)).toEqual(['For everyone']);
    expect(await titles(target.as.MANAGEMENT)).toEqual(['Draft only', 'For everyone', 'For the team']);
  });

  it('lets contributors edit the documents they own, not others’', async () => {
    const target = await buildOrganization(server, 'Contributors B.V.');
    const theirs = await create(target, { title: 'Mine', ownerId: target.users.CONTRIBUTOR.id });
    const notTheirs = await create(target, { title: 'Not mine' });
    await target.as.CONTRIBUTOR.ok(DRAFT, { input: { documentId: theirs.id, baseVersion: 1, content: '<p>Edited by its owner</p>' } });
    expect(await target.as.CONTRIBUTOR.code(DRAFT, { input: { documentId: notTheirs.id, baseVersion: 1, content: '<p>x</p>' } })).toBe('FORBIDDEN');
    expect((await read(notTheirs.id, target.as.CONTRIBUTOR)).viewerCanEdit).toBe(false);
    // A task on the document lets them work on it.
    await target.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
      input: { organizationId: target.id, title: 'Update the policy', assigneeId: target.users.CONTRIBUTOR.id, subjectId: notTheirs.id },
    });
    await target.as.CONTRIBUTOR.ok(DRAFT, { input: { documentId: notTheirs.id, baseVersion: 1, content: '<p>Edited on a task</p>' } });
  });

  it.each(ROLES.map((role) => [role] as [Role]))('RBAC: %s', async (role) => {
    const as = org.as[role];
    const created = await as.request(CREATE, { input: { organizationId: org.id, title: `By ${role}`, kind: 'PROCEDURE' } });
    if (roleCan(role, 'document:create')) expect(created.errors).toBeUndefined();
    else expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const doc = await create(org, { title: `Edited by ${role}` });
    const edit = await as.request(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: `<p>${role}</p>` } });
    if (roleCan(role, 'document:updateAny')) expect(edit.errors).toBeUndefined();
    else expect(edit.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const submit = await as.request(SUBMIT, { input: { documentId: doc.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'x', major: true } });
    if (roleCan(role, 'document:updateAny') && role !== 'MANAGEMENT') expect(submit.errors).toBeUndefined();
    else expect(submit.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND|BAD_USER_INPUT/);
    const other = await create(org, { title: `Published for ${role}` });
    const { version } = await publishDraft(org, other.id);
    const toPublish = await create(org, { title: `To publish by ${role}` });
    const { submitDocumentForApproval } = await org.as.ISMS_MANAGER.ok(SUBMIT, { input: { documentId: toPublish.id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'x', major: true } });
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: submitDocumentForApproval.approvalRequest.id, decision: 'APPROVE' } });
    const publish = await as.request(PUBLISH, { input: { documentVersionId: submitDocumentForApproval.version.id } });
    if (roleCan(role, 'document:publish')) expect(publish.errors).toBeUndefined();
    else expect(publish.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const ack = await as.request(ACK, { input: { documentVersionId: version.id } });
    expect(ack.errors).toBeUndefined();
    const checks = await as.request(`query($id: ID!) { organization(id: $id) { consistencyIssues { code } } }`, { id: org.id });
    if (roleCan(role, 'consistency:read')) expect(checks.errors).toBeUndefined();
    else expect(checks.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('documents: tenant isolation', () => {
  it('another organisation neither sees nor changes documents, versions or acknowledgements', async () => {
    const doc = await create(org, { title: 'Confidential policy' });
    const { version } = await publishDraft(org, doc.id);
    expect((await other.as.OWNER.ok(DOC, { id: doc.id })).node).toBeNull();
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: version.id })).node).toBeNull();
    expect((await other.as.OWNER.ok(LIST, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(CREATE, { input: { organizationId: org.id, title: 'Injected', kind: 'POLICY' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(UPDATE, { input: { id: doc.id, version: 1, title: 'pwned' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(DRAFT, { input: { documentId: doc.id, baseVersion: 1, content: '<p>pwned</p>' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(SUBMIT, { input: { documentId: doc.id, approverIds: [other.users.MANAGEMENT.id], changeSummary: 'x', major: true } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(PUBLISH, { input: { documentVersionId: version.id } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(ACK, { input: { documentVersionId: version.id } })).toBe('NOT_FOUND');
    // Approvers must be members of the document's organisation.
    const foreignApprover = await org.as.ISMS_MANAGER.request(SUBMIT, { input: { documentId: (await create(org)).id, approverIds: [other.users.MANAGEMENT.id], changeSummary: 'x', major: true } });
    expect(foreignApprover.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approverIds' });
  });
});
