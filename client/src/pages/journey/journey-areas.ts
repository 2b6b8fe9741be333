import type { Icon } from '@tabler/icons-react';

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

/** The areas of the journey that are not built yet: each teaches what it is for (My work, Tasks, Approvals, Gap analysis, Assets, Risks, the Statement of Applicability, Documents, Training, Audits, Objectives & KPIs, Management reviews and Certification are built). */
export const JOURNEY_AREAS: readonly JourneyArea[] = [];
