import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, uniqueEmail, type TestOrg } from '../support/factories.js';
import { addMembership } from '../../server/src/modules/organizations/organization.service.js';

let server: TestServer;
let org: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'RBAC B.V.');
});
afterAll(async () => {
  await server?.stop();
});

/**
 * Each operation, tried by every role: the roles the domain table allows succeed, the others
 * get FORBIDDEN and change nothing. Operations that change membership run against a fresh
 * throw-away target each time.
 */
const cases: Array<{ name: string; action: Parameters<typeof roleCan>[1]; run: (role: Role) => Promise<{ errors?: Array<{ extensions?: { code?: string } }> }> }> = [
  {
    name: 'read members',
    action: 'member:read',
    run: (role) => org.as[role].request(`query($id: ID!) { organization(id: $id) { members { role } } }`, { id: org.id }),
  },
  {
    name: 'read pending invitations',
    action: 'invitation:read',
    run: (role) => org.as[role].request(`query($id: ID!) { organization(id: $id) { invitations { id } } }`, { id: org.id }),
  },
  {
    name: 'invite a member',
    action: 'member:invite',
    run: (role) =>
      org.as[role].request(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`, {
        input: { organizationId: org.id, email: uniqueEmail(`by-${role}`), role: 'EMPLOYEE' },
      }),
  },
  {
    name: 'change a role',
    action: 'member:updateRole',
    run: async (role) => {
      const target = await addMember('EMPLOYEE');
      return org.as[role].request(`mutation($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { membership { role } } }`, {
        input: { organizationId: org.id, userId: target, role: 'CONTRIBUTOR' },
      });
    },
  },
  {
    name: 'remove a member',
    action: 'member:remove',
    run: async (role) => {
      const target = await addMember('EMPLOYEE');
      return org.as[role].request(`mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }`, {
        input: { organizationId: org.id, userId: target },
      });
    },
  },
  {
    name: 'rename the organisation',
    action: 'organization:update',
    run: (role) =>
      org.as[role].request(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name } } }`, {
        input: { organizationId: org.id, name: `RBAC B.V. by ${role}` },
      }),
  },
  {
    name: 'read the audit trail',
    action: 'auditTrail:read',
    run: (role) => org.as[role].request(`query($id: ID!) { organization(id: $id) { auditTrail(first: 5) { totalCount } } }`, { id: org.id }),
  },
  {
    name: 'verify the audit trail',
    action: 'auditTrail:verify',
    run: (role) => org.as[role].request(`query($id: ID!) { verifyAuditTrail(organizationId: $id) { ok } }`, { id: org.id }),
  },
  {
    name: 'create an API token',
    action: 'apiToken:create',
    run: (role) =>
      org.as[role].request(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }`, {
        input: { organizationId: org.id, name: `token of ${role}` },
      }),
  },
];

async function addMember(role: Role): Promise<string> {
  return server.services.db.transaction(async (em) => {
    const user = await server.services.accounts.createUser(em, { email: uniqueEmail('target'), name: 'Target', passwordHash: 'x' }, { ip: null, userAgent: null });
    await addMembership(em, { organizationId: org.id, user, role }, { actorId: null, actorLabel: 'test', ip: null });
    return user.id;
  });
}

describe.each(cases)('$name ($action)', ({ action, run }) => {
  it.each(ROLES.map((role) => [role, roleCan(role, action)] as const))('%s allowed: %s', async (role, allowed) => {
    const result = await run(role);
    if (allowed) expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('signed out', () => {
  it('every organisation operation answers UNAUTHENTICATED', async () => {
    const { ApiClient } = await import('../support/client.js');
    const anonymous = new ApiClient(server.url);
    expect(await anonymous.code(`query($id: ID!) { organization(id: $id) { id } }`, { id: org.id })).toBe('UNAUTHENTICATED');
    expect(await anonymous.code(`mutation { createOrganization(input: { name: "x" }) { organization { id } } }`)).toBe('UNAUTHENTICATED');
    expect(await anonymous.code(`query($id: ID!) { verifyAuditTrail(organizationId: $id) { ok } }`, { id: org.id })).toBe('UNAUTHENTICATED');
  });
});
