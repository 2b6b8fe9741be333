import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { receiveFile, uploadHeaderPresent } from '../../core/storage/receive-upload.js';
import { roleCan } from '@annex/domain';
import { roleIn } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { AppError, badInput, notFound } from '../../core/errors.js';
import { authorizeRecord, resolveNode } from '../../app/nodes.js';
import { sendExport } from '../../app/exports.js';
import { Document, StoredFile } from './document.entity.js';

/**
 * Files over HTTP: the upload of a file document's draft (multipart, field "file") and the
 * download of any stored file, both authorised like the API (session cookie or bearer token).
 */
export function mountDocumentFiles(app: Express, contextFor: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.post('/documents/:id/file', (req, res) => {
    if (!uploadHeaderPresent(req, res)) return;
    void sendExport(req, res, contextFor, async (ctx) => {
      const { file, fields: body } = await receiveFile(req, res, ctx.services.config.UPLOAD_MAX_MB);
      const baseVersion = body['baseVersion'] !== undefined && body['baseVersion'] !== '' ? Number(body['baseVersion']) : null;
      if (baseVersion !== null && !Number.isInteger(baseVersion)) throw badInput('baseVersion', 'baseVersion is a whole number.', 'INVALID_NUMBER');
      const { scope } = await authorizeRecord<Document>(ctx, 'Document', String(req.params['id']), 'document:update', 'Document');
      const doc = await ctx.services.documents.uploadDraftFile(
        scope,
        String(req.params['id']),
        { buffer: file.buffer, filename: file.originalname, contentType: file.mimetype },
        baseVersion,
        actorOf(ctx),
      );
      res.status(201).json({ documentId: doc.id, draftVersion: doc.draftVersion, sha256: doc.draftHash });
    });
  });

  app.get('/files/:id', (req, res) =>
    sendExport(req, res, contextFor, async (ctx) => {
      if (!ctx.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      const file = await ctx.services.db.dataSource.getRepository(StoredFile).findOneBy({ id: String(req.params['id']) });
      if (!file) throw notFound('File');
      if (!(await mayDownload(ctx, file))) throw notFound('File');
      // Streamed from the store (disk or S3), never read whole into memory.
      const stream = await ctx.services.files.read(file.storageKey);
      if (!stream) throw notFound('File');
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(file.size));
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, max-age=0');
      res.setHeader('ETag', `"${file.sha256}"`);
      try {
        await pipeline(stream, res);
      } catch (error) {
        // The browser went away mid-download: nothing to answer, the store's stream is closed.
        if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' && res.destroyed) return;
        throw error;
      }
    }),
  );
}

/** A file can be downloaded by whoever sees evidence or a version made of it, or (the team) a draft holding it. */
async function mayDownload(ctx: RequestContext, file: StoredFile): Promise<boolean> {
  const db = ctx.services.db.dataSource;
  const evidence = (await db.query(`SELECT id FROM evidence WHERE file_id = $1`, [file.id])) as Array<{ id: string }>;
  for (const item of evidence) if (await resolveNode(ctx, item.id)) return true;
  const versions = (await db.query(`SELECT id FROM document_versions WHERE file_id = $1`, [file.id])) as Array<{ id: string }>;
  for (const version of versions) if (await resolveNode(ctx, version.id)) return true;
  const drafts = (await db.query(`SELECT id, organization_id FROM documents WHERE draft_file_id = $1`, [file.id])) as Array<{ id: string; organization_id: string }>;
  for (const draft of drafts) {
    if (roleCan(await roleIn(ctx, draft.organization_id), 'document:readDrafts') && (await resolveNode(ctx, draft.id))) return true;
  }
  return false;
}

