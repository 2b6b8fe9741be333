export type ControlTheme = 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL';
export type SoaImplementationStatus = 'NOT_STARTED' | 'PLANNED' | 'PARTIAL' | 'IMPLEMENTED';

export const CONTROL_THEMES: readonly ControlTheme[] = ['ORGANIZATIONAL', 'PEOPLE', 'PHYSICAL', 'TECHNOLOGICAL'];

/** "A.5 Organizational", as the standard numbers its themes. */
export const THEME_LABELS: Record<ControlTheme, string> = {
  ORGANIZATIONAL: 'A.5 Organizational',
  PEOPLE: 'A.6 People',
  PHYSICAL: 'A.7 Physical',
  TECHNOLOGICAL: 'A.8 Technological',
};

export const IMPLEMENTATION_STATUSES: readonly SoaImplementationStatus[] = ['NOT_STARTED', 'PLANNED', 'PARTIAL', 'IMPLEMENTED'];

export const IMPLEMENTATION_LABELS: Record<SoaImplementationStatus, string> = {
  NOT_STARTED: 'Not started',
  PLANNED: 'Planned',
  PARTIAL: 'Partly implemented',
  IMPLEMENTED: 'Implemented',
};

export const IMPLEMENTATION_COLORS: Record<SoaImplementationStatus, string> = {
  NOT_STARTED: 'gray',
  PLANNED: 'blue',
  PARTIAL: 'yellow',
  IMPLEMENTED: 'teal',
};

/** How a field of a compared entry is called in words. */
export const CHANGE_FIELD_LABELS: Record<string, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  implementationStatus: 'Implementation',
  added: 'Added',
  removed: 'Removed',
};

export function applicableWords(value: boolean | null): string {
  return value === null ? 'Undecided' : value ? 'Applicable' : 'Excluded';
}

/** A compared value ("true", "PARTIAL", a justification) in words. */
export function changeValueWords(field: string, value: string | null): string {
  if (field === 'applicable') return applicableWords(value === null ? null : value === 'true');
  if (field === 'implementationStatus') return value && value in IMPLEMENTATION_LABELS ? IMPLEMENTATION_LABELS[value as SoaImplementationStatus] : (value ?? '—');
  if (value === null || value === '') return '(empty)';
  return value;
}

export function isControlTheme(value: string): value is ControlTheme {
  return (CONTROL_THEMES as readonly string[]).includes(value);
}
