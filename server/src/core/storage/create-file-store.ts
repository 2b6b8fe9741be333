import type { Config } from '../config.js';
import { DiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';
import { S3FileStore } from './s3-file-store.js';

/** The store the configuration asks for: the S3-compatible bucket when `S3_BUCKET` is set, else the folder `ANNEX_FILES_DIR`. */
export function createFileStore(config: Config): FileStore {
  if (config.S3_BUCKET) {
    return new S3FileStore({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new DiskFileStore(config.ANNEX_FILES_DIR);
}
