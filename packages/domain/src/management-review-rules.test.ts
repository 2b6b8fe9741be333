import { describe, expect, it } from 'vitest';
import {
  MANAGEMENT_REVIEW_INPUTS,
  canPreparePack,
  canRecordMeeting,
  canSubmitForSignOff,
  managementReviewLock,
  managementReviewStatus,
  missingManagementReviewInputs,
  nextManagementReviewDue,
  quarterOf,
  recentQuarters,
  reviewPeriodStart,
  statusAfterMeeting,
} from './management-review-rules.js';

describe('management review status', () => {
  it('derives SIGNED from an approved sign-off, and HELD again from a rejected or withdrawn one', () => {
    expect(managementReviewStatus('PLANNED', null)).toBe('PLANNED');
    expect(managementReviewStatus('HELD', 'REJECTED')).toBe('HELD');
    expect(managementReviewStatus('SUBMITTED', 'PENDING')).toBe('SUBMITTED');
    expect(managementReviewStatus('SUBMITTED', 'APPROVED')).toBe('SIGNED');
    expect(managementReviewStatus('SUBMITTED', 'REJECTED')).toBe('HELD');
    expect(managementReviewStatus('SUBMITTED', 'CANCELLED')).toBe('HELD');
    expect(managementReviewStatus('SUBMITTED', 'INVALIDATED')).toBe('HELD');
    expect(managementReviewStatus('SUBMITTED', null)).toBe('HELD');
  });

  it('moves forward only: pack, meeting, sign-off; frozen once signed', () => {
    expect(canPreparePack('PLANNED')).toBe(true);
    expect(canPreparePack('HELD')).toBe(true);
    expect(canPreparePack('SUBMITTED')).toBe(false);
    expect(canPreparePack('SIGNED')).toBe(false);
    expect(canRecordMeeting('PLANNED')).toBe(false);
    expect(canRecordMeeting('PACK_PREPARED')).toBe(true);
    expect(canSubmitForSignOff('PACK_PREPARED')).toBe(false);
    expect(canSubmitForSignOff('HELD')).toBe(true);
    expect(canSubmitForSignOff('SIGNED')).toBe(false);
    expect(statusAfterMeeting('PACK_PREPARED', '2027-01-10')).toBe('HELD');
    expect(statusAfterMeeting('PACK_PREPARED', null)).toBe('PACK_PREPARED');
    expect(statusAfterMeeting('HELD', null)).toBe('PACK_PREPARED');
    expect(statusAfterMeeting('PLANNED', '2027-01-10')).toBe('PLANNED');
    expect(managementReviewLock('SIGNED')).toBe('FROZEN');
    expect(managementReviewLock('SUBMITTED')).toBe('AWAITING_SIGN_OFF');
    expect(managementReviewLock('HELD')).toBeNull();
  });
});

describe('clause 9.3.2 inputs', () => {
  it('lists every input of the clause once, a to g', () => {
    expect(MANAGEMENT_REVIEW_INPUTS.map((i) => i.key)).toEqual([
      'PREVIOUS_ACTIONS',
      'CONTEXT_CHANGES',
      'NONCONFORMITIES',
      'MONITORING',
      'AUDIT_RESULTS',
      'OBJECTIVES',
      'INTERESTED_PARTY_FEEDBACK',
      'RISKS',
      'IMPROVEMENTS',
    ]);
    expect(MANAGEMENT_REVIEW_INPUTS.filter((i) => i.source === 'ENTERED').map((i) => i.key)).toEqual(['CONTEXT_CHANGES', 'INTERESTED_PARTY_FEEDBACK']);
  });

  it('names the inputs still empty: computed ones until the pack exists, entered ones while blank', () => {
    expect(missingManagementReviewInputs({ packPrepared: false, contextChanges: '', interestedPartyFeedback: '' })).toHaveLength(9);
    expect(missingManagementReviewInputs({ packPrepared: true, contextChanges: '  ', interestedPartyFeedback: 'Customers asked for SOC 2.' })).toEqual(['CONTEXT_CHANGES']);
    expect(missingManagementReviewInputs({ packPrepared: true, contextChanges: 'New office.', interestedPartyFeedback: 'None received.' })).toEqual([]);
  });
});

describe('periods and quarters', () => {
  it('names quarters and the last few of them', () => {
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(quarterOf('2027-06-30')).toBe('2027-Q2');
    expect(quarterOf('2027-12-31')).toBe('2027-Q4');
    expect(recentQuarters('2027-02-15', 4)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(recentQuarters('2027-05-31', 2)).toEqual(['2027-Q1', '2027-Q2']);
  });

  it('starts the period at the previous review, or a year back', () => {
    expect(reviewPeriodStart(null, '2027-03-15')).toBe('2026-03-15');
    expect(reviewPeriodStart({ heldOn: '2026-09-01', scheduledOn: '2026-08-30' }, '2027-03-15')).toBe('2026-09-01');
    expect(reviewPeriodStart({ heldOn: null, scheduledOn: '2026-08-30' }, '2027-03-15')).toBe('2026-08-30');
    expect(nextManagementReviewDue('2026-09-01', '2027-03-15')).toBe('2027-09-01');
    expect(nextManagementReviewDue(null, '2027-03-15')).toBe('2027-03-15');
  });
});
