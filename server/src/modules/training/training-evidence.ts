import type { Express, Request, Response } from 'express';
import { receiveFile, uploadHeaderPresent } from '../../core/storage/receive-upload.js';
import { authorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { sendExport } from '../../app/exports.js';

/**
 * `POST /training/evidence`: evidence of completing a course (a certificate, a screenshot),
 * uploaded by the person who completed it — employees too, who may not upload evidence in
 * general. Multipart field "file"; the organisation in the `x-organization-id` header or the
 * `organizationId` field; the course in `courseId`. The file becomes evidence like any other
 * (hashed, dated, tagged A.6.3, linked to the course); the answer `{ id, sha256, filename }` gives
 * the evidence id to pass to `recordTrainingCompletion`.
 */
export function mountTrainingEvidence(app: Express, contextFor: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.post('/training/evidence', (req, res) => {
    if (!uploadHeaderPresent(req, res)) return;
    void sendExport(req, res, contextFor, async (ctx) => {
      const maxMb = ctx.services.config.UPLOAD_MAX_MB;
      if (Number(req.headers['content-length'] ?? 0) > maxMb * 1024 * 1024 + 64 * 1024) throw badInput('file', `Files are at most ${maxMb} MB.`, 'TOO_LARGE');
      const { file, fields } = await receiveFile(req, res, maxMb);
      const organizationId = String(req.headers['x-organization-id'] ?? fields['organizationId'] ?? '');
      if (!organizationId) throw badInput('organizationId', 'Name the organisation (x-organization-id header or organizationId field).', 'REQUIRED');
      const scope = await authorize(ctx, 'training:complete', organizationId);
      const course = await ctx.services.training.checkEvidenceUpload(scope, String(fields['courseId'] ?? ''));
      const who = ctx.viewer!.user.name;
      const evidence = await ctx.services.audits.upload(
        scope,
        { buffer: file.buffer, filename: file.originalname, contentType: file.mimetype },
        { title: `Training completed: ${course.title} (${who})`.slice(0, 300), controlRefs: ['A.6.3'], subjectId: course.id },
        actorOf(ctx),
      );
      res.status(201).json({ id: evidence.id, sha256: evidence.sha256, size: file.size, contentType: file.mimetype, filename: file.originalname });
    });
  });
}
