import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { checkStorageKey, sha256Of, type FileStore } from './file-store.js';

export interface S3Settings {
  bucket: string;
  /** Absent for AWS itself; the address of MinIO, Ceph, R2, Scaleway, … otherwise. */
  endpoint?: string | undefined;
  region: string;
  /** Both or neither; without them the SDK's default chain applies (environment, instance role). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (most self-hosted stores need it). */
  forcePathStyle: boolean;
}

/** Whether an SDK error means "no such object". */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Files in an S3-compatible bucket, one object per SHA-256 (the object key is the hash). Every
 * replica points at the same bucket, so a file uploaded through one is served by all. Uploads
 * carry their MD5 so the store refuses bytes damaged on the way; downloads are streamed from
 * the bucket to the browser, never held in memory whole.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private connection: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | null = null;

  constructor(private readonly settings: S3Settings) {}

  /** The SDK and its client, loaded on first use: a server keeping its files on disk never loads the SDK at all. */
  private connect() {
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: this.createClient(sdk) }));
    return this.connection;
  }

  private createClient({ S3Client }: typeof import('@aws-sdk/client-s3')): S3Client {
    const settings = this.settings;
    return new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
      // Checksums only where an operation requires them: many S3-compatible stores do not know
      // the newer trailing-checksum uploads. Integrity is checked with Content-MD5 instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
    });
  }

  async put(bytes: Buffer): Promise<{ sha256: string; key: string }> {
    const sha256 = sha256Of(bytes);
    // Stored once: skip the upload when the object is there. Without s3:ListBucket a missing
    // object answers 403 instead of 404; then upload anyway (same key, same bytes).
    const present = await this.exists(sha256).catch((error: unknown) => {
      if ((error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 403) return false;
      throw error;
    });
    if (!present) {
      const { sdk, client } = await this.connect();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: sha256,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          ContentMD5: createHash('md5').update(bytes).digest('base64'),
          Metadata: { sha256 },
        }),
      );
    }
    return { sha256, key: sha256 };
  }

  async read(key: string): Promise<Readable | null> {
    try {
      const { sdk, client } = await this.connect();
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: checkStorageKey(key) }));
      if (!object.Body) return null;
      if (object.Body instanceof Readable) return object.Body;
      // Not in Node's HTTP handler (a custom one): adapt a web stream.
      return Readable.fromWeb((object.Body as { transformToWebStream(): ReadableStream }).transformToWebStream() as import('node:stream/web').ReadableStream);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      const { sdk, client } = await this.connect();
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: checkStorageKey(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Closes the SDK's connections (at shutdown). */
  close(): void {
    void this.connection?.then(({ client }) => client.destroy());
  }
}
