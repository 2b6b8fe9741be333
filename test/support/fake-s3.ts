import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The part of s3rver (untyped, CommonJS) the tests use. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string; configs: string[] }>;
}) => S3rverInstance;

export interface FakeS3 {
  /** `http://127.0.0.1:<port>`, for S3_ENDPOINT (path-style addressing). */
  endpoint: string;
  bucket: string;
  /** The keys of the objects in the bucket, read over plain S3 HTTP (not through Annex). */
  keys(): Promise<string[]>;
  /** An object's bytes, or null when the bucket has none under the key. */
  object(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * An in-process fake S3 (s3rver) on a free port with its own temporary folder and one bucket.
 * The credentials it accepts are S3RVER / S3RVER.
 */
export async function startFakeS3(bucket = 'annex-files'): Promise<FakeS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'annex-s3-'));
  const instance = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await instance.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    async keys() {
      const response = await fetch(`${endpoint}/${bucket}?list-type=2`);
      const xml = await response.text();
      return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!);
    },
    async object(key) {
      const response = await fetch(`${endpoint}/${bucket}/${encodeURIComponent(key)}`);
      return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null;
    },
    async remove(key) {
      await fetch(`${endpoint}/${bucket}/${encodeURIComponent(key)}`, { method: 'DELETE' });
    },
    async stop() {
      await instance.close();
      await fs.promises.rm(directory, { recursive: true, force: true });
    },
  };
}
