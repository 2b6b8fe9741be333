import { Text, Tooltip, type TextProps } from '@mantine/core';
import dayjs from 'dayjs';

/** Whole days from today (local) to a `YYYY-MM-DD` day: negative when it is past. */
export function daysUntil(day: string, today = dayjs()): number {
  return dayjs(day).startOf('day').diff(today.startOf('day'), 'day');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "due in 3 days", "due today", "overdue by 2 days". */
export function describeDueDate(day: string, overdue: boolean): string {
  const days = daysUntil(day);
  if (overdue) return `overdue by ${plural(Math.max(1, -days), 'day')}`;
  if (days < 0) return `was due ${plural(-days, 'day')} ago`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${plural(days, 'day')}`;
}

interface DueDateProps extends TextProps {
  /** `YYYY-MM-DD`, or null for no deadline. */
  value: string | null;
  /** As the server says (open and past its date): shown in red. */
  overdue?: boolean;
  /** The work is finished: the deadline no longer matters, shown quietly. */
  finished?: boolean;
  /** Text when there is no deadline. */
  none?: string;
}

/** A deadline, relative ("due in 3 days", "overdue by 2 days") with the date on hover; overdue in red. */
export function DueDate({ value, overdue = false, finished = false, none = 'No due date', ...textProps }: DueDateProps) {
  if (!value) {
    return (
      <Text size="sm" c="dimmed" {...textProps}>
        {none}
      </Text>
    );
  }
  const date = dayjs(value).format('dddd D MMMM YYYY');
  const label = finished ? `due ${dayjs(value).format('D MMM YYYY')}` : describeDueDate(value, overdue);
  return (
    <Tooltip label={`Due ${date}`}>
      <Text
        component="time"
        dateTime={value}
        title={`Due ${date}`}
        size="sm"
        c={overdue && !finished ? 'red.8' : finished ? 'dimmed' : undefined}
        fw={overdue && !finished ? 600 : undefined}
        {...textProps}
      >
        {label.charAt(0).toUpperCase() + label.slice(1)}
      </Text>
    </Tooltip>
  );
}
