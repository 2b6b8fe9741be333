import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, uniqueEmail, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Trail B.V.');
  await org.as.OWNER.ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, {
    input: { organizationId: org.id, email: uniqueEmail('trail'), role: 'EMPLOYEE' },
  });
  await org.as.ISMS_MANAGER.ok(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, {
    input: { organizationId: org.id, userId: org.users.EMPLOYEE.id, role: 'CONTRIBUTOR' },
  });
});
afterAll(async () => {
  await server?.stop();
});

const TRAIL = `query($id: ID!, $first: Int, $after: String, $filter: AuditTrailFilter) {
  organization(id: $id) { auditTrail(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id action at actor { id } entityType entityId hash summary } } } } }`;

describe('audit trail', () => {
  it('lists the organisation events newest first, with paging and filters', async () => {
    const all = await org.as.AUDITOR.ok(TRAIL, { id: org.id, first: 100 });
    const actions = all.organization.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions.slice(0, 2)).toEqual(['member.roleChanged', 'invitation.created']);
    expect(actions.at(-1)).toBe('organization.created');
    const page1 = await org.as.AUDITOR.ok(TRAIL, { id: org.id, first: 2 });
    expect(page1.organization.auditTrail.pageInfo.hasNextPage).toBe(true);
    const page2 = await org.as.AUDITOR.ok(TRAIL, { id: org.id, first: 2, after: page1.organization.auditTrail.pageInfo.endCursor });
    expect(page2.organization.auditTrail.edges[0].node.id).toBe(all.organization.auditTrail.edges[2].node.id);
    const byActor = await org.as.AUDITOR.ok(TRAIL, { id: org.id, first: 100, filter: { actorId: org.users.ISMS_MANAGER.id } });
    expect(byActor.organization.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['member.roleChanged']);
    const byAction = await org.as.AUDITOR.ok(TRAIL, { id: org.id, first: 100, filter: { action: 'invitation.' } });
    expect(byAction.organization.auditTrail.totalCount).toBe(1);
    expect(await org.as.AUDITOR.code(TRAIL, { id: org.id, first: 101 })).toBe('BAD_USER_INPUT');
  });

  it('verifies an intact chain', async () => {
    const { verifyAuditTrail } = await org.as.MANAGEMENT.ok(`query($id: ID!) { verifyAuditTrail(organizationId: $id) { ok checked firstBrokenId } }`, { id: org.id });
    expect(verifyAuditTrail.ok).toBe(true);
    expect(verifyAuditTrail.checked).toBeGreaterThanOrEqual(4);
    expect(verifyAuditTrail.firstBrokenId).toBeNull();
  });

  it('cannot be updated or deleted by the application database role', async () => {
    const ds = server.services.db.dataSource;
    await expect(ds.query(`UPDATE audit_events SET action = 'forged' WHERE organization_id = $1`, [org.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events WHERE organization_id = $1`, [org.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken row after tampering (by someone able to bypass the trigger)', async () => {
    const ds = server.services.db.dataSource;
    const rows = (await ds.query(`SELECT id FROM audit_events WHERE organization_id = $1 ORDER BY seq`, [org.id])) as Array<{ id: string }>;
    const victim = rows[3]!.id;
    await ds.transaction(async (em) => {
      await em.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await em.query(`UPDATE audit_events SET summary = '{"forged": true}' WHERE id = $1`, [victim]);
      await em.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    const { verifyAuditTrail } = await org.as.OWNER.ok(`query($id: ID!) { verifyAuditTrail(organizationId: $id) { ok checked firstBrokenId } }`, { id: org.id });
    expect(verifyAuditTrail).toEqual({ ok: false, checked: 4, firstBrokenId: victim });
    const { verifyAuditTrail: again } = await org.as.OWNER.ok(`query($id: ID!) { verifyAuditTrail(organizationId: $id) { firstBrokenSeq } }`, { id: org.id });
    expect(again.firstBrokenSeq).toBe(4);
  });

  it('exports CSV with the session cookie or a bearer token, and refuses others', async () => {
    const url = `${server.url}/exports/organizations/${org.id}/audit-trail.csv`;
    const csv = await fetch(url, { headers: { cookie: org.as.AUDITOR.cookie! } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('seq,at,action,actor,actorId,entityType,entityId,ip,summary,hash');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect((await fetch(url, { headers: { cookie: org.as.EMPLOYEE.cookie! } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
    const { createApiToken } = await org.as.OWNER.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { organizationId: org.id, name: 'export' },
    });
    expect((await fetch(url, { headers: { authorization: `Bearer ${createApiToken.secret}` } })).status).toBe(200);
  });
});
