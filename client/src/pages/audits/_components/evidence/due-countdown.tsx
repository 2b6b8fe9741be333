import { Text, Tooltip, type TextProps } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useState } from 'react';

function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "due in 3 h", "due in 2 days", "overdue by 1 day". */
export function describeDueTime(dueAt: string, overdue: boolean, now = Date.now()): string {
  const ms = new Date(dueAt).getTime() - now;
  if (ms <= 0 || overdue) return `overdue by ${span(Math.abs(Math.min(ms, -60_000)))}`;
  return `due in ${span(ms)}`;
}

/** A due time counting down live; overdue in red. `finished` shows the plain time quietly. */
export function DueCountdown({ dueAt, overdue, finished = false, ...textProps }: { dueAt: string; overdue: boolean; finished?: boolean } & TextProps) {
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });
  const exact = dayjs(dueAt).format('dddd D MMMM YYYY, HH:mm');
  const late = !finished && (overdue || new Date(dueAt).getTime() < now);
  const label = finished ? `Due ${dayjs(dueAt).format('D MMM, HH:mm')}` : describeDueTime(dueAt, late, now);
  return (
    <Tooltip label={`Due ${exact}`}>
      <Text component="time" dateTime={dueAt} title={`Due ${exact}`} size="sm" c={late ? 'red.8' : finished ? 'dimmed' : undefined} fw={late ? 600 : undefined} {...textProps}>
        {label.charAt(0).toUpperCase() + label.slice(1)}
      </Text>
    </Tooltip>
  );
}
