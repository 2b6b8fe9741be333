import dayjs from 'dayjs';
import type { CertificateRow, CycleAuditRow, DecisionRow, NextAuditRow } from './certification-operations';

export type StepState = 'done' | 'current' | 'planned' | 'overdue' | 'open';

export interface CycleStep {
  key: string;
  label: string;
  /** `YYYY-MM-DD`, or null when it depends on an earlier step. */
  date: string | null;
  /** Words under the date: "Closed", "In progress", "+12 months after the decision"… */
  note: string;
  state: StepState;
  auditId: string | null;
}

function addMonths(day: string, months: number): string {
  return dayjs(day).add(months, 'month').format('YYYY-MM-DD');
}

const byStart = (a: CycleAuditRow, b: CycleAuditRow) => a.startDate.localeCompare(b.startDate);

/** An audit step: done once closed (stage 2: once reporting), current while running, overdue when its start passed unstarted. */
function auditStep(key: string, label: string, audit: CycleAuditRow | undefined, fallback: { date: string | null; note: string }, today: string, doneFrom: 'REPORTING' | 'CLOSED'): CycleStep {
  if (!audit) {
    const overdue = fallback.date !== null && fallback.date < today;
    return { key, label, date: fallback.date, note: overdue ? `Not planned yet — was due ${dayjs(fallback.date).format('D MMM YYYY')}` : fallback.note, state: overdue ? 'overdue' : 'open', auditId: null };
  }
  const done = audit.status === 'CLOSED' || (doneFrom === 'REPORTING' && audit.status === 'REPORTING');
  if (done) return { key, label, date: audit.endDate, note: audit.status === 'CLOSED' ? 'Closed' : 'Reporting', state: 'done', auditId: audit.id };
  if (audit.status !== 'PLANNED') return { key, label, date: audit.startDate, note: audit.status === 'REPORTING' ? 'Reporting' : 'In progress', state: 'current', auditId: audit.id };
  return { key, label, date: audit.startDate, note: audit.startDate < today ? 'Planned, not started' : 'Planned', state: audit.startDate < today ? 'overdue' : 'planned', auditId: audit.id };
}

/**
 * The certification cycle as a line of steps: stage 1, stage 2, decision, certificate, two
 * surveillance audits, recertification preparation and audit, expiry. Built from the audits,
 * the decisions, the certificate and what the server says is due next.
 */
export function buildCycle(input: { audits: CycleAuditRow[]; decisions: DecisionRow[]; certificate: CertificateRow | null; nextAudits: NextAuditRow[]; today?: string }): CycleStep[] {
  const today = input.today ?? dayjs().format('YYYY-MM-DD');
  const audits = [...input.audits].sort(byStart);
  const certificate = input.certificate;
  const next = (kind: string) => input.nextAudits.find((n) => n.kind === kind);
  const latestDecision = [...input.decisions].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0];
  const granted = input.decisions.filter((d) => d.decision === 'GRANTED').sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0];

  // The initial certification: the latest stage audits (on or before the decision when there is one).
  const cutoff = certificate ? certificate.issuedOn : null;
  const stage = (kind: 'STAGE1' | 'STAGE2') => {
    const ofKind = audits.filter((a) => a.kind === kind && (cutoff === null || a.startDate <= cutoff));
    return ofKind.find((a) => a.status !== 'CLOSED') ?? ofKind[ofKind.length - 1];
  };
  const stage1 = stage('STAGE1');
  const stage2 = stage('STAGE2');
  const steps: CycleStep[] = [
    auditStep('stage1', 'Stage 1 audit', stage1, { date: next('STAGE1')?.dueOn ?? null, note: 'To plan: documentation review' }, today, 'CLOSED'),
    auditStep('stage2', 'Stage 2 audit', stage2, { date: next('STAGE2')?.dueOn ?? null, note: 'To plan after stage 1' }, today, 'REPORTING'),
  ];

  const decisionDone = latestDecision && (!stage2 || latestDecision.decidedOn >= stage2.startDate);
  steps.push(
    decisionDone
      ? { key: 'decision', label: 'Certification decision', date: latestDecision.decidedOn, note: latestDecision.decision === 'GRANTED' ? 'Granted' : 'Refused', state: latestDecision.decision === 'GRANTED' ? 'done' : 'overdue', auditId: null }
      : { key: 'decision', label: 'Certification decision', date: null, note: 'By the certification body after stage 2', state: stage2 && (stage2.status === 'REPORTING' || stage2.status === 'CLOSED') ? 'current' : 'open', auditId: null },
  );
  steps.push(
    certificate
      ? { key: 'certificate', label: 'Certificate issued', date: certificate.issuedOn, note: certificate.certificateNumber, state: 'done', auditId: null }
      : { key: 'certificate', label: 'Certificate issued', date: null, note: granted ? 'Record it below' : 'After a granted decision', state: granted ? 'current' : 'open', auditId: null },
  );

  const base = granted?.decidedOn ?? certificate?.issuedOn ?? null;
  const since = base ? audits.filter((a) => a.startDate >= base) : [];
  const surveillance = since.filter((a) => a.kind === 'SURVEILLANCE');
  const recert = since.filter((a) => a.kind === 'RECERTIFICATION');
  const cycleAudit = (key: string, label: string, audit: CycleAuditRow | undefined, date: string | null, pending: string): CycleStep =>
    !audit && date === null ? { key, label, date: null, note: pending, state: 'open', auditId: null } : auditStep(key, label, audit, { date, note: 'Not planned yet' }, today, 'CLOSED');
  const s1Date = base && certificate ? addMonths(base, 12) : null;
  const s2Date = base && certificate ? addMonths(base, 24) : null;
  steps.push(cycleAudit('surveillance1', 'Surveillance 1', surveillance[0], s1Date, '+12 months after the decision'));
  steps.push(cycleAudit('surveillance2', 'Surveillance 2', surveillance[1], s2Date, '+24 months after the decision'));

  const prepDate = certificate ? addMonths(certificate.expiresOn, -6) : null;
  const recertAudit = recert[0];
  const prepDone = !!recertAudit && recertAudit.status !== 'PLANNED';
  steps.push({
    key: 'preparation',
    label: 'Recertification preparation',
    date: prepDate,
    note: prepDate ? (prepDone ? 'Done' : 'Review the ISMS, close findings') : '6 months before expiry',
    state: prepDate === null ? 'open' : prepDone ? 'done' : prepDate < today ? 'current' : 'planned',
    auditId: null,
  });
  steps.push(cycleAudit('recertification', 'Recertification audit', recertAudit, certificate ? addMonths(certificate.expiresOn, -3) : null, '3 months before expiry'));
  steps.push(
    certificate
      ? { key: 'expiry', label: 'Certificate expires', date: certificate.expiresOn, note: certificate.expiresOn < today ? 'Expired' : `In ${dayjs(certificate.expiresOn).diff(dayjs(today), 'month')} months`, state: certificate.expiresOn < today ? 'overdue' : 'planned', auditId: null }
      : { key: 'expiry', label: 'Certificate expires', date: null, note: '3 years after issue', state: 'open', auditId: null },
  );
  return steps;
}
