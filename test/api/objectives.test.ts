import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayUtc, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import { ApiClient } from '../support/client.js';
import { summarizeIndicators, summarizeObjectives } from '../../server/src/modules/objectives/objective-summary.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Measured B.V.');
  other = await buildOrganization(server, 'Other measured B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const INDICATOR_FIELDS = `id version name unit target direction frequency owner { id } lastValue lastMeasuredOn onTarget measurementDue nextMeasurementDueOn trend
  series { measuredOn value } measurements { id version value measuredOn note onTarget recordedBy { id } correctedAt } objectives { id } viewerCanMeasure`;
const OBJECTIVE_FIELDS = `id version title description targetDate status statusReason achieved outcome outcomeNote closedOn overdue owner { id }
  risks { id } controls { ref title } controlRefs indicators { id name onTarget }`;
const CREATE_INDICATOR = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { ${INDICATOR_FIELDS} } } }`;
const UPDATE_INDICATOR = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { indicator { ${INDICATOR_FIELDS} } } }`;
const DELETE_INDICATOR = `mutation($input: DeleteIndicatorInput!) { deleteIndicator(input: $input) { deletedIndicatorId } }`;
const CREATE_OBJECTIVE = `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { objective { ${OBJECTIVE_FIELDS} } } }`;
const UPDATE_OBJECTIVE = `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { objective { ${OBJECTIVE_FIELDS} } } }`;
const DELETE_OBJECTIVE = `mutation($input: DeleteObjectiveInput!) { deleteObjective(input: $input) { deletedObjectiveId } }`;
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { measurement { id version value measuredOn note onTarget } indicator { id lastValue onTarget measurementDue } } }`;
const CORRECT = `mutation($input: CorrectMeasurementInput!) { correctMeasurement(input: $input) { measurement { id version value measuredOn note correctedAt correctedBy { id } } indicator { id lastValue onTarget } } }`;
const DELETE_MEASUREMENT = `mutation($input: DeleteMeasurementInput!) { deleteMeasurement(input: $input) { deletedMeasurementId indicator { id lastValue } } }`;
const LISTS = `query($id: ID!, $of: ObjectiveFilter, $if: IndicatorFilter) { organization(id: $id) { objectives(filter: $of) { ${OBJECTIVE_FIELDS} } indicators(filter: $if) { ${INDICATOR_FIELDS} } } }`;
const CREATE_RISK = `mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`;

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);
let n = 0;
const indicatorInput = (target: TestOrg, extra: Record<string, unknown> = {}) => ({
  organizationId: target.id,
  name: `Indicator ${++n}`,
  unit: '%',
  target: 5,
  direction: 'AT_MOST',
  frequency: 'MONTHLY',
  ownerId: target.users.CONTRIBUTOR.id,
  ...extra,
});
const objectiveInput = (target: TestOrg, extra: Record<string, unknown> = {}) => ({
  organizationId: target.id,
  title: `Objective ${++n}`,
  ownerId: target.users.MANAGEMENT.id,
  targetDate: addMonths(todayUtc(), 6),
  ...extra,
});

describe('objectives and indicators: the whole path through the API', () => {
  it('defines an objective with its risk, controls and indicator, measures it by hand and by API token, and follows the status', async () => {
    const today = todayUtc();
    const risk = (await org.as.ISMS_MANAGER.ok(CREATE_RISK, { input: { organizationId: org.id, title: 'Staff click phishing links', likelihood: 4, impact: 4 } })).createRisk.risk;
    const indicator = (await org.as.ISMS_MANAGER.ok(CREATE_INDICATOR, {
      input: indicatorInput(org, { name: 'Phishing click rate', description: 'Clicks in the monthly simulation / mails sent.' }),
    })).createIndicator.indicator;
    expect(indicator).toMatchObject({
      version: 1,
      unit: '%',
      target: 5,
      direction: 'AT_MOST',
      frequency: 'MONTHLY',
      owner: { id: org.users.CONTRIBUTOR.id },
      lastValue: null,
      onTarget: null,
      measurementDue: true, // never measured: a baseline is due
      nextMeasurementDueOn: today,
      trend: 'INSUFFICIENT_DATA',
      measurements: [],
    });
    const { createObjective } = await org.as.OWNER.ok(CREATE_OBJECTIVE, {
      input: objectiveInput(org, { title: 'Halve phishing clicks', description: 'Monthly simulations and training.', riskIds: [risk.id], controlRefs: ['A.6.3', 'A.5.24'], indicatorIds: [indicator.id] }),
    });
    const objective = createObjective.objective;
    expect(objective).toMatchObject({
      version: 1,
      status: 'PLANNED',
      achieved: null,
      outcome: null,
      owner: { id: org.users.MANAGEMENT.id },
      risks: [{ id: risk.id }],
      controls: [
        { ref: 'A.5.24', title: expect.any(String) },
        { ref: 'A.6.3', title: 'Information security awareness, education and training' },
      ],
      indicators: [{ id: indicator.id, name: 'Phishing click rate', onTarget: null }],
    });

    // The owner (a contributor) records the first values by hand…
    // Monthly, the latest a little under a month ago: not due yet.
    const months = [-3, -2, -1].map((m) => addDays(addMonths(today, m), 5));
    const first = (await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 12, measuredOn: months[0], note: 'Baseline' } })).recordMeasurement;
    expect(first).toMatchObject({ measurement: { value: 12, measuredOn: months[0], note: 'Baseline', onTarget: false }, indicator: { lastValue: 12, onTarget: false, measurementDue: true } });
    await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 8, measuredOn: months[1] } });
    // …and a script with the owner's API token records the next one.
    const { createApiToken } = await org.as.CONTRIBUTOR.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, { input: { organizationId: org.id, name: 'phishing simulator' } });
    const script = new ApiClient(server.url);
    script.bearer = createApiToken.secret;
    const byScript = (await script.ok(RECORD, { input: { indicatorId: indicator.id, value: 4.5, measuredOn: months[2] } })).recordMeasurement;
    expect(byScript.indicator).toMatchObject({ lastValue: 4.5, onTarget: true, measurementDue: false });
    const trail = (await org.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 1, filter: { action: "measurement." }) { edges { node { action actorLabel summary } } } } }`, { id: org.id })).organization
      .auditTrail.edges[0].node;
    expect(trail).toMatchObject({ action: 'measurement.recorded', summary: { after: { indicatorId: indicator.id, value: 4.5 } } });
    expect(trail.actorLabel).toContain('API token "phishing simulator"');

    let lists = (await org.as.AUDITOR.ok(LISTS, { id: org.id })).organization;
    const listed = lists.indicators.find((i: { id: string }) => i.id === indicator.id);
    expect(listed).toMatchObject({ lastValue: 4.5, lastMeasuredOn: months[2], onTarget: true, trend: 'IMPROVING', nextMeasurementDueOn: addMonths(months[2]!, 1), viewerCanMeasure: false, objectives: [{ id: objective.id }] });
    expect(listed.measurements.map((m: { value: number }) => m.value)).toEqual([4.5, 8, 12]); // newest first
    expect(listed.series.map((p: { value: number }) => p.value)).toEqual([12, 8, 4.5]); // oldest first, for charts
    expect(lists.objectives.find((o: { id: string }) => o.id === objective.id)).toMatchObject({ status: 'ON_TRACK', statusReason: 'Its indicator is on target.' });

    // A wrong value is corrected, with its reason and the value before in the audit trail.
    const wrong = (await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 45, measuredOn: today } })).recordMeasurement.measurement;
    expect((await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Objective { status } } }`, { id: objective.id })).node.status).toBe('AT_RISK');
    const noReason = await org.as.CONTRIBUTOR.request(CORRECT, { input: { id: wrong.id, version: 1, value: 4.5, reason: ' ' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REQUIRED' });
    const corrected = (await org.as.CONTRIBUTOR.ok(CORRECT, { input: { id: wrong.id, version: 1, value: 4, note: 'Typo: 4 %, not 45 %', reason: 'Typed 45 instead of 4' } })).correctMeasurement;
    expect(corrected).toMatchObject({ measurement: { version: 2, value: 4, note: 'Typo: 4 %, not 45 %', correctedBy: { id: org.users.CONTRIBUTOR.id } }, indicator: { lastValue: 4, onTarget: true } });
    expect(corrected.measurement.correctedAt).toBeTruthy();
    expect(await org.as.ISMS_MANAGER.code(CORRECT, { input: { id: wrong.id, version: 1, value: 3, reason: 'stale' } })).toBe('CONFLICT');
    const correction = (await org.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { auditTrail(first: 1, filter: { action: "measurement.corrected" }) { edges { node { entityId summary } } } } }`, { id: org.id }))
      .organization.auditTrail.edges[0].node;
    expect(correction).toMatchObject({ entityId: wrong.id, summary: { reason: 'Typed 45 instead of 4', before: { value: 45 }, after: { value: 4 } } });

    // Deleting a measurement is audited too.
    const deleted = (await org.as.ISMS_MANAGER.ok(DELETE_MEASUREMENT, { input: { id: wrong.id, reason: 'Recorded twice' } })).deleteMeasurement;
    expect(deleted).toEqual({ deletedMeasurementId: wrong.id, indicator: { id: indicator.id, lastValue: 4.5 } });
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'measurement.deleted' AND entity_id = $1 AND summary->>'reason' = 'Recorded twice'`, [wrong.id])).toBe(1);

    // Updating: a stale version is a CONFLICT; closing the objective settles it.
    const updated = (await org.as.ISMS_MANAGER.ok(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 1, title: 'Phishing clicks under 5 %', controlRefs: ['A.6.3'] } })).updateObjective.objective;
    expect(updated).toMatchObject({ version: 2, title: 'Phishing clicks under 5 %', controls: [{ ref: 'A.6.3' }], risks: [{ id: risk.id }] });
    expect(await org.as.OWNER.code(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 1, title: 'Lost update' } })).toBe('CONFLICT');
    const missedNoNote = await org.as.OWNER.request(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 2, outcome: 'MISSED' } });
    expect(missedNoNote.errors?.[0]?.extensions).toMatchObject({ field: 'outcomeNote', reason: 'REQUIRED' });
    const closed = (await org.as.OWNER.ok(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 2, outcome: 'ACHIEVED', outcomeNote: 'Three months under 5 %.' } })).updateObjective.objective;
    expect(closed).toMatchObject({ version: 3, status: 'ACHIEVED', achieved: true, outcome: 'ACHIEVED', closedOn: today, statusReason: 'Closed as achieved.' });
    const reopened = (await org.as.OWNER.ok(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 3, outcome: null } })).updateObjective.objective;
    expect(reopened).toMatchObject({ status: 'ON_TRACK', outcome: null, closedOn: null });
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action IN ('objective.closed','objective.reopened')`, [objective.id])).toBe(2);

    const indicatorUpdate = (await org.as.ISMS_MANAGER.ok(UPDATE_INDICATOR, { input: { id: indicator.id, version: 1, target: 4, frequency: 'QUARTERLY' } })).updateIndicator.indicator;
    expect(indicatorUpdate).toMatchObject({ version: 2, target: 4, frequency: 'QUARTERLY', onTarget: false, nextMeasurementDueOn: addMonths(months[2]!, 3) });
    expect(await org.as.ISMS_MANAGER.code(UPDATE_INDICATOR, { input: { id: indicator.id, version: 1, target: 3 } })).toBe('CONFLICT');

    // Filters: off-target indicators and at-risk objectives.
    lists = (await org.as.MANAGEMENT.ok(LISTS, { id: org.id, of: { status: 'AT_RISK' }, if: { onTarget: false } })).organization;
    expect(lists.indicators.map((i: { id: string }) => i.id)).toEqual([indicator.id]);
    expect(lists.objectives.map((o: { id: string }) => o.id)).toEqual([objective.id]);

    // The summaries the dashboard and the management review read.
    const summaries = await summarizeIndicators(server.services.db.dataSource.manager, org.id, today);
    expect(summaries.find((s) => s.id === indicator.id)).toMatchObject({
      name: 'Phishing click rate',
      target: 4,
      direction: 'AT_MOST',
      frequency: 'QUARTERLY',
      ownerId: org.users.CONTRIBUTOR.id,
      lastValue: 4.5,
      lastMeasuredOn: months[2],
      onTarget: false,
      measurementDue: false,
      series: [
        { measuredOn: months[0], value: 12 },
        { measuredOn: months[1], value: 8 },
        { measuredOn: months[2], value: 4.5 },
      ],
    });
    const objectives = await summarizeObjectives(server.services.db.dataSource.manager, org.id, today);
    expect(objectives.find((o) => o.id === objective.id)).toMatchObject({ title: 'Phishing clicks under 5 %', status: 'AT_RISK', achieved: null, indicatorIds: [indicator.id], ownerId: org.users.MANAGEMENT.id });
    expect(await summarizeIndicators(server.services.db.dataSource.manager, other.id, today)).toEqual([]);

    // Risks show the objectives that address them.
    const riskNode = (await org.as.CONTRIBUTOR.ok(`query($id: ID!) { node(id: $id) { ... on Risk { objectives { id } } } }`, { id: risk.id })).node;
    expect(riskNode.objectives).toEqual([{ id: objective.id }]);

    // Deleting: the indicator takes its measurements with it; the objective loses the link.
    expect((await org.as.ISMS_MANAGER.ok(DELETE_INDICATOR, { input: { id: indicator.id } })).deleteIndicator.deletedIndicatorId).toBe(indicator.id);
    expect(await count(`SELECT count(*)::int AS n FROM indicator_measurements WHERE indicator_id = $1`, [indicator.id])).toBe(0);
    expect((await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Objective { indicators { id } } } }`, { id: objective.id })).node.indicators).toEqual([]);
    expect((await org.as.ISMS_MANAGER.ok(DELETE_OBJECTIVE, { input: { id: objective.id } })).deleteObjective.deletedObjectiveId).toBe(objective.id);
    expect((await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: objective.id })).node).toBeNull();
  });

  it('settles an objective after its target date from its indicators', async () => {
    const indicator = (await org.as.ISMS_MANAGER.ok(CREATE_INDICATOR, { input: indicatorInput(org, { unit: 'days', target: 14, frequency: 'QUARTERLY' }) })).createIndicator.indicator;
    await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 10, measuredOn: addDays(todayUtc(), -20) } });
    const past = (await org.as.ISMS_MANAGER.ok(CREATE_OBJECTIVE, { input: objectiveInput(org, { targetDate: addDays(todayUtc(), -1), indicatorIds: [indicator.id] }) })).createObjective.objective;
    expect(past).toMatchObject({ status: 'ACHIEVED', achieved: true, overdue: true });
    const bare = (await org.as.ISMS_MANAGER.ok(CREATE_OBJECTIVE, { input: objectiveInput(org, { targetDate: addDays(todayUtc(), -1) }) })).createObjective.objective;
    expect(bare).toMatchObject({ status: 'MISSED', achieved: false });
  });
});

describe('objectives and indicators: bad input', () => {
  it('answers coded errors naming the field, and writes nothing', async () => {
    const before = await count(`SELECT (SELECT count(*) FROM objectives WHERE organization_id = $1) + (SELECT count(*) FROM indicators WHERE organization_id = $1) + (SELECT count(*) FROM indicator_measurements WHERE organization_id = $1) AS n`, [org.id]);
    const expectError = async (as: ApiClient, query: string, input: Record<string, unknown>, field: string, reason: string) => {
      const result = await as.request(query, { input });
      expect(result.errors?.[0]?.extensions, `${field} ${reason}`).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    };
    const admin = org.as.ISMS_MANAGER;
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { title: '  ' }), 'title', 'REQUIRED');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { targetDate: null }), 'targetDate', 'REQUIRED');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { targetDate: '2027-02-30' }), 'targetDate', 'INVALID_DATE');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { controlRefs: ['A.6.3', 'A.99.9'] }), 'controlRefs', 'UNKNOWN_CONTROL');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { controlRefs: ['5.2'] }), 'controlRefs', 'UNKNOWN_CONTROL');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { ownerId: org.users.AUDITOR.id }), 'ownerId', 'OWNER_ROLE');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { ownerId: other.users.OWNER.id }), 'ownerId', 'NOT_A_MEMBER');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { riskIds: ['rsk_00000000000000000000000000000000'] }), 'riskIds', 'UNKNOWN_RISK');
    await expectError(admin, CREATE_OBJECTIVE, objectiveInput(org, { indicatorIds: ['ind_00000000000000000000000000000000'] }), 'indicatorIds', 'UNKNOWN_INDICATOR');
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { name: '' }), 'name', 'REQUIRED');
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { unit: ' ' }), 'unit', 'REQUIRED');
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { target: 120 }), 'target', 'OUT_OF_RANGE');
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { ownerId: org.users.EMPLOYEE.id }), 'ownerId', 'OWNER_ROLE');
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { objectiveIds: ['obj_00000000000000000000000000000000'] }), 'objectiveIds', 'UNKNOWN_OBJECTIVE');
    // An unknown enum value is refused by GraphQL itself, with the same code.
    expect(await admin.code(CREATE_INDICATOR, { input: indicatorInput(org, { direction: 'HIGHER' }) })).toBe('BAD_USER_INPUT');
    expect(await admin.code(CREATE_INDICATOR, { input: indicatorInput(org, { frequency: 'DAILY' }) })).toBe('BAD_USER_INPUT');
    const after = await count(`SELECT (SELECT count(*) FROM objectives WHERE organization_id = $1) + (SELECT count(*) FROM indicators WHERE organization_id = $1) + (SELECT count(*) FROM indicator_measurements WHERE organization_id = $1) AS n`, [org.id]);
    expect(after).toBe(before);

    const indicator = (await admin.ok(CREATE_INDICATOR, { input: indicatorInput(org, { name: 'Backup restore tests passed' }) })).createIndicator.indicator;
    await expectError(admin, CREATE_INDICATOR, indicatorInput(org, { name: 'backup restore tests PASSED' }), 'name', 'DUPLICATE_NAME');
    await expectError(org.as.CONTRIBUTOR, RECORD, { indicatorId: indicator.id, value: 101, measuredOn: todayUtc() }, 'value', 'OUT_OF_RANGE');
    await expectError(org.as.CONTRIBUTOR, RECORD, { indicatorId: indicator.id, value: 3, measuredOn: addDays(todayUtc(), 5) }, 'measuredOn', 'FUTURE_DATE');
    await expectError(org.as.CONTRIBUTOR, RECORD, { indicatorId: indicator.id, value: 3, measuredOn: '2026-13-01' }, 'measuredOn', 'INVALID_DATE');
    const recorded = (await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 3, measuredOn: todayUtc() } })).recordMeasurement.measurement;
    await expectError(org.as.CONTRIBUTOR, RECORD, { indicatorId: indicator.id, value: 4, measuredOn: todayUtc() }, 'measuredOn', 'DUPLICATE_DATE');
    const older = (await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 4, measuredOn: addDays(todayUtc(), -30) } })).recordMeasurement.measurement;
    await expectError(org.as.CONTRIBUTOR, CORRECT, { id: older.id, version: 1, measuredOn: recorded.measuredOn, reason: 'wrong day' }, 'measuredOn', 'DUPLICATE_DATE');
    await expectError(admin, UPDATE_INDICATOR, { id: indicator.id, version: 1, ownerId: null }, 'ownerId', 'REQUIRED');
    expect(await count(`SELECT count(*)::int AS n FROM indicator_measurements WHERE indicator_id = $1`, [indicator.id])).toBe(2);
  });
});

describe('objectives and indicators: who may do what', () => {
  it('lets the team, management and auditors read; admins define; owners and admins measure', async () => {
    const target = await buildOrganization(server, 'Roles measured B.V.');
    const read = `query($id: ID!) { organization(id: $id) { objectives { id } indicators { id } } }`;
    const readers: Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'];
    for (const role of readers) expect((await target.as[role].ok(read, { id: target.id })).organization, role).toEqual({ objectives: [], indicators: [] });
    expect(await target.as.EMPLOYEE.code(read, { id: target.id })).toBe('FORBIDDEN');

    // Defining: OWNER and ISMS_MANAGER only.
    for (const role of ['OWNER', 'ISMS_MANAGER'] as const) {
      expect((await target.as[role].ok(CREATE_INDICATOR, { input: indicatorInput(target) })).createIndicator.indicator.id, role).toBeTruthy();
      expect((await target.as[role].ok(CREATE_OBJECTIVE, { input: objectiveInput(target) })).createObjective.objective.id, role).toBeTruthy();
    }
    for (const role of ['CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR', 'EMPLOYEE'] as const) {
      expect(await target.as[role].code(CREATE_INDICATOR, { input: indicatorInput(target) }), role).toBe('FORBIDDEN');
      expect(await target.as[role].code(CREATE_OBJECTIVE, { input: objectiveInput(target) }), role).toBe('FORBIDDEN');
    }
    const indicator = (await target.as.ISMS_MANAGER.ok(CREATE_INDICATOR, { input: indicatorInput(target, { ownerId: target.users.MANAGEMENT.id }) })).createIndicator.indicator;
    const objective = (await target.as.ISMS_MANAGER.ok(CREATE_OBJECTIVE, { input: objectiveInput(target) })).createObjective.objective;
    for (const role of ['CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'] as const) {
      expect(await target.as[role].code(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 1, title: 'x' } }), role).toBe('FORBIDDEN');
      expect(await target.as[role].code(UPDATE_INDICATOR, { input: { id: indicator.id, version: 1, target: 1 } }), role).toBe('FORBIDDEN');
      expect(await target.as[role].code(DELETE_INDICATOR, { input: { id: indicator.id } }), role).toBe('FORBIDDEN');
      expect(await target.as[role].code(DELETE_OBJECTIVE, { input: { id: objective.id } }), role).toBe('FORBIDDEN');
    }
    // Employees do not see them at all.
    expect(await target.as.EMPLOYEE.code(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 1, title: 'x' } })).toBe('NOT_FOUND');
    expect((await target.as.EMPLOYEE.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: indicator.id })).node).toBeNull();

    // Measuring: the indicator's owner (here a manager) and admins; a contributor who does not own it, auditors and employees not.
    const day = (d: number) => addDays(todayUtc(), -d);
    expect((await target.as.MANAGEMENT.ok(RECORD, { input: { indicatorId: indicator.id, value: 1, measuredOn: day(1) } })).recordMeasurement.measurement.value).toBe(1);
    expect((await target.as.OWNER.ok(RECORD, { input: { indicatorId: indicator.id, value: 2, measuredOn: day(2) } })).recordMeasurement.measurement.value).toBe(2);
    const mine = (await target.as.ISMS_MANAGER.ok(RECORD, { input: { indicatorId: indicator.id, value: 3, measuredOn: day(3) } })).recordMeasurement.measurement;
    expect(await target.as.CONTRIBUTOR.code(RECORD, { input: { indicatorId: indicator.id, value: 4, measuredOn: day(4) } })).toBe('FORBIDDEN');
    expect(await target.as.AUDITOR.code(RECORD, { input: { indicatorId: indicator.id, value: 4, measuredOn: day(4) } })).toBe('FORBIDDEN');
    expect(await target.as.EMPLOYEE.code(RECORD, { input: { indicatorId: indicator.id, value: 4, measuredOn: day(4) } })).toBe('NOT_FOUND');
    expect(await target.as.CONTRIBUTOR.code(CORRECT, { input: { id: mine.id, version: 1, value: 9, reason: 'x' } })).toBe('FORBIDDEN');
    expect(await target.as.AUDITOR.code(DELETE_MEASUREMENT, { input: { id: mine.id, reason: 'x' } })).toBe('FORBIDDEN');
    expect((await target.as.MANAGEMENT.ok(CORRECT, { input: { id: mine.id, version: 1, value: 2.5, reason: 'Recount' } })).correctMeasurement.measurement.value).toBe(2.5);
    const canMeasure = async (role: Role) => (await target.as[role].ok(`query($id: ID!) { node(id: $id) { ... on Indicator { viewerCanMeasure } } }`, { id: indicator.id })).node.viewerCanMeasure;
    expect(await canMeasure('MANAGEMENT')).toBe(true);
    expect(await canMeasure('ISMS_MANAGER')).toBe(true);
    expect(await canMeasure('CONTRIBUTOR')).toBe(false);
    expect(await canMeasure('AUDITOR')).toBe(false);
    // Once it is theirs, the contributor measures it.
    await target.as.ISMS_MANAGER.ok(UPDATE_INDICATOR, { input: { id: indicator.id, version: 1, ownerId: target.users.CONTRIBUTOR.id } });
    expect((await target.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 4, measuredOn: day(4) } })).recordMeasurement.measurement.value).toBe(4);
    expect(await target.as.MANAGEMENT.code(RECORD, { input: { indicatorId: indicator.id, value: 5, measuredOn: day(5) } })).toBe('FORBIDDEN');
  });

  it('keeps other organisations out of everything', async () => {
    const indicator = (await org.as.ISMS_MANAGER.ok(CREATE_INDICATOR, { input: indicatorInput(org) })).createIndicator.indicator;
    const objective = (await org.as.ISMS_MANAGER.ok(CREATE_OBJECTIVE, { input: objectiveInput(org, { indicatorIds: [indicator.id] }) })).createObjective.objective;
    const measurement = (await org.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 3, measuredOn: todayUtc() } })).recordMeasurement.measurement;
    const stranger = other.as.OWNER;
    for (const id of [indicator.id, objective.id, measurement.id]) expect((await stranger.ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
    expect((await stranger.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: org.id })).organization).toBeNull();
    expect(await stranger.code(`query($id: ID!) { organization(id: $id) { objectives { id } } }`, { id: org.id })).toBeUndefined(); // null organisation, no error
    expect(await stranger.code(CREATE_OBJECTIVE, { input: objectiveInput(org, { ownerId: null }) })).toBe('NOT_FOUND');
    expect(await stranger.code(CREATE_INDICATOR, { input: indicatorInput(org, { ownerId: null }) })).toBe('NOT_FOUND');
    expect(await stranger.code(UPDATE_OBJECTIVE, { input: { id: objective.id, version: 1, title: 'pwned' } })).toBe('NOT_FOUND');
    expect(await stranger.code(UPDATE_INDICATOR, { input: { id: indicator.id, version: 1, target: 99 } })).toBe('NOT_FOUND');
    expect(await stranger.code(DELETE_INDICATOR, { input: { id: indicator.id } })).toBe('NOT_FOUND');
    expect(await stranger.code(DELETE_OBJECTIVE, { input: { id: objective.id } })).toBe('NOT_FOUND');
    expect(await stranger.code(RECORD, { input: { indicatorId: indicator.id, value: 1, measuredOn: addDays(todayUtc(), -1) } })).toBe('NOT_FOUND');
    expect(await stranger.code(CORRECT, { input: { id: measurement.id, version: 1, value: 1, reason: 'x' } })).toBe('NOT_FOUND');
    expect(await stranger.code(DELETE_MEASUREMENT, { input: { id: measurement.id, reason: 'x' } })).toBe('NOT_FOUND');
    // Nor can another organisation link our records into theirs.
    const linkRisk = await stranger.request(CREATE_OBJECTIVE, { input: objectiveInput(other, { ownerId: null, indicatorIds: [indicator.id] }) });
    expect(linkRisk.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'indicatorIds', reason: 'UNKNOWN_INDICATOR' });
    const linkObjective = await stranger.request(CREATE_INDICATOR, { input: indicatorInput(other, { ownerId: null, objectiveIds: [objective.id] }) });
    expect(linkObjective.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'objectiveIds', reason: 'UNKNOWN_OBJECTIVE' });
    expect((await stranger.ok(`query($id: ID!) { organization(id: $id) { objectives { id } indicators { id } } }`, { id: other.id })).organization).toEqual({ objectives: [], indicators: [] });
    expect(await count(`SELECT count(*)::int AS n FROM indicators WHERE id = $1 AND version = 1 AND target = 5`, [indicator.id])).toBe(1);
  });
});

describe('measurements falling due', () => {
  it('notify the indicator’s owner once per period', async () => {
    const target = await buildOrganization(server, 'Due measurements B.V.');
    const indicator = (await target.as.ISMS_MANAGER.ok(CREATE_INDICATOR, { input: indicatorInput(target, { name: 'Incidents closed within SLA', unit: '%', target: 90, direction: 'AT_LEAST' }) })).createIndicator.indicator;
    const lastMonth = addMonths(todayUtc(), -1);
    await target.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 93, measuredOn: addDays(lastMonth, -1) } });
    const notifications = async () =>
      (await server.services.db.dataSource.query(`SELECT user_id, kind, title FROM notifications WHERE subject_id = $1`, [indicator.id])) as Array<{ user_id: string; kind: string; title: string }>;
    await server.services.objectives.notifyDueMeasurements();
    await server.services.objectives.notifyDueMeasurements();
    expect(await notifications()).toEqual([{ user_id: target.users.CONTRIBUTOR.id, kind: 'DUE_SOON', title: 'Measurement due: Incidents closed within SLA' }]);
    // Measured: not due any more, nothing new; the next period notifies again.
    await target.as.CONTRIBUTOR.ok(RECORD, { input: { indicatorId: indicator.id, value: 91, measuredOn: todayUtc() } });
    await server.services.objectives.notifyDueMeasurements();
    expect(await notifications()).toHaveLength(1);
    await server.services.objectives.notifyDueMeasurements(addMonths(todayUtc(), 1));
    await server.services.objectives.notifyDueMeasurements(addMonths(todayUtc(), 1));
    expect(await notifications()).toHaveLength(2);
  });
});
