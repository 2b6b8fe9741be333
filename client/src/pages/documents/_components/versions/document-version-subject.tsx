import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Blockquote, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink, IconFile } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { ErrorState, SkeletonRows } from '../../../../components/query-states';
import { RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { DOCUMENT_KIND_LABELS } from '../../document-words';
import { DOCUMENT_VERSION_SUBJECT_QUERY, formatBytes, isDocumentVersionSubject, type DocumentVersionSubjectNode } from '../../version-operations';
import { VersionStatusBadge } from '../status-badges';
import { CompareResult } from './compare-result';
import { HashText } from './hash-text';
import { VersionContent } from './version-content';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 of the HTML received, computed in the browser (null while computing or without Web Crypto). */
function useBrowserHash(text: string | null): string | null {
  const [hash, setHash] = useState<{ text: string; value: string } | null>(null);
  useEffect(() => {
    if (text === null || typeof crypto === 'undefined' || !crypto.subtle) return;
    let cancelled = false;
    void sha256Hex(text)
      .then((value) => {
        if (!cancelled) setHash({ text, value });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [text]);
  return hash && hash.text === text ? hash.value : null;
}

/** The version this one is compared with: the last published one before it (in force now, or superseded since). */
function baseVersion(version: DocumentVersionSubjectNode) {
  const versions = version.document.versions;
  const index = versions.findIndex((v) => v.id === version.id);
  const older = index >= 0 ? versions.slice(index + 1) : versions.filter((v) => v.createdAt < version.createdAt);
  return older.find((v) => v.status === 'PUBLISHED' || v.status === 'SUPERSEDED') ?? null;
}

/**
 * What an approver of a document version signs, for the approvals panel: the document, the
 * version, its change summary and hash, its content, and its changes from the published version.
 * Usage: `<DocumentVersionSubject versionId={id} />`.
 */
export function DocumentVersionSubject({ versionId }: { versionId: string }) {
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(DOCUMENT_VERSION_SUBJECT_QUERY, { variables: { id: versionId }, fetchPolicy: 'cache-and-network' });
  // Decisions and publication change the version's status.
  useLiveTopic('documents', () => void refetch());
  useLiveTopic('approvals', () => void refetch());
  const version = isDocumentVersionSubject(data?.node) ? data.node : null;
  const browserHash = useBrowserHash(version && !version.file ? version.content : null);
  const [view, setView] = useState<'changes' | 'content'>('changes');

  if (error && !data) return <ErrorState error={error} title="The version could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={5} />;
  if (!version) {
    return (
      <Text size="sm" c="dimmed">
        This version is not visible to you.
      </Text>
    );
  }
  const doc = version.document;
  const base = baseVersion(version);
  const baseInForce = !!base && base.id === doc.currentVersion?.id;
  const documentHref = `/o/${organization.id}/documents/${encodeURIComponent(doc.id)}?tab=history&version=${encodeURIComponent(version.id)}`;
  const shown = base ? view : 'content';

  return (
    <Stack gap="sm" data-testid="document-version-subject">
      <Paper withBorder p="sm" bg="gray.0">
        <Stack gap={6}>
          <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
            <Stack gap={2}>
              <Group gap={8}>
                <Text fw={650}>{doc.title}</Text>
                <Badge variant="outline" color="gray" size="sm">
                  {DOCUMENT_KIND_LABELS[doc.kind]}
                </Badge>
              </Group>
              <Group gap={8}>
                <Text size="sm" fw={600}>
                  Version {version.number}
                  {version.minor === 0 ? ' (major: readers acknowledge it again)' : ''}
                </Text>
                <VersionStatusBadge status={version.status} size="sm" />
              </Group>
              <Text size="xs" c="dimmed">
                Submitted by {version.author?.name ?? 'someone no longer here'}, <RelativeTime value={version.createdAt} size="xs" c="dimmed" />
              </Text>
            </Stack>
            <HashText hash={version.contentHash} />
          </Group>
          <Blockquote color="indigo" p={6} pl="sm" fz="sm" styles={{ root: { whiteSpace: 'pre-wrap' } }}>
            {version.changeSummary || 'No change summary.'}
          </Blockquote>
          {browserHash && browserHash === version.contentHash ? (
            <Group gap={6} wrap="nowrap">
              <IconCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
              <Text size="xs" c="teal.9">
                Your browser computed the same SHA-256 hash from the content shown below.
              </Text>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      {version.file ? (
        <Group gap={6} wrap="nowrap">
          <IconFile size={16} aria-hidden />
          <Anchor href={version.file.url} download={version.file.filename} size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
            {version.file.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatBytes(version.file.size)} · download and read it before deciding
          </Text>
        </Group>
      ) : null}

      {base && !version.file ? (
        <SegmentedControl
          aria-label="What to show"
          value={shown}
          onChange={(value) => setView(value === 'content' ? 'content' : 'changes')}
          data={[
            { value: 'changes', label: `Changes from ${base.number}${baseInForce ? ' (in force)' : ''}` },
            { value: 'content', label: 'Full text' },
          ]}
          fullWidth
        />
      ) : base ? null : (
        <Text size="sm">First version: nothing was published before, so the whole {version.file ? 'file above' : 'text below'} is what is approved.</Text>
      )}

      {base && (shown === 'changes' || version.file) ? (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Changes from version {base.number}
            {baseInForce ? ', the version in force,' : ', the last published version,'} to version {version.number}
          </Text>
          <CompareResult
            documentId={doc.id}
            fromVersionId={base.id}
            toVersionId={version.id}
            from={{ label: `version ${base.number}`, hash: base.contentHash, file: base.file }}
            to={{ label: `version ${version.number}`, hash: version.contentHash, file: version.file }}
            maxHeight={460}
          />
        </Stack>
      ) : version.file ? null : (
        <VersionContent html={version.content} maxHeight={460} label={`The text of version ${version.number}`} />
      )}

      <Anchor component={Link} to={documentHref} size="sm">
        <Group gap={4}>
          Open the document <IconExternalLink size={14} aria-hidden />
        </Group>
      </Anchor>
    </Stack>
  );
}
