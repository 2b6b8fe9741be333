import { useSyncExternalStore } from 'react';

/** How long a record changed by someone else stays highlighted (the CSS flash lasts 1.5 s). */
const HIGHLIGHT_MS = 1600;

const changedUntil = new Map<string, number>();
const listeners = new Set<() => void>();
let sweepTimer: ReturnType<typeof setTimeout> | null = null;

function emit(): void {
  for (const listener of [...listeners]) listener();
}

function scheduleSweep(): void {
  if (sweepTimer || changedUntil.size === 0) return;
  const next = Math.min(...changedUntil.values());
  sweepTimer = setTimeout(
    () => {
      sweepTimer = null;
      const now = Date.now();
      for (const [id, until] of changedUntil) if (until <= now) changedUntil.delete(id);
      emit();
      scheduleSweep();
    },
    Math.max(0, next - Date.now()),
  );
}

/** Marks records that someone else just changed: their rows flash briefly wherever they are shown. */
export function markChanged(ids: Iterable<string>): void {
  const until = Date.now() + HIGHLIGHT_MS;
  let any = false;
  for (const id of ids) {
    changedUntil.set(id, until);
    any = true;
  }
  if (!any) return;
  emit();
  scheduleSweep();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the record changed by someone else a moment ago (for a short highlight). */
export function useRecentlyChanged(id: string | null | undefined): boolean {
  const read = () => (id ? (changedUntil.get(id) ?? 0) > Date.now() : false);
  return useSyncExternalStore(subscribe, read, read);
}

/** The class that flashes a changed row, or undefined. */
export function useLiveHighlightClass(id: string | null | undefined): string | undefined {
  return useRecentlyChanged(id) ? 'annex-live-changed' : undefined;
}
