import type { Role } from '@annex/domain';
import type { Services } from '../../app/services.js';
import { hashPassword } from '../../core/auth/secrets.js';
import { addMembership } from '../organizations/organization.service.js';
import { User } from '../identity/user.entity.js';

/** The example password of every example account (printed at first start, in the README). */
export const EXAMPLE_PASSWORD = 'Lumen-Example-2027';
export const EXAMPLE_ORGANIZATION = 'Lumen Logistics B.V.';

export const EXAMPLE_PEOPLE: ReadonlyArray<{ name: string; email: string; role: Role; does: string }> = [
  { name: 'Sanne de Vries', email: 'sanne@lumen-logistics.example', role: 'OWNER', does: 'CEO, sponsor' },
  { name: 'Daan Bakker', email: 'daan@lumen-logistics.example', role: 'ISMS_MANAGER', does: 'runs the programme' },
  { name: 'Priya Raman', email: 'priya@lumen-logistics.example', role: 'CONTRIBUTOR', does: 'head of engineering' },
  { name: 'Tom Jansen', email: 'tom@lumen-logistics.example', role: 'CONTRIBUTOR', does: 'IT operations' },
  { name: 'Eva Smit', email: 'eva@lumen-logistics.example', role: 'MANAGEMENT', does: 'CFO, approves' },
  { name: 'Marco Rossi', email: 'marco@certbody.example', role: 'AUDITOR', does: 'certification-body lead auditor' },
  { name: 'Lisa Visser', email: 'lisa@lumen-logistics.example', role: 'AUDITOR', does: 'internal auditor' },
  { name: 'Noah Peters', email: 'noah@lumen-logistics.example', role: 'EMPLOYEE', does: 'customer support' },
];

export interface SeedResult {
  created: boolean;
  organizationId: string;
}

/**
 * Loads the example organisation once (idempotent: it is recognised by its owner's account).
 * Each later module adds its records to the same story here.
 */
export async function seedExampleData(services: Services): Promise<SeedResult> {
  const { db, organizations, accounts, logger } = services;
  const owner = EXAMPLE_PEOPLE[0]!;
  const existing = (await db.dataSource.query(
    `SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id
      JOIN organizations o ON o.id = m.organization_id WHERE lower(u.email) = $1 AND o.name = $2 LIMIT 1`,
    [owner.email, EXAMPLE_ORGANIZATION],
  )) as Array<{ organization_id: string }>;
  if (existing[0]) return { created: false, organizationId: existing[0].organization_id };

  const passwordHash = await hashPassword(EXAMPLE_PASSWORD);
  const meta = { ip: null, userAgent: 'example-data' };
  const organizationId = await db.transaction(async (em) => {
    const users: User[] = [];
    for (const person of EXAMPLE_PEOPLE) {
      users.push(await accounts.createUser(em, { email: person.email, name: person.name, passwordHash }, meta));
    }
    const organization = await organizations.createWithOwner(em, users[0]!, EXAMPLE_ORGANIZATION, null);
    const actor = { actorId: users[0]!.id, actorLabel: `${users[0]!.name} <${users[0]!.email}>`, ip: null };
    for (const [index, person] of EXAMPLE_PEOPLE.entries()) {
      if (index === 0) continue;
      await addMembership(em, { organizationId: organization.id, user: users[index]!, role: person.role }, actor, 'example data');
    }
    return organization.id;
  });
  logger.info({ organizationId }, 'example organisation created');
  return { created: true, organizationId };
}

/** The console banner with the example sign-ins. */
export function exampleSignInBanner(url: string): string {
  const width = Math.max(...EXAMPLE_PEOPLE.map((p) => p.email.length));
  const rows = EXAMPLE_PEOPLE.map((p) => `    ${p.email.padEnd(width)}  ${p.role.padEnd(12)}  ${p.name} (${p.does})`);
  return [
    '',
    `  Annex is running at ${url}`,
    '',
    `  Example organisation "${EXAMPLE_ORGANIZATION}": sign in as any of these, password ${EXAMPLE_PASSWORD}`,
    ...rows,
    '',
  ].join('\n');
}
