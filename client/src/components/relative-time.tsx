import { Text, Tooltip, type TextProps } from '@mantine/core';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export function formatDateTime(value: string | Date): string {
  return dayjs(value).format('D MMM YYYY, HH:mm:ss');
}

export function formatDate(value: string | Date): string {
  return dayjs(value).format('D MMM YYYY');
}

interface RelativeTimeProps extends TextProps {
  value: string;
  /** Show "in 3 days" / "3 days ago" (default) or the plain date. */
  format?: 'relative' | 'date';
}

/** "3 days ago", with the exact moment on hover and for assistive technology. */
export function RelativeTime({ value, format = 'relative', ...textProps }: RelativeTimeProps) {
  const exact = formatDateTime(value);
  return (
    <Tooltip label={exact}>
      <Text component="time" dateTime={value} title={exact} size="sm" {...textProps}>
        {format === 'relative' ? dayjs(value).fromNow() : formatDate(value)}
      </Text>
    </Tooltip>
  );
}
