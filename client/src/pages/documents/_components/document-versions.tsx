import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Center, Grid, Group, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconGitCompare, IconHistory, IconPencil } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { VERSION_STATUS_LABELS } from '../document-words';
import { DOCUMENT_VERSIONS_QUERY, isDocumentVersionsNode, previousVersion, type DocumentVersionRow, type DocumentVersionsNode } from '../version-operations';
import type { DiffSide } from './document-diff';
import { CompareResult } from './versions/compare-result';
import { VersionItem } from './versions/version-item';

const EMPTY = 'empty';
const DRAFT = 'draft';

/** The URL parameters of the history: `version` (the one shown, e.g. from a link) or an explicit pair. */
const VERSION_PARAM = 'version';
const FROM_PARAM = 'compareFrom';
const TO_PARAM = 'compareTo';

interface Comparison {
  from: string; // a version id or EMPTY
  to: string; // a version id or DRAFT
}

function sideLabel(doc: DocumentVersionsNode, value: string): string {
  if (value === EMPTY) return 'an empty document';
  if (value === DRAFT) return 'the current draft';
  const version = doc.versions.find((v) => v.id === value);
  return version ? `version ${version.number}` : 'a version';
}

function diffSide(doc: DocumentVersionsNode, value: string): DiffSide {
  if (value === DRAFT) return { label: 'the current draft', hash: doc.draft?.contentHash ?? null, file: doc.draft?.file ?? null };
  if (value === EMPTY) return { label: 'an empty document', hash: null, file: null };
  const version = doc.versions.find((v) => v.id === value);
  return { label: version ? `version ${version.number}` : 'a version', hash: version?.contentHash ?? null, file: version?.file ?? null };
}

/** Which comparison the URL asks for, falling back to "the newest version against the one before". */
function resolveComparison(doc: DocumentVersionsNode, params: URLSearchParams): Comparison | null {
  const isVersion = (id: string | null): id is string => !!id && doc.versions.some((v) => v.id === id);
  const fromParam = params.get(FROM_PARAM);
  const toParam = params.get(TO_PARAM);
  const versionParam = params.get(VERSION_PARAM);
  let to: string | null = null;
  if (toParam === DRAFT && doc.draft) to = DRAFT;
  else if (isVersion(toParam)) to = toParam;
  else if (isVersion(versionParam)) to = versionParam;
  else to = doc.versions[0]?.id ?? (doc.draft ? DRAFT : null);
  if (!to) return null;
  let from: string;
  if (fromParam === EMPTY || isVersion(fromParam)) from = fromParam;
  else if (to === DRAFT) from = doc.versions[0]?.id ?? EMPTY;
  else from = previousVersion(doc.versions, to)?.id ?? EMPTY;
  return { from, to };
}

/**
 * The history of a document: every version, newest first, with its status, author, hash and
 * approval; and a comparison of any two of them (or of a version and the draft).
 * Usage: `<DocumentVersions documentId={id} />` (the document page's History tab).
 */
export function DocumentVersions({ documentId }: { documentId: string }) {
  const { data, error, refetch } = useQuery(DOCUMENT_VERSIONS_QUERY, { variables: { id: documentId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;

  if (error && !data) return <ErrorState error={error} title="The history could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={5} height={72} />;
  if (!isDocumentVersionsNode(node)) {
    return (
      <Alert color="gray" variant="light" title="Not found">
        This document does not exist, or you may not see it.
      </Alert>
    );
  }
  return <VersionHistory doc={node} />;
}

function VersionHistory({ doc }: { doc: DocumentVersionsNode }) {
  const { can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const compareRef = useRef<HTMLDivElement>(null);
  const comparison = useMemo(() => resolveComparison(doc, params), [doc, params]);
  const current = doc.versions.find((v) => v.id === doc.currentVersion?.id) ?? null;
  const latest = doc.versions[0] ?? null;
  const requestedVersion = params.get(VERSION_PARAM);
  const requestedMissing = !!requestedVersion && !doc.versions.some((v) => v.id === requestedVersion);
  const draftAhead = !!doc.draft && (!latest || doc.draft.contentHash !== latest.contentHash);

  // Arriving from a link to a version: bring it into view once.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !requestedVersion) return;
    scrolled.current = true;
    document.getElementById(`version-${requestedVersion}`)?.scrollIntoView({ block: 'center' });
  }, [requestedVersion]);

  const update = (change: (next: URLSearchParams) => void) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  };
  const showVersion = (version: DocumentVersionRow) => {
    update((next) => {
      next.set(VERSION_PARAM, version.id);
      next.delete(FROM_PARAM);
      next.delete(TO_PARAM);
    });
    compareRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const choose = (pair: Comparison) => {
    update((next) => {
      next.set(FROM_PARAM, pair.from);
      next.set(TO_PARAM, pair.to);
      if (pair.to !== DRAFT) next.set(VERSION_PARAM, pair.to);
      else next.delete(VERSION_PARAM);
    });
  };

  if (doc.versions.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Center>
          <Stack align="center" gap={6} ta="center" maw={560}>
            <IconHistory size={36} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text fw={600}>No version yet</Text>
            <Text size="sm" c="dimmed">
              {doc.draft
                ? 'When the draft is submitted for approval, Annex freezes it as a numbered version with a SHA-256 hash of its content. Each version’s approval, publication and changes from the one before are shown here: the evidence of control an auditor asks for (clause 7.5.3).'
                : 'Nothing is published yet. Published versions, with who approved them and what changed, appear here.'}
            </Text>
          </Stack>
        </Center>
      </Paper>
    );
  }

  const versionOptions = doc.versions.map((v) => ({ value: v.id, label: `Version ${v.number} · ${VERSION_STATUS_LABELS[v.status]}` }));
  const fromOptions = [{ value: EMPTY, label: 'An empty document' }, ...versionOptions];
  const toOptions = [...(doc.draft ? [{ value: DRAFT, label: `The current draft (revision ${doc.draft.version})` }] : []), ...versionOptions];

  return (
    <Grid type="container" breakpoints={{ xs: '500px', sm: '700px', md: '960px', lg: '1200px', xl: '1400px' }} gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm" component="section" aria-label="Versions">
          <Group justify="space-between">
            <Title order={2} fz={18}>
              Versions
            </Title>
            <Text size="sm" c="dimmed">
              {doc.versions.length} version{doc.versions.length === 1 ? '' : 's'}, newest first
            </Text>
          </Group>
          {requestedMissing ? (
            <Alert color="gray" variant="light" title="That version is not shown">
              The version in the link is not visible to you: auditors and employees see published versions only.
            </Alert>
          ) : null}
          {draftAhead && doc.draft ? (
            <Paper withBorder p="sm" style={{ borderStyle: 'dashed' }}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={2}>
                  <Group gap={6}>
                    <IconPencil size={16} aria-hidden />
                    <Text size="sm" fw={600}>
                      Draft with changes not yet submitted
                    </Text>
                  </Group>
                  {doc.draft.updatedAt ? (
                    <Text size="xs" c="dimmed">
                      Last edited <RelativeTime value={doc.draft.updatedAt} size="xs" c="dimmed" />
                      {doc.draft.updatedBy ? ` by ${doc.draft.updatedBy.name}` : ''}
                    </Text>
                  ) : null}
                </Stack>
                {latest ? (
                  <Button
                    size="xs"
                    variant={comparison?.to === DRAFT ? 'filled' : 'light'}
                    color="indigo"
                    leftSection={<IconGitCompare size={14} aria-hidden />}
                    aria-pressed={comparison?.to === DRAFT}
                    onClick={() => {
                      choose({ from: latest.id, to: DRAFT });
                      compareRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                    }}
                  >
                    Draft changes from {latest.number}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          ) : null}
          {doc.versions.map((version) => (
            <VersionItem
              key={version.id}
              version={version}
              previous={previousVersion(doc.versions, version.id)}
              current={current}
              selected={comparison?.to === version.id}
              canPublish={can('document:publish')}
              onShowChanges={() => showVersion(version)}
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack
          gap="sm"
          component="section"
          aria-label="Compare versions"
          ref={compareRef}
          // Beside a long history, the comparison stays in view; its text scrolls inside.
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 16px)', scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + 16px)' }}
        >
          <Title order={2} fz={18}>
            Compare
          </Title>
          {comparison ? (
            <Paper withBorder p="md">
              <Stack gap="md">
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <Select
                    label="Compare from"
                    data={fromOptions}
                    value={comparison.from}
                    onChange={(value) => value && choose({ from: value, to: comparison.to })}
                    allowDeselect={false}
                    style={{ flex: 1 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Tooltip label="Swap the two sides">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mb={1}
                      aria-label="Swap the two sides"
                      disabled={comparison.from === EMPTY || comparison.to === DRAFT}
                      onClick={() => choose({ from: comparison.to, to: comparison.from })}
                    >
                      <IconArrowsExchange size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Select
                    label="Compare to"
                    data={toOptions}
                    value={comparison.to}
                    onChange={(value) => value && choose({ from: comparison.from, to: value })}
                    allowDeselect={false}
                    style={{ flex: 1 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Group>
                <Text fw={650} size="md">
                  {comparison.from === EMPTY
                    ? `The whole text of ${sideLabel(doc, comparison.to)}`
                    : comparison.from === comparison.to
                      ? `${capitalize(sideLabel(doc, comparison.to))} compared with itself`
                      : `Changes from ${sideLabel(doc, comparison.from)} to ${sideLabel(doc, comparison.to)}`}
                </Text>
                <CompareResult
                  documentId={doc.id}
                  fromVersionId={comparison.from === EMPTY ? null : comparison.from}
                  toVersionId={comparison.to === DRAFT ? null : comparison.to}
                  from={diffSide(doc, comparison.from)}
                  to={diffSide(doc, comparison.to)}
                  maxHeight="max(280px, calc(100vh - var(--app-shell-header-height, 60px) - 300px))"
                />
              </Stack>
            </Paper>
          ) : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
