import type { Express, Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import { authorize } from '../core/authorization.js';
import type { RequestContext } from '../core/context.js';
import { AppError } from '../core/errors.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429, CONFLICT: 409 };

/**
 * File exports an auditor can take away, authorised exactly like the API (session cookie or
 * bearer token, same actions).
 */
export function mountExports(app: Express, contextFor: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.get('/exports/organizations/:id/audit-trail.csv', async (req, res) => {
    try {
      const ctx = await contextFor(req, res);
      const scope = await authorize(ctx, 'auditTrail:read', String(req.params['id']));
      const filter = {
        actorId: typeof req.query['actorId'] === 'string' ? req.query['actorId'] : null,
        action: typeof req.query['action'] === 'string' ? req.query['action'] : null,
        entityType: typeof req.query['entityType'] === 'string' ? req.query['entityType'] : null,
      };
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="audit-trail-${scope.organizationId}.csv"`);
      const csv = stringify({
        header: true,
        columns: ['seq', 'at', 'action', 'actor', 'actorId', 'entityType', 'entityId', 'ip', 'summary', 'hash'],
      });
      csv.pipe(res);
      for await (const batch of ctx.services.auditTrail.stream(scope, filter)) {
        for (const e of batch) {
          csv.write([e.seq, e.at.toISOString(), e.action, e.actorLabel, e.actorId, e.entityType, e.entityId, e.ip, JSON.stringify(e.summary), e.hash]);
        }
      }
      csv.end();
    } catch (error) {
      if (error instanceof AppError) {
        res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
      } else {
        req.log.error({ err: error }, 'export failed');
        if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } });
        else res.end();
      }
    }
  });
}
