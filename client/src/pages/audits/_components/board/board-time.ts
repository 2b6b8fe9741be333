import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';

dayjs.extend(relativeTime);

/** The current time, re-read every `intervalMs` (the board's countdowns and clock). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "2 d 4 h", "3 h 05 min", "12:04" (under an hour, minutes and seconds). */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export interface Countdown {
  label: string;
  overdue: boolean;
  /** Less than an hour left. */
  soon: boolean;
}

/** The time left until a due moment, or how long it is overdue. */
export function countdownTo(dueAt: string, now: number): Countdown {
  const left = dayjs(dueAt).valueOf() - now;
  if (left < 0) return { label: `overdue by ${formatSpan(-left)}`, overdue: true, soon: false };
  return { label: `due in ${formatSpan(left)}`, overdue: false, soon: left < 3600_000 };
}

export function isSameLocalDay(value: string, now: number): boolean {
  return dayjs(value).isSame(dayjs(now), 'day');
}
