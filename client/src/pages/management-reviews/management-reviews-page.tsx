import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Center, Grid, Group, Paper, Select, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconPlus, IconPresentation, IconSignature } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLiveHighlightClass } from '../../apollo/live-highlight';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { ReviewFormModal } from './_components/review-form-modal';
import { ReviewStatusBadge } from './_components/review-badges';
import { MANAGEMENT_REVIEWS_QUERY, type ManagementReviewRow } from './management-review-operations';
import { REVIEW_STATUS_LABELS, REVIEW_STEPS, isReviewStatus, plural } from './management-review-words';
import { daysUntil } from '../../components/due-date';
import { formatDate } from '../../components/relative-time';

const STATUS_OPTIONS = REVIEW_STEPS.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s] }));
const INPUT_COUNT = 9;

function ReviewCard({ review }: { review: ManagementReviewRow }) {
  const { organization } = useCurrentOrganization();
  const highlight = useLiveHighlightClass(review.id);
  const ready = INPUT_COUNT - review.missingInputs.length;
  const tracked = review.decisions.filter((d) => d.tracked).length;
  const daysToGo = review.heldOn ? null : daysUntil(review.scheduledOn);
  const upcoming = daysToGo !== null && daysToGo >= 0;
  return (
    <Paper withBorder radius="md" p="md" className={highlight}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Group gap="xs">
            <ReviewStatusBadge status={review.status} size="sm" />
          </Group>
          <Anchor component={Link} to={`/o/${organization.id}/management-reviews/${review.id}`} fw={600} fz="md" c="var(--mantine-color-text)" lineClamp={1}>
            {review.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={15} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {review.heldOn ? (
                <>
                  Held on <Text span size="sm" c="var(--mantine-color-text)">{formatDate(review.heldOn)}</Text>
                </>
              ) : (
                <>
                  {upcoming ? 'Scheduled for' : 'Was scheduled for'} <Text span size="sm" c="var(--mantine-color-text)">{formatDate(review.scheduledOn)}</Text>
                  {upcoming ? ` · ${daysToGo === 0 ? 'today' : daysToGo === 1 ? 'tomorrow' : `in ${daysToGo} days`}` : ''}
                </>
              )}
              {review.location ? ` · ${review.location}` : ''}
            </Text>
          </Group>
          <Group gap={6}>
            <Badge variant="light" color={ready === INPUT_COUNT ? 'teal' : 'gray'} radius="sm" tt="none">
              {ready} of {INPUT_COUNT} inputs ready
            </Badge>
            {review.decisions.length ? (
              <Badge variant="light" color={tracked === review.decisions.length ? 'teal' : 'yellow'} radius="sm" tt="none">
                {plural(review.decisions.length, 'decision')}, {tracked} tracked as tasks
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end" miw={170}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
            Sign-off
          </Text>
          {review.status === 'SIGNED' ? (
            <Group gap={6} wrap="nowrap">
              <IconSignature size={16} aria-hidden color="var(--mantine-color-teal-7)" />
              <Text size="sm">
                {review.signedBy.map((p) => p.name).join(', ')}
                {review.signedOn ? `, ${formatDate(review.signedOn)}` : ''}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {review.status === 'SUBMITTED' ? 'Waiting for management' : 'Not yet'}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The rhythm of reviews: the last one signed and when the next is due (at least yearly). */
function CadenceCard({ reviews }: { reviews: ManagementReviewRow[] }) {
  const { organization } = useCurrentOrganization();
  const signed = reviews.filter((r) => r.status === 'SIGNED').sort((a, b) => (b.heldOn ?? b.scheduledOn).localeCompare(a.heldOn ?? a.scheduledOn))[0];
  const nextPlanned = reviews.filter((r) => r.status !== 'SIGNED').sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn))[0];
  const dueBy = signed ? dayjs(signed.heldOn ?? signed.scheduledOn).add(12, 'month') : null;
  const overdue = dueBy ? dueBy.isBefore(dayjs(), 'day') : true;
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={38} radius="md" color={overdue ? 'red' : 'teal'} aria-hidden>
            <IconPresentation size={20} />
          </ThemeIcon>
          <Title order={2} fz={16}>
            Review cadence
          </Title>
        </Group>
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Last signed review
          </Text>
          {signed ? (
            <Anchor component={Link} to={`/o/${organization.id}/management-reviews/${signed.id}`} size="sm" fw={600}>
              {signed.title}
            </Anchor>
          ) : (
            <Text size="sm">None yet</Text>
          )}
          {signed ? (
            <Text size="xs" c="dimmed">
              Held {formatDate(signed.heldOn ?? signed.scheduledOn)}
              {signed.signedOn ? `, signed ${formatDate(signed.signedOn)}` : ''}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Next review due
          </Text>
          <Tooltip label="Certification bodies expect a management review at least every 12 months, and one before the stage 1 audit.">
            <Text size="sm" fw={600} c={overdue ? 'red.8' : undefined}>
              {dueBy ? `${overdue ? 'Overdue since' : 'By'} ${formatDate(dueBy.format('YYYY-MM-DD'))}` : 'Now: none has been signed off yet'}
            </Text>
          </Tooltip>
          {nextPlanned ? (
            <Text size="xs" c="dimmed">
              Next planned: {nextPlanned.title} on {formatDate(nextPlanned.scheduledOn)}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={6}>
          <Group gap={6} wrap="nowrap">
            <IconChecklist size={16} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
            <Text size="xs" c="dimmed">
              Clause 9.3: the review considers the status of earlier actions, changes in context, performance (nonconformities, measurements, audits, objectives), feedback, risks and opportunities; it decides on improvements and changes.
            </Text>
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}

/** Top management's reviews of the ISMS (clause 9.3): scheduled, prepared from live data, held, signed off. */
export function ManagementReviewsPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const [scheduling, setScheduling] = useState(false);
  const manage = can('managementReview:manage');
  const status = params.get('status') ?? '';
  const { data, error, refetch } = useQuery(MANAGEMENT_REVIEWS_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const reviews = data?.organization?.managementReviews ?? null;
  const shown = reviews ? reviews.filter((r) => !isReviewStatus(status) || r.status === status) : null;

  const setStatus = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next, { replace: true });
  };

  let body;
  if (error && !data) body = <ErrorState error={error} title="The management reviews could not be loaded" onRetry={() => refetch()} />;
  else if (!shown || !reviews) body = <SkeletonRows rows={3} height={110} />;
  else if (!reviews.length) {
    body = (
      <Center mih={280}>
        <Stack align="center" gap="xs" maw={500} ta="center">
          <IconPresentation size={40} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={2} fz={18}>
            No management review yet
          </Title>
          <Text size="sm" c="dimmed">
            Top management reviews the ISMS at planned intervals (clause 9.3), and one review must be done before your stage 1 audit. Annex assembles the inputs from your risks, audits, nonconformities, indicators and objectives; the decisions become tracked tasks; management signs the record off.
          </Text>
          {manage ? (
            <Button mt="sm" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setScheduling(true)}>
              Schedule the first review
            </Button>
          ) : null}
        </Stack>
      </Center>
    );
  } else if (!shown.length) {
    body = (
      <Center mih={200}>
        <Stack align="center" gap="xs">
          <Text fw={600}>No review has this status</Text>
          <Button variant="default" size="sm" onClick={() => setStatus(null)}>
            Show all reviews
          </Button>
        </Stack>
      </Center>
    );
  } else {
    body = (
      <Stack gap="sm">
        {shown.map((review) => (
          <ReviewCard key={review.id} review={review} />
        ))}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 5 · Keeping the certificate
          </Badge>
        }
        title="Management reviews"
        description="Top management’s regular look at the ISMS (clause 9.3): the inputs assembled from live data, the meeting, the decisions as tracked tasks, and the sign-off."
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setScheduling(true)}>
              Schedule a review
            </Button>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {reviews?.length ? (
              <Select label="Status" placeholder="All statuses" data={STATUS_OPTIONS} value={isReviewStatus(status) ? status : null} onChange={setStatus} clearable w={220} size="sm" />
            ) : null}
            {body}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>{reviews ? <CadenceCard reviews={reviews} /> : null}</Grid.Col>
      </Grid>
      {manage ? <ReviewFormModal opened={scheduling} onClose={() => setScheduling(false)} /> : null}
    </>
  );
}
