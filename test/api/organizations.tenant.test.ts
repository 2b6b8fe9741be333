import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { buildOrganization, uniqueEmail, type TestOrg } from '../support/factories.js';

let server: TestServer;
let a: TestOrg;
let b: TestOrg;
let aInvitationId: string;
let aTokenId: string;
let aAuditEventId: string;
const MISSING_ORG = 'org_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa';

beforeAll(async () => {
  server = await startTestServer();
  a = await buildOrganization(server, 'Tenant A');
  b = await buildOrganization(server, 'Tenant B');
  aInvitationId = (
    await a.as.OWNER.ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, {
      input: { organizationId: a.id, email: uniqueEmail('a-invitee'), role: 'EMPLOYEE' },
    })
  ).inviteMember.invitation.id;
  aTokenId = (
    await a.as.CONTRIBUTOR.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }`, {
      input: { organizationId: a.id, name: 'a-script' },
    })
  ).createApiToken.token.id;
  aAuditEventId = (await a.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 1) { edges { node { id } } } } }`, { id: a.id }))
    .organization.auditTrail.edges[0].node.id;
});
afterAll(async () => {
  await server?.stop();
});

/** The same request against a foreign organisation and a missing one must answer identically. */
async function sameAsMissing(client: ApiClient, query: string, vars: (orgId: string) => Record<string, unknown>) {
  const foreign = await client.request(query, vars(a.id));
  const missing = await client.request(query, vars(MISSING_ORG));
  expect(JSON.stringify(foreign).replaceAll(a.id, 'X')).toBe(JSON.stringify(missing).replaceAll(MISSING_ORG, 'X'));
  return foreign;
}

describe('tenant isolation: organisation B cannot read, change or learn about organisation A', () => {
  it("B's owner reads nothing of A: organization, members, trail, nodes", async () => {
    const foreign = await sameAsMissing(b.as.OWNER, `query($id: ID!) { organization(id: $id) { id name members { role } } }`, (id) => ({ id }));
    expect(foreign).toEqual({ data: { organization: null } });
    for (const id of [a.id, a.users.EMPLOYEE.id, aInvitationId, aTokenId, aAuditEventId]) {
      expect((await b.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node, id).toBeNull();
    }
    expect((await a.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: a.users.EMPLOYEE.id })).node).toEqual({ id: a.users.EMPLOYEE.id });
  });

  it.each([
    ['inviteMember', `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, (id: string) => ({ input: { organizationId: id, email: 'x@example.test', role: 'OWNER' } })],
    ['updateMemberRole', `mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, (id: string) => ({ input: { organizationId: id, userId: 'usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa', role: 'OWNER' } })],
    ['removeMember', `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`, (id: string) => ({ input: { organizationId: id, userId: 'usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa' } })],
    ['updateOrganization', `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } } }`, (id: string) => ({ input: { organizationId: id, name: 'Pwned' } })],
    ['createApiToken', `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, (id: string) => ({ input: { organizationId: id, name: 'x' } })],
    ['verifyAuditTrail', `query($id: ID!) { verifyAuditTrail(organizationId: $id) { ok } }`, (id: string) => ({ id })],
  ])('%s on A answers NOT_FOUND, exactly as for a missing organisation', async (_name, query, vars) => {
    const result = await sameAsMissing(b.as.OWNER, query, vars);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("B cannot change A's members with A's user ids, nor revoke A's invitations or tokens", async () => {
    const role = await b.as.OWNER.request(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, {
      input: { organizationId: b.id, userId: a.users.EMPLOYEE.id, role: 'OWNER' },
    });
    expect(role.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await b.as.OWNER.code(`mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { revokedInvitationId } }`, { input: { id: aInvitationId } })).toBe('NOT_FOUND');
    expect(await b.as.OWNER.code(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { revokedApiTokenId } }`, { input: { id: aTokenId } })).toBe('NOT_FOUND');
    const still = (await server.services.db.dataSource.query(`SELECT revoked_at FROM invitations WHERE id = $1`, [aInvitationId])) as Array<{ revoked_at: null }>;
    expect(still[0]!.revoked_at).toBeNull();
  });

  it("an API token of A cannot reach B, even for a person who belongs to both", async () => {
    // B invites A's contributor; the contributor's A-token must still not see B.
    const invite = await b.as.OWNER.ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, {
      input: { organizationId: b.id, email: a.users.CONTRIBUTOR.email, role: 'CONTRIBUTOR' },
    });
    expect(invite.inviteMember.invitation.id).toBeTruthy();
    const mail = await server.mail.waitFor((m) => m.to.includes(a.users.CONTRIBUTOR.email));
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.text)![1]!);
    await a.as.CONTRIBUTOR.ok(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }`, { input: { token } });
    const { createApiToken } = await a.as.CONTRIBUTOR.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { organizationId: a.id, name: 'a-only' },
    });
    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    expect((await script.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: b.id })).organization).toBeNull();
    expect((await script.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: a.id })).organization).toEqual({ id: a.id });
    const memberships = (await script.ok(`{ viewer { memberships { organization { id } } } }`)).viewer.memberships;
    expect(memberships).toEqual([{ organization: { id: a.id } }]);
  });

  it("B's audit trail holds none of A's rows", async () => {
    const trail = await b.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 100) { edges { node { id entityId } } } } }`, { id: b.id });
    const ids = trail.organization.auditTrail.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).not.toContain(aAuditEventId);
  });
});
