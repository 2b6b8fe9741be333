import type { Express, Request, Response } from 'express';
import { stringify } from 'csv-stringify';
import { authorize } from '../core/authorization.js';
import type { RequestContext } from '../core/context.js';
import { AppError, serviceUnavailable } from '../core/errors.js';
import { isDatabaseUnavailable } from '../core/db/availability.js';
import type { Connection } from '../core/pagination.js';
import { ASSET_CSV_COLUMNS } from '../modules/assets/asset.service.js';
import type { Asset } from '../modules/assets/asset.entity.js';
import type { Risk } from '../modules/risks/risk.entity.js';
import { riskLevel } from '@annex/domain';
import { SOA_EXPORT_COLUMNS, soaRows, writeSoaPdf, writeSoaXlsx } from '../modules/soa/soa-export.js';
import { sendManagementReviewPdf } from '../modules/management-reviews/management-review-export.js';
import { callerKeyOf } from './hardening.js';

function startCsv(res: Response, filename: string, columns: readonly string[]) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  const csv = stringify({ header: true, columns: [...columns] });
  csv.pipe(res);
  return csv;
}

/** Runs an export with the caller's context, answering coded errors as HTTP statuses. */
export async function sendExport(req: Request, res: Response, contextFor: (req: Request, res: Response) => Promise<RequestContext>, write: (ctx: RequestContext) => Promise<void>) {
  try {
    const ctx = await contextFor(req, res);
    // Exports and uploads are expensive: a budget of their own per person (or address).
    await ctx.services.rateLimits.expensiveOperation(callerKeyOf(ctx.viewer), ctx.ip);
    await write(ctx);
  } catch (caught) {
    // The database is away: 503 with Retry-After, like the GraphQL endpoint.
    const error = !(caught instanceof AppError) && isDatabaseUnavailable(caught) ? serviceUnavailable() : caught;
    if (error instanceof AppError) {
      if (error.details.retryAfterSeconds) res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
      res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message } });
    } else {
      req.log.error({ err: error }, 'export failed');
      if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } });
      else res.end();
    }
  }
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429, CONFLICT: 409, SERVICE_UNAVAILABLE: 503 };

/**
 * File exports an auditor can take away, authorised exactly like the API (session cookie or
 * bearer token, same actions).
 */
export function mountExports(app: Express, contextFor: (req: Request, res: Response) => Promise<RequestContext>): void {
  app.get('/exports/organizations/:id/assets.csv', (req, res) =>
    sendExport(req, res, contextFor, async (ctx) => {
      const scope = await authorize(ctx, 'asset:read', String(req.params['id']));
      const csv = startCsv(res, `assets-${scope.organizationId}.csv`, [...ASSET_CSV_COLUMNS, 'criticality', 'id']);
      const members = new Map(
        ((await ctx.services.db.dataSource.query(`SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1`, [scope.organizationId])) as Array<{
          id: string;
          email: string;
        }>).map((m) => [m.id, m.email]),
      );
      let after: string | null = null;
      for (;;) {
        const page: Connection<Asset> = await ctx.services.assets.list(scope, {}, 500, after);
        for (const { node: a } of page.edges) {
          csv.write([a.name, a.type, a.ownerId ? (members.get(a.ownerId) ?? '') : '', a.location, a.confidentiality, a.integrity, a.availability, a.reviewDate ?? '', a.description, Math.max(a.confidentiality, a.integrity, a.availability), a.id]);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      csv.end();
    }),
  );

  app.get('/exports/organizations/:id/risks.csv', (req, res) =>
    sendExport(req, res, contextFor, async (ctx) => {
      const scope = await authorize(ctx, 'risk:read', String(req.params['id']));
      const csv = startCsv(res, `risks-${scope.organizationId}.csv`, [
        'id', 'title', 'threat', 'vulnerability', 'assets', 'likelihood', 'impact', 'inherent_score', 'level', 'treatment', 'controls',
        'residual_likelihood', 'residual_impact', 'residual_score', 'owner', 'review_date',
      ]);
      const matrix = await ctx.services.risks.matrix(scope.organizationId);
      const db = ctx.services.db.dataSource;
      let after: string | null = null;
      for (;;) {
        const page: Connection<Risk> = await ctx.services.risks.list(scope, {}, null, 500, after);
        const ids = page.edges.map((e) => e.node.id);
        const controls = (await db.query(`SELECT risk_id, string_agg(control_ref, ' ' ORDER BY control_ref) AS refs FROM risk_controls WHERE risk_id = ANY($1) GROUP BY risk_id`, [ids])) as Array<{ risk_id: string; refs: string }>;
        const assets = (await db.query(`SELECT ra.risk_id, string_agg(a.name, '; ' ORDER BY a.name) AS names FROM risk_assets ra JOIN assets a ON a.id = ra.asset_id WHERE ra.risk_id = ANY($1) GROUP BY ra.risk_id`, [ids])) as Array<{ risk_id: string; names: string }>;
        const owners = (await db.query(`SELECT r.id, u.email FROM risks r JOIN users u ON u.id = r.owner_id WHERE r.id = ANY($1)`, [ids])) as Array<{ id: string; email: string }>;
        for (const { node: r } of page.edges) {
          csv.write([
            r.id, r.title, r.threat, r.vulnerability, assets.find((a) => a.risk_id === r.id)?.names ?? '', r.likelihood, r.impact, r.inherentScore,
            riskLevel(r.inherentScore, matrix), r.treatment ?? '', controls.find((c) => c.risk_id === r.id)?.refs ?? '', r.residualLikelihood ?? '', r.residualImpact ?? '',
            r.residualScore ?? '', owners.find((o) => o.id === r.id)?.email ?? '', r.reviewDate ?? '',
          ]);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      csv.end();
    }),
  );

  // The SoA: ?version=current (default), approved (the latest approved version) or a number.
  app.get(/^\/exports\/organizations\/([^/]+)\/soa\.(csv|xlsx|pdf)$/, (req, res) =>
    sendExport(req, res, contextFor, async (ctx) => {
      const [organizationId, format] = [String(req.params[0]), String(req.params[1])];
      const scope = await authorize(ctx, 'soa:read', organizationId);
      const organization = (await ctx.loaders.organizationById.load(organizationId))!;
      const wanted = typeof req.query['version'] === 'string' ? req.query['version'] : 'current';
      let entries;
      let versionLabel = 'Current draft (not issued)';
      let contentHash: string | null = null;
      if (wanted === 'current') {
        entries = await ctx.services.soa.snapshot(scope, null);
      } else {
        const versions = await ctx.services.soa.versions(scope);
        let version;
        if (wanted === 'approved') {
          for (const candidate of versions) {
            const approvals = await ctx.loaders.approvalRequestsBySubject.load(candidate.id);
            if (approvals.some((a) => a.status === 'APPROVED' && a.subjectHash === candidate.contentHash)) {
              version = candidate;
              break;
            }
          }
          if (!version) throw new AppError('NOT_FOUND', 'No version of the SoA has been approved yet.');
        } else {
          if (!/^\d+$/.test(wanted)) throw new AppError('BAD_USER_INPUT', 'version must be current, approved or a version number.', { field: 'version' });
          version = await ctx.services.soa.version(scope, Number(wanted));
        }
        const approval = (await ctx.loaders.approvalRequestsBySubject.load(version.id)).find((a) => a.status === 'APPROVED' && a.subjectHash === version.contentHash);
        const approvers = approval ? await ctx.services.approvals.decisionsWithNames(approval.id) : [];
        entries = version.entries;
        contentHash = version.contentHash;
        versionLabel = `Version ${version.number}, issued ${version.issuedAt.toISOString().slice(0, 10)}; ${approval ? `approved by ${approvers.join(', ')} on ${approval.closedAt?.toISOString().slice(0, 10)}` : 'not approved'}`;
      }
      const header = { organization: organization.name, version: versionLabel, generatedAt: new Date(), contentHash };
      const filename = `soa-${organization.name.replace(/[^\w.-]+/g, '-').toLowerCase()}-${wanted}.${format}`;
      if (format === 'csv') {
        const csv = startCsv(res, filename, SOA_EXPORT_COLUMNS);
        for (const row of soaRows(entries)) csv.write(row);
        csv.write([]);
        csv.write([`${header.organization} — ${header.version}`]);
        csv.end();
      } else {
        res.setHeader('Content-Type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
        res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
        if (format === 'xlsx') {
          await writeSoaXlsx(res, header, entries);
          res.end();
        } else {
          await writeSoaPdf(res, header, entries);
        }
      }
    }),
  );

  // A management review with its pack, meeting, decisions and sign-off (as submitted, once submitted).
  app.get(/^\/exports\/organizations\/([^/]+)\/management-reviews\/([^/]+)\.pdf$/, (req, res) =>
    sendExport(req, res, contextFor, (ctx) => sendManagementReviewPdf(ctx, String(req.params[0]), String(req.params[1]), res)),
  );

  app.get('/exports/organizations/:id/audit-trail.csv', (req, res) =>
    sendExport(req, res, contextFor, async (ctx) => {
      const scope = await authorize(ctx, 'auditTrail:read', String(req.params['id']));
      const filter = {
        actorId: typeof req.query['actorId'] === 'string' ? req.query['actorId'] : null,
        action: typeof req.query['action'] === 'string' ? req.query['action'] : null,
        entityType: typeof req.query['entityType'] === 'string' ? req.query['entityType'] : null,
      };
      const csv = startCsv(res, `audit-trail-${scope.organizationId}.csv`, ['seq', 'at', 'action', 'actor', 'actorId', 'entityType', 'entityId', 'ip', 'summary', 'hash']);
      for await (const batch of ctx.services.auditTrail.stream(scope, filter)) {
        for (const e of batch) {
          csv.write([e.seq, e.at.toISOString(), e.action, e.actorLabel, e.actorId, e.entityType, e.entityId, e.ip, JSON.stringify(e.summary), e.hash]);
        }
      }
      csv.end();
    }),
  );
}
