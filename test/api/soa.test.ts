import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleCan, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await buildOrganization(server, 'SoA B.V.');
  other = await buildOrganization(server, 'Other SoA B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const SOA = `query($id: ID!) { organization(id: $id) { statementOfApplicability { version changedSinceIssued applicableCount excludedCount incompleteCount
  entries { id version control { ref title theme } applicable justification implementationStatus suggestedApplicable riskCount risks { id } } } soaVersions { id number contentHash approval { id } } } }`;
const UPDATE = `mutation($input: UpdateSoaEntryInput!) { updateSoaEntry(input: $input) { entry { control { ref } applicable justification implementationStatus version } } }`;
const ISSUE = `mutation($input: IssueSoaVersionInput!) { issueSoaVersion(input: $input) { soaVersion { id number contentHash } } }`;

/** Decides every entry: applicable unless listed as excluded. */
async function completeSoa(target: TestOrg, excluded: string[] = []) {
  const { organization } = await target.as.ISMS_MANAGER.ok(SOA, { id: target.id });
  for (const entry of organization.statementOfApplicability.entries) {
    const ref = entry.control.ref;
    await target.as.ISMS_MANAGER.ok(UPDATE, {
      input: excluded.includes(ref)
        ? { organizationId: target.id, controlRef: ref, applicable: false, justification: 'No own data centre.' }
        : { organizationId: target.id, controlRef: ref, applicable: true, justification: 'Required by the risk assessment.', implementationStatus: 'IMPLEMENTED' },
    });
  }
}

describe('Statement of Applicability', () => {
  it('has exactly one entry per Annex A control, suggesting applicability from risk treatments', async () => {
    await org.as.ISMS_MANAGER.ok(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { risk { id } } }`, {
      input: { organizationId: org.id, title: 'Malware', likelihood: 3, impact: 3, treatment: 'MITIGATE', controlRefs: ['A.8.7'] },
    });
    const { organization } = await org.as.AUDITOR.ok(SOA, { id: org.id });
    const soa = organization.statementOfApplicability;
    expect(soa.entries).toHaveLength(93);
    expect(new Set(soa.entries.map((e: { control: { ref: string } }) => e.control.ref)).size).toBe(93);
    expect(soa).toMatchObject({ version: 0, incompleteCount: 93, changedSinceIssued: true });
    const malware = soa.entries.find((e: { control: { ref: string } }) => e.control.ref === 'A.8.7');
    expect(malware).toMatchObject({ suggestedApplicable: true, applicable: null, riskCount: 1, risks: [{ id: expect.any(String) }] });
  });

  it('requires a justification for both answers and a known control', async () => {
    const noReason = await org.as.ISMS_MANAGER.request(UPDATE, { input: { organizationId: org.id, controlRef: 'A.7.5', applicable: false } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' });
    expect((await org.as.ISMS_MANAGER.request(UPDATE, { input: { organizationId: org.id, controlRef: 'A.9.1', applicable: true, justification: 'x' } })).errors?.[0]?.extensions).toMatchObject({ field: 'controlRef' });
    const { updateSoaEntry } = await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, controlRef: 'A.7.5', applicable: false, justification: ' Hosted by the cloud provider. ' } });
    expect(updateSoaEntry.entry).toMatchObject({ applicable: false, justification: 'Hosted by the cloud provider.', version: 2 });
    expect(await org.as.ISMS_MANAGER.code(UPDATE, { input: { organizationId: org.id, controlRef: 'A.7.5', version: 1, justification: 'stale' } })).toBe('CONFLICT');
  });

  it('issues versions only when complete, has management approve one, compares versions and exports them', async () => {
    expect((await org.as.ISMS_MANAGER.request(ISSUE, { input: { organizationId: org.id } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INCOMPLETE' });
    await completeSoa(org, ['A.7.5', 'A.7.8']);
    const v1 = (await org.as.ISMS_MANAGER.ok(ISSUE, { input: { organizationId: org.id, note: 'First issue' } })).issueSoaVersion.soaVersion;
    expect(v1.number).toBe(1);
    const { requestApproval } = await org.as.ISMS_MANAGER.ok(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { approvalRequest { id subjectHash } } }`, {
      input: { subjectId: v1.id, approverIds: [org.users.MANAGEMENT.id] },
    });
    expect(requestApproval.approvalRequest.subjectHash).toBe(v1.contentHash);
    await org.as.MANAGEMENT.ok(`mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { approvalRequest { status } } }`, {
      input: { approvalRequestId: requestApproval.approvalRequest.id, decision: 'APPROVE' },
    });
    // Version 2: two controls changed.
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, controlRef: 'A.8.30', applicable: false, justification: 'No outsourced development.' } });
    await org.as.ISMS_MANAGER.ok(UPDATE, { input: { organizationId: org.id, controlRef: 'A.5.7', implementationStatus: 'PARTIAL' } });
    const v2 = (await org.as.ISMS_MANAGER.ok(ISSUE, { input: { organizationId: org.id } })).issueSoaVersion.soaVersion;
    const { organization } = await org.as.AUDITOR.ok(`query($id: ID!) { organization(id: $id) { compareSoaVersions(from: 1, to: 2) { controlRef field before after } statementOfApplicability { version changedSinceIssued } soaVersions { number approval { id } } } }`, { id: org.id });
    expect(organization.compareSoaVersions).toEqual([
      { controlRef: 'A.5.7', field: 'implementationStatus', before: 'IMPLEMENTED', after: 'PARTIAL' },
      { controlRef: 'A.8.30', field: 'applicable', before: 'true', after: 'false' },
      { controlRef: 'A.8.30', field: 'justification', before: 'Required by the risk assessment.', after: 'No outsourced development.' },
      { controlRef: 'A.8.30', field: 'implementationStatus', before: 'IMPLEMENTED', after: 'NOT_STARTED' },
    ]);
    expect(organization.statementOfApplicability).toEqual({ version: 2, changedSinceIssued: false });
    expect(organization.soaVersions.map((v: { number: number; approval: unknown }) => [v.number, v.approval !== null])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(v2.number).toBe(2);

    const base = `${server.url}/exports/organizations/${org.id}`;
    const headers = { cookie: org.as.AUDITOR.cookie! };
    const csv = await fetch(`${base}/soa.csv?version=approved`, { headers });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('Control,Title,Theme,Applicable,Justification,Implementation');
    expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(94);
    expect(text).toContain('Version 1');
    expect(text).toContain('approved by MANAGEMENT Person');
    const xlsx = await fetch(`${base}/soa.xlsx?version=2`, { headers });
    expect(xlsx.status).toBe(200);
    const xlsxBytes = Buffer.from(await xlsx.arrayBuffer());
    expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes as never);
    expect(String(workbook.worksheets[0]!.getCell(1, 1).value)).toContain('SoA B.V.');
    const pdf = await fetch(`${base}/soa.pdf`, { headers });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${base}/soa.csv?version=9`, { headers })).status).toBe(404);
    expect((await fetch(`${base}/soa.pdf`, { headers: { cookie: org.as.EMPLOYEE.cookie! } })).status).toBe(403);
    expect((await fetch(`${base}/soa.pdf`, { headers: { cookie: other.as.OWNER.cookie! } })).status).toBe(404);
  });
});

describe('SoA RBAC', () => {
  it.each(ROLES.map((role) => [role] as [Role]))('%s', async (role) => {
    const read = await org.as[role].request(SOA, { id: org.id });
    if (roleCan(role, 'soa:read')) expect(read.errors).toBeUndefined();
    else expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const update = await org.as[role].request(UPDATE, { input: { organizationId: org.id, controlRef: 'A.6.1', applicable: true, justification: `Set by ${role}` } });
    if (roleCan(role, 'soa:update')) expect(update.errors).toBeUndefined();
    else expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const issue = await org.as[role].request(ISSUE, { input: { organizationId: org.id } });
    if (roleCan(role, 'soa:issue')) expect(issue.errors).toBeUndefined();
    else expect(issue.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('SoA tenant isolation', () => {
  it('another organisation neither reads nor changes the SoA', async () => {
    expect((await other.as.OWNER.ok(SOA, { id: org.id })).organization).toBeNull();
    expect(await other.as.OWNER.code(UPDATE, { input: { organizationId: org.id, controlRef: 'A.5.1', applicable: false, justification: 'pwned' } })).toBe('NOT_FOUND');
    expect(await other.as.OWNER.code(ISSUE, { input: { organizationId: org.id } })).toBe('NOT_FOUND');
  });
});
