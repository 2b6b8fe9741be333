import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Tasks B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const TASK_FIELDS = `id version title description status priority dueDate overdue assignee { id } subject { id } createdBy { id } checklist { id text done } watchers { id } viewerCanEdit`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { ${TASK_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { ${TASK_FIELDS} } } }`;
const DELETE = `mutation($input: DeleteTaskInput!) { deleteTask(input: $input) { deletedTaskId } }`;
const LIST = `query($id: ID!, $filter: TaskFilter, $first: Int, $after: String) { organization(id: $id) { tasks(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status overdue assignee { id } } } } } }`;
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const nextMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const count = async (sql: string, params: unknown[]) => ((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n;

describe('tasks', () => {
  it('creates a task with assignee, due date, checklist and subject; the assignee is notified and e-mailed', async () => {
    const { createTask } = await org.as.ISMS_MANAGER.ok(CREATE, {
      input: {
        organizationId: org.id,
        title: '  Run the quarterly access review ',
        description: 'All production systems.',
        assigneeId: org.users.CONTRIBUTOR.id,
        dueDate: nextMonth(),
        priority: 'HIGH',
        subjectId: org.id,
        checklist: [{ text: 'Export accounts' }, { text: 'Get sign-off', done: false }],
      },
    });
    const task = createTask.task;
    expect(task).toMatchObject({
      version: 1,
      title: 'Run the quarterly access review',
      status: 'OPEN',
      priority: 'HIGH',
      overdue: false,
      assignee: { id: org.users.CONTRIBUTOR.id },
      subject: { id: org.id },
      createdBy: { id: org.users.ISMS_MANAGER.id },
      viewerCanEdit: true,
    });
    expect(task.checklist.map((i: { text: string }) => i.text)).toEqual(['Export accounts', 'Get sign-off']);
    expect(task.watchers.map((w: { id: string }) => w.id).sort()).toEqual([org.users.CONTRIBUTOR.id, org.users.ISMS_MANAGER.id].sort());
    const { viewer } = await org.as.CONTRIBUTOR.ok(`{ viewer { unreadNotificationCount notifications(first: 5) { edges { node { kind title read subject { id } actor { id } } } } } }`);
    expect(viewer.unreadNotificationCount).toBe(1);
    expect(viewer.notifications.edges[0].node).toMatchObject({ kind: 'ASSIGNED', read: false, subject: { id: task.id }, actor: { id: org.users.ISMS_MANAGER.id } });
    const mail = await server.mail.waitFor((m) => m.to.includes(org.users.CONTRIBUTOR.email));
    expect(mail.subject).toContain('Run the quarterly access review');
    expect(mail.text).toContain(`/o/${org.id}/tasks?task=${task.id}`);
  });

  it('updates with the version it saw; a stale version is a CONFLICT that changes nothing', async () => {
    const { createTask } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Patch the VPN appliance' } });
    const first = await org.as.ISMS_MANAGER.ok(UPDATE, { input: { id: createTask.task.id, version: 1, status: 'IN_PROGRESS' } });
    expect(first.updateTask.task).toMatchObject({ version: 2, status: 'IN_PROGRESS', title: 'Patch the VPN appliance' });
    const stale = await org.as.OWNER.request(UPDATE, { input: { id: createTask.task.id, version: 1, title: 'Overwritten?' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const now = await org.as.OWNER.ok(`query($id: ID!) { node(id: $id) { ... on Task { title version } } }`, { id: createTask.task.id });
    expect(now.node).toEqual({ title: 'Patch the VPN appliance', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const { createTask } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Contended' } });
    const results = await Promise.all(
      ['A', 'B', 'C'].map((who) => org.as.ISMS_MANAGER.request(UPDATE, { input: { id: createTask.task.id, version: 1, title: `Contended by ${who}` } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(2);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ dueDate: '2027-02-30' }, 'dueDate'],
    [{ assigneeId: 'usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa' }, 'assigneeId'],
    [{ subjectId: 'tsk_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa' }, 'subjectId'],
    [{ checklist: [{ text: ' ' }] }, 'checklist.0.text'],
  ])('refuses %o with BAD_USER_INPUT on %s and writes nothing', async (override, field) => {
    const before = await count(`SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1`, [org.id]);
    const audit = await count(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1`, [org.id]);
    const result = await org.as.ISMS_MANAGER.request(CREATE, { input: { organizationId: org.id, title: 'Valid title', ...override } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count(`SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1`, [org.id])).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1`, [org.id])).toBe(audit);
  });

  it('refuses an unknown status with a coded error', async () => {
    const { createTask } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Statuses' } });
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { id: createTask.task.id, version: 1, status: 'SHIPPED' } })).toBe('BAD_USER_INPUT');
  });

  it('flags overdue tasks and filters by assignee, status and overdue, with paging', async () => {
    const target = await buildOrganization(server, 'Filters B.V.');
    const make = (title: string, extra: Record<string, unknown> = {}) =>
      target.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: target.id, title, ...extra } });
    const late = (await make('Late', { dueDate: yesterday(), assigneeId: target.users.CONTRIBUTOR.id })).createTask.task;
    expect(late.overdue).toBe(true);
    const done = (await make('Done late', { dueDate: yesterday() })).createTask.task;
    await target.as.ISMS_MANAGER.ok(UPDATE, { input: { id: done.id, version: 1, status: 'DONE' } });
    await make('Future', { dueDate: nextMonth(), assigneeId: target.users.CONTRIBUTOR.id });
    await make('Undated');
    const list = (filter: Record<string, unknown>, first = 20, after?: string) =>
      target.as.ISMS_MANAGER.ok(LIST, { id: target.id, filter, first, after }).then((d) => d.organization.tasks);
    expect((await list({ overdue: true })).edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Late']);
    expect((await list({ assigneeId: target.users.CONTRIBUTOR.id })).totalCount).toBe(2);
    expect((await list({ status: ['DONE'] })).edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Done late']);
    const page1 = await list({}, 2);
    expect(page1.totalCount).toBe(4);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({}, 2, page1.pageInfo.endCursor);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const titles = [...page1.edges, ...page2.edges].map((e: { node: { title: string } }) => e.node.title);
    expect(titles).toEqual(['Late', 'Future', 'Undated', 'Done late']); // open work first, by due date
  });

  it('deletes a task, cancelling its pending approvals, and audits it', async () => {
    const { createTask } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Temporary' } });
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: createTask.task.id, approverIds: [org.users.MANAGEMENT.id] },
    });
    const { deleteTask } = await org.as.ISMS_MANAGER.ok(DELETE, { input: { id: createTask.task.id } });
    expect(deleteTask.deletedTaskId).toBe(createTask.task.id);
    const [status] = (await server.services.db.dataSource.query(`SELECT status FROM approval_requests WHERE id = $1`, [requestApproval.approvalRequest.id])) as Array<{ status: string }>;
    expect(status!.status).toBe('CANCELLED');
    expect(await org.as.ISMS_MANAGER.code(DELETE, { input: { id: createTask.task.id } })).toBe('NOT_FOUND');
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'task.deleted'`, [createTask.task.id])).toBe(1);
  });
});
