import { Anchor, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCalendarCheck, IconChecks, IconRocket, IconSend, IconSignature } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PersonLabel } from '../../../../components/person-avatar';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { DocumentDetail } from '../../document-operations';
import { CLASSIFICATION_COLORS, CLASSIFICATION_LABELS, DOCUMENT_FORMAT_LABELS, DOCUMENT_KIND_LABELS } from '../../document-words';
import { PresenceAvatars } from '../editor/live-status';
import type { Collaborator } from '../editor/use-collaboration';
import { DocumentStatusBadge } from '../status-badges';

dayjs.extend(relativeTime);

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** "in 11 months" / "overdue by 3 days", red when overdue, orange when due soon; the date on hover. */
export function NextReview({ doc }: { doc: Pick<DocumentDetail, 'nextReviewOn' | 'reviewOverdue' | 'reviewDueSoon' | 'currentVersion'> }) {
  if (!doc.nextReviewOn) {
    return (
      <Text size="sm" c="dimmed">
        {doc.currentVersion ? 'Not scheduled' : 'After publication'}
      </Text>
    );
  }
  const date = dayjs(doc.nextReviewOn).format('dddd D MMMM YYYY');
  const days = dayjs(doc.nextReviewOn).startOf('day').diff(dayjs().startOf('day'), 'day');
  const label = doc.reviewOverdue ? `Overdue by ${Math.max(1, -days)} day${-days === 1 ? '' : 's'}` : days === 0 ? 'Due today' : `Due ${dayjs(doc.nextReviewOn).endOf('day').fromNow()}`;
  return (
    <Tooltip label={`Next review ${date}`}>
      <Text component="time" dateTime={doc.nextReviewOn} size="sm" c={doc.reviewOverdue ? 'red.8' : doc.reviewDueSoon ? 'orange.9' : undefined} fw={doc.reviewOverdue ? 600 : undefined} tabIndex={0}>
        {label}
      </Text>
    </Tooltip>
  );
}

/** "Published 2.0" and "2.1 awaiting approval" / "2.1 approved — publish it". */
function VersionLine({ doc }: { doc: DocumentDetail }) {
  const current = doc.currentVersion;
  const pending = doc.pendingVersion;
  return (
    <Group gap="xs" wrap="wrap">
      {current ? (
        <Tooltip label={current.publishedAt ? `Published ${dayjs(current.publishedAt).format('D MMM YYYY')}${current.publishedBy ? ` by ${current.publishedBy.name}` : ''}` : 'Published'}>
          <Text size="sm" fw={600} tabIndex={0}>
            Published {current.number}
          </Text>
        </Tooltip>
      ) : (
        <Text size="sm" c="dimmed">
          Not published yet
        </Text>
      )}
      {pending ? (
        <Badge
          variant="light"
          color={pending.status === 'APPROVED' ? 'blue' : 'yellow'}
          c={pending.status === 'APPROVED' ? 'blue.9' : 'yellow.9'}
          tt="none"
          fw={600}
          size="md"
          title={pending.changeSummary}
        >
          {pending.status === 'APPROVED' ? `${pending.number} approved — publish it` : `${pending.number} awaiting approval`}
        </Badge>
      ) : null}
    </Group>
  );
}

interface DocumentHeaderProps {
  doc: DocumentDetail;
  others: readonly Collaborator[];
  /** Acknowledge is offered here unless the read view (which has its own button) is open. */
  showAcknowledge: boolean;
  publishing: boolean;
  reviewing: boolean;
  acknowledging: boolean;
  onSubmit(): void;
  onPublish(): void;
  onMarkReviewed(): void;
  onAcknowledge(): void;
}

/** Title, where the document stands, who is here now, and what this person can do next. */
export function DocumentHeader({ doc, others, showAcknowledge, publishing, reviewing, acknowledging, onSubmit, onPublish, onMarkReviewed, onAcknowledge }: DocumentHeaderProps) {
  const { organization, can } = useCurrentOrganization();
  const pending = doc.pendingVersion;
  const canPublish = can('document:publish') && pending?.status === 'APPROVED';
  const decide = pending?.status === 'PENDING_APPROVAL' && pending.approvalRequest?.viewerCanDecide ? pending.approvalRequest : null;
  const draftIsPending = !!pending && !!doc.draft && doc.draft.contentHash === pending.contentHash;
  const draftIsPublished = !!doc.currentVersion && !!doc.draft && !doc.draft.changedSinceCurrentVersion;
  const noFile = doc.format === 'FILE' && !!doc.draft && !doc.draft.file;
  const submitBlocked = noFile
    ? 'Upload the file first: the approvers sign the file itself.'
    : draftIsPending
    ? `This text is already ${pending.status === 'APPROVED' ? 'approved' : 'awaiting approval'} as version ${pending.number}. Change the draft to submit a new version.`
    : draftIsPublished
      ? `The draft is the same as the published version ${doc.currentVersion?.number}. Change it first.`
      : null;

  return (
    <Stack gap="sm" mb="lg">
      <Anchor component={Link} to={`/o/${organization.id}/documents`} size="sm" c="dimmed" w="fit-content">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          Documents
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: '1 1 420px' }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="outline" color="gray" c="gray.8">
              {DOCUMENT_KIND_LABELS[doc.kind]}
            </Badge>
            <DocumentStatusBadge status={doc.status} />
            <Badge variant="light" color={CLASSIFICATION_COLORS[doc.classification]} c={`${CLASSIFICATION_COLORS[doc.classification]}.9`} title="Classification">
              {CLASSIFICATION_LABELS[doc.classification]}
            </Badge>
            {doc.format === 'FILE' ? (
              <Badge variant="default" tt="none" fw={500}>
                {DOCUMENT_FORMAT_LABELS.FILE}
              </Badge>
            ) : null}
          </Group>
          <Title order={1} fz={28} style={{ overflowWrap: 'anywhere' }}>
            {doc.title}
          </Title>
        </Stack>
        <Stack gap="sm" align="flex-end">
          <PresenceAvatars people={others} />
          <Group gap="sm" justify="flex-end">
            {decide ? (
              <Button color="orange" component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(decide.id)}`} leftSection={<IconSignature size={18} aria-hidden />}>
                Review version {pending?.number}
              </Button>
            ) : null}
            {doc.viewerCanEdit && doc.currentVersion ? (
              <Tooltip label="Confirm the published version is still right: the next review is scheduled from today." multiline w={260}>
                <Button variant="default" leftSection={<IconCalendarCheck size={18} aria-hidden />} loading={reviewing} onClick={onMarkReviewed}>
                  Mark reviewed
                </Button>
              </Tooltip>
            ) : null}
            {doc.viewerCanEdit ? (
              <Tooltip label={submitBlocked ?? 'Freeze the draft as a new version and ask for approval.'} multiline w={280}>
                <Button
                  variant={canPublish || decide ? 'default' : 'filled'}
                  leftSection={<IconSend size={18} aria-hidden />}
                  data-disabled={submitBlocked ? true : undefined}
                  aria-disabled={submitBlocked ? true : undefined}
                  onClick={(event) => (submitBlocked ? event.preventDefault() : onSubmit())}
                >
                  Submit for approval
                </Button>
              </Tooltip>
            ) : null}
            {canPublish && pending ? (
              <Button color="teal" leftSection={<IconRocket size={18} aria-hidden />} loading={publishing} onClick={onPublish}>
                Publish version {pending.number}
              </Button>
            ) : null}
            {showAcknowledge && doc.viewerMustAcknowledge && doc.currentVersion ? (
              <Button color="teal" leftSection={<IconChecks size={18} aria-hidden />} loading={acknowledging} onClick={onAcknowledge}>
                Acknowledge
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Group>
      <Group gap="xl" wrap="wrap" align="flex-start" pt={4}>
        <Meta label="Version">
          <VersionLine doc={doc} />
        </Meta>
        <Meta label="Owner">
          <PersonLabel person={doc.owner} none="No owner" />
        </Meta>
        <Meta label="Next review">
          <NextReview doc={doc} />
        </Meta>
        {doc.draft?.updatedAt ? (
          <Meta label="Draft saved">
            <Tooltip label={dayjs(doc.draft.updatedAt).format('D MMM YYYY, HH:mm')}>
              <Text size="sm" tabIndex={0}>
                {dayjs(doc.draft.updatedAt).fromNow()}
                {doc.draft.updatedBy ? ` by ${doc.draft.updatedBy.name}` : ''}
              </Text>
            </Tooltip>
          </Meta>
        ) : null}
      </Group>
    </Stack>
  );
}
