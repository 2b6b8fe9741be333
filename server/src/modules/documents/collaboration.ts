import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Logger } from '../../core/logger.js';
import type { Viewer } from '../../core/context.js';
import type { Config } from '../../core/config.js';
import type { ConnectionRegistry } from '../../core/auth/connection-registry.js';
import type { SessionService } from '../identity/session.service.js';
import type { DocumentService } from './document.service.js';

export interface CollaborationDeps {
  config: Config;
  documents: DocumentService;
  sessions: SessionService;
  connections: ConnectionRegistry;
  /** The signed-in person behind a request's cookie header, if any. */
  viewerFromCookie(cookie: string | undefined): Promise<Viewer | null>;
}

interface CollabContext {
  viewer: Viewer | null;
  userId?: string;
}

const DOCUMENT_NAME = /^document:(doc_[0-9a-f]{32})$/;
export const COLLAB_PATH = '/collab';

/**
 * Live co-editing of documents: Hocuspocus (the Yjs server) on the API's port, at /collab.
 * Each Yjs document is one Annex document (`document:<id>`). A connection is authenticated with
 * the session cookie (or an API token sent as the provider's token) and authorized per
 * document: the team reads drafts, editors write, everyone else is refused. The state is stored
 * in PostgreSQL through DocumentService: debounced while people type, and when the last one
 * leaves.
 */
export class Collaboration {
  readonly hocuspocus: Hocuspocus<CollabContext>;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  constructor(
    private readonly services: CollaborationDeps,
    private readonly logger: Logger,
  ) {
    const documents = services.documents;
    this.hocuspocus = new Hocuspocus<CollabContext>({
      name: 'annex',
      quiet: true,
      debounce: services.config.COLLAB_DEBOUNCE_MS,
      maxDebounce: services.config.COLLAB_MAX_DEBOUNCE_MS,
      timeout: 30_000,
      onAuthenticate: async ({ context, documentName, token, connectionConfig }) => {
        const viewer = context.viewer ?? (token ? await services.sessions.fromApiToken(token.replace(/^Bearer\s+/i, '')) : null);
        if (!viewer) throw new Error('Sign in first.');
        const match = DOCUMENT_NAME.exec(documentName);
        const access = match ? await documents.liveAccess(viewer.user.id, match[1]!, viewer.apiToken?.organizationId ?? null) : null;
        if (!access) throw new Error('Document not found.');
        connectionConfig.readOnly = access.readOnly;
        return { viewer, userId: viewer.user.id };
      },
      onLoadDocument: async ({ document, documentName }) => {
        const id = DOCUMENT_NAME.exec(documentName)?.[1];
        const state = id ? await documents.loadLiveState(id) : null;
        if (state) Y.applyUpdate(document, state, 'storage');
        return document;
      },
      onStoreDocument: async ({ document, documentName, lastContext }) => {
        const id = DOCUMENT_NAME.exec(documentName)?.[1];
        if (!id) return;
        await documents.storeLiveState(id, document, (lastContext as CollabContext | undefined)?.userId ?? null);
      },
    });

    // A draft replaced through the API reaches the people editing it at once.
    documents.onDraftChanged((documentId, state) => {
      const live = this.hocuspocus.documents.get(`document:${documentId}`);
      if (live) Y.applyUpdate(live, state, 'storage');
    });
    documents.flushLive = (documentId) => this.flush(documentId);
  }

  /** Saves a live document's pending edits now (before an API change reads the draft). */
  async flush(documentId: string): Promise<void> {
    const name = `document:${documentId}`;
    const live = this.hocuspocus.documents.get(name);
    if (!live) return;
    const debounceId = `onStoreDocument-${name}`;
    if (this.hocuspocus.debouncer.isDebounced(debounceId)) await this.hocuspocus.debouncer.executeNow(debounceId);
    await live.saveMutex.waitForUnlock();
  }

  /** Takes over an HTTP upgrade to /collab. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => void this.accept(ws, request));
  }

  private async accept(ws: WebSocket, request: IncomingMessage): Promise<void> {
    // Messages may arrive while the session is being looked up: keep them in order.
    const queued: Uint8Array[] = [];
    let connection: ReturnType<Hocuspocus<CollabContext>['handleConnection']> | null = null;
    ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data);
      if (connection) connection.handleMessage(bytes);
      else queued.push(bytes);
    });
    let unregister: (() => void) | null = null;
    ws.on('close', (code, reason) => {
      unregister?.();
      connection?.handleClose({ code, reason: reason.toString() });
    });
    ws.on('error', (error) => this.logger.warn({ err: error }, 'collaboration socket error'));
    try {
      const viewer = await this.services.viewerFromCookie(request.headers.cookie);
      if (viewer) {
        unregister = this.services.connections.add({
          sessionId: viewer.sessionId,
          apiTokenId: viewer.apiToken?.id ?? null,
          close: (code, reason) => ws.close(code, reason),
        });
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(key, value);
      const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? COLLAB_PATH}`;
      connection = this.hocuspocus.handleConnection(ws as never, new Request(url, { headers }), { viewer });
      for (const bytes of queued.splice(0)) connection.handleMessage(bytes);
      if (ws.readyState === ws.CLOSED) connection.handleClose({ code: 1006, reason: 'closed' });
    } catch (error) {
      this.logger.error({ err: error }, 'collaboration connection failed');
      ws.close(1011, 'Server error');
    }
  }

  /** Stores every live document and closes the connections (shutdown). */
  async close(): Promise<void> {
    this.hocuspocus.flushPendingStores();
    for (const document of this.hocuspocus.documents.values()) await document.saveMutex.waitForUnlock();
    this.hocuspocus.closeConnections();
    for (const client of this.wss.clients) client.terminate();
  }
}
