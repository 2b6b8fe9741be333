import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
let assetId: string;
let foreignAssetId: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'Risks B.V.');
  other = await buildOrganization(server, 'Other risks B.V.');
  const CREATE_ASSET = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { asset { id } } }`;
  assetId = (await org.as.ISMS_MANAGER.ok(CREATE_ASSET, { input: { organizationId: org.id, name: 'Fleet database', type: 'SOFTWARE', confidentiality: 3, integrity: 3, availability: 3 } })).createAsset.asset.id;
  foreignAssetId = (await other.as.OWNER.ok(CREATE_ASSET, { input: { organizationId: other.id, name: 'Their database', type: 'SOFTWARE', confidentiality: 3, integrity: 3, availability: 3 } })).createAsset.asset.id;
});
afterAll(async () => {
  await server?.stop();
});

const FIELDS = `id version title likelihood impact inherentScore level treatment controls { ref title } residualScore residualLevel owner { id } assets { id } aboveThreshold needsAcceptance acceptance { id } tasks { id }`;
const CREATE = `mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateRiskInput!) { updateRisk(input: $input) { risk { ${FIELDS} } } }`;
const REGISTER = `query($id: ID!, $filter: RiskFilter, $orderBy: RiskOrder, $first: Int, $after: String) { organization(id: $id) { riskMatrix { likelihoodLabels acceptanceThreshold version }
  risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } } }`;
const MATRIX = `mutation($input: UpdateRiskMatrixInput!) { updateRiskMatrix(input: $input) { riskMatrix { likelihoodLabels impactLabels acceptanceThreshold version } } }`;
let n = 0;
const risk = (extra: Record<string, unknown> = {}) => ({ organizationId: org.id, title: `Risk ${++n}`, likelihood: 3, impact: 3, ...extra });

describe('risks', () => {
  it('scores a risk on the default 5×5 matrix, with assets, controls, treatment and residual', async () => {
    const { createRisk } = await org.as.ISMS_MANAGER.ok(CREATE, {
      input: risk({
        title: 'Ransomware encrypts the fleet database',
        threat: 'Ransomware',
        vulnerability: 'Unpatched bastion host',
        assetIds: [assetId],
        likelihood: 4,
        impact: 5,
        treatment: 'MITIGATE',
        controlRefs: ['A.8.13', 'A.8.8'],
        ownerId: org.users.MANAGEMENT.id,
        residualLikelihood: 2,
        residualImpact: 4,
      }),
    });
    expect(createRisk.risk).toMatchObject({
      inherentScore: 20,
      level: 'CRITICAL',
      residualScore: 8,
      residualLevel: 'MEDIUM',
      aboveThreshold: false,
      needsAcceptance: false,
      owner: { id: org.users.MANAGEMENT.id },
      assets: [{ id: assetId }],
    });
    expect(createRisk.risk.controls.map((c: { ref: string }) => c.ref)).toEqual(['A.8.13', 'A.8.8']);
  });

  it.each([
    [{ likelihood: 7 }, 'likelihood'],
    [{ impact: 0 }, 'impact'],
    [{ residualImpact: 6 }, 'residualImpact'],
    [{ controlRefs: ['A.9.1'] }, 'controlRefs'],
    [{ assetIds: ['ast_0190aaaaaaaa7aaaaaaaaaaaaaaaaaaa'] }, 'assetIds'],
    [{ title: '' }, 'title'],
  ])('refuses %o on %s, writing nothing', async (override, field) => {
    const before = ((await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM risks WHERE organization_id = $1`, [org.id])) as Array<{ n: number }>)[0]!.n;
    const result = await org.as.ISMS_MANAGER.request(CREATE, { input: risk(override) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(((await server.services.db.dataSource.query(`SELECT count(*)::int AS n FROM risks WHERE organization_id = $1`, [org.id])) as Array<{ n: number }>)[0]!.n).toBe(before);
  });

  it("refuses another organisation's asset", async () => {
    expect((await org.as.ISMS_MANAGER.request(CREATE, { input: risk({ assetIds: [foreignAssetId] }) })).errors?.[0]?.extensions?.field).toBe('assetIds');
  });

  it("needs the risk owner's acceptance above the threshold or when accepted; a change of the scores lapses it (6.1.3 f)", async () => {
    const { createRisk } = await org.as.ISMS_MANAGER.ok(CREATE, { input: risk({ title: 'Legacy SFTP with passwords', likelihood: 4, impact: 4, treatment: 'ACCEPT', ownerId: org.users.MANAGEMENT.id }) });
    expect(createRisk.risk).toMatchObject({ needsAcceptance: true, aboveThreshold: true, acceptance: null });
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id } } }`, {
      input: { subjectId: createRisk.risk.id, approverIds: [org.users.MANAGEMENT.id], note: 'Accept until 31 March.' },
    });
    await org.as.MANAGEMENT.ok(`mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { status } } }`, {
      input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'APPROVE', comment: 'Accepted with IP allow-listing.' },
    });
    const accepted = await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Risk { version acceptance { id } } } }`, { id: createRisk.risk.id });
    expect(accepted.node.acceptance).toEqual({ id: requestApproval.approvalRequest.id });
    // A change of a non-scored field keeps it; a change of the scores lapses it.
    const renamed = await org.as.ISMS_MANAGER.ok(UPDATE, { input: { id: createRisk.risk.id, version: accepted.node.version, title: 'Legacy SFTP endpoint' } });
    expect(renamed.updateRisk.risk.acceptance).toEqual({ id: requestApproval.approvalRequest.id });
    const rescored = await org.as.ISMS_MANAGER.ok(UPDATE, { input: { id: createRisk.risk.id, version: renamed.updateRisk.risk.version, likelihood: 5 } });
    expect(rescored.updateRisk.risk.acceptance).toBeNull();
    const [row] = (await server.services.db.dataSource.query(`SELECT status FROM approval_requests WHERE id = $1`, [requestApproval.approvalRequest.id])) as Array<{ status: string }>;
    expect(row!.status).toBe('INVALIDATED');
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { id: createRisk.risk.id, version: 1, likelihood: 1 } })).toBe('CONFLICT');
  });

  it('filters and orders the register, with paging, and exports CSV', async () => {
    const target = await buildOrganization(server, 'Register B.V.');
    for (const [l, i] of [[1, 1], [5, 5], [3, 4], [2, 2], [4, 5]]) {
      await target.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: target.id, title: `L${l}I${i}`, likelihood: l, impact: i } });
    }
    const all = await target.as.AUDITOR.ok(REGISTER, { id: target.id });
    expect(all.organization.risks.edges.map((e: { node: { inherentScore: number } }) => e.node.inherentScore)).toEqual([25, 20, 12, 4, 1]);
    const critical = await target.as.AUDITOR.ok(REGISTER, { id: target.id, filter: { level: ['CRITICAL'] } });
    expect(critical.organization.risks.totalCount).toBe(2);
    const above = await target.as.AUDITOR.ok(REGISTER, { id: target.id, filter: { aboveThreshold: true }, orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(above.organization.risks.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['L3I4', 'L4I5', 'L5I5']);
    const page1 = await target.as.AUDITOR.ok(REGISTER, { id: target.id, first: 2 });
    const page2 = await target.as.AUDITOR.ok(REGISTER, { id: target.id, first: 2, after: page1.organization.risks.pageInfo.endCursor });
    expect(page2.organization.risks.edges.map((e: { node: { inherentScore: number } }) => e.node.inherentScore)).toEqual([12, 4]);
    const heat = await target.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { riskHeatMap { likelihood impact count } } }`, { id: target.id });
    expect(heat.organization.riskHeatMap).toContainEqual({ likelihood: 5, impact: 5, count: 1 });
    const csv = await fetch(`${server.url}/exports/organizations/${target.id}/risks.csv`, { headers: { cookie: target.as.AUDITOR.cookie! } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('L5I5');
  });

  it('re-scores every risk in one transaction when the matrix changes size', async () => {
    const target = await buildOrganization(server, 'Matrix B.V.');
    await target.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: target.id, title: 'Top', likelihood: 5, impact: 5, residualLikelihood: 3, residualImpact: 2 } });
    const { updateRiskMatrix } = await target.as.ISMS_MANAGER.ok(MATRIX, {
      input: { organizationId: target.id, likelihoodLabels: ['Low', 'Medium', 'High', 'Very high'], impactLabels: ['Low', 'Medium', 'High', 'Very high'], acceptanceThreshold: 6, version: 0 },
    });
    expect(updateRiskMatrix.riskMatrix).toMatchObject({ acceptanceThreshold: 6, version: 1 });
    const { organization } = await target.as.ISMS_MANAGER.ok(REGISTER, { id: target.id });
    expect(organization.risks.edges[0].node).toMatchObject({ likelihood: 4, impact: 4, inherentScore: 16, level: 'CRITICAL', residualScore: 6, aboveThreshold: false });
    expect(await target.as.ISMS_MANAGER.code(MATRIX, { input: { organizationId: target.id, likelihoodLabels: ['a', 'b'], impactLabels: ['a', 'b', 'c'], acceptanceThreshold: 2 } })).toBe('BAD_USER_INPUT');
    expect(await target.as.ISMS_MANAGER.code(MATRIX, { input: { organizationId: target.id, likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['a', 'b', 'c'], acceptanceThreshold: 3, version: 0 } })).toBe('CONFLICT');
    expect(await target.as.ISMS_MANAGER.code(CREATE, { input: { organizationId: target.id, title: 'Too likely', likelihood: 5, impact: 1 } })).toBe('BAD_USER_INPUT');
  });
});

describe('risk RBAC', () => {
  it.each(ROLES.map((role) => [role] as [Role]))('%s', async (role) => {
    const create = await org.as[role].request(CREATE, { input: risk({ ownerId: org.users[role].id }) });
    if (roleCan(role, 'risk:create')) expect(create.errors).toBeUndefined();
    else expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await org.as[role].request(REGISTER, { id: org.id });
    if (roleCan(role, 'risk:read')) expect(read.errors).toBeUndefined();
    else expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { createRisk } = await org.as.ISMS_MANAGER.ok(CREATE, { input: risk({ ownerId: role === 'OWNER' ? org.users.ISMS_MANAGER.id : org.users.OWNER.id }) });
    const edit = await org.as[role].request(UPDATE, { input: { id: createRisk.risk.id, version: 1, impact: 4 } });
    if (roleCan(role, 'risk:updateAny')) expect(edit.errors).toBeUndefined();
    else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(edit.errors?.[0]?.extensions?.code);
    const matrix = await org.as[role].request(MATRIX, { input: { organizationId: org.id, likelihoodLabels: ['1', '2', '3', '4', '5'], impactLabels: ['1', '2', '3', '4', '5'], acceptanceThreshold: 9 } });
    if (roleCan(role, 'riskMatrix:update')) expect(matrix.errors).toBeUndefined();
    else expect(matrix.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('risk tenant isolation', () => {
  it('another organisation neither reads nor changes the risks', async () => {
    const { createRisk } = await org.as.ISMS_MANAGER.ok(CREATE, { input: risk() });
    expect((await other.as.OWNER.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: createRisk.risk.id })).node).toBeNull();
    expect(await other.as.OWNER.code(UPDATE, { input: { id: createRisk.risk.id, version: 1, title: 'pwned' } })).toBe('NOT_FOUND');
    expect((await other.as.OWNER.ok(REGISTER, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(MATRIX, { input: { organizationId: org.id, likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['a', 'b', 'c'], acceptanceThreshold: 3 } })).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/exports/organizations/${org.id}/risks.csv`, { headers: { cookie: other.as.OWNER.cookie! } })).status).toBe(404);
  });
});
