import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live, content-addressed by SHA-256: the same bytes are stored once under
 * their hash, and a stored file can be checked against it. The database keeps who uploaded what,
 * when, and for which record (`stored_files`); the store only keeps bytes. Two implementations:
 * a folder on disk (`DiskFileStore`, the default) and an S3-compatible bucket (`S3FileStore`,
 * when `S3_BUCKET` is set). Several replicas share either one.
 */
export interface FileStore {
  /** Which kind of store this is, for logs and the operations page. */
  readonly kind: 'disk' | 's3';
  /** Stores the bytes (once) and returns their hash, which is also their key. */
  put(bytes: Buffer): Promise<{ sha256: string; key: string }>;
  /** A stream of the stored bytes (never buffered whole), or null when nothing is stored under the key. */
  read(key: string): Promise<Readable | null>;
  /** Whether something is stored under the key. */
  exists(key: string): Promise<boolean>;
}

/** The hex SHA-256 of the bytes: the key they are stored under. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Refuses anything but a hex SHA-256 as a key, so a key can never name a path or an object outside the store. */
export function checkStorageKey(key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Bad storage key ${key}`);
  return key;
}
