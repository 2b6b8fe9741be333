import { useEffect, useState } from 'react';
import type { ChecklistItem, TaskStatus } from '../tasks/task-fragments';

/** JSON with sorted keys, as the server hashes it (see the audit trail's canonical JSON). */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface ApprovableTask {
  title: string;
  description: string;
  status: TaskStatus;
  checklist: readonly Pick<ChecklistItem, 'text' | 'done'>[];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The SHA-256 of the task content shown on screen, computed here in the browser the same way
 * the server computes the hash an approval signs: proof that what you read is what you sign.
 * Null while computing, or where the browser offers no Web Crypto (plain http off localhost).
 */
export function useTaskContentHash(task: ApprovableTask | null): string | null {
  const [hash, setHash] = useState<{ key: string; value: string } | null>(null);
  const key = task
    ? canonicalJson({ title: task.title, description: task.description, checklist: task.checklist.map(({ text, done }) => ({ text, done })), status: task.status })
    : null;
  useEffect(() => {
    if (!key || typeof crypto === 'undefined' || !crypto.subtle) return;
    let cancelled = false;
    void sha256Hex(key)
      .then((value) => {
        if (!cancelled) setHash({ key, value });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [key]);
  return hash && hash.key === key ? hash.value : null;
}
