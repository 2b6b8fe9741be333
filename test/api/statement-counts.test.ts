import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let small: TestOrg;
let large: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  small = await buildOrganization(server, 'Small B.V.');
  large = await buildOrganization(server, 'Large B.V.');
  const make = async (org: TestOrg, n: number) => {
    for (let i = 0; i < n; i += 1) {
      const { createTask } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
        input: { organizationId: org.id, title: `Task ${i}`, assigneeId: i % 2 ? org.users.CONTRIBUTOR.id : org.users.EMPLOYEE.id, dueDate: '2027-01-15' },
      });
      await org.as.ISMS_MANAGER.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, {
        input: { organizationId: org.id, title: `Risk ${i}`, likelihood: 1 + (i % 5), impact: 2, controlRefs: ['A.5.1', 'A.8.8'], ownerId: org.users.MANAGEMENT.id, treatment: 'ACCEPT' },
      });
      if (i % 3 === 0) {
        await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
          input: { subjectId: createTask.task.id, approverIds: [org.users.MANAGEMENT.id] },
        });
      }
    }
  };
  await make(small, 3);
  await make(large, 30);
});
afterAll(async () => {
  await server?.stop();
});

async function statements(org: TestOrg, query: string): Promise<number> {
  await org.as.OWNER.ok(query, { id: org.id }); // warm the request path
  await org.as.OWNER.request(query, { id: org.id });
  return Number(org.as.OWNER.lastHeaders!.get('x-sql-statements'));
}

describe('SQL statements per page do not grow with the page size (no N+1)', () => {
  it.each([
    ['members', `query($id: ID!) { organization(id: $id) { members { role user { id name email } organization { id } } } }`],
    ['tasks', `query($id: ID!) { organization(id: $id) { tasks(first: 100) { totalCount edges { node { id title overdue assignee { id name } createdBy { id } watchers { id } approvalRequests { id status } } } } } }`],
    ['approvals', `query($id: ID!) { organization(id: $id) { approvalRequests(first: 100) { edges { node { id status requestedBy { id } approvers { id name } decisions { decision approver { id } } viewerCanDecide } } } } }`],
    // The subject of each request and the hash of its content now: one statement per kind, not per row.
    ['approval subjects', `query($id: ID!) { organization(id: $id) { approvalRequests(first: 100) { edges { node { id currentSubjectHash subject { id ... on Task { title status } } } } } } }`],
    ['risk register', `query($id: ID!) { organization(id: $id) { riskMatrix { acceptanceThreshold } risks(first: 100) { totalCount edges { node { id title level residualLevel inherentScore owner { id name } assets { id name } controls { ref title } tasks { id } needsAcceptance acceptance { id } approvalRequests { id } } } } } }`],
    ['audit trail', `query($id: ID!) { organization(id: $id) { auditTrail(first: 100) { edges { node { id action actor { id name } } } } } }`],
  ])('%s', async (_name, query) => {
    const few = await statements(small, query);
    const many = await statements(large, query);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});
