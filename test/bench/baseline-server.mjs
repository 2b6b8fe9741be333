// The baseline the benchmarks hold Annex against: the same data fetched with hand-written SQL
// through `pg`, serialised with JSON.stringify by a bare `node:http` handler, and a bare `ws`
// broadcast. No framework, no GraphQL, no DataLoader: what a careful developer would write by
// hand for one screen. It authenticates the session cookie and the membership like Annex does,
// and answers the same JSON shape (`{ data: … }`) as the GraphQL operation it stands beside.
//
// Run by test/bench/run.mjs as its own process: node baseline-server.mjs (DATABASE_URL, PORT).
import http from 'node:http';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { canEditTask, canSeeTask, inAudience, isOverdue, needsOwnerAcceptance, riskLevel, roleCan, todayUtc } from '@annex/domain';
import { findControl } from '@annex/iso27001';

// Calendar dates stay 'YYYY-MM-DD' strings (as the API serves them), whatever the process's time zone.
pg.types.setTypeParser(1082, (value) => value);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'annex-bench-baseline' });
const iso = (value) => (value === null || value === undefined ? null : new Date(value).toISOString());
const person = (id, name) => (id ? { __typename: 'User', id, name } : null);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
const riskHash = (r, refs) =>
  sha256(canonicalJson({ likelihood: r.likelihood, impact: r.impact, treatment: r.treatment, residualLikelihood: r.residual_likelihood, residualImpact: r.residual_impact, controlRefs: [...refs].sort() }));
const taskHash = (t) => sha256(canonicalJson({ title: t.title, description: t.description, checklist: t.checklist.map(({ text, done }) => ({ text, done })), status: t.status }));

/** The caller (session cookie) and their role in the organisation, in one statement. */
async function viewerOf(req, organizationId) {
  const token = /(?:^|;\s*)annex_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const { rows } = await pool.query(
    `SELECT u.id, u.name, m.role FROM sessions s JOIN users u ON u.id = s.user_id
       JOIN memberships m ON m.user_id = u.id AND m.organization_id = $2
      WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [sha256(decodeURIComponent(token)), organizationId],
  );
  return rows[0] ?? null;
}

/** TreatmentPlan: a page of risks with owner, assets, controls, approvals and treatment tasks. */
async function riskRegister(viewer, organizationId, first, treatments) {
  const { rows } = await pool.query(
    `WITH page AS (
       SELECT r.*, count(*) OVER () AS total FROM risks r
        WHERE r.organization_id = $1 AND r.treatment = ANY($2)
        ORDER BY r.inherent_score DESC, r.id LIMIT $3)
     SELECT p.*, m.likelihood_labels, m.impact_labels, m.acceptance_threshold, o.name AS owner_name,
            (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)), '[]') FROM risk_assets ra JOIN assets a ON a.id = ra.asset_id WHERE ra.risk_id = p.id) AS assets,
            (SELECT coalesce(array_agg(c.control_ref ORDER BY c.control_ref), '{}') FROM risk_controls c WHERE c.risk_id = p.id) AS control_refs,
            (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'status', t.status, 'dueDate', t.due_date, 'assigneeId', u.id, 'assigneeName', u.name) ORDER BY t.id), '[]')
               FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.organization_id = p.organization_id AND t.subject_id = p.id) AS tasks,
            (SELECT coalesce(json_agg(json_build_object('id', ar.id, 'status', ar.status, 'createdAt', ar.created_at, 'subjectHash', ar.subject_hash) ORDER BY ar.id DESC), '[]')
               FROM approval_requests ar WHERE ar.organization_id = p.organization_id AND ar.subject_id = p.id) AS approvals
       FROM page p LEFT JOIN risk_matrices m ON m.organization_id = p.organization_id LEFT JOIN users o ON o.id = p.owner_id
      ORDER BY p.inherent_score DESC, p.id`,
    [organizationId, treatments, first + 1],
  );
  const today = todayUtc();
  const page = rows.slice(0, first);
  const edges = page.map((r, index) => {
    const matrix = { likelihoodLabels: r.likelihood_labels, impactLabels: r.impact_labels, acceptanceThreshold: r.acceptance_threshold };
    const accepted = r.approvals.filter((a) => a.status === 'APPROVED');
    const hash = accepted.length ? riskHash(r, r.control_refs) : null;
    const acceptance = accepted.find((a) => a.subjectHash === hash) ?? null;
    const canEdit = roleCan(viewer.role, 'risk:updateAny') || (roleCan(viewer.role, 'risk:update') && r.owner_id === viewer.id);
    return {
      __typename: 'RiskEdge',
      cursor: Buffer.from(`o:${index + 1}`).toString('base64url'),
      node: {
        __typename: 'Risk',
        id: r.id,
        version: r.version,
        title: r.title,
        threat: r.threat,
        likelihood: r.likelihood,
        impact: r.impact,
        inherentScore: r.inherent_score,
        level: riskLevel(r.inherent_score, matrix),
        treatment: r.treatment,
        residualLikelihood: r.residual_likelihood,
        residualImpact: r.residual_impact,
        residualScore: r.residual_score,
        residualLevel: r.residual_score === null ? null : riskLevel(r.residual_score, matrix),
        aboveThreshold: (r.residual_score ?? r.inherent_score) > matrix.acceptanceThreshold,
        needsAcceptance: needsOwnerAcceptance({ treatment: r.treatment, residualScore: r.residual_score, inherentScore: r.inherent_score }, matrix),
        acceptance: acceptance && { __typename: 'ApprovalRequest', id: acceptance.id, status: acceptance.status },
        approvalRequests: r.approvals.map((a) => ({ __typename: 'ApprovalRequest', id: a.id, status: a.status, createdAt: iso(a.createdAt) })),
        controls: r.control_refs.map(findControl).filter(Boolean).map((c) => ({ __typename: 'CatalogControl', ref: c.ref, title: c.title })),
        assets: r.assets.sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ __typename: 'Asset', id: a.id, name: a.name })),
        owner: person(r.owner_id, r.owner_name),
        reviewDate: r.review_date,
        viewerCanEdit: canEdit,
        tasks: r.tasks.map((t) => ({
          __typename: 'Task',
          id: t.id,
          title: t.title,
          status: t.status,
          dueDate: t.dueDate,
          overdue: isOverdue({ status: t.status, dueDate: t.dueDate }, today),
          assignee: person(t.assigneeId, t.assigneeName),
        })),
      },
    };
  });
  return {
    data: {
      organization: {
        __typename: 'Organization',
        id: organizationId,
        risks: {
          __typename: 'RiskConnection',
          totalCount: rows.length ? Number(rows[0].total) : 0,
          pageInfo: { __typename: 'PageInfo', endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > first },
          edges,
        },
      },
    },
  };
}

/** MyWork: my open tasks, the approvals waiting for me, documents to acknowledge, my notifications. */
async function myWork(viewer, organizationId) {
  const me = viewer.id;
  const seesAll = roleCan(viewer.role, 'task:readAll');
  const [tasks, approvals, documents, notifications] = await Promise.all([
    pool.query(
      `SELECT t.*, u.name AS assignee_name, count(*) OVER () AS total FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id
        WHERE t.organization_id = $1 AND t.assignee_id = $2 AND t.status IN ('OPEN','IN_PROGRESS','BLOCKED')
          AND ($3 OR t.created_by_id = $2 OR t.assignee_id = $2 OR EXISTS (SELECT 1 FROM task_watchers w WHERE w.task_id = t.id AND w.user_id = $2))
        ORDER BY CASE WHEN t.status IN ('DONE','CANCELLED') THEN 1 ELSE 0 END, t.due_date NULLS LAST, t.id DESC LIMIT 100`,
      [organizationId, me, seesAll],
    ),
    pool.query(
      `SELECT r.*, count(*) OVER () AS total, rb.name AS requested_by_name,
              (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name)), '[]') FROM approval_approvers a JOIN users u ON u.id = a.user_id WHERE a.approval_request_id = r.id) AS approvers,
              (SELECT coalesce(json_agg(json_build_object('id', d.id, 'decision', d.decision, 'comment', d.comment, 'decidedAt', d.decided_at, 'subjectHash', d.subject_hash, 'approverId', u.id, 'approverName', u.name) ORDER BY d.decided_at), '[]')
                 FROM approval_decisions d JOIN users u ON u.id = d.approver_id WHERE d.approval_request_id = r.id) AS decisions,
              (SELECT row_to_json(x) FROM (SELECT t.title, t.description, t.status, t.checklist, t.created_by_id, t.assignee_id,
                                                  ARRAY(SELECT w.user_id FROM task_watchers w WHERE w.task_id = t.id) AS watcher_ids
                                             FROM tasks t WHERE t.id = r.subject_id) x) AS task,
              (SELECT row_to_json(x) FROM (SELECT k.likelihood, k.impact, k.treatment, k.residual_likelihood, k.residual_impact,
                                                  ARRAY(SELECT c.control_ref FROM risk_controls c WHERE c.risk_id = k.id ORDER BY c.control_ref) AS control_refs
                                             FROM risks k WHERE k.id = r.subject_id) x) AS risk
         FROM approval_requests r JOIN users rb ON rb.id = r.requested_by_id
        WHERE r.organization_id = $1 AND r.status = 'PENDING'
          AND EXISTS (SELECT 1 FROM approval_approvers a WHERE a.approval_request_id = r.id AND a.user_id = $2)
          AND ($3 OR r.requested_by_id = $2 OR EXISTS (SELECT 1 FROM approval_approvers a WHERE a.approval_request_id = r.id AND a.user_id = $2))
        ORDER BY r.id DESC LIMIT 50`,
      [organizationId, me, seesAll],
    ),
    pool.query(
      `SELECT d.id, d.title, d.kind, d.audience_roles, cv.id AS version_id, cv.major, cv.minor, cv.published_at
         FROM documents d JOIN document_versions cv ON cv.id = d.current_version_id
        WHERE d.organization_id = $1
          AND NOT EXISTS (SELECT 1 FROM document_acknowledgements a JOIN document_versions av ON av.id = a.document_version_id
                           WHERE a.document_id = d.id AND a.user_id = $2 AND av.major = cv.major)
        ORDER BY cv.published_at DESC`,
      [organizationId, me],
    ),
    pool.query(
      `SELECT n.id, n.kind, n.title, n.body, n.read_at, n.created_at, n.subject_id, n.actor_id, ua.name AS actor_name,
              t.created_by_id AS task_created_by_id, t.assignee_id AS task_assignee_id,
              CASE WHEN t.id IS NULL THEN NULL ELSE ARRAY(SELECT w.user_id FROM task_watchers w WHERE w.task_id = t.id) END AS task_watcher_ids
         FROM notifications n LEFT JOIN users ua ON ua.id = n.actor_id LEFT JOIN tasks t ON t.id = n.subject_id AND t.organization_id = n.organization_id
        WHERE n.user_id = $2 AND n.organization_id = $1
        ORDER BY n.id DESC LIMIT 50`,
      [organizationId, me],
    ),
  ]);
  const today = todayUtc();
  const taskVisible = (t) => t && roleCan(viewer.role, 'task:read') && canSeeTask(viewer.role, me, { createdById: t.created_by_id, assigneeId: t.assignee_id, watcherIds: t.watcher_ids });
  const subjectOf = (r) => {
    if (r.task) return taskVisible(r.task) ? { __typename: 'Task', id: r.subject_id, title: r.task.title, status: r.task.status } : null;
    if (r.risk) return roleCan(viewer.role, 'risk:read') ? { __typename: 'Risk', id: r.subject_id } : null;
    return null;
  };
  const currentHashOf = (r) => (r.task ? taskHash(r.task) : r.risk ? riskHash(r.risk, r.risk.control_refs) : null);
  return {
    data: {
      organization: {
        __typename: 'Organization',
        id: organizationId,
        myTasks: {
          __typename: 'TaskConnection',
          totalCount: tasks.rows.length ? Number(tasks.rows[0].total) : 0,
          edges: tasks.rows.map((t) => ({
            __typename: 'TaskEdge',
            node: {
              __typename: 'Task',
              id: t.id,
              version: t.version,
              title: t.title,
              status: t.status,
              priority: t.priority,
              dueDate: t.due_date,
              overdue: isOverdue({ status: t.status, dueDate: t.due_date }, today),
              updatedAt: iso(t.updated_at),
              viewerCanEdit: canEditTask(viewer.role, me, { createdById: t.created_by_id, assigneeId: t.assignee_id }),
              assignee: person(t.assignee_id, t.assignee_name),
              checklist: t.checklist.map((c) => ({ __typename: 'ChecklistItem', id: c.id, text: c.text, done: c.done })),
            },
          })),
        },
        waiting: {
          __typename: 'ApprovalRequestConnection',
          totalCount: approvals.rows.length ? Number(approvals.rows[0].total) : 0,
          edges: approvals.rows.map((r) => ({
            __typename: 'ApprovalRequestEdge',
            node: {
              __typename: 'ApprovalRequest',
              id: r.id,
              status: r.status,
              quorum: r.quorum,
              dueDate: r.due_date,
              note: r.note,
              createdAt: iso(r.created_at),
              closedAt: iso(r.closed_at),
              subjectHash: r.subject_hash,
              currentSubjectHash: currentHashOf(r),
              viewerCanDecide: r.approvers.some((a) => a.id === me) && !r.decisions.some((d) => d.approverId === me),
              requestedBy: person(r.requested_by_id, r.requested_by_name),
              approvers: r.approvers.map((a) => person(a.id, a.name)),
              decisions: r.decisions.map((d) => ({
                __typename: 'ApprovalDecision',
                id: d.id,
                decision: d.decision,
                comment: d.comment,
                decidedAt: iso(d.decidedAt),
                subjectHash: d.subjectHash,
                approver: person(d.approverId, d.approverName),
              })),
              subject: subjectOf(r),
            },
          })),
        },
        documentsToAcknowledge: documents.rows
          .filter((d) => inAudience(d.audience_roles, viewer.role))
          .map((d) => ({
            __typename: 'Document',
            id: d.id,
            title: d.title,
            kind: d.kind,
            currentVersion: { __typename: 'DocumentVersion', id: d.version_id, number: `${d.major}.${d.minor}`, publishedAt: iso(d.published_at) },
          })),
      },
      viewer: {
        __typename: 'Viewer',
        id: me,
        notifications: {
          __typename: 'NotificationConnection',
          edges: notifications.rows.map((n) => ({
            __typename: 'NotificationEdge',
            node: {
              __typename: 'Notification',
              id: n.id,
              kind: n.kind,
              title: n.title,
              body: n.body,
              read: n.read_at !== null,
              createdAt: iso(n.created_at),
              actor: person(n.actor_id, n.actor_name),
              subject:
                n.task_watcher_ids && taskVisible({ created_by_id: n.task_created_by_id, assignee_id: n.task_assignee_id, watcher_ids: n.task_watcher_ids })
                  ? { __typename: 'Task', id: n.subject_id }
                  : null,
            },
          })),
        },
      },
    },
  };
}

function send(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
    if (url.pathname === '/broadcast' && req.method === 'POST') {
      // The bare broadcast: the same bytes to every connected socket.
      const payload = await readBody(req);
      let sent = 0;
      for (const socket of sockets.clients) {
        if (socket.readyState === socket.OPEN) {
          socket.send(payload);
          sent += 1;
        }
      }
      return send(res, 200, { sent });
    }
    const organizationId = url.searchParams.get('organizationId') ?? '';
    const viewer = await viewerOf(req, organizationId);
    if (!viewer) return send(res, 404, { errors: [{ message: 'Organization not found.' }] });
    if (url.pathname === '/risk-register') {
      if (!roleCan(viewer.role, 'risk:read')) return send(res, 403, { errors: [{ message: 'forbidden' }] });
      const first = Math.min(100, Number(url.searchParams.get('first') ?? 20));
      const treatments = (url.searchParams.get('treatment') ?? 'MITIGATE,TRANSFER,AVOID').split(',');
      return send(res, 200, await riskRegister(viewer, organizationId, first, treatments));
    }
    if (url.pathname === '/my-work') return send(res, 200, await myWork(viewer, organizationId));
    return send(res, 404, { errors: [{ message: 'not found' }] });
  } catch (error) {
    process.stderr.write(`baseline: ${error.stack ?? error}\n`);
    send(res, 500, { errors: [{ message: String(error.message ?? error) }] });
  }
});
const sockets = new WebSocketServer({ server, path: '/ws' });
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`baseline listening on ${server.address().port}\n`);
});
const stop = () => {
  sockets.close();
  server.close();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
