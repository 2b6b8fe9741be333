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
const monthOf = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Lumen's management reviews: the one held about two months ago, after the internal audit and
 * before the certification audits (its pack assembled as of then, five decisions made tasks, three
 * of them done, signed off by Eva), and the next one in preparation for three weeks from now, its
 * pack prepared from today's data and the feedback of interested parties still to be written.
 */
export async function seedManagementReviews(services: Services, organizationId: string, people: Person[]): Promise<void> {
  const { managementReviews, approvals, tasks, db } = services;
  const by = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const [sanne, daan, priya, tom, eva, lisa] = [by('sanne'), by('daan'), by('priya'), by('tom'), by('eva'), by('lisa')];
  const actor = (p: Person): Actor => ({ actorId: p.id, actorLabel: `${p.name} <${p.email}>`, ip: null });
  const asDaan = OrgScope.mint(organizationId, daan.id, daan.role, 'managementReview:manage');
  const versionOf = async (table: string, id: string) => ((await db.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as Array<{ version: number }>)[0]!.version;
  const location = 'Board room, Rotterdam office';

  // --- The review held two months ago, signed off by Eva.
  const heldOn = day(-60);
  const signed = await managementReviews.create(asDaan, { title: `Management review, ${monthOf(heldOn)}`, scheduledOn: heldOn, location }, actor(daan));
  const preparedAt = new Date(`${day(-62)}T09:00:00Z`);
  await managementReviews.preparePack(asDaan, signed.id, actor(daan), { today: day(-62), now: preparedAt });
  await managementReviews.update(
    asDaan,
    signed.id,
    await versionOf('management_reviews', signed.id),
    {
      heldOn,
      attendees: [
        { userId: sanne.id, affiliation: 'CEO, chair' },
        { userId: eva.id, affiliation: 'CFO' },
        { userId: daan.id, affiliation: 'ISMS manager, secretary' },
        { userId: priya.id, affiliation: 'Head of engineering' },
        { userId: lisa.id, affiliation: 'Internal auditor, presenting the audit results' },
        { name: 'Jeroen Willems', affiliation: 'External ISMS consultant' },
      ],
      contextChanges:
        'Two municipal transport authorities, new customers since spring, require ISO/IEC 27001 certification within a year. ' +
        'The cloud provider moved our region to a new data centre (same provider, contract unchanged). ' +
        'The Dutch implementation of NIS2 is expected next year; logistics platforms are likely "important entities". ' +
        'Interested parties: customers now expect a certificate date in every tender; the works council asked to be informed of monitoring of staff devices.',
      interestedPartyFeedback:
        'Two enterprise customers sent security questionnaires (answered; both asked when we will be certified). ' +
        'Staff survey: awareness training rated useful (4.1/5); monthly phishing simulations felt too frequent. ' +
        'The SMS gateway supplier reported no incidents; the cloud provider’s SOC 2 report was received without exceptions.',
      minutes:
        'Daan presented the pack. Lisa summarised the internal audit: three minor nonconformities; two corrective actions are done, the restore test of the fleet database is still open and is due soon.\n\n' +
        'Risks: four risks remain above the acceptance threshold; Eva asked for the treatment of the supplier risks to be accelerated before the certification audits. ' +
        'Indicators: the phishing click rate is improving and close to its 5 % target; patch latency and incidents closed within SLA drift off target and need attention from engineering and operations.\n\n' +
        'The board confirmed the scope and the information security policy unchanged, agreed the budget for log monitoring, and asked for a first assessment of NIS2. ' +
        'Jeroen advised to book the stage 1 and stage 2 audits now to keep the customers’ deadline.\n\n' +
        'Conclusion: the ISMS is suitable, adequate and effective, with the improvements decided below.',
    },
    actor(daan),
  );
  const decisions: Array<{ text: string; owner: Person; due: string; done: boolean; status?: 'IN_PROGRESS' }> = [
    { text: 'Book the stage 1 and stage 2 certification audits with the certification body.', owner: daan, due: day(-50), done: true },
    { text: 'Approve the budget for a managed log-monitoring (SIEM) service and connect the platform logs to it.', owner: priya, due: day(-20), done: true },
    { text: 'Run phishing simulations quarterly instead of monthly; keep the click-rate target at 5 %.', owner: daan, due: day(-40), done: true },
    { text: 'Review the security clauses of the contracts with the SMS gateway and the cloud provider.', owner: priya, due: day(-3), done: false },
    { text: 'Assess Lumen’s NIS2 obligations and report to management at the next review.', owner: daan, due: day(30), done: false, status: 'IN_PROGRESS' },
  ];
  const decisionIds: string[] = [];
  for (const d of decisions) {
    decisionIds.push((await managementReviews.addDecision(asDaan, { managementReviewId: signed.id, text: d.text, ownerId: d.owner.id, dueDate: d.due }, actor(daan))).id);
  }
  const { approvalRequest } = await managementReviews.submitForSignOff(asDaan, { managementReviewId: signed.id, approverIds: [eva.id] }, actor(daan));
  await approvals.decide(OrgScope.mint(organizationId, eva.id, eva.role, 'approval:decide'), approvalRequest.id, 'APPROVE', 'The review covers every input; the decisions have my support.', actor(eva));
  // The decisions become tracked tasks after the sign-off; three are done by now.
  for (const [i, d] of decisions.entries()) {
    const { task } = await managementReviews.createTask(asDaan, { decisionId: decisionIds[i]!, priority: i === 3 ? 'HIGH' : 'MEDIUM' }, actor(daan));
    const status = d.done ? 'DONE' : d.status;
    if (status) await tasks.update(OrgScope.mint(organizationId, d.owner.id, d.owner.role, 'task:update'), task.id, task.version, { status }, actor(d.owner));
  }
  // Dates as they happened.
  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
  await q(`UPDATE management_reviews SET created_at = $2, pack_prepared_at = $3, submitted_at = $4, updated_at = $4 WHERE id = $1`, [signed.id, new Date(`${day(-75)}T10:00:00Z`), preparedAt, new Date(`${day(-58)}T16:00:00Z`)]);
  await q(`UPDATE management_review_decisions SET created_at = $2, updated_at = $2 WHERE management_review_id = $1`, [signed.id, new Date(`${heldOn}T11:00:00Z`)]);
  await q(`UPDATE approval_requests SET created_at = $2, closed_at = $3 WHERE id = $1`, [approvalRequest.id, new Date(`${day(-58)}T16:00:00Z`), new Date(`${day(-55)}T08:30:00Z`)]);
  await q(`UPDATE approval_decisions SET decided_at = $2 WHERE approval_request_id = $1`, [approvalRequest.id, new Date(`${day(-55)}T08:30:00Z`)]);
  await q(
    `UPDATE tasks SET created_at = $2, updated_at = $2, completed_at = CASE WHEN status = 'DONE' THEN (due_date - 2)::timestamptz + interval '15 hours' ELSE NULL END
      WHERE id IN (SELECT task_id FROM management_review_decisions WHERE management_review_id = $1)`,
    [signed.id, new Date(`${day(-54)}T09:00:00Z`)],
  );
  void tom;

  // --- The next review, in preparation: the pack is ready, feedback from interested parties still to collect.
  const next = await managementReviews.create(asDaan, { title: `Management review, ${monthOf(day(21))}`, scheduledOn: day(21), location }, actor(daan));
  await managementReviews.update(
    asDaan,
    next.id,
    next.version,
    {
      attendees: [
        { userId: sanne.id, affiliation: 'CEO, chair' },
        { userId: eva.id, affiliation: 'CFO' },
        { userId: daan.id, affiliation: 'ISMS manager, secretary' },
        { userId: priya.id, affiliation: 'Head of engineering' },
        { userId: tom.id, affiliation: 'IT operations' },
      ],
      contextChanges:
        'The stage 1 audit passed with two minor findings; the stage 2 audit is under way this week. ' +
        'NIS2: the draft Dutch act confirms logistics platforms in scope; the assessment is in progress. ' +
        'A third municipal customer signed, with the same certification requirement.',
    },
    actor(daan),
  );
  await managementReviews.preparePack(asDaan, next.id, actor(daan));
}
