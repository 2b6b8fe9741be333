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
const at = (offset: number, hour: number) => new Date(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Lumen's audits: Lisa's internal audit three months ago (three findings, two closed, one
 * corrective action overdue), Marco's stage 1 six weeks ago (passed, two minor findings with
 * planned actions) and the stage 2 under way this week (agenda, evidence requests, a first
 * observation).
 */
export async function seedAudits(services: Services, organizationId: string, people: Person[]): Promise<void> {
  const { audits, db } = services;
  const by = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const [daan, lisa, marco, tom, priya] = [by('daan'), by('lisa'), by('marco'), by('tom'), by('priya')];
  const actor = (p: Person): Actor => ({ actorId: p.id, actorLabel: `${p.name} <${p.email}>`, ip: null });
  const scope = (p: Person) => OrgScope.mint(organizationId, p.id, p.role, 'audit:read');
  const move = async (auditId: string, who: Person, ...statuses: Array<'IN_PROGRESS' | 'REPORTING' | 'CLOSED'>) => {
    for (const status of statuses) {
      const [row] = (await db.dataSource.query(`SELECT version FROM audits WHERE id = $1`, [auditId])) as Array<{ version: number }>;
      await audits.update(scope(who), auditId, row!.version, { status }, actor(who));
    }
  };
  const implement = async (caId: string, who: Person, fields: { rootCause: string; action: string; preventiveMeasures: string }) => {
    let [row] = (await db.dataSource.query(`SELECT version FROM corrective_actions WHERE id = $1`, [caId])) as Array<{ version: number }>;
    await audits.updateCorrectiveAction(scope(who), caId, row!.version, { status: 'IN_PROGRESS', ...fields }, actor(who));
    [row] = (await db.dataSource.query(`SELECT version FROM corrective_actions WHERE id = $1`, [caId])) as Array<{ version: number }>;
    await audits.updateCorrectiveAction(scope(who), caId, row!.version, { status: 'IMPLEMENTED' }, actor(who));
  };

  // Internal audit, about three months ago, by Lisa.
  const internal = await audits.create(
    scope(daan),
    { kind: 'INTERNAL', title: 'Internal audit 2026', startDate: day(-95), endDate: day(-93), leadAuditorId: lisa.id, scopeRefs: ['4', '5', '6', '7', '8', '9', '10', 'A.5', 'A.8'], objectives: 'Check the ISMS is ready for certification: every clause and the organisational and technological controls.' },
    actor(daan),
  );
  await move(internal.id, lisa, 'IN_PROGRESS');
  const internalFindings = [
    await audits.raiseFinding(scope(lisa), { auditId: internal.id, kind: 'MINOR_NONCONFORMITY', requirementRef: 'A.5.18', description: 'Quarterly access reviews of the fleet database were not recorded for Q2.' }, actor(lisa)),
    await audits.raiseFinding(scope(lisa), { auditId: internal.id, kind: 'MINOR_NONCONFORMITY', requirementRef: '7.2', description: 'Two new engineers had no record of security awareness training.' }, actor(lisa)),
    await audits.raiseFinding(scope(lisa), { auditId: internal.id, kind: 'MINOR_NONCONFORMITY', requirementRef: 'A.8.13', description: 'The last restore test of the fleet database is older than the procedure allows.' }, actor(lisa)),
  ];
  const cas = [];
  for (const [finding, owner, due] of [
    [internalFindings[0]!, tom, day(-30)],
    [internalFindings[1]!, daan, day(-20)],
    [internalFindings[2]!, tom, day(-5)],
  ] as const) {
    cas.push(await audits.createCorrectiveAction(scope(daan), { findingId: finding.id, ownerId: owner.id, dueDate: due, correction: 'Immediate fix done.' }, actor(daan)));
  }
  await implement(cas[0]!.id, tom, { rootCause: 'Reviews were done in a spreadsheet nobody owned.', action: 'Access reviews are now tasks in Annex, assigned every quarter.', preventiveMeasures: 'Review completion is an indicator on the dashboard.' });
  await implement(cas[1]!.id, daan, { rootCause: 'Onboarding checklist lacked the training step.', action: 'Training is assigned automatically on joining.', preventiveMeasures: 'Monthly check of training coverage.' });
  await audits.verify(scope(lisa), { id: cas[0]!.id, effective: true, comment: 'Q3 review recorded and signed.' }, actor(lisa));
  await audits.verify(scope(lisa), { id: cas[1]!.id, effective: true, comment: 'Both engineers trained; onboarding updated.' }, actor(lisa));
  // The third (restore test) is overdue: still open.
  await move(internal.id, lisa, 'REPORTING', 'CLOSED');

  // Stage 1, six weeks ago, by Marco: passed with two minor findings, actions planned.
  const stage1 = await audits.create(
    scope(daan),
    { kind: 'STAGE1', title: 'Stage 1 — documentation review', startDate: day(-43), endDate: day(-42), leadAuditorId: marco.id, scopeRefs: ['4', '5', '6', '7.5', '9', '10'], objectives: 'Review the ISMS documentation and readiness for stage 2.' },
    actor(daan),
  );
  await move(stage1.id, marco, 'IN_PROGRESS');
  const s1a = await audits.raiseFinding(scope(marco), { auditId: stage1.id, kind: 'MINOR_NONCONFORMITY', requirementRef: '6.2', description: 'Two security objectives have no measurement method.' }, actor(marco));
  const s1b = await audits.raiseFinding(scope(marco), { auditId: stage1.id, kind: 'MINOR_NONCONFORMITY', requirementRef: 'A.5.10', description: 'The acceptable use policy is past its review date.' }, actor(marco));
  const planned1 = await audits.createCorrectiveAction(scope(daan), { findingId: s1a.id, ownerId: daan.id, correction: 'Methods drafted for both objectives.', rootCauseMethod: 'FIVE_WHYS', rootCause: 'Objectives were set before the indicators existed.', action: 'Link every objective to an indicator.' }, actor(daan));
  await audits.updateCorrectiveAction(scope(daan), planned1.id, planned1.version, { status: 'IN_PROGRESS' }, actor(daan));
  const planned2 = await audits.createCorrectiveAction(scope(daan), { findingId: s1b.id, ownerId: tom.id, correction: 'Review scheduled.', rootCauseMethod: 'CAUSE_CATEGORIES', rootCause: 'Process: review reminders went to a former owner.', action: 'Review the policy; owners checked monthly.' }, actor(daan));
  await audits.updateCorrectiveAction(scope(tom), planned2.id, planned2.version, { status: 'IN_PROGRESS' }, actor(tom));
  await move(stage1.id, marco, 'REPORTING', 'CLOSED');

  // Stage 2, this week: agenda, evidence requests, a first observation.
  const stage2 = await audits.create(
    scope(daan),
    { kind: 'STAGE2', title: 'Stage 2 — implementation audit', startDate: day(-1), endDate: day(2), leadAuditorId: marco.id, teamIds: [lisa.id], scopeRefs: ['4', '5', '6', '7', '8', '9', '10', 'A.5', 'A.6', 'A.7', 'A.8'], objectives: 'Verify that the ISMS is implemented and effective across the platform, the office and remote work.' },
    actor(daan),
  );
  await move(stage2.id, marco, 'IN_PROGRESS');
  const agenda: Array<[number, number, number, string, string, Person[]]> = [
    [-1, 8, 9, 'Opening meeting', 'Board room', [daan]],
    [-1, 9, 12, 'Leadership, scope and risk assessment (clauses 4–6)', 'Board room', [daan]],
    [0, 8, 10, 'Access control and identity (A.5.15–A.5.18, A.8.2–A.8.5)', 'IT room', [tom]],
    [0, 10, 12, 'Secure development and change management (A.8.25–A.8.32)', 'Engineering floor', [priya]],
    [0, 13, 15, 'Backups, logging and monitoring (A.8.13–A.8.16)', 'Remote (video)', [tom]],
    [1, 9, 11, 'Supplier management and cloud services (A.5.19–A.5.23)', 'Board room', [priya]],
    [2, 14, 15, 'Closing meeting', 'Board room', [daan]],
  ];
  for (const [offset, from, to, topic, location, who] of agenda) {
    await audits.addSession(scope(marco), { auditId: stage2.id, startsAt: at(offset, from), endsAt: at(offset, to), topic, location, intervieweeIds: who.map((p) => p.id) }, actor(marco));
  }
  const r1 = await audits.requestEvidence(scope(marco), { auditId: stage2.id, title: 'Access review of the fleet database, last quarter', description: 'The signed review with the accounts removed.', ownerId: tom.id, dueAt: at(0, 16) }, actor(marco));
  await audits.answer(scope(tom), { evidenceRequestId: r1.id, note: 'Review done on 12 September in Annex (task "Quarterly access review"); 3 accounts removed.' }, actor(tom));
  await audits.review(scope(marco), { evidenceRequestId: r1.id, accepted: true, comment: 'Sampled two removals: fine.' }, actor(marco));
  const r2 = await audits.requestEvidence(scope(marco), { auditId: stage2.id, title: 'Security log of the tracking API, one day in October', description: 'Authentication events for 14 October.', ownerId: priya.id, dueAt: at(1, 12) }, actor(marco));
  await audits.answer(scope(priya), { evidenceRequestId: r2.id, note: 'Export of the log platform for 14 October attached in the meeting.' }, actor(priya));
  await audits.requestEvidence(scope(lisa), { auditId: stage2.id, title: 'Restore test record of the fleet database', description: 'The latest restore test and its result.', ownerId: tom.id, dueAt: at(-1, 17) }, actor(lisa));
  await audits.requestEvidence(scope(marco), { auditId: stage2.id, title: 'Supplier assessment of the SMS gateway', ownerId: priya.id, dueAt: at(1, 17) }, actor(marco));
  await audits.raiseFinding(scope(marco), { auditId: stage2.id, kind: 'OBSERVATION', requirementRef: 'A.8.16', description: 'Alert thresholds for failed logins are not documented, though monitoring works.' }, actor(marco));
  void r2;
}
