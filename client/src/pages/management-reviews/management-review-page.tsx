import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Center, Group, Menu, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChevronDown, IconDownload, IconEdit, IconFileSearch, IconHourglass, IconListCheck, IconLock, IconSignature, IconStack2, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { readApiError } from '../../apollo/api-error';
import { DocumentTitle } from '../../components/document-title';
import { ErrorState } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { DecisionsTab } from './_components/decisions-tab';
import { MeetingTab } from './_components/meeting-tab';
import { PackTab } from './_components/pack-tab';
import { Fact, ReviewStatusBadge, ReviewSteps } from './_components/review-badges';
import { ReviewFormModal } from './_components/review-form-modal';
import { pdfUrl, SignOffTab } from './_components/sign-off-tab';
import { MANAGEMENT_REVIEW_QUERY, isManagementReview, useDeleteManagementReview, type ManagementReviewDetail } from './management-review-operations';
import { formatDate } from '../../components/relative-time';

const TABS = ['pack', 'meeting', 'decisions', 'sign-off'] as const;
type ReviewTab = (typeof TABS)[number];

function readTab(params: URLSearchParams): ReviewTab {
  const tab = params.get('tab');
  return (TABS as readonly string[]).includes(tab ?? '') ? (tab as ReviewTab) : 'pack';
}

/** One management review: its pack of inputs, the meeting, the decisions and the sign-off. */
export function ManagementReviewPage() {
  const { reviewId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(MANAGEMENT_REVIEW_QUERY, { variables: { id: reviewId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;

  if (error && !data) return <ErrorState error={error} title="This management review could not be loaded" onRetry={() => refetch()} />;
  if (!data) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the management review">
        <Skeleton height={14} width={120} />
        <Skeleton height={34} width="45%" />
        <Skeleton height={60} />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (!isManagementReview(node)) {
    return (
      <Center mih={360}>
        <Stack align="center" gap="xs" maw={440} ta="center">
          <IconFileSearch size={36} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={1} fz={20}>
            Management review not found
          </Title>
          <Text c="dimmed" size="sm">
            It may have been deleted, or it belongs to another organisation.
          </Text>
          <Button component={Link} to={`/o/${organization.id}/management-reviews`} variant="default" mt="sm">
            Back to the management reviews
          </Button>
        </Stack>
      </Center>
    );
  }
  return <ReviewView review={node} />;
}

function ReviewView({ review }: { review: ManagementReviewDetail }) {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [remove, { loading: deleting }] = useDeleteManagementReview();
  const tab = readTab(params);
  const locked = review.status === 'SUBMITTED' || review.status === 'SIGNED';
  const editable = review.viewerCanManage && !locked;
  const base = `/o/${organization.id}/management-reviews`;

  const setTab = (next: string | null) => {
    const p = new URLSearchParams(params);
    if (!next || next === 'pack') p.delete('tab');
    else p.set('tab', next);
    setParams(p, { replace: true });
  };

  const deleteReview = async () => {
    try {
      await remove({ variables: { input: { id: review.id } } });
      notifications.show({ color: 'teal', title: 'Review deleted', message: `“${review.title}” is gone.` });
      void navigate(base);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: readApiError(e).message });
    }
  };

  const untracked = review.decisions.filter((d) => !d.tracked).length;
  const count = (n: number, label: string, color = 'gray') =>
    n ? (
      <Badge size="sm" variant="light" color={color} aria-label={label}>
        {n}
      </Badge>
    ) : null;

  return (
    <>
      <DocumentTitle title={review.title} />
      <Stack gap="md" mb="lg">
        <Anchor component={Link} to={base} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden /> Management reviews
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} maw={760}>
            <Group gap="xs">
              <ReviewStatusBadge status={review.status} />
              <Badge variant="light" color="indigo" radius="sm" tt="none">
                Clause 9.3
              </Badge>
            </Group>
            <Title order={1} fz={26}>
              {review.title}
            </Title>
            <Group gap="xl">
              <Fact label={review.heldOn ? 'Held on' : 'Scheduled for'}>{formatDate(review.heldOn ?? review.scheduledOn)}</Fact>
              {review.location ? <Fact label="Location">{review.location}</Fact> : null}
              <Fact label="Attendees">{review.attendees.length ? `${review.attendees.length}` : 'None recorded'}</Fact>
              <Fact label="Decisions">{`${review.decisions.length}${review.decisions.length ? `, ${review.decisions.length - untracked} tracked` : ''}`}</Fact>
            </Group>
          </Stack>
          <Group gap="sm">
            <Button component="a" href={pdfUrl(organization.id, review.id)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} download>
              Download PDF
            </Button>
            {editable ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                    Review
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)}>
                    Edit title, date and place
                  </Menu.Item>
                  <Menu.Item leftSection={<IconTrash size={14} />} color="red" disabled={deleting || !!review.signOffRequest || review.decisions.some((d) => d.tracked)} onClick={() => void deleteReview()}>
                    Delete the review
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        <Paper withBorder radius="md" p="md">
          <ReviewSteps
            status={review.status}
            details={{
              PLANNED: formatDate(review.scheduledOn),
              PACK_PREPARED: review.packPreparedAt ? formatDate(review.packPreparedAt.slice(0, 10)) : null,
              HELD: review.heldOn ? formatDate(review.heldOn) : null,
              SUBMITTED: review.submittedAt && review.status !== 'HELD' ? formatDate(review.submittedAt.slice(0, 10)) : null,
              SIGNED: review.signedOn ? formatDate(review.signedOn) : null,
            }}
          />
        </Paper>
        {review.status === 'SIGNED' ? (
          <Alert color="teal" variant="light" icon={<IconLock size={18} />} title="Signed off and frozen" data-testid="frozen-banner">
            Signed off by {review.signedBy.map((p) => p.name).join(', ')}
            {review.signedOn ? ` on ${formatDate(review.signedOn)}` : ''}. The pack, minutes and decisions are kept exactly as approved (SHA-256 {review.snapshotHash?.slice(0, 16)}…). Decisions can still be made tracked tasks.
          </Alert>
        ) : review.status === 'SUBMITTED' ? (
          <Alert color="orange" variant="light" icon={<IconHourglass size={18} />} title="Awaiting management’s sign-off">
            {review.signOffRequest?.viewerCanDecide ? 'You are asked to sign this review off: read the pack, the meeting and the decisions, then decide in the Sign-off tab.' : `Waiting for ${review.signOffRequest?.approvers.map((a) => a.name).join(', ') ?? 'management'}. The review cannot change meanwhile.`}
          </Alert>
        ) : null}
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="pack" leftSection={<IconStack2 size={16} aria-hidden />} rightSection={count(review.missingInputs.length, `${review.missingInputs.length} inputs missing`, 'orange')}>
            Pack
          </Tabs.Tab>
          <Tabs.Tab value="meeting" leftSection={<IconUsers size={16} aria-hidden />}>
            Meeting
          </Tabs.Tab>
          <Tabs.Tab value="decisions" leftSection={<IconListCheck size={16} aria-hidden />} rightSection={count(review.decisions.length, `${review.decisions.length} decisions`, untracked ? 'yellow' : 'gray')}>
            Decisions
          </Tabs.Tab>
          <Tabs.Tab value="sign-off" leftSection={<IconSignature size={16} aria-hidden />}>
            Sign-off
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pack">
          <PackTab review={review} locked={locked} />
        </Tabs.Panel>
        <Tabs.Panel value="meeting">
          <MeetingTab review={review} locked={locked} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <DecisionsTab review={review} locked={locked} />
        </Tabs.Panel>
        <Tabs.Panel value="sign-off">
          <SignOffTab review={review} />
        </Tabs.Panel>
      </Tabs>
      {editable ? <ReviewFormModal opened={editing} onClose={() => setEditing(false)} review={review} /> : null}
    </>
  );
}
