import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildOrganization, type TestOrg } from '../support/factories.js';
import type { ApiClient } from '../support/client.js';

let server: TestServer;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  // Short debounce so stored state is observable quickly.
  server = await startTestServer({ COLLAB_DEBOUNCE_MS: '200', COLLAB_MAX_DEBOUNCE_MS: '1000' });
  org = await buildOrganization(server, 'Co-editing B.V.');
  other = await buildOrganization(server, 'Other co-editing B.V.');
});
afterAll(async () => {
  await server?.stop();
});

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`;
const DRAFT_OF = `query($id: ID!) { node(id: $id) { ... on Document { draft { content text version } versions { number status } } } }`;

interface Editor {
  provider: HocuspocusProvider;
  ydoc: Y.Doc;
  failed: Promise<string>;
  synced: Promise<void>;
  text(): string;
  close(): void;
}

/** A live editor in Node: a Hocuspocus provider on a WebSocket that carries the member's session cookie. */
function openEditor(as: ApiClient, documentId: string, options: { token?: string; origin?: string } = {}): Editor {
  const cookie = as.cookie;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { ...(cookie && !options.token ? { cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) } });
    }
  }
  const ydoc = new Y.Doc();
  let onFailed: (reason: string) => void = () => {};
  let onSynced: () => void = () => {};
  const failed = new Promise<string>((resolve) => (onFailed = resolve));
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const provider = new HocuspocusProvider({
    url: `${server.url.replace(/^http/, 'ws')}/collab`,
    // Passed on to the provider's own socket (typed on HocuspocusProviderWebsocket).
    ...({ WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 } as object),
    name: `document:${documentId}`,
    document: ydoc,
    token: options.token ?? 'session',
    onAuthenticationFailed: ({ reason }) => onFailed(reason),
    onSynced: () => onSynced(),
  });
  return {
    provider,
    ydoc,
    failed,
    synced,
    text: () => ydoc.getXmlFragment('default').toString(),
    close: () => provider.destroy(),
  };
}

/** Types text into a new paragraph at the end, as the editor's Yjs binding would. */
function type(editor: Editor, words: string): void {
  editor.ydoc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    const fragment = editor.ydoc.getXmlFragment('default');
    fragment.insert(fragment.length, [paragraph]);
  });
}

async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const race = <T,>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('live co-editing', () => {
  it('two editors converge, the server stores the draft as HTML, and API replacements reach live editors', async () => {
    const { createDocument } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Co-edited policy', kind: 'POLICY', ownerId: org.users.CONTRIBUTOR.id, content: '<p>Start</p>' } });
    const id = createDocument.document.id;
    const a = openEditor(org.as.ISMS_MANAGER, id);
    const b = openEditor(org.as.CONTRIBUTOR, id);
    try {
      await Promise.all([a.synced, b.synced]);
      expect(a.text()).toContain('Start');
      type(a, 'Written by the ISMS manager');
      type(b, 'Written by the contributor');
      await eventually(() => a.text(), (t) => t.includes('contributor') && t.includes('ISMS manager'));
      await eventually(() => b.text(), (t) => t.includes('contributor') && t.includes('ISMS manager'));
      expect(a.text()).toBe(b.text());
      // Persisted (debounced) as HTML through the schema.
      const stored = await eventually(
        async () => (await org.as.ISMS_MANAGER.ok(DRAFT_OF, { id })).node.draft,
        (d: { text: string; content: string; version: number }) => d.text.includes("contributor") && d.text.includes("ISMS manager"),
      );
      expect(stored.content).toMatch(/^<p>Start<\/p><p>Written by/);
      // An API client replaces the draft: the live editors get it at once.
      await org.as.ISMS_MANAGER.ok(`mutation($input: UpdateDocumentDraftInput!) { updateDocumentDraft(input: $input) { document { id } } }`, {
        input: { documentId: id, baseVersion: stored.version, content: '<p>Replaced through the API</p>' },
      });
      await eventually(() => b.text(), (t) => t.includes('Replaced through the API') && !t.includes('contributor'));
      // The audit trail names who edited live.
      const actors = (await server.services.db.dataSource.query(`SELECT actor_label FROM audit_events WHERE entity_id = $1 AND action = 'document.draftUpdated'`, [id])) as Array<{
        actor_label: string;
      }>;
      expect(actors.some((a) => a.actor_label.includes('live editor'))).toBe(true);
    } finally {
      a.close();
      b.close();
    }
  });

  it('stores pending edits before a submission, and live edits after submission withdraw the approval request', async () => {
    const { createDocument } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Live submit', kind: 'POLICY', content: '<p>One</p>' } });
    const id = createDocument.document.id;
    const editor = openEditor(org.as.ISMS_MANAGER, id);
    try {
      await editor.synced;
      type(editor, 'Typed just before submitting');
      await new Promise((r) => setTimeout(r, 50)); // the update reaches the server; the store is still debounced
      await eventually(() => server.services.collaboration.hocuspocus.documents.get(`document:${id}`)?.getXmlFragment('default').toString() ?? '', (t) => t.includes('just before'));
      const { submitDocumentForApproval } = await org.as.ISMS_MANAGER.ok(
        `mutation($input: SubmitDocumentForApprovalInput!) { submitDocumentForApproval(input: $input) { version { id contentHash } } }`,
        { input: { documentId: id, approverIds: [org.users.MANAGEMENT.id], changeSummary: 'First', major: true } },
      );
      const [version] = (await server.services.db.dataSource.query(`SELECT content_text FROM document_versions WHERE id = $1`, [submitDocumentForApproval.version.id])) as Array<{ content_text: string }>;
      expect(version!.content_text).toContain('Typed just before submitting');
      type(editor, 'Edited after submission');
      const after = await eventually(
        async () => (await org.as.ISMS_MANAGER.ok(DRAFT_OF, { id })).node.versions,
        (versions: Array<{ status: string }>) => versions[0]?.status === 'WITHDRAWN',
      );
      expect(after).toEqual([{ number: '1.0', status: 'WITHDRAWN' }]);
    } finally {
      editor.close();
    }
  });

  it('authorizes per document: read-only for management, refused for employees, auditors, other organisations and strangers', async () => {
    const { createDocument } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Guarded', kind: 'POLICY', content: '<p>Guarded text</p>' } });
    const id = createDocument.document.id;
    for (const as of [org.as.EMPLOYEE, org.as.AUDITOR, other.as.OWNER]) {
      const editor = openEditor(as, id);
      try {
        expect(await race(editor.failed, 5000)).not.toBe('timeout');
        expect(editor.text()).not.toContain('Guarded');
      } finally {
        editor.close();
      }
    }
    const stranger = openEditor({ cookie: null } as ApiClient, id);
    try {
      expect(await race(stranger.failed, 5000)).not.toBe('timeout');
    } finally {
      stranger.close();
    }
    // Management reads live but cannot write.
    const reader = openEditor(org.as.MANAGEMENT, id);
    const writer = openEditor(org.as.ISMS_MANAGER, id);
    try {
      await Promise.all([reader.synced, writer.synced]);
      expect(reader.text()).toContain('Guarded text');
      type(reader, 'Management tries to write');
      type(writer, 'The manager writes');
      await eventually(() => reader.text(), (t) => t.includes('The manager writes'));
      await new Promise((r) => setTimeout(r, 500));
      expect(writer.text()).not.toContain('Management tries to write');
    } finally {
      reader.close();
      writer.close();
    }
    const draft = await eventually(async () => (await org.as.ISMS_MANAGER.ok(DRAFT_OF, { id })).node.draft, (d: { text: string }) => d.text.includes('The manager writes'));
    expect(draft.text).not.toContain('Management tries');
  });

  it('accepts an API token as the provider token, scoped to its organisation, and refuses foreign origins', async () => {
    const { createDocument } = await org.as.ISMS_MANAGER.ok(CREATE, { input: { organizationId: org.id, title: 'Scripted', kind: 'PROCEDURE', content: '<p>Script</p>' } });
    const id = createDocument.document.id;
    const { createApiToken } = await org.as.ISMS_MANAGER.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, {
      input: { organizationId: org.id, name: 'editor bot' },
    });
    const bot = openEditor(org.as.ISMS_MANAGER, id, { token: createApiToken.secret });
    try {
      await bot.synced;
      expect(bot.text()).toContain('Script');
    } finally {
      bot.close();
    }
    const { createApiToken: foreign } = await other.as.OWNER.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`, { input: { organizationId: other.id, name: 'x' } });
    const intruder = openEditor(other.as.OWNER, id, { token: foreign.secret });
    try {
      expect(await race(intruder.failed, 5000)).not.toBe('timeout');
    } finally {
      intruder.close();
    }
    // A page of another site cannot open a socket with the member's cookie.
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab`, { headers: { cookie: org.as.ISMS_MANAGER.cookie!, origin: 'https://evil.example' } });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });
});
