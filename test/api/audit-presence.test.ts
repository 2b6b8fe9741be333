import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '@annex/domain';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { EventSubscription, type ReceivedEvent } from '../support/events.js';
import { buildOrganization, TEST_PASSWORD, uniqueEmail, type TestOrg } from '../support/factories.js';
import { hashPassword } from '../../server/src/core/auth/secrets.js';
import { addMembership } from '../../server/src/modules/organizations/organization.service.js';

// Two replicas on one PostgreSQL: presence made through one is seen through the other.
let database: TestDatabase;
let a: TestServer;
let b: TestServer;
let org: TestOrg;
let other: TestOrg;
/** An auditor of `org` who is on no audit (yet). */
let outsider: ApiClient;
let outsiderId: string;
let auditId: string;

beforeAll(async () => {
  database = await createTestDatabase('presence');
  [a, b] = await Promise.all([startTestServer({ EVENTS_POLL_MS: '60000' }, 'presence', database), startTestServer({ EVENTS_POLL_MS: '60000' }, 'presence', database)]);
  org = await buildOrganization(a, 'Presence B.V.');
  other = await buildOrganization(a, 'Elsewhere B.V.');
  const email = uniqueEmail('outsider');
  const hash = await hashPassword(TEST_PASSWORD);
  outsiderId = await a.services.db.transaction(async (em) => {
    const user = await a.services.accounts.createUser(em, { email, name: 'Olga Outsider', passwordHash: hash }, { ip: null, userAgent: null });
    await addMembership(em, { organizationId: org.id, user, role: 'AUDITOR' }, { actorId: null, actorLabel: 'test', ip: null });
    return user.id;
  });
  outsider = await new ApiClient(a.url).signIn(email, TEST_PASSWORD);
  const today = todayUtc();
  auditId = (
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
      input: { organizationId: org.id, kind: 'STAGE2', title: 'Stage 2', startDate: today, endDate: addDays(today, 2), leadAuditorId: org.users.AUDITOR.id },
    })
  ).createAudit.audit.id;
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.drop();
});

const PARTICIPANTS = `onlineParticipants { user { id name } role isLeadAuditor onAuditTeam since lastSeenAt }`;
const JOIN = `mutation($input: JoinAuditBoardInput!) { joinAuditBoard(input: $input) { heartbeatSeconds expiresAfterSeconds audit { id ${PARTICIPANTS} } } }`;
const LEAVE = `mutation($input: LeaveAuditBoardInput!) { leaveAuditBoard(input: $input) { audit { id ${PARTICIPANTS} } } }`;
const LIST = `query($id: ID!) { node(id: $id) { ... on Audit { ${PARTICIPANTS} } } }`;

/** The same signed-in person, talking to replica B. */
function onB(client: ApiClient): ApiClient {
  const copy = new ApiClient(b.url);
  copy.cookie = client.cookie;
  return copy;
}

const online = async (as: ApiClient, id = auditId): Promise<string[]> =>
  ((await as.ok(LIST, { id })).node?.onlineParticipants ?? []).map((p: { user: { id: string } }) => p.user.id);
const presenceEvents = (events: ReceivedEvent[], type: 'joined' | 'left', actorId: string, id = auditId) =>
  events.filter((e) => e.type === `auditPresence.${type}` && e.entityId === id && e.actor?.id === actorId);
const count = async (sql: string, params: unknown[]) => Number(((await a.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);

async function subscribed(client: ApiClient, server: TestServer, organizationId = org.id): Promise<EventSubscription> {
  const before = server.services.events.subscriberCount;
  const sub = new EventSubscription(client, organizationId);
  await sub.ready;
  for (let i = 0; i < 100 && server.services.events.subscriberCount <= before; i += 1) await new Promise((r) => setTimeout(r, 20));
  return sub;
}

describe('who is on the audit-week board', () => {
  it('joins, lists, refreshes and leaves across replicas, live, without writing the audit trail', async () => {
    const manager = org.as.ISMS_MANAGER;
    const auditor = onB(org.as.AUDITOR);
    const watcher = await subscribed(onB(org.as.OWNER), b);
    const trailBefore = await count(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1`, [org.id]);

    // The manager opens the board through replica A; a subscriber on replica B hears it within a second.
    const started = Date.now();
    const joined = (await manager.ok(JOIN, { input: { auditId, clientId: 'tab-1' } })).joinAuditBoard;
    expect(joined).toMatchObject({ heartbeatSeconds: 15, expiresAfterSeconds: 40 });
    expect(joined.audit.onlineParticipants).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ id: org.users.ISMS_MANAGER.id }), role: 'ISMS_MANAGER', isLeadAuditor: false, onAuditTeam: false }),
    ]);
    const [arrival] = presenceEvents(await watcher.until((events) => presenceEvents(events, 'joined', org.users.ISMS_MANAGER.id).length > 0), 'joined', org.users.ISMS_MANAGER.id);
    expect(arrival!.receivedAt - started).toBeLessThan(1000);
    expect(arrival!.node).toEqual({ id: auditId, __typename: 'Audit' });

    // The lead auditor opens it through replica B: both replicas list both, the auditor marked as lead.
    await auditor.ok(JOIN, { input: { auditId, clientId: 'board' } });
    await watcher.until((events) => presenceEvents(events, 'joined', org.users.AUDITOR.id).length > 0);
    for (const replica of [manager, onB(manager)]) {
      const people = (await replica.ok(LIST, { id: auditId })).node.onlineParticipants;
      expect(people.map((p: { user: { id: string } }) => p.user.id)).toEqual([org.users.ISMS_MANAGER.id, org.users.AUDITOR.id]);
      expect(people[1]).toMatchObject({ role: 'AUDITOR', isLeadAuditor: true, onAuditTeam: true });
    }

    // Heartbeats and a second tab change nothing for the others: no new event.
    await manager.ok(JOIN, { input: { auditId, clientId: 'tab-1' } });
    await manager.ok(JOIN, { input: { auditId, clientId: 'tab-2' } });
    await manager.ok(LEAVE, { input: { auditId, clientId: 'tab-1' } });
    expect(await online(auditor)).toContain(org.users.ISMS_MANAGER.id);
    // Closing the last tab: gone, for everyone, live.
    const left = (await manager.ok(LEAVE, { input: { auditId, clientId: 'tab-2' } })).leaveAuditBoard;
    expect(left.audit.onlineParticipants.map((p: { user: { id: string } }) => p.user.id)).toEqual([org.users.AUDITOR.id]);
    await watcher.until((events) => presenceEvents(events, 'left', org.users.ISMS_MANAGER.id).length > 0);
    expect(presenceEvents(watcher.events, 'joined', org.users.ISMS_MANAGER.id)).toHaveLength(1);
    expect(presenceEvents(watcher.events, 'left', org.users.ISMS_MANAGER.id)).toHaveLength(1);
    expect(await online(onB(org.as.OWNER))).toEqual([org.users.AUDITOR.id]);
    // Leaving twice is harmless and silent.
    await manager.ok(LEAVE, { input: { auditId, clientId: 'tab-2' } });

    // Looking is not a change: nothing in the audit trail.
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1`, [org.id])).toBe(trailBefore);
    await watcher.close();
    await auditor.ok(LEAVE, { input: { auditId, clientId: 'board' } });
  });

  it('expires a board not heard from, with a live departure', async () => {
    const watcher = await subscribed(org.as.OWNER, a);
    await org.as.CONTRIBUTOR.ok(JOIN, { input: { auditId, clientId: 'laptop' } });
    await org.as.MANAGEMENT.ok(JOIN, { input: { auditId } });
    expect(await online(org.as.OWNER)).toEqual([org.users.CONTRIBUTOR.id, org.users.MANAGEMENT.id]);
    // The contributor's laptop closed without a word 41 seconds ago.
    await a.services.db.dataSource.query(`UPDATE audit_presence SET last_seen_at = now() - interval '41 seconds' WHERE user_id = $1`, [org.users.CONTRIBUTOR.id]);
    expect(await online(org.as.OWNER)).toEqual([org.users.MANAGEMENT.id]); // no longer listed at once
    expect(await count(`SELECT count(*)::int AS n FROM audit_presence WHERE user_id = $1`, [org.users.CONTRIBUTOR.id])).toBe(1);
    // The next heartbeat of anyone in the organisation (here through replica B) removes the stale row and says so.
    await onB(org.as.MANAGEMENT).ok(JOIN, { input: { auditId } });
    await watcher.until((events) => presenceEvents(events, 'left', org.users.CONTRIBUTOR.id).length > 0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_presence WHERE user_id = $1`, [org.users.CONTRIBUTOR.id])).toBe(0);
    expect(presenceEvents(watcher.events, 'left', org.users.MANAGEMENT.id)).toHaveLength(0);

    // A stale board that comes back is an arrival again.
    await a.services.db.dataSource.query(`UPDATE audit_presence SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [org.users.MANAGEMENT.id]);
    expect(await a.services.auditPresence.expire(org.id)).toBe(1);
    await watcher.until((events) => presenceEvents(events, 'left', org.users.MANAGEMENT.id).length > 0);
    expect(await a.services.auditPresence.expire(org.id)).toBe(0);
    await org.as.MANAGEMENT.ok(JOIN, { input: { auditId } });
    await watcher.until((events) => presenceEvents(events, 'joined', org.users.MANAGEMENT.id).length > 1);
    await org.as.MANAGEMENT.ok(LEAVE, { input: { auditId } });
    await watcher.close();
  });

  it('lets in only those who may read the audit: an auditor only on their audits', async () => {
    const outsiderEvents = await subscribed(outsider, a);
    expect(await outsider.code(JOIN, { input: { auditId } })).toBe('NOT_FOUND');
    expect(await outsider.code(LEAVE, { input: { auditId } })).toBe('NOT_FOUND');
    expect(await org.as.EMPLOYEE.code(JOIN, { input: { auditId } })).toBe('NOT_FOUND');
    expect((await org.as.EMPLOYEE.request(LIST, { id: auditId })).data?.node).toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM audit_presence WHERE user_id = ANY($1)`, [[outsiderId, org.users.EMPLOYEE.id]])).toBe(0);
    // Bad input is coded and writes nothing.
    const bad = await org.as.OWNER.request(JOIN, { input: { auditId, clientId: 'no spaces please' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId', reason: 'INVALID_CLIENT_ID' });
    expect(await count(`SELECT count(*)::int AS n FROM audit_presence WHERE user_id = $1`, [org.users.OWNER.id])).toBe(0);
    expect(await org.as.OWNER.code(JOIN, { input: { auditId: 'adt_0000000000000000' } })).toBe('NOT_FOUND');

    // The owner opens the board: the outsider's stream says nothing about an audit they may not see.
    await org.as.OWNER.ok(JOIN, { input: { auditId } });
    const theirs = (
      await org.as.ISMS_MANAGER.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
        input: { organizationId: org.id, kind: 'INTERNAL', title: 'Internal', startDate: todayUtc(), endDate: todayUtc(), leadAuditorId: outsiderId },
      })
    ).createAudit.audit.id;
    await outsider.ok(JOIN, { input: { auditId: theirs } });
    await outsiderEvents.until((events) => presenceEvents(events, 'joined', outsiderId, theirs).length > 0);
    expect(outsiderEvents.events.filter((e) => e.entityId === auditId)).toEqual([]);
    expect(await online(outsider, theirs)).toEqual([outsiderId]);
    await outsiderEvents.close();

    // Put on the stage 2 team, the outsider may join; taken off it, they are no longer listed.
    const version = async () => (await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Audit { version } } }`, { id: auditId })).node.version;
    await org.as.ISMS_MANAGER.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: auditId, version: await version(), teamIds: [outsiderId] } });
    const people = (await outsider.ok(JOIN, { input: { auditId } })).joinAuditBoard.audit.onlineParticipants;
    expect(people.find((p: { user: { id: string } }) => p.user.id === outsiderId)).toMatchObject({ role: 'AUDITOR', onAuditTeam: true, isLeadAuditor: false });
    await org.as.ISMS_MANAGER.ok(`mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id } } }`, { input: { id: auditId, version: await version(), teamIds: [] } });
    expect(await online(org.as.OWNER)).toEqual([org.users.OWNER.id]);
    expect(await outsider.code(JOIN, { input: { auditId } })).toBe('NOT_FOUND');
    await org.as.OWNER.ok(LEAVE, { input: { auditId } });
  });

  it('keeps other organisations out', async () => {
    await org.as.ISMS_MANAGER.ok(JOIN, { input: { auditId } });
    const foreign = await subscribed(other.as.OWNER, a, other.id);
    for (const role of ['OWNER', 'AUDITOR'] as const) {
      expect(await other.as[role].code(JOIN, { input: { auditId } })).toBe('NOT_FOUND');
      expect(await other.as[role].code(LEAVE, { input: { auditId } })).toBe('NOT_FOUND');
      expect((await other.as[role].ok(LIST, { id: auditId })).node).toBeNull();
    }
    expect(await count(`SELECT count(*)::int AS n FROM audit_presence WHERE organization_id = $1`, [other.id])).toBe(0);
    // Their stream carries nothing of ours, and their own presence stays theirs.
    const theirAudit = (
      await other.as.OWNER.ok(`mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id } } }`, {
        input: { organizationId: other.id, kind: 'INTERNAL', title: 'Theirs', startDate: todayUtc(), endDate: todayUtc() },
      })
    ).createAudit.audit.id;
    await org.as.ISMS_MANAGER.ok(LEAVE, { input: { auditId } });
    await other.as.OWNER.ok(JOIN, { input: { auditId: theirAudit } });
    await foreign.until((events) => presenceEvents(events, 'joined', other.users.OWNER.id, theirAudit).length > 0);
    expect(foreign.events.filter((e) => e.entityId === auditId)).toEqual([]);
    expect(await online(org.as.OWNER)).toEqual([]);
    expect(await online(other.as.OWNER, theirAudit)).toEqual([other.users.OWNER.id]);
    await foreign.close();
  });
});
