import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import { startFakeS3, type FakeS3 } from '../support/fake-s3.js';
import type { ApiClient } from '../support/client.js';

let s3: FakeS3;
let server: TestServer;
let org: TestOrg;
let other: TestOrg;
/** The disk folder the server would use without S3: it must stay empty. */
let diskDir: string;

beforeAll(async () => {
  s3 = await startFakeS3('annex-evidence');
  diskDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'annex-files-'));
  server = await startTestServer(
    {
      UPLOAD_MAX_MB: '1',
      ANNEX_FILES_DIR: diskDir,
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    'storage_s3',
  );
  org = await buildOrganization(server, 'Bucketed B.V.');
  other = await buildOrganization(server, 'Elsewhere B.V.');
});
afterAll(async () => {
  await server?.stop();
  await s3?.stop();
  if (diskDir) await fs.promises.rm(diskDir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function uploadEvidence(as: ApiClient, organizationId: string, bytes: Buffer, type: string, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const response = await fetch(`${server.url}/uploads`, { method: 'POST', body: form, headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId, cookie: as.cookie! } });
  return { status: response.status, body: (await response.json()) as { id?: string; sha256?: string; size?: number; error?: { code: string; message: string } } };
}

async function uploadDocumentFile(as: ApiClient, documentId: string, bytes: Buffer, type: string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const response = await fetch(`${server.url}/documents/${documentId}/file`, { method: 'POST', body: form, headers: { 'x-annex-upload': '1', cookie: as.cookie! } });
  return { status: response.status, body: (await response.json()) as { sha256?: string; error?: { code: string; message: string } } };
}

async function download(as: ApiClient | null, url: string) {
  const response = await fetch(`${server.url}${url}`, { headers: as ? { cookie: as.cookie! } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every file under the disk folder (there should be none). */
async function diskFiles(): Promise<string[]> {
  const entries = await fs.promises.readdir(diskDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

const count = async (sql: string, params: unknown[]) => Number(((await server.services.db.dataSource.query(sql, params)) as Array<{ n: number }>)[0]!.n);

describe('files in S3-compatible storage (S3_BUCKET set)', () => {
  it('uses the bucket, not the disk', () => {
    expect(server.services.files.kind).toBe('s3');
  });

  it('stores evidence uploaded through POST /uploads in the bucket under its SHA-256, once, and streams it back byte-identical', async () => {
    const bytes = Buffer.from(`%PDF-1.4\nrestore test of ${new Date().toISOString()}\n${'x'.repeat(200_000)}\n%%EOF\n`);
    const uploaded = await uploadEvidence(org.as.CONTRIBUTOR, org.id, bytes, 'application/pdf', 'restore-test.pdf', { controlRefs: 'A.8.13', title: 'Restore test' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    // In the bucket, under its hash, with exactly these bytes; nothing on disk.
    expect(await s3.keys()).toContain(sha256(bytes));
    expect((await s3.object(sha256(bytes)))!.equals(bytes)).toBe(true);
    expect(await diskFiles()).toEqual([]);

    // Recorded: hash, size, type, name, upload time.
    const { node } = await org.as.MANAGEMENT.ok(`query($id: ID!) { node(id: $id) { ... on Evidence { title controlRefs file { url sha256 size contentType filename uploadedAt } } } }`, { id: uploaded.body.id });
    expect(node).toMatchObject({ title: 'Restore test', controlRefs: ['A.8.13'], file: { sha256: sha256(bytes), size: bytes.length, contentType: 'application/pdf', filename: 'restore-test.pdf' } });
    expect(Date.now() - new Date(node.file.uploadedAt).getTime()).toBeLessThan(60_000);

    // Downloaded back through /files/:id, streamed from the bucket.
    const got = await download(org.as.MANAGEMENT, node.file.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(got.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(got.bytes.equals(bytes)).toBe(true);
    // Still authorised like the API.
    expect((await download(null, node.file.url)).status).toBe(401);
    expect((await download(other.as.OWNER, node.file.url)).status).toBe(404);
    expect((await download(org.as.EMPLOYEE, node.file.url)).status).toBe(404);

    // The same bytes again: a second evidence record, the same single object.
    const keysBefore = await s3.keys();
    const again = await uploadEvidence(org.as.ISMS_MANAGER, org.id, bytes, 'application/pdf', 'restore-test-copy.pdf');
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(uploaded.body.id);
    expect(await s3.keys()).toEqual(keysBefore);
    expect(await count(`SELECT count(*) AS n FROM stored_files WHERE sha256 = $1`, [sha256(bytes)])).toBe(2);
  });

  it('stores a file document’s draft in the bucket and serves it to the team', async () => {
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n% NDA ${Math.random()}\ntrailer<<>>\n%%EOF\n`);
    const { createDocument } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, {
      input: { organizationId: org.id, title: 'Signed NDA template', kind: 'RECORD', format: 'FILE', content: null },
    });
    const uploaded = await uploadDocumentFile(org.as.ISMS_MANAGER, createDocument.document.id, pdf, 'application/pdf', 'nda.pdf');
    expect(uploaded).toMatchObject({ status: 201, body: { sha256: sha256(pdf) } });
    expect((await s3.object(sha256(pdf)))!.equals(pdf)).toBe(true);
    expect(await diskFiles()).toEqual([]);

    const { node } = await org.as.ISMS_MANAGER.ok(`query($id: ID!) { node(id: $id) { ... on Document { draft { file { url sha256 filename } } } } }`, { id: createDocument.document.id });
    expect(node.draft.file).toMatchObject({ sha256: sha256(pdf), filename: 'nda.pdf' });
    const got = await download(org.as.ISMS_MANAGER, node.draft.file.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
  });

  it('still refuses files too large or of a refused type with coded errors, and stores nothing', async () => {
    const keysBefore = await s3.keys();
    const files = await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [org.id]);

    const tooBig = await uploadEvidence(org.as.CONTRIBUTOR, org.id, Buffer.alloc(1024 * 1024 + 10, 1), 'application/pdf', 'big.pdf');
    expect(tooBig).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect(tooBig.body.error!.message).toContain('1 MB');
    const exe = await uploadEvidence(org.as.CONTRIBUTOR, org.id, Buffer.from('MZ not really'), 'application/x-msdownload', 'tool.exe');
    expect(exe).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const empty = await uploadEvidence(org.as.CONTRIBUTOR, org.id, Buffer.alloc(0), 'text/plain', 'empty.txt');
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect((await uploadEvidence(org.as.EMPLOYEE, org.id, Buffer.from('no'), 'text/plain', 'a.txt')).status).toBe(403);
    expect((await uploadEvidence(other.as.OWNER, org.id, Buffer.from('no'), 'text/plain', 'a.txt')).status).toBe(404);

    const { createDocument } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`, {
      input: { organizationId: org.id, title: 'Scanned contract', kind: 'RECORD', format: 'FILE', content: null },
    });
    const wrongType = await uploadDocumentFile(org.as.ISMS_MANAGER, createDocument.document.id, Buffer.from('plain words'), 'text/plain', 'contract.txt');
    expect(wrongType).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });

    expect(await s3.keys()).toEqual(keysBefore);
    expect(await count(`SELECT count(*) AS n FROM stored_files WHERE organization_id = $1`, [org.id])).toBe(files);
  });

  it('answers 404 for a file whose object has gone from the bucket', async () => {
    const bytes = Buffer.from(`short-lived ${Math.random()}`);
    const uploaded = await uploadEvidence(org.as.CONTRIBUTOR, org.id, bytes, 'text/plain', 'gone.txt');
    expect(uploaded.status).toBe(201);
    const { node } = await org.as.CONTRIBUTOR.ok(`query($id: ID!) { node(id: $id) { ... on Evidence { file { url } } } }`, { id: uploaded.body.id });
    await s3.remove(sha256(bytes));
    expect(await server.services.files.exists(sha256(bytes))).toBe(false);
    const got = await download(org.as.CONTRIBUTOR, node.file.url);
    expect(got.status).toBe(404);
  });
});
