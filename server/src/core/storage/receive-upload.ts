import type { Request, Response } from 'express';
import multer from 'multer';
import { badInput } from '../errors.js';

/**
 * A cookie-authenticated upload must come from our own pages: the custom header makes a
 * cross-site form post impossible (it would need a CORS preflight we never grant). Answers 403
 * and returns false when it is missing.
 */
export function uploadHeaderPresent(req: Request, res: Response): boolean {
  if (req.headers.authorization || req.headers['x-annex-upload'] === '1') return true;
  res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Send the x-annex-upload: 1 header (or use a bearer token).' } });
  return false;
}

/** Reads one multipart file (field "file") of at most `maxMb` into memory, with coded errors. */
export async function receiveFile(req: Request, res: Response, maxMb: number): Promise<{ file: Express.Multer.File; fields: Record<string, string> }> {
  await new Promise<void>((resolve, reject) =>
    multer({ storage: multer.memoryStorage(), limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 10 } }).single('file')(req, res, (error: unknown) => {
      if (!error) return resolve();
      if (error instanceof multer.MulterError) {
        reject(badInput('file', error.code === 'LIMIT_FILE_SIZE' ? `Files are at most ${maxMb} MB.` : error.message, error.code === 'LIMIT_FILE_SIZE' ? 'TOO_LARGE' : 'BAD_UPLOAD'));
      } else reject(error);
    }),
  );
  const file = (req as Request & { file?: Express.Multer.File }).file;
  if (!file) throw badInput('file', 'Send the file in the multipart field "file".', 'REQUIRED');
  return { file, fields: (req.body ?? {}) as Record<string, string> };
}
