import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconFile, IconGitCompare } from '@tabler/icons-react';
import { RelativeTime } from '../../../../components/relative-time';
import { VERSION_STATUS_COLORS } from '../../document-words';
import { formatBytes, type DocumentVersionRow } from '../../version-operations';
import { VersionStatusBadge } from '../status-badges';
import { HashText } from './hash-text';
import { PublishVersionButton } from './publish-version-button';
import { VersionApproval } from './version-approval';

interface VersionItemProps {
  version: DocumentVersionRow;
  previous: DocumentVersionRow | null;
  current: DocumentVersionRow | null;
  selected: boolean;
  canPublish: boolean;
  onShowChanges(): void;
}

/** One version in the history: status, who wrote and published it, its hash, its approval. */
export function VersionItem({ version, previous, current, selected, canPublish, onShowChanges }: VersionItemProps) {
  const major = version.minor === 0;
  return (
    <Paper
      id={`version-${version.id}`}
      withBorder
      p="md"
      data-selected={selected || undefined}
      data-testid="document-version"
      style={{
        borderLeft: `4px solid var(--mantine-color-${VERSION_STATUS_COLORS[version.status]}-5)`,
        outline: selected ? '2px solid var(--mantine-color-indigo-5)' : undefined,
        outlineOffset: -1,
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4}>
            <Group gap={8} wrap="wrap">
              <Title order={3} fz={16}>
                Version {version.number}
              </Title>
              <VersionStatusBadge status={version.status} />
              {major ? (
                <Tooltip label="A whole-number version: its readers are asked to acknowledge it again when it is published.">
                  <Badge variant="outline" color="gray" size="sm">
                    Major
                  </Badge>
                </Tooltip>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              Submitted by {version.author?.name ?? 'someone no longer here'}, <RelativeTime value={version.createdAt} size="xs" c="dimmed" />
              {version.publishedAt ? (
                <>
                  {' · '}published <RelativeTime value={version.publishedAt} size="xs" c="dimmed" />
                  {version.publishedBy ? ` by ${version.publishedBy.name}` : ''}
                </>
              ) : null}
              {version.supersededAt ? (
                <>
                  {' · '}superseded <RelativeTime value={version.supersededAt} size="xs" c="dimmed" />
                </>
              ) : null}
            </Text>
          </Stack>
          <HashText hash={version.contentHash} />
        </Group>

        <Text size="sm" c={version.changeSummary ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {version.changeSummary || 'No change summary.'}
        </Text>

        {version.file ? (
          <Group gap={6} wrap="nowrap">
            <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Anchor href={version.file.url} download={version.file.filename} size="sm" style={{ wordBreak: 'break-all' }}>
              {version.file.filename}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatBytes(version.file.size)}
            </Text>
            <IconDownload size={14} aria-hidden style={{ flexShrink: 0 }} />
          </Group>
        ) : null}

        <VersionApproval request={version.approvalRequest} versionNumber={version.number} />

        <Group gap="xs">
          <Button
            size="xs"
            variant={selected ? 'filled' : 'light'}
            color="indigo"
            leftSection={<IconGitCompare size={14} aria-hidden />}
            onClick={onShowChanges}
            aria-pressed={selected}
            aria-label={previous ? `Changes in version ${version.number} from ${previous.number}` : `${version.file ? 'File' : 'Text'} of version ${version.number} (the first version)`}
          >
            {previous ? `Changes from ${previous.number}` : version.file ? 'First version: show its file' : 'First version: show its text'}
          </Button>
          {canPublish && version.status === 'APPROVED' ? <PublishVersionButton version={version} current={current && current.id !== version.id ? current : null} /> : null}
        </Group>
      </Stack>
    </Paper>
  );
}
