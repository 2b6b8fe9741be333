import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { EventSubscription } from '../support/events.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let a: TestOrg;
let b: TestOrg;
let taskId: string;
let requestId: string;
beforeAll(async () => {
  server = await startTestServer();
  a = await buildOrganization(server, 'Tenant A tasks');
  b = await buildOrganization(server, 'Tenant B tasks');
  taskId = (await a.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, { input: { organizationId: a.id, title: 'A secret task' } }))
    .createTask.task.id;
  requestId = (
    await a.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: taskId, approverIds: [a.users.MANAGEMENT.id] },
    })
  ).requestApproval.approvalRequest.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('tenant isolation of tasks, comments, approvals and events', () => {
  it("B reads none of A's tasks or approvals", async () => {
    expect((await b.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: taskId })).node).toBeNull();
    expect((await b.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: requestId })).node).toBeNull();
    expect(await b.as.OWNER.code(`query($id: ID!) { organization(id: $id) { tasks { totalCount } } }`, { id: a.id })).toBeUndefined();
    expect((await b.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { tasks { totalCount } } }`, { id: a.id })).organization).toBeNull();
  });

  it("B changes none of A's tasks, comments or approvals: NOT_FOUND, as for missing ids", async () => {
    const missingTask = 'tsk_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa';
    for (const [query, input, missing] of [
      [`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`, { id: taskId, version: 1, title: 'pwned' }, { id: missingTask, version: 1, title: 'x' }],
      [`mutation($input: DeleteTaskInput!) { deleteTask(input: $input) { deletedTaskId } }`, { id: taskId }, { id: missingTask }],
      [`mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }`, { subjectId: taskId, body: 'hi' }, { subjectId: missingTask, body: 'hi' }],
      [`mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { id } } }`, { approvalRequestId: requestId, decision: 'APPROVE' }, { approvalRequestId: 'apr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa', decision: 'APPROVE' }],
    ] as const) {
      const foreign = await b.as.OWNER.request(query, { input });
      const absent = await b.as.OWNER.request(query, { input: missing });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]?.message).toBe(absent.errors?.[0]?.message);
    }
    expect(
      await b.as.OWNER.code(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, { input: { organizationId: b.id, title: 'Link to A', subjectId: taskId } }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await b.as.OWNER.code(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, { input: { organizationId: b.id, title: 'Assign to A', assigneeId: a.users.CONTRIBUTOR.id } }),
    ).toBe('BAD_USER_INPUT');
    const [row] = (await server.services.db.dataSource.query(`SELECT title FROM tasks WHERE id = $1`, [taskId])) as Array<{ title: string }>;
    expect(row!.title).toBe('A secret task');
  });

  it("B's subscribers never receive A's events", async () => {
    const subB = new EventSubscription(b.as.OWNER, b.id);
    const subA = new EventSubscription(a.as.OWNER, a.id);
    await subA.ready;
    await subB.ready;
    await new Promise((r) => setTimeout(r, 200));
    await a.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, { input: { organizationId: a.id, title: 'Only for A' } });
    await subA.until((events) => events.some((e) => e.type === 'task.created'));
    await new Promise((r) => setTimeout(r, 200));
    expect(subB.events).toHaveLength(0);
    await subA.close();
    await subB.close();
  });
});
