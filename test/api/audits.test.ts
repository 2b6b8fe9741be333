import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, TEST_PASSWORD, uniqueEmail, type TestOrg } from '../support/factories.js';
import { ApiClient } from '../support/client.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
/** A second auditor of `org`, on no audit. */
let outsider: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ UPLOAD_MAX_MB: '1' });
  org = await buildOrganization(server, 'Audited B.V.');
  other = await buildOrganization(server, 'Other audited B.V.');
  const email = uniqueEmail('auditor2');
  const { inviteMember } = await org.as.OWNER.ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, {
    input: { organizationId: org.id, email, role: 'AUDITOR' },
  });
  expect(inviteMember.invitation.id).toBeTruthy();
  const message = await server.mail.waitFor((m) => m.to.includes(email));
  const token = /token=([\w-]+)/.exec(message.text)![1];
  outsider = new ApiClient(server.url);
  await outsider.ok(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }`, { input: { token, name: 'Second Auditor', password: TEST_PASSWORD } });
});
afterAll(async () => {
  await server?.stop();
});

const AUDIT_FIELDS = `id version kind title status startDate endDate scopeRefs leadAuditor { id } team { id } checklist { id ref verdict version }
  evidenceRequests { id status overdue } findings { id kind requirementRef correctiveAction { id status } } viewerCanConduct`;
const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { ${AUDIT_FIELDS} } } }`;
const UPDATE_AUDIT = `mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { ${AUDIT_FIELDS} } } }`;
const REQUEST = `mutation($input: RequestEvidenceInput!) { requestEvidence(input: $input) { evidenceRequest { id status dueAt overdue owner { id } } } }`;
const ANSWER = `mutation($input: AnswerEvidenceRequestInput!) { answerEvidenceRequest(input: $input) { evidenceRequest { id status answerNote evidence { id file { sha256 filename } } } } }`;
const REVIEW = `mutation($input: ReviewEvidenceRequestInput!) { reviewEvidenceRequest(input: $input) { evidenceRequest { id status reviewComment } } }`;
const RAISE = `mutation($input: RaiseFindingInput!) { raiseFinding(input: $input) { finding { id kind requirementRef requirementTitle evidence { id } } } }`;
const CREATE_CA = `mutation($input: CreateCorrectiveActionInput!) { createCorrectiveAction(input: $input) { correctiveAction { id version status dueDate overdue finding { id } owner { id } } } }`;
const UPDATE_CA = `mutation($input: UpdateCorrectiveActionInput!) { updateCorrectiveAction(input: $input) { correctiveAction { id version status } } }`;
const VERIFY = `mutation($input: VerifyCorrectiveActionInput!) { verifyCorrectiveAction(input: $input) { correctiveAction { id version status lastRejection verifiedBy { id } effectivenessReviewOn } } }`;
const CERTIFICATION = `query($id: ID!) { organization(id: $id) { certification { status blockers { code message subject { id } } certificate { issuedOn expiresOn certificateNumber } nextAudits { kind dueOn audit { id } } } } }`;
const DECIDE = `mutation($input: RecordCertificationDecisionInput!) { recordCertificationDecision(input: $input) { certification { status } } }`;
const CERTIFICATE = `mutation($input: RecordCertificateInput!) { recordCertificate(input: $input) { certificate { issuedOn expiresOn } } }`;

async function upload(as: ApiClient, organizationId: string, bytes: Buffer, type: string, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const response = await fetch(`${server.url}/uploads`, { method: 'POST', body: form, headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId, ...(as.cookie ? { cookie: as.cookie } : {}) } });
  return { status: response.status, body: (await response.json()) as { id?: string; sha256?: string; error?: { code: string; message: string } } };
}

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);

describe('audits and certification: the whole path through the API', () => {
  it('plans audits, requests and answers evidence, blocks the decision on a major NC until its action is verified, then certifies', async () => {
    const today = todayUtc();
    // Stage 1, done and closed.
    const stage1 = (await org.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: org.id, kind: 'STAGE1', title: 'Stage 1', startDate: addDays(today, -40), endDate: addDays(today, -39), leadAuditorId: org.users.AUDITOR.id, scopeRefs: ['4', '5.2'] },
    })).createAudit.audit;
    expect(stage1.checklist.map((c: { ref: string }) => c.ref)).toEqual(expect.arrayContaining(['4.1', '4.2', '4.3', '4.4', '5.2']));
    let certification = (await org.as.AUDITOR.ok(CERTIFICATION, { id: org.id })).organization.certification;
    expect(certification.status).toBe('IN_PROGRESS');
    expect(certification.blockers.map((b: { code: string }) => b.code)).toContain('NO_STAGE2_AUDIT');

    await org.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: stage1.id, version: 1, status: 'CLOSED' } });
    // Stage 2, this week, led by the auditor.
    const stage2 = (await org.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: org.id, kind: 'STAGE2', title: 'Stage 2', startDate: today, endDate: addDays(today, 3), leadAuditorId: org.users.AUDITOR.id, scopeRefs: ['A.5.15', 'A.8'] },
    })).createAudit.audit;
    expect(stage2.checklist.length).toBeGreaterThan(30);
    expect(stage2.viewerCanConduct).toBe(true); // admins may conduct too; auditors only the audits they are on
    await org.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: stage2.id, version: 1, status: 'IN_PROGRESS' } });
    expect(await org.as.AUDITOR.code(UPDATE_AUDIT, { input: { id: stage2.id, version: 2, status: 'PLANNED' } })).toBe('BAD_USER_INPUT');

    // Evidence: requested by the auditor, answered by the contributor with a file, returned, answered again, accepted.
    const { requestEvidence } = await org.as.AUDITOR.ok(REQUEST, {
      input: { auditId: stage2.id, title: 'Access review of March', description: 'The signed review of admin accounts.', ownerId: org.users.CONTRIBUTOR.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const request = requestEvidence.evidenceRequest;
    expect(request).toMatchObject({ status: 'OPEN', overdue: false, owner: { id: org.users.CONTRIBUTOR.id } });
    const file = Buffer.from('%PDF-1.4 access review of March\n%%EOF\n');
    const uploaded = await upload(org.as.CONTRIBUTOR, org.id, file, 'application/pdf', 'access-review-march.pdf', { controlRefs: 'A.5.18' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await org.as.AUDITOR.code(REVIEW, { input: { evidenceRequestId: request.id, accepted: true } })).toBe('CONFLICT'); // nothing answered yet
    expect(await org.as.EMPLOYEE.code(ANSWER, { input: { evidenceRequestId: request.id, note: 'me' } })).toBe('NOT_FOUND'); // employees do not see audits
    expect(await org.as.MANAGEMENT.code(ANSWER, { input: { evidenceRequestId: request.id, note: 'me' } })).toBe('FORBIDDEN'); // not the one asked
    const answered = (await org.as.CONTRIBUTOR.ok(ANSWER, { input: { evidenceRequestId: request.id, evidenceIds: [uploaded.body.id], note: 'Attached.' } })).answerEvidenceRequest.evidenceRequest;
    expect(answered).toMatchObject({ status: 'ANSWERED', evidence: [{ id: uploaded.body.id, file: { filename: 'access-review-march.pdf', sha256: uploaded.body.sha256 } }] });
    const noReason = await org.as.AUDITOR.request(REVIEW, { input: { evidenceRequestId: request.id, accepted: false } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    expect((await org.as.AUDITOR.ok(REVIEW, { input: { evidenceRequestId: request.id, accepted: false, comment: 'The signature page is missing.' } })).reviewEvidenceRequest.evidenceRequest.status).toBe('RETURNED');
    await org.as.CONTRIBUTOR.ok(ANSWER, { input: { evidenceRequestId: request.id, note: 'Signature page added to the same file.' } });
    expect((await org.as.AUDITOR.ok(REVIEW, { input: { evidenceRequestId: request.id, accepted: true } })).reviewEvidenceRequest.evidenceRequest.status).toBe('ACCEPTED');
    // The auditor may download the evidence of their audit.
    const evidence = (await org.as.AUDITOR.ok(`query($id: ID!) { node(id: $id) { ... on Evidence { file { url } } } }`, { id: uploaded.body.id })).node;
    expect((await fetch(`${server.url}${evidence.file.url}`, { headers: { cookie: org.as.AUDITOR.cookie! } })).status).toBe(200);

    // A major nonconformity: the decision is blocked.
    expect((await org.as.AUDITOR.request(RAISE, { input: { auditId: stage2.id, kind: 'MAJOR_NONCONFORMITY', requirementRef: 'A.99.1', description: 'x' } })).errors?.[0]?.extensions).toMatchObject({
      field: 'requirementRef',
      reason: 'UNKNOWN_REFERENCE',
    });
    const finding = (await org.as.AUDITOR.ok(RAISE, {
      input: { auditId: stage2.id, kind: 'MAJOR_NONCONFORMITY', requirementRef: 'A.5.15', description: 'Leavers keep access for weeks.', evidenceIds: [uploaded.body.id] },
    })).raiseFinding.finding;
    expect(finding).toMatchObject({ kind: 'MAJOR_NONCONFORMITY', requirementTitle: 'Access control' });
    await org.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: stage2.id, version: 2, status: 'REPORTING' } });
    certification = (await org.as.MANAGEMENT.ok(CERTIFICATION, { id: org.id })).organization.certification;
    expect(certification.status).toBe('BLOCKED');
    expect(certification.blockers).toContainEqual(expect.objectContaining({ code: 'OPEN_MAJOR_NONCONFORMITY', subject: { id: finding.id } }));
    const blocked = await org.as.ISMS_MANAGER.request(DECIDE, { input: { organizationId: org.id, auditId: stage2.id, decision: 'GRANTED', decidedOn: today } });
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BLOCKED' });
    expect(await count(`SELECT count(*) AS n FROM certification_decisions WHERE organization_id = $1`, [org.id])).toBe(0);

    // The corrective action moves forward step by step; only the auditor verifies it.
    const ca = (await org.as.ISMS_MANAGER.ok(CREATE_CA, { input: { findingId: finding.id, ownerId: org.users.CONTRIBUTOR.id, correction: 'Removed the leavers’ accounts.' } })).createCorrectiveAction.correctiveAction;
    expect(ca).toMatchObject({ status: 'OPEN', dueDate: addDays(addDays(today, 3), 30), overdue: false, owner: { id: org.users.CONTRIBUTOR.id } });
    expect(await org.as.ISMS_MANAGER.code(CREATE_CA, { input: { findingId: finding.id } })).toBe('CONFLICT');
    const stepErr = async (input: Record<string, unknown>) => (await org.as.CONTRIBUTOR.request(UPDATE_CA, { input })).errors?.[0]?.extensions;
    expect(await stepErr({ id: ca.id, version: 1, status: 'IMPLEMENTED' })).toMatchObject({ reason: 'SKIP' });
    expect(await stepErr({ id: ca.id, version: 1, status: 'VERIFIED' })).toMatchObject({ reason: 'VERIFY_ONLY' });
    await org.as.CONTRIBUTOR.ok(UPDATE_CA, { input: { id: ca.id, version: 1, status: 'IN_PROGRESS' } });
    expect(await stepErr({ id: ca.id, version: 2, status: 'IMPLEMENTED' })).toMatchObject({ reason: 'INCOMPLETE' });
    expect((await org.as.CONTRIBUTOR.request(UPDATE_CA, { input: { id: ca.id, version: 1, rootCause: 'stale' } })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await org.as.CONTRIBUTOR.ok(UPDATE_CA, {
      input: { id: ca.id, version: 2, rootCauseMethod: 'FIVE_WHYS', rootCause: 'HR did not tell IT about leavers.', action: 'Leavers now come from the HR system automatically.', preventiveMeasures: 'Monthly reconciliation.', status: 'IMPLEMENTED' },
    });
    expect(await outsider.code(VERIFY, { input: { id: ca.id, effective: true } })).toBe('NOT_FOUND'); // not on the audit
    expect(await org.as.ISMS_MANAGER.code(VERIFY, { input: { id: ca.id, effective: true } })).toBe('FORBIDDEN');
    const rejected = (await org.as.AUDITOR.ok(VERIFY, { input: { id: ca.id, effective: false, comment: 'Two leavers still have VPN access.' } })).verifyCorrectiveAction.correctiveAction;
    expect(rejected).toMatchObject({ status: 'IN_PROGRESS', lastRejection: 'Two leavers still have VPN access.' });
    await org.as.CONTRIBUTOR.ok(UPDATE_CA, { input: { id: ca.id, version: rejected.version, status: 'IMPLEMENTED' } });
    const verified = (await org.as.AUDITOR.ok(VERIFY, { input: { id: ca.id, effective: true, comment: 'Checked a sample of ten leavers.' } })).verifyCorrectiveAction.correctiveAction;
    expect(verified).toMatchObject({ status: 'VERIFIED', verifiedBy: { id: org.users.AUDITOR.id }, effectivenessReviewOn: addDays(today, 90) });

    // Unblocked: the decision, the certificate and the cycle.
    certification = (await org.as.ISMS_MANAGER.ok(CERTIFICATION, { id: org.id })).organization.certification;
    expect(certification).toMatchObject({ status: 'READY_FOR_DECISION', blockers: [] });
    await org.as.ISMS_MANAGER.ok(DECIDE, { input: { organizationId: org.id, auditId: stage2.id, decision: 'GRANTED', decidedOn: today } });
    const { recordCertificate } = await org.as.ISMS_MANAGER.ok(CERTIFICATE, {
      input: { organizationId: org.id, issuedOn: today, certificationBody: 'Certibody', certificateNumber: 'ISMS-2026-001', scope: 'The platform.' },
    });
    expect(recordCertificate.certificate).toEqual({ issuedOn: today, expiresOn: addMonths(today, 36) });
    certification = (await org.as.AUDITOR.ok(CERTIFICATION, { id: org.id })).organization.certification;
    expect(certification.status).toBe('CERTIFIED');
    expect(certification.certificate).toMatchObject({ certificateNumber: 'ISMS-2026-001', expiresOn: addMonths(today, 36) });
    const next = certification.nextAudits.map((n: { kind: string; dueOn: string }) => [n.kind, n.dueOn]);
    expect(next).toEqual(expect.arrayContaining([['SURVEILLANCE', addMonths(today, 12)], ['SURVEILLANCE', addMonths(today, 24)]]));
    expect(next.find((n: string[]) => n[0] === 'RECERTIFICATION')).toBeTruthy();
    const prep = (await server.services.db.dataSource.query(`SELECT due_date::text AS due FROM tasks WHERE organization_id = $1 AND title = 'Prepare the recertification audit'`, [org.id])) as Array<{ due: string }>;
    expect(prep[0]!.due).toBe(addMonths(addMonths(today, 36), -6));
  });

  it('refuses bad audits and enforces upload limits, storing nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM audits WHERE organization_id = $1`, [org.id]);
    const bad = async (input: Record<string, unknown>) =>
      (await org.as.ISMS_MANAGER.request(CREATE_AUDIT, { input: { organizationId: org.id, kind: 'INTERNAL', title: 'Internal', startDate: '2027-01-10', endDate: '2027-01-11', ...input } })).errors?.[0]?.extensions;
    expect(await bad({ endDate: '2027-01-01' })).toMatchObject({ field: 'endDate', reason: 'END_BEFORE_START' });
    expect(await bad({ scopeRefs: ['Z.1'] })).toMatchObject({ field: 'scopeRefs', reason: 'UNKNOWN_REFERENCE' });
    expect(await bad({ title: ' ' })).toMatchObject({ field: 'title', reason: 'REQUIRED' });
    expect(await bad({ leadAuditorId: other.users.AUDITOR.id })).toMatchObject({ field: 'leadAuditorId', reason: 'NOT_A_MEMBER' });
    expect(await count(`SELECT count(*) AS n FROM audits WHERE organization_id = $1`, [org.id])).toBe(before);

    const files = await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [org.id]);
    const tooBig = await upload(org.as.CONTRIBUTOR, org.id, Buffer.alloc(1024 * 1024 + 10, 1), 'application/pdf', 'big.pdf');
    expect(tooBig).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const exe = await upload(org.as.CONTRIBUTOR, org.id, Buffer.from('MZ'), 'application/x-msdownload', 'tool.exe');
    expect(exe).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect((await upload(org.as.EMPLOYEE, org.id, Buffer.from('x'), 'text/plain', 'a.txt')).status).toBe(403);
    expect((await upload(other.as.OWNER, org.id, Buffer.from('x'), 'text/plain', 'a.txt')).status).toBe(404);
    expect(await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [org.id])).toBe(files);
  });
});

describe('evidence outside audits', () => {
  it('attaches files to a risk or a control with dates, and lists them there', async () => {
    const target = await buildOrganization(server, 'Evidence B.V.');
    const { createRisk } = await target.as.ISMS_MANAGER.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, {
      input: { organizationId: target.id, title: 'Lost backups', likelihood: 2, impact: 5, treatment: 'MITIGATE', controlRefs: ['A.8.13'] },
    });
    const restore = await upload(target.as.CONTRIBUTOR, target.id, Buffer.from('restore ok'), 'text/plain', 'restore-test.txt', {
      subjectId: createRisk.risk.id,
      controlRefs: 'A.8.13',
      effectiveOn: '2026-11-01',
      expiresOn: '2027-02-01',
      title: 'Restore test November',
    });
    expect(restore.status).toBe(201);
    expect((await upload(target.as.CONTRIBUTOR, target.id, Buffer.from('x'), 'text/plain', 'x.txt', { subjectId: other.id })).body.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    const LIST = `query($id: ID!, $ref: String, $subject: ID) { organization(id: $id) { evidence(controlRef: $ref, subjectId: $subject) { id title effectiveOn expiresOn expired subject { id } file { filename } } } }`;
    const bySubject = (await target.as.MANAGEMENT.ok(LIST, { id: target.id, subject: createRisk.risk.id })).organization.evidence;
    expect(bySubject).toEqual([
      { id: restore.body.id, title: 'Restore test November', effectiveOn: '2026-11-01', expiresOn: '2027-02-01', expired: false, subject: { id: createRisk.risk.id }, file: { filename: 'restore-test.txt' } },
    ]);
    expect((await target.as.MANAGEMENT.ok(LIST, { id: target.id, ref: 'A.8.13' })).organization.evidence).toHaveLength(1);
    expect((await target.as.AUDITOR.ok(LIST, { id: target.id, ref: 'A.8.13' })).organization.evidence).toEqual([]); // not on an audit that uses it
    expect(await target.as.EMPLOYEE.code(LIST, { id: target.id })).toBe('FORBIDDEN');
    expect((await other.as.OWNER.ok(LIST, { id: target.id })).organization).toBeNull();
  });
});

describe('overdue corrective actions', () => {
  it('notify their owner and the ISMS managers once per due date', async () => {
    const target = await buildOrganization(server, 'Overdue actions B.V.');
    const audit = (await target.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: target.id, kind: 'INTERNAL', title: 'Internal', startDate: '2026-01-10', endDate: '2026-01-11', leadAuditorId: target.users.AUDITOR.id },
    })).createAudit.audit;
    const finding = (await target.as.AUDITOR.ok(RAISE, { input: { auditId: audit.id, kind: 'MINOR_NONCONFORMITY', requirementRef: 'A.8.13', description: 'No restore test.' } })).raiseFinding.finding;
    const ca = (await target.as.ISMS_MANAGER.ok(CREATE_CA, { input: { findingId: finding.id, ownerId: target.users.CONTRIBUTOR.id, dueDate: addDays(todayUtc(), -2) } })).createCorrectiveAction.correctiveAction;
    expect(ca.overdue).toBe(true);
    const overdueList = (await target.as.MANAGEMENT.ok(`query($id: ID!) { organization(id: $id) { correctiveActions(overdue: true) { id } } }`, { id: target.id })).organization.correctiveActions;
    expect(overdueList).toEqual([{ id: ca.id }]);
    await server.services.audits.notifyOverdue();
    await server.services.audits.notifyOverdue();
    const notified = (await server.services.db.dataSource.query(`SELECT user_id FROM notifications WHERE subject_id = $1 AND kind = 'OVERDUE' ORDER BY user_id`, [ca.id])) as Array<{ user_id: string }>;
    expect(notified.map((n) => n.user_id).sort()).toEqual([target.users.CONTRIBUTOR.id, target.users.ISMS_MANAGER.id, target.users.OWNER.id].sort());
    // The minor NC without an accepted plan, past its deadline, blocks the decision.
    const { organization } = await target.as.ISMS_MANAGER.ok(CERTIFICATION, { id: target.id });
    expect(organization.certification.blockers).toContainEqual(expect.objectContaining({ code: 'MINOR_NONCONFORMITY_WITHOUT_PLAN', subject: { id: finding.id } }));
    // Stage 1 readiness reads the rest of the data: no documents, no approved SoA, no internal audit reported yet.
    const readiness = (await target.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { certification { stage1Readiness { ready blockers { code message } } } } }`, { id: target.id })).organization.certification
      .stage1Readiness;
    expect(readiness.ready).toBe(false);
    const codes = readiness.blockers.map((b: { code: string }) => b.code);
    expect(codes).toEqual(expect.arrayContaining(['MANDATORY_DOCUMENT_MISSING', 'SOA_NOT_APPROVED', 'NO_RECENT_INTERNAL_AUDIT']));
    expect(readiness.blockers.find((b: { message: string }) => b.message.includes('MD-5.2'))).toBeTruthy();
    // Once the internal audit has reported, that blocker goes.
    for (const status of ['IN_PROGRESS', 'REPORTING']) {
      const { node } = await target.as.AUDITOR.ok(`query($id: ID!) { node(id: $id) { ... on Audit { version } } }`, { id: audit.id });
      await target.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: audit.id, version: node.version, status } });
    }
    const after = (await target.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { certification { stage1Readiness { blockers { code } } } } }`, { id: target.id })).organization.certification.stage1Readiness;
    expect(after.blockers.map((b: { code: string }) => b.code)).not.toContain('NO_RECENT_INTERNAL_AUDIT');
  });
});

describe('audits: who sees and does what', () => {
  it('shows an auditor only the audits they are on, and what those audits hold', async () => {
    const internal = (await org.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: org.id, kind: 'INTERNAL', title: 'Internal audit Q1', startDate: '2027-02-01', endDate: '2027-02-02', leadAuditorId: org.users.AUDITOR.id, scopeRefs: ['9.2'] },
    })).createAudit.audit;
    const titles = async (as: ApiClient) => (await as.ok(`query($id: ID!) { organization(id: $id) { audits(first: 50) { edges { node { id } } } } }`, { id: org.id })).organization.audits.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await titles(org.as.AUDITOR)).toContain(internal.id);
    expect(await titles(outsider)).toEqual([]);
    expect((await outsider.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: internal.id })).node).toBeNull();
    expect(await outsider.code(REQUEST, { input: { auditId: internal.id, title: 'x', dueAt: new Date().toISOString() } })).toBe('NOT_FOUND');
    expect(await outsider.code(RAISE, { input: { auditId: internal.id, kind: 'OBSERVATION', requirementRef: '9.2', description: 'x' } })).toBe('NOT_FOUND');
    // Put on the team, they see it.
    await org.as.ISMS_MANAGER.ok(UPDATE_AUDIT, { input: { id: internal.id, version: 1, teamIds: [(await outsider.ok(`{ viewer { id } }`)).viewer.id] } });
    expect(await titles(outsider)).toEqual([internal.id]);
    // Employees do not read audits; contributors do not plan them; auditors do not re-plan them.
    expect(await org.as.EMPLOYEE.code(`query($id: ID!) { organization(id: $id) { audits(first: 5) { totalCount } } }`, { id: org.id })).toBe('FORBIDDEN');
    expect(await org.as.CONTRIBUTOR.code(CREATE_AUDIT, { input: { organizationId: org.id, kind: 'INTERNAL', title: 'x', startDate: '2027-01-01', endDate: '2027-01-01' } })).toBe('FORBIDDEN');
    expect(await org.as.AUDITOR.code(UPDATE_AUDIT, { input: { id: internal.id, version: 2, leadAuditorId: org.users.AUDITOR.id } })).toBe('FORBIDDEN');
    expect(await org.as.CONTRIBUTOR.code(DECIDE, { input: { organizationId: org.id, auditId: internal.id, decision: 'GRANTED', decidedOn: todayUtc() } })).toBe('FORBIDDEN');
    expect(await org.as.EMPLOYEE.code(CERTIFICATION, { id: org.id })).toBe('FORBIDDEN');
    // Observations get no corrective action.
    const observation = (await org.as.AUDITOR.ok(RAISE, { input: { auditId: internal.id, kind: 'OBSERVATION', requirementRef: '9.2', description: 'Programme could say more.' } })).raiseFinding.finding;
    expect((await org.as.ISMS_MANAGER.request(CREATE_CA, { input: { findingId: observation.id } })).errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_A_NONCONFORMITY' });
    // Once under way, the programme shows 9.2 covered by the internal audit.
    await outsider.ok(UPDATE_AUDIT, { input: { id: internal.id, version: 2, status: 'IN_PROGRESS' } });
    const { organization } = await org.as.ISMS_MANAGER.ok(`query($id: ID!) { organization(id: $id) { auditProgramme { ref covered auditIds } } }`, { id: org.id });
    expect(organization.auditProgramme.find((p: { ref: string }) => p.ref === '9.2')).toMatchObject({ auditIds: [internal.id] });
  });

  it('keeps other organisations out of everything', async () => {
    const audit = (await org.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: org.id, kind: 'INTERNAL', title: 'Private', startDate: '2027-03-01', endDate: '2027-03-01', leadAuditorId: org.users.AUDITOR.id },
    })).createAudit.audit;
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: audit.id })).node).toBeNull();
    expect((await other.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(UPDATE_AUDIT, { input: { id: audit.id, version: 1, title: 'pwned' } })).toBe('NOT_FOUND');
    expect(await other.as.AUDITOR.code(REQUEST, { input: { auditId: audit.id, title: 'x', dueAt: new Date().toISOString() } })).toBe('NOT_FOUND');
    expect(await other.as.AUDITOR.code(RAISE, { input: { auditId: audit.id, kind: 'MAJOR_NONCONFORMITY', requirementRef: '9.2', description: 'x' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(DECIDE, { input: { organizationId: org.id, auditId: audit.id, decision: 'GRANTED', decidedOn: todayUtc() } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(CREATE_AUDIT, { input: { organizationId: org.id, kind: 'INTERNAL', title: 'x', startDate: '2027-01-01', endDate: '2027-01-01' } })).toBe('NOT_FOUND');
  });
});
