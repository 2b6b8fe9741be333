import type { AssetType, Role } from '@annex/domain';
import { OrgScope } from '../../core/authorization.js';
import type { Services } from '../../app/services.js';
import { hashPassword } from '../../core/auth/secrets.js';
import { addMembership } from '../organizations/organization.service.js';
import { GAP_REFS } from '../gap-analysis/gap.service.js';
import { CONTROLS } from '@annex/iso27001';
import { User } from '../identity/user.entity.js';
import { seedDocuments } from './seed-documents.js';
import { seedAudits } from './seed-audits.js';
import { seedTraining } from './seed-training.js';
import { seedObjectives } from './seed-objectives.js';
import { seedManagementReviews } from './seed-management-reviews.js';

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

/** The rest of the staff (employees who read and acknowledge policies), so coverage figures mean something. */
export const EXAMPLE_STAFF: ReadonlyArray<{ name: string; email: string }> = [
  'Jesse de Boer', 'Fleur Jacobs', 'Sem van Dijk', 'Lotte Mulder', 'Milan de Groot', 'Emma Bos',
  'Lucas Vos', 'Julia Hendriks', 'Thijs van Leeuwen', 'Sara Dekker', 'Bram Smits', 'Anouk Meijer',
].map((name) => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}@lumen-logistics.example` }));

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
    for (const person of EXAMPLE_STAFF) {
      const user = await accounts.createUser(em, { email: person.email, name: person.name, passwordHash }, meta);
      await addMembership(em, { organizationId: organization.id, user, role: 'EMPLOYEE' }, actor, 'example data');
    }
    return organization.id;
  });
  await seedLiveWork(services, organizationId);
  await seedAssets(services, organizationId);
  await seedGapAnalysis(services, organizationId);
  await seedRisks(services, organizationId);
  await seedSoa(services, organizationId);
  await seedDocuments(services, organizationId, await peopleOf(services, organizationId));
  await seedAudits(services, organizationId, await peopleOf(services, organizationId));
  await seedTraining(services, organizationId, await peopleOf(services, organizationId));
  await seedObjectives(services, organizationId, await peopleOf(services, organizationId));
  await seedManagementReviews(services, organizationId, await peopleOf(services, organizationId));
  logger.info({ organizationId }, 'example organisation created');
  return { created: true, organizationId };
}

const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The week of the stage 2 audit at Lumen: open tasks (one overdue), a policy exception waiting
 * for Eva's approval, a conversation with a mention, and the notifications they produced.
 */
async function seedLiveWork(services: Services, organizationId: string): Promise<void> {
  const { tasks, approvals, comments } = services;
  const people = await peopleOf(services, organizationId);
  const who = (email: string) => people.find((p) => p.email === email)!;
  const daan = who('daan@lumen-logistics.example');
  const tom = who('tom@lumen-logistics.example');
  const priya = who('priya@lumen-logistics.example');
  const eva = who('eva@lumen-logistics.example');
  const scopeOf = (person: { id: string; role: Role }) => OrgScope.mint(organizationId, person.id, person.role, 'task:create');
  const actorOfPerson = (person: { id: string; name: string; email: string }) => ({
    actorId: person.id,
    actorLabel: `${person.name} <${person.email}>`,
    ip: null,
  });
  const asDaan = scopeOf(daan);
  const daanActor = actorOfPerson(daan);

  await tasks.create(asDaan, {
    title: 'Restore test of the fleet database backup',
    description: 'Corrective action from the internal audit: prove a full restore of the fleet database within the 4-hour RTO and keep the log as evidence.',
    assigneeId: tom.id,
    dueDate: dayFromToday(-2),
    priority: 'HIGH',
    status: 'IN_PROGRESS',
    checklist: [{ text: 'Restore to the staging cluster', done: true }, { text: 'Verify row counts and checksums' }, { text: 'Attach the restore log' }],
  }, daanActor);
  const accessReview = await tasks.create(asDaan, {
    title: 'Quarterly access review of production systems',
    description: 'Export accounts from the cloud console, the fleet database and the support desk; each owner confirms or removes access.',
    assigneeId: tom.id,
    dueDate: dayFromToday(3),
    priority: 'HIGH',
    checklist: [{ text: 'Export accounts' }, { text: 'Owners confirm access' }, { text: 'Remove leavers' }],
  }, daanActor);
  await tasks.create(asDaan, {
    title: 'Evidence for stage 2: change management samples',
    description: 'Marco will sample three production changes from the last quarter: have the tickets, reviews and deployment logs ready.',
    assigneeId: priya.id,
    dueDate: dayFromToday(1),
    priority: 'CRITICAL',
    status: 'IN_PROGRESS',
  }, daanActor);
  await tasks.create(asDaan, {
    title: 'Update the supplier register (SMS gateway contract)',
    description: 'The SMS gateway renewed its contract: record the new security clauses and the review date.',
    assigneeId: priya.id,
    dueDate: dayFromToday(10),
    priority: 'MEDIUM',
  }, daanActor);
  await tasks.create(asDaan, {
    title: 'Assign onboarding training to the three new joiners',
    assigneeId: daan.id,
    dueDate: dayFromToday(14),
    priority: 'LOW',
  }, daanActor);
  const exception = await tasks.create(asDaan, {
    title: 'Accept the exception for the legacy SFTP endpoint',
    description: 'Two customers still upload delivery files over SFTP with password authentication. Keep it until 31 March with IP allow-listing and weekly log review.',
    assigneeId: daan.id,
    dueDate: dayFromToday(5),
    priority: 'HIGH',
    checklist: [{ text: 'IP allow-list in place', done: true }, { text: 'Weekly log review scheduled', done: true }],
  }, daanActor);
  const done = await tasks.create(asDaan, { title: 'Rotate the platform TLS certificates', assigneeId: tom.id, dueDate: dayFromToday(-9), priority: 'MEDIUM' }, daanActor);
  await tasks.update(OrgScope.mint(organizationId, tom.id, tom.role, 'task:update'), done.id, done.version, { status: 'DONE' }, actorOfPerson(tom));

  await approvals.request(
    OrgScope.mint(organizationId, daan.id, daan.role, 'approval:request'),
    { subjectId: exception.id, approverIds: [eva.id], dueDate: dayFromToday(2), note: 'Risk R-17 stays above the threshold until the customers move to the API upload. Please accept it until 31 March.' },
    daanActor,
  );
  await comments.add(
    OrgScope.mint(organizationId, tom.id, tom.role, 'comment:create'),
    { id: accessReview.id, label: `"${accessReview.title}"`, link: `/o/${organizationId}/tasks?task=${accessReview.id}` },
    `@[Priya Raman](${priya.id}) can you confirm the two service accounts on the fleet database are still needed?`,
    actorOfPerson(tom),
  );
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
    `    and ${EXAMPLE_STAFF.length} more employees (${EXAMPLE_STAFF[0]!.email}, …)`,
    '',
  ].join('\n');
}

/** Lumen's asset inventory: [name, type, owner e-mail, location, C, I, A, description]. */
const LUMEN_ASSETS: Array<[string, AssetType, string, string, number, number, number, string]> = [
  ['Customer vehicle location data', 'INFORMATION', 'priya', 'Fleet database', 3, 3, 2, 'Live and historical GPS positions of customer vehicles.'],
  ['Customer account and billing data', 'INFORMATION', 'eva', 'Billing system', 3, 3, 2, 'Contacts, contracts and invoices of 400 business customers.'],
  ['Driver personal data', 'INFORMATION', 'priya', 'Fleet database', 3, 3, 2, 'Names and phone numbers of customer drivers (GDPR personal data).'],
  ['Employee HR records', 'INFORMATION', 'sanne', 'HR system (SaaS)', 3, 3, 1, 'Contracts, salaries and reviews of 180 employees.'],
  ['Platform source code', 'INFORMATION', 'priya', 'Git hosting', 3, 3, 2, 'The fleet-tracking platform and its infrastructure code.'],
  ['Security logs', 'INFORMATION', 'tom', 'Log platform', 2, 3, 2, 'Authentication, API and infrastructure logs kept 12 months.'],
  ['Backups of the fleet database', 'INFORMATION', 'tom', 'Cloud object storage (second region)', 3, 3, 3, 'Nightly encrypted snapshots, 35-day retention.'],
  ['ISMS documentation', 'INFORMATION', 'daan', 'Annex', 2, 3, 2, 'Policies, procedures, risk register and the SoA.'],
  ['Fleet database cluster', 'SOFTWARE', 'priya', 'Cloud provider eu-west', 3, 3, 3, 'PostgreSQL cluster holding location and customer data.'],
  ['Tracking API', 'SOFTWARE', 'priya', 'Cloud provider eu-west', 2, 3, 3, 'Receives positions from vehicle units, serves customer apps.'],
  ['Customer web portal', 'SOFTWARE', 'priya', 'Cloud provider eu-west', 2, 3, 3, 'Where customers follow their fleets and download reports.'],
  ['Mobile driver app', 'SOFTWARE', 'priya', 'App stores', 2, 2, 2, 'Android and iOS app used by customer drivers.'],
  ['Identity provider (SSO)', 'SERVICE', 'tom', 'SaaS', 3, 3, 3, 'Single sign-on and MFA for all staff accounts.'],
  ['Cloud hosting provider', 'SERVICE', 'tom', 'eu-west and eu-central regions', 3, 3, 3, 'Infrastructure for the whole platform (key supplier).'],
  ['SMS gateway', 'SERVICE', 'priya', 'Supplier (EU)', 2, 2, 3, 'Sends alerts and one-time codes to drivers (key supplier).'],
  ['Customer support desk', 'SERVICE', 'noah', 'SaaS', 2, 2, 2, 'Ticketing and chat with customers.'],
  ['E-mail and office suite', 'SERVICE', 'tom', 'SaaS', 2, 2, 2, 'Mail, calendars and shared documents.'],
  ['Payment service provider', 'SERVICE', 'eva', 'Supplier (EU)', 3, 3, 2, 'Collects subscription payments.'],
  ['Staff laptops', 'HARDWARE', 'tom', 'Office and home', 2, 2, 2, '190 managed laptops with disk encryption.'],
  ['Office network and Wi-Fi', 'HARDWARE', 'tom', 'Rotterdam office', 2, 2, 2, 'Firewall, switches and access points.'],
  ['Vehicle tracking units (stock)', 'HARDWARE', 'tom', 'Rotterdam warehouse', 1, 2, 1, 'Units awaiting installation at customers.'],
  ['Mobile phones (on-call)', 'HARDWARE', 'tom', 'On-call engineers', 2, 2, 3, 'Phones used for incident response.'],
  ['Rotterdam office', 'SITE', 'sanne', 'Rotterdam', 2, 2, 2, 'Head office, 120 desks.'],
  ['Rotterdam warehouse', 'SITE', 'tom', 'Rotterdam', 1, 2, 1, 'Storage of tracking units.'],
  ['Home workplaces', 'SITE', 'daan', 'Remote', 2, 2, 1, 'Remote team of about 60 people.'],
  ['Platform engineers', 'PEOPLE', 'priya', 'Rotterdam and remote', 3, 3, 3, 'The 25 engineers with production access.'],
  ['Customer support agents', 'PEOPLE', 'noah', 'Rotterdam', 2, 2, 2, 'First-line support with read access to customer data.'],
  ['IT operations team', 'PEOPLE', 'tom', 'Rotterdam', 3, 3, 3, 'Administrators of endpoints, identity and backups.'],
  ['Finance team', 'PEOPLE', 'eva', 'Rotterdam', 3, 3, 2, 'Handles billing and payments.'],
  ['Management team', 'PEOPLE', 'sanne', 'Rotterdam', 3, 2, 2, 'Directors deciding on risk acceptance and resources.'],
];

async function seedAssets(services: Services, organizationId: string): Promise<void> {
  const people = await peopleOf(services, organizationId);
  const daan = people.find((p) => p.email.startsWith('daan@'))!;
  const scope = OrgScope.mint(organizationId, daan.id, daan.role, 'asset:create');
  const actor = { actorId: daan.id, actorLabel: `${daan.name} <${daan.email}>`, ip: null };
  const reviewDate = dayFromToday(200);
  for (const [name, type, owner, location, confidentiality, integrity, availability, description] of LUMEN_ASSETS) {
    const ownerId = people.find((p) => p.email.startsWith(`${owner}@`))?.id ?? null;
    await services.assets.create(scope, { name, type, ownerId, location, confidentiality, integrity, availability, description, reviewDate }, actor);
  }
}

/**
 * The gap analysis Lumen did about ten months ago: the clauses mostly implemented, about a
 * third of Annex A partial, a few controls not applicable (no own data centre, no outsourced
 * development), owners by area.
 */
async function seedGapAnalysis(services: Services, organizationId: string): Promise<void> {
  const people = await peopleOf(services, organizationId);
  const id = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!.id;
  const daan = people.find((p) => p.email.startsWith('daan@'))!;
  const scope = OrgScope.mint(organizationId, daan.id, daan.role, 'gap:update');
  const actor = { actorId: daan.id, actorLabel: `${daan.name} <${daan.email}>`, ip: null };
  const partialClauses = new Set(['6.3', '7.2', '9.1', '9.2.2', '10.1']);
  const notApplicable = new Set(['A.7.5', 'A.7.8', 'A.8.30']);
  const partialControls = new Set([
    'A.5.7', 'A.5.8', 'A.5.12', 'A.5.19', 'A.5.21', 'A.5.22', 'A.5.23', 'A.5.24', 'A.5.28', 'A.5.30', 'A.5.35',
    'A.6.3', 'A.6.7', 'A.7.4', 'A.7.14', 'A.8.7', 'A.8.8', 'A.8.11', 'A.8.12', 'A.8.15', 'A.8.16', 'A.8.23',
    'A.8.25', 'A.8.28', 'A.8.29', 'A.8.32', 'A.8.33', 'A.8.34', 'A.5.16', 'A.8.2', 'A.8.13',
  ]);
  const ownerOf = (ref: string) =>
    !ref.startsWith('A.') ? id('daan') : ref.startsWith('A.8.') ? (['A.8.1', 'A.8.7', 'A.8.13', 'A.8.15', 'A.8.16', 'A.8.2', 'A.8.5'].includes(ref) ? id('tom') : id('priya')) : ref.startsWith('A.7.') ? id('tom') : id('daan');
  for (const ref of GAP_REFS) {
    const status = notApplicable.has(ref) ? 'NOT_APPLICABLE' : partialClauses.has(ref) || partialControls.has(ref) ? 'PARTIAL' : 'IMPLEMENTED';
    const notes =
      status === 'NOT_APPLICABLE'
        ? ref === 'A.8.30'
          ? 'All development is done in-house.'
          : 'No own data centre: equipment sits with the cloud provider (covered by A.5.23).'
        : status === 'PARTIAL'
          ? 'Practice exists but is not yet documented or measured consistently.'
          : '';
    await services.gaps.update(scope, { ref, status, maturity: status === 'PARTIAL' ? 2 : status === 'IMPLEMENTED' ? 4 : null, ownerId: ownerOf(ref), notes }, actor);
  }
  await services.db.dataSource.query(`UPDATE gap_items SET last_assessed_at = now() - interval '300 days' WHERE organization_id = $1`, [organizationId]);
}

type SeedRisk = [title: string, threat: string, assets: string[], l: number, i: number, treatment: 'MITIGATE' | 'ACCEPT' | 'TRANSFER' | 'AVOID', controls: string[], rl: number, ri: number, owner: string];

/** Lumen's risk register: about forty risks, a few still above the threshold, two accepted by Eva. */
const LUMEN_RISKS: SeedRisk[] = [
  ['Ransomware encrypts the fleet database', 'Ransomware', ['Fleet database cluster', 'Backups of the fleet database'], 4, 5, 'MITIGATE', ['A.8.7', 'A.8.13', 'A.8.8'], 2, 4, 'priya'],
  ['Location data exposed through a broken API authorisation check', 'API abuse', ['Tracking API', 'Customer vehicle location data'], 3, 5, 'MITIGATE', ['A.8.26', 'A.8.28', 'A.8.29'], 3, 4, 'priya'],
  ['Legacy SFTP endpoint with password authentication', 'Credential stuffing', ['Customer account and billing data'], 4, 4, 'ACCEPT', ['A.8.5', 'A.8.20'], 4, 4, 'eva'],
  ['Cloud region outage stops tracking', 'Provider outage', ['Cloud hosting provider', 'Tracking API'], 2, 5, 'MITIGATE', ['A.5.30', 'A.8.14'], 1, 4, 'tom'],
  ['SMS gateway fails during incidents', 'Supplier failure', ['SMS gateway'], 3, 3, 'TRANSFER', ['A.5.19', 'A.5.20'], 2, 3, 'priya'],
  ['Phishing leads to account takeover of a support agent', 'Phishing', ['Customer support agents', 'Customer support desk'], 4, 3, 'MITIGATE', ['A.6.3', 'A.8.5'], 2, 3, 'noah'],
  ['Lost or stolen laptop with customer exports', 'Theft', ['Staff laptops'], 3, 3, 'MITIGATE', ['A.8.1', 'A.8.24'], 2, 2, 'tom'],
  ['Insider copies driver personal data', 'Insider', ['Driver personal data'], 2, 4, 'MITIGATE', ['A.5.15', 'A.8.3', 'A.8.16'], 2, 3, 'priya'],
  ['Vulnerable open-source dependency in the portal', 'Exploited vulnerability', ['Customer web portal'], 4, 4, 'MITIGATE', ['A.8.8', 'A.8.28'], 3, 4, 'priya'],
  ['Backups cannot be restored in time', 'Failed restore', ['Backups of the fleet database'], 3, 5, 'MITIGATE', ['A.8.13', 'A.5.30'], 3, 4, 'tom'],
  ['Former employee keeps access to the cloud console', 'Unrevoked access', ['Cloud hosting provider', 'Identity provider (SSO)'], 3, 4, 'MITIGATE', ['A.5.18', 'A.6.5'], 1, 4, 'tom'],
  ['Misconfigured storage bucket made public', 'Misconfiguration', ['Backups of the fleet database'], 2, 5, 'MITIGATE', ['A.8.9', 'A.5.23'], 1, 5, 'tom'],
  ['Payment provider breach exposes card data', 'Supplier breach', ['Payment service provider'], 1, 4, 'TRANSFER', ['A.5.21', 'A.5.22'], 1, 3, 'eva'],
  ['Office break-in', 'Burglary', ['Rotterdam office'], 2, 2, 'MITIGATE', ['A.7.1', 'A.7.2'], 1, 2, 'sanne'],
  ['Warehouse theft of tracking units', 'Theft', ['Rotterdam warehouse', 'Vehicle tracking units (stock)'], 3, 2, 'MITIGATE', ['A.7.1', 'A.7.4'], 2, 2, 'tom'],
  ['Home network compromised', 'Malware at home', ['Home workplaces', 'Staff laptops'], 3, 2, 'MITIGATE', ['A.6.7', 'A.8.1'], 2, 2, 'daan'],
  ['Key engineer unavailable during an incident', 'Dependency on people', ['Platform engineers'], 3, 3, 'MITIGATE', ['A.5.24', 'A.6.3'], 2, 3, 'priya'],
  ['Source code leaked from the Git hosting service', 'Credential leak', ['Platform source code'], 2, 4, 'MITIGATE', ['A.8.4', 'A.8.5'], 1, 4, 'priya'],
  ['Secrets committed to the repository', 'Secret exposure', ['Platform source code'], 3, 4, 'MITIGATE', ['A.8.4', 'A.8.28'], 2, 3, 'priya'],
  ['Security logs tampered with after an intrusion', 'Log tampering', ['Security logs'], 2, 3, 'MITIGATE', ['A.8.15', 'A.8.16'], 1, 3, 'tom'],
  ['DDoS on the tracking API', 'Denial of service', ['Tracking API'], 3, 4, 'MITIGATE', ['A.8.20', 'A.8.6'], 2, 3, 'tom'],
  ['Customer data used in test environments', 'Data misuse', ['Customer vehicle location data'], 3, 3, 'MITIGATE', ['A.8.33', 'A.8.31'], 1, 3, 'priya'],
  ['Change deployed without review breaks tracking', 'Faulty change', ['Tracking API'], 3, 3, 'MITIGATE', ['A.8.32', 'A.8.25'], 2, 3, 'priya'],
  ['Unpatched office firewall', 'Exploited vulnerability', ['Office network and Wi-Fi'], 2, 3, 'MITIGATE', ['A.8.8', 'A.8.20'], 1, 3, 'tom'],
  ['Mobile driver app leaks tokens', 'Insecure app', ['Mobile driver app'], 2, 3, 'MITIGATE', ['A.8.26', 'A.8.29'], 1, 3, 'priya'],
  ['GDPR breach notification missed', 'Late notification', ['Driver personal data'], 2, 4, 'MITIGATE', ['A.5.26', 'A.5.34'], 1, 4, 'daan'],
  ['Contract requirements of large customers not met', 'Non-compliance', ['Customer account and billing data'], 2, 4, 'MITIGATE', ['A.5.31', 'A.5.36'], 1, 4, 'sanne'],
  ['Shadow IT: unapproved SaaS used for customer files', 'Unapproved services', ['E-mail and office suite'], 3, 3, 'MITIGATE', ['A.5.10', 'A.5.23'], 2, 2, 'daan'],
  ['E-mail spoofing of the CFO (invoice fraud)', 'Business e-mail compromise', ['Finance team', 'E-mail and office suite'], 3, 4, 'MITIGATE', ['A.6.3', 'A.5.14'], 2, 3, 'eva'],
  ['Identity provider outage locks everyone out', 'Provider outage', ['Identity provider (SSO)'], 2, 4, 'ACCEPT', ['A.5.30'], 2, 4, 'eva'],
  ['HR records accessed by unauthorised staff', 'Excess privileges', ['Employee HR records'], 2, 4, 'MITIGATE', ['A.5.15', 'A.8.3'], 1, 3, 'sanne'],
  ['On-call phone lost', 'Loss', ['Mobile phones (on-call)'], 3, 2, 'MITIGATE', ['A.8.1', 'A.7.9'], 2, 1, 'tom'],
  ['Vehicle location history kept longer than needed', 'Over-retention', ['Customer vehicle location data'], 3, 3, 'MITIGATE', ['A.8.10', 'A.5.34'], 2, 2, 'priya'],
  ['Capacity shortage at peak delivery season', 'Capacity', ['Fleet database cluster', 'Tracking API'], 3, 3, 'MITIGATE', ['A.8.6'], 2, 2, 'tom'],
  ['Supplier subcontracts without notice', 'Supply chain', ['SMS gateway', 'Cloud hosting provider'], 2, 3, 'MITIGATE', ['A.5.21', 'A.5.22'], 2, 2, 'daan'],
  ['Management decisions on security not documented', 'Governance gap', ['Management team', 'ISMS documentation'], 2, 2, 'MITIGATE', ['A.5.1', 'A.5.4'], 1, 2, 'sanne'],
  ['Clock drift breaks log correlation', 'Time synchronisation', ['Security logs'], 2, 2, 'MITIGATE', ['A.8.17'], 1, 2, 'tom'],
  ['Malware on a support agent workstation', 'Malware', ['Staff laptops', 'Customer support agents'], 3, 3, 'MITIGATE', ['A.8.7', 'A.8.1'], 3, 3, 'tom'],
  ['Physical tracking unit tampered with to fake positions', 'Tampering', ['Vehicle tracking units (stock)', 'Customer vehicle location data'], 2, 3, 'AVOID', ['A.7.13'], 1, 2, 'priya'],
  ['ISMS documents out of date at audit', 'Stale documentation', ['ISMS documentation'], 3, 2, 'MITIGATE', ['A.5.1', 'A.5.37'], 2, 2, 'daan'],
];

async function seedRisks(services: Services, organizationId: string): Promise<void> {
  const people = await peopleOf(services, organizationId);
  const person = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const assets = (await services.db.dataSource.query(`SELECT id, name FROM assets WHERE organization_id = $1`, [organizationId])) as Array<{ id: string; name: string }>;
  const daan = person('daan');
  const scope = OrgScope.mint(organizationId, daan.id, daan.role, 'risk:create');
  const actor = { actorId: daan.id, actorLabel: `${daan.name} <${daan.email}>`, ip: null };
  for (const [title, threat, assetNames, likelihood, impact, treatment, controlRefs, residualLikelihood, residualImpact, owner] of LUMEN_RISKS) {
    const risk = await services.risks.create(
      scope,
      {
        title,
        threat,
        assetIds: assetNames.map((name) => assets.find((a) => a.name === name)?.id).filter((id): id is string => !!id),
        likelihood,
        impact,
        treatment,
        controlRefs,
        residualLikelihood,
        residualImpact,
        ownerId: person(owner).id,
        reviewDate: dayFromToday(90),
      },
      actor,
    );
    // Eva accepted two residual risks in writing (clause 6.1.3 f).
    if (owner === 'eva' && treatment === 'ACCEPT') {
      const eva = person('eva');
      const request = await services.approvals.request(
        OrgScope.mint(organizationId, daan.id, daan.role, 'approval:request'),
        { subjectId: risk.id, approverIds: [eva.id], note: 'Residual risk above the threshold: please accept until the planned treatment lands.' },
        actor,
      );
      await services.approvals.decide(OrgScope.mint(organizationId, eva.id, eva.role, 'approval:decide'), request.id, 'APPROVE', 'Accepted until the end of Q1.', {
        actorId: eva.id,
        actorLabel: `${eva.name} <${eva.email}>`,
        ip: null,
      });
    }
  }
}

/** SoA version 2 approved by Eva, version 3 in draft with two controls changed. */
async function seedSoa(services: Services, organizationId: string): Promise<void> {
  const people = await peopleOf(services, organizationId);
  const daan = people.find((p) => p.email.startsWith('daan@'))!;
  const eva = people.find((p) => p.email.startsWith('eva@'))!;
  const scope = OrgScope.mint(organizationId, daan.id, daan.role, 'soa:update');
  const actor = { actorId: daan.id, actorLabel: `${daan.name} <${daan.email}>`, ip: null };
  const evaActor = { actorId: eva.id, actorLabel: `${eva.name} <${eva.email}>`, ip: null };
  const gaps = (await services.db.dataSource.query(`SELECT ref, status, notes FROM gap_items WHERE organization_id = $1`, [organizationId])) as Array<{ ref: string; status: string; notes: string }>;
  const treated = (await services.db.dataSource.query(
    `SELECT rc.control_ref, count(*)::int AS n FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id WHERE r.organization_id = $1 GROUP BY 1`,
    [organizationId],
  )) as Array<{ control_ref: string; n: number }>;
  const approve = async (number: number) => {
    const version = (await services.soa.versions(scope)).find((v) => v.number === number)!;
    const request = await services.approvals.request(OrgScope.mint(organizationId, daan.id, daan.role, 'approval:request'), { subjectId: version.id, approverIds: [eva.id], note: `SoA version ${number} for approval.` }, actor);
    await services.approvals.decide(OrgScope.mint(organizationId, eva.id, eva.role, 'approval:decide'), request.id, 'APPROVE', 'Approved for the certification audit.', evaActor);
  };
  for (const control of CONTROLS) {
    const gap = gaps.find((g) => g.ref === control.ref);
    const risks = treated.find((t) => t.control_ref === control.ref)?.n ?? 0;
    const applicable = gap?.status !== 'NOT_APPLICABLE';
    await services.soa.update(
      scope,
      {
        controlRef: control.ref,
        applicable,
        justification: applicable
          ? risks
            ? `Treats ${risks} risk${risks === 1 ? '' : 's'} in the register; part of the platform's baseline.`
            : 'Required for the ISMS scope (platform, Rotterdam office and remote work) and by customer contracts.'
          : gap?.notes || 'Not relevant to the scope.',
        implementationStatus: !applicable ? 'NOT_STARTED' : gap?.status === 'PARTIAL' ? 'PARTIAL' : 'IMPLEMENTED',
      },
      actor,
    );
  }
  await services.soa.issue(scope, 'First complete SoA after the gap analysis.', actor);
  await approve(1);
  await services.soa.update(scope, { controlRef: 'A.5.23', implementationStatus: 'IMPLEMENTED', justification: 'Cloud services are selected, contracted and reviewed under the supplier procedure; treats cloud risks.' }, actor);
  await services.soa.issue(scope, 'Updated after the stage 1 audit.', actor);
  await approve(2);
  // Version 3 in draft: two controls changed since version 2.
  await services.soa.update(scope, { controlRef: 'A.5.7', implementationStatus: 'IMPLEMENTED', justification: 'Threat intelligence feeds are triaged weekly by the platform team.' }, actor);
  await services.soa.update(scope, { controlRef: 'A.8.30', applicable: true, implementationStatus: 'PLANNED', justification: 'The mobile app redesign is outsourced from January: supplier development is now in scope.' }, actor);
}

/** The members of the example organisation, to act as them while loading its story. */
async function peopleOf(services: Services, organizationId: string): Promise<Array<{ id: string; email: string; name: string; role: Role }>> {
  return (await services.db.dataSource.query(
    `SELECT u.id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1`,
    [organizationId],
  )) as Array<{ id: string; email: string; name: string; role: Role }>;
}
