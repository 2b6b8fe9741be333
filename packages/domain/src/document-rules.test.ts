import { describe, expect, it } from 'vitest';
import {
  acknowledgementCoverage,
  addMonths,
  canEditDocument,
  consistencyIssues,
  documentStatus,
  isReviewDueSoon,
  isReviewOverdue,
  mandatoryDocumentStatus,
  nextVersionNumber,
  publicationNeedsAcknowledgement,
  versionStatus,
  type ConsistencyInput,
  type DocumentStanding,
} from './document-rules.js';

describe('document versions', () => {
  it('numbers major and minor versions, never reusing a number', () => {
    expect(nextVersionNumber([], true)).toEqual({ major: 1, minor: 0 });
    expect(nextVersionNumber([], false)).toEqual({ major: 0, minor: 1 });
    expect(nextVersionNumber([{ major: 1, minor: 0 }], false)).toEqual({ major: 1, minor: 1 });
    expect(nextVersionNumber([{ major: 1, minor: 0 }, { major: 1, minor: 3 }], true)).toEqual({ major: 2, minor: 0 });
    // A rejected 1.1 still counts: the next minor is 1.2.
    expect(nextVersionNumber([{ major: 1, minor: 1 }, { major: 1, minor: 0 }], false)).toEqual({ major: 1, minor: 2 });
  });

  it('derives a version status from its lifecycle and its approval', () => {
    expect(versionStatus('SUBMITTED', 'PENDING')).toBe('PENDING_APPROVAL');
    expect(versionStatus('SUBMITTED', 'APPROVED')).toBe('APPROVED');
    expect(versionStatus('SUBMITTED', 'REJECTED')).toBe('REJECTED');
    expect(versionStatus('SUBMITTED', 'INVALIDATED')).toBe('WITHDRAWN');
    expect(versionStatus('SUBMITTED', 'CANCELLED')).toBe('WITHDRAWN');
    expect(versionStatus('PUBLISHED', 'APPROVED')).toBe('PUBLISHED');
    expect(versionStatus('SUPERSEDED', 'APPROVED')).toBe('SUPERSEDED');
  });

  it('gives a document the furthest pending step, else published, else draft', () => {
    expect(documentStatus([])).toBe('DRAFT');
    expect(documentStatus(['REJECTED', 'WITHDRAWN'])).toBe('DRAFT');
    expect(documentStatus(['PUBLISHED'])).toBe('PUBLISHED');
    expect(documentStatus(['APPROVED', 'PUBLISHED'])).toBe('APPROVED');
    expect(documentStatus(['PENDING_APPROVAL', 'PUBLISHED', 'SUPERSEDED'])).toBe('IN_REVIEW');
  });
});

describe('review cycle', () => {
  it('adds months keeping the day where the month has it', () => {
    expect(addMonths('2026-11-28', 12)).toBe('2027-11-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
  });

  it('is overdue the day after the review date and due soon within 30 days', () => {
    expect(isReviewOverdue('2026-11-27', '2026-11-28')).toBe(true);
    expect(isReviewOverdue('2026-11-28', '2026-11-28')).toBe(false);
    expect(isReviewOverdue(null, '2026-11-28')).toBe(false);
    expect(isReviewDueSoon('2026-12-20', '2026-11-28')).toBe(true);
    expect(isReviewDueSoon('2027-01-20', '2026-11-28')).toBe(false);
  });
});

describe('acknowledgement', () => {
  it('asks again for a first publication and a new major version only', () => {
    expect(publicationNeedsAcknowledgement(null, { major: 1, minor: 0 })).toBe(true);
    expect(publicationNeedsAcknowledgement({ major: 1, minor: 0 }, { major: 1, minor: 1 })).toBe(false);
    expect(publicationNeedsAcknowledgement({ major: 1, minor: 4 }, { major: 2, minor: 0 })).toBe(true);
    expect(publicationNeedsAcknowledgement(null, { major: 0, minor: 1 })).toBe(true);
  });

  it('counts coverage over the audience, in total and per role', () => {
    const members = [
      { role: 'EMPLOYEE' as const, acknowledged: true },
      { role: 'EMPLOYEE' as const, acknowledged: true },
      { role: 'EMPLOYEE' as const, acknowledged: false },
      { role: 'CONTRIBUTOR' as const, acknowledged: false },
      { role: 'AUDITOR' as const, acknowledged: false },
    ];
    const everyone = acknowledgementCoverage(members, []);
    expect(everyone.total).toEqual({ required: 5, acknowledged: 2, percent: 40 });
    const staff = acknowledgementCoverage(members, ['EMPLOYEE']);
    expect(staff.total).toEqual({ required: 3, acknowledged: 2, percent: 66.7 });
    expect(staff.byRole).toEqual([{ role: 'EMPLOYEE', required: 3, acknowledged: 2, percent: 66.7 }]);
    expect(acknowledgementCoverage([], []).total.percent).toBe(100);
  });

  it('lets admins edit any document, contributors their own or those they have a task on, others none', () => {
    const doc = { ownerId: 'u1', createdById: 'u2' };
    expect(canEditDocument('ISMS_MANAGER', 'x', doc, false)).toBe(true);
    expect(canEditDocument('CONTRIBUTOR', 'u1', doc, false)).toBe(true);
    expect(canEditDocument('CONTRIBUTOR', 'u2', doc, false)).toBe(true);
    expect(canEditDocument('CONTRIBUTOR', 'u3', doc, false)).toBe(false);
    expect(canEditDocument('CONTRIBUTOR', 'u3', doc, true)).toBe(true);
    expect(canEditDocument('MANAGEMENT', 'u1', doc, true)).toBe(false);
    expect(canEditDocument('EMPLOYEE', 'u1', doc, true)).toBe(false);
  });
});

const TODAY = '2026-11-28';
const standing = (over: Partial<DocumentStanding>): DocumentStanding => ({
  id: 'doc_1',
  title: 'Policy',
  mandatoryRefs: [],
  controlRefs: [],
  published: true,
  approvalValid: true,
  nextReviewOn: '2027-06-01',
  ...over,
});
const base = (over: Partial<ConsistencyInput>): ConsistencyInput => ({
  today: TODAY,
  knownControlRefs: new Set(['A.5.1', 'A.5.15', 'A.8.7', 'A.8.13']),
  mandatory: [],
  documents: [],
  soa: [],
  treatments: [],
  ...over,
});

describe('mandatory documents', () => {
  it('are satisfied only by a published, approved document within its review date', () => {
    const requirements = [{ ref: 'MD-5.2', title: 'Information security policy' }];
    const check = (doc: Partial<DocumentStanding>) => mandatoryDocumentStatus(requirements, [standing({ mandatoryRefs: ['MD-5.2'], ...doc })], TODAY)[0]!;
    expect(check({})).toEqual({ ref: 'MD-5.2', title: 'Information security policy', satisfied: true, documentIds: ['doc_1'], keptIn: null });
    expect(check({ published: false }).satisfied).toBe(false);
    expect(check({ approvalValid: false }).satisfied).toBe(false);
    expect(check({ nextReviewOn: '2026-11-01' }).satisfied).toBe(false);
    expect(check({ mandatoryRefs: [] })).toMatchObject({ satisfied: false, documentIds: [] });
    // One good document among several is enough.
    expect(mandatoryDocumentStatus(requirements, [standing({ id: 'a', mandatoryRefs: ['MD-5.2'], published: false }), standing({ id: 'b', mandatoryRefs: ['MD-5.2'] })], TODAY)[0]!.satisfied).toBe(true);
  });

  it('records Annex keeps itself satisfy their requirement without a document', () => {
    const requirements = [{ ref: 'MD-9.2.2', title: 'Internal audit programme and audit results' }];
    const kept = new Map([['MD-9.2.2', 'Audits: the internal audit programme and reports']]);
    expect(mandatoryDocumentStatus(requirements, [], TODAY, kept)[0]).toEqual({ ref: 'MD-9.2.2', title: 'Internal audit programme and audit results', satisfied: true, documentIds: [], keptIn: 'Audits: the internal audit programme and reports' });
    expect(mandatoryDocumentStatus(requirements, [], TODAY)[0]!.satisfied).toBe(false);
    const issues = consistencyIssues({ today: TODAY, knownControlRefs: new Set(), mandatory: requirements, documents: [], soa: [], treatments: [], keptRecords: kept });
    expect(issues.filter((i) => i.code === 'MANDATORY_DOCUMENT_MISSING')).toEqual([]);
  });
});

describe('consistency rules', () => {
  const codes = (input: ConsistencyInput) => consistencyIssues(input).map((i) => i.code);

  it('finds nothing in consistent data', () => {
    expect(
      consistencyIssues(
        base({
          mandatory: [{ ref: 'MD-5.2', title: 'Policy' }],
          documents: [standing({ mandatoryRefs: ['MD-5.2'], controlRefs: ['A.5.1'] })],
          soa: [{ id: 'soe_1', controlRef: 'A.5.1', applicable: true }],
          treatments: [{ riskId: 'rsk_1', title: 'Risk', controlRefs: ['A.5.1'] }],
        }),
      ),
    ).toEqual([]);
  });

  it('flags a missing mandatory document', () => {
    const issues = consistencyIssues(base({ mandatory: [{ ref: 'MD-4.3', title: 'Scope' }] }));
    expect(issues).toEqual([{ code: 'MANDATORY_DOCUMENT_MISSING', severity: 'ERROR', message: expect.stringContaining('MD-4.3'), subjectIds: [], ref: 'MD-4.3' }]);
  });

  it('flags a published document whose approval lapsed', () => {
    expect(codes(base({ documents: [standing({ approvalValid: false })] }))).toEqual(['APPROVAL_LAPSED']);
    expect(codes(base({ documents: [standing({ approvalValid: false, published: false })] }))).toEqual([]);
  });

  it('flags a published document past its review date', () => {
    expect(consistencyIssues(base({ documents: [standing({ nextReviewOn: '2026-11-27' })] }))).toEqual([
      expect.objectContaining({ code: 'REVIEW_OVERDUE', severity: 'WARNING', subjectIds: ['doc_1'] }),
    ]);
  });

  it('flags a control reference that is not in the catalogue', () => {
    expect(consistencyIssues(base({ documents: [standing({ controlRefs: ['A.5.1', 'A.99.1'] })] }))).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_CONTROL_REFERENCE', severity: 'ERROR', ref: 'A.99.1' }),
    ]);
  });

  it('flags an excluded control that a risk treatment relies on, naming the risk and the SoA entry', () => {
    const issues = consistencyIssues(
      base({ soa: [{ id: 'soe_7', controlRef: 'A.8.7', applicable: false }], treatments: [{ riskId: 'rsk_9', title: 'Ransomware', controlRefs: ['A.8.7'] }] }),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'EXCLUDED_CONTROL_RELIED_ON', severity: 'ERROR', subjectIds: ['rsk_9', 'soe_7'], ref: 'A.8.7' })]);
  });

  it('flags an applicable control that no published document or evidence addresses', () => {
    const soa = [{ id: 'soe_13', controlRef: 'A.8.13', applicable: true }];
    expect(codes(base({ soa }))).toEqual(['APPLICABLE_CONTROL_UNDOCUMENTED']);
    expect(codes(base({ soa, documents: [standing({ controlRefs: ['A.8.13'], published: false })] }))).toEqual(['APPLICABLE_CONTROL_UNDOCUMENTED']);
    expect(codes(base({ soa, documents: [standing({ controlRefs: ['A.8.13'] })] }))).toEqual([]);
    expect(codes(base({ soa, evidencedControlRefs: new Set(['A.8.13']) }))).toEqual([]);
    // Undecided entries are the SoA's own incompleteness, not a contradiction.
    expect(codes(base({ soa: [{ id: 'soe_13', controlRef: 'A.8.13', applicable: null }] }))).toEqual([]);
  });

  it('lists errors before warnings', () => {
    const issues = consistencyIssues(
      base({
        mandatory: [{ ref: 'MD-4.3', title: 'Scope' }],
        documents: [standing({ nextReviewOn: '2026-01-01' })],
        soa: [{ id: 'soe_13', controlRef: 'A.8.13', applicable: true }],
      }),
    );
    expect(issues.map((i) => i.severity)).toEqual(['ERROR', 'WARNING', 'WARNING']);
  });
});
