import { Anchor, Box, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconFileUpload, IconLock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useLiveHighlightClass } from '../../../../apollo/live-highlight';
import { daysUntil } from '../../../../components/due-date';
import { PersonLabel } from '../../../../components/person-avatar';
import { RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { DocumentRow } from '../../documents-operations';
import { CLASSIFICATION_LABELS, DOCUMENT_KIND_LABELS, VERSION_STATUS_LABELS } from '../../document-words';
import { DocumentStatusBadge } from '../status-badges';

interface DocumentsTableProps {
  documents: DocumentRow[];
  /** Show the status column (those who see drafts). */
  withStatus: boolean;
  /** Show how many have acknowledged (all but employees); otherwise the viewer's own acknowledgement. */
  withAcknowledgements: boolean;
  /** Employees: no owner or review columns. */
  simple?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function DocumentsTable({ documents, withStatus, withAcknowledgements, simple = false }: DocumentsTableProps) {
  return (
    <Table.ScrollContainer minWidth={simple ? 640 : 1040}>
      <Table verticalSpacing={10} highlightOnHover aria-label="Documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document</Table.Th>
            <Table.Th w={110}>Kind</Table.Th>
            {withStatus ? <Table.Th w={120}>Status</Table.Th> : null}
            <Table.Th w={simple ? 150 : 130}>{simple ? 'Published' : 'Version'}</Table.Th>
            {simple ? null : <Table.Th w={170}>Owner</Table.Th>}
            {simple ? null : <Table.Th w={150}>Next review</Table.Th>}
            <Table.Th w={withAcknowledgements ? 170 : 220}>{withAcknowledgements ? 'Acknowledged' : 'Your acknowledgement'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <DocumentTableRow key={document.id} document={document} withStatus={withStatus} withAcknowledgements={withAcknowledgements} simple={simple} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DocumentTableRow({ document, withStatus, withAcknowledgements, simple }: { document: DocumentRow; withStatus: boolean; withAcknowledgements: boolean; simple: boolean }) {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const flash = useLiveHighlightClass(document.id);
  const href = `/o/${organization.id}/documents/${document.id}`;
  return (
    <Table.Tr className={flash} data-document-id={document.id} onClick={() => void navigate(href)} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={href} fw={500} c="dark.8" size="sm" lineClamp={2} onClick={(event) => event.stopPropagation()}>
            {document.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            {document.format === 'FILE' ? (
              <Group gap={2} wrap="nowrap">
                <IconFileUpload size={12} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="xs" c="dimmed">
                  Uploaded file
                </Text>
              </Group>
            ) : null}
            {document.classification === 'CONFIDENTIAL' || document.classification === 'RESTRICTED' ? (
              <Group gap={2} wrap="nowrap">
                <IconLock size={12} aria-hidden color="var(--mantine-color-orange-8)" />
                <Text size="xs" c="orange.9">
                  {CLASSIFICATION_LABELS[document.classification]}
                </Text>
              </Group>
            ) : null}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{DOCUMENT_KIND_LABELS[document.kind]}</Text>
      </Table.Td>
      {withStatus ? (
        <Table.Td>
          <DocumentStatusBadge status={document.status} />
        </Table.Td>
      ) : null}
      <Table.Td>{simple ? <PublishedCell document={document} /> : <VersionCell document={document} />}</Table.Td>
      {simple ? null : (
        <Table.Td>
          <PersonLabel person={document.owner} none="No owner" />
        </Table.Td>
      )}
      {simple ? null : (
        <Table.Td>
          <ReviewCell document={document} />
        </Table.Td>
      )}
      <Table.Td>{withAcknowledgements ? <AcknowledgementCell document={document} /> : <ViewerAcknowledgementCell document={document} />}</Table.Td>
    </Table.Tr>
  );
}

function VersionCell({ document }: { document: DocumentRow }) {
  const current = document.currentVersion;
  const pending = document.pendingVersion;
  return (
    <Stack gap={0}>
      {current ? (
        <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {current.number}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not published
        </Text>
      )}
      {pending ? (
        <Text size="xs" c="dimmed">
          {pending.number} {VERSION_STATUS_LABELS[pending.status].toLowerCase()}
        </Text>
      ) : null}
    </Stack>
  );
}

function PublishedCell({ document }: { document: DocumentRow }) {
  const current = document.currentVersion;
  if (!current) return <Text size="sm" c="dimmed">Not published</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        Version {current.number}
      </Text>
      {current.publishedAt ? <RelativeTime value={current.publishedAt} size="xs" c="dimmed" /> : null}
    </Stack>
  );
}

/** The next review: overdue in red ("Review overdue"), soon in orange, the date on hover. */
export function ReviewCell({ document }: { document: Pick<DocumentRow, 'nextReviewOn' | 'reviewOverdue' | 'reviewDueSoon' | 'currentVersion'> }) {
  const value = document.nextReviewOn;
  if (!value) {
    return (
      <Text size="sm" c="dimmed">
        {document.currentVersion ? 'Not scheduled' : 'After publication'}
      </Text>
    );
  }
  const days = daysUntil(value);
  const date = dayjs(value).format('dddd D MMMM YYYY');
  if (document.reviewOverdue) {
    return (
      <Tooltip label={`Review was due ${date}`}>
        <Box component="time" dateTime={value} display="block">
          <Text size="sm" fw={600} c="red.8">
            Review overdue
          </Text>
          <Text size="xs" c="red.8">
            by {plural(Math.max(1, -days), 'day')}
          </Text>
        </Box>
      </Tooltip>
    );
  }
  const words = days === 0 ? 'Due today' : days === 1 ? 'Due tomorrow' : days <= 60 ? `In ${plural(days, 'day')}` : `In ${dayjs(value).fromNow(true)}`;
  return (
    <Tooltip label={`Review due ${date}`}>
      <Box component="time" dateTime={value} display="block">
        <Text size="sm" c={document.reviewDueSoon ? 'orange.9' : undefined} fw={document.reviewDueSoon ? 600 : undefined}>
          {words}
        </Text>
        <Text size="xs" c="dimmed">
          {dayjs(value).format('D MMM YYYY')}
        </Text>
      </Box>
    </Tooltip>
  );
}

function AcknowledgementCell({ document }: { document: DocumentRow }) {
  const ack = document.acknowledgement;
  if (!ack) {
    return (
      <Text size="sm" c="dimmed">
        {document.currentVersion ? '—' : 'After publication'}
      </Text>
    );
  }
  const percent = Math.round(ack.percent);
  const color = percent >= 100 ? 'teal' : percent >= 50 ? 'indigo' : 'orange';
  return (
    <Tooltip label={`${ack.acknowledged} of ${ack.required} people have acknowledged version ${ack.versionNumber}`}>
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {percent}%
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {ack.acknowledged} of {ack.required}
          </Text>
        </Group>
        <Progress value={percent} color={color} size="sm" aria-label={`${percent}% acknowledged`} w={120} />
      </Stack>
    </Tooltip>
  );
}

function ViewerAcknowledgementCell({ document }: { document: DocumentRow }) {
  if (document.viewerMustAcknowledge) {
    return (
      <Text size="sm" fw={600} c="orange.9">
        To read and acknowledge
      </Text>
    );
  }
  if (document.viewerAcknowledgedAt) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm" c="teal.9">
          Acknowledged
        </Text>
        <RelativeTime value={document.viewerAcknowledgedAt} size="xs" c="dimmed" />
      </Group>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Not required
    </Text>
  );
}
