import { addDays, type Role } from '@annex/domain';
import { OrgScope } from '../../core/authorization.js';
import type { Services } from '../../app/services.js';
import type { Actor } from '../organizations/organization.service.js';

interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const day = (offset: number) => addDays(new Date().toISOString().slice(0, 10), offset);

/** Everyone at Lumen but the auditors (the certification body's auditor is not staff). */
const STAFF_ROLES: Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'EMPLOYEE'];

/**
 * Lumen's training programme: security awareness for all staff (yearly refresher, 78 % current:
 * three people overdue, one whose completion expired), secure development for engineering, the
 * half-yearly phishing simulation, ISMS roles training for management, and onboarding for the
 * three newest joiners (not done yet).
 */
export async function seedTraining(services: Services, organizationId: string, people: Person[]): Promise<void> {
  const { training, audits, db } = services;
  const by = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const daan = by('daan');
  const actor = (p: Person): Actor => ({ actorId: p.id, actorLabel: `${p.name} <${p.email}>`, ip: null });
  const asDaan = OrgScope.mint(organizationId, daan.id, daan.role, 'training:manage');
  const documentId = async (title: string) =>
    ((await db.dataSource.query(`SELECT id FROM documents WHERE organization_id = $1 AND title = $2`, [organizationId, title])) as Array<{ id: string }>)[0]?.id ?? null;
  /** Assigned with a due date in the past (the API only takes future ones): the campaign started earlier. */
  const setDueDate = async (courseId: string, dueDate: string) => {
    await db.dataSource.query(`UPDATE course_role_assignments SET due_date = $2, assigned_at = ($2::date - 30)::timestamptz WHERE course_id = $1`, [courseId, dueDate]);
    await db.dataSource.query(`UPDATE course_assignments SET due_date = $2, assigned_at = ($2::date - 30)::timestamptz WHERE course_id = $1`, [courseId, dueDate]);
  };
  const complete = async (courseId: string, person: Person, daysAgo: number, options: { score?: number; self?: boolean; evidenceId?: string | null } = {}) => {
    const self = options.self ?? false;
    const scope = self ? OrgScope.mint(organizationId, person.id, person.role, 'training:complete') : asDaan;
    const record = await training.record(
      scope,
      { courseId, userId: person.id, completedOn: day(-daysAgo), attested: self && !options.evidenceId, score: options.score ?? null, evidenceId: options.evidenceId ?? null },
      actor(self ? person : daan),
    );
    await db.dataSource.query(`UPDATE training_records SET recorded_at = $2::date + interval '9 hours' WHERE id = $1`, [record.id, day(-daysAgo + (self ? 0 : 1))]);
  };
  const staff = people.filter((p) => STAFF_ROLES.includes(p.role)).sort((a, b) => a.email.localeCompare(b.email));

  // 1. Security awareness: everyone, every year. The campaign was due two months ago.
  const awareness = await training.create(
    asDaan,
    {
      title: 'Security awareness',
      description:
        'The yearly awareness course for everyone at Lumen: the information security policy, phishing and social engineering, passwords and MFA, working remotely, handling customer location data, and how to report an incident.',
      materialDocumentId: await documentId('Information security policy'),
      materialUrl: 'https://learn.lumen-logistics.example/courses/security-awareness',
      durationMinutes: 45,
      refresherMonths: 12,
      passScore: 70,
    },
    actor(daan),
  );
  await training.assign(asDaan, awareness.id, { roles: STAFF_ROLES, dueDate: day(1) }, actor(daan));
  await setDueDate(awareness.id, day(-60));
  const awarenessMissing = new Set(['noah@', 'jesse@', 'milan@']);
  for (const [index, person] of staff.entries()) {
    if ([...awarenessMissing].some((m) => person.email.startsWith(m))) continue;
    if (person.email.startsWith('fleur@')) {
      await complete(awareness.id, person, 380, { score: 78 }); // last year's: expired two weeks ago
      continue;
    }
    await complete(awareness.id, person, 70 + ((index * 7) % 40), { score: 72 + ((index * 11) % 27), self: index % 3 === 0 });
  }

  // 2. Secure development: engineering (the contributors), every two years. Priya done with a certificate; Tom due soon.
  const secure = await training.create(
    asDaan,
    {
      title: 'Secure development',
      description: 'OWASP Top 10 in our stack, threat modelling of a change, secrets handling, dependency updates and code review for security (controls A.8.25–A.8.28).',
      materialDocumentId: await documentId('Secure development policy'),
      materialUrl: 'https://learn.lumen-logistics.example/courses/secure-development',
      durationMinutes: 240,
      refresherMonths: 24,
      passScore: 80,
    },
    actor(daan),
  );
  await training.assign(asDaan, secure.id, { roles: ['CONTRIBUTOR'], dueDate: day(10) }, actor(daan));
  const priya = by('priya');
  const certificate = await audits.upload(
    OrgScope.mint(organizationId, priya.id, priya.role, 'evidence:upload'),
    { buffer: Buffer.from('Certificate of completion\n\nPriya Raman completed "Secure coding for web platforms" (8 hours) with a score of 92 %.\n'), filename: 'secure-development-certificate-priya.txt', contentType: 'text/plain' },
    { title: 'Secure development certificate — Priya Raman', controlRefs: ['A.6.3', 'A.8.28'], subjectId: secure.id },
    actor(priya),
  );
  await complete(secure.id, priya, 40, { score: 92, self: true, evidenceId: certificate.id });

  // 3. Phishing simulation: everyone, twice a year; the spring round is on, half have done the debrief.
  const phishing = await training.create(
    asDaan,
    {
      title: 'Phishing simulation debrief',
      description: 'After each simulated phishing campaign: what the e-mail looked like, who reported it, and the five signs to look for. Ten minutes, with a short quiz.',
      materialUrl: 'https://learn.lumen-logistics.example/courses/phishing-debrief',
      durationMinutes: 10,
      refresherMonths: 6,
    },
    actor(daan),
  );
  await training.assign(asDaan, phishing.id, { roles: STAFF_ROLES, dueDate: day(21) }, actor(daan));
  for (const [index, person] of staff.entries()) {
    if (index % 2 === 1 || person.email.startsWith('noah@')) continue;
    await complete(phishing.id, person, 3 + index, { score: 60 + ((index * 13) % 41), self: true });
  }

  // 4. ISMS roles and responsibilities: management and the programme's leads, every two years.
  const roles = await training.create(
    asDaan,
    {
      title: 'ISMS roles and responsibilities',
      description: 'For top management and the ISMS team: leadership and commitment (clause 5), risk acceptance, management review, and what the certification auditors will ask you.',
      materialDocumentId: await documentId('Information security roles and responsibilities'),
      durationMinutes: 90,
      refresherMonths: 24,
    },
    actor(daan),
  );
  await training.assign(asDaan, roles.id, { roles: ['OWNER', 'ISMS_MANAGER', 'MANAGEMENT'], dueDate: day(9) }, actor(daan));
  await complete(roles.id, daan, 300);
  await complete(roles.id, by('eva'), 150, { self: true });

  // 5. Onboarding: the three newest joiners, one-off, due within their first month.
  const onboarding = await training.create(
    asDaan,
    {
      title: 'Onboarding: security basics',
      description: 'The first-week course for new joiners: accounts and MFA, the acceptable use policy, the clean desk rule and who to call when something looks wrong.',
      materialDocumentId: await documentId('Acceptable use policy'),
      durationMinutes: 30,
    },
    actor(daan),
  );
  const joiners = ['sara@', 'bram@', 'anouk@'].map((prefix) => people.find((p) => p.email.startsWith(prefix))).filter((p): p is Person => !!p);
  await training.assign(asDaan, onboarding.id, { userIds: joiners.map((p) => p.id), dueDate: day(16) }, actor(daan));

  // The programme was set up months ago.
  await db.dataSource.query(`UPDATE courses SET created_at = now() - interval '200 days', updated_at = now() - interval '60 days' WHERE organization_id = $1`, [organizationId]);
}
