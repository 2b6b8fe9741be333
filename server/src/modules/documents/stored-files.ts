import type { EntityManager } from 'typeorm';
import type { OrgScope } from '../../core/authorization.js';
import { newId } from '../../core/ids.js';
import { StoredFile } from './document.entity.js';

/**
 * Records who uploaded which bytes (already put in the file store) for the organisation: the
 * `stored_files` row that evidence and file documents point to.
 */
export async function insertStoredFile(
  em: EntityManager,
  scope: OrgScope,
  stored: { sha256: string; key: string },
  file: { buffer: Buffer; contentType: string },
  filename: string,
): Promise<StoredFile> {
  const record = Object.assign(new StoredFile(), {
    id: newId('StoredFile'),
    organizationId: scope.organizationId,
    sha256: stored.sha256,
    size: file.buffer.length,
    contentType: file.contentType,
    filename,
    storageKey: stored.key,
    uploadedById: scope.userId,
    uploadedAt: new Date(),
  });
  await em.insert(StoredFile, record as never);
  return record;
}
