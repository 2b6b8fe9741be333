import type { Express, Request, Response } from 'express';
import { uploadHeaderPresent } from '../../core/storage/receive-upload.js';
import { authorize } from '../../core/authorization.js';
import { actorOf, type RequestContext } from '../../core/context.js';
import { sendExport } from '../../app/exports.js';
import { answerEvidenceFile, receiveEvidenceFile } from '../audits/evidence-upload.js';

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
      const { file, fields, organizationId } = await receiveEvidenceFile(ctx, req, res);
      const scope = await authorize(ctx, 'training:complete', organizationId);
      const course = await ctx.services.training.checkEvidenceUpload(scope, String(fields['courseId'] ?? ''));
      const who = ctx.viewer!.user.name;
      const evidence = await ctx.services.audits.upload(
        scope,
        { buffer: file.buffer, filename: file.originalname, contentType: file.mimetype },
        { title: `Training completed: ${course.title} (${who})`.slice(0, 300), controlRefs: ['A.6.3'], subjectId: course.id },
        actorOf(ctx),
      );
      answerEvidenceFile(res, evidence, file);
    });
  });
}
