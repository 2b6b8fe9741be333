import type { ControlTheme, GapStatus } from './gap-operations';

export const GAP_STATUSES: readonly GapStatus[] = ['NOT_STARTED', 'PARTIAL', 'IMPLEMENTED', 'NOT_APPLICABLE'];
/** The statuses that leave a gap to close (and can be planned). */
export const GAP_OPEN_STATUSES: readonly GapStatus[] = ['NOT_STARTED', 'PARTIAL'];

export function isGapStatus(value: string): value is GapStatus {
  return (GAP_STATUSES as readonly string[]).includes(value);
}

export function isGap(status: GapStatus): boolean {
  return GAP_OPEN_STATUSES.includes(status);
}

export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  NOT_STARTED: 'Not started',
  PARTIAL: 'Partial',
  IMPLEMENTED: 'Implemented',
  NOT_APPLICABLE: 'Not applicable',
};

export const GAP_STATUS_COLORS: Record<GapStatus, string> = {
  NOT_STARTED: 'red',
  PARTIAL: 'orange',
  IMPLEMENTED: 'teal',
  NOT_APPLICABLE: 'gray',
};

export const GAP_STATUS_DESCRIPTIONS: Record<GapStatus, string> = {
  NOT_STARTED: 'Nothing in place yet: a full gap.',
  PARTIAL: 'Something is in place but not all of the requirement: its maturity weighs the score.',
  IMPLEMENTED: 'The requirement is met and you can show evidence of it.',
  NOT_APPLICABLE: 'Does not apply to your scope: left out of every score. Say why in the notes.',
};

export const MATURITY_LEVELS = [0, 1, 2, 3, 4, 5] as const;

/** Maturity 0–5, in the words of the usual capability scale. */
export const MATURITY_LABELS: Record<number, string> = {
  0: 'None',
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimised',
};

export const MATURITY_DESCRIPTIONS: Record<number, string> = {
  0: 'Nothing in place.',
  1: 'Done now and then, depending on who is there.',
  2: 'Done the same way each time, but not written down.',
  3: 'Documented and followed by everyone concerned.',
  4: 'Measured and reviewed against targets.',
  5: 'Continually improved from what the measures show.',
};

export function maturityLabel(maturity: number): string {
  return `${maturity} · ${MATURITY_LABELS[maturity] ?? ''}`;
}

export const CONTROL_THEMES: readonly ControlTheme[] = ['ORGANIZATIONAL', 'PEOPLE', 'PHYSICAL', 'TECHNOLOGICAL'];

export const THEME_LABELS: Record<ControlTheme, string> = {
  ORGANIZATIONAL: 'Organizational (A.5)',
  PEOPLE: 'People (A.6)',
  PHYSICAL: 'Physical (A.7)',
  TECHNOLOGICAL: 'Technological (A.8)',
};

export function isControlTheme(value: string): value is ControlTheme {
  return (CONTROL_THEMES as readonly string[]).includes(value);
}

/** The ISO/IEC 27002:2022 attribute families, in the standard's order, with a colour each. */
export const ATTRIBUTE_FAMILIES = [
  { key: 'controlType', label: 'Control type', color: 'indigo' },
  { key: 'securityProperties', label: 'Security properties', color: 'grape' },
  { key: 'cybersecurityConcepts', label: 'Cybersecurity concepts', color: 'cyan' },
  { key: 'operationalCapabilities', label: 'Operational capabilities', color: 'teal' },
  { key: 'securityDomains', label: 'Security domains', color: 'gray' },
] as const;

/** `THREAT_AND_VULNERABILITY_MANAGEMENT` → "Threat and vulnerability management". */
export function attributeWords(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 0–100 as a colour: red below 40, orange below 70, teal from 70. */
export function scoreColor(score: number | null): string {
  if (score === null) return 'gray';
  if (score < 40) return 'red';
  if (score < 70) return 'orange';
  return 'teal';
}
