import { ROLES, type Role } from '@annex/domain';
import type { TestServer } from './server.js';
import { ApiClient } from './client.js';
import { hashPassword } from '../../server/src/core/auth/secrets.js';
import { addMembership } from '../../server/src/modules/organizations/organization.service.js';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';
let passwordHash: Promise<string> | null = null;
let counter = 0;

export function uniqueEmail(prefix = 'person'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Math.random().toString(36).slice(2, 7)}@example.test`;
}

export interface TestOrg {
  id: string;
  name: string;
  /** A signed-in client per role; `OWNER` is the creator. */
  as: Record<Role, ApiClient>;
  users: Record<Role, { id: string; email: string }>;
}

/**
 * Builds an organisation with one signed-in member per role. The owner signs up through the
 * API; the others are inserted directly (through the services' transaction) to keep tests fast,
 * then sign in through the API like anyone.
 */
export async function buildOrganization(server: TestServer, name = `Org ${++counter}`): Promise<TestOrg> {
  const owner = new ApiClient(server.url);
  const ownerEmail = uniqueEmail('owner');
  const signUp = await owner.ok<{ signUp: { viewer: { id: string; memberships: Array<{ organization: { id: string } }> } } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id memberships { organization { id } } } } }`,
    { input: { email: ownerEmail, name: 'Owner Person', password: TEST_PASSWORD, organizationName: name } },
  );
  const organizationId = signUp.signUp.viewer.memberships[0]!.organization.id;
  const as = { OWNER: owner } as Record<Role, ApiClient>;
  const users = { OWNER: { id: signUp.signUp.viewer.id, email: ownerEmail } } as Record<Role, { id: string; email: string }>;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  for (const role of ROLES) {
    if (role === 'OWNER') continue;
    const email = uniqueEmail(role.toLowerCase());
    const user = await server.services.db.transaction(async (em) => {
      const created = await server.services.accounts.createUser(em, { email, name: `${role} Person`, passwordHash: hash }, { ip: null, userAgent: null });
      await addMembership(em, { organizationId, user: created, role }, { actorId: null, actorLabel: 'test factory', ip: null });
      return created;
    });
    users[role] = { id: user.id, email };
    as[role] = await new ApiClient(server.url).signIn(email, TEST_PASSWORD);
  }
  return { id: organizationId, name, as, users };
}

/** One more signed-in member of an organisation (inserted like the factory's own). */
export async function addMember(server: TestServer, organizationId: string, role: Role, name = `Another ${role} Person`): Promise<{ id: string; email: string; as: ApiClient }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const email = uniqueEmail(role.toLowerCase());
  const user = await server.services.db.transaction(async (em) => {
    const created = await server.services.accounts.createUser(em, { email, name, passwordHash: hash }, { ip: null, userAgent: null });
    await addMembership(em, { organizationId, user: created, role }, { actorId: null, actorLabel: 'test factory', ip: null });
    return created;
  });
  return { id: user.id, email, as: await new ApiClient(server.url).signIn(email, TEST_PASSWORD) };
}

/** A signed-in person with no organisation at all. */
export async function buildLoner(server: TestServer): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  await client.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id } } }`, {
    input: { email: uniqueEmail('loner'), name: 'Lone Person', password: TEST_PASSWORD },
  });
  return client;
}
