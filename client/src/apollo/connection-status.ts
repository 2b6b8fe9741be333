import { useSyncExternalStore } from 'react';

/**
 * The state of the live connection (GraphQL over WebSocket), for the quiet indicator in the
 * top bar. `idle`: no live feature needs the socket yet (it opens lazily); `offline`: the
 * browser reports no network.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

type Listener = () => void;

let socketState: Exclude<ConnectionStatus, 'offline'> = 'idle';
let hasConnectedOnce = false;
/** The current socket reached `connected` and has not closed since. */
let socketOpen = false;
let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<Listener>();

/**
 * What live streams need to know about the socket: `lost` when an open connection dropped
 * (graphql-ws reconnects on its own, but would replay each subscription with the variables it
 * started with), `connected` when a connection is (re-)established.
 */
export type SocketLifecycleEvent = { type: 'lost' } | { type: 'connected'; reconnected: boolean };
type SocketLifecycleListener = (event: SocketLifecycleEvent) => void;
const lifecycleListeners = new Set<SocketLifecycleListener>();

/** Whether the live socket is connected right now. */
export function isSocketConnected(): boolean {
  return socketOpen;
}

export function onSocketLifecycle(listener: SocketLifecycleListener): () => void {
  lifecycleListeners.add(listener);
  return () => lifecycleListeners.delete(listener);
}

function emitLifecycle(event: SocketLifecycleEvent): void {
  for (const listener of [...lifecycleListeners]) listener(event);
}

function emit(): void {
  for (const listener of listeners) listener();
}

function current(): ConnectionStatus {
  return browserOnline ? socketState : 'offline';
}

/** Called by the WebSocket client's lifecycle events (see apollo/client.ts). */
export const connectionEvents = {
  connecting(): void {
    socketState = hasConnectedOnce ? 'reconnecting' : 'connecting';
    emit();
  },
  connected(): void {
    const reconnected = hasConnectedOnce;
    hasConnectedOnce = true;
    socketOpen = true;
    socketState = 'connected';
    emit();
    emitLifecycle({ type: 'connected', reconnected });
  },
  closed(willRetry: boolean): void {
    const wasOpen = socketOpen;
    socketOpen = false;
    socketState = willRetry && hasConnectedOnce ? 'reconnecting' : 'idle';
    emit();
    if (wasOpen && willRetry) emitLifecycle({ type: 'lost' });
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    browserOnline = true;
    emit();
  });
  window.addEventListener('offline', () => {
    browserOnline = false;
    emit();
  });
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribe, current, current);
}
