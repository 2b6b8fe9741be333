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
let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<Listener>();

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
    hasConnectedOnce = true;
    socketState = 'connected';
    emit();
  },
  closed(willRetry: boolean): void {
    socketState = willRetry && hasConnectedOnce ? 'reconnecting' : 'idle';
    emit();
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
