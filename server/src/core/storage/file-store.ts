import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded files on disk, content-addressed by SHA-256 (the same bytes are stored once, and a
 * stored file can be checked against its hash). Several replicas share the folder (a network
 * volume); the database keeps who uploaded what, when, and for which record.
 */
export class FileStore {
  constructor(private readonly dir: string) {}

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Bad storage key ${key}`);
    return path.join(this.dir, key.slice(0, 2), key);
  }

  /** Stores the bytes (once) and returns their hash, which is also their key. */
  async put(bytes: Buffer): Promise<{ sha256: string; key: string }> {
    const sha256 = FileStore.sha256(bytes);
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fs.promises.writeFile(temp, bytes);
      await fs.promises.rename(temp, target);
    }
    return { sha256, key: sha256 };
  }

  read(key: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(key));
  }

  exists(key: string): boolean {
    return fs.existsSync(this.pathOf(key));
  }
}
