import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.js';
import {
  TRAINING_NOTICE_DAYS,
  isTrainingCurrent,
  isTrainingLate,
  isWebUrl,
  joinerDueDate,
  normalizeRoles,
  trainingCoverage,
  trainingCoverageBy,
  trainingExpiry,
  trainingNextDueOn,
  trainingReminderKey,
  trainingStatus,
  type TrainingStatus,
} from './training-rules.js';

const today = '2026-11-28';

describe('training status from dates', () => {
  it('is to do before the notice period, due soon within it, overdue the day after the due date', () => {
    expect(trainingStatus({ dueDate: '2027-01-31', completedOn: null, expiresOn: null }, today)).toBe('ASSIGNED');
    expect(trainingStatus({ dueDate: '2026-12-12', completedOn: null, expiresOn: null }, today)).toBe('DUE_SOON'); // exactly 14 days
    expect(trainingStatus({ dueDate: '2026-12-13', completedOn: null, expiresOn: null }, today)).toBe('ASSIGNED');
    expect(trainingStatus({ dueDate: today, completedOn: null, expiresOn: null }, today)).toBe('DUE_SOON');
    expect(trainingStatus({ dueDate: '2026-11-27', completedOn: null, expiresOn: null }, today)).toBe('OVERDUE');
  });

  it('counts a completion until the day before it expires, warning within the notice period', () => {
    expect(trainingStatus({ dueDate: '2026-01-01', completedOn: '2026-06-01', expiresOn: '2027-06-01' }, today)).toBe('COMPLETED');
    expect(trainingStatus({ dueDate: '2026-01-01', completedOn: '2025-12-05', expiresOn: '2026-12-05' }, today)).toBe('EXPIRING_SOON');
    expect(trainingStatus({ dueDate: '2026-01-01', completedOn: '2025-11-28', expiresOn: today }, today)).toBe('EXPIRED');
    expect(trainingStatus({ dueDate: '2026-01-01', completedOn: '2024-01-10', expiresOn: '2025-01-10' }, today)).toBe('EXPIRED');
    // A one-off course never expires, even when completed after its due date.
    expect(trainingStatus({ dueDate: '2020-01-01', completedOn: '2021-03-01', expiresOn: null }, today)).toBe('COMPLETED');
  });

  it('takes a shorter notice period when asked', () => {
    expect(trainingStatus({ dueDate: '2026-12-05', completedOn: null, expiresOn: null }, today, 3)).toBe('ASSIGNED');
    expect(trainingStatus({ dueDate: '2026-12-01', completedOn: null, expiresOn: null }, today, 3)).toBe('DUE_SOON');
    expect(TRAINING_NOTICE_DAYS).toBe(14);
  });

  it('computes the expiry from the refresher interval', () => {
    expect(trainingExpiry('2026-01-31', 12)).toBe('2027-01-31');
    expect(trainingExpiry('2026-01-31', 1)).toBe('2026-02-28');
    expect(trainingExpiry('2026-01-31', null)).toBeNull();
  });

  it('names the next due date: the assignment before a completion, the expiry after', () => {
    expect(trainingNextDueOn({ dueDate: '2026-12-01', completedOn: null, expiresOn: null })).toBe('2026-12-01');
    expect(trainingNextDueOn({ dueDate: '2026-12-01', completedOn: '2026-11-01', expiresOn: '2027-11-01' })).toBe('2027-11-01');
    expect(trainingNextDueOn({ dueDate: '2026-12-01', completedOn: '2026-11-01', expiresOn: null })).toBeNull();
  });

  it('classifies current and late statuses', () => {
    expect((['COMPLETED', 'EXPIRING_SOON'] as TrainingStatus[]).every(isTrainingCurrent)).toBe(true);
    expect((['ASSIGNED', 'DUE_SOON', 'OVERDUE', 'EXPIRED'] as TrainingStatus[]).some(isTrainingCurrent)).toBe(false);
    expect((['OVERDUE', 'EXPIRED'] as TrainingStatus[]).every(isTrainingLate)).toBe(true);
    expect((['ASSIGNED', 'DUE_SOON', 'COMPLETED', 'EXPIRING_SOON'] as TrainingStatus[]).some(isTrainingLate)).toBe(false);
  });
});

describe('reminders', () => {
  it('gives one key per state and date, none when nothing is due', () => {
    const todo = { dueDate: '2026-12-01', completedOn: null, expiresOn: null };
    expect(trainingReminderKey('ASSIGNED', todo)).toBeNull();
    expect(trainingReminderKey('DUE_SOON', todo)).toBe('DUE_SOON:2026-12-01');
    expect(trainingReminderKey('OVERDUE', todo)).toBe('OVERDUE:2026-12-01');
    const done = { dueDate: '2026-01-01', completedOn: '2025-12-05', expiresOn: '2026-12-05' };
    expect(trainingReminderKey('COMPLETED', done)).toBeNull();
    expect(trainingReminderKey('EXPIRING_SOON', done)).toBe('EXPIRING_SOON:2026-12-05');
    expect(trainingReminderKey('EXPIRED', done)).toBe('EXPIRED:2026-12-05');
    // A new due date is a new state: it is reminded again.
    expect(trainingReminderKey('OVERDUE', { ...todo, dueDate: '2026-11-20' })).not.toBe(trainingReminderKey('OVERDUE', todo));
  });
});

describe('new joiners', () => {
  it('get the role’s due date, but never less than 30 days', () => {
    expect(joinerDueDate('2027-03-01', today)).toBe('2027-03-01');
    expect(joinerDueDate('2026-12-01', today)).toBe('2026-12-28');
    expect(joinerDueDate('2026-01-01', today)).toBe('2026-12-28');
  });
});

describe('coverage', () => {
  it('counts assigned, current, overdue, expired and due soon, with the ratio', () => {
    const statuses: TrainingStatus[] = ['COMPLETED', 'EXPIRING_SOON', 'EXPIRED', 'OVERDUE', 'DUE_SOON', 'ASSIGNED', 'COMPLETED', 'COMPLETED'];
    expect(trainingCoverage(statuses)).toEqual({ assigned: 8, current: 4, overdue: 2, expired: 1, dueSoon: 2, ratio: 0.5 });
  });

  it('has no ratio when nothing is assigned', () => {
    expect(trainingCoverage([])).toEqual({ assigned: 0, current: 0, overdue: 0, expired: 0, dueSoon: 0, ratio: null });
  });

  it('groups by course or role', () => {
    const grouped = trainingCoverageBy([
      { key: 'EMPLOYEE', status: 'COMPLETED' as const },
      { key: 'CONTRIBUTOR', status: 'OVERDUE' as const },
      { key: 'EMPLOYEE', status: 'EXPIRED' as const },
    ]);
    expect([...grouped.keys()]).toEqual(['EMPLOYEE', 'CONTRIBUTOR']);
    expect(grouped.get('EMPLOYEE')).toMatchObject({ assigned: 2, current: 1, overdue: 1, ratio: 0.5 });
    expect(grouped.get('CONTRIBUTOR')).toMatchObject({ assigned: 1, current: 0, overdue: 1, ratio: 0 });
  });
});

describe('inputs', () => {
  it('keeps each role once, in the canonical order', () => {
    expect(normalizeRoles(['EMPLOYEE', 'OWNER', 'EMPLOYEE'], ROLES)).toEqual(['OWNER', 'EMPLOYEE']);
  });

  it('accepts web addresses only', () => {
    expect(isWebUrl('https://learn.example.com/course/1')).toBe(true);
    expect(isWebUrl('http://intranet/awareness')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('ftp://files.example.com/x')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
  });
});
