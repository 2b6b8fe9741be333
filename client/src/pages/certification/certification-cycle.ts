import dayjs from 'dayjs';
import type { CertificateRow, CycleAuditRow, DecisionRow, NextAuditRow } from './certification-operations';

/** Where a step stands: done, in progress now, still to come, or overdue (its date passed without it). */
export type StepState = 'done' | 'inProgress' | 'toCome' | 'overdue';

export interface CycleStep {
  key: string;
  label: string;
  /** `YYYY-MM-DD`: when it happened or is due (an audit: its first day), or null when nothing dates it yet. */
  date: string | null;
  /** An audit's last day, when it lasts several days. */
  endDate: string | null;
  /** The date is an estimate (no decision yet: counted from the end of the stage 2 audit). */
  estimated: boolean;
  /** Words under the date: "Closed", "Planned — due 12 months after the decision"… */
  note: string;
  state: StepState;
  /** A word for the badge other than the state's own ("Refused", "Expired"). */
  badge: string | null;
  auditId: string | null;
}

const DAY = 'YYYY-MM-DD';
const CERTIFICATE_MONTHS = 36;

function addMonths(day: string, months: number): string {
  return dayjs(day).add(months, 'month').format(DAY);
}

function formatDay(day: string): string {
  return dayjs(day).format('D MMM YYYY');
}

const byStart = (a: CycleAuditRow, b: CycleAuditRow) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);

interface Due {
  date: string | null;
  estimated: boolean;
  /** Why that date: "12 months after the decision". */
  why: string;
}

/**
 * An audit step from the audit's own status and dates: closed (or reporting with a decision on
 * it) is done; running or reporting is in progress; planned is to come until its first day
 * passes unstarted (then overdue). Without an audit, the step is due on `due.date`: overdue once
 * that passed, to come before.
 */
function auditStep(key: string, label: string, audit: CycleAuditRow | undefined, due: Due, today: string, decided: ReadonlySet<string>): CycleStep {
  const base = { key, label, badge: null, estimated: false };
  if (!audit) {
    if (due.date && !due.estimated && due.date < today) {
      return { ...base, date: due.date, endDate: null, note: `Not planned yet — was due ${formatDay(due.date)} (${due.why})`, state: 'overdue', auditId: null };
    }
    return { ...base, date: due.date, endDate: null, estimated: due.estimated, note: due.date ? `To plan — ${due.why}` : `To plan: ${due.why}`, state: 'toCome', auditId: null };
  }
  const dates = { date: audit.startDate, endDate: audit.endDate > audit.startDate ? audit.endDate : null, auditId: audit.id };
  const dueWords = due.date && !due.estimated && Math.abs(dayjs(audit.startDate).diff(due.date, 'day')) > 31 ? ` (due ${formatDay(due.date)})` : '';
  switch (audit.status) {
    case 'CLOSED':
      return { ...base, ...dates, note: 'Closed', state: 'done' };
    case 'REPORTING':
      return decided.has(audit.id) ? { ...base, ...dates, note: 'Reported and decided', state: 'done' } : { ...base, ...dates, note: 'Report being written', state: 'inProgress' };
    case 'IN_PROGRESS':
      return { ...base, ...dates, note: audit.endDate < today ? `Still open — ended ${formatDay(audit.endDate)}` : 'Under way', state: 'inProgress' };
    default:
      if (audit.startDate < today) return { ...base, ...dates, note: `Planned but not started — was to start ${formatDay(audit.startDate)}`, state: 'overdue' };
      return { ...base, ...dates, note: `${audit.startDate === today ? 'Starts today' : 'Planned'}${dueWords}`, state: 'toCome' };
  }
}

/** When the step happens, for ordering: an audit that started (or ran early) counts from when it really began. */
function sortDate(step: CycleStep, today: string): string | null {
  if (step.date === null) return null;
  if (step.auditId && step.state !== 'toCome' && step.state !== 'overdue' && step.date > today) return today;
  return step.date;
}

/**
 * The certification cycle as steps in the order they happen: stage 1, stage 2, the decision, the
 * certificate, the surveillance audits 12 and 24 months after the decision, the recertification
 * preparation (6 months before expiry), the recertification audit (3 months before) and the
 * expiry. Each step is dated and stated from the records themselves — the audits' statuses and
 * dates, the decisions (each tied to its audit), the certificate — so an audit that runs after
 * the certificate's date is shown as it is. Before any decision, the later dates are estimated
 * from the end of the stage 2 audit.
 */
export function buildCycle(input: { audits: CycleAuditRow[]; decisions: DecisionRow[]; certificate: CertificateRow | null; nextAudits: NextAuditRow[]; today?: string }): CycleStep[] {
  const today = input.today ?? dayjs().format(DAY);
  const audits = [...input.audits].sort(byStart);
  const byId = new Map(audits.map((a) => [a.id, a]));
  const certificate = input.certificate;
  const next = (kind: string) => input.nextAudits.find((n) => n.kind === kind);
  const decisions = [...input.decisions].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  const decided = new Set(decisions.map((d) => d.audit?.id).filter((id): id is string => !!id));
  const granted = decisions.filter((d) => d.decision === 'GRANTED').at(-1);
  const latest = decisions.at(-1);

  // The audit the certificate rests on: the one the grant names, else the stage 2 before the grant.
  const ofKind = (kind: string) => audits.filter((a) => a.kind === kind);
  const current = (list: CycleAuditRow[]) => list.find((a) => a.status !== 'CLOSED' && !decided.has(a.id)) ?? list.at(-1);
  const grantedAudit = granted ? (granted.audit ? byId.get(granted.audit.id) : ofKind('STAGE2').filter((a) => a.startDate <= granted.decidedOn).at(-1)) : undefined;
  const recertified = grantedAudit?.kind === 'RECERTIFICATION';
  const stage2 = grantedAudit && !recertified ? grantedAudit : granted ? ofKind('STAGE2').at(-1) : current(ofKind('STAGE2'));
  const stage1Candidates = ofKind('STAGE1').filter((a) => !stage2 || a.startDate <= stage2.startDate);
  const stage1 = granted ? stage1Candidates.at(-1) ?? ofKind('STAGE1').at(-1) : current(ofKind('STAGE1')) ?? stage1Candidates.at(-1);

  const steps: CycleStep[] = [];
  if (recertified && grantedAudit) {
    steps.push(auditStep('renewal', 'Recertification audit', grantedAudit, { date: null, estimated: false, why: 'renews the certificate' }, today, decided));
  } else {
    const due1 = next('STAGE1');
    steps.push(auditStep('stage1', 'Stage 1 audit', stage1, { date: due1?.dueOn ?? null, estimated: false, why: 'the documentation review' }, today, decided));
    const due2 = next('STAGE2');
    steps.push(auditStep('stage2', 'Stage 2 audit', stage2, { date: due2?.dueOn ?? null, estimated: false, why: 'after stage 1' }, today, decided));
  }
  const entry = recertified ? grantedAudit : stage2;

  // The decision and the certificate.
  const base = { badge: null, estimated: false, endDate: null, auditId: null };
  if (latest?.decision === 'GRANTED') {
    steps.push({ ...base, key: 'decision', label: 'Certification decision', date: latest.decidedOn, note: 'Granted by the certification body', state: 'done' });
  } else if (latest && (!entry || !latest.audit || latest.audit.id === entry.id)) {
    steps.push({ ...base, key: 'decision', label: 'Certification decision', date: latest.decidedOn, note: 'Refused: another audit is needed', state: 'overdue', badge: 'Refused' });
  } else {
    const reported = entry && (entry.status === 'REPORTING' || entry.status === 'CLOSED');
    const before = latest ? ` (refused on ${formatDay(latest.decidedOn)})` : '';
    steps.push({
      ...base,
      key: 'decision',
      label: 'Certification decision',
      date: entry ? entry.endDate : null,
      estimated: !!entry,
      note: `${reported ? 'Awaited from the certification body' : 'By the certification body, after the audit'}${before}`,
      state: reported ? 'inProgress' : 'toCome',
    });
  }
  const currentCertificate = certificate && (!granted || certificate.issuedOn >= addMonths(granted.decidedOn, -6)) ? certificate : null;
  if (currentCertificate) {
    steps.push({ ...base, key: 'certificate', label: 'Certificate issued', date: currentCertificate.issuedOn, note: currentCertificate.certificateNumber, state: 'done' });
  } else if (granted) {
    steps.push({ ...base, key: 'certificate', label: 'Certificate issued', date: granted.decidedOn, estimated: true, note: 'Granted: record the certificate', state: 'inProgress' });
  } else {
    steps.push({ ...base, key: 'certificate', label: 'Certificate issued', date: entry ? entry.endDate : null, estimated: !!entry, note: 'After a granted decision', state: 'toCome' });
  }

  // The three-year cycle counts from the decision (or, without one, from the expected end of stage 2).
  const anchor = granted?.decidedOn ?? currentCertificate?.issuedOn ?? entry?.endDate ?? null;
  const estimated = !granted && !currentCertificate;
  const expiresOn = currentCertificate?.expiresOn ?? (anchor ? addMonths(anchor, CERTIFICATE_MONTHS) : null);
  const since = anchor && !estimated ? audits.filter((a) => a.startDate >= anchor) : [];
  const surveillance = since.filter((a) => a.kind === 'SURVEILLANCE');
  const recertification = since.filter((a) => a.kind === 'RECERTIFICATION' && a.id !== grantedAudit?.id);
  const due = (months: number, why: string): Due => ({ date: anchor ? addMonths(anchor, months) : null, estimated, why });
  steps.push(auditStep('surveillance1', 'Surveillance audit 1', surveillance[0], due(12, '12 months after the decision'), today, decided));
  steps.push(auditStep('surveillance2', 'Surveillance audit 2', surveillance[1], due(24, '24 months after the decision'), today, decided));

  const recertAudit = recertification[0];
  const prepDate = expiresOn ? addMonths(expiresOn, -6) : null;
  const prepDone = !!recertAudit && recertAudit.status !== 'PLANNED';
  const prepState: StepState = prepDone ? 'done' : prepDate && !estimated && prepDate <= today ? 'inProgress' : 'toCome';
  steps.push({
    ...base,
    key: 'preparation',
    label: 'Recertification preparation',
    date: prepDate,
    estimated,
    note: prepDone ? 'Done: the recertification audit has begun' : prepState === 'inProgress' ? 'Now: review the ISMS, close findings' : '6 months before expiry: review the ISMS, close findings',
    state: prepState,
  });
  steps.push(auditStep('recertification', 'Recertification audit', recertAudit, { date: expiresOn ? addMonths(expiresOn, -3) : null, estimated, why: '3 months before expiry' }, today, decided));
  if (expiresOn && !estimated && expiresOn < today) {
    steps.push({ ...base, key: 'expiry', label: 'Certificate expires', date: expiresOn, note: 'Expired', state: 'overdue', badge: 'Expired' });
  } else {
    const months = expiresOn ? dayjs(expiresOn).diff(dayjs(today), 'month') : null;
    steps.push({
      ...base,
      key: 'expiry',
      label: 'Certificate expires',
      date: expiresOn,
      estimated,
      note: expiresOn && !estimated ? (months && months > 0 ? `In ${months} month${months === 1 ? '' : 's'}` : `On ${formatDay(expiresOn)}`) : '3 years after the decision',
      state: 'toCome',
    });
  }

  // In the order they happen: dated steps by date; an undated one stays right after its predecessor.
  let carried = '';
  const keyed = steps.map((step, index) => {
    const date = sortDate(step, today);
    if (date !== null) carried = date;
    return { step, index, key: date ?? carried };
  });
  return keyed.sort((a, b) => a.key.localeCompare(b.key) || a.index - b.index).map((k) => k.step);
}
