import { describe, expect, it } from 'vitest';
import { nonconformityBurndown, readiness, READINESS_AREAS, READINESS_WEIGHTS, type ReadinessInput } from './readiness-rules.js';

const ready: ReadinessInput = {
  today: '2027-06-30',
  gapScore: 100,
  soa: { controls: 93, decided: 93, approved: true },
  risks: { total: 20, untreated: 0, unaccepted: 0 },
  mandatoryDocuments: { required: 10, missing: [] },
  acknowledgements: { required: 20, done: 20 },
  training: { assigned: 30, current: 30, overdue: 0 },
  lastInternalAuditOn: '2027-03-01',
  lastManagementReviewOn: '2027-04-01',
  nonconformities: { openMajor: 0, openMinor: 0, overdueCorrectiveActions: 0 },
  consistencyErrors: [],
  certificationBlockers: [],
  stage1Closed: true,
};

describe('readiness', () => {
  it('weights add up to 100', () => {
    expect(READINESS_AREAS.reduce((sum, a) => sum + READINESS_WEIGHTS[a], 0)).toBe(100);
  });

  it('a complete ISMS scores 100 and is ready for both stages', () => {
    const r = readiness(ready);
    expect(r.score).toBe(100);
    expect(r.stage1).toEqual({ ready: true, blockers: [] });
    expect(r.stage2).toEqual({ ready: true, blockers: [] });
    expect(r.breakdown.every((b) => b.score === 100)).toBe(true);
  });

  it('an empty organisation scores low and names every stage 1 blocker with a link', () => {
    const r = readiness({
      ...ready,
      gapScore: null,
      soa: { controls: 93, decided: 0, approved: false },
      risks: { total: 0, untreated: 0, unaccepted: 0 },
      mandatoryDocuments: { required: 2, missing: [{ ref: 'MD-5.2', title: 'Information security policy', documentId: null }, { ref: 'MD-4.3', title: 'Scope', documentId: 'doc_1' }] },
      acknowledgements: { required: 0, done: 0 },
      training: { assigned: 0, current: 0, overdue: 0 },
      lastInternalAuditOn: null,
      lastManagementReviewOn: null,
      stage1Closed: false,
    });
    // Only the areas with nothing wrong yet count: no non-conformity, no contradiction.
    expect(r.score).toBe(10);
    expect(r.stage1.ready).toBe(false);
    expect(r.stage1.blockers.map((b) => b.code)).toEqual([
      'MANDATORY_DOCUMENT_MISSING',
      'MANDATORY_DOCUMENT_MISSING',
      'SOA_INCOMPLETE',
      'SOA_NOT_APPROVED',
      'NO_RECENT_INTERNAL_AUDIT',
      'NO_RECENT_MANAGEMENT_REVIEW',
      'NO_RISK_ASSESSMENT',
    ]);
    expect(r.stage1.blockers[0]!.link).toBe('documents');
    expect(r.stage1.blockers[1]!.link).toBe('documents/doc_1');
    expect(r.stage1.blockers.every((b) => b.link !== null && b.message.length > 0)).toBe(true);
    const stage2 = r.stage2.blockers.map((b) => b.code);
    expect(stage2).toContain('STAGE1_NOT_CLOSED');
    expect(stage2).toContain('NO_TRAINING_PROGRAMME');
  });

  it('a management review older than 12 months blocks stage 1 and links to the latest review', () => {
    const r = readiness({ ...ready, lastManagementReviewOn: '2026-06-29', managementReviewId: 'mgr_1' });
    expect(r.stage1.blockers).toEqual([{ code: 'NO_RECENT_MANAGEMENT_REVIEW', message: expect.stringContaining('9.3'), area: 'MANAGEMENT_REVIEW', link: 'management-reviews/mgr_1' }]);
    expect(r.breakdown.find((b) => b.area === 'MANAGEMENT_REVIEW')!.score).toBe(0);
    expect(r.score).toBe(90);
  });

  it('an open major non-conformity blocks stage 2 (not stage 1) and links to its finding', () => {
    const r = readiness({
      ...ready,
      nonconformities: { openMajor: 1, openMinor: 0, overdueCorrectiveActions: 1 },
      certificationBlockers: [{ code: 'OPEN_MAJOR_NONCONFORMITY', message: 'A major non-conformity (A.5.15) is open.', subjectId: 'fnd_1' }],
      auditOfFinding: new Map([['fnd_1', 'aud_1']]),
    });
    expect(r.stage1.ready).toBe(true);
    expect(r.stage2.ready).toBe(false);
    expect(r.stage2.blockers).toEqual([
      { code: 'OPEN_MAJOR_NONCONFORMITY', message: 'A major non-conformity (A.5.15) is open.', area: 'NONCONFORMITIES', link: 'audits/aud_1?tab=findings&finding=fnd_1' },
      { code: 'CORRECTIVE_ACTIONS_OVERDUE', message: '1 corrective action past its due date.', area: 'NONCONFORMITIES', link: 'my-work' },
    ]);
    expect(r.breakdown.find((b) => b.area === 'NONCONFORMITIES')!.score).toBe(40);
  });

  it('low training and acknowledgement coverage block stage 2', () => {
    const r = readiness({ ...ready, training: { assigned: 10, current: 7, overdue: 3 }, acknowledgements: { required: 10, done: 5 } });
    expect(r.stage2.blockers.map((b) => [b.code, b.message])).toEqual([
      ['TRAINING_COVERAGE_LOW', 'Training coverage is 70 % (at least 80 % expected); 3 assignments overdue.'],
      ['ACKNOWLEDGEMENT_COVERAGE_LOW', 'Policies are acknowledged at 50 % (at least 80 % expected).'],
    ]);
    expect(r.breakdown.find((b) => b.area === 'TRAINING')!.score).toBe(70);
  });

  it('consistency errors are stage 1 blockers, each with its record', () => {
    const r = readiness({ ...ready, consistencyErrors: [{ message: 'Risk R relies on excluded control A.8.1.', link: 'risks?risk=rsk_1' }] });
    expect(r.stage1.blockers).toEqual([{ code: 'CONSISTENCY_ERROR', message: 'Risk R relies on excluded control A.8.1.', area: 'CONSISTENCY', link: 'risks?risk=rsk_1' }]);
  });
});

describe('nonconformityBurndown', () => {
  it('counts findings open at the end of each week, and those past due', () => {
    const series = nonconformityBurndown(
      [
        { raisedOn: '2027-06-01', closedOn: '2027-06-20', dueDate: '2027-06-10' },
        { raisedOn: '2027-06-15', closedOn: null, dueDate: '2027-09-15' },
      ],
      '2027-06-30',
      4,
    );
    expect(series).toEqual([
      { weekEnding: '2027-06-09', open: 1, overdue: 0 },
      { weekEnding: '2027-06-16', open: 2, overdue: 1 },
      { weekEnding: '2027-06-23', open: 1, overdue: 0 },
      { weekEnding: '2027-06-30', open: 1, overdue: 0 },
    ]);
  });
});
