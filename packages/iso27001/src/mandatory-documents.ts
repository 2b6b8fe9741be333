/**
 * The documented information an ISO/IEC 27001:2022 certification audit expects to see, in our
 * own words.
 *
 * - `source: 'CLAUSE'` entries are required by the management-system clauses themselves:
 *   every certified ISMS must have them.
 * - `source: 'ANNEX_A'` entries come from Annex A controls whose wording or usual audit
 *   practice calls for something written down. They are expected only when the control is
 *   applicable in the Statement of Applicability.
 *
 * Clause 7.5.1 b ("whatever else the organisation determines it needs") is deliberately NOT an
 * entry: it is not one document but a judgement the organisation makes, so a checklist item
 * for it could never be satisfied by a particular document and would block readiness forever.
 * Documents an organisation adds under 7.5.1 b are ordinary documents linked to clause 7.5.1.
 *
 * `ref` is a stable id ('MD-' + the clause or control ref, plus a list-item letter where one
 * clause yields several items); `clause` is a ref from CLAUSES or CONTROLS.
 */
import { deepFreeze } from './freeze.js';

export type MandatoryDocumentKind = 'DOCUMENT' | 'RECORD';
export type MandatoryDocumentSource = 'CLAUSE' | 'ANNEX_A';

export interface MandatoryDocument {
  /** Stable id, e.g. 'MD-4.3', 'MD-6.1.3-d', 'MD-A.5.9'. */
  ref: string;
  /** The clause ('4.3') or Annex A control ('A.5.9') that calls for it. */
  clause: string;
  title: string;
  /** What it is and what it must show, in our own words. */
  description: string;
  /** DOCUMENT: maintained and kept current (policies, procedures, plans). RECORD: retained evidence of what was done. */
  kind: MandatoryDocumentKind;
  /** Whether a management-system clause or an Annex A control calls for it. */
  source: MandatoryDocumentSource;
}

export const MANDATORY_DOCUMENTS: readonly MandatoryDocument[] = deepFreeze<MandatoryDocument[]>([
  // ── Required by the clauses ──────────────────────────────────────────────────────────────
  {
    ref: 'MD-4.3',
    clause: '4.3',
    title: 'Scope of the ISMS',
    description: 'States which parts of the organisation, locations, activities and systems the ISMS covers, what is left out and why, and the interfaces and dependencies with what lies outside.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-5.2',
    clause: '5.2',
    title: 'Information security policy',
    description: 'The top-level policy set by top management: its commitment to meeting requirements and improving, and the frame for security objectives; communicated inside the organisation and available to interested parties as appropriate.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-6.1.2',
    clause: '6.1.2',
    title: 'Information security risk assessment process',
    description: 'How risks are identified, analysed and evaluated: the method, the risk owners, the criteria for judging likelihood and consequence, and the criteria for accepting risk, so that repeated assessments give comparable results.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-6.1.3',
    clause: '6.1.3',
    title: 'Information security risk treatment process',
    description: 'How treatment options are chosen for assessed risks, how the necessary controls are determined and compared with Annex A, and how risk owners approve the plan and accept residual risk.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-6.1.3-d',
    clause: '6.1.3',
    title: 'Statement of Applicability',
    description: 'For every Annex A control (and any additional control): whether it is included, why, and whether it is implemented; and for each excluded Annex A control, why it was left out.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-6.1.3-e',
    clause: '6.1.3',
    title: 'Information security risk treatment plan',
    description: 'The actions decided to treat risks — what, who, by when and with which resources — approved by the risk owners; carried out under clause 8.3.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-6.2',
    clause: '6.2',
    title: 'Information security objectives',
    description: 'The security objectives, consistent with the policy and measurable where practicable, together with the plans for achieving them and how results will be evaluated.',
    kind: 'DOCUMENT',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-7.2',
    clause: '7.2',
    title: 'Evidence of competence',
    description: 'Proof that people doing work that affects security are competent for it: qualifications, training and experience records, and the results of actions taken to close gaps.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-8.1',
    clause: '8.1',
    title: 'Operational planning and control records',
    description: 'Enough documented evidence to be confident that the ISMS processes, including changes and externally provided processes, were carried out as planned.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-8.2',
    clause: '8.2',
    title: 'Results of information security risk assessments',
    description: 'The outcome of each risk assessment, whether periodic or triggered by change: the risks found, their analysis and evaluation.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-8.3',
    clause: '8.3',
    title: 'Results of information security risk treatment',
    description: 'What came of carrying out the risk treatment plan: actions completed, controls put in place and the resulting residual risk.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-9.1',
    clause: '9.1',
    title: 'Monitoring and measurement results',
    description: 'The data and analysis showing how security and the ISMS are performing: indicators, measurements and their evaluation.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-9.2.2',
    clause: '9.2.2',
    title: 'Internal audit programme and audit results',
    description: 'Evidence that the audit programme was planned and carried out — scope, criteria, auditors, schedule — and the reports of the audits performed.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-9.3.3',
    clause: '9.3.3',
    title: 'Results of management reviews',
    description: 'Minutes or reports of management reviews showing the inputs considered and the decisions taken on improvement and on changes to the ISMS.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },
  {
    ref: 'MD-10.2',
    clause: '10.2',
    title: 'Nonconformities and corrective actions',
    description: 'For each nonconformity: what it was, what was done about it, the root cause, the corrective action taken and whether it proved effective.',
    kind: 'RECORD',
    source: 'CLAUSE',
  },

  // ── Commonly required by Annex A controls (when applicable) ──────────────────────────────
  {
    ref: 'MD-A.5.1',
    clause: 'A.5.1',
    title: 'Topic-specific security policies',
    description: 'The policies below the top-level policy (for example access control, backup, cryptography, supplier security), approved and communicated.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.2',
    clause: 'A.5.2',
    title: 'Information security roles and responsibilities',
    description: 'Who holds which security role and what each role is accountable for.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.9',
    clause: 'A.5.9',
    title: 'Inventory of information and other associated assets',
    description: 'The register of information and the assets that store or process it, each with an owner, kept up to date.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.10',
    clause: 'A.5.10',
    title: 'Rules for acceptable use of information and assets',
    description: 'What users may and may not do with the organisation’s information and equipment, and how they must handle it.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.12',
    clause: 'A.5.12',
    title: 'Information classification scheme',
    description: 'The classification levels, what puts information in each, and the handling expected for each level.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.15',
    clause: 'A.5.15',
    title: 'Access control rules',
    description: 'The rules, usually an access control policy, for who may access which information and systems, physically and logically, and on what basis.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.19',
    clause: 'A.5.19',
    title: 'Supplier security policy and process',
    description: 'How suppliers are assessed, selected, contracted and overseen for security, and which suppliers are in scope.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.24',
    clause: 'A.5.24',
    title: 'Incident management procedure',
    description: 'The incident management process — reporting, triage, response, escalation, communication, closure — with roles and contacts.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.25',
    clause: 'A.5.25',
    title: 'Records of event assessment',
    description: 'For reported security events: the assessment made and whether each was classed as an incident.',
    kind: 'RECORD',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.26',
    clause: 'A.5.26',
    title: 'Incident response records',
    description: 'For each incident: the timeline, actions taken, people involved, communications and how it was closed.',
    kind: 'RECORD',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.30',
    clause: 'A.5.30',
    title: 'ICT continuity plans and test results',
    description: 'Recovery objectives from the business impact analysis, the plans for restoring ICT services within them, and the outcome of tests.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.31',
    clause: 'A.5.31',
    title: 'Register of legal, statutory, regulatory and contractual requirements',
    description: 'The legal, regulatory and contractual obligations relevant to security and how the organisation meets each, kept current.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.5.37',
    clause: 'A.5.37',
    title: 'Documented operating procedures',
    description: 'Step-by-step procedures for operating and recovering the systems and facilities in scope, available to those who run them.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.6.2',
    clause: 'A.6.2',
    title: 'Terms and conditions of employment',
    description: 'Contract terms setting out staff’s and the organisation’s security responsibilities, and the signed contracts.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.6.6',
    clause: 'A.6.6',
    title: 'Confidentiality or non-disclosure agreements',
    description: 'The agreed confidentiality texts and the copies signed by staff and relevant external parties.',
    kind: 'RECORD',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.8.9',
    clause: 'A.8.9',
    title: 'Secure configuration baselines',
    description: 'The approved security settings for hardware, software, services and networks, and records of their review.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.8.15',
    clause: 'A.8.15',
    title: 'Logs of user activities, exceptions, faults and security events',
    description: 'The event logs the organisation produces and keeps, protected against tampering and retained for the agreed period.',
    kind: 'RECORD',
    source: 'ANNEX_A',
  },
  {
    ref: 'MD-A.8.27',
    clause: 'A.8.27',
    title: 'Secure system engineering principles',
    description: 'The principles applied when designing and building systems securely, kept current.',
    kind: 'DOCUMENT',
    source: 'ANNEX_A',
  },
]);

const MANDATORY_DOCUMENTS_BY_REF: ReadonlyMap<string, MandatoryDocument> = new Map(MANDATORY_DOCUMENTS.map((doc) => [doc.ref, doc]));

/** The mandatory document with this stable id ('MD-4.3', 'MD-A.5.9', …), or undefined. */
export function findMandatoryDocument(ref: string): MandatoryDocument | undefined {
  return MANDATORY_DOCUMENTS_BY_REF.get(ref);
}
