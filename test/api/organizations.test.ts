import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { TEST_PASSWORD, buildLoner, buildOrganization, uniqueEmail, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Lumen Test B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id email role expiresAt } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id email name memberships { role organization { id } } } organization { id name } } }`;
const UPDATE_ROLE = `mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role user { id } } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`;

async function invitationToken(email: string): Promise<string> {
  const mail = await server.mail.waitFor((m) => m.to.includes(email));
  const match = /[?&]token=([^\s&]+)/.exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

describe('organisations', () => {
  it('creates an organisation with its creator as OWNER', async () => {
    const loner = await buildLoner(server);
    const { createOrganization } = await loner.ok(
      `mutation { createOrganization(input: { name: "  Second Org  " }) { organization { id name viewerRole viewerActions members { role } } } }`,
    );
    expect(createOrganization.organization).toMatchObject({ name: 'Second Org', viewerRole: 'OWNER', members: [{ role: 'OWNER' }] });
    expect(createOrganization.organization.viewerActions).toContain('organization:delete');
    expect(await loner.code(`mutation { createOrganization(input: { name: " " }) { organization { id } } }`)).toBe('BAD_USER_INPUT');
  });

  it('answers viewerCan per role', async () => {
    const q = `query($id: ID!) { organization(id: $id) { invite: viewerCan(action: "member:invite") trail: viewerCan(action: "auditTrail:read") bogus: viewerCan(action: "nope:nope") } }`;
    expect((await org.as.ISMS_MANAGER.ok(q, { id: org.id })).organization).toEqual({ invite: true, trail: true, bogus: false });
    expect((await org.as.EMPLOYEE.ok(q, { id: org.id })).organization).toEqual({ invite: false, trail: false, bogus: false });
  });

  it('renames the organisation (organization:update) and audits it', async () => {
    const { updateOrganization } = await org.as.ISMS_MANAGER.ok(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name } } }`,
      { input: { organizationId: org.id, name: 'Lumen Test B.V. (renamed)' } },
    );
    expect(updateOrganization.organization.name).toBe('Lumen Test B.V. (renamed)');
  });
});

describe('invitations', () => {
  it('e-mails an invitation link through SMTP; accepting creates the account, the membership and a session', async () => {
    const email = uniqueEmail('invitee');
    const { inviteMember } = await org.as.ISMS_MANAGER.ok(INVITE, { input: { organizationId: org.id, email, role: 'CONTRIBUTOR' } });
    expect(inviteMember.invitation).toMatchObject({ email, role: 'CONTRIBUTOR' });
    const mail = await server.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toContain('Lumen Test B.V.');
    expect(mail.text).toContain(`${server.config.PUBLIC_URL}/accept-invitation?token=`);
    const token = await invitationToken(email);

    const preview = await new ApiClient(server.url).ok(`query($t: String!) { invitation(token: $t) { organizationName email role status hasAccount } }`, { t: token });
    expect(preview.invitation).toMatchObject({ email, role: 'CONTRIBUTOR', status: 'PENDING', hasAccount: false });

    const invitee = new ApiClient(server.url);
    const { acceptInvitation } = await invitee.ok(ACCEPT, { input: { token, name: 'New Colleague', password: TEST_PASSWORD } });
    expect(acceptInvitation.viewer).toMatchObject({ email, name: 'New Colleague', memberships: [{ role: 'CONTRIBUTOR', organization: { id: org.id } }] });
    expect(acceptInvitation.organization.id).toBe(org.id);
    expect(invitee.cookie).not.toBeNull();

    // The link works once.
    const again = await new ApiClient(server.url).request(ACCEPT, { input: { token, name: 'Replay', password: TEST_PASSWORD } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', reason: 'USED' });
    const pending = await org.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { invitations { email } } }`, { id: org.id });
    expect(pending.organization.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
  });

  it('links an existing account when its password is given', async () => {
    const other = await buildOrganization(server, 'Elsewhere Ltd');
    const email = other.users.AUDITOR.email;
    await org.as.OWNER.ok(INVITE, { input: { organizationId: org.id, email, role: 'AUDITOR' } });
    const token = await invitationToken(email);
    const wrong = await new ApiClient(server.url).request(ACCEPT, { input: { token, password: 'Wrong-Password-000' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const { acceptInvitation } = await new ApiClient(server.url).ok(ACCEPT, { input: { token, password: TEST_PASSWORD } });
    expect(acceptInvitation.viewer.memberships.map((m: { organization: { id: string } }) => m.organization.id).sort()).toEqual([org.id, other.id].sort());
  });

  it('refuses expired, unknown and withdrawn invitations, and invitations of existing members', async () => {
    const email = uniqueEmail('late');
    const { inviteMember } = await org.as.OWNER.ok(INVITE, { input: { organizationId: org.id, email, role: 'EMPLOYEE' } });
    const token = await invitationToken(email);
    await server.services.db.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inviteMember.invitation.id]);
    const expired = await new ApiClient(server.url).request(ACCEPT, { input: { token, name: 'Late', password: TEST_PASSWORD } });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPIRED' });
    expect(await new ApiClient(server.url).code(ACCEPT, { input: { token: 'made-up', name: 'X', password: TEST_PASSWORD } })).toBe('BAD_USER_INPUT');
    const users = (await server.services.db.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])) as unknown[];
    expect(users).toHaveLength(0);

    const withdrawnEmail = uniqueEmail('withdrawn');
    const withdrawn = await org.as.OWNER.ok(INVITE, { input: { organizationId: org.id, email: withdrawnEmail, role: 'EMPLOYEE' } });
    const withdrawnToken = await invitationToken(withdrawnEmail);
    await org.as.ISMS_MANAGER.ok(`mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { revokedInvitationId } }`, {
      input: { id: withdrawn.inviteMember.invitation.id },
    });
    expect((await new ApiClient(server.url).request(ACCEPT, { input: { token: withdrawnToken, name: 'W', password: TEST_PASSWORD } })).errors?.[0]?.extensions?.reason).toBe('USED');

    const member = await org.as.OWNER.request(INVITE, { input: { organizationId: org.id, email: org.users.EMPLOYEE.email, role: 'EMPLOYEE' } });
    expect(member.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', reason: 'ALREADY_MEMBER' });
    expect(await org.as.OWNER.code(INVITE, { input: { organizationId: org.id, email: 'nope', role: 'EMPLOYEE' } })).toBe('BAD_USER_INPUT');
    expect(await org.as.OWNER.code(INVITE, { input: { organizationId: org.id, email: uniqueEmail(), role: 'SUPERUSER' } })).toBe('BAD_USER_INPUT');
  });
});

describe('roles and removal', () => {
  it('changes a role and records before and after in the audit trail', async () => {
    const target = await buildOrganization(server, 'Roles Ltd');
    const { updateMemberRole } = await target.as.ISMS_MANAGER.ok(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.EMPLOYEE.id, role: 'CONTRIBUTOR' } });
    expect(updateMemberRole.membership).toEqual({ role: 'CONTRIBUTOR', user: { id: target.users.EMPLOYEE.id } });
    const trail = await target.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 1, filter: { action: "member.roleChanged" }) { edges { node { action summary actor { id } } } } } }`, { id: target.id });
    expect(trail.organization.auditTrail.edges[0].node).toMatchObject({
      action: 'member.roleChanged',
      actor: { id: target.users.ISMS_MANAGER.id },
      summary: { before: { role: 'EMPLOYEE' }, after: { role: 'CONTRIBUTOR' } },
    });
  });

  it('keeps owners to owners: an ISMS manager cannot promote to, demote or remove an owner', async () => {
    const target = await buildOrganization(server, 'Owners Ltd');
    const asManager = target.as.ISMS_MANAGER;
    expect(await asManager.code(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.CONTRIBUTOR.id, role: 'OWNER' } })).toBe('FORBIDDEN');
    expect(await asManager.code(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.OWNER.id, role: 'EMPLOYEE' } })).toBe('FORBIDDEN');
    expect(await asManager.code(REMOVE, { input: { organizationId: target.id, userId: target.users.OWNER.id } })).toBe('FORBIDDEN');
    expect(await asManager.code(INVITE, { input: { organizationId: target.id, email: uniqueEmail(), role: 'OWNER' } })).toBe('FORBIDDEN');
    const roles = await target.as.OWNER.ok(`query($id: ID!) { organization(id: $id) { members { role user { id } } } }`, { id: target.id });
    expect(roles.organization.members.find((m: { user: { id: string } }) => m.user.id === target.users.OWNER.id).role).toBe('OWNER');
  });

  it('never leaves an organisation without an owner', async () => {
    const target = await buildOrganization(server, 'Last Owner Ltd');
    const demote = await target.as.OWNER.request(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.OWNER.id, role: 'ISMS_MANAGER' } });
    expect(demote.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LAST_OWNER' });
    expect(await target.as.OWNER.code(REMOVE, { input: { organizationId: target.id, userId: target.users.OWNER.id } })).toBe('BAD_USER_INPUT');
    // With a second owner, the first may step down; then the second is the last.
    await target.as.OWNER.ok(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.MANAGEMENT.id, role: 'OWNER' } });
    await target.as.OWNER.ok(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.OWNER.id, role: 'ISMS_MANAGER' } });
    expect(await target.as.MANAGEMENT.code(REMOVE, { input: { organizationId: target.id, userId: target.users.MANAGEMENT.id } })).toBe('BAD_USER_INPUT');
  });

  it('two owners demoting each other at once leave one owner', async () => {
    const target = await buildOrganization(server, 'Race Ltd');
    await target.as.OWNER.ok(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.MANAGEMENT.id, role: 'OWNER' } });
    const results = await Promise.all([
      target.as.OWNER.request(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.MANAGEMENT.id, role: 'EMPLOYEE' } }),
      target.as.MANAGEMENT.request(UPDATE_ROLE, { input: { organizationId: target.id, userId: target.users.OWNER.id, role: 'EMPLOYEE' } }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    const owners = (await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'OWNER'`, [target.id])) as Array<{ n: number }>;
    expect(owners[0]!.n).toBe(1);
  });

  it('removes a member: their access and API tokens end with the membership', async () => {
    const target = await buildOrganization(server, 'Removal Ltd');
    const { createApiToken } = await target.as.CONTRIBUTOR.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { organizationId: target.id, name: 'script' },
    });
    const { removeMember } = await target.as.ISMS_MANAGER.ok(REMOVE, { input: { organizationId: target.id, userId: target.users.CONTRIBUTOR.id } });
    expect(removeMember.removedUserId).toBe(target.users.CONTRIBUTOR.id);
    expect((await target.as.CONTRIBUTOR.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: target.id })).organization).toBeNull();
    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    expect(await script.ok('{ viewer { id } }')).toEqual({ viewer: null });
    expect(await target.as.ISMS_MANAGER.code(REMOVE, { input: { organizationId: target.id, userId: target.users.CONTRIBUTOR.id } })).toBe('NOT_FOUND');
  });
});
