import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { EventSubscription } from '../support/events.js';
import type { ApiClient } from '../support/client.js';
import { addMember, buildOrganization, type TestOrg } from '../support/factories.js';

// A live event goes to everyone who may see it, with one execution shared among the people who
// get the same answer (core/events/shared-results.ts). What differs per person — whether they
// may edit the task, whether they may still decide its approval — must still be theirs.

let server: TestServer;
let org: TestOrg;
const people: Array<{ label: string; role: Role; as: ApiClient }> = [];
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  org = await buildOrganization(server, 'Shared Deliveries B.V.');
  for (const role of ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE'] as const) people.push({ label: role, role, as: org.as[role] });
  for (const [label, role] of [
    ['assignee', 'CONTRIBUTOR'],
    ['another contributor', 'CONTRIBUTOR'],
    ['a third contributor', 'CONTRIBUTOR'],
    ['another manager', 'MANAGEMENT'],
  ] as const) {
    people.push({ label, role, as: (await addMember(server, org.id, role, label)).as });
  }
});
afterAll(async () => {
  await server?.stop();
});

const SUBSCRIPTION = `subscription($organizationId: ID!, $after: String) {
  organizationEvents(organizationId: $organizationId, after: $after) {
    cursor type entityType entityId at actor { id }
    node {
      id __typename
      ... on Task { title viewerCanEdit approvalRequests { id viewerCanDecide } }
      ... on ApprovalRequest { approvalStatus: status viewerCanDecide }
    }
  }
}`;

type TaskNode = { title: string; viewerCanEdit: boolean; approvalRequests: Array<{ id: string; viewerCanDecide: boolean }> };
type RequestNode = { approvalStatus: string; viewerCanDecide: boolean };

describe('one delivery shared among people', () => {
  it('gives each person their own viewerCanEdit and viewerCanDecide, the same as their own query, and nothing to those who may not see it', async () => {
    const assignee = people.find((p) => p.label === 'assignee')!;
    const assigneeId = (await assignee.as.ok<{ viewer: { id: string } }>(`{ viewer { id } }`)).viewer.id;
    const { createTask } = await org.as.CONTRIBUTOR.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`, {
      input: { organizationId: org.id, title: 'Restore test of the backups', assigneeId },
    });
    const task = createTask.task as { id: string; version: number };

    // Everyone subscribes, most with two tabs.
    const subscriptions = people.flatMap((person, i) => [person, ...(i % 3 ? [person] : [])].map((p) => ({ person: p, sub: new EventSubscription(p.as, org.id, null, SUBSCRIPTION) })));
    await Promise.all(subscriptions.map((s) => s.sub.ready));
    for (let i = 0; i < 100 && server.services.events.subscriberCount < subscriptions.length; i += 1) await new Promise((r) => setTimeout(r, 20));

    /** Each person's live node of this event, checked against their own query of the same node; by person. */
    const received = async <T>(type: string, entityId: string, ownQuery: string): Promise<Map<string, T>> => {
      const answers = new Map<string, T>();
      for (const { person, sub } of subscriptions) {
        const own = await person.as.ok<{ node: T | null }>(ownQuery, { id: entityId });
        if (!own.node) continue;
        const events = await sub.until((list) => list.some((e) => e.type === type && e.entityId === entityId));
        const node = events.find((e) => e.type === type && e.entityId === entityId)!.node as unknown as T;
        expect({ who: person.label, node }).toEqual({ who: person.label, node: expect.objectContaining(own.node as Record<string, unknown>) });
        answers.set(person.label, node);
      }
      return answers;
    };

    // 1. The task changes: who may edit it differs among contributors.
    await org.as.ISMS_MANAGER.ok(`mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id version } } }`, {
      input: { id: task.id, version: task.version, title: 'Restore test of the backups, quarterly' },
    });
    const edits = await received<TaskNode>('task.updated', task.id, `query($id: ID!) { node(id: $id) { ... on Task { title viewerCanEdit approvalRequests { id viewerCanDecide } } } }`);
    expect(edits.get('CONTRIBUTOR')?.viewerCanEdit).toBe(true); // the creator
    expect(edits.get('assignee')?.viewerCanEdit).toBe(true);
    expect(edits.get('another contributor')?.viewerCanEdit).toBe(false);
    expect(edits.get('OWNER')?.viewerCanEdit).toBe(true);

    // 2. An approval is asked of two people, 3. one of them decides: who may still decide differs among managers.
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: task.id, approverIds: [org.users.MANAGEMENT.id, org.users.OWNER.id], quorum: 2 },
    });
    const requestId = requestApproval.approvalRequest.id as string;
    const requestView = `query($id: ID!) { node(id: $id) { ... on ApprovalRequest { approvalStatus: status viewerCanDecide } } }`;
    const asked = await received<RequestNode>('approvalRequest.created', requestId, requestView);
    expect(asked.get('MANAGEMENT')?.viewerCanDecide).toBe(true);
    expect(asked.get('OWNER')?.viewerCanDecide).toBe(true);
    expect(asked.get('another manager')?.viewerCanDecide).toBe(false);
    await org.as.OWNER.ok(`mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { id } } }`, {
      input: { approvalRequestId: requestId, decision: 'APPROVE' },
    });
    const decided = await received<RequestNode>('approvalRequest.decided', requestId, requestView);
    expect(decided.get('MANAGEMENT')?.viewerCanDecide).toBe(true); // named, not decided yet
    expect(decided.get('OWNER')?.viewerCanDecide).toBe(false); // decided already
    expect(decided.get('another manager')?.viewerCanDecide).toBe(false);

    // Who may not see the task gets nothing of it (the employee is not involved in it).
    await new Promise((r) => setTimeout(r, 300));
    for (const { person, sub } of subscriptions.filter((s) => s.person.role === 'EMPLOYEE')) {
      expect({ who: person.label, got: sub.events.filter((e) => e.entityId === task.id) }).toEqual({ who: person.label, got: [] });
    }
    await Promise.all(subscriptions.map((s) => s.sub.close()));
  });
});
