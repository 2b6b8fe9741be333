import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { ApiClient } from '../support/client.js';
import { EventSubscription } from '../support/events.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Gaps B.V.');
  other = await buildOrganization(server, 'Other gaps B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const ASSESSMENT = `query($id: ID!, $filter: GapItemFilter) { organization(id: $id) { gapAssessment {
  score clauseScores { key score total implemented } themeScores { key score total }
  items(filter: $filter) { id ref kind title theme status maturity score version owner { id } tasks { id title } } } } }`;
const UPDATE = `mutation($input: UpdateGapItemInput!) { updateGapItem(input: $input) { item { id ref status maturity version owner { id } notes evidenceLinks } } }`;
const PLAN = `mutation($input: PlanGapsInput!) { planGaps(input: $input) { tasks { id title priority dueDate assignee { id } subject { id } } } }`;

describe('catalogue', () => {
  it('exposes the clauses, the 93 controls by theme and the mandatory documents, to anyone', async () => {
    const { catalog } = await new ApiClient(server.url).ok(`{ catalog { clauses { ref title } controls { ref title theme attributes } mandatoryDocuments { ref title } } }`);
    expect(catalog.controls).toHaveLength(93);
    const byTheme = (theme: string) => catalog.controls.filter((c: { theme: string }) => c.theme === theme).length;
    expect([byTheme('ORGANIZATIONAL'), byTheme('PEOPLE'), byTheme('PHYSICAL'), byTheme('TECHNOLOGICAL')]).toEqual([37, 8, 14, 34]);
    expect(catalog.controls.find((c: { ref: string }) => c.ref === 'A.5.7')).toMatchObject({ title: 'Threat intelligence', attributes: { controlType: expect.any(Array) } });
    expect(catalog.clauses.map((c: { ref: string }) => c.ref)).toContain('6.3');
    expect(catalog.mandatoryDocuments.length).toBeGreaterThan(10);
  });
});

describe('gap analysis', () => {
  it('has one item per clause requirement and control, all not started at first', async () => {
    const { organization } = await org.as.AUDITOR.ok(ASSESSMENT, { id: org.id });
    const items = organization.gapAssessment.items;
    expect(items.filter((i: { kind: string }) => i.kind === 'CONTROL')).toHaveLength(93);
    expect(items.filter((i: { kind: string }) => i.kind === 'CLAUSE').length).toBeGreaterThanOrEqual(23);
    expect(new Set(items.map((i: { ref: string }) => i.ref)).size).toBe(items.length);
    expect(organization.gapAssessment.score).toBe(0);
    expect(organization.gapAssessment.themeScores.map((t: { total: number }) => t.total)).toEqual([37, 8, 14, 34]);
  });

  it('assesses an item, re-scores live, and refuses a stale version', async () => {
    const sub = new EventSubscription(org.as.MANAGEMENT, org.id);
    await sub.ready;
    await new Promise((r) => setTimeout(r, 200));
    const { updateGapItem } = await org.as.ISMS_MANAGER.ok(UPDATE, {
      input: { organizationId: org.id, ref: 'A.5.7', status: 'PARTIAL', maturity: 2, ownerId: org.users.CONTRIBUTOR.id, notes: ' Feeds subscribed, no triage yet. ', evidenceLinks: ['https://wiki.example/threat-intel'] },
    });
    expect(updateGapItem.item).toMatchObject({ ref: 'A.5.7', status: 'PARTIAL', maturity: 2, owner: { id: org.users.CONTRIBUTOR.id }, notes: 'Feeds subscribed, no triage yet.', version: 2 });
    await sub.until((events) => events.some((e) => e.type === 'gapItem.updated' && e.entityId === updateGapItem.item.id));
    await sub.close();
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, ref: 'A.5.1', status: 'IMPLEMENTED' } });
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, ref: 'A.7.1', status: 'NOT_APPLICABLE' } });
    const { organization } = await org.as.AUDITOR.ok(ASSESSMENT, { id: org.id, filter: { theme: 'ORGANIZATIONAL', status: ['PARTIAL', 'IMPLEMENTED'] } });
    expect(organization.gapAssessment.items.map((i: { ref: string; score: number }) => [i.ref, i.score])).toEqual([
      ['A.5.1', 100],
      ['A.5.7', 42],
    ]);
    const organizational = organization.gapAssessment.themeScores.find((t: { key: string }) => t.key === 'ORGANIZATIONAL');
    expect(organizational.score).toBe(Math.round((100 + 42) / 37));
    expect(organization.gapAssessment.themeScores.find((t: { key: string }) => t.key === 'PHYSICAL').total).toBe(14);
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { organizationId: org.id, ref: 'A.5.7', version: 1, status: 'IMPLEMENTED' } })).toBe('CONFLICT');
  });

  it.each([
    [{ ref: 'A.9.99' }, 'ref'],
    [{ ref: 'A.5.7', maturity: 7 }, 'maturity'],
    [{ ref: 'A.5.7', ownerId: 'usr_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa' }, 'ownerId'],
  ])('refuses %o on %s', async (input, field) => {
    const result = await org.as.ISMS_MANAGER.request(UPDATE, { input: { organizationId: org.id, ...input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('plans gaps as linked tasks, prioritised by the size of the gap, and refuses to plan what has no gap', async () => {
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, ref: 'A.8.8', ownerId: org.users.CONTRIBUTOR.id } });
    // A.8.8 treats a critical risk: its task takes the risk's priority.
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, {
      input: { organizationId: org.id, title: 'Unpatched servers exploited', likelihood: 5, impact: 5, treatment: 'MITIGATE', controlRefs: ['A.8.8'] },
    });
    const { planGaps } = await org.as.ISMS_MANAGER.ok(PLAN, { input: { organizationId: org.id, refs: ['A.5.7', 'A.8.8'], dueDate: '2027-02-28' } });
    expect(planGaps.tasks).toHaveLength(2);
    expect(planGaps.tasks[0]).toMatchObject({ title: 'Close the gap: A.5.7 Threat intelligence', priority: 'MEDIUM', dueDate: '2027-02-28', assignee: { id: org.users.CONTRIBUTOR.id } });
    expect(planGaps.tasks[1]).toMatchObject({ priority: 'CRITICAL' });
    const { organization } = await org.as.ISMS_MANAGER.ok(ASSESSMENT, { id: org.id, filter: { status: ['PARTIAL'] } });
    const item = organization.gapAssessment.items.find((i: { ref: string }) => i.ref === 'A.5.7');
    expect(item.tasks.map((t: { id: string }) => t.id)).toEqual([planGaps.tasks[0].id]);
    expect(planGaps.tasks[0].subject).toEqual({ id: item.id });
    const noGap = await org.as.ISMS_MANAGER.request(PLAN, { input: { organizationId: org.id, refs: ['A.5.1', 'A.5.7'] } });
    expect(noGap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_GAP' });
    expect(await org.as.ISMS_MANAGER.code(PLAN, { input: { organizationId: org.id, refs: ['X.1'] } })).toBe('BAD_USER_INPUT');
  });
});

describe('gap analysis RBAC', () => {
  it.each(ROLES.map((role) => [role] as [Role]))('%s', async (role) => {
    const read = await org.as[role].request(ASSESSMENT, { id: org.id });
    if (roleCan(role, 'gap:read')) expect(read.errors).toBeUndefined();
    else expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An item owned by someone else: only admins assess it; contributors assess what they own.
    const ref = `A.8.${ROLES.indexOf(role) + 20}`;
    await org.as.OWNER.ok(UPDATE, { input: { organizationId: org.id, ref, ownerId: role === 'OWNER' ? org.users.ISMS_MANAGER.id : org.users.OWNER.id } });
    const others = await org.as[role].request(UPDATE, { input: { organizationId: org.id, ref, status: 'PARTIAL' } });
    if (roleCan(role, 'gap:updateAny')) expect(others.errors).toBeUndefined();
    else expect(others.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    if (roleCan(role, 'gap:update')) {
      await org.as.OWNER.ok(UPDATE, { input: { organizationId: org.id, ref, ownerId: org.users[role].id } });
      expect((await org.as[role].request(UPDATE, { input: { organizationId: org.id, ref, status: 'IMPLEMENTED' } })).errors).toBeUndefined();
      const handOver = await org.as[role].request(UPDATE, { input: { organizationId: org.id, ref, ownerId: org.users.EMPLOYEE.id } });
      if (roleCan(role, 'gap:updateAny')) expect(handOver.errors).toBeUndefined();
      else expect(handOver.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const plan = await org.as[role].request(PLAN, { input: { organizationId: org.id, refs: ['A.6.1'] } });
    if (roleCan(role, 'gap:plan')) expect(plan.errors).toBeUndefined();
    else expect(plan.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('gap analysis tenant isolation', () => {
  it('another organisation neither reads nor assesses the gap analysis', async () => {
    expect((await other.as.OWNER.ok(ASSESSMENT, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(UPDATE, { input: { organizationId: org.id, ref: 'A.5.2', status: 'IMPLEMENTED' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(PLAN, { input: { organizationId: org.id, refs: ['A.5.2'] } })).toBe('NOT_FOUND');
    const { organization } = await org.as.OWNER.ok(ASSESSMENT, { id: org.id, filter: { status: ['NOT_STARTED'] } });
    const item = organization.gapAssessment.items.find((i: { ref: string }) => i.ref === 'A.5.2');
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: item.id })).node).toBeNull();
  });
});
