import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { checkStorageKey, sha256Of, type FileStore } from './file-store.js';

/**
 * Files in a folder (`ANNEX_FILES_DIR`), at `<first two hex digits>/<sha256>`. Writes go to a
 * temporary name and are renamed into place, so a reader never sees half a file. Several
 * replicas share the folder through a network volume.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk' as const;

  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    checkStorageKey(key);
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; key: string }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (!(await this.exists(sha256))) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
      await fs.promises.writeFile(temp, bytes);
      await fs.promises.rename(temp, target);
    }
    return { sha256, key: sha256 };
  }

  async read(key: string): Promise<Readable | null> {
    try {
      const handle = await fs.promises.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
