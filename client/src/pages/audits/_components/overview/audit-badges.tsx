import { Badge, type BadgeProps } from '@mantine/core';
import dayjs from 'dayjs';
import {
  AUDIT_KIND_COLORS,
  AUDIT_KIND_LABELS,
  AUDIT_STATUS_COLORS,
  AUDIT_STATUS_LABELS,
  CHECKLIST_VERDICT_COLORS,
  CHECKLIST_VERDICT_LABELS,
  type AuditKind,
  type AuditStatus,
  type ChecklistVerdict,
} from '../../audit-words';

export function AuditKindBadge({ kind, ...props }: { kind: AuditKind } & BadgeProps) {
  return (
    <Badge color={AUDIT_KIND_COLORS[kind]} variant="outline" {...props}>
      {AUDIT_KIND_LABELS[kind]}
    </Badge>
  );
}

export function AuditStatusBadge({ status, ...props }: { status: AuditStatus } & BadgeProps) {
  return (
    <Badge color={AUDIT_STATUS_COLORS[status]} variant={status === 'IN_PROGRESS' ? 'filled' : 'light'} {...props}>
      {AUDIT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function VerdictBadge({ verdict, ...props }: { verdict: ChecklistVerdict } & BadgeProps) {
  return (
    <Badge color={CHECKLIST_VERDICT_COLORS[verdict]} variant={verdict === 'NOT_CHECKED' ? 'outline' : 'light'} {...props}>
      {CHECKLIST_VERDICT_LABELS[verdict]}
    </Badge>
  );
}

/** "27–30 Nov 2026", "30 Nov – 2 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
export function formatAuditDates(startDate: string, endDate: string): string {
  const start = dayjs(startDate);
  const end = dayjs(endDate);
  if (start.isSame(end, 'day')) return start.format('D MMM YYYY');
  if (start.isSame(end, 'month')) return `${start.format('D')}–${end.format('D MMM YYYY')}`;
  if (start.isSame(end, 'year')) return `${start.format('D MMM')} – ${end.format('D MMM YYYY')}`;
  return `${start.format('D MMM YYYY')} – ${end.format('D MMM YYYY')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Where the audit stands in time: "starts in 12 days", "day 2 of 4", "ended 3 weeks ago". */
export function describeAuditTiming(startDate: string, endDate: string, today = dayjs(), closedAt: string | null = null): string {
  // Closed early (before its last planned day): say when.
  if (closedAt && dayjs(endDate).isAfter(today, 'day')) return `closed ${dayjs(closedAt).from(today)}`;
  const start = dayjs(startDate).startOf('day');
  const end = dayjs(endDate).startOf('day');
  const now = today.startOf('day');
  const toStart = start.diff(now, 'day');
  if (toStart > 1) return `starts in ${plural(toStart, 'day')}`;
  if (toStart === 1) return 'starts tomorrow';
  if (toStart === 0) return 'starts today';
  const sinceEnd = now.diff(end, 'day');
  if (sinceEnd <= 0) return `day ${now.diff(start, 'day') + 1} of ${end.diff(start, 'day') + 1}`;
  if (sinceEnd === 1) return 'ended yesterday';
  return `ended ${end.from(now)}`;
}

/** "A.5.10" after "A.5.9"; clauses before controls. */
export function compareRefs(a: string, b: string): number {
  const key = (ref: string) => (ref.startsWith('A.') ? [100, ...ref.slice(2).split('.').map(Number)] : ref.split('.').map(Number));
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

