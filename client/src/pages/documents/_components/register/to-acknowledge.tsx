import { Alert, Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconBook2, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { DocumentToAcknowledge } from '../../documents-operations';
import { DOCUMENT_KIND_LABELS } from '../../document-words';

export function toAcknowledgeHeadline(count: number): string {
  return `${count} ${count === 1 ? 'document' : 'documents'} to read and acknowledge`;
}

const CALLOUT_SHOWN = 8;

/** For everyone: a clear note at the top of the register when documents wait for the viewer's acknowledgement. */
export function ToAcknowledgeCallout({ documents }: { documents: DocumentToAcknowledge[] }) {
  const { organization } = useCurrentOrganization();
  if (documents.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconBook2 size={20} aria-hidden />} title={toAcknowledgeHeadline(documents.length)} styles={{ title: { color: 'var(--mantine-color-orange-9)' } }} mb="lg" role="region" aria-label="Documents to acknowledge">
      <Stack gap={6}>
        <Text size="sm">Read them and confirm you have: your organisation records who has, as the standard asks (clause 7.3, awareness).</Text>
        <Group gap="md" wrap="wrap" style={{ rowGap: 4 }}>
          {documents.slice(0, CALLOUT_SHOWN).map((doc) => (
            <Anchor key={doc.id} component={Link} to={`/o/${organization.id}/documents/${doc.id}`} size="sm" fw={600}>
              {doc.title}
              {doc.currentVersion ? (
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  · version {doc.currentVersion.number}
                </Text>
              ) : null}
            </Anchor>
          ))}
          {documents.length > CALLOUT_SHOWN ? (
            <Text size="sm" c="dimmed">
              and {documents.length - CALLOUT_SHOWN} more (see My work)
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}

/** For employees, the heart of the page: what to read now, one line each, with the way to do it. */
export function ToAcknowledgeList({ documents, loading }: { documents: DocumentToAcknowledge[]; loading: boolean }) {
  const { organization } = useCurrentOrganization();
  if (loading) return null;
  if (documents.length === 0) {
    return (
      <Card mb="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="xl" variant="light" color="teal" aria-hidden>
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} fz={17}>
              You are up to date
            </Title>
            <Text size="sm" c="dimmed">
              You have read and acknowledged every policy addressed to you. When a new one is published, or an important change asks everyone to read one again, it appears here and in My work.
            </Text>
          </Stack>
        </Group>
      </Card>
    );
  }
  return (
    <Card mb="lg" p={0} style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }} component="section" aria-label="To read and acknowledge">
      <Stack gap={2} px="md" pt="md" pb="sm">
        <Title order={2} fz={18}>
          {toAcknowledgeHeadline(documents.length)}
        </Title>
        <Text size="sm" c="dimmed">
          These policies apply to you. Open each one, read it, and confirm you have: it takes a few minutes, and your organisation needs the record for its ISO 27001 certification.
        </Text>
      </Stack>
      {documents.map((doc) => (
        <Group key={doc.id} justify="space-between" wrap="nowrap" gap="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Stack gap={0} miw={0}>
            <Anchor component={Link} to={`/o/${organization.id}/documents/${doc.id}`} fw={600} size="sm" lineClamp={1}>
              {doc.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {DOCUMENT_KIND_LABELS[doc.kind]}
              {doc.currentVersion ? ` · version ${doc.currentVersion.number}` : ''}
              {doc.currentVersion?.publishedAt ? ' · published ' : ''}
              {doc.currentVersion?.publishedAt ? <RelativeTime value={doc.currentVersion.publishedAt} size="xs" c="dimmed" display="inline" /> : null}
            </Text>
          </Stack>
          <Button component={Link} to={`/o/${organization.id}/documents/${doc.id}`} size="xs" variant="light" color="orange" c="orange.9" rightSection={<IconArrowRight size={14} aria-hidden />} aria-label={`Read and acknowledge ${doc.title}`} style={{ flexShrink: 0 }}>
            Read and acknowledge
          </Button>
        </Group>
      ))}
    </Card>
  );
}
