import type { DocumentKind, Role } from '@annex/domain';
import { OrgScope } from '../../core/authorization.js';
import type { Services } from '../../app/services.js';
import type { Actor } from '../organizations/organization.service.js';

interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface DocumentSpec {
  title: string;
  kind: DocumentKind;
  owner: 'daan' | 'priya' | 'tom' | 'sanne';
  clauses?: string[];
  controls?: string[];
  mandatory?: string[];
  audience?: Role[];
  interval?: number;
  classification?: 'PUBLIC' | 'INTERNAL' | 'CONFIDENTIAL' | 'RESTRICTED';
  purpose: string;
  rules: string[];
  /** Published versions, oldest first: days ago and whether it was a major change. */
  published: Array<{ daysAgo: number; major: boolean; summary: string; extra?: string }>;
  /** What happens after the last publication. */
  then?: { state: 'awaiting' | 'approved' | 'draft'; summary?: string; extra: string };
}

const TEAM_ROLES: Role[] = ['OWNER', 'ISMS_MANAGER', 'CONTRIBUTOR', 'MANAGEMENT'];

/** Lumen's documented information: a dozen and a half policies, procedures and records in various states. */
const DOCUMENTS: DocumentSpec[] = [
  {
    title: 'Information security policy',
    kind: 'POLICY',
    owner: 'daan',
    clauses: ['5.2'],
    controls: ['A.5.1', 'A.5.4'],
    mandatory: ['MD-5.2', 'MD-A.5.1'],
    classification: 'PUBLIC',
    purpose:
      'Lumen Logistics protects the location data of its customers’ fleets, the platform that processes it and the people who run it. This policy sets the direction and the commitments of management for information security.',
    rules: [
      'Management commits to meeting the applicable requirements, including customer contracts and the GDPR, and to continually improving the ISMS.',
      'Information security objectives are set every year, measured every month and reviewed by management.',
      'Every employee and contractor reads this policy, acknowledges it and completes the awareness training each year.',
      'Risks are assessed at least once a year and whenever the platform or the organisation changes significantly.',
      'Breaches of this policy are handled through the disciplinary process.',
    ],
    published: [
      { daysAgo: 420, major: true, summary: 'First issue, approved by the board.' },
      { daysAgo: 120, major: true, summary: 'Rewritten for ISO/IEC 27001:2022; objectives and remote work added.', extra: 'Remote work follows the same rules as office work; laptops are encrypted and managed.' },
    ],
  },
  {
    title: 'ISMS scope statement',
    kind: 'OTHER',
    owner: 'daan',
    clauses: ['4.3'],
    mandatory: ['MD-4.3'],
    audience: TEAM_ROLES,
    purpose: 'The ISMS covers the development, operation and support of the Lumen fleet-tracking platform, including the Rotterdam office and remote work.',
    rules: [
      'In scope: the platform services, the fleet database, customer support, the Rotterdam office and employees working remotely.',
      'Out of scope: the vehicle hardware installed by customers, which Lumen neither owns nor operates.',
      'Interfaces: the cloud provider (hosting), the SMS gateway (alerts) and the payment provider (billing).',
    ],
    published: [{ daysAgo: 300, major: true, summary: 'Scope agreed with management before the gap analysis.' }],
  },
  {
    title: 'Risk assessment and treatment methodology',
    kind: 'PROCEDURE',
    owner: 'daan',
    clauses: ['6.1.2', '6.1.3', '8.2', '8.3'],
    mandatory: ['MD-6.1.2', 'MD-6.1.3'],
    audience: TEAM_ROLES,
    purpose: 'How Lumen identifies, analyses, evaluates and treats information security risks, so that repeated assessments give consistent, valid and comparable results.',
    rules: [
      'Risks are scored on a 5 × 5 matrix of likelihood and impact; scores above 9 need treatment or the risk owner’s acceptance.',
      'Each risk has an owner who approves its treatment plan and accepts the residual risk.',
      'The treatment plan lists, per risk, the Annex A controls applied and the tasks to implement them.',
    ],
    published: [
      { daysAgo: 290, major: true, summary: 'Methodology for the first risk assessment.' },
      { daysAgo: 95, major: false, summary: 'Acceptance threshold explained with examples.', extra: 'Example: a risk scored 12 with treatment “mitigate” needs a residual score of 9 or less, or Eva’s acceptance.' },
    ],
  },
  {
    title: 'Risk treatment plan 2026',
    kind: 'PLAN',
    owner: 'daan',
    clauses: ['6.1.3', '8.3'],
    mandatory: ['MD-6.1.3-e', 'MD-8.3'],
    audience: TEAM_ROLES,
    purpose: 'The treatment decided for every risk above the acceptance threshold, with owners and deadlines; the live plan is the risk register in Annex.',
    rules: ['Critical risks are treated before the stage 2 audit.', 'Progress is reviewed every month in the ISMS meeting.'],
    published: [{ daysAgo: 80, major: true, summary: 'Plan approved with the risk assessment results.' }],
  },
  {
    title: 'Risk assessment report 2026',
    kind: 'RECORD',
    owner: 'daan',
    clauses: ['8.2'],
    mandatory: ['MD-8.2'],
    audience: TEAM_ROLES,
    purpose: 'The results of this year’s risk assessment: 40 risks, of which 9 above the acceptance threshold before treatment.',
    rules: ['Highest risks: account takeover of customer portals, loss of the fleet database, SMS gateway outage.'],
    published: [{ daysAgo: 82, major: true, summary: 'Results of the 2026 assessment.' }],
  },
  {
    title: 'Information security objectives 2026–2027',
    kind: 'PLAN',
    owner: 'sanne',
    clauses: ['6.2'],
    mandatory: ['MD-6.2'],
    purpose: 'What we want to achieve this year, how we measure it and who is responsible.',
    rules: [
      'Phishing click rate below 5 % by June 2027 (awareness programme).',
      'Critical patches applied within 14 days, 95 % of the time.',
      'Every backup restore test passes, every quarter.',
    ],
    published: [{ daysAgo: 110, major: true, summary: 'Objectives set by management.' }],
  },
  {
    title: 'Information security roles and responsibilities',
    kind: 'STANDARD',
    owner: 'daan',
    clauses: ['5.3'],
    controls: ['A.5.2', 'A.5.3'],
    mandatory: ['MD-A.5.2'],
    purpose: 'Who does what in information security at Lumen.',
    rules: [
      'Sanne de Vries (CEO) sponsors the ISMS; Daan Bakker runs it day to day.',
      'Priya Raman owns the technical controls of the platform; Tom Jansen owns IT operations.',
      'Eva Smit approves policies, risk acceptance and the Statement of Applicability.',
      'Duties that could be abused together are split between different people.',
    ],
    published: [{ daysAgo: 260, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Access control policy',
    kind: 'POLICY',
    owner: 'tom',
    controls: ['A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.8.2', 'A.8.3', 'A.8.5'],
    mandatory: ['MD-A.5.15'],
    purpose: 'Access to Lumen’s information and systems is granted on a need-to-know basis and removed when it is no longer needed.',
    rules: [
      'Every account belongs to one named person; shared accounts are not allowed.',
      'Multi-factor authentication is required for every system reachable from the internet.',
      'Privileged access is requested through a ticket, approved by the system owner and reviewed every quarter.',
      'Leavers lose all access on their last working day.',
    ],
    published: [{ daysAgo: 240, major: true, summary: 'First issue.' }],
    then: { state: 'awaiting', summary: 'Quarterly access reviews now recorded in Annex; break-glass accounts covered.', extra: 'Break-glass accounts are sealed, monitored and their use is reviewed the next working day.' },
  },
  {
    title: 'Acceptable use policy',
    kind: 'POLICY',
    owner: 'tom',
    controls: ['A.5.10', 'A.6.7', 'A.8.1'],
    mandatory: ['MD-A.5.10'],
    purpose: 'How everyone at Lumen uses laptops, phones, e-mail and the internet safely.',
    rules: [
      'Company laptops are used for work; personal use is allowed within reason and never for illegal content.',
      'Customer data never leaves the platform: no copies on laptops, USB sticks or personal cloud storage.',
      'Lock your screen when you leave your desk; report a lost device to IT at once.',
    ],
    // Published 13 months ago with a 12-month review interval: the review is overdue.
    published: [{ daysAgo: 400, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Supplier security policy',
    kind: 'POLICY',
    owner: 'priya',
    controls: ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23'],
    mandatory: ['MD-A.5.19'],
    audience: TEAM_ROLES,
    purpose: 'Suppliers that handle Lumen’s or its customers’ information meet our security requirements, and we check that they keep doing so.',
    rules: [
      'Critical suppliers (the cloud provider, the SMS gateway) are assessed before contracting and every year.',
      'Contracts include confidentiality, breach notification within 24 hours and the right to audit.',
      'Cloud services are chosen, configured and exited following the cloud services procedure.',
    ],
    published: [{ daysAgo: 200, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Incident management procedure',
    kind: 'PROCEDURE',
    owner: 'tom',
    controls: ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28', 'A.6.8'],
    mandatory: ['MD-A.5.24'],
    purpose: 'How security events are reported, assessed, handled and learned from.',
    rules: [
      'Anyone who notices something suspicious reports it in the #security channel or to security@lumen-logistics.example.',
      'The on-call engineer assesses the event within one hour and decides whether it is an incident.',
      'Personal data breaches are reported to the authority within 72 hours when required; Daan decides with legal.',
      'Every major incident gets a blameless review within two weeks.',
    ],
    published: [{ daysAgo: 180, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Business continuity and ICT readiness plan',
    kind: 'PLAN',
    owner: 'priya',
    controls: ['A.5.29', 'A.5.30', 'A.8.14'],
    mandatory: ['MD-A.5.30'],
    audience: TEAM_ROLES,
    purpose: 'How the platform keeps running, or comes back, when a data centre, a supplier or key people are unavailable.',
    rules: ['Recovery time objective for the tracking API: 4 hours; recovery point objective: 15 minutes.', 'The plan is tested twice a year with a failover exercise.'],
    published: [{ daysAgo: 150, major: true, summary: 'First issue after the failover exercise.' }],
  },
  {
    title: 'Backup and restore procedure',
    kind: 'PROCEDURE',
    owner: 'tom',
    controls: ['A.8.13'],
    audience: TEAM_ROLES,
    purpose: 'How the fleet database and configuration are backed up and how restores are tested.',
    rules: ['Point-in-time backups of the fleet database are kept in a second region.', 'A full restore is tested every quarter and recorded in Annex.'],
    published: [
      { daysAgo: 210, major: true, summary: 'First issue.' },
      { daysAgo: 40, major: false, summary: 'Retention raised from 14 to 35 days.', extra: 'Backups are kept for 35 days (previously 14).' },
    ],
  },
  {
    title: 'Information classification and handling standard',
    kind: 'STANDARD',
    owner: 'daan',
    controls: ['A.5.12', 'A.5.13', 'A.5.14'],
    mandatory: ['MD-A.5.12'],
    purpose: 'Four levels of classification and how each is labelled, stored, shared and destroyed.',
    rules: ['Public, Internal, Confidential, Restricted.', 'Customer location data is Restricted: it stays on the platform and is shared only through the product.'],
    published: [{ daysAgo: 230, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Legal, regulatory and contractual requirements',
    kind: 'RECORD',
    owner: 'daan',
    controls: ['A.5.31', 'A.5.32', 'A.5.34'],
    mandatory: ['MD-A.5.31'],
    audience: TEAM_ROLES,
    purpose: 'The laws, regulations and contract clauses that apply to Lumen’s information security, and how we meet them.',
    rules: ['GDPR (location data of drivers is personal data).', 'Customer contracts: ISO/IEC 27001 certification by spring 2027, breach notice within 24 hours.'],
    published: [{ daysAgo: 190, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Platform operating procedures',
    kind: 'PROCEDURE',
    owner: 'priya',
    controls: ['A.5.37', 'A.8.9', 'A.8.32'],
    mandatory: ['MD-A.5.37', 'MD-A.8.9'],
    audience: TEAM_ROLES,
    purpose: 'The documented procedures for running the platform: deployments, configuration changes, on-call.',
    rules: ['All infrastructure is defined as code and changed through reviewed pull requests.', 'Production changes follow the change procedure; emergency changes are reviewed afterwards.'],
    published: [{ daysAgo: 170, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Confidentiality and non-disclosure agreement',
    kind: 'RECORD',
    owner: 'sanne',
    controls: ['A.6.6'],
    mandatory: ['MD-A.6.6'],
    audience: TEAM_ROLES,
    purpose: 'The agreement every employee, contractor and auditor signs before getting access to Lumen’s information.',
    rules: ['Confidentiality continues for five years after the end of the engagement.'],
    published: [{ daysAgo: 330, major: true, summary: 'Template approved by legal.' }],
  },
  {
    title: 'Human resources security procedure',
    kind: 'PROCEDURE',
    owner: 'sanne',
    controls: ['A.6.1', 'A.6.2', 'A.6.3', 'A.6.4', 'A.6.5'],
    mandatory: ['MD-A.6.2'],
    audience: TEAM_ROLES,
    purpose: 'Security before, during and after employment: screening, terms of employment, awareness, discipline and leaving.',
    rules: [
      'Candidates for roles with access to customer data are screened before their first day.',
      'Employment contracts state the employee’s information security responsibilities, which continue after they leave.',
      'Everyone completes the security awareness training in their first month and every year after.',
    ],
    published: [{ daysAgo: 250, major: true, summary: 'First issue with HR.' }],
  },
  {
    title: 'Physical security standard',
    kind: 'STANDARD',
    owner: 'tom',
    controls: ['A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.7', 'A.7.9', 'A.7.10', 'A.7.14'],
    purpose: 'How the Rotterdam office, the warehouse and equipment off-site are protected.',
    rules: ['Entry to the office is by badge; visitors sign in and are accompanied.', 'Clear desk and clear screen at the end of the day.', 'Equipment is wiped before disposal and a certificate is kept.'],
    published: [{ daysAgo: 220, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Logging and monitoring standard',
    kind: 'STANDARD',
    owner: 'priya',
    controls: ['A.8.15', 'A.8.16', 'A.8.17'],
    mandatory: ['MD-A.8.15'],
    audience: TEAM_ROLES,
    purpose: 'What the platform logs, how long logs are kept, and how they are watched.',
    rules: ['Authentication, administrative actions and API access are logged centrally and kept 12 months.', 'Alerts on suspicious activity page the on-call engineer.', 'All clocks synchronise to the cloud provider’s time service.'],
    published: [{ daysAgo: 160, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Endpoint and vulnerability management standard',
    kind: 'STANDARD',
    owner: 'tom',
    controls: ['A.8.1', 'A.8.7', 'A.8.8', 'A.8.18', 'A.8.19', 'A.8.20', 'A.8.21', 'A.8.22', 'A.8.23'],
    audience: TEAM_ROLES,
    purpose: 'How laptops, servers and networks are kept patched, protected against malware and segmented.',
    rules: ['Critical patches within 14 days, others within 30.', 'Endpoint protection runs on every laptop and reports centrally.', 'Production networks are separated from the office network.'],
    published: [{ daysAgo: 140, major: true, summary: 'First issue.' }],
  },
  {
    title: 'Cryptography and key management standard',
    kind: 'STANDARD',
    owner: 'priya',
    controls: ['A.8.24'],
    audience: TEAM_ROLES,
    purpose: 'Which algorithms and key lengths we use, and how keys are created, stored, rotated and destroyed.',
    rules: ['TLS 1.2 or later everywhere; TLS 1.3 preferred.', 'Keys live in the cloud provider’s key management service and rotate every year.'],
    published: [],
    then: { state: 'approved', summary: 'First issue.', extra: 'Customer-managed keys are offered to enterprise customers.' },
  },
  {
    title: 'Secure development policy',
    kind: 'POLICY',
    owner: 'priya',
    controls: ['A.8.25', 'A.8.26', 'A.8.27', 'A.8.28', 'A.8.29', 'A.8.31'],
    mandatory: ['MD-A.8.27'],
    audience: TEAM_ROLES,
    purpose: 'How the platform team builds security into every change, from design to production.',
    rules: ['Every change is reviewed by a second engineer before it is merged.', 'Dependencies are scanned on every build; critical findings block the release.'],
    published: [],
    then: { state: 'draft', extra: 'Threat modelling is done for every new external interface (work in progress: Priya).' },
  },
];

function html(spec: DocumentSpec, extras: string[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `<h1>${esc(spec.title)}</h1>`,
    `<h2>Purpose</h2><p>${esc(spec.purpose)}</p>`,
    `<h2>Rules</h2><ul>${[...spec.rules, ...extras].map((r) => `<li><p>${esc(r)}</p></li>`).join('')}</ul>`,
    `<h2>Ownership and review</h2><p>This document is owned by the person named in Annex, reviewed at least every ${spec.interval ?? 12} months and approved by management.</p>`,
  ].join('');
}

/**
 * Lumen's documents: the information security policy at version 2.0, acknowledged by 85 % of
 * staff, and policies and procedures in every state — one awaiting Eva's approval, one approved
 * awaiting publication, one overdue for review, one still a draft.
 */
export async function seedDocuments(services: Services, organizationId: string, people: Person[]): Promise<void> {
  const { documents, approvals, db } = services;
  const by = (prefix: string) => people.find((p) => p.email.startsWith(`${prefix}@`))!;
  const daan = by('daan');
  const eva = by('eva');
  const actorOf = (p: Person): Actor => ({ actorId: p.id, actorLabel: `${p.name} <${p.email}>`, ip: null });
  const scopeOf = (p: Person, action: Parameters<typeof OrgScope.mint>[3]) => OrgScope.mint(organizationId, p.id, p.role, action);
  const approve = async (requestId: string) => approvals.decide(scopeOf(eva, 'approval:decide'), requestId, 'APPROVE', 'Approved.', actorOf(eva));
  const backdate = async (versionId: string, requestId: string, daysAgo: number) => {
    await db.dataSource.query(`UPDATE document_versions SET created_at = now() - make_interval(days => $2 + 3), published_at = CASE WHEN published_at IS NULL THEN NULL ELSE now() - make_interval(days => $2) END WHERE id = $1`, [versionId, daysAgo]);
    await db.dataSource.query(`UPDATE approval_requests SET created_at = now() - make_interval(days => $2 + 3), closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE now() - make_interval(days => $2 + 1) END WHERE id = $1`, [requestId, daysAgo]);
    await db.dataSource.query(`UPDATE approval_decisions SET decided_at = now() - make_interval(days => $2 + 1) WHERE approval_request_id = $1`, [requestId, daysAgo]);
  };

  let policyVersionId: string | null = null;
  let policyId: string | null = null;
  for (const spec of DOCUMENTS) {
    const owner = by(spec.owner);
    const ownerScope = scopeOf(owner.role === 'EMPLOYEE' ? daan : owner, 'document:create');
    const author = owner.role === 'OWNER' ? daan : owner;
    const authorScope = scopeOf(author, 'document:submit');
    const doc = await documents.create(
      ownerScope,
      {
        title: spec.title,
        kind: spec.kind,
        ownerId: owner.id,
        classification: spec.classification ?? (spec.audience ? 'CONFIDENTIAL' : 'INTERNAL'),
        clauseRefs: spec.clauses ?? [],
        controlRefs: spec.controls ?? [],
        mandatoryRefs: spec.mandatory ?? [],
        audienceRoles: spec.audience ?? [],
        reviewIntervalMonths: spec.interval ?? 12,
        content: html(spec, []),
      },
      actorOf(author),
    );
    const extras: string[] = [];
    let draftVersion = 1;
    for (const [index, publication] of spec.published.entries()) {
      if (publication.extra) {
        extras.push(publication.extra);
        const updated = await documents.updateDraft(authorScope, doc.id, html(spec, extras), draftVersion, actorOf(author));
        draftVersion = updated.draftVersion;
      }
      const { version, approvalRequest } = await documents.submit(authorScope, { documentId: doc.id, approverIds: [eva.id], changeSummary: publication.summary, major: publication.major }, actorOf(author));
      await approve(approvalRequest.id);
      const last = index === spec.published.length - 1;
      const isPolicy = spec.title === 'Information security policy';
      await documents.publish(scopeOf(daan, 'document:publish'), version.id, actorOf(daan), { requestAcknowledgements: isPolicy && last });
      await backdate(version.id, approvalRequest.id, publication.daysAgo);
      if (!last) {
        const next = spec.published[index + 1]!;
        await db.dataSource.query(`UPDATE document_versions SET superseded_at = now() - make_interval(days => $2) WHERE id = $1`, [version.id, next.daysAgo]);
      }
      if (isPolicy && last) {
        policyVersionId = version.id;
        policyId = doc.id;
      }
    }
    const lastPublication = spec.published.at(-1);
    if (lastPublication) {
      const reviewed = new Date(Date.now() - lastPublication.daysAgo * 86_400_000).toISOString().slice(0, 10);
      await db.dataSource.query(`UPDATE documents SET last_reviewed_on = $2::date, next_review_on = ($2::date + make_interval(months => review_interval_months))::date WHERE id = $1`, [doc.id, reviewed]);
    }
    if (spec.then) {
      extras.push(spec.then.extra);
      await documents.updateDraft(authorScope, doc.id, html(spec, extras), draftVersion, actorOf(author));
      if (spec.then.state !== 'draft') {
        const { approvalRequest } = await documents.submit(
          authorScope,
          { documentId: doc.id, approverIds: [eva.id], changeSummary: spec.then.summary ?? 'Update.', major: spec.published.length === 0 },
          actorOf(author),
        );
        if (spec.then.state === 'approved') await approve(approvalRequest.id);
      }
    }
  }

  // 85 % of the staff acknowledged the information security policy 2.0; the rest (Noah among them) still have to.
  if (policyVersionId && policyId) {
    const missing = new Set(['noah@', 'jesse@', 'fleur@']);
    for (const person of people) {
      if ([...missing].some((m) => person.email.startsWith(m))) continue;
      await documents.acknowledge(scopeOf(person, 'document:acknowledge'), policyVersionId, actorOf(person));
    }
    await db.dataSource.query(
      `UPDATE document_acknowledgements SET at = now() - make_interval(days => 100 - (abs(hashtext(user_id)) % 90)) WHERE document_version_id = $1`,
      [policyVersionId],
    );
    await db.dataSource.query(`UPDATE document_acknowledgement_requests SET requested_at = now() - make_interval(days => 120) WHERE document_version_id = $1`, [policyVersionId]);
    await db.dataSource.query(
      `UPDATE tasks SET created_at = now() - make_interval(days => 120), due_date = (now() - make_interval(days => 106))::date
        WHERE id IN (SELECT task_id FROM document_acknowledgement_requests WHERE document_version_id = $1)`,
      [policyVersionId],
    );
  }
  // The other published documents were acknowledged by most of the people they are addressed to
  // (a few haven't yet), before Annex asked through tasks.
  await db.dataSource.query(
    `INSERT INTO document_acknowledgements (id, organization_id, document_id, document_version_id, user_id, at)
     SELECT 'ack_' || replace(gen_random_uuid()::text, '-', ''), d.organization_id, d.id, d.current_version_id, m.user_id,
            v.published_at + make_interval(days => 1 + abs(hashtext(m.user_id || d.id)) % 20)
       FROM documents d JOIN document_versions v ON v.id = d.current_version_id
       JOIN memberships m ON m.organization_id = d.organization_id
      WHERE d.organization_id = $1 AND d.id <> $2 AND (cardinality(d.audience_roles) = 0 OR m.role = ANY(d.audience_roles))
        AND abs(hashtext(m.user_id || d.id)) % 10 <> 0
     ON CONFLICT DO NOTHING`,
    [organizationId, policyId ?? ''],
  );
  // The last review of the acceptable use policy is overdue: its review task is open.
  await documents.raiseReviewTasks();
}
