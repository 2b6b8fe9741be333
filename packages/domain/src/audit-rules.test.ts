import { describe, expect, it } from 'vitest';
import {
  stage1Blockers,
  AUDIT_KINDS,
  AUDIT_STATUSES,
  CERTIFICATION_BLOCKER_CODES,
  CERTIFICATION_DECISIONS,
  CERTIFICATION_STATUSES,
  CHECKLIST_VERDICTS,
  CORRECTIVE_ACTION_STATUSES,
  EVIDENCE_REQUEST_STATUSES,
  FINDING_KINDS,
  ROOT_CAUSE_METHODS,
  auditProgrammeCoverage,
  canMoveAuditStatus,
  canMoveEvidenceRequest,
  canVerify,
  certificateExpiry,
  certificationBlockers,
  certificationStatus,
  correctiveActionTransition,
  defaultCorrectiveActionDueDate,
  isCorrectiveActionOverdue,
  isEvidenceRequestOverdue,
  isNonconformity,
  nextAudits,
  plannedCycle,
  scopeCovers,
  verificationOutcome,
  type AuditKind,
  type AuditStatus,
  type CertificationInput,
  type CorrectiveActionStatus,
  type FindingKind,
} from './audit-rules.js';
import * as domain from './index.js';

describe('audit enums', () => {
  it('lists the values in order', () => {
    expect(AUDIT_KINDS).toEqual(['INTERNAL', 'STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION', 'SPECIAL']);
    expect(AUDIT_STATUSES).toEqual(['PLANNED', 'IN_PROGRESS', 'REPORTING', 'CLOSED']);
    expect(CHECKLIST_VERDICTS).toEqual(['NOT_CHECKED', 'CONFORMS', 'OBSERVATION', 'MINOR_NC', 'MAJOR_NC', 'NOT_APPLICABLE']);
    expect(EVIDENCE_REQUEST_STATUSES).toEqual(['OPEN', 'ANSWERED', 'ACCEPTED', 'RETURNED']);
    expect(FINDING_KINDS).toEqual(['MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY', 'OBSERVATION', 'OPPORTUNITY_FOR_IMPROVEMENT']);
    expect(CORRECTIVE_ACTION_STATUSES).toEqual(['OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED']);
    expect(ROOT_CAUSE_METHODS).toEqual(['FIVE_WHYS', 'CAUSE_CATEGORIES', 'OTHER']);
    expect(CERTIFICATION_STATUSES).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'READY_FOR_DECISION', 'CERTIFIED', 'EXPIRED']);
    expect(CERTIFICATION_DECISIONS).toEqual(['GRANTED', 'REFUSED']);
  });

  it('is exported from the package index', () => {
    expect(domain.AUDIT_KINDS).toBe(AUDIT_KINDS);
    expect(domain.certificationStatus).toBe(certificationStatus);
    expect(domain.addMonths).toBeTypeOf('function');
  });
});

describe('findings', () => {
  it('counts major and minor nonconformities, not observations or opportunities', () => {
    expect(isNonconformity('MAJOR_NONCONFORMITY')).toBe(true);
    expect(isNonconformity('MINOR_NONCONFORMITY')).toBe(true);
    expect(isNonconformity('OBSERVATION')).toBe(false);
    expect(isNonconformity('OPPORTUNITY_FOR_IMPROVEMENT')).toBe(false);
  });
});

describe('audit status', () => {
  it('moves forward any number of steps, never back', () => {
    expect(canMoveAuditStatus('PLANNED', 'IN_PROGRESS')).toBe(true);
    expect(canMoveAuditStatus('IN_PROGRESS', 'REPORTING')).toBe(true);
    expect(canMoveAuditStatus('REPORTING', 'CLOSED')).toBe(true);
    expect(canMoveAuditStatus('PLANNED', 'REPORTING')).toBe(true);
    expect(canMoveAuditStatus('PLANNED', 'CLOSED')).toBe(true);
    expect(canMoveAuditStatus('IN_PROGRESS', 'PLANNED')).toBe(false);
    expect(canMoveAuditStatus('CLOSED', 'REPORTING')).toBe(false);
    expect(canMoveAuditStatus('CLOSED', 'PLANNED')).toBe(false);
  });

  it('allows staying put', () => {
    for (const status of AUDIT_STATUSES) expect(canMoveAuditStatus(status, status)).toBe(true);
  });
});

describe('evidence requests', () => {
  it('is answered when open or returned', () => {
    expect(canMoveEvidenceRequest('OPEN', 'ANSWER')).toBe('ANSWERED');
    expect(canMoveEvidenceRequest('RETURNED', 'ANSWER')).toBe('ANSWERED');
    expect(canMoveEvidenceRequest('ANSWERED', 'ANSWER')).toBeNull();
    expect(canMoveEvidenceRequest('ACCEPTED', 'ANSWER')).toBeNull();
  });

  it('is accepted or returned only once answered', () => {
    expect(canMoveEvidenceRequest('ANSWERED', 'ACCEPT')).toBe('ACCEPTED');
    expect(canMoveEvidenceRequest('ANSWERED', 'RETURN')).toBe('RETURNED');
    for (const from of ['OPEN', 'ACCEPTED', 'RETURNED'] as const) {
      expect(canMoveEvidenceRequest(from, 'ACCEPT')).toBeNull();
      expect(canMoveEvidenceRequest(from, 'RETURN')).toBeNull();
    }
  });

  it('is overdue while waiting for an answer after its due time', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const past = new Date('2026-11-28T11:59:59Z');
    expect(isEvidenceRequestOverdue({ status: 'OPEN', dueAt: past }, now)).toBe(true);
    expect(isEvidenceRequestOverdue({ status: 'RETURNED', dueAt: past }, now)).toBe(true);
    expect(isEvidenceRequestOverdue({ status: 'ANSWERED', dueAt: past }, now)).toBe(false);
    expect(isEvidenceRequestOverdue({ status: 'ACCEPTED', dueAt: past }, now)).toBe(false);
    // Due exactly now is not late yet.
    expect(isEvidenceRequestOverdue({ status: 'OPEN', dueAt: now }, now)).toBe(false);
    expect(isEvidenceRequestOverdue({ status: 'OPEN', dueAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe(false);
  });
});

describe('corrective actions', () => {
  it('moves forward one step at a time', () => {
    expect(correctiveActionTransition('OPEN', 'IN_PROGRESS')).toBe('OK');
    expect(correctiveActionTransition('IN_PROGRESS', 'IMPLEMENTED')).toBe('OK');
    expect(correctiveActionTransition('OPEN', 'IMPLEMENTED')).toBe('SKIP');
  });

  it('never moves back on an update', () => {
    expect(correctiveActionTransition('IN_PROGRESS', 'OPEN')).toBe('BACKWARD');
    expect(correctiveActionTransition('IMPLEMENTED', 'IN_PROGRESS')).toBe('BACKWARD');
    expect(correctiveActionTransition('IMPLEMENTED', 'OPEN')).toBe('BACKWARD');
    expect(correctiveActionTransition('VERIFIED', 'IMPLEMENTED')).toBe('BACKWARD');
    expect(correctiveActionTransition('VERIFIED', 'OPEN')).toBe('BACKWARD');
  });

  it('leaves VERIFIED to verification', () => {
    for (const from of ['OPEN', 'IN_PROGRESS', 'IMPLEMENTED'] as const) expect(correctiveActionTransition(from, 'VERIFIED')).toBe('VERIFY_ONLY');
  });

  it('accepts the same status (an update of other fields)', () => {
    for (const status of CORRECTIVE_ACTION_STATUSES) expect(correctiveActionTransition(status, status)).toBe('OK');
  });

  it('verifies only an implemented action, sending an ineffective one back to work', () => {
    expect(CORRECTIVE_ACTION_STATUSES.filter(canVerify)).toEqual(['IMPLEMENTED']);
    expect(verificationOutcome(true)).toBe('VERIFIED');
    expect(verificationOutcome(false)).toBe('IN_PROGRESS');
  });

  it('is due 30 days after the audit for a major NC, 90 for a minor, 180 otherwise', () => {
    expect(defaultCorrectiveActionDueDate('MAJOR_NONCONFORMITY', '2026-11-28')).toBe('2026-12-28');
    expect(defaultCorrectiveActionDueDate('MINOR_NONCONFORMITY', '2026-11-28')).toBe('2027-02-26');
    expect(defaultCorrectiveActionDueDate('OBSERVATION', '2026-11-28')).toBe('2027-05-27');
    expect(defaultCorrectiveActionDueDate('OPPORTUNITY_FOR_IMPROVEMENT', '2026-11-28')).toBe('2027-05-27');
    // Across a leap day.
    expect(defaultCorrectiveActionDueDate('MAJOR_NONCONFORMITY', '2028-02-15')).toBe('2028-03-16');
  });

  it('takes the configured number of days for nonconformities only', () => {
    const options = { minorDays: 60, majorDays: 14 };
    expect(defaultCorrectiveActionDueDate('MINOR_NONCONFORMITY', '2026-11-28', options)).toBe('2027-01-27');
    expect(defaultCorrectiveActionDueDate('MAJOR_NONCONFORMITY', '2026-11-28', options)).toBe('2026-12-12');
    expect(defaultCorrectiveActionDueDate('OBSERVATION', '2026-11-28', options)).toBe('2027-05-27');
    // One option leaves the other kind at its default.
    expect(defaultCorrectiveActionDueDate('MAJOR_NONCONFORMITY', '2026-11-28', { minorDays: 60 })).toBe('2026-12-28');
    expect(defaultCorrectiveActionDueDate('MINOR_NONCONFORMITY', '2026-11-28', { minorDays: 0 })).toBe('2026-11-28');
  });

  it('is overdue after its due date until verified', () => {
    expect(isCorrectiveActionOverdue({ status: 'OPEN', dueDate: '2026-11-27' }, '2026-11-28')).toBe(true);
    expect(isCorrectiveActionOverdue({ status: 'IMPLEMENTED', dueDate: '2026-11-27' }, '2026-11-28')).toBe(true);
    expect(isCorrectiveActionOverdue({ status: 'VERIFIED', dueDate: '2026-11-27' }, '2026-11-28')).toBe(false);
    expect(isCorrectiveActionOverdue({ status: 'OPEN', dueDate: '2026-11-28' }, '2026-11-28')).toBe(false);
  });
});

const TODAY = '2026-11-28';
type Audit = CertificationInput['audits'][number];
type Finding = CertificationInput['findings'][number];
const audit = (id: string, kind: AuditKind, status: AuditStatus, startDate = '2026-10-01', endDate = startDate): Audit => ({ id, kind, status, startDate, endDate });
const finding = (id: string, kind: FindingKind, ca: CorrectiveActionStatus | null, deadline = '2026-12-31', ref = 'A.5.1'): Finding => ({
  id,
  auditId: 'aud_s2',
  kind,
  requirementRef: ref,
  correctiveAction: ca === null ? null : { id: `ca_${id}`, status: ca, dueDate: '2026-12-31' },
  deadline,
});
const input = (over: Partial<CertificationInput>): CertificationInput => ({ today: TODAY, audits: [], findings: [], decisions: [], certificate: null, ...over });
const STAGES = [audit('aud_s1', 'STAGE1', 'CLOSED', '2026-09-01'), audit('aud_s2', 'STAGE2', 'IN_PROGRESS', '2026-11-20', '2026-11-30')];

describe('certification blockers', () => {
  const codes = (over: Partial<CertificationInput>) => certificationBlockers(input(over)).map((b) => b.code);

  it('finds nothing with a closed stage 1, a stage 2 and no open nonconformity', () => {
    expect(certificationBlockers(input({ audits: STAGES }))).toEqual([]);
  });

  it('blocks on a major nonconformity until its corrective action is verified, naming the requirement', () => {
    expect(certificationBlockers(input({ audits: STAGES, findings: [finding('fnd_1', 'MAJOR_NONCONFORMITY', null, '2026-12-31', 'A.8.13')] }))).toEqual([
      { code: 'OPEN_MAJOR_NONCONFORMITY', message: expect.stringContaining('A.8.13'), subjectId: 'fnd_1' },
    ]);
    for (const status of ['OPEN', 'IN_PROGRESS', 'IMPLEMENTED'] as const) {
      expect(certificationBlockers(input({ audits: STAGES, findings: [finding('fnd_1', 'MAJOR_NONCONFORMITY', status, '2026-12-31', '6.1.2')] }))).toEqual([
        { code: 'OPEN_MAJOR_NONCONFORMITY', message: expect.stringContaining('6.1.2'), subjectId: 'fnd_1' },
      ]);
    }
    expect(codes({ audits: STAGES, findings: [finding('fnd_1', 'MAJOR_NONCONFORMITY', 'VERIFIED')] })).toEqual([]);
  });

  it('blocks on a major nonconformity raised by any audit, internal ones included', () => {
    expect(codes({ audits: [...STAGES, audit('aud_i', 'INTERNAL', 'CLOSED')], findings: [{ ...finding('fnd_1', 'MAJOR_NONCONFORMITY', null), auditId: 'aud_i' }] })).toEqual([
      'OPEN_MAJOR_NONCONFORMITY',
    ]);
  });

  it('blocks on a minor nonconformity without an accepted plan only once past its deadline', () => {
    expect(certificationBlockers(input({ audits: STAGES, findings: [finding('fnd_2', 'MINOR_NONCONFORMITY', null, '2026-11-27', '7.2')] }))).toEqual([
      { code: 'MINOR_NONCONFORMITY_WITHOUT_PLAN', message: expect.stringContaining('7.2'), subjectId: 'fnd_2' },
    ]);
    expect(codes({ audits: STAGES, findings: [finding('fnd_2', 'MINOR_NONCONFORMITY', 'OPEN', '2026-11-27')] })).toEqual(['MINOR_NONCONFORMITY_WITHOUT_PLAN']);
    // On the deadline day, or before it, there is still time.
    expect(codes({ audits: STAGES, findings: [finding('fnd_2', 'MINOR_NONCONFORMITY', null, TODAY)] })).toEqual([]);
    // A plan under way is enough, verified or not.
    for (const status of ['IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED'] as const) {
      expect(codes({ audits: STAGES, findings: [finding('fnd_2', 'MINOR_NONCONFORMITY', status, '2026-01-01')] })).toEqual([]);
    }
  });

  it('never blocks on observations or opportunities for improvement', () => {
    expect(codes({ audits: STAGES, findings: [finding('f1', 'OBSERVATION', null, '2020-01-01'), finding('f2', 'OPPORTUNITY_FOR_IMPROVEMENT', 'OPEN', '2020-01-01')] })).toEqual([]);
  });

  it('blocks the latest stage 2 audit until a stage 1 audit is closed', () => {
    for (const status of ['PLANNED', 'IN_PROGRESS', 'REPORTING'] as const) {
      expect(certificationBlockers(input({ audits: [audit('aud_s1', 'STAGE1', status), STAGES[1]!] }))).toEqual([
        { code: 'STAGE1_NOT_CLOSED', message: expect.any(String), subjectId: 'aud_s2' },
      ]);
    }
    expect(certificationBlockers(input({ audits: [audit('s2_old', 'STAGE2', 'CLOSED', '2026-05-01'), audit('s2_new', 'STAGE2', 'PLANNED', '2026-12-01')] }))).toEqual([
      { code: 'STAGE1_NOT_CLOSED', message: expect.any(String), subjectId: 's2_new' },
    ]);
    // One closed stage 1 among several is enough.
    expect(codes({ audits: [audit('a', 'STAGE1', 'IN_PROGRESS'), ...STAGES] })).toEqual([]);
  });

  it('asks for a stage 2 audit when there is none and no certificate in force', () => {
    expect(certificationBlockers(input({}))).toEqual([{ code: 'NO_STAGE2_AUDIT', message: expect.any(String), subjectId: null }]);
    expect(codes({ audits: [STAGES[0]!, audit('aud_i', 'INTERNAL', 'CLOSED')] })).toEqual(['NO_STAGE2_AUDIT']);
    expect(codes({ certificate: { issuedOn: '2025-01-10', expiresOn: '2028-01-10' } })).toEqual([]);
    expect(codes({ certificate: { issuedOn: '2023-01-10', expiresOn: '2026-01-10' } })).toEqual(['NO_STAGE2_AUDIT']);
  });

  it('keeps only nonconformities while a certificate is in force', () => {
    const certificate = { issuedOn: '2025-01-10', expiresOn: '2028-01-10' };
    expect(codes({ certificate, audits: [audit('s2', 'STAGE2', 'CLOSED', '2024-12-01')], findings: [finding('f', 'MAJOR_NONCONFORMITY', 'IMPLEMENTED')] })).toEqual([
      'OPEN_MAJOR_NONCONFORMITY',
    ]);
  });

  it('starts the stages over after the certificate expired: older stage audits do not count', () => {
    const certificate = { issuedOn: '2023-01-10', expiresOn: '2026-01-10' };
    const old = [audit('s1_old', 'STAGE1', 'CLOSED', '2022-10-01'), audit('s2_old', 'STAGE2', 'CLOSED', '2022-12-01')];
    expect(codes({ certificate, audits: old })).toEqual(['NO_STAGE2_AUDIT']);
    expect(certificationBlockers(input({ certificate, audits: [...old, audit('s2_new', 'STAGE2', 'PLANNED', '2026-12-10')] }))).toEqual([
      expect.objectContaining({ code: 'STAGE1_NOT_CLOSED', subjectId: 's2_new' }),
    ]);
  });

  it('lists majors first, then minors, then the stages, without duplicates', () => {
    const findings = [
      finding('minor', 'MINOR_NONCONFORMITY', null, '2026-01-01'),
      finding('major_b', 'MAJOR_NONCONFORMITY', 'OPEN'),
      finding('major_a', 'MAJOR_NONCONFORMITY', null),
      finding('major_b', 'MAJOR_NONCONFORMITY', 'OPEN'),
    ];
    const blockers = certificationBlockers(input({ audits: [STAGES[1]!], findings }));
    expect(blockers.map((b) => [b.code, b.subjectId])).toEqual([
      ['OPEN_MAJOR_NONCONFORMITY', 'major_b'],
      ['OPEN_MAJOR_NONCONFORMITY', 'major_a'],
      ['MINOR_NONCONFORMITY_WITHOUT_PLAN', 'minor'],
      ['STAGE1_NOT_CLOSED', 'aud_s2'],
    ]);
    expect(CERTIFICATION_BLOCKER_CODES[0]).toBe('OPEN_MAJOR_NONCONFORMITY');
  });
});

describe('certification status', () => {
  it('has not started without stage audits', () => {
    expect(certificationStatus(input({}))).toBe('NOT_STARTED');
    expect(certificationStatus(input({ audits: [audit('i', 'INTERNAL', 'CLOSED')], findings: [finding('f', 'MAJOR_NONCONFORMITY', null)] }))).toBe('NOT_STARTED');
  });

  it('is blocked by any blocker', () => {
    // A stage still to come is progress, not a block.
    expect(certificationStatus(input({ audits: [STAGES[0]!] }))).toBe('IN_PROGRESS');
    expect(certificationStatus(input({ audits: [audit('s1', 'STAGE1', 'IN_PROGRESS'), STAGES[1]!] }))).toBe('IN_PROGRESS');
    expect(certificationStatus(input({ audits: STAGES, findings: [finding('f', 'MAJOR_NONCONFORMITY', 'IMPLEMENTED')] }))).toBe('BLOCKED');
    // Even once the stage 2 audit reports.
    expect(certificationStatus(input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'REPORTING')], findings: [finding('f', 'MAJOR_NONCONFORMITY', null)] }))).toBe(
      'BLOCKED',
    );
  });

  it('is in progress between a closed stage 1 and the stage 2 report', () => {
    expect(certificationStatus(input({ audits: STAGES }))).toBe('IN_PROGRESS');
    expect(certificationStatus(input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'PLANNED', '2027-01-10')] }))).toBe('IN_PROGRESS');
  });

  it('is ready for a decision once a stage 2 audit reports with nothing blocking', () => {
    for (const status of ['REPORTING', 'CLOSED'] as const) {
      expect(certificationStatus(input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', status)], findings: [finding('f', 'MAJOR_NONCONFORMITY', 'VERIFIED')] }))).toBe(
        'READY_FOR_DECISION',
      );
    }
  });

  it('is back in progress after a refusal, until another stage 2 audit reports', () => {
    const refused = { audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'CLOSED')], decisions: [{ auditId: 'aud_s2', decision: 'REFUSED' as const, decidedOn: '2026-11-01' }] };
    expect(certificationStatus(input(refused))).toBe('IN_PROGRESS');
    expect(certificationStatus(input({ ...refused, audits: [...refused.audits, audit('s2_again', 'STAGE2', 'REPORTING', '2026-11-20')] }))).toBe('READY_FOR_DECISION');
  });

  it('is certified while the certificate is in force, whatever blocks', () => {
    const certificate = { issuedOn: '2025-01-10', expiresOn: '2028-01-10' };
    expect(certificationStatus(input({ certificate }))).toBe('CERTIFIED');
    expect(certificationStatus(input({ certificate, findings: [finding('f', 'MAJOR_NONCONFORMITY', null)] }))).toBe('CERTIFIED');
    expect(certificationStatus(input({ certificate: { issuedOn: '2023-11-28', expiresOn: TODAY } }))).toBe('CERTIFIED');
  });

  it('takes a grant newer than the recorded certificate as a certificate issued that day', () => {
    const granted = { auditId: 'aud_s2', decision: 'GRANTED' as const, decidedOn: '2026-11-25' };
    expect(certificationStatus(input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'CLOSED')], decisions: [granted] }))).toBe('CERTIFIED');
    expect(certificationStatus(input({ certificate: { issuedOn: '2022-11-01', expiresOn: '2025-11-01' }, decisions: [granted] }))).toBe('CERTIFIED');
    // A grant older than the expired certificate changes nothing.
    expect(certificationStatus(input({ certificate: { issuedOn: '2022-11-01', expiresOn: '2025-11-01' }, decisions: [{ ...granted, decidedOn: '2022-10-20' }] }))).toBe(
      'EXPIRED',
    );
    // A refusal is no certificate.
    expect(certificationStatus(input({ audits: STAGES, decisions: [{ ...granted, decision: 'REFUSED' }] }))).toBe('IN_PROGRESS');
  });

  it('has expired the day after expiry, until a new stage audit starts', () => {
    const certificate = { issuedOn: '2023-11-27', expiresOn: '2026-11-27' };
    const old = [audit('s1_old', 'STAGE1', 'CLOSED', '2023-09-01'), audit('s2_old', 'STAGE2', 'CLOSED', '2023-10-01')];
    expect(certificationStatus(input({ certificate, audits: old }))).toBe('EXPIRED');
    // A late recertification audit does not restart the stages.
    expect(certificationStatus(input({ certificate, audits: [...old, audit('rc', 'RECERTIFICATION', 'IN_PROGRESS', '2026-11-28')] }))).toBe('EXPIRED');
    // A new stage 1 does: only the new cycle's audits count.
    expect(certificationStatus(input({ certificate, audits: [...old, audit('s1_new', 'STAGE1', 'PLANNED', '2026-12-10')] }))).toBe('IN_PROGRESS');
    expect(
      certificationStatus(input({ certificate, audits: [...old, audit('s1_new', 'STAGE1', 'CLOSED', '2026-11-28'), audit('s2_new', 'STAGE2', 'PLANNED', '2027-01-10')] })),
    ).toBe('IN_PROGRESS');
  });
});

describe('certification cycle', () => {
  it('expires three years after issue', () => {
    expect(certificateExpiry('2026-11-28')).toBe('2029-11-28');
    expect(certificateExpiry('2028-02-29')).toBe('2031-02-28');
  });

  it('plans surveillance after 12 and 24 months and recertification before expiry', () => {
    expect(plannedCycle('2026-11-28', '2029-11-28')).toEqual({
      surveillance1: '2027-11-28',
      surveillance2: '2028-11-28',
      recertificationPreparation: '2029-05-28',
      recertificationAudit: '2029-08-28',
    });
    // Month ends clamp to the shorter month.
    expect(plannedCycle('2026-08-31', '2029-08-31')).toMatchObject({ recertificationPreparation: '2029-02-28', recertificationAudit: '2029-05-31' });
  });
});

describe('next audits', () => {
  const certificate = { issuedOn: '2026-03-15', expiresOn: '2029-03-15' };
  const certified = (audits: Audit[], lastDecisionOn: string | null = '2026-03-10') => nextAudits({ ...input({ certificate, audits }), lastDecisionOn });

  it('lists the surveillance and recertification audits of the cycle when certified', () => {
    expect(certified([])).toEqual([
      { kind: 'SURVEILLANCE', dueOn: '2027-03-10', auditId: null },
      { kind: 'SURVEILLANCE', dueOn: '2028-03-10', auditId: null },
      { kind: 'RECERTIFICATION', dueOn: '2028-12-15', auditId: null },
    ]);
    // Without a recorded decision the cycle runs from the certificate's issue.
    expect(certified([], null)[0]).toEqual({ kind: 'SURVEILLANCE', dueOn: '2027-03-15', auditId: null });
  });

  it('drops a surveillance audit once one is closed since the decision, and points at the planned one', () => {
    const first = audit('sv1', 'SURVEILLANCE', 'CLOSED', '2027-02-20');
    expect(certified([first]).map((a) => a.dueOn)).toEqual(['2028-03-10', '2028-12-15']);
    expect(certified([first, audit('sv2', 'SURVEILLANCE', 'PLANNED', '2028-02-01')])[0]).toEqual({ kind: 'SURVEILLANCE', dueOn: '2028-03-10', auditId: 'sv2' });
    expect(certified([audit('sv1', 'SURVEILLANCE', 'IN_PROGRESS', '2027-02-20')])[0]).toEqual({ kind: 'SURVEILLANCE', dueOn: '2027-03-10', auditId: 'sv1' });
    expect(certified([first, audit('sv2', 'SURVEILLANCE', 'CLOSED', '2028-02-01')]).map((a) => a.kind)).toEqual(['RECERTIFICATION']);
    expect(certified([first, audit('sv2', 'SURVEILLANCE', 'CLOSED', '2028-02-01'), audit('rc', 'RECERTIFICATION', 'CLOSED', '2028-12-01')])).toEqual([]);
  });

  it('ignores audits from before the decision', () => {
    expect(certified([audit('old', 'SURVEILLANCE', 'CLOSED', '2025-03-01')])).toHaveLength(3);
  });

  it('keeps an overdue audit of the cycle listed', () => {
    const late = nextAudits({ ...input({ today: '2027-06-01', certificate }), lastDecisionOn: '2026-03-10' });
    expect(late[0]).toEqual({ kind: 'SURVEILLANCE', dueOn: '2027-03-10', auditId: null });
  });

  it('asks for stage 1 then stage 2 when not certified', () => {
    expect(nextAudits({ ...input({}), lastDecisionOn: null })).toEqual([
      { kind: 'STAGE1', dueOn: TODAY, auditId: null },
      { kind: 'STAGE2', dueOn: TODAY, auditId: null },
    ]);
    const planned = [audit('s1', 'STAGE1', 'PLANNED', '2027-01-10'), audit('s2', 'STAGE2', 'PLANNED', '2027-02-15')];
    expect(nextAudits({ ...input({ audits: planned }), lastDecisionOn: null })).toEqual([
      { kind: 'STAGE1', dueOn: '2027-01-10', auditId: 's1' },
      { kind: 'STAGE2', dueOn: '2027-02-15', auditId: 's2' },
    ]);
  });

  it('drops a stage once done: stage 1 closed, stage 2 reported and not refused', () => {
    expect(nextAudits({ ...input({ audits: STAGES }), lastDecisionOn: null })).toEqual([{ kind: 'STAGE2', dueOn: '2026-11-20', auditId: 'aud_s2' }]);
    expect(nextAudits({ ...input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'REPORTING')] }), lastDecisionOn: null })).toEqual([]);
    const refused = input({ audits: [STAGES[0]!, audit('aud_s2', 'STAGE2', 'CLOSED')], decisions: [{ auditId: 'aud_s2', decision: 'REFUSED', decidedOn: '2026-11-01' }] });
    expect(nextAudits({ ...refused, lastDecisionOn: '2026-11-01' })).toEqual([{ kind: 'STAGE2', dueOn: TODAY, auditId: null }]);
  });

  it('starts over after the certificate expired', () => {
    const expired = input({ certificate: { issuedOn: '2023-01-10', expiresOn: '2026-01-10' }, audits: [audit('s1', 'STAGE1', 'CLOSED', '2022-10-01'), audit('s2', 'STAGE2', 'CLOSED', '2022-12-01')] });
    expect(nextAudits({ ...expired, lastDecisionOn: '2023-01-10' }).map((a) => a.kind)).toEqual(['STAGE1', 'STAGE2']);
  });
});

describe('internal audit programme coverage', () => {
  type ProgrammeAudit = Parameters<typeof auditProgrammeCoverage>[1][number];
  const internal = (id: string, endDate: string, scopeRefs: string[], status: AuditStatus = 'CLOSED', kind: AuditKind = 'INTERNAL'): ProgrammeAudit => ({ id, kind, status, endDate, scopeRefs });

  it('covers a reference with the scope refs at or above it', () => {
    expect(scopeCovers('A.5', 'A.5.1')).toBe(true);
    expect(scopeCovers('A.5', 'A.5.15')).toBe(true);
    expect(scopeCovers('A.5.1', 'A.5.1')).toBe(true);
    expect(scopeCovers('A.5', 'A.50.1')).toBe(false);
    expect(scopeCovers('A.5.1', 'A.5.15')).toBe(false);
    expect(scopeCovers('5', '5.1')).toBe(true);
    expect(scopeCovers('6', '6.1.2')).toBe(true);
    expect(scopeCovers('5', 'A.5.1')).toBe(false);
    expect(scopeCovers('A', 'A.5.1')).toBe(true);
  });

  it('counts internal audits that started and ended in the last 36 months, most recent first', () => {
    const audits = [
      internal('old', '2023-11-27', ['A.5']),
      internal('edge', '2023-11-28', ['A.5.1']),
      internal('recent', '2026-06-30', ['A.5', '5']),
      internal('planned', '2026-12-10', ['A.5'], 'PLANNED'),
      internal('running', '2026-12-10', ['A.8.13'], 'IN_PROGRESS'),
      internal('reporting', '2026-10-01', ['A.8.13'], 'REPORTING'),
      internal('stage2', '2026-10-01', ['A.8'], 'CLOSED', 'STAGE2'),
    ];
    expect(auditProgrammeCoverage(['A.5.1', 'A.5.15', '5.2', 'A.8.13', 'A.8.1', '6.1.2'], audits, TODAY)).toEqual([
      { ref: 'A.5.1', auditIds: ['recent', 'edge'], lastCoveredOn: '2026-06-30', covered: true },
      { ref: 'A.5.15', auditIds: ['recent'], lastCoveredOn: '2026-06-30', covered: true },
      { ref: '5.2', auditIds: ['recent'], lastCoveredOn: '2026-06-30', covered: true },
      { ref: 'A.8.13', auditIds: ['running', 'reporting'], lastCoveredOn: '2026-12-10', covered: true },
      { ref: 'A.8.1', auditIds: [], lastCoveredOn: null, covered: false },
      { ref: '6.1.2', auditIds: [], lastCoveredOn: null, covered: false },
    ]);
  });

  it('lists an audit once even when several of its scope refs cover the reference', () => {
    expect(auditProgrammeCoverage(['A.5.1'], [internal('a', '2026-01-01', ['A.5', 'A.5.1'])], TODAY)[0]!.auditIds).toEqual(['a']);
    expect(auditProgrammeCoverage([], [internal('a', '2026-01-01', ['A.5'])], TODAY)).toEqual([]);
  });
});

describe('stage 1 readiness', () => {
  const ready = { today: '2026-11-28', missingMandatory: [], soaApproved: true, untreatedRisks: 0, unacceptedRisks: 0, lastInternalAuditOn: '2026-08-28', consistencyErrors: 0 };
  it('is ready when nothing stands in the way', () => {
    expect(stage1Blockers(ready)).toEqual([]);
  });
  it('names every cause', () => {
    const codes = stage1Blockers({
      today: '2026-11-28',
      missingMandatory: [{ ref: 'MD-4.3', title: 'Scope of the ISMS' }],
      soaApproved: false,
      untreatedRisks: 2,
      unacceptedRisks: 1,
      lastInternalAuditOn: '2025-10-01',
      lastManagementReviewOn: null,
      consistencyErrors: 3,
    }).map((b) => b.code);
    expect(codes).toEqual(['MANDATORY_DOCUMENT_MISSING', 'SOA_NOT_APPROVED', 'RISK_TREATMENT_INCOMPLETE', 'RISK_ACCEPTANCE_MISSING', 'NO_RECENT_INTERNAL_AUDIT', 'NO_RECENT_MANAGEMENT_REVIEW', 'CONSISTENCY_ERRORS']);
  });
  it('counts an internal audit exactly 12 months old, and skips management reviews while they are not tracked', () => {
    expect(stage1Blockers({ ...ready, lastInternalAuditOn: '2025-11-28' })).toEqual([]);
    expect(stage1Blockers({ ...ready, lastInternalAuditOn: '2025-11-27' }).map((b) => b.code)).toEqual(['NO_RECENT_INTERNAL_AUDIT']);
    expect(stage1Blockers({ ...ready, lastManagementReviewOn: undefined })).toEqual([]);
  });
});
