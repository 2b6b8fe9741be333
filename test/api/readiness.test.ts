import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Readiness B.V.');
  other = await buildOrganization(server, 'Elsewhere B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const READINESS = `query($id: ID!) { organization(id: $id) { readiness {
  score
  stage1 { ready blockers { code message area link } }
  stage2 { ready blockers { code message area link } }
  breakdown { area score weight }
  nonconformityBurndown { weekEnding open overdue }
  facts { lastInternalAuditOn openMajorNonconformities trainingCoverage acknowledgementCoverage soaDecided soaControls }
} } }`;
const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { audit { id version } } }`;
const UPDATE_AUDIT = `mutation($input: UpdateAuditInput!) { updateAudit(input: $input) { audit { id version status } } }`;
const RAISE = `mutation($input: RaiseFindingInput!) { raiseFinding(input: $input) { finding { id } } }`;

type Blocker = { code: string; message: string; area: string; link: string | null };
const codes = (blockers: Blocker[]) => blockers.map((b) => b.code);

describe('readiness', () => {
  it('starts with every blocker named and linked, and moves as the data is fixed', async () => {
    const first = (await org.as.ISMS_MANAGER.ok(READINESS, { id: org.id })).organization.readiness;
    expect(first.breakdown).toHaveLength(10);
    expect(first.breakdown.reduce((sum: number, b: { weight: number }) => sum + b.weight, 0)).toBe(100);
    expect(codes(first.stage1.blockers)).toEqual(
      expect.arrayContaining(['MANDATORY_DOCUMENT_MISSING', 'SOA_INCOMPLETE', 'SOA_NOT_APPROVED', 'NO_RECENT_INTERNAL_AUDIT', 'NO_RECENT_MANAGEMENT_REVIEW', 'NO_RISK_ASSESSMENT']),
    );
    expect(first.stage1.ready).toBe(false);
    expect(first.stage1.blockers.every((b: Blocker) => b.message.length > 10 && b.link)).toBe(true);
    expect(codes(first.stage2.blockers)).toEqual(expect.arrayContaining(['STAGE1_NOT_CLOSED', 'NO_TRAINING_PROGRAMME']));
    expect(first.facts).toMatchObject({ lastInternalAuditOn: null, openMajorNonconformities: 0, trainingCoverage: null, soaControls: 93 });
    expect(first.nonconformityBurndown).toHaveLength(12);

    // Fix one blocker: an internal audit held last week and reported.
    const today = todayUtc();
    const audit = (await org.as.ISMS_MANAGER.ok(CREATE_AUDIT, {
      input: { organizationId: org.id, kind: 'INTERNAL', title: 'Internal audit', startDate: addDays(today, -8), endDate: addDays(today, -7), leadAuditorId: org.users.AUDITOR.id, scopeRefs: ['9.2'] },
    })).createAudit.audit;
    await org.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: audit.id, version: 1, status: 'IN_PROGRESS' } });
    const second = (await org.as.ISMS_MANAGER.ok(READINESS, { id: org.id })).organization.readiness;
    expect(codes(second.stage1.blockers)).toContain('NO_RECENT_INTERNAL_AUDIT'); // not reported yet
    await org.as.AUDITOR.ok(UPDATE_AUDIT, { input: { id: audit.id, version: 2, status: 'REPORTING' } });
    const third = (await org.as.ISMS_MANAGER.ok(READINESS, { id: org.id })).organization.readiness;
    expect(codes(third.stage1.blockers)).not.toContain('NO_RECENT_INTERNAL_AUDIT');
    expect(third.facts.lastInternalAuditOn).toBe(addDays(today, -7));
    expect(third.breakdown.find((b: { area: string }) => b.area === 'INTERNAL_AUDIT').score).toBe(100);
    expect(third.score).toBeGreaterThan(first.score);

    // A major non-conformity: stage 2 is blocked, linked to the finding; the burn-down counts it.
    const finding = (await org.as.AUDITOR.ok(RAISE, { input: { auditId: audit.id, kind: 'MAJOR_NONCONFORMITY', requirementRef: 'A.5.15', description: 'Leavers keep access.' } })).raiseFinding.finding;
    const fourth = (await org.as.ISMS_MANAGER.ok(READINESS, { id: org.id })).organization.readiness;
    const major = fourth.stage2.blockers.find((b: Blocker) => b.code === 'OPEN_MAJOR_NONCONFORMITY');
    expect(major).toMatchObject({ area: 'NONCONFORMITIES', link: `audits/${audit.id}?tab=findings&finding=${finding.id}` });
    expect(codes(fourth.stage1.blockers)).not.toContain('OPEN_MAJOR_NONCONFORMITY');
    expect(fourth.facts.openMajorNonconformities).toBe(1);
    expect(fourth.nonconformityBurndown.at(-1)).toMatchObject({ weekEnding: today, open: 1 });
    expect(fourth.score).toBeLessThan(third.score);
  });

  it('is read by the team, management and auditors; employees and other organisations are refused', async () => {
    for (const role of ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'] as const) {
      const readiness = (await org.as[role].ok(READINESS, { id: org.id })).organization.readiness;
      expect(typeof readiness.score).toBe('number');
    }
    expect(await org.as.EMPLOYEE.code(READINESS, { id: org.id })).toBe('FORBIDDEN');
    // Another organisation's owner: the organisation does not exist for them.
    const foreign = await other.as.OWNER.request(READINESS, { id: org.id });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.organization).toBeNull();
  });

  it('the other organisation’s readiness is its own', async () => {
    const mine = (await other.as.OWNER.ok(READINESS, { id: other.id })).organization.readiness;
    expect(mine.facts.lastInternalAuditOn).toBeNull();
    expect(mine.facts.openMajorNonconformities).toBe(0);
  });
});
