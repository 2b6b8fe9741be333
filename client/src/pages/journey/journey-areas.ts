import {
  IconAlertTriangle,
  IconBox,
  IconCertificate,
  IconClipboardCheck,
  IconFileText,
  IconListCheck,
  IconListDetails,
  IconPresentation,
  IconSchool,
  IconTarget,
  IconZoomCheck,
  type Icon,
} from '@tabler/icons-react';

/** The steps of the certification journey, in order. */
export const JOURNEY_STEPS = [
  { key: 'preparation', number: 1, title: 'Preparation', summary: 'Gap analysis, assets, risks, the SoA, policies and training.' },
  { key: 'stage1', number: 2, title: 'Stage 1 audit', summary: 'The auditor reviews your documented ISMS.' },
  { key: 'stage2', number: 3, title: 'Stage 2 audit', summary: 'Two to four days checking that the ISMS is practised.' },
  { key: 'nonconformities', number: 4, title: 'Non-conformities', summary: 'Findings get corrective actions before the decision.' },
  { key: 'keeping', number: 5, title: 'Keeping the certificate', summary: 'Surveillance audits, reviews and objectives, year after year.' },
] as const;

export type JourneyStepKey = (typeof JOURNEY_STEPS)[number]['key'];

export interface JourneyArea {
  /** The path segment under /o/:orgId. */
  path: string;
  /** The navigation label and page title. */
  title: string;
  /** One line under the page title. */
  tagline: string;
  icon: Icon;
  /** Where this area sits in the journey, in words. */
  stepLabel: string;
  steps: readonly JourneyStepKey[];
  /** What the area is for, two or three sentences. */
  purpose: string;
  /** What you will do first once it arrives. */
  firstAction: string;
}

/** The areas of the journey that are not built yet: each teaches what it is for. */
export const JOURNEY_AREAS: readonly JourneyArea[] = [
  {
    path: 'my-work',
    title: 'My work',
    tagline: 'What needs you now, across the whole programme.',
    icon: IconListCheck,
    stepLabel: 'Every step of the journey',
    steps: [],
    purpose:
      'Everything that waits for you, across the whole programme, in one list: tasks you own, approvals you were asked for, evidence requests and corrective actions, each with its deadline. Start your day here and work from the top, overdue first.',
    firstAction: 'Once tasks and approvals arrive, whatever is assigned to you appears here on its own.',
  },
  {
    path: 'gap-analysis',
    title: 'Gap analysis',
    tagline: 'Where you stand against every clause and Annex A control.',
    icon: IconZoomCheck,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'Find out where you stand against ISO/IEC 27001:2022 before anything else. Every clause from 4.1 to 10.2 and each of the 93 Annex A controls gets a status, a maturity level, an owner and notes; scores per clause and theme show the gaps, and the gaps become your prioritised implementation plan.',
    firstAction: 'You will walk through the clauses with the people who own them and rate each one.',
  },
  {
    path: 'assets',
    title: 'Assets',
    tagline: 'What you protect, who owns it and what it is worth.',
    icon: IconBox,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'List what you need to protect: information, software, hardware, services, people and sites, each with an owner and a value for confidentiality, integrity and availability. This inventory (Annex A 5.9) is the ground your risk assessment stands on.',
    firstAction: 'You will start with the information and systems your customers depend on most.',
  },
  {
    path: 'risks',
    title: 'Risks',
    tagline: 'What could go wrong, how badly, and what you do about it.',
    icon: IconAlertTriangle,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'Assess the risks to your assets by likelihood and impact on a 5×5 matrix and compare them with your acceptance threshold. Decide a treatment for each (mitigate, accept, transfer or avoid) with the controls that carry it, and have the risk owner accept the residual risk (clause 6.1.3 f). A heat map shows where you stand.',
    firstAction: 'You will link each risk to an asset, a threat and a vulnerability, then score it.',
  },
  {
    path: 'statement-of-applicability',
    title: 'Statement of Applicability',
    tagline: 'Which Annex A controls apply, why, and how far they are implemented.',
    icon: IconListDetails,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'The Statement of Applicability (clause 6.1.3 d) takes all 93 Annex A controls and says, for each, whether it applies and why, how far it is implemented, and which risks and documents stand behind it. Management approves it, and it is the first document your auditor reads.',
    firstAction: 'You will decide applicability control by control, starting from your risk treatment.',
  },
  {
    path: 'documents',
    title: 'Documents',
    tagline: 'Policies and procedures: written together, approved, published and acknowledged.',
    icon: IconFileText,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'Write policies and procedures together, have management approve them and publish them to the people they concern, who acknowledge them. Every version is kept and signed, and the documented information ISO 27001:2022 requires is checked off as your documents arrive.',
    firstAction: 'You will begin with the information security policy (clause 5.2).',
  },
  {
    path: 'training',
    title: 'Training',
    tagline: 'Who has learned what they need to know, and until when.',
    icon: IconSchool,
    stepLabel: 'Step 1 · Preparation',
    steps: ['preparation'],
    purpose:
      'Make sure people know their part (clauses 7.2 and 7.3): courses assigned by role, completion recorded per person with evidence and expiry, and coverage per role that you can show an auditor.',
    firstAction: 'You will assign a security awareness course to everyone and track who completed it.',
  },
  {
    path: 'audits',
    title: 'Audits',
    tagline: 'Internal audits and the certification audits, live during audit week.',
    icon: IconClipboardCheck,
    stepLabel: 'Steps 2 and 3 · Stage 1 and Stage 2 audits',
    steps: ['stage1', 'stage2'],
    purpose:
      'Run your internal audit programme (clause 9.2) and host the certification audits: Stage 1 reviews your documentation, Stage 2 checks over two to four days that it is practised. During audit week a live board shows the agenda, evidence requests and findings as they are raised.',
    firstAction: 'You will plan an internal audit that covers every clause before Stage 1.',
  },
  {
    path: 'objectives',
    title: 'Objectives & KPIs',
    tagline: 'What you aim for, and how you measure that you get there.',
    icon: IconTarget,
    stepLabel: 'Step 5 · Keeping the certificate',
    steps: ['keeping'],
    purpose:
      'Set information security objectives (clause 6.2) and measure them with indicators over time (clause 9.1), so you can show that the ISMS works and keeps improving: evidence that auditors and management both ask for.',
    firstAction: 'You will set a handful of objectives with an owner, a target and a way to measure it.',
  },
  {
    path: 'management-reviews',
    title: 'Management reviews',
    tagline: "Top management's regular look at the ISMS, and what it decides.",
    icon: IconPresentation,
    stepLabel: 'Step 5 · Keeping the certificate (the first one before Stage 1)',
    steps: ['stage1', 'keeping'],
    purpose:
      'Top management reviews the ISMS at planned intervals (clause 9.3). Annex assembles the inputs from live data (risks, audit results, non-conformities, objectives) and the decisions become tracked actions. One review must be done before your Stage 1 audit.',
    firstAction: 'You will schedule the first review with your management team.',
  },
  {
    path: 'certification',
    title: 'Certification',
    tagline: 'Readiness, the certification decision, and keeping the certificate.',
    icon: IconCertificate,
    stepLabel: 'Steps 2 to 5 · From Stage 1 to keeping the certificate',
    steps: ['stage1', 'nonconformities', 'keeping'],
    purpose:
      'See how ready you are for Stage 1, with every blocker named. After the audit, follow each non-conformity and its corrective action to the certification decision; then keep the certificate with yearly surveillance audits and recertification after three years.',
    firstAction: 'You will record your certification body and the dates of your Stage 1 and Stage 2 audits.',
  },
];
