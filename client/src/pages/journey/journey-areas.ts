import {
  IconPresentation,
  IconSchool,
  IconTarget,
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

/** The areas of the journey that are not built yet: each teaches what it is for (My work, Tasks, Approvals, Gap analysis, Assets, Risks, the Statement of Applicability, Documents, Audits and Certification are built). */
export const JOURNEY_AREAS: readonly JourneyArea[] = [
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
];
