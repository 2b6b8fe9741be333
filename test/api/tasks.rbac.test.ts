import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Task RBAC B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }`;
const DELETE = `mutation($input: DeleteTaskInput!) { deleteTask(input: $input) { deletedTaskId } }`;
const READ = `query($id: ID!) { node(id: $id) { id } }`;
const newTask = async (extra: Record<string, unknown> = {}) =>
  (await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Someone else’s task', ...extra } })).createTask.task as { id: string; version: number };

/** Expected outcome per role, from product.md: the team works tasks; auditors read what involves them; staff work their own. */
const expectations: Record<Role, { create: boolean; readOthers: boolean; editOthers: boolean; editAssigned: boolean; deleteOthers: boolean }> = {
  OWNER: { create: true, readOthers: true, editOthers: true, editAssigned: true, deleteOthers: true },
  ISMS_MANAGER: { create: true, readOthers: true, editOthers: true, editAssigned: true, deleteOthers: true },
  CONTRIBUTOR: { create: true, readOthers: true, editOthers: false, editAssigned: true, deleteOthers: false },
  MANAGEMENT: { create: true, readOthers: true, editOthers: false, editAssigned: true, deleteOthers: false },
  AUDITOR: { create: false, readOthers: false, editOthers: false, editAssigned: false, deleteOthers: false },
  EMPLOYEE: { create: false, readOthers: false, editOthers: false, editAssigned: true, deleteOthers: false },
};

describe.each(ROLES)('%s', (role) => {
  const expected = expectations[role];

  it(`create: ${expected.create ? 'allowed' : 'FORBIDDEN'}`, async () => {
    const result = await org.as[role].request(CREATE, { input: { organizationId: org.id, title: `By ${role}` } });
    if (expected.create) expect(result.errors).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it(`read a task that does not involve them: ${expected.readOthers ? 'visible' : 'hidden'}`, async () => {
    const task = await newTask();
    const { node } = await org.as[role].ok(READ, { id: task.id });
    expect(node !== null).toBe(expected.readOthers);
  });

  it(`edit someone else's task: ${expected.editOthers ? 'allowed' : 'refused'}`, async () => {
    const task = await newTask();
    const result = await org.as[role].request(UPDATE, { input: { id: task.id, version: task.version, status: 'IN_PROGRESS' } });
    if (expected.editOthers) expect(result.errors).toBeUndefined();
    else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.errors?.[0]?.extensions?.code);
  });

  it(`edit a task assigned to them: ${expected.editAssigned ? 'allowed' : 'refused'}`, async () => {
    const task = await newTask({ assigneeId: org.users[role].id });
    const result = await org.as[role].request(UPDATE, { input: { id: task.id, version: task.version, status: 'DONE' } });
    if (expected.editAssigned) expect(result.errors).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it(`delete someone else's task: ${expected.deleteOthers ? 'allowed' : 'refused'}`, async () => {
    const task = await newTask({ assigneeId: org.users[role].id });
    const result = await org.as[role].request(DELETE, { input: { id: task.id } });
    if (expected.deleteOthers) expect(result.errors).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it(`request approval: ${expected.create ? 'allowed' : 'FORBIDDEN'}`, async () => {
    const task = await newTask({ assigneeId: org.users[role].id });
    const approver = role === 'OWNER' ? org.users.MANAGEMENT.id : org.users.OWNER.id;
    const result = await org.as[role].request(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: task.id, approverIds: [approver] },
    });
    if (expected.create) expect(result.errors).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
