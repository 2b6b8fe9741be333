import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc, type Role } from '@annex/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import type { ApiClient } from '../support/client.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  server = await startTestServer({ UPLOAD_MAX_MB: '1' }, 'evidence_attach');
  org = await buildOrganization(server, 'Attaching B.V.');
  other = await buildOrganization(server, 'Neighbour B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function upload(as: ApiClient, organizationId: string, bytes: Buffer, fields: Record<string, string> = {}, type = 'text/plain', name = 'evidence.txt') {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const response = await fetch(`${server.url}/uploads`, { method: 'POST', body: form, headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId, cookie: as.cookie! } });
  return { status: response.status, body: (await response.json()) as { id?: string; sha256?: string; error?: { code: string; message: string } } };
}

const LIST = `query($id: ID!, $ref: String, $subject: ID) { organization(id: $id) { evidence(controlRef: $ref, subjectId: $subject) {
  id title controlRefs effectiveOn expiresOn expired createdAt uploadedBy { id } subject { id } file { url filename size sha256 contentType } } } }`;

interface Listed {
  id: string;
  title: string;
  controlRefs: string[];
  effectiveOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  uploadedBy: { id: string } | null;
  subject: { id: string } | null;
  file: { url: string; filename: string; size: number; sha256: string; contentType: string } | null;
}

async function list(as: ApiClient, organizationId: string, filter: { ref?: string; subject?: string }): Promise<Listed[] | null> {
  const data = await as.ok<{ organization: { evidence: Listed[] } | null }>(LIST, { id: organizationId, ...filter });
  return data.organization?.evidence ?? null;
}

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);

async function createTask(target: TestOrg, assignee: Role = 'CONTRIBUTOR', title = 'Run the quarterly restore test') {
  const { createTask } = await target.as.ISMS_MANAGER.ok<{ createTask: { task: { id: string } } }>(`mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`, {
    input: { organizationId: target.id, title, assigneeId: target.users[assignee].id },
  });
  return createTask.task.id;
}

describe('evidence attached to a task', () => {
  it('is stored with its hash, size, type and dates, and listed on the task', async () => {
    const taskId = await createTask(org);
    const bytes = Buffer.from('Restore of the customer database completed in 42 minutes.\n');
    const uploaded = await upload(org.as.CONTRIBUTOR, org.id, bytes, { subjectId: taskId, title: 'Restore test Q3', effectiveOn: '2026-09-30', expiresOn: addDays(todayUtc(), 90) }, 'text/plain', 'restore-q3.txt');
    expect(uploaded).toMatchObject({ status: 201, body: { sha256: sha256(bytes) } });
    // Without S3_BUCKET the bytes are on disk, under their hash.
    expect(server.services.files.kind).toBe('disk');
    expect(await server.services.files.exists(sha256(bytes))).toBe(true);
    // An old record, already expired.
    const old = await upload(org.as.CONTRIBUTOR, org.id, Buffer.from('Restore test of last year.'), { subjectId: taskId, title: 'Restore test last year', effectiveOn: '2025-09-30', expiresOn: addDays(todayUtc(), -1) });
    expect(old.status).toBe(201);

    const listed = await list(org.as.MANAGEMENT, org.id, { subject: taskId });
    expect(listed!.map((e) => e.id)).toEqual([old.body.id, uploaded.body.id]); // newest first
    expect(listed![1]).toMatchObject({
      title: 'Restore test Q3',
      controlRefs: [],
      effectiveOn: '2026-09-30',
      expiresOn: addDays(todayUtc(), 90),
      expired: false,
      uploadedBy: { id: org.users.CONTRIBUTOR.id },
      subject: { id: taskId },
      file: { filename: 'restore-q3.txt', size: bytes.length, sha256: sha256(bytes), contentType: 'text/plain' },
    });
    expect(listed![0]).toMatchObject({ title: 'Restore test last year', expired: true });
    // The file comes back as uploaded.
    const download = await fetch(`${server.url}${listed![1]!.file!.url}`, { headers: { cookie: org.as.MANAGEMENT.cookie! } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // The upload is in the audit trail.
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE organization_id = $1 AND action = 'evidence.uploaded' AND entity_id = $2`, [org.id, uploaded.body.id])).toBe(1);
  });

  it('may be attached by everyone allowed to upload evidence, and by no one else', async () => {
    const taskId = await createTask(org, 'CONTRIBUTOR', 'Review firewall rules');
    for (const role of ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'] as Role[]) {
      expect((await upload(org.as[role], org.id, Buffer.from(`rules reviewed by ${role}`), { subjectId: taskId })).status, role).toBe(201);
    }
    expect((await upload(org.as.EMPLOYEE, org.id, Buffer.from('me too'), { subjectId: taskId })).status).toBe(403);
    // An auditor uploads evidence, but not onto a task they are not on (they cannot see it).
    const auditor = await upload(org.as.AUDITOR, org.id, Buffer.from('auditor note'), { subjectId: taskId });
    expect(auditor.status).toBe(400);
    expect(auditor.body.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A task the auditor is assigned is theirs to document.
    const auditorTask = await createTask(org, 'AUDITOR', 'Sample three leavers');
    expect((await upload(org.as.AUDITOR, org.id, Buffer.from('three leavers sampled'), { subjectId: auditorTask })).status).toBe(201);

    expect((await list(org.as.CONTRIBUTOR, org.id, { subject: taskId }))!).toHaveLength(4);
    expect(await org.as.EMPLOYEE.code(LIST, { id: org.id, subject: taskId })).toBe('FORBIDDEN');
  });

  it('belongs to its organisation: another organisation neither attaches to nor sees it', async () => {
    const taskId = await createTask(org, 'CONTRIBUTOR', 'Renew the TLS certificates');
    const bytes = Buffer.from(`certificate renewal ${Math.random()}`);
    const mine = await upload(org.as.CONTRIBUTOR, org.id, bytes, { subjectId: taskId });
    expect(mine.status).toBe(201);
    const before = await count(`SELECT count(*) AS n FROM evidence`, []);

    // Into our organisation: not a member.
    expect((await upload(other.as.OWNER, org.id, Buffer.from('x'), { subjectId: taskId })).status).toBe(404);
    // Into their own organisation, onto our task: refused with a coded error, nothing stored.
    const crossed = await upload(other.as.OWNER, other.id, Buffer.from('x'), { subjectId: taskId });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await count(`SELECT count(*) AS n FROM evidence`, [])).toBe(before);

    // Nothing leaks through listing or downloading.
    expect(await list(other.as.OWNER, org.id, { subject: taskId })).toBeNull();
    expect(await list(other.as.OWNER, other.id, { subject: taskId })).toEqual([]);
    const [item] = (await list(org.as.OWNER, org.id, { subject: taskId }))!;
    expect((await fetch(`${server.url}${item!.file!.url}`, { headers: { cookie: other.as.OWNER.cookie! } })).status).toBe(404);
    expect((await other.as.OWNER.ok<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: mine.body.id })).node).toBeNull();
  });
});

describe('evidence attached to a control', () => {
  it('is listed under each control it names, whether or not it is on a record', async () => {
    const target = await buildOrganization(server, 'Controlled B.V.');
    const policy = await upload(target.as.ISMS_MANAGER, target.id, Buffer.from('%PDF-1.4 access reviews\n%%EOF\n'), { controlRefs: 'A.5.15, A.5.18', title: 'Access review Q3', effectiveOn: '2026-10-01' }, 'application/pdf', 'access-review.pdf');
    expect(policy.status).toBe(201);
    const taskId = await createTask(target, 'CONTRIBUTOR', 'Review admin accounts');
    const onTask = await upload(target.as.CONTRIBUTOR, target.id, Buffer.from('admin accounts: 4, all justified'), { controlRefs: 'A.5.18', subjectId: taskId });
    expect(onTask.status).toBe(201);

    expect((await list(target.as.MANAGEMENT, target.id, { ref: 'A.5.15' }))!.map((e) => e.id)).toEqual([policy.body.id]);
    expect((await list(target.as.MANAGEMENT, target.id, { ref: 'A.5.18' }))!.map((e) => e.id)).toEqual([onTask.body.id, policy.body.id]);
    expect(await list(target.as.MANAGEMENT, target.id, { ref: 'A.8.13' })).toEqual([]);
    // Both filters: the evidence of that control on that record.
    expect((await list(target.as.MANAGEMENT, target.id, { ref: 'A.5.18', subject: taskId }))!.map((e) => e.id)).toEqual([onTask.body.id]);
    expect((await list(target.as.MANAGEMENT, target.id, { ref: 'A.5.18' }))![1]).toMatchObject({ title: 'Access review Q3', controlRefs: ['A.5.15', 'A.5.18'], effectiveOn: '2026-10-01', expiresOn: null, expired: false, subject: null });

    // RBAC and tenancy.
    for (const role of ['OWNER', 'CONTRIBUTOR', 'MANAGEMENT', 'AUDITOR'] as Role[]) {
      expect((await upload(target.as[role], target.id, Buffer.from(`A.8.13 by ${role}`), { controlRefs: 'A.8.13' })).status, role).toBe(201);
    }
    expect((await upload(target.as.EMPLOYEE, target.id, Buffer.from('no'), { controlRefs: 'A.8.13' })).status).toBe(403);
    expect((await upload(other.as.OWNER, target.id, Buffer.from('no'), { controlRefs: 'A.8.13' })).status).toBe(404);
    expect((await list(target.as.ISMS_MANAGER, target.id, { ref: 'A.8.13' }))!).toHaveLength(4);
    // An auditor sees their own uploads, not the team's evidence outside their audits.
    expect((await list(target.as.AUDITOR, target.id, { ref: 'A.8.13' }))!.map((e) => e.uploadedBy?.id)).toEqual([target.users.AUDITOR.id]);
    expect(await list(other.as.OWNER, target.id, { ref: 'A.8.13' })).toBeNull();
    expect(await list(other.as.OWNER, other.id, { ref: 'A.8.13' })).toEqual([]);
  });

  it('refuses unknown controls and bad dates with coded errors, and stores nothing', async () => {
    const target = await buildOrganization(server, 'Careful B.V.');
    const files = await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [target.id]);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ controlRefs: 'A.9.99' }, 'controlRefs', 'UNKNOWN_REFERENCE'],
      [{ controlRefs: 'A.8.13', effectiveOn: '30/09/2026' }, 'effectiveOn', 'INVALID_DATE'],
      [{ controlRefs: 'A.8.13', expiresOn: '2026-13-01' }, 'expiresOn', 'INVALID_DATE'],
      [{ subjectId: 'tsk_doesnotexist' }, 'subjectId', 'UNKNOWN_SUBJECT'],
    ];
    for (const [fields, field, reason] of cases) {
      const refused = await upload(target.as.ISMS_MANAGER, target.id, Buffer.from('x'), fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(refused.body.error?.code, JSON.stringify(fields)).toBe('BAD_USER_INPUT');
      expect(refused.body.error?.message.length, `${field} ${reason}`).toBeGreaterThan(5);
    }
    const tooBig = await upload(target.as.ISMS_MANAGER, target.id, Buffer.alloc(1024 * 1024 + 1, 7), { controlRefs: 'A.8.13' }, 'application/pdf', 'big.pdf');
    expect(tooBig).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const exe = await upload(target.as.ISMS_MANAGER, target.id, Buffer.from('MZ'), { controlRefs: 'A.8.13' }, 'application/x-msdownload', 'setup.exe');
    expect(exe).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect(await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [target.id])).toBe(files);
    expect(await list(target.as.ISMS_MANAGER, target.id, { ref: 'A.8.13' })).toEqual([]);
  });
});
