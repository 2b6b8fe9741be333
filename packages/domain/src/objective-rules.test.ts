import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  indicatorState,
  indicatorTrend,
  isMeasurementDue,
  isOnTarget,
  nextMeasurementDueOn,
  objectiveAchieved,
  objectiveStatus,
  objectiveStatusReason,
} from './objective-rules.js';

describe('indicators', () => {
  it('are on target by direction, the target itself included', () => {
    expect(isOnTarget(5, 5, 'AT_MOST')).toBe(true);
    expect(isOnTarget(5.1, 5, 'AT_MOST')).toBe(false);
    expect(isOnTarget(95, 95, 'AT_LEAST')).toBe(true);
    expect(isOnTarget(94.9, 95, 'AT_LEAST')).toBe(false);
    expect(isOnTarget(0, 0, 'AT_MOST')).toBe(true);
  });

  it('fall due one period after the last measurement, or from creation when never measured', () => {
    expect(addPeriod('2026-01-31', 'MONTHLY')).toBe('2026-02-28');
    expect(addPeriod('2026-01-15', 'QUARTERLY')).toBe('2026-04-15');
    expect(addPeriod('2026-01-15', 'HALF_YEARLY')).toBe('2026-07-15');
    expect(addPeriod('2026-01-15', 'YEARLY')).toBe('2027-01-15');
    expect(addPeriod('2026-01-15', 'WEEKLY')).toBe('2026-01-22');
    const monthly = { frequency: 'MONTHLY' as const, lastMeasuredOn: '2026-03-10', createdOn: '2025-01-01' };
    expect(nextMeasurementDueOn(monthly)).toBe('2026-04-10');
    expect(isMeasurementDue(monthly, '2026-04-09')).toBe(false);
    expect(isMeasurementDue(monthly, '2026-04-10')).toBe(true);
    const fresh = { frequency: 'QUARTERLY' as const, lastMeasuredOn: null, createdOn: '2026-05-01' };
    expect(nextMeasurementDueOn(fresh)).toBe('2026-05-01');
    expect(isMeasurementDue(fresh, '2026-05-01')).toBe(true);
  });

  it('trend towards or away from the good side, or stay stable', () => {
    expect(indicatorTrend([12, 10, 9, 7, 6, 4], 'AT_MOST', 5)).toBe('IMPROVING');
    expect(indicatorTrend([4, 6, 7, 9], 'AT_MOST', 5)).toBe('WORSENING');
    expect(indicatorTrend([80, 85, 90, 93], 'AT_LEAST', 95)).toBe('IMPROVING');
    expect(indicatorTrend([95, 95.5, 95, 95.2], 'AT_LEAST', 95)).toBe('STABLE');
    expect(indicatorTrend([3], 'AT_MOST', 5)).toBe('INSUFFICIENT_DATA');
    expect(indicatorTrend([], 'AT_MOST', 5)).toBe('INSUFFICIENT_DATA');
    // Only the latest six count: an old spike does not hide a recent rise.
    expect(indicatorTrend([50, 1, 1, 2, 3, 4, 5], 'AT_MOST', 5)).toBe('WORSENING');
    // A target of 0: judged against the values' own scale.
    expect(indicatorTrend([0, 0, 0, 0], 'AT_MOST', 0)).toBe('STABLE');
    expect(indicatorTrend([0, 1, 2, 3], 'AT_MOST', 0)).toBe('WORSENING');
  });

  it('derive their whole state from unordered measurements', () => {
    const state = indicatorState(
      { target: 5, direction: 'AT_MOST', frequency: 'MONTHLY', createdOn: '2025-01-01' },
      [
        { value: 7, measuredOn: '2026-03-01' },
        { value: 9, measuredOn: '2026-01-01' },
        { value: 8, measuredOn: '2026-02-01' },
      ],
      '2026-03-15',
    );
    expect(state).toEqual({ lastValue: 7, lastMeasuredOn: '2026-03-01', onTarget: false, nextMeasurementDueOn: '2026-04-01', measurementDue: false, trend: 'IMPROVING' });
    const never = indicatorState({ target: 95, direction: 'AT_LEAST', frequency: 'QUARTERLY', createdOn: '2026-03-01' }, [], '2026-03-15');
    expect(never).toMatchObject({ lastValue: null, onTarget: null, measurementDue: true, trend: 'INSUFFICIENT_DATA' });
  });
});

describe('objectives', () => {
  const on = { onTarget: true };
  const off = { onTarget: false };
  const unmeasured = { onTarget: null };
  const today = '2026-06-01';

  it('are planned until measured, then on track or at risk', () => {
    expect(objectiveStatus({ outcome: null, targetDate: '2026-12-31', indicators: [] }, today)).toBe('PLANNED');
    expect(objectiveStatus({ outcome: null, targetDate: '2026-12-31', indicators: [unmeasured] }, today)).toBe('PLANNED');
    expect(objectiveStatus({ outcome: null, targetDate: '2026-12-31', indicators: [on, unmeasured] }, today)).toBe('ON_TRACK');
    expect(objectiveStatus({ outcome: null, targetDate: '2026-12-31', indicators: [on, off] }, today)).toBe('AT_RISK');
    expect(objectiveStatus({ outcome: null, targetDate: today, indicators: [on] }, today)).toBe('ON_TRACK'); // the target day itself is still open
  });

  it('are achieved or missed once the target date has passed, and a manager’s closing wins', () => {
    expect(objectiveStatus({ outcome: null, targetDate: '2026-05-31', indicators: [on, on] }, today)).toBe('ACHIEVED');
    expect(objectiveStatus({ outcome: null, targetDate: '2026-05-31', indicators: [on, off] }, today)).toBe('MISSED');
    expect(objectiveStatus({ outcome: null, targetDate: '2026-05-31', indicators: [] }, today)).toBe('MISSED');
    expect(objectiveStatus({ outcome: 'ACHIEVED', targetDate: '2026-05-31', indicators: [off] }, today)).toBe('ACHIEVED');
    expect(objectiveStatus({ outcome: 'CANCELLED', targetDate: '2026-12-31', indicators: [on] }, today)).toBe('CANCELLED');
    expect(objectiveAchieved('ACHIEVED')).toBe(true);
    expect(objectiveAchieved('MISSED')).toBe(false);
    expect(objectiveAchieved('ON_TRACK')).toBeNull();
    expect(objectiveAchieved('CANCELLED')).toBeNull();
  });

  it('explain their status in a sentence', () => {
    const input = { outcome: null, targetDate: '2026-12-31', indicators: [on, off] };
    expect(objectiveStatusReason('AT_RISK', input)).toBe('1 of 2 measured indicators is off target.');
    expect(objectiveStatusReason('ON_TRACK', { ...input, indicators: [on] })).toBe('Its indicator is on target.');
    expect(objectiveStatusReason('PLANNED', { ...input, indicators: [] })).toMatch(/No indicator linked/);
  });
});
