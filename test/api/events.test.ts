import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { EventSubscription } from '../support/events.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import { recordEvent } from '../../server/src/core/events/event-log.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  org = await buildOrganization(server, 'Events B.V.');
  other = await buildOrganization(server, 'Elsewhere B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { task { id version } } }`;

async function subscribed(sub: EventSubscription, expected: number): Promise<void> {
  await sub.ready;
  for (let i = 0; i < 100 && server.services.events.subscriberCount < expected; i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(server.services.events.subscriberCount).toBeGreaterThanOrEqual(expected);
}

async function createTask(title: string, extra: Record<string, unknown> = {}) {
  return (await org.as.ISMS_MANAGER.ok(CREATE_TASK, { input: { organizationId: org.id, title, ...extra } })).createTask.task as { id: string; version: number };
}

describe('the organisation event stream', () => {
  it('delivers a committed change to a subscriber within a second, with its node', async () => {
    const sub = new EventSubscription(org.as.CONTRIBUTOR, org.id);
    await subscribed(sub, 1);
    const started = Date.now();
    const task = await createTask('Review firewall rules');
    const [event] = await sub.until((events) => events.some((e) => e.type === 'task.created'));
    expect(event).toMatchObject({ type: 'task.created', entityType: 'Task', entityId: task.id, actor: { id: org.users.ISMS_MANAGER.id }, node: { id: task.id, __typename: 'Task' } });
    expect(event!.receivedAt - started).toBeLessThan(1000);
    expect(event!.cursor).toMatch(/^\d+$/);
    await sub.close();
  });

  it('resumes from a cursor with every event exactly once, in order, after minutes away', async () => {
    const first = new EventSubscription(org.as.OWNER, org.id);
    await subscribed(first, 1);
    const task = await createTask('Rotate backup keys');
    const seen = await first.until((events) => events.some((e) => e.entityId === task.id));
    const cursor = seen.at(-1)!.cursor;
    await first.close();

    // Away: five changes happen without us.
    let version = task.version;
    for (let i = 1; i <= 5; i += 1) {
      const { updateTask } = await org.as.ISMS_MANAGER.ok(UPDATE_TASK, { input: { id: task.id, version, title: `Rotate backup keys (${i})` } });
      version = updateTask.task.version;
    }
    const resumed = new EventSubscription(org.as.OWNER, org.id, cursor);
    const events = await resumed.until((list) => list.filter((e) => e.type === 'task.updated').length >= 5);
    await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive
    expect(resumed.events.map((e) => e.type)).toEqual(['task.updated', 'task.updated', 'task.updated', 'task.updated', 'task.updated']);
    const cursors = events.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(cursors[0]).toBe(Number(cursor) + 1);
    expect(new Set(cursors).size).toBe(cursors.length);
    // Live again after the backlog.
    await createTask('After the backlog');
    await resumed.until((list) => list.some((e) => e.type === 'task.created'));
    await resumed.close();
  });

  it('orders events by commit, even when a transaction that started first commits last', async () => {
    const sub = new EventSubscription(org.as.OWNER, org.id);
    await subscribed(sub, 1);
    const db = server.services.db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => (slowRecorded = resolve));
    const slow = db.transaction(async (em) => {
      await recordEvent(em, { organizationId: org.id, type: 'probe.slow', entityType: 'Organization', entityId: org.id, actorId: null });
      slowRecorded();
      await held;
    });
    await recorded;
    const fast = createTask('Committed while another transaction is open');
    await new Promise((r) => setTimeout(r, 200));
    release();
    await slow;
    await fast;
    const events = await sub.until((list) => list.some((e) => e.type === 'task.created'));
    const types = events.map((e) => e.type);
    expect(types.indexOf('probe.slow')).toBeLessThan(types.indexOf('task.created'));
    const cursors = events.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    await sub.close();
  });

  it('never delivers an event of a rolled-back change, and leaves no gap', async () => {
    const sub = new EventSubscription(org.as.OWNER, org.id);
    await subscribed(sub, 1);
    await createTask('Before');
    const before = await sub.until((list) => list.length >= 1);
    const lastCursor = Number(before.at(-1)!.cursor);
    await expect(
      server.services.db.transaction(async (em) => {
        await recordEvent(em, { organizationId: org.id, type: 'probe.rolledBack', entityType: 'Organization', entityId: org.id, actorId: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // A bad request changes nothing and emits nothing.
    expect(await org.as.ISMS_MANAGER.code(CREATE_TASK, { input: { organizationId: org.id, title: '' } })).toBe('BAD_USER_INPUT');
    await createTask('After');
    const events = await sub.until((list) => list.some((e) => e.type === 'task.created' && Number(e.cursor) > lastCursor));
    expect(events.map((e) => e.type)).not.toContain('probe.rolledBack');
    expect(Number(events.at(-1)!.cursor)).toBe(lastCursor + 1);
    await sub.close();
  });

  it('shows each subscriber only what they may see', async () => {
    const employee = new EventSubscription(org.as.EMPLOYEE, org.id);
    const manager = new EventSubscription(org.as.ISMS_MANAGER, org.id);
    await subscribed(employee, 2);
    const hidden = await createTask('Internal: supplier review');
    const mine = await createTask('Read the acceptable use policy', { assigneeId: org.users.EMPLOYEE.id });
    await manager.until((list) => list.some((e) => e.entityId === mine.id));
    await employee.until((list) => list.some((e) => e.entityId === mine.id && e.type === 'task.created'));
    await new Promise((r) => setTimeout(r, 200));
    expect(employee.events.map((e) => e.entityId)).not.toContain(hidden.id);
    // The assignee's notification reaches only them.
    const notification = employee.events.find((e) => e.type === 'notification.created');
    expect(notification).toBeDefined();
    expect(manager.events.map((e) => e.entityId)).not.toContain(notification!.entityId);
    await employee.close();
    await manager.close();
  });

  it("refuses another organisation's stream exactly like a missing one, and an expired or bad cursor", async () => {
    const foreign = new EventSubscription(other.as.OWNER, org.id);
    const errors = await foreign.failure();
    expect(JSON.stringify(errors)).toContain('NOT_FOUND');
    await foreign.close();
    const bad = new EventSubscription(org.as.OWNER, org.id, 'abc');
    expect(JSON.stringify(await bad.failure())).toContain('BAD_CURSOR');
    await bad.close();
    await server.services.db.dataSource.query(`DELETE FROM organization_events WHERE organization_id = $1 AND seq <= 3`, [other.id]);
    const expired = new EventSubscription(other.as.OWNER, other.id, '1');
    expect(JSON.stringify(await expired.failure())).toContain('CURSOR_EXPIRED');
    await expired.close();
  });

  it('ends the stream of a member who is removed', async () => {
    const target = await buildOrganization(server, 'Leaving B.V.');
    const sub = new EventSubscription(target.as.CONTRIBUTOR, target.id);
    await subscribed(sub, 1);
    await target.as.OWNER.ok(`mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`, {
      input: { organizationId: target.id, userId: target.users.CONTRIBUTOR.id },
    });
    await target.as.OWNER.ok(CREATE_TASK.replace('createTask', 'createTask'), { input: { organizationId: target.id, title: 'Secret after removal' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.events.map((e) => e.type)).not.toContain('task.created');
    await sub.close();
  });
});
