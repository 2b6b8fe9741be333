import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Approvals B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const REQUEST_FIELDS = `id status subjectHash currentSubjectHash quorum subject { id } requestedBy { id } approvers { id } decisions { decision comment subjectHash approver { id } } viewerCanDecide`;
const REQUEST = `mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { ${REQUEST_FIELDS} } } }`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { ${REQUEST_FIELDS} } } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id version } } }`;

async function newTask(title = 'Sign off the backup test') {
  return (await org.as.ISMS_MANAGER.ok(CREATE_TASK, { input: { organizationId: org.id, title, checklist: [{ text: 'Restore one database', done: true }] } })).createTask.task as {
    id: string;
    version: number;
  };
}

describe('approvals', () => {
  it('records the subject hash; approvers decide; the quorum approves', async () => {
    const task = await newTask();
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(REQUEST, {
      input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id, org.users.OWNER.id], quorum: 2, note: 'Please sign off.' },
    });
    const request = requestApproval.approvalRequest;
    expect(request).toMatchObject({ status: 'PENDING', quorum: 2, subject: { id: task.id }, requestedBy: { id: org.users.ISMS_MANAGER.id }, viewerCanDecide: false });
    expect(request.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request.currentSubjectHash).toBe(request.subjectHash);
    const inbox = await org.as.MANAGEMENT.ok(`query($id: ID!, $me: ID!) { organization(id: $id) { approvalRequests(filter: { status: PENDING, approverId: $me }) { edges { node { id viewerCanDecide } } } } }`, {
      id: org.id,
      me: org.users.MANAGEMENT.id,
    });
    expect(inbox.organization.approvalRequests.edges).toContainEqual({ node: { id: request.id, viewerCanDecide: true } });

    const waiting = `query($id: ID!, $filter: ApprovalRequestFilter) { organization(id: $id) { approvalRequests(filter: $filter) { edges { node { id } } } } }`;
    const ids = async (filter: Record<string, unknown>) =>
      (await org.as.OWNER.ok(waiting, { id: org.id, filter })).organization.approvalRequests.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids({ awaitingDecisionBy: org.users.MANAGEMENT.id })).toContain(request.id);
    expect(await ids({ requestedById: org.users.ISMS_MANAGER.id })).toContain(request.id);
    expect(await ids({ requestedById: org.users.OWNER.id })).not.toContain(request.id);
    const first = await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE', comment: 'Looks right.' } });
    expect(await ids({ awaitingDecisionBy: org.users.MANAGEMENT.id })).not.toContain(request.id);
    expect(await ids({ awaitingDecisionBy: org.users.OWNER.id })).toContain(request.id);
    expect(first.decideApproval.approvalRequest.status).toBe('PENDING');
    const second = await org.as.OWNER.ok(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } });
    expect(second.decideApproval.approvalRequest).toMatchObject({ status: 'APPROVED' });
    expect(second.decideApproval.approvalRequest.decisions.map((d: { subjectHash: string }) => d.subjectHash)).toEqual([request.subjectHash, request.subjectHash]);
    const trail = (await server.services.db.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [request.id])) as Array<{ action: string }>;
    expect(trail.map((r) => r.action)).toEqual(['approvalRequest.created', 'approvalRequest.decided', 'approvalRequest.decided', 'approvalRequest.closed']);
    const { viewer } = await org.as.ISMS_MANAGER.ok(`{ viewer { notifications(first: 5) { edges { node { kind title } } } } }`);
    expect(viewer.notifications.edges[0].node.kind).toBe('APPROVAL_DECIDED');
  });

  it('any rejection rejects, and needs a reason', async () => {
    const task = await newTask('Reject me');
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id, org.users.OWNER.id], quorum: 1 } });
    const noReason = await org.as.OWNER.request(DECIDE, { input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'REJECT' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const { decideApproval } = await org.as.OWNER.ok(DECIDE, { input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'REJECT', comment: 'Restore was not verified.' } });
    expect(decideApproval.approvalRequest.status).toBe('REJECTED');
    expect(await org.as.MANAGEMENT.code(DECIDE, { input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'APPROVE' } })).toBe('CONFLICT');
  });

  it('never covers content it did not see: a change invalidates pending and approved requests', async () => {
    const task = await newTask('Content under approval');
    const pending = (await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id] } })).requestApproval.approvalRequest;
    const updated = await org.as.ISMS_MANAGER.ok(UPDATE_TASK, { input: { id: task.id, version: task.version, description: 'Changed after the request' } });
    const state = await org.as.MANAGEMENT.ok(`query($id: ID!) { node(id: $id) { ... on ApprovalRequest { status subjectHash currentSubjectHash } } }`, { id: pending.id });
    expect(state.node.status).toBe('INVALIDATED');
    expect(state.node.currentSubjectHash).not.toBe(state.node.subjectHash);
    expect(await org.as.MANAGEMENT.code(DECIDE, { input: { approvalRequestId: pending.id, decision: 'APPROVE' } })).toBe('CONFLICT');

    // Approved, then changed: the approval lapses.
    const fresh = (await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id] } })).requestApproval.approvalRequest;
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: fresh.id, decision: 'APPROVE' } });
    // A change that does not touch approvable content (priority) keeps the approval.
    const v = updated.updateTask.task.version;
    await org.as.ISMS_MANAGER.ok(UPDATE_TASK, { input: { id: task.id, version: v, priority: 'HIGH' } });
    expect((await org.as.MANAGEMENT.ok(`query($id: ID!) { node(id: $id) { ... on ApprovalRequest { status } } }`, { id: fresh.id })).node.status).toBe('APPROVED');
    await org.as.ISMS_MANAGER.ok(UPDATE_TASK, { input: { id: task.id, version: v + 1, title: 'Content under approval (edited)' } });
    expect((await org.as.MANAGEMENT.ok(`query($id: ID!) { node(id: $id) { ... on ApprovalRequest { status } } }`, { id: fresh.id })).node.status).toBe('INVALIDATED');
  });

  it('decides when the subject changed behind the request without going through the API: invalidated, CONFLICT', async () => {
    const task = await newTask('Changed in the database');
    const request = (await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id] } })).requestApproval.approvalRequest;
    await server.services.db.dataSource.query(`UPDATE tasks SET title = 'Sneaky edit' WHERE id = $1`, [task.id]);
    const result = await org.as.MANAGEMENT.request(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUBJECT_CHANGED' });
    const [row] = (await server.services.db.dataSource.query(`SELECT status FROM approval_requests WHERE id = $1`, [request.id])) as Array<{ status: string }>;
    expect(row!.status).toBe('INVALIDATED');
  });

  it.each([
    [(o: TestOrg) => [o.users.ISMS_MANAGER.id], 'SELF_APPROVAL'],
    [() => [], 'NO_APPROVERS'],
    [(o: TestOrg) => [o.users.MANAGEMENT.id, o.users.MANAGEMENT.id], 'DUPLICATE_APPROVERS'],
    [() => ['usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa'], 'NOT_A_MEMBER'],
  ])('refuses a bad request (%#: %s)', async (approvers, reason) => {
    const task = await newTask('Bad requests');
    const result = await org.as.ISMS_MANAGER.request(REQUEST, { input: { subjectId: task.id, approverIds: approvers(org) } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('lets only named approvers decide, each once; the requester may withdraw', async () => {
    const task = await newTask('Only named approvers');
    const request = (await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id, org.users.OWNER.id], quorum: 2 } }))
      .requestApproval.approvalRequest;
    expect(await org.as.CONTRIBUTOR.code(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } })).toBe('FORBIDDEN');
    await org.as.MANAGEMENT.ok(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } });
    expect(await org.as.MANAGEMENT.code(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } })).toBe('CONFLICT');
    const { cancelApproval } = await org.as.ISMS_MANAGER.ok(`mutation($input: CancelApprovalInput!) { cancelApproval(input: $input) { approvalRequest { status } } }`, {
      input: { approvalRequestId: request.id },
    });
    expect(cancelApproval.approvalRequest.status).toBe('CANCELLED');
  });

  it('applies two simultaneous decisions one after the other', async () => {
    const task = await newTask('Race to approve');
    const request = (await org.as.ISMS_MANAGER.ok(REQUEST, { input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id, org.users.OWNER.id], quorum: 2 } }))
      .requestApproval.approvalRequest;
    const results = await Promise.all([
      org.as.MANAGEMENT.request(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } }),
      org.as.OWNER.request(DECIDE, { input: { approvalRequestId: request.id, decision: 'APPROVE' } }),
    ]);
    expect(results.every((r) => !r.errors)).toBe(true);
    const [row] = (await server.services.db.dataSource.query(`SELECT status FROM approval_requests WHERE id = $1`, [request.id])) as Array<{ status: string }>;
    expect(row!.status).toBe('APPROVED');
  });
});
