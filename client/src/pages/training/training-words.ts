/** Where one person stands with one course (GraphQL enum `TrainingStatus`), most urgent first. */
export const TRAINING_STATUSES = ['OVERDUE', 'EXPIRED', 'DUE_SOON', 'EXPIRING_SOON', 'ASSIGNED', 'COMPLETED'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  ASSIGNED: 'To do',
  DUE_SOON: 'Due soon',
  OVERDUE: 'Overdue',
  COMPLETED: 'Completed',
  EXPIRING_SOON: 'Refresher due soon',
  EXPIRED: 'Expired',
};

export const TRAINING_STATUS_COLORS: Record<TrainingStatus, string> = {
  ASSIGNED: 'gray',
  DUE_SOON: 'yellow',
  OVERDUE: 'red',
  COMPLETED: 'teal',
  EXPIRING_SOON: 'orange',
  EXPIRED: 'red',
};

/** Completed and not expired: it counts. */
export function isCurrent(status: TrainingStatus): boolean {
  return status === 'COMPLETED' || status === 'EXPIRING_SOON';
}

/** Late: never done by the due date, or the refresher lapsed. */
export function isLate(status: TrainingStatus): boolean {
  return status === 'OVERDUE' || status === 'EXPIRED';
}

/** The colour of a coverage bar. */
export function coverageColor(percent: number | null): string {
  if (percent === null) return 'gray';
  if (percent >= 100) return 'teal';
  if (percent >= 80) return 'green';
  if (percent >= 50) return 'yellow';
  return 'orange';
}

/** "Every 12 months", "Every 2 years", "One-off". */
export function refresherLabel(months: number | null): string {
  if (!months) return 'One-off';
  if (months % 12 === 0) return months === 12 ? 'Every year' : `Every ${months / 12} years`;
  return months === 1 ? 'Every month' : `Every ${months} months`;
}

/** "45 min", "4 h", "1 h 30 min". */
export function durationLabel(minutes: number | null): string | null {
  if (!minutes) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
