import { describe, expect, it } from 'vitest';
import { buildCycle, type CycleStep } from './certification-cycle';
import type { CertificateRow, CycleAuditRow, DecisionRow, NextAuditRow } from './certification-operations';

const TODAY = '2026-03-10';
const audit = (id: string, kind: CycleAuditRow['kind'], status: CycleAuditRow['status'], startDate: string, endDate = startDate): CycleAuditRow => ({ id, title: id, kind, status, startDate, endDate });
const certificate = (issuedOn: string, expiresOn: string): CertificateRow => ({ id: 'crt_1', issuedOn, expiresOn, certificationBody: 'Body', certificateNumber: 'ISMS-1', scope: 'All' });
const granted = (decidedOn: string, auditId: string | null): DecisionRow => ({ id: `dec_${decidedOn}`, decision: 'GRANTED', decidedOn, audit: auditId ? { id: auditId } : null });

function cycle(input: { audits: CycleAuditRow[]; decisions?: DecisionRow[]; certificate?: CertificateRow | null; nextAudits?: NextAuditRow[]; today?: string }) {
  return buildCycle({ decisions: [], certificate: null, nextAudits: [], today: TODAY, ...input });
}
const byKey = (steps: CycleStep[]) => Object.fromEntries(steps.map((s) => [s.key, s]));

describe('the certification cycle timeline', () => {
  it('shows a stage 2 that starts after the certificate date as what it is, in date order', () => {
    // Planned for next week, reported early, decided and certified today.
    const steps = cycle({
      audits: [audit('s1', 'STAGE1', 'CLOSED', '2026-01-20', '2026-01-21'), audit('s2', 'STAGE2', 'REPORTING', '2026-03-16', '2026-03-19')],
      decisions: [granted('2026-03-10', 's2')],
      certificate: certificate('2026-03-10', '2029-03-10'),
    });
    const step = byKey(steps);
    expect(step['stage2']).toMatchObject({ state: 'done', auditId: 's2', date: '2026-03-16', endDate: '2026-03-19' });
    expect(step['decision']).toMatchObject({ state: 'done', date: '2026-03-10' });
    expect(steps.map((s) => s.key)).toEqual(['stage1', 'stage2', 'decision', 'certificate', 'surveillance1', 'surveillance2', 'preparation', 'recertification', 'expiry']);
  });

  it('dates the surveillance audits 12 and 24 months after the decision, the preparation 6 and the recertification 3 months before expiry', () => {
    const steps = byKey(
      cycle({
        audits: [audit('s1', 'STAGE1', 'CLOSED', '2025-01-10'), audit('s2', 'STAGE2', 'CLOSED', '2025-02-10', '2025-02-12'), audit('sv1', 'SURVEILLANCE', 'CLOSED', '2026-02-20', '2026-02-21')],
        decisions: [granted('2025-03-01', 's2')],
        certificate: certificate('2025-03-05', '2028-03-05'),
      }),
    );
    expect(steps['surveillance1']).toMatchObject({ state: 'done', auditId: 'sv1', date: '2026-02-20' });
    expect(steps['surveillance2']).toMatchObject({ state: 'toCome', auditId: null, date: '2027-03-01', estimated: false });
    expect(steps['preparation']).toMatchObject({ state: 'toCome', date: '2027-09-05' });
    expect(steps['recertification']).toMatchObject({ state: 'toCome', date: '2027-12-05' });
    expect(steps['expiry']).toMatchObject({ state: 'toCome', date: '2028-03-05', note: 'In 23 months' });
  });

  it('says overdue for a planned audit whose day passed and for a cycle audit never planned', () => {
    const steps = byKey(
      cycle({
        audits: [audit('s2', 'STAGE2', 'CLOSED', '2024-02-01'), audit('sv1', 'SURVEILLANCE', 'PLANNED', '2025-02-15')],
        decisions: [granted('2024-02-20', 's2')],
        certificate: certificate('2024-02-20', '2027-02-20'),
      }),
    );
    expect(steps['surveillance1']).toMatchObject({ state: 'overdue', auditId: 'sv1' });
    expect(steps['surveillance2']).toMatchObject({ state: 'overdue', auditId: null, date: '2026-02-20' });
    expect(steps['preparation']).toMatchObject({ state: 'toCome', date: '2026-08-20' });
  });

  it('before any decision, estimates the later dates from the end of the running stage 2', () => {
    const steps = cycle({ audits: [audit('s1', 'STAGE1', 'CLOSED', '2026-01-26', '2026-01-27'), audit('s2', 'STAGE2', 'IN_PROGRESS', '2026-03-09', '2026-03-12')] });
    const step = byKey(steps);
    expect(step['stage2']).toMatchObject({ state: 'inProgress' });
    expect(step['decision']).toMatchObject({ state: 'toCome', estimated: true, date: '2026-03-12' });
    expect(step['surveillance1']).toMatchObject({ state: 'toCome', estimated: true, date: '2027-03-12' });
    expect(step['surveillance2']).toMatchObject({ estimated: true, date: '2028-03-12' });
    expect(step['preparation']).toMatchObject({ estimated: true, date: '2028-09-12' });
    expect(step['recertification']).toMatchObject({ estimated: true, date: '2028-12-12' });
    expect(step['expiry']).toMatchObject({ estimated: true, date: '2029-03-12' });
    expect(steps.every((s) => s.date !== null)).toBe(true);
  });

  it('shows a refusal, then the next stage 2 and a decision still to come', () => {
    const steps = byKey(
      cycle({
        audits: [audit('s1', 'STAGE1', 'CLOSED', '2025-10-01'), audit('old', 'STAGE2', 'CLOSED', '2025-11-01'), audit('new', 'STAGE2', 'PLANNED', '2026-04-01', '2026-04-03')],
        decisions: [{ id: 'd', decision: 'REFUSED', decidedOn: '2025-11-20', audit: { id: 'old' } }],
      }),
    );
    expect(steps['stage2']).toMatchObject({ auditId: 'new', state: 'toCome' });
    expect(steps['decision']).toMatchObject({ state: 'toCome', date: '2026-04-03', estimated: true });
    expect(steps['decision']!.note).toContain('refused on 20 Nov 2025');
  });

  it('marks a stage with nothing planned past its due date as overdue', () => {
    const steps = byKey(cycle({ audits: [], nextAudits: [{ kind: 'STAGE1', dueOn: '2026-02-01', audit: null }] }));
    expect(steps['stage1']).toMatchObject({ state: 'overdue', date: '2026-02-01' });
    expect(steps['surveillance1']).toMatchObject({ state: 'toCome', date: null });
  });
});
