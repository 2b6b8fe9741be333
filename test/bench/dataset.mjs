// The benchmark's data set: organisations of a given scale written with bulk SQL (INSERT …
// SELECT generate_series, and unnest for the small tables) into a database whose schema the
// real migrations made. Everything is a function of the seed: ids are md5(seed, kind, n) and
// every choice is hashint8extended(n, seed), so two runs with one seed hold the same rows.
import { createHash } from 'node:crypto';
import { CLAUSES, CONTROLS, MANDATORY_DOCUMENTS } from '@annex/iso27001';

/** The organisation issue 9 asks for. */
export const FULL_SCALE = Object.freeze({
  members: 500,
  assets: 2000,
  risks: 10_000,
  tasks: 50_000,
  comments: 5000,
  documents: 300,
  audits: 20,
  findingsPerAudit: 5,
  approvals: 2000,
  notifications: 10_000,
  auditEvents: 5000,
  evidence: 200,
});

/** A small organisation: SQL statement counts of pages without a page size compare the two. */
export const SMALL_SCALE = Object.freeze({
  members: 12,
  assets: 20,
  risks: 30,
  tasks: 120,
  comments: 20,
  documents: 6,
  audits: 2,
  findingsPerAudit: 2,
  approvals: 12,
  notifications: 40,
  auditEvents: 50,
  evidence: 6,
});

const FIRST_NAMES = ['Sanne', 'Daan', 'Priya', 'Tom', 'Eva', 'Marco', 'Lisa', 'Noah', 'Jesse', 'Fleur', 'Sem', 'Lotte', 'Milan', 'Emma', 'Lucas', 'Julia', 'Thijs', 'Sara', 'Bram', 'Anouk', 'Ravi', 'Mei', 'Olga', 'Karim', 'Ines', 'Jonas', 'Amira', 'Pieter', 'Zoë', 'Luca'];
const LAST_NAMES = ['de Vries', 'Bakker', 'Raman', 'Jansen', 'Smit', 'Rossi', 'Visser', 'Peters', 'de Boer', 'Jacobs', 'van Dijk', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Hendriks', 'van Leeuwen', 'Dekker', 'Smits', 'Meijer', 'Kowalski', 'Nguyen', 'Okafor', 'Haddad', 'Novak', 'Lindqvist', 'Moreau', 'García', 'Schmidt', 'Yilmaz'];
const NOTIFICATION_KINDS = ['ASSIGNED', 'MENTIONED', 'COMMENTED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'DUE_SOON', 'OVERDUE'];
/** Every date is relative to this day, not to the day of the run (the data set is the same every time). */
const T0 = `timestamptz '2026-03-02 09:00:00+00'`;
const D0 = `date '2026-03-02'`;
const GENESIS_HASH = '0'.repeat(64);

const md5 = (text) => createHash('md5').update(text).digest('hex');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Same JSON as the server's canonicalJson (sorted keys): the audit chain and SoA hashes verify. */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The role of the n-th member (1-based) of an organisation of `count` members. */
function roleOf(n, count) {
  const isms = Math.max(1, Math.round(count * 0.008));
  const contributors = Math.max(2, Math.round(count * 0.2));
  const management = Math.max(1, Math.round(count * 0.04));
  const auditors = Math.max(1, Math.round(count * 0.03));
  if (n === 1) return 'OWNER';
  if (n <= 1 + isms) return 'ISMS_MANAGER';
  if (n <= 1 + isms + contributors) return 'CONTRIBUTOR';
  if (n <= 1 + isms + contributors + management) return 'MANAGEMENT';
  if (n <= 1 + isms + contributors + management + auditors) return 'AUDITOR';
  return 'EMPLOYEE';
}

/**
 * Writes one organisation per entry of `organizations` and returns what the benchmarks need:
 * ids, members with their roles and session cookies, and sample records for the panels.
 */
export async function generateDataset(client, { seed, organizations }) {
  await client.query(`SET synchronous_commit = off`);
  // Rows are consistent by construction: skip the per-row foreign-key triggers while loading
  // (a superuser may; otherwise the load is only slower).
  await client.query(`SET session_replication_role = replica`).catch(() => undefined);
  const manifest = { seed, organizations: [] };
  for (const spec of organizations) manifest.organizations.push(await generateOrganization(client, seed, spec));
  await client.query(`SET session_replication_role = DEFAULT`).catch(() => undefined);
  // As after any bulk load: statistics for the planner, and the vacuum that PostgreSQL would
  // otherwise start by itself a minute later (insert-triggered autovacuum of the large tables),
  // in the middle of the measurements.
  await client.query(`VACUUM ANALYZE`);
  return manifest;
}

async function generateOrganization(client, seed, { tag, name, scale }) {
  const idOf = (prefix, n) => `${prefix}_${md5(`${seed}:${prefix}:${tag}:${n}`)}`;
  /** SQL for idOf over an integer expression. */
  const sqlId = (prefix, expr) => `('${prefix}_' || md5('${seed}:${prefix}:${tag}:' || (${expr})))`;
  /** A deterministic non-negative pseudo-random integer of `expr` (salt k picks another stream). */
  const h = (expr, k) => `abs(hashint8extended((${expr})::bigint, ${seed * 1000 + k}))`;
  const pick = (param, expr, k) => `(${param})[1 + ${h(expr, k)} % cardinality(${param})]`;
  const q = async (sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${sql.trim().split('\n')[0].slice(0, 90)}\n`);
    return result;
  };

  const orgId = idOf('org', 0);
  await q(`INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, ${T0} - interval '400 days')`, [orgId, name]);

  // --- People: users, memberships, a browser session each (cookie value known to the load generator)
  const members = [];
  for (let n = 1; n <= scale.members; n += 1) {
    const first = FIRST_NAMES[(n * 7 + seed) % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length + seed) % LAST_NAMES.length];
    const token = `bench_${md5(`${seed}:session:${tag}:${n}`)}${md5(`${seed}:session2:${tag}:${n}`)}`;
    members.push({ id: idOf('usr', n), name: `${first} ${last} ${n}`, email: `member${n}@${tag}.bench.example`, role: roleOf(n, scale.members), token });
  }
  await q(
    `INSERT INTO users (id, email, name, password_hash, password_changed_at, created_at)
     SELECT id, email, name, '!benchmark-account-without-password', ${T0} - interval '400 days', ${T0} - interval '400 days'
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [members.map((m) => m.id), members.map((m) => m.email), members.map((m) => m.name)],
  );
  await q(
    `INSERT INTO memberships (id, organization_id, user_id, role, created_at)
     SELECT ${sqlId('mem', 'n')}, $1, user_id, role, ${T0} - interval '400 days' + n * interval '1 minute'
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS m(user_id, role, n)`,
    [orgId, members.map((m) => m.id), members.map((m) => m.role)],
  );
  await q(
    `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
     SELECT id, user_id, now(), now() + interval '30 days', now(), '127.0.0.1', 'annex-bench'
       FROM unnest($1::text[], $2::text[]) AS s(id, user_id)`,
    [members.map((m) => sha256(m.token)), members.map((m) => m.id)],
  );
  const ids = (roles) => members.filter((m) => roles.includes(m.role)).map((m) => m.id);
  const all = members.map((m) => m.id);
  const team = ids(['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT']);
  const contributors = ids(['CONTRIBUTOR']);
  const approvers = ids(['OWNER', 'ISMS_MANAGER', 'MANAGEMENT']);
  const auditors = ids(['AUDITOR']);
  const controlRefs = CONTROLS.map((c) => c.ref);

  // --- Risk matrix, assets, risks with their assets and controls
  await q(
    `INSERT INTO risk_matrices (organization_id, likelihood_labels, impact_labels, acceptance_threshold, version)
     VALUES ($1, ARRAY['Rare','Unlikely','Possible','Likely','Almost certain'], ARRAY['Negligible','Minor','Moderate','Major','Severe'], 9, 1)`,
    [orgId],
  );
  await q(
    `INSERT INTO assets (id, organization_id, name, type, description, owner_id, location, confidentiality, integrity, availability, review_date, created_at, updated_at)
     SELECT ${sqlId('ast', 'i')}, $1,
            'Asset ' || lpad(i::text, 5, '0') || ' – ' || (ARRAY['customer location data','fleet database','tracking API','driver app','office laptops','Rotterdam office','cloud hosting','SMS gateway'])[1 + ${h('i', 1)} % 8],
            (ARRAY['INFORMATION','SOFTWARE','HARDWARE','SERVICE','PEOPLE','SITE'])[1 + ${h('i', 2)} % 6],
            'An asset of the benchmark organisation.', ${pick('$2::text[]', 'i', 3)},
            (ARRAY['Rotterdam','Remote','Cloud (eu-west-1)','Amsterdam data centre'])[1 + ${h('i', 4)} % 4],
            1 + ${h('i', 5)} % 3, 1 + ${h('i', 6)} % 3, 1 + ${h('i', 7)} % 3,
            ${D0} + (${h('i', 8)} % 365)::int, ${T0} - (${h('i', 9)} % 400) * interval '1 day', ${T0} - (${h('i', 9)} % 200) * interval '1 day'
       FROM generate_series(1, $3::int) AS i`,
    [orgId, team, scale.assets],
  );
  await q(
    `INSERT INTO risks (id, organization_id, title, description, threat, vulnerability, likelihood, impact, inherent_score, treatment,
                        residual_likelihood, residual_impact, residual_score, owner_id, review_date, created_at, updated_at)
     SELECT id, $1, title, 'A risk of the benchmark organisation, assessed on the 5 × 5 matrix.', threat, vulnerability, l, im, l * im, treatment,
            rl, ri, rl * ri, owner_id, review_date, created_at, created_at + interval '3 days'
       FROM (SELECT ${sqlId('rsk', 'i')} AS id,
                    'Risk ' || lpad(i::text, 5, '0') || ': ' || (ARRAY['Loss of customer location data','Outage of the tracking API','Phishing of support staff','Ransomware on laptops','Supplier breach','Insider misuse','Misconfigured cloud storage','Unpatched driver app'])[1 + ${h('i', 10)} % 8] AS title,
                    (ARRAY['criminal group','careless employee','supplier','power failure','malware'])[1 + ${h('i', 11)} % 5] AS threat,
                    (ARRAY['weak passwords','no MFA','missing patches','single region','no monitoring'])[1 + ${h('i', 12)} % 5] AS vulnerability,
                    1 + ${h('i', 13)} % 5 AS l, 1 + ${h('i', 14)} % 5 AS im,
                    (ARRAY['MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE','MITIGATE',
                           'ACCEPT','ACCEPT','ACCEPT','TRANSFER','TRANSFER','AVOID',NULL,NULL])[1 + ${h('i', 15)} % 20] AS treatment,
                    ${pick('$2::text[]', 'i', 16)} AS owner_id,
                    ${D0} + (${h('i', 17)} % 365)::int AS review_date,
                    ${T0} - (${h('i', 18)} % 400) * interval '1 day' AS created_at, i
               FROM generate_series(1, $3::int) AS i) base
       CROSS JOIN LATERAL (SELECT CASE WHEN treatment IN ('MITIGATE','TRANSFER','AVOID') THEN greatest(1, l - 1 - ${h('i', 19)} % 2) END AS rl,
                                  CASE WHEN treatment IN ('MITIGATE','TRANSFER','AVOID') THEN greatest(1, im - ${h('i', 20)} % 2) END AS ri) residual`,
    [orgId, team, scale.risks],
  );
  await q(
    `INSERT INTO risk_assets (risk_id, asset_id)
     SELECT ${sqlId('rsk', 'i')}, ${sqlId('ast', `1 + ${h('i * 7 + k', 22)} % $1::int`)}
       FROM generate_series(1, $2::int) AS i, generate_series(1, 3) AS k
      WHERE k <= 1 + ${h('i', 21)} % 3
     ON CONFLICT DO NOTHING`,
    [scale.assets, scale.risks],
  );
  await q(
    `INSERT INTO risk_controls (risk_id, control_ref)
     SELECT ${sqlId('rsk', 'i')}, ${pick('$1::text[]', 'i * 11 + k', 24)}
       FROM generate_series(1, $2::int) AS i, generate_series(1, 4) AS k
      WHERE k <= 1 + ${h('i', 23)} % 4
     ON CONFLICT DO NOTHING`,
    [controlRefs, scale.risks],
  );

  // --- Documents (before tasks: some tasks are about a document) with their versions
  const mandatory = MANDATORY_DOCUMENTS.filter((d) => d.kind === 'DOCUMENT').map((d) => d.ref);
  await q(
    `INSERT INTO documents (id, organization_id, title, kind, classification, owner_id, clause_refs, control_refs, mandatory_refs, audience_roles,
                            review_interval_months, draft_version, draft_content, draft_text, draft_hash, draft_updated_at, draft_updated_by_id,
                            next_review_on, last_reviewed_on, created_by_id, created_at, updated_at)
     SELECT ${sqlId('doc', 'd')}, $1,
            (ARRAY['Information security policy','Access control procedure','Backup standard','Incident response plan','Supplier security policy','Acceptable use policy'])[1 + ${h('d', 30)} % 6] || ' ' || d,
            (ARRAY['POLICY','PROCEDURE','STANDARD','PLAN','RECORD','OTHER'])[1 + ${h('d', 31)} % 6],
            (ARRAY['PUBLIC','INTERNAL','INTERNAL','CONFIDENTIAL'])[1 + ${h('d', 32)} % 4],
            ${pick('$2::text[]', 'd', 33)},
            CASE WHEN ${h('d', 31)} % 6 = 0 THEN ARRAY['5.2'] ELSE '{}'::text[] END,
            ARRAY[${pick('$3::text[]', 'd', 34)}],
            CASE WHEN d <= cardinality($4::text[]) THEN ARRAY[($4::text[])[d]] ELSE '{}'::text[] END,
            -- Policies address everyone; procedures and standards the team; plans the managers; records the ISMS manager.
            (ARRAY['{}', '{CONTRIBUTOR,ISMS_MANAGER}', '{CONTRIBUTOR,ISMS_MANAGER}', '{ISMS_MANAGER,MANAGEMENT}', '{ISMS_MANAGER}', '{ISMS_MANAGER}'])[1 + ${h('d', 31)} % 6]::text[],
            12, 1, repeat('<p>Generated paragraph of a benchmark document: scope, roles, rules and records.</p>', 40),
            repeat('Generated paragraph of a benchmark document: scope, roles, rules and records. ', 40),
            md5('draft' || d) || md5('draft2' || d), ${T0} - interval '10 days', ${pick('$2::text[]', 'd', 33)},
            ${D0} + (400 + ${h('d', 36)} % 365)::int, ${D0} - (${h('d', 37)} % 300)::int, ${pick('$2::text[]', 'd', 33)},
            ${T0} - interval '300 days', ${T0} - interval '10 days'
       FROM generate_series(1, $5::int) AS d`,
    [orgId, team, controlRefs, mandatory, scale.documents],
  );
  const versionsOf = (d) => `(1 + ${h(d, 38)} % 4)`;
  await q(
    `INSERT INTO document_versions (id, organization_id, document_id, major, minor, state, content, content_text, content_hash, change_summary, author_id,
                                    created_at, published_at, published_by_id, superseded_at)
     SELECT ${sqlId('dve', 'd * 10 + k')}, $1, ${sqlId('doc', 'd')}, k, 0,
            CASE WHEN k = ${versionsOf('d')} THEN 'PUBLISHED' ELSE 'SUPERSEDED' END,
            repeat('<p>Generated paragraph of a benchmark document: scope, roles, rules and records.</p>', 40),
            repeat('Generated paragraph of a benchmark document: scope, roles, rules and records. ', 40),
            md5('v' || d || ':' || k) || md5('v2' || d || ':' || k), 'Version ' || k || ' of the document.', ${pick('$2::text[]', 'd', 33)},
            ${T0} - (400 - k * 60) * interval '1 day', ${T0} - (400 - k * 60) * interval '1 day', ${pick('$2::text[]', 'd', 39)},
            CASE WHEN k < ${versionsOf('d')} THEN ${T0} - (400 - (k + 1) * 60) * interval '1 day' END
       FROM generate_series(1, $3::int) AS d, generate_series(1, 4) AS k
      WHERE k <= ${versionsOf('d')}`,
    [orgId, approvers, scale.documents],
  );
  await q(
    `UPDATE documents SET current_version_id = ${sqlId('dve', `d * 10 + ${versionsOf('d')}`)}
       FROM generate_series(1, $2::int) AS d WHERE documents.id = ${sqlId('doc', 'd')} AND documents.organization_id = $1`,
    [orgId, scale.documents],
  );
  // Most of each document's audience acknowledged its current version; the rest have it in "My work".
  await q(
    `INSERT INTO document_acknowledgements (id, organization_id, document_id, document_version_id, user_id, at)
     SELECT ${sqlId('ack', 'd.n * 100000 + m.u')}, $1, d.id, d.current_version_id, m.user_id, ${T0} - (${h('d.n * 100000 + m.u', 41)} % 50) * interval '1 day'
       FROM (SELECT id, current_version_id, audience_roles, row_number() OVER (ORDER BY id) AS n FROM documents WHERE organization_id = $1) d
       JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS m(user_id, role, u) ON cardinality(d.audience_roles) = 0 OR m.role = ANY(d.audience_roles)
      WHERE ${h('d.n * 100000 + m.u', 40)} % 100 < 85`,
    [orgId, all, members.map((m) => m.role)],
  );

  // --- Tasks (a third are risk treatment, some are about documents), their watchers, comments
  const riskTasks = Math.floor(scale.tasks * 0.3);
  const documentTasks = Math.floor(scale.tasks * 0.02);
  await q(
    `INSERT INTO tasks (id, organization_id, title, description, status, priority, due_date, assignee_id, subject_id, checklist, created_by_id, created_at, updated_at, completed_at,
                        reminded_at, overdue_notified_at)
     SELECT id, $1, title, 'Generated task of the benchmark organisation.', status, priority, due_date, assignee_id, subject_id, checklist, created_by_id,
            created_at, created_at + interval '2 days', CASE WHEN status = 'DONE' THEN created_at + interval '2 days' END,
            -- A steady state: reminders and overdue notices were sent long ago (the jobs stay quiet during the run).
            CASE WHEN due_date IS NOT NULL THEN ${T0} END, CASE WHEN due_date IS NOT NULL THEN ${T0} END
       FROM (SELECT ${sqlId('tsk', 'i')} AS id,
                    'Task ' || lpad(i::text, 6, '0') || ': ' || (ARRAY['Review','Patch','Document','Test','Approve','Configure','Train','Audit'])[1 + ${h('i', 50)} % 8] || ' ' ||
                      (ARRAY['access rights','backups','the firewall','supplier contract','MFA rollout','logging','laptops','incident plan'])[1 + ${h('i', 51)} % 8] AS title,
                    (ARRAY['OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','BLOCKED',
                           'DONE','DONE','DONE','DONE','DONE','DONE','DONE','CANCELLED'])[1 + ${h('i', 52)} % 20] AS status,
                    (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','CRITICAL'])[1 + ${h('i', 53)} % 5] AS priority,
                    CASE WHEN ${h('i', 54)} % 10 = 0 THEN NULL ELSE ${D0} + (${h('i', 55)} % 730 - 365)::int END AS due_date,
                    CASE WHEN ${h('i', 56)} % 20 = 0 THEN NULL ELSE ${pick('$2::text[]', 'i', 57)} END AS assignee_id,
                    CASE WHEN i <= $4::int THEN ${sqlId('rsk', `1 + ${h('i', 58)} % $5::int`)}
                         WHEN i <= $4::int + $6::int THEN ${sqlId('doc', `1 + ${h('i', 58)} % $7::int`)} END AS subject_id,
                    CASE WHEN ${h('i', 59)} % 5 = 0
                         THEN jsonb_build_array(jsonb_build_object('id', md5('c1:' || i), 'text', 'Prepare', 'done', true), jsonb_build_object('id', md5('c2:' || i), 'text', 'Check', 'done', false))
                         ELSE '[]'::jsonb END AS checklist,
                    ${pick('$3::text[]', 'i', 60)} AS created_by_id,
                    ${T0} - (${h('i', 61)} % 500) * interval '1 day' - (${h('i', 62)} % 86400) * interval '1 second' AS created_at
               FROM generate_series(1, $8::int) AS i) base`,
    [orgId, all, team, riskTasks, scale.risks, documentTasks, scale.documents, scale.tasks],
  );
  await q(
    `INSERT INTO task_watchers (task_id, user_id)
     SELECT id, assignee_id FROM tasks WHERE organization_id = $1 AND assignee_id IS NOT NULL
     UNION SELECT id, created_by_id FROM tasks WHERE organization_id = $1
     ON CONFLICT DO NOTHING`,
    [orgId],
  );
  await q(
    `INSERT INTO comments (id, organization_id, subject_id, author_id, body, created_at)
     SELECT ${sqlId('cmt', 'i')}, $1,
            CASE WHEN i % 5 = 0 THEN ${sqlId('rsk', `1 + ${h('i', 70)} % $3::int`)} ELSE ${sqlId('tsk', `1 + ${h('i', 70)} % $4::int`)} END,
            ${pick('$2::text[]', 'i', 71)}, 'Comment ' || i || ': looked at this today, details in the linked evidence.',
            ${T0} - (${h('i', 72)} % 300) * interval '1 day'
       FROM generate_series(1, $5::int) AS i`,
    [orgId, team, scale.risks, scale.tasks, scale.comments],
  );

  // --- Approval requests (on tasks and risks), their approvers and decisions; notifications
  await q(
    `INSERT INTO approval_requests (id, organization_id, subject_id, subject_hash, status, quorum, due_date, note, requested_by_id, created_at, closed_at)
     SELECT ${sqlId('apr', 'i')}, $1,
            CASE WHEN i % 10 < 7 THEN ${sqlId('tsk', `1 + ${h('i', 80)} % $3::int`)} ELSE ${sqlId('rsk', `1 + ${h('i', 80)} % $4::int`)} END,
            md5('hash' || i) || md5('hash2' || i), status, 1, ${D0} + (${h('i', 82)} % 60)::int, 'Please review.', ${pick('$2::text[]', 'i', 83)},
            created_at, CASE WHEN status <> 'PENDING' THEN created_at + interval '1 day' END
       FROM (SELECT i, (ARRAY['PENDING','PENDING','PENDING','PENDING','PENDING','PENDING','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED',
                              'APPROVED','APPROVED','APPROVED','REJECTED','REJECTED','REJECTED','INVALIDATED','CANCELLED'])[1 + ${h('i', 81)} % 20] AS status,
                    ${T0} - (${h('i', 84)} % 200) * interval '1 day' AS created_at
               FROM generate_series(1, $5::int) AS i) base`,
    [orgId, contributors, scale.tasks, scale.risks, scale.approvals],
  );
  await q(
    `INSERT INTO approval_approvers (approval_request_id, user_id)
     SELECT ${sqlId('apr', 'i')}, ${pick('$1::text[]', 'i * 3 + k', 85)}
       FROM generate_series(1, $2::int) AS i, generate_series(1, 2) AS k
      WHERE k = 1 OR ${h('i', 86)} % 2 = 0
     ON CONFLICT DO NOTHING`,
    [approvers, scale.approvals],
  );
  await q(
    `INSERT INTO approval_decisions (id, approval_request_id, approver_id, decision, comment, subject_hash, decided_at)
     SELECT DISTINCT ON (r.id) ${sqlId('apd', 'substr(r.id, 5)')}, r.id, a.user_id, CASE WHEN r.status = 'REJECTED' THEN 'REJECT' ELSE 'APPROVE' END,
            'Decided in the benchmark data.', r.subject_hash, r.closed_at
       FROM approval_requests r JOIN approval_approvers a ON a.approval_request_id = r.id
      WHERE r.organization_id = $1 AND r.status IN ('APPROVED','REJECTED')
      ORDER BY r.id, a.user_id`,
    [orgId],
  );
  await q(
    `INSERT INTO notifications (id, organization_id, user_id, kind, title, body, subject_id, actor_id, created_at, read_at)
     SELECT ${sqlId('ntf', 'i')}, $1, ${pick('$2::text[]', 'i', 90)}, ($3::text[])[1 + ${h('i', 91)} % cardinality($3::text[])],
            'Something needs your attention (' || i || ')', 'A generated notification of the benchmark organisation.',
            ${sqlId('tsk', `1 + ${h('i', 92)} % $4::int`)}, ${pick('$5::text[]', 'i', 93)},
            ${T0} - (${h('i', 94)} % 120) * interval '1 day' - (${h('i', 95)} % 86400) * interval '1 second',
            CASE WHEN ${h('i', 96)} % 10 < 6 THEN ${T0} END
       FROM generate_series(1, $6::int) AS i`,
    [orgId, all, NOTIFICATION_KINDS, scale.tasks, team, scale.notifications],
  );

  // --- Gap analysis and the Statement of Applicability (every requirement and control) with two issued versions
  const leafClauses = CLAUSES.filter((c) => !CLAUSES.some((other) => other.parent === c.ref)).map((c) => c.ref);
  const gapRefs = [...leafClauses, ...controlRefs];
  await q(
    `INSERT INTO gap_items (id, organization_id, ref, version, status, maturity, owner_id, notes, last_assessed_at)
     SELECT ${sqlId('gap', 'n')}, $1, ref, 1, (ARRAY['IMPLEMENTED','IMPLEMENTED','PARTIAL','NOT_STARTED','NOT_APPLICABLE'])[1 + ${h('n', 100)} % 5],
            ${h('n', 101)} % 6, ${pick('$3::text[]', 'n', 102)}, 'Assessed in the benchmark data.', ${T0} - interval '300 days'
       FROM unnest($2::text[]) WITH ORDINALITY AS g(ref, n)`,
    [orgId, gapRefs, team],
  );
  const soaEntries = controlRefs.map((ref, i) => {
    const r = Number.parseInt(md5(`${seed}:soa:${tag}:${i}`).slice(0, 8), 16);
    return {
      controlRef: ref,
      applicable: r % 10 !== 0,
      justification: r % 10 !== 0 ? 'Needed to treat the risks of the register.' : 'Not relevant to the scope: no such activity.',
      implementationStatus: ['IMPLEMENTED', 'IMPLEMENTED', 'PARTIAL', 'PLANNED', 'NOT_STARTED'][r % 5],
    };
  });
  await q(
    `INSERT INTO soa_entries (id, organization_id, control_ref, version, applicable, justification, implementation_status, updated_at, updated_by_id)
     SELECT ${sqlId('soe', 'n')}, $1, ref, 1, applicable, justification, status, ${T0} - interval '30 days', $6
       FROM unnest($2::text[], $3::boolean[], $4::text[], $5::text[]) WITH ORDINALITY AS s(ref, applicable, justification, status, n)`,
    [orgId, soaEntries.map((e) => e.controlRef), soaEntries.map((e) => e.applicable), soaEntries.map((e) => e.justification), soaEntries.map((e) => e.implementationStatus), members[1].id],
  );
  for (const number of [1, 2]) {
    const entries = number === 1 ? soaEntries.map((e) => ({ ...e, implementationStatus: 'PLANNED' })) : soaEntries;
    await q(
      `INSERT INTO soa_versions (id, organization_id, number, note, entries, content_hash, issued_by_id, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${T0} - ($8::int) * interval '1 day')`,
      [idOf('sov', number), orgId, number, `Version ${number} of the benchmark SoA.`, JSON.stringify(entries), sha256(canonicalJson(entries)), members[0].id, 200 / number],
    );
  }

  // --- Audits with their team, agenda, checklist, evidence requests, findings and corrective actions
  await q(
    `INSERT INTO audits (id, organization_id, kind, title, status, start_date, end_date, lead_auditor_id, scope_refs, objectives, created_by_id, created_at, updated_at, closed_at)
     SELECT ${sqlId('adt', 'a')}, $1, (ARRAY['INTERNAL','INTERNAL','STAGE1','STAGE2','SURVEILLANCE'])[1 + a % 5],
            'Audit ' || a || ' of the ISMS', status, start_date, start_date + 3, ${pick('$2::text[]', 'a', 110)}, ARRAY['4.1','5.2','A.5.1','A.8.8'],
            'Check that the ISMS conforms and works.', $3, ${T0} - interval '400 days', ${T0} - interval '5 days', CASE WHEN status = 'CLOSED' THEN start_date + interval '10 days' END
       FROM (SELECT a, CASE WHEN a = $4::int THEN 'PLANNED' WHEN a = $4::int - 1 THEN 'IN_PROGRESS' ELSE 'CLOSED' END AS status,
                    ${D0} - (($4::int - a) * 30) AS start_date
               FROM generate_series(1, $4::int) AS a) base`,
    [orgId, auditors, members[1].id, scale.audits],
  );
  await q(
    `INSERT INTO audit_team (audit_id, user_id)
     SELECT ${sqlId('adt', 'a')}, u FROM generate_series(1, $1::int) AS a, LATERAL (VALUES (${pick('$2::text[]', 'a', 110)}), (${pick('$3::text[]', 'a', 111)})) AS t(u)
     ON CONFLICT DO NOTHING`,
    [scale.audits, auditors, team],
  );
  await q(
    `INSERT INTO audit_sessions (id, organization_id, audit_id, starts_at, ends_at, topic, location, interviewee_ids)
     SELECT ${sqlId('ads', 'a * 10 + s')}, $1, ${sqlId('adt', 'a')},
            (${D0} - (($3::int - a) * 30) + (s - 1) / 2)::timestamptz + interval '9 hours' + ((s - 1) % 2) * interval '4 hours',
            (${D0} - (($3::int - a) * 30) + (s - 1) / 2)::timestamptz + interval '11 hours' + ((s - 1) % 2) * interval '4 hours',
            (ARRAY['Opening meeting','Access control','Backups','Supplier management','Closing meeting'])[s], 'Rotterdam', ARRAY[${pick('$2::text[]', 'a * 10 + s', 112)}]
       FROM generate_series(1, $3::int) AS a, generate_series(1, 5) AS s`,
    [orgId, team, scale.audits],
  );
  await q(
    `INSERT INTO audit_checklist_items (id, organization_id, audit_id, ref, verdict, notes)
     SELECT ${sqlId('chk', 'a * 100 + c')}, $1, ${sqlId('adt', 'a')}, ($2::text[])[1 + (a * 10 + c) % cardinality($2::text[])],
            (ARRAY['CONFORMS','CONFORMS','CONFORMS','OBSERVATION','MINOR_NC','NOT_CHECKED'])[1 + ${h('a * 100 + c', 113)} % 6], ''
       FROM generate_series(1, $3::int) AS a, generate_series(1, 10) AS c`,
    [orgId, controlRefs, scale.audits],
  );
  await q(
    `INSERT INTO evidence (id, organization_id, title, note, control_refs, effective_on, uploaded_by_id, created_at)
     SELECT ${sqlId('evd', 'e')}, $1, 'Evidence ' || e || ': ' || (ARRAY['access review','backup restore test','training records','firewall rules'])[1 + e % 4],
            'A note standing as evidence.', ARRAY[${pick('$2::text[]', 'e', 114)}], ${D0} - (e % 200), ${pick('$3::text[]', 'e', 115)}, ${T0} - (e % 200) * interval '1 day'
       FROM generate_series(1, $4::int) AS e`,
    [orgId, controlRefs, team, scale.evidence],
  );
  await q(
    `INSERT INTO evidence_requests (id, organization_id, audit_id, title, description, owner_id, due_at, status, requested_by_id, created_at)
     SELECT ${sqlId('evr', 'a * 10 + r')}, $1, ${sqlId('adt', 'a')}, 'Show ' || (ARRAY['the access review','a restore test','the training records','the supplier list','the risk register'])[r],
            'Requested during the audit.', ${pick('$2::text[]', 'a * 10 + r', 116)}, ${T0} + (r - 3) * interval '1 day',
            (ARRAY['OPEN','ANSWERED','ACCEPTED','RETURNED','ACCEPTED'])[r], ${pick('$3::text[]', 'a', 110)}, ${T0} - interval '10 days'
       FROM generate_series(1, $4::int) AS a, generate_series(1, 5) AS r`,
    [orgId, contributors, auditors, scale.audits],
  );
  await q(
    `INSERT INTO evidence_request_items (evidence_request_id, evidence_id)
     SELECT ${sqlId('evr', 'a * 10 + r')}, ${sqlId('evd', `1 + (a * 5 + r) % $2::int`)} FROM generate_series(1, $1::int) AS a, generate_series(1, 5) AS r WHERE r > 1`,
    [scale.audits, scale.evidence],
  );
  await q(
    `INSERT INTO findings (id, organization_id, audit_id, kind, requirement_ref, description, raised_by_id, raised_at)
     SELECT ${sqlId('fnd', 'a * 100 + f')}, $1, ${sqlId('adt', 'a')},
            (ARRAY['MAJOR_NONCONFORMITY','MINOR_NONCONFORMITY','MINOR_NONCONFORMITY','OBSERVATION','OPPORTUNITY_FOR_IMPROVEMENT'])[1 + ${h('a * 100 + f', 117)} % 5],
            ($2::text[])[1 + (a * 7 + f) % cardinality($2::text[])], 'Finding ' || f || ' of audit ' || a || ': the control is not applied everywhere.',
            ${pick('$3::text[]', 'a', 110)}, ${T0} - (($4::int - a) * 30 - 1) * interval '1 day'
       FROM generate_series(1, $4::int) AS a, generate_series(1, $5::int) AS f`,
    [orgId, controlRefs, auditors, scale.audits, scale.findingsPerAudit],
  );
  await q(
    `INSERT INTO corrective_actions (id, organization_id, finding_id, status, correction, root_cause, action, owner_id, due_date, created_at, updated_at, overdue_notified_at)
     SELECT ${sqlId('cra', 'substr(f.id, 5)')}, $1, f.id, (ARRAY['OPEN','IN_PROGRESS','IMPLEMENTED','VERIFIED'])[1 + ${h('hashtext(f.id)', 118)} % 4],
            'Fixed where found.', 'The procedure did not say who does it.', 'Name an owner and check monthly.', ${pick('$2::text[]', 'hashtext(f.id)', 119)},
            (f.raised_at + interval '60 days')::date, f.raised_at, f.raised_at, ${T0}
       FROM findings f WHERE f.organization_id = $1 AND f.kind IN ('MAJOR_NONCONFORMITY','MINOR_NONCONFORMITY')`,
    [orgId, team],
  );

  // --- The audit trail: a verifiable hash chain, as appendAudit would have written it
  const trail = { ids: [], seqs: [], actions: [], actors: [], labels: [], types: [], entities: [], summaries: [], ats: [], prevs: [], hashes: [] };
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2025-09-01T08:00:00Z');
  for (let seq = 1; seq <= scale.auditEvents; seq += 1) {
    const actor = members[(seq * 13) % members.length];
    const taskN = 1 + ((seq * 7919) % scale.tasks);
    const row = {
      id: idOf('aud', seq),
      chainKey: orgId,
      seq,
      organizationId: orgId,
      action: ['task.updated', 'task.created', 'risk.updated', 'comment.created'][seq % 4],
      actorId: actor.id,
      actorLabel: `${actor.name} <${actor.email}>`,
      entityType: seq % 4 === 2 ? 'Risk' : seq % 4 === 3 ? 'Comment' : 'Task',
      entityId: seq % 4 === 2 ? idOf('rsk', 1 + ((seq * 31) % scale.risks)) : idOf('tsk', taskN),
      summary: { after: { title: `Change ${seq}` } },
      ip: null,
      at: new Date(start + seq * 60_000),
    };
    const hash = sha256(prevHash + canonicalJson({ ...row, at: row.at.toISOString() }));
    trail.ids.push(row.id);
    trail.seqs.push(seq);
    trail.actions.push(row.action);
    trail.actors.push(row.actorId);
    trail.labels.push(row.actorLabel);
    trail.types.push(row.entityType);
    trail.entities.push(row.entityId);
    trail.summaries.push(JSON.stringify(row.summary));
    trail.ats.push(row.at.toISOString());
    trail.prevs.push(prevHash);
    trail.hashes.push(hash);
    prevHash = hash;
  }
  await q(
    `INSERT INTO audit_events (id, chain_key, seq, organization_id, action, actor_id, actor_label, entity_type, entity_id, summary, ip, at, prev_hash, hash)
     SELECT id, $1, seq, $1, action, actor_id, label, entity_type, entity_id, summary::jsonb, NULL, at::timestamptz, prev_hash, hash
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         AS t(id, seq, action, actor_id, label, entity_type, entity_id, summary, at, prev_hash, hash)`,
    [orgId, trail.ids, trail.seqs, trail.actions, trail.actors, trail.labels, trail.types, trail.entities, trail.summaries, trail.ats, trail.prevs, trail.hashes],
  );
  await q(`INSERT INTO audit_chain_heads (chain_key, seq, last_hash, event_seq) VALUES ($1, $2, $3, 0)`, [orgId, scale.auditEvents, prevHash]);

  return { id: orgId, tag, name, scale, members, samples: await samplesOf(client, orgId, members) };
}

/** Records the panels and pages open: the busiest of each kind, so that the counts are not flattered. */
async function samplesOf(client, orgId, members) {
  const one = async (sql) => (await client.query(sql, [orgId])).rows[0]?.id ?? null;
  const approverIds = members.filter((m) => ['ISMS_MANAGER', 'MANAGEMENT'].includes(m.role)).map((m) => m.id);
  const me = (
    await client.query(
      `SELECT a.user_id AS id FROM approval_approvers a JOIN approval_requests r ON r.id = a.approval_request_id
        WHERE r.organization_id = $1 AND r.status = 'PENDING' AND a.user_id = ANY($2) GROUP BY a.user_id ORDER BY count(*) DESC, a.user_id LIMIT 1`,
      [orgId, approverIds],
    )
  ).rows[0]?.id;
  return {
    meId: me ?? approverIds[0],
    riskId: await one(`SELECT id FROM risks WHERE organization_id = $1 ORDER BY inherent_score DESC, id LIMIT 1`),
    taskId: await one(
      `SELECT t.id FROM tasks t JOIN approval_requests r ON r.subject_id = t.id LEFT JOIN comments c ON c.subject_id = t.id
        WHERE t.organization_id = $1 GROUP BY t.id ORDER BY count(DISTINCT c.id) DESC, count(DISTINCT r.id) DESC, t.id LIMIT 1`,
    ),
    assetId: await one(`SELECT ra.asset_id AS id FROM risk_assets ra JOIN assets a ON a.id = ra.asset_id WHERE a.organization_id = $1 GROUP BY ra.asset_id ORDER BY count(*) DESC, ra.asset_id LIMIT 1`),
    documentId: await one(`SELECT d.id FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.organization_id = $1 GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1`),
    documentVersionId: await one(
      `SELECT d.current_version_id AS id FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.organization_id = $1 GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1`,
    ),
    soaVersionId: await one(`SELECT id FROM soa_versions WHERE organization_id = $1 ORDER BY number DESC LIMIT 1`),
    auditId: await one(`SELECT id FROM audits WHERE organization_id = $1 AND status = 'IN_PROGRESS' ORDER BY id LIMIT 1`),
    approvalId: await one(`SELECT id FROM approval_requests WHERE organization_id = $1 AND status = 'PENDING' ORDER BY id LIMIT 1`),
    /** A task nobody asked approval for: updating its title makes exactly one event. */
    quietTaskId: await one(
      `SELECT t.id FROM tasks t WHERE t.organization_id = $1 AND t.status = 'OPEN' AND t.subject_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM approval_requests r WHERE r.subject_id = t.id) ORDER BY t.id LIMIT 1`,
    ),
  };
}
