import { HocuspocusProvider, type StatesArray } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { personColor } from './person-color';

/** Where the live draft stands, as the save indicator says it. */
export type LiveState = 'connecting' | 'saving' | 'saved' | 'offline' | 'refused';

/** Someone with the document open now (from the awareness states). */
export interface Collaborator {
  id: string;
  name: string;
  color: string;
}

/** What each browser shares about itself: the caret extension reads `user` for the caret label. */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

export interface Collaboration {
  /** Null until connected (and when live editing is not available to this person). */
  provider: HocuspocusProvider | null;
  state: LiveState;
  /** Why the server refused the connection. */
  refusedReason: string | null;
  /** The server granted a read-only connection. */
  readOnly: boolean;
  /** The draft has arrived from the server at least once (the editor shows real content). */
  loaded: boolean;
  /** Other people here now, one entry per person (the viewer excluded). */
  others: Collaborator[];
  user: AwarenessUser;
}

function collabUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}

function isAwarenessUser(value: unknown): value is AwarenessUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user['id'] === 'string' && typeof user['name'] === 'string';
}

function othersIn(states: StatesArray, viewerId: string): Collaborator[] {
  const people = new Map<string, Collaborator>();
  for (const state of states) {
    const user = state['user'];
    if (!isAwarenessUser(user) || user.id === viewerId || people.has(user.id)) continue;
    people.set(user.id, { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : personColor(user.id) });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

interface Connection {
  provider: HocuspocusProvider;
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  loaded: boolean;
  unsynced: number;
  refusedReason: string | null;
  readOnly: boolean;
  others: Collaborator[];
}

/**
 * The live draft of a rich-text document: one Hocuspocus (Yjs) connection per page, shared by the
 * editor (content and carets) and the header (who is here now). The session cookie authenticates;
 * the server decides whether the connection may write.
 */
export function useCollaboration(documentId: string, enabled: boolean, viewer: { id: string; name: string }): Collaboration {
  const [connection, setConnection] = useState<Connection | null>(null);
  const user: AwarenessUser = { id: viewer.id, name: viewer.name, color: personColor(viewer.id) };

  useEffect(() => {
    if (!enabled) return;
    let current: Connection | null = null;
    const update = (patch: Partial<Connection>) => {
      if (!current) return;
      current = { ...current, ...patch };
      setConnection(current);
    };
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: `document:${documentId}`,
      token: 'session',
      onStatus: ({ status }) => update({ status: status as Connection['status'] }),
      onSynced: ({ state }) => update(state ? { synced: true, loaded: true } : { synced: false }),
      onUnsyncedChanges: ({ number }) => update({ unsynced: number }),
      onAuthenticated: ({ scope }) => update({ readOnly: scope === 'readonly', refusedReason: null }),
      onAuthenticationFailed: ({ reason }) => update({ refusedReason: reason || 'The live draft could not be opened.' }),
      onAwarenessChange: ({ states }) => {
        // Carets move all the time: re-render only when someone arrives or leaves.
        const others = othersIn(states, viewer.id);
        const key = (list: Collaborator[]) => list.map((p) => `${p.id}:${p.name}:${p.color}`).join('|');
        if (current && key(current.others) !== key(others)) update({ others });
      },
    });
    current = { provider, status: 'connecting', synced: false, loaded: false, unsynced: 0, refusedReason: null, readOnly: false, others: [] };
    provider.setAwarenessField('user', { id: viewer.id, name: viewer.name, color: personColor(viewer.id) } satisfies AwarenessUser);
    setConnection(current);
    return () => {
      current = null;
      provider.destroy();
      setConnection(null);
    };
  }, [documentId, enabled, viewer.id, viewer.name]);

  if (!connection) return { provider: null, state: 'connecting', refusedReason: null, readOnly: false, loaded: false, others: [], user };
  const state: LiveState = connection.refusedReason
    ? 'refused'
    : connection.status === 'disconnected'
      ? 'offline'
      : !connection.synced
        ? 'connecting'
        : connection.unsynced > 0
          ? 'saving'
          : 'saved';
  return { provider: connection.provider, state, refusedReason: connection.refusedReason, readOnly: connection.readOnly, loaded: connection.loaded, others: connection.others, user };
}
