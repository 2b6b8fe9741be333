import { Badge, Group, Progress, Stack, Text, Tooltip, type BadgeProps } from '@mantine/core';
import dayjs from 'dayjs';
import { DueDate, daysUntil, describeDueDate } from '../../../components/due-date';
import { TRAINING_STATUS_COLORS, TRAINING_STATUS_LABELS, coverageColor, type TrainingStatus } from '../training-words';

/** A person's status on a course, in words and colour. */
export function TrainingStatusBadge({ status, ...props }: { status: TrainingStatus } & BadgeProps) {
  return (
    <Badge color={TRAINING_STATUS_COLORS[status]} variant={status === 'COMPLETED' || status === 'ASSIGNED' ? 'light' : 'filled'} {...props}>
      {TRAINING_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "14 of 18 current · 78 %", with a bar; the late count in red under it. */
export function CoverageBar({
  counts,
  label,
  size = 'md',
}: {
  counts: { assigned: number; current: number; overdue: number; dueSoon?: number; percent: number | null };
  label: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { assigned, current, overdue, percent } = counts;
  if (!assigned) {
    return (
      <Text size="sm" c="dimmed">
        Not assigned to anyone yet
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">
          <Text span fw={600}>
            {current} of {assigned}
          </Text>{' '}
          current
        </Text>
        <Text size="sm" fw={600} c={`${coverageColor(percent)}.9`}>
          {percent}%
        </Text>
      </Group>
      <Progress value={percent ?? 0} color={coverageColor(percent)} size={size} radius="xl" aria-label={`${label}: ${current} of ${assigned} current, ${percent} %`} />
      {overdue > 0 ? (
        <Text size="xs" c="red.8" fw={600}>
          {overdue} overdue or expired
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * When the person must (again) complete the course, in words: "Due in 5 days", "Overdue by 2
 * days", "Refresher due in 281 days", "Expired 15 days ago"; the date on hover.
 */
export function NextDue({ status, nextDueOn }: { status: TrainingStatus; nextDueOn: string | null }) {
  if (!nextDueOn) {
    return (
      <Text size="sm" c="dimmed">
        Done for good
      </Text>
    );
  }
  if (status === 'ASSIGNED' || status === 'DUE_SOON' || status === 'OVERDUE') return <DueDate value={nextDueOn} overdue={status === 'OVERDUE'} />;
  const date = dayjs(nextDueOn).format('dddd D MMMM YYYY');
  const days = daysUntil(nextDueOn);
  const expired = status === 'EXPIRED';
  const label = expired ? (days === 0 ? 'Expired today' : `Expired ${-days} day${days === -1 ? '' : 's'} ago`) : `Refresher ${describeDueDate(nextDueOn, false)}`;
  return (
    <Tooltip label={`${expired ? 'Expired on' : 'Refresher due'} ${date}`}>
      <Text component="time" dateTime={nextDueOn} size="sm" c={expired ? 'red.8' : status === 'EXPIRING_SOON' ? 'orange.9' : 'dimmed'} fw={expired ? 600 : undefined}>
        {label}
      </Text>
    </Tooltip>
  );
}
