import { Badge, Group, Stepper, Text, Tooltip, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { REVIEW_STATUS_COLORS, REVIEW_STATUS_DESCRIPTIONS, REVIEW_STATUS_LABELS, REVIEW_STEPS, type ManagementReviewStatus } from '../management-review-words';

/** The status as a coloured chip with words, its meaning on hover. */
export function ReviewStatusBadge({ status, ...props }: { status: ManagementReviewStatus } & BadgeProps) {
  return (
    <Tooltip label={REVIEW_STATUS_DESCRIPTIONS[status]} multiline w={280}>
      <Badge color={REVIEW_STATUS_COLORS[status]} variant={status === 'SIGNED' ? 'filled' : 'light'} {...props}>
        {REVIEW_STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}

const STEP_TITLES: Record<ManagementReviewStatus, string> = {
  PLANNED: 'Scheduled',
  PACK_PREPARED: 'Pack prepared',
  HELD: 'Meeting held',
  SUBMITTED: 'Submitted for sign-off',
  SIGNED: 'Signed off',
};

/** Where the review stands in its five steps. */
export function ReviewSteps({ status, details }: { status: ManagementReviewStatus; details: Partial<Record<ManagementReviewStatus, ReactNode>> }) {
  const active = REVIEW_STEPS.indexOf(status);
  return (
    <Stepper active={status === 'SIGNED' ? REVIEW_STEPS.length : active + 1} size="xs" iconSize={26} allowNextStepsSelect={false} aria-label="Steps of the review">
      {REVIEW_STEPS.map((step) => (
        <Stepper.Step key={step} label={STEP_TITLES[step]} description={details[step] ?? null} />
      ))}
    </Stepper>
  );
}

/** A label above a value, as the record's facts are shown. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : <Group gap={6}>{children}</Group>}
    </div>
  );
}
