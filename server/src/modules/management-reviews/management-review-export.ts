import type { Response } from 'express';
import PDFDocument from 'pdfkit';
import { MANAGEMENT_REVIEW_INPUTS, type ManagementReviewStatus } from '@annex/domain';
import { authorize } from '../../core/authorization.js';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { ManagementReview } from './management-review.entity.js';
import type { ManagementReviewPackData } from './management-review-pack.js';

const STATUS_WORDS: Record<ManagementReviewStatus, string> = {
  PLANNED: 'Planned',
  PACK_PREPARED: 'Pack prepared',
  HELD: 'Held, not yet signed off',
  SUBMITTED: 'Awaiting management’s sign-off',
  SIGNED: 'Signed off by management',
};

const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

export interface ManagementReviewExport {
  organization: string;
  review: {
    title: string;
    status: ManagementReviewStatus;
    scheduledOn: string;
    heldOn: string | null;
    location: string;
    attendees: Array<{ name: string; affiliation: string }>;
    minutes: string;
    contextChanges: string;
    interestedPartyFeedback: string;
    pack: ManagementReviewPackData | null;
    decisions: Array<{ text: string; ownerName: string | null; dueDate: string | null; taskStatus: string | null }>;
  };
  signOff: { line: string; hash: string | null };
  generatedAt: Date;
}

/**
 * `GET /exports/organizations/:id/management-reviews/:reviewId.pdf`: authorised like the API
 * (`managementReview:read`); a review of another organisation answers as a missing one. A review
 * submitted for sign-off is exported exactly as submitted (its snapshot).
 */
export async function sendManagementReviewPdf(ctx: RequestContext, organizationId: string, reviewId: string, res: Response): Promise<void> {
  const scope = await authorize(ctx, 'managementReview:read', organizationId);
  const db = ctx.services.db.dataSource;
  const review = await db.getRepository(ManagementReview).findOneBy({ id: reviewId, organizationId: scope.organizationId });
  if (!review) throw notFound('Management review');
  const organization = (await ctx.loaders.organizationById.load(scope.organizationId))!;
  const request = review.approvalRequestId ? await ctx.services.approvals.find(review.approvalRequestId) : null;
  const status = ctx.services.managementReviews.statusOf(review, request);
  const snapshot = status === 'SUBMITTED' || status === 'SIGNED' ? review.snapshot : null;
  const content = snapshot ?? (await ctx.services.managementReviews.contentOf(db.manager, review));
  const decisionRows = (await db.query(
    `SELECT d.id, u.name AS owner_name, t.status AS task_status FROM management_review_decisions d LEFT JOIN users u ON u.id = d.owner_id LEFT JOIN tasks t ON t.id = d.task_id WHERE d.management_review_id = $1`,
    [review.id],
  )) as Array<{ id: string; owner_name: string | null; task_status: string | null }>;
  const live = new Map(decisionRows.map((d) => [d.id, d]));
  let signOff: ManagementReviewExport['signOff'] = { line: 'Not submitted for management’s sign-off: this is a working copy.', hash: null };
  if (request && status === 'SIGNED') {
    const approvers = await ctx.services.approvals.decisionsWithNames(request.id);
    signOff = { line: `Signed off by ${approvers.join(', ')} on ${request.closedAt?.toISOString().slice(0, 10)}.`, hash: review.snapshotHash };
  } else if (request && status === 'SUBMITTED') {
    signOff = { line: `Submitted for management’s sign-off on ${review.submittedAt?.toISOString().slice(0, 10)}; not decided yet.`, hash: review.snapshotHash };
  } else if (request) {
    signOff = { line: `The last sign-off request was ${request.status.toLowerCase()}: this is a working copy.`, hash: null };
  }
  const data: ManagementReviewExport = {
    organization: organization.name,
    review: {
      title: content.title,
      status,
      scheduledOn: content.scheduledOn,
      heldOn: content.heldOn,
      location: content.location,
      attendees: content.attendees,
      minutes: content.minutes,
      contextChanges: content.contextChanges,
      interestedPartyFeedback: content.interestedPartyFeedback,
      pack: content.pack,
      decisions: content.decisions.map((d) => ({
        text: d.text,
        ownerName: snapshot?.ownerNames[d.ownerId ?? ''] ?? live.get(d.id)?.owner_name ?? null,
        dueDate: d.dueDate,
        taskStatus: live.get(d.id)?.task_status ?? null,
      })),
    },
    signOff,
    generatedAt: new Date(),
  };
  const filename = `management-review-${content.title.replace(/[^\w.-]+/g, '-').toLowerCase()}.pdf`;
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  await writeManagementReviewPdf(res, data);
}

/** The review as a printable PDF (pdfkit): the record, every clause 9.3.2 input, the meeting, the decisions and the sign-off. */
export function writeManagementReviewPdf(out: NodeJS.WritableStream & { on(event: 'finish', cb: () => void): unknown }, data: ManagementReviewExport): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Management review — ${data.review.title}`, Author: data.organization, Creator: 'Annex' } });
    doc.on('error', reject);
    out.on('finish', () => resolve());
    doc.pipe(out);
    const { review, signOff } = data;
    const heading = (text: string) => {
      if (doc.y > 720) doc.addPage();
      doc.moveDown(0.8).fillColor('#1e2a78').font('Helvetica-Bold').fontSize(12).text(text).fillColor('#000000').font('Helvetica').fontSize(9.5).moveDown(0.3);
    };
    const line = (text: string, indent = 0) => doc.font('Helvetica').fontSize(9.5).text(text, { indent });
    const quiet = (text: string) => doc.fillColor('#555555').font('Helvetica-Oblique').fontSize(9).text(text).fillColor('#000000').font('Helvetica');
    const fact = (label: string, value: string) => doc.font('Helvetica-Bold').fontSize(9.5).text(`${label}: `, { continued: true }).font('Helvetica').text(value);

    doc.font('Helvetica-Bold').fontSize(17).text(`Management review — ${review.title}`);
    doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor('#444444');
    doc.text(`${data.organization} · ISO/IEC 27001:2022 clause 9.3 · generated ${data.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    doc.fillColor('#000000').moveDown(0.6);
    fact('Status', STATUS_WORDS[review.status]);
    fact('Scheduled', review.scheduledOn);
    fact('Held', review.heldOn ?? 'not yet');
    if (review.location) fact('Location', review.location);
    fact('Sign-off', signOff.line);
    if (signOff.hash) fact('Content SHA-256', signOff.hash);

    heading('Attendees');
    if (!review.attendees.length) quiet('No attendees recorded.');
    for (const a of review.attendees) line(`• ${a.name}${a.affiliation ? ` (${a.affiliation})` : ''}`);

    const pack = review.pack;
    heading('Inputs (clause 9.3.2)');
    if (pack) quiet(`Figures assembled from live data on ${pack.preparedAt.slice(0, 16).replace('T', ' ')} UTC, as of ${pack.asOf}; "since the last review" means since ${pack.since}${pack.previousReview ? ` (${pack.previousReview.title})` : ''}.`);
    else quiet('The pack has not been prepared.');
    for (const input of MANAGEMENT_REVIEW_INPUTS) {
      heading(`${input.clause} · ${input.title}`);
      if (input.key === 'CONTEXT_CHANGES') {
        if (review.contextChanges) line(review.contextChanges);
        else quiet('Not entered.');
        continue;
      }
      if (input.key === 'INTERESTED_PARTY_FEEDBACK') {
        if (review.interestedPartyFeedback) line(review.interestedPartyFeedback);
        else quiet('Not entered.');
        continue;
      }
      if (!pack) {
        quiet('Not prepared.');
        continue;
      }
      writeSection(input.key, pack, { line, quiet });
    }

    heading('Minutes');
    if (review.minutes) line(review.minutes);
    else quiet('No minutes recorded.');

    heading('Decisions (clause 9.3.3)');
    if (!review.decisions.length) quiet('No decisions recorded.');
    review.decisions.forEach((d, i) => {
      doc.font('Helvetica-Bold').fontSize(9.5).text(`${i + 1}. `, { continued: true }).font('Helvetica').text(d.text);
      line(`Owner: ${d.ownerName ?? 'nobody named'} · due ${d.dueDate ?? 'no date'} · ${d.taskStatus ? `tracked as a task (${words(d.taskStatus)})` : 'not tracked as a task'}`, 14);
      doc.moveDown(0.2);
    });

    heading('Sign-off');
    line(signOff.line);
    if (signOff.hash) line(`The approval signs the content hashed as SHA-256 ${signOff.hash}.`);
    doc.end();
  });
}

function writeSection(key: string, pack: ManagementReviewPackData, out: { line: (text: string, indent?: number) => unknown; quiet: (text: string) => unknown }): void {
  const { line, quiet } = out;
  switch (key) {
    case 'PREVIOUS_ACTIONS': {
      const s = pack.previousActions;
      if (!s.total) return void quiet(pack.previousReview ? 'No decisions of previous reviews to follow up.' : 'This is the first management review.');
      line(`${plural(s.total, 'action')}: ${s.done} done, ${s.open} open (${s.overdue} overdue), ${s.cancelled} cancelled, ${s.untracked} not tracked as tasks.`);
      for (const item of s.items) line(`• ${item.text} (${item.reviewTitle}) — ${item.taskStatus ? words(item.taskStatus) : 'not tracked'}${item.ownerName ? `, ${item.ownerName}` : ''}${item.dueDate ? `, due ${item.dueDate}` : ''}${item.overdue ? ', OVERDUE' : ''}`, 8);
      return;
    }
    case 'NONCONFORMITIES': {
      const s = pack.nonconformities;
      line(`Open nonconformities: ${s.openMajor} major, ${s.openMinor} minor. Corrective actions overdue: ${s.overdueCorrectiveActions}.`);
      line(`Findings since the last review: ${s.byKind.map((k) => `${k.raisedSince} ${words(k.kind).toLowerCase()}`).join(', ')}.`);
      line(`Corrective actions by status: ${s.correctiveActionsByStatus.map((c) => `${words(c.status).toLowerCase()} ${c.count}`).join(', ')}.`);
      line(`Trend (nonconformities raised / corrective actions verified): ${s.trend.map((t) => `${t.quarter} ${t.raised}/${t.closed}`).join(', ')}.`);
      for (const o of s.overdue) line(`• Overdue: ${o.requirementRef} (${words(o.kind).toLowerCase()}), due ${o.dueDate}, ${o.ownerName ?? 'no owner'}, ${words(o.status).toLowerCase()}`, 8);
      return;
    }
    case 'MONITORING': {
      const s = pack.monitoring;
      if (!s.total) return void quiet('No indicators are defined.');
      line(`${plural(s.total, 'indicator')}: ${s.onTarget} on target, ${s.offTarget} off target, ${s.notMeasured} not measured; ${s.measurementDue} measurement${s.measurementDue === 1 ? '' : 's'} due.`);
      for (const i of s.indicators) {
        const value = i.lastValue === null ? 'not measured' : `${i.lastValue} ${i.unit} on ${i.lastMeasuredOn}`;
        line(`• ${i.name}: ${value}; target ${i.direction === 'AT_MOST' ? 'at most' : 'at least'} ${i.target} ${i.unit} — ${i.onTarget === null ? 'no result' : i.onTarget ? 'on target' : 'OFF TARGET'}, ${words(i.trend).toLowerCase()}`, 8);
      }
      return;
    }
    case 'AUDIT_RESULTS': {
      const s = pack.auditResults;
      if (!s.audits.length) return void quiet('No audit reported or closed since the last review.');
      for (const a of s.audits) {
        line(`• ${a.title} (${words(a.kind).toLowerCase()}, ${a.startDate} to ${a.endDate}, ${words(a.status).toLowerCase()}${a.leadAuditorName ? `, led by ${a.leadAuditorName}` : ''}): ${a.majorNonconformities} major, ${a.minorNonconformities} minor, ${plural(a.observations, 'observation')}, ${plural(a.opportunities, 'opportunity', 'opportunities')}`, 8);
      }
      return;
    }
    case 'OBJECTIVES': {
      const s = pack.objectives;
      if (!s.total) return void quiet('No objectives are defined.');
      line(`${plural(s.total, 'objective')}: ${s.byStatus.filter((b) => b.count).map((b) => `${b.count} ${words(b.status).toLowerCase()}`).join(', ')}.`);
      for (const o of s.objectives) line(`• ${o.title}: ${words(o.status).toLowerCase()}${o.targetDate ? `, target ${o.targetDate}` : ''}${o.ownerName ? `, ${o.ownerName}` : ''}`, 8);
      return;
    }
    case 'RISKS': {
      const s = pack.risks;
      if (!s.total) return void quiet('The risk register is empty.');
      line(`${plural(s.total, 'risk')} by inherent level: ${s.byLevel.map((l) => `${words(l.level).toLowerCase()} ${l.count}`).join(', ')}; by residual level: ${s.byResidualLevel.map((l) => `${words(l.level).toLowerCase()} ${l.count}`).join(', ')}.`);
      line(`Above the acceptance threshold (${s.acceptanceThreshold}): ${s.aboveAppetite}; of which without a treatment decision: ${s.untreatedAboveAppetite}. Awaiting the owner's acceptance: ${s.awaitingAcceptance}.`);
      line(`Treatments: ${s.byTreatment.map((t) => `${t.treatment ? words(t.treatment).toLowerCase() : 'none decided'} ${t.count}`).join(', ')}.`);
      line(`Treatment plan: ${plural(s.treatmentTasks.total, 'task')}, ${s.treatmentTasks.done} done, ${s.treatmentTasks.open} open (${s.treatmentTasks.overdue} overdue).`);
      for (const r of s.topRisks) line(`• ${r.title}: score ${r.score} (${words(r.level).toLowerCase()}), ${r.treatment ? words(r.treatment).toLowerCase() : 'no treatment'}${r.accepted ? ', accepted by its owner' : ''}${r.ownerName ? `, ${r.ownerName}` : ''}`, 8);
      return;
    }
    case 'IMPROVEMENTS': {
      const s = pack.improvements;
      if (!s.items.length) return void quiet('No opportunity for improvement or observation raised since the last review.');
      line(`${plural(s.opportunities, 'opportunity', 'opportunities')} for improvement and ${plural(s.observations, 'observation')} since the last review.`);
      for (const i of s.items) line(`• ${i.requirementRef} (${words(i.kind).toLowerCase()}, ${i.auditTitle}): ${i.description}`, 8);
      return;
    }
  }
}
