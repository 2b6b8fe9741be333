import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, ThemeIcon, Title, Typography } from '@mantine/core';
import { IconChecks, IconCircleCheck, IconFileOff, IconInfoCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { DocumentDetail } from '../../document-operations';
import { StoredFileCard } from '../editor/file-draft';
import '../editor/document-editor.css';

interface ReadViewProps {
  doc: DocumentDetail;
  acknowledging: boolean;
  onAcknowledge(): void;
  /** Opens the draft (for those who may read it). */
  onOpenDraft?(): void;
}

function formatDay(value: string): string {
  return dayjs(value).format('D MMMM YYYY');
}

/** The published version in force, as everyone reads it, and the acknowledgement it asks for. */
export function ReadView({ doc, acknowledging, onAcknowledge, onOpenDraft }: ReadViewProps) {
  const version = doc.currentVersion;
  if (!version) {
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="xs" ta="center" py="lg">
          <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
            <IconFileOff size={26} />
          </ThemeIcon>
          <Title order={2} fz={18}>
            Nothing is published yet
          </Title>
          <Text size="sm" c="dimmed" maw={460}>
            A document is read here once a version is approved and published. {onOpenDraft ? 'The draft is being written in the editor.' : ''}
          </Text>
          {onOpenDraft ? (
            <Button variant="default" mt="xs" onClick={onOpenDraft}>
              Open the draft
            </Button>
          ) : null}
        </Stack>
      </Paper>
    );
  }

  const acknowledgedEarlierMinor = !!doc.viewerAcknowledgedAt && !!version.publishedAt && dayjs(doc.viewerAcknowledgedAt).isBefore(version.publishedAt);

  return (
    <Stack gap="md">
      {doc.draft?.changedSinceCurrentVersion && onOpenDraft ? (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          <Text size="sm">
            This is the published version {version.number}. The draft has changed since;{' '}
            <Anchor component="button" type="button" size="sm" onClick={onOpenDraft}>
              open the draft
            </Anchor>{' '}
            to see the work in progress.
          </Text>
        </Alert>
      ) : null}
      <Paper withBorder radius="md">
        <Group justify="space-between" wrap="wrap" gap="xs" px="lg" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="sm">
            <Text fw={650}>Version {version.number}</Text>
            {doc.viewerAcknowledgedAt && !doc.viewerMustAcknowledge ? (
              <Badge color="teal" variant="light" c="teal.9" leftSection={<IconCircleCheck size={12} aria-hidden />} title={`Acknowledged ${formatDay(doc.viewerAcknowledgedAt)}`}>
                Acknowledged
              </Badge>
            ) : null}
            {version.publishedAt ? (
              <Text size="sm" c="dimmed">
                Published {formatDay(version.publishedAt)}
                {version.publishedBy ? ` by ${version.publishedBy.name}` : ''}
              </Text>
            ) : null}
          </Group>
          {version.changeSummary ? (
            <Text size="sm" c="dimmed" lineClamp={1} maw={480} title={version.changeSummary}>
              {version.changeSummary}
            </Text>
          ) : null}
        </Group>
        {version.file ? (
          <Stack p="lg">
            <Text size="sm" c="dimmed">
              This document is kept as a file. Download it to read it.
            </Text>
            <StoredFileCard file={version.file} title={`Version ${version.number}`} />
          </Stack>
        ) : (
          <article className="annex-editor-page" aria-label={`${doc.title}, version ${version.number}`}>
            {/* The server renders the stored content through the document schema: only its nodes and marks survive. */}
            <Typography className="annex-document-read" dangerouslySetInnerHTML={{ __html: version.content }} />
          </article>
        )}
      </Paper>
      <AcknowledgementBox doc={doc} acknowledging={acknowledging} onAcknowledge={onAcknowledge} acknowledgedEarlierMinor={acknowledgedEarlierMinor} />
    </Stack>
  );
}

function AcknowledgementBox({ doc, acknowledging, onAcknowledge, acknowledgedEarlierMinor }: { doc: DocumentDetail; acknowledging: boolean; onAcknowledge(): void; acknowledgedEarlierMinor: boolean }) {
  const version = doc.currentVersion!;
  if (doc.viewerMustAcknowledge) {
    return (
      <Paper withBorder radius="md" p="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
        <Group justify="space-between" wrap="wrap" gap="md">
          <Stack gap={2} maw={620}>
            <Text fw={650}>Please confirm you have read this {doc.kind === 'POLICY' ? 'policy' : 'document'}</Text>
            <Text size="sm">By acknowledging version {version.number} you confirm you have read it and will follow it. Your confirmation is recorded with the date.</Text>
          </Stack>
          <Button color="teal" size="md" leftSection={<IconChecks size={18} aria-hidden />} loading={acknowledging} onClick={onAcknowledge}>
            Acknowledge
          </Button>
        </Group>
      </Paper>
    );
  }
  if (doc.viewerAcknowledgedAt) {
    return (
      <>
        <Divider />
        <Group gap="xs" role="status">
          <IconCircleCheck size={20} color="var(--mantine-color-teal-8)" aria-hidden />
          <Text size="sm" c="teal.9" fw={600}>
            {acknowledgedEarlierMinor
              ? `You acknowledged version ${version.major}.x on ${formatDay(doc.viewerAcknowledgedAt)}. Minor changes since then do not need a new acknowledgement.`
              : `You acknowledged version ${version.number} on ${formatDay(doc.viewerAcknowledgedAt)}.`}
          </Text>
        </Group>
      </>
    );
  }
  return null;
}
