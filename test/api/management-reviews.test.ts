import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, addDays, addMonths, todayUtc, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import type { ApiClient } from '../support/client.js';
import { lastSignedManagementReview } from '../../server/src/modules/management-reviews/review-summary.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Reviewed B.V.');
  other = await buildOrganization(server, 'Other reviewed B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const PACK = `pack {
  preparedAt asOf since previousReview { id title heldOn }
  previousActions { computedAt total open done cancelled overdue untracked items { decisionId reviewId text taskId taskStatus ownerName dueDate overdue } }
  nonconformities { computedAt openMajor openMinor overdueCorrectiveActions byKind { kind total raisedSince } correctiveActionsByStatus { status count } overdue { correctiveActionId requirementRef dueDate } trend { quarter raised closed } }
  monitoring { computedAt total onTarget offTarget notMeasured measurementDue indicators { indicatorId name lastValue lastMeasuredOn onTarget measurementDue trend series { measuredOn value } } }
  auditResults { computedAt audits { auditId kind title status majorNonconformities minorNonconformities observations opportunities } }
  objectives { computedAt total byStatus { status count } objectives { objectiveId status achieved } }
  risks { computedAt total acceptanceThreshold byLevel { level count } byResidualLevel { level count } aboveAppetite untreatedAboveAppetite awaitingAcceptance byTreatment { treatment count } treatmentTasks { total open done overdue } topRisks { riskId score accepted } }
  improvements { computedAt opportunities observations items { findingId kind requirementRef } }
}`;
const REVIEW_FIELDS = `id version title status scheduledOn heldOn location minutes contextChanges interestedPartyFeedback frozen snapshotHash signedOn signedBy { id }
  missingInputs inputs { key clause filled source } attendees { userId name affiliation } viewerCanManage
  decisions { id version text dueDate owner { id } tracked task { id status assignee { id } } }
  signOffRequest { id status subjectHash approvers { id } }`;
const CREATE = `mutation($input: CreateManagementReviewInput!) { createManagementReview(input: $input) { managementReview { ${REVIEW_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateManagementReviewInput!) { updateManagementReview(input: $input) { managementReview { ${REVIEW_FIELDS} } } }`;
const PREPARE = `mutation($input: PrepareManagementReviewPackInput!) { prepareManagementReviewPack(input: $input) { managementReview { ${REVIEW_FIELDS} packPreparedAt ${PACK} } } }`;
const SUBMIT = `mutation($input: SubmitManagementReviewForSignOffInput!) { submitManagementReviewForSignOff(input: $input) { managementReview { ${REVIEW_FIELDS} } approvalRequest { id status subjectHash approvers { id } } } }`;
const DELETE = `mutation($input: DeleteManagementReviewInput!) { deleteManagementReview(input: $input) { deletedManagementReviewId } }`;
const ADD_DECISION = `mutation($input: AddManagementReviewDecisionInput!) { addManagementReviewDecision(input: $input) { decision { id version text dueDate owner { id } } managementReview { id version } } }`;
const UPDATE_DECISION = `mutation($input: UpdateManagementReviewDecisionInput!) { updateManagementReviewDecision(input: $input) { decision { id version text } } }`;
const DELETE_DECISION = `mutation($input: DeleteManagementReviewDecisionInput!) { deleteManagementReviewDecision(input: $input) { deletedManagementReviewDecisionId } }`;
const CREATE_TASK = `mutation($input: CreateTaskFromManagementReviewDecisionInput!) { createTaskFromManagementReviewDecision(input: $input) { decision { id tracked } task { id version title status dueDate assignee { id } subject { id } } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { id status } } }`;
const CANCEL = `mutation($input: CancelApprovalInput!) { cancelApproval(input: $input) { approvalRequest { id status } } }`;
const REVIEW = `query($id: ID!) { node(id: $id) { ... on ManagementReview { ${REVIEW_FIELDS} ${PACK} } } }`;
const LIST = `query($id: ID!) { organization(id: $id) { managementReviews { id title status } } }`;

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);
const errorOf = async (as: ApiClient, query: string, variables: Record<string, unknown>) => (await as.request(query, variables)).errors?.[0]?.extensions;

/** An organisation's ISMS data that the pack summarises: risks (one accepted, one untreated), an audit with every kind of finding, an overdue corrective action, an indicator, an objective. */
async function buildIsmsData(target: TestOrg) {
  const today = todayUtc();
  const manager = target.as.ISMS_MANAGER;
  const risk = async (input: Record<string, unknown>) =>
    (await manager.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, { input: { organizationId: target.id, ownerId: target.users.MANAGEMENT.id, ...input } })).createRisk.risk.id as string;
  await risk({ title: 'Ransomware on the fleet database', likelihood: 4, impact: 5 });
  const mitigated = await risk({ title: 'Leavers keep access', likelihood: 4, impact: 4, treatment: 'MITIGATE', residualLikelihood: 2, residualImpact: 2, controlRefs: ['A.5.18'] });
  const accepted = await risk({ title: 'Office flood', likelihood: 2, impact: 5, treatment: 'ACCEPT' });
  await risk({ title: 'Supplier outage', likelihood: 3, impact: 4, treatment: 'TRANSFER' });
  await risk({ title: 'Lost laptop', likelihood: 2, impact: 2 });
  const { requestApproval } = await manager.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
    input: { subjectId: accepted, approverIds: [target.users.MANAGEMENT.id] },
  });
  await target.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'APPROVE' } });
  const task = async (title: string, dueDate: string) =>
    (await manager.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`, { input: { organizationId: target.id, title, dueDate, subjectId: mitigated } })).createTask.task;
  await task('Automate leaver deprovisioning', addDays(today, -3));
  const doneTask = await task('Quarterly access review', addDays(today, 10));
  await manager.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`, { input: { id: doneTask.id, version: doneTask.version, status: 'DONE' } });

  // An internal audit a month ago, closed, with one finding of each kind; the major NC's corrective action is overdue.
  const { createAudit } = await manager.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id version } } }`, {
    input: { organizationId: target.id, kind: 'INTERNAL', title: 'Internal audit', startDate: addDays(today, -32), endDate: addDays(today, -30), leadAuditorId: target.users.AUDITOR.id, scopeRefs: ['9.2'] },
  });
  const audit = createAudit.audit;
  await target.as.AUDITOR.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: audit.id, version: 1, status: 'IN_PROGRESS' } });
  const raise = async (kind: string, requirementRef: string) =>
    (await target.as.AUDITOR.ok(`mutation($input: RaiseFindingInput!) { raiseFinding(input: $input) { finding { id } } }`, { input: { auditId: audit.id, kind, requirementRef, description: `${kind} on ${requirementRef}` } }))
      .raiseFinding.finding.id as string;
  const major = await raise('MAJOR_NONCONFORMITY', 'A.5.15');
  const minor = await raise('MINOR_NONCONFORMITY', '7.2');
  await raise('OBSERVATION', 'A.8.16');
  await raise('OPPORTUNITY_FOR_IMPROVEMENT', '9.1');
  const createCa = `mutation($input: CreateCorrectiveActionInput!) { createCorrectiveAction(input: $input) { correctiveAction { id } } }`;
  await manager.ok(createCa, { input: { findingId: major, ownerId: target.users.CONTRIBUTOR.id, dueDate: addDays(today, -2) } });
  await manager.ok(createCa, { input: { findingId: minor, ownerId: target.users.CONTRIBUTOR.id, dueDate: addDays(today, 40) } });
  await target.as.AUDITOR.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: audit.id, version: 2, status: 'CLOSED' } });

  // One indicator measured on target, one never measured; an objective measured by the first.
  const indicator = async (name: string) =>
    (await manager.ok(`mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { id } } }`, {
      input: { organizationId: target.id, name, unit: '%', target: 5, direction: 'AT_MOST', frequency: 'MONTHLY', ownerId: target.users.CONTRIBUTOR.id },
    })).createIndicator.indicator.id as string;
  const phishing = await indicator('Phishing click rate');
  await indicator('Patch latency');
  for (const [months, value] of [[-2, 9], [-1, 6], [0, 4]] as const) {
    await manager.ok(`mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measurement { id } } }`, { input: { indicatorId: phishing, value, measuredOn: addMonths(today, months) } });
  }
  await manager.ok(`mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { id } } }`, {
    input: { organizationId: target.id, title: 'Halve phishing clicks', ownerId: target.users.MANAGEMENT.id, targetDate: addMonths(today, 6), indicatorIds: [phishing] },
  });
  return { auditId: audit.id };
}

type Pack = Record<string, any>;

/** The figures the pages show, read through the same API the pages use. */
async function pageFigures(as: ApiClient, organizationId: string) {
  const risks = async (filter: Record<string, unknown>) =>
    (await as.ok(`query($id: ID!, $filter: RiskFilter) { organization(id: $id) { risks(first: 100, filter: $filter) { totalCount } } }`, { id: organizationId, filter })).organization.risks.totalCount as number;
  const { organization } = await as.ok(
    `query($id: ID!) { organization(id: $id) {
      risks(first: 100) { totalCount edges { node { id needsAcceptance acceptance { id } tasks { status overdue } } } }
      audits(first: 100) { edges { node { id status endDate findings { id kind correctiveAction { status } } } } }
      overdue: correctiveActions(overdue: true) { id }
      all: correctiveActions { id status }
      indicators { id name lastValue lastMeasuredOn onTarget measurementDue trend }
      objectives { id status achieved }
    } }`,
    { id: organizationId },
  );
  const riskNodes = organization.risks.edges.map((e: { node: any }) => e.node);
  const findings = organization.audits.edges.flatMap((e: { node: any }) => e.node.findings);
  const treatmentTasks = riskNodes.flatMap((r: any) => r.tasks);
  return {
    risks: {
      total: organization.risks.totalCount,
      byLevel: Object.fromEntries(await Promise.all(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map(async (level) => [level, await risks({ level: [level] })]))),
      aboveAppetite: await risks({ aboveThreshold: true }),
      awaitingAcceptance: riskNodes.filter((r: any) => r.needsAcceptance && !r.acceptance).length,
      treatmentTasks: { total: treatmentTasks.length, done: treatmentTasks.filter((t: any) => t.status === 'DONE').length, overdue: treatmentTasks.filter((t: any) => t.overdue).length },
    },
    nonconformities: {
      overdue: organization.overdue.length,
      byStatus: Object.fromEntries(['OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED'].map((s) => [s, organization.all.filter((c: any) => c.status === s).length])),
      openMajor: findings.filter((f: any) => f.kind === 'MAJOR_NONCONFORMITY' && f.correctiveAction?.status !== 'VERIFIED').length,
      openMinor: findings.filter((f: any) => f.kind === 'MINOR_NONCONFORMITY' && f.correctiveAction?.status !== 'VERIFIED').length,
      byKind: Object.fromEntries(['MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY', 'OBSERVATION', 'OPPORTUNITY_FOR_IMPROVEMENT'].map((k) => [k, findings.filter((f: any) => f.kind === k).length])),
    },
    audits: organization.audits.edges.map((e: { node: any }) => e.node),
    indicators: organization.indicators,
    objectives: organization.objectives,
  };
}

function expectPackMatchesPages(pack: Pack, pages: Awaited<ReturnType<typeof pageFigures>>) {
  // Risks: the register's counts and filters.
  expect(pack.risks.total).toBe(pages.risks.total);
  expect(Object.fromEntries(pack.risks.byLevel.map((l: any) => [l.level, l.count]))).toEqual(pages.risks.byLevel);
  expect(pack.risks.aboveAppetite).toBe(pages.risks.aboveAppetite);
  expect(pack.risks.awaitingAcceptance).toBe(pages.risks.awaitingAcceptance);
  expect(pack.risks.treatmentTasks).toMatchObject(pages.risks.treatmentTasks);
  // Nonconformities: the audits' findings and the corrective actions list with its overdue filter.
  expect(pack.nonconformities.overdueCorrectiveActions).toBe(pages.nonconformities.overdue);
  expect(Object.fromEntries(pack.nonconformities.correctiveActionsByStatus.map((c: any) => [c.status, c.count]))).toEqual(pages.nonconformities.byStatus);
  expect(pack.nonconformities.openMajor).toBe(pages.nonconformities.openMajor);
  expect(pack.nonconformities.openMinor).toBe(pages.nonconformities.openMinor);
  expect(Object.fromEntries(pack.nonconformities.byKind.map((k: any) => [k.kind, k.total]))).toEqual(pages.nonconformities.byKind);
  // Audit results: each audit's findings as the audit page counts them.
  for (const result of pack.auditResults.audits) {
    const audit = pages.audits.find((a: any) => a.id === result.auditId);
    expect(audit.status).toBe(result.status);
    expect(result.majorNonconformities).toBe(audit.findings.filter((f: any) => f.kind === 'MAJOR_NONCONFORMITY').length);
    expect(result.minorNonconformities).toBe(audit.findings.filter((f: any) => f.kind === 'MINOR_NONCONFORMITY').length);
    expect(result.observations).toBe(audit.findings.filter((f: any) => f.kind === 'OBSERVATION').length);
    expect(result.opportunities).toBe(audit.findings.filter((f: any) => f.kind === 'OPPORTUNITY_FOR_IMPROVEMENT').length);
  }
  // Monitoring and objectives: the indicators and objectives pages.
  expect(pack.monitoring.total).toBe(pages.indicators.length);
  for (const indicator of pages.indicators) {
    expect(pack.monitoring.indicators.find((i: any) => i.indicatorId === indicator.id)).toMatchObject({
      lastValue: indicator.lastValue,
      lastMeasuredOn: indicator.lastMeasuredOn,
      onTarget: indicator.onTarget,
      measurementDue: indicator.measurementDue,
      trend: indicator.trend,
    });
  }
  expect(pack.monitoring.onTarget).toBe(pages.indicators.filter((i: any) => i.onTarget === true).length);
  expect(pack.objectives.total).toBe(pages.objectives.length);
  for (const objective of pages.objectives) expect(pack.objectives.objectives.find((o: any) => o.objectiveId === objective.id)).toMatchObject({ status: objective.status, achieved: objective.achieved });
}

describe('management reviews: the whole path through the API', () => {
  it('prepares the pack from live data (the same figures as the pages), records the meeting and decisions, is signed off by management and freezes', async () => {
    const today = todayUtc();
    const { auditId } = await buildIsmsData(org);
    const manager = org.as.ISMS_MANAGER;

    const created = (await manager.ok(CREATE, { input: { organizationId: org.id, title: 'Management review 2027', scheduledOn: today, location: 'Board room' } })).createManagementReview.managementReview;
    expect(created).toMatchObject({ status: 'PLANNED', version: 1, frozen: false, heldOn: null, decisions: [], viewerCanManage: true });
    expect(created.missingInputs).toHaveLength(9);
    expect(created.inputs.map((i: { clause: string }) => i.clause)).toEqual(['9.3.2 a', '9.3.2 b–c', '9.3.2 d 1', '9.3.2 d 2', '9.3.2 d 3', '9.3.2 d 4', '9.3.2 e', '9.3.2 f', '9.3.2 g']);

    // The pack: every computed input, each with its figures and when they were computed.
    const prepared = (await manager.ok(PREPARE, { input: { managementReviewId: created.id } })).prepareManagementReviewPack.managementReview;
    expect(prepared).toMatchObject({ status: 'PACK_PREPARED', version: 2 });
    expect(prepared.missingInputs).toEqual(['CONTEXT_CHANGES', 'INTERESTED_PARTY_FEEDBACK']);
    const pack = prepared.pack;
    expect(pack).toMatchObject({ asOf: today, since: addMonths(today, -12), previousReview: null });
    for (const section of ['previousActions', 'nonconformities', 'monitoring', 'auditResults', 'objectives', 'risks', 'improvements']) expect(Date.parse(pack[section].computedAt)).toBeGreaterThan(0);
    expect(pack.previousActions.total).toBe(0);
    expect(pack.nonconformities).toMatchObject({ openMajor: 1, openMinor: 1, overdueCorrectiveActions: 1 });
    expect(pack.nonconformities.trend).toHaveLength(4);
    expect(pack.nonconformities.trend.reduce((sum: number, q: { raised: number }) => sum + q.raised, 0)).toBe(2);
    expect(pack.auditResults.audits).toEqual([expect.objectContaining({ auditId, kind: 'INTERNAL', status: 'CLOSED', majorNonconformities: 1, minorNonconformities: 1, observations: 1, opportunities: 1 })]);
    expect(pack.improvements).toMatchObject({ opportunities: 1, observations: 1 });
    expect(pack.monitoring).toMatchObject({ total: 2, onTarget: 1, notMeasured: 1 });
    expect(pack.monitoring.indicators.find((i: { name: string }) => i.name === 'Phishing click rate').series).toHaveLength(3);
    expect(pack.objectives.total).toBe(1);
    expect(pack.risks).toMatchObject({ total: 5, acceptanceThreshold: 9, untreatedAboveAppetite: 1, treatmentTasks: { total: 2, open: 1, done: 1, overdue: 1 } });
    expect(pack.risks.topRisks[0]).toMatchObject({ score: 20 });
    expect(pack.risks.byTreatment).toContainEqual({ treatment: null, count: 2 });
    // The same figures as the pages that show them, for every role that reads reviews.
    expectPackMatchesPages(pack, await pageFigures(manager, org.id));
    for (const role of ['OWNER', 'MANAGEMENT'] as const) expect((await org.as[role].ok(REVIEW, { id: created.id })).node.pack).toEqual(pack);

    // The meeting: not before it happens; members and externals attend.
    expect(await errorOf(manager, UPDATE, { input: { id: created.id, version: 2, heldOn: addDays(today, 1) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldOn', reason: 'HELD_IN_FUTURE' });
    const held = (await manager.ok(UPDATE, {
      input: {
        id: created.id,
        version: 2,
        heldOn: today,
        attendees: [{ userId: org.users.MANAGEMENT.id, affiliation: 'CFO' }, { userId: org.users.ISMS_MANAGER.id }, { name: 'Ada External', affiliation: 'Consultant' }],
        minutes: 'The pack was discussed; the ISMS is suitable, adequate and effective.',
      },
    })).updateManagementReview.managementReview;
    expect(held).toMatchObject({ status: 'HELD', version: 3, heldOn: today });
    expect(held.attendees).toEqual([
      { userId: org.users.MANAGEMENT.id, name: 'MANAGEMENT Person', affiliation: 'CFO' },
      { userId: org.users.ISMS_MANAGER.id, name: 'ISMS_MANAGER Person', affiliation: '' },
      { userId: null, name: 'Ada External', affiliation: 'Consultant' },
    ]);
    // A stale version is a conflict, never an overwrite.
    expect(await org.as.OWNER.code(UPDATE, { input: { id: created.id, version: 2, minutes: 'older' } })).toBe('CONFLICT');

    // Decisions, one of them made a tracked task for its owner.
    const decision = (await manager.ok(ADD_DECISION, { input: { managementReviewId: created.id, text: 'Automate leaver deprovisioning by Q3.', ownerId: org.users.CONTRIBUTOR.id, dueDate: addDays(today, 60) } }))
      .addManagementReviewDecision;
    expect(decision.managementReview.version).toBe(4);
    const second = (await manager.ok(ADD_DECISION, { input: { managementReviewId: created.id, text: 'Budget for log monitoring approved.' } })).addManagementReviewDecision.decision;
    const tracked = (await manager.ok(CREATE_TASK, { input: { decisionId: decision.decision.id, priority: 'HIGH' } })).createTaskFromManagementReviewDecision;
    expect(tracked.decision.tracked).toBe(true);
    expect(tracked.task).toMatchObject({ title: 'Automate leaver deprovisioning by Q3.', status: 'OPEN', dueDate: addDays(today, 60), assignee: { id: org.users.CONTRIBUTOR.id }, subject: { id: created.id } });
    expect(await errorOf(manager, CREATE_TASK, { input: { decisionId: decision.decision.id } })).toMatchObject({ code: 'CONFLICT', reason: 'HAS_TASK' });
    expect(await errorOf(manager, DELETE_DECISION, { input: { id: decision.decision.id } })).toMatchObject({ code: 'CONFLICT', reason: 'HAS_TASK' });
    expect(await org.as.OWNER.code(UPDATE_DECISION, { input: { id: second.id, version: 1, text: 'Budget for a managed SIEM approved.' } })).toBeUndefined();
    expect(await org.as.OWNER.code(UPDATE_DECISION, { input: { id: second.id, version: 1, text: 'stale' } })).toBe('CONFLICT');

    // Sign-off: every input first; top management only.
    expect(await errorOf(manager, SUBMIT, { input: { managementReviewId: created.id } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INPUTS_MISSING' });
    const version = (await manager.ok(REVIEW, { id: created.id })).node.version;
    await manager.ok(UPDATE, { input: { id: created.id, version, contextChanges: 'Two new public-sector customers; NIS2 in view.', interestedPartyFeedback: 'Customers ask for the certificate date.' } });
    expect(await errorOf(manager, SUBMIT, { input: { managementReviewId: created.id, approverIds: [org.users.CONTRIBUTOR.id] } })).toMatchObject({ field: 'approverIds', reason: 'NOT_MANAGEMENT' });
    const submitted = (await manager.ok(SUBMIT, { input: { managementReviewId: created.id } })).submitManagementReviewForSignOff;
    expect(submitted.managementReview).toMatchObject({ status: 'SUBMITTED', missingInputs: [], frozen: false });
    expect(submitted.approvalRequest).toMatchObject({ status: 'PENDING', approvers: [{ id: org.users.MANAGEMENT.id }], subjectHash: submitted.managementReview.snapshotHash });
    expect(await errorOf(manager, UPDATE, { input: { id: created.id, version: submitted.managementReview.version, minutes: 'x' } })).toMatchObject({ code: 'CONFLICT', reason: 'AWAITING_SIGN_OFF' });
    expect(await errorOf(manager, PREPARE, { input: { managementReviewId: created.id } })).toMatchObject({ code: 'CONFLICT', reason: 'AWAITING_SIGN_OFF' });

    // Management approves: signed and frozen, with the hash of what was signed.
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: submitted.approvalRequest.id, decision: 'APPROVE', comment: 'Agreed.' } });
    const signed = (await org.as.AUDITOR.ok(REVIEW, { id: created.id })).node;
    expect(signed).toMatchObject({ status: 'SIGNED', frozen: true, signedOn: today, signedBy: [{ id: org.users.MANAGEMENT.id }], snapshotHash: submitted.approvalRequest.subjectHash });
    expect(signed.pack).toEqual(pack);
    for (const [query, input] of [
      [UPDATE, { id: created.id, version: signed.version, minutes: 'rewritten' }],
      [PREPARE, { managementReviewId: created.id }],
      [ADD_DECISION, { managementReviewId: created.id, text: 'late' }],
      [UPDATE_DECISION, { id: second.id, version: 2, text: 'late' }],
      [DELETE_DECISION, { id: second.id }],
      [DELETE, { id: created.id }],
      [SUBMIT, { managementReviewId: created.id }],
    ] as const) {
      expect(await errorOf(manager, query, { input })).toMatchObject({ code: 'CONFLICT', reason: 'FROZEN' });
    }
    // Following a decision up stays possible after the sign-off.
    const late = (await manager.ok(CREATE_TASK, { input: { decisionId: second.id } })).createTaskFromManagementReviewDecision.task;
    expect(late.subject).toEqual({ id: created.id });
    expect((await org.as.AUDITOR.ok(REVIEW, { id: created.id })).node.snapshotHash).toBe(signed.snapshotHash);
    expect(await lastSignedManagementReview(server.services.db.dataSource.manager, org.id)).toEqual({ id: created.id, title: 'Management review 2027', heldOn: today, signedOn: today });

    // The PDF: every section, the meeting, the decisions and the sign-off.
    const pdf = await fetch(`${server.url}/exports/organizations/${org.id}/management-reviews/${created.id}.pdf`, { headers: { cookie: org.as.MANAGEMENT.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
    expect((await fetch(`${server.url}/exports/organizations/${org.id}/management-reviews/${created.id}.pdf`, { headers: { cookie: org.as.EMPLOYEE.cookie! } })).status).toBe(403);

    // The next review follows the decisions up: the tasks' status as the tasks show it.
    const next = (await manager.ok(CREATE, { input: { organizationId: org.id, title: 'Management review 2028', scheduledOn: addDays(today, 1) } })).createManagementReview.managementReview;
    const task = (await manager.ok(`query($id: ID!) { node(id: $id) { ... on Task { id version status } } }`, { id: tracked.task.id })).node;
    await org.as.CONTRIBUTOR.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`, { input: { id: task.id, version: task.version, status: 'DONE' } });
    const nextPack = (await manager.ok(PREPARE, { input: { managementReviewId: next.id } })).prepareManagementReviewPack.managementReview.pack;
    expect(nextPack.previousReview).toEqual({ id: created.id, title: 'Management review 2027', heldOn: today });
    expect(nextPack.since).toBe(today);
    expect(nextPack.previousActions).toMatchObject({ total: 2, done: 1, open: 1, untracked: 0, overdue: 0 });
    for (const item of nextPack.previousActions.items) {
      const shown = (await manager.ok(`query($id: ID!) { node(id: $id) { ... on Task { status } } }`, { id: item.taskId })).node;
      expect(item).toMatchObject({ reviewId: created.id, taskStatus: shown.status });
    }
    const list = (await org.as.MANAGEMENT.ok(LIST, { id: org.id })).organization.managementReviews;
    expect(list.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [next.id, 'PACK_PREPARED'],
      [created.id, 'SIGNED'],
    ]);
    // Figures written into the audit trail, one row per change.
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE organization_id = $1 AND action = 'managementReview.packPrepared'`, [org.id])).toBe(2);
  });

  it('returns a rejected or withdrawn sign-off to the meeting, where it can change and go again', async () => {
    const manager = org.as.ISMS_MANAGER;
    const today = todayUtc();
    const review = (await manager.ok(CREATE, { input: { organizationId: org.id, title: 'Extra review', scheduledOn: today } })).createManagementReview.managementReview;
    await manager.ok(PREPARE, { input: { managementReviewId: review.id } });
    await manager.ok(UPDATE, { input: { id: review.id, version: 2, heldOn: today, contextChanges: 'None.', interestedPartyFeedback: 'None received.' } });
    const first = (await manager.ok(SUBMIT, { input: { managementReviewId: review.id } })).submitManagementReviewForSignOff;
    expect(await errorOf(org.as.MANAGEMENT, DECIDE, { input: { approvalRequestId: first.approvalRequest.id, decision: 'REJECT' } })).toMatchObject({ field: 'comment' });
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: first.approvalRequest.id, decision: 'REJECT', comment: 'Add the supplier feedback.' } });
    let node = (await manager.ok(REVIEW, { id: review.id })).node;
    expect(node).toMatchObject({ status: 'HELD', frozen: false, signOffRequest: { status: 'REJECTED' } });
    await manager.ok(UPDATE, { input: { id: review.id, version: node.version, interestedPartyFeedback: 'The SMS gateway supplier reported two incidents.' } });
    const second = (await manager.ok(SUBMIT, { input: { managementReviewId: review.id } })).submitManagementReviewForSignOff;
    expect(second.approvalRequest.subjectHash).not.toBe(first.approvalRequest.subjectHash);
    await manager.ok(CANCEL, { input: { approvalRequestId: second.approvalRequest.id } });
    node = (await manager.ok(REVIEW, { id: review.id })).node;
    expect(node).toMatchObject({ status: 'HELD', signOffRequest: { status: 'CANCELLED' } });
    // Never signed off: a review withdrawn from sign-off is still kept as a record.
    expect(await errorOf(manager, DELETE, { input: { id: review.id } })).toMatchObject({ code: 'CONFLICT', reason: 'SUBMITTED_BEFORE' });
    expect(await lastSignedManagementReview(server.services.db.dataSource.manager, other.id)).toBeNull();
  });

  it('refuses bad input with coded errors and writes nothing', async () => {
    const manager = org.as.ISMS_MANAGER;
    const before = await count(`SELECT count(*) AS n FROM management_reviews WHERE organization_id = $1`, [org.id]);
    expect(await errorOf(manager, CREATE, { input: { organizationId: org.id, title: '  ', scheduledOn: todayUtc() } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title', reason: 'REQUIRED' });
    expect(await errorOf(manager, CREATE, { input: { organizationId: org.id, title: 'x', scheduledOn: '2027-02-30' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scheduledOn', reason: 'INVALID_DATE' });
    expect(await count(`SELECT count(*) AS n FROM management_reviews WHERE organization_id = $1`, [org.id])).toBe(before);

    const review = (await manager.ok(CREATE, { input: { organizationId: org.id, title: 'Planned review', scheduledOn: addDays(todayUtc(), 30) } })).createManagementReview.managementReview;
    expect(await errorOf(manager, UPDATE, { input: { id: review.id, version: 1, heldOn: todayUtc() } })).toMatchObject({ field: 'heldOn', reason: 'PACK_NOT_PREPARED' });
    expect(await errorOf(manager, UPDATE, { input: { id: review.id, version: 1, attendees: [{ userId: other.users.OWNER.id }] } })).toMatchObject({ field: 'attendees', reason: 'NOT_A_MEMBER' });
    expect(await errorOf(manager, UPDATE, { input: { id: review.id, version: 1, attendees: [{ affiliation: 'Consultant' }] } })).toMatchObject({ field: 'attendees.0.name', reason: 'REQUIRED' });
    expect(await errorOf(manager, UPDATE, { input: { id: review.id, version: 1, attendees: [{ userId: org.users.OWNER.id }, { userId: org.users.OWNER.id }] } })).toMatchObject({ reason: 'DUPLICATE_ATTENDEE' });
    expect(await errorOf(manager, UPDATE, { input: { id: review.id, version: 1, title: '' } })).toMatchObject({ field: 'title', reason: 'REQUIRED' });
    expect(await errorOf(manager, ADD_DECISION, { input: { managementReviewId: review.id, text: ' ' } })).toMatchObject({ field: 'text', reason: 'REQUIRED' });
    expect(await errorOf(manager, ADD_DECISION, { input: { managementReviewId: review.id, text: 'x', ownerId: other.users.OWNER.id } })).toMatchObject({ field: 'ownerId', reason: 'NOT_A_MEMBER' });
    expect(await errorOf(manager, SUBMIT, { input: { managementReviewId: review.id } })).toMatchObject({ field: 'managementReviewId', reason: 'NOT_HELD' });
    const node = (await manager.ok(REVIEW, { id: review.id })).node;
    expect(node).toMatchObject({ version: 1, status: 'PLANNED', attendees: [], decisions: [], signOffRequest: null });
    // A planned review without tracked decisions can be deleted.
    expect((await manager.ok(DELETE, { input: { id: review.id } })).deleteManagementReview.deletedManagementReviewId).toBe(review.id);
    expect((await manager.ok(REVIEW, { id: review.id })).node).toBeNull();
  });
});

describe('management reviews: who sees and does what', () => {
  const READERS: readonly Role[] = ['OWNER', 'ISMS_MANAGER', 'MANAGEMENT', 'AUDITOR'];
  const MANAGERS: readonly Role[] = ['OWNER', 'ISMS_MANAGER'];

  it('lets oversight roles read, admins prepare and record, and refuses everyone else', async () => {
    const review = (await org.as.OWNER.ok(CREATE, { input: { organizationId: org.id, title: 'RBAC review', scheduledOn: todayUtc() } })).createManagementReview.managementReview;
    for (const role of ROLES) {
      const as = org.as[role];
      const reads = READERS.includes(role);
      const manages = MANAGERS.includes(role);
      if (reads) {
        expect((await as.ok(LIST, { id: org.id })).organization.managementReviews.map((r: { id: string }) => r.id)).toContain(review.id);
        expect((await as.ok(REVIEW, { id: review.id })).node).toMatchObject({ id: review.id, viewerCanManage: manages });
      } else {
        expect(await as.code(LIST, { id: org.id })).toBe('FORBIDDEN');
        expect((await as.ok(REVIEW, { id: review.id })).node).toBeNull();
      }
      const refused = reads ? 'FORBIDDEN' : 'NOT_FOUND';
      const createCode = await as.code(CREATE, { input: { organizationId: org.id, title: `By ${role}`, scheduledOn: todayUtc() } });
      const prepareCode = await as.code(PREPARE, { input: { managementReviewId: review.id } });
      const decisionCode = await as.code(ADD_DECISION, { input: { managementReviewId: review.id, text: `By ${role}` } });
      if (manages) {
        expect([createCode, prepareCode, decisionCode]).toEqual([undefined, undefined, undefined]);
      } else {
        expect(createCode).toBe('FORBIDDEN');
        expect([prepareCode, decisionCode]).toEqual([refused, refused]);
      }
      const pdf = await fetch(`${server.url}/exports/organizations/${org.id}/management-reviews/${review.id}.pdf`, { headers: { cookie: as.cookie! } });
      expect(pdf.status).toBe(reads ? 200 : 403);
      await pdf.arrayBuffer();
    }
    // Only the management signs off: an ISMS manager named as approver is refused, and may not decide a request they are not on.
    const { node } = await org.as.ISMS_MANAGER.ok(REVIEW, { id: review.id });
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { id: review.id, version: node.version, heldOn: todayUtc(), contextChanges: 'x', interestedPartyFeedback: 'y' } });
    expect(await errorOf(org.as.OWNER, SUBMIT, { input: { managementReviewId: review.id, approverIds: [org.users.ISMS_MANAGER.id] } })).toMatchObject({ reason: 'NOT_MANAGEMENT' });
    const { submitManagementReviewForSignOff } = await org.as.OWNER.ok(SUBMIT, { input: { managementReviewId: review.id } });
    expect(await org.as.ISMS_MANAGER.code(DECIDE, { input: { approvalRequestId: submitManagementReviewForSignOff.approvalRequest.id, decision: 'APPROVE' } })).toBe('FORBIDDEN');
  });

  it('keeps other organisations out of everything', async () => {
    const review = (await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Private review', scheduledOn: todayUtc() } })).createManagementReview.managementReview;
    const decision = (await org.as.ISMS_MANAGER.ok(ADD_DECISION, { input: { managementReviewId: review.id, text: 'Private decision' } })).addManagementReviewDecision.decision;
    const outsider = other.as.OWNER;
    expect((await outsider.ok(REVIEW, { id: review.id })).node).toBeNull();
    expect((await outsider.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: decision.id })).node).toBeNull();
    expect((await outsider.ok(LIST, { id: org.id })).organization).toBeNull();
    expect(await outsider.code(CREATE, { input: { organizationId: org.id, title: 'x', scheduledOn: todayUtc() } })).toBe('NOT_FOUND');
    expect(await outsider.code(UPDATE, { input: { id: review.id, version: 1, title: 'pwned' } })).toBe('NOT_FOUND');
    expect(await outsider.code(PREPARE, { input: { managementReviewId: review.id } })).toBe('NOT_FOUND');
    expect(await outsider.code(SUBMIT, { input: { managementReviewId: review.id } })).toBe('NOT_FOUND');
    expect(await outsider.code(DELETE, { input: { id: review.id } })).toBe('NOT_FOUND');
    expect(await outsider.code(ADD_DECISION, { input: { managementReviewId: review.id, text: 'x' } })).toBe('NOT_FOUND');
    expect(await outsider.code(UPDATE_DECISION, { input: { id: decision.id, version: 1, text: 'x' } })).toBe('NOT_FOUND');
    expect(await outsider.code(DELETE_DECISION, { input: { id: decision.id } })).toBe('NOT_FOUND');
    expect(await outsider.code(CREATE_TASK, { input: { decisionId: decision.id } })).toBe('NOT_FOUND');
    const pdf = await fetch(`${server.url}/exports/organizations/${other.id}/management-reviews/${review.id}.pdf`, { headers: { cookie: outsider.cookie! } });
    expect(pdf.status).toBe(404);
    expect((await fetch(`${server.url}/exports/organizations/${org.id}/management-reviews/${review.id}.pdf`, { headers: { cookie: outsider.cookie! } })).status).toBe(404);
    // Another organisation's pack counts only its own records.
    const own = (await outsider.ok(CREATE, { input: { organizationId: other.id, title: 'Their review', scheduledOn: todayUtc() } })).createManagementReview.managementReview;
    const theirPack = (await outsider.ok(PREPARE, { input: { managementReviewId: own.id } })).prepareManagementReviewPack.managementReview.pack;
    expect(theirPack).toMatchObject({ previousReview: null, previousActions: { total: 0 }, risks: { total: 0 }, monitoring: { total: 0 }, objectives: { total: 0 }, auditResults: { audits: [] }, improvements: { items: [] } });
    expect(theirPack.nonconformities).toMatchObject({ openMajor: 0, openMinor: 0, overdueCorrectiveActions: 0 });
    expect(await count(`SELECT count(*) AS n FROM management_reviews WHERE organization_id = $1 AND title = 'pwned'`, [org.id])).toBe(0);
  });
});
