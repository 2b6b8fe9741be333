import type { Express, Request, Response } from 'express';
import { receiveFile, uploadHeaderPresent } from '../../core/storage/receive-upload.js';
import { authorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { sendExport } from '../../app/exports.js';
import { resolveNode } from '../../app/nodes.js';

/**
 * `POST /uploads`: a file becomes evidence (multipart field "file"; the organisation in the
 * `x-organization-id` header or the `organizationId` field; optional fields `title`,
 * `controlRefs` (comma-separated), `subjectId`, `effectiveOn`, `expiresOn`). Answers 201
 * `{ id, sha256, size, contentType, filename }`. Size and type limits are enforced before
 * anything is stored.
 */
export function mountEvidenceUploads(app: Express, contextFor: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.post('/uploads', (req, res) => {
    if (!uploadHeaderPresent(req, res)) return;
    void sendExport(req, res, contextFor, async (ctx) => {
      const { file, fields: body, organizationId } = await receiveEvidenceFile(ctx, req, res);
      const scope = await authorize(ctx, 'evidence:upload', organizationId);
      // Evidence goes only on a record the uploader can see (a task they are not on, for an
      // auditor); what they cannot see answers exactly like a record that does not exist.
      const subjectId = body['subjectId'] || null;
      if (subjectId && !(await resolveNode(ctx, subjectId))) throw badInput('subjectId', 'Attach evidence to a record of this organisation that you can see.', 'UNKNOWN_SUBJECT');
      const evidence = await ctx.services.audits.upload(
        scope,
        { buffer: file.buffer, filename: file.originalname, contentType: file.mimetype },
        {
          title: body['title'] ?? null,
          controlRefs: (body['controlRefs'] ?? '').split(',').map((r) => r.trim()).filter(Boolean),
          subjectId,
          effectiveOn: body['effectiveOn'] || null,
          expiresOn: body['expiresOn'] || null,
        },
        actorOf(ctx),
      );
      answerEvidenceFile(res, evidence, file);
    });
  });
}

/**
 * The start of an upload that becomes evidence (`POST /uploads`, `POST /training/evidence`): an
 * announced size over the limit is refused before reading; then the file, the other fields and
 * the organisation (the `x-organization-id` header or the `organizationId` field).
 */
export async function receiveEvidenceFile(ctx: RequestContext, req: Request, res: Response): Promise<{ file: Express.Multer.File; fields: Record<string, string>; organizationId: string }> {
  const maxMb = ctx.services.config.UPLOAD_MAX_MB;
  if (Number(req.headers['content-length'] ?? 0) > maxMb * 1024 * 1024 + 64 * 1024) throw badInput('file', `Files are at most ${maxMb} MB.`, 'TOO_LARGE');
  const { file, fields } = await receiveFile(req, res, maxMb);
  const organizationId = String(req.headers['x-organization-id'] ?? fields['organizationId'] ?? '');
  if (!organizationId) throw badInput('organizationId', 'Name the organisation (x-organization-id header or organizationId field).', 'REQUIRED');
  return { file, fields, organizationId };
}

/** Answers 201 `{ id, sha256, size, contentType, filename }` for a file stored as evidence. */
export function answerEvidenceFile(res: Response, evidence: { id: string; sha256: string }, file: Express.Multer.File): void {
  res.status(201).json({ id: evidence.id, sha256: evidence.sha256, size: file.size, contentType: file.mimetype, filename: file.originalname });
}
