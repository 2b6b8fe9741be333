import { Alert, Anchor, Badge, Box, Group, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconEqual, IconFile, IconFileDiff } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { formatBytes, type DiffKind, type DocumentDiffData, type StoredFileRef } from '../version-operations';
import { HashText } from './versions/hash-text';
import classes from './versions/document-diff.module.css';

/** One side of a comparison, for file versions (their names and hashes are what differs). */
export interface DiffSide {
  label: string;
  hash?: string | null;
  file?: StoredFileRef | null;
}

interface DocumentDiffProps {
  diff: DocumentDiffData;
  from?: DiffSide;
  to?: DiffSide;
  /** Fold long stretches of unchanged lines (default), keeping a few lines around each change. */
  collapseUnchanged?: boolean;
  /** Scroll the text inside this height (px); unbounded by default. */
  maxHeight?: number | string;
  /** Compared with an empty document: show the text as it reads, without marking every word as added. */
  plain?: boolean;
}

interface Segment {
  kind: DiffKind;
  text: string;
}

/** Cuts the diff into lines (the server's text has one block per line), keeping each run's kind. */
export function diffLines(parts: readonly Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const part of parts) {
    const chunks = part.text.split('\n');
    chunks.forEach((chunk, index) => {
      if (index > 0) lines.push([]);
      if (chunk) lines[lines.length - 1]!.push({ kind: part.kind, text: chunk });
    });
  }
  return lines;
}

const CONTEXT = 2;
const MIN_FOLD = 4;

type Row = { type: 'line'; index: number; segments: Segment[]; changed: boolean } | { type: 'gap'; start: number; lines: { index: number; segments: Segment[] }[] };

/** Lines to show: every changed line with a little context; long unchanged stretches folded. */
function foldRows(lines: Segment[][], collapse: boolean): Row[] {
  const changed = lines.map((segments) => segments.some((s) => s.kind !== 'SAME'));
  const near = lines.map((_, i) => {
    for (let d = -CONTEXT; d <= CONTEXT; d++) if (changed[i + d]) return true;
    return false;
  });
  const rows: Row[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!collapse || near[i]) {
      rows.push({ type: 'line', index: i, segments: lines[i]!, changed: changed[i]! });
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !near[j]) j++;
    if (j - i >= MIN_FOLD) {
      rows.push({ type: 'gap', start: i, lines: lines.slice(i, j).map((segments, k) => ({ index: i + k, segments })) });
    } else {
      for (let k = i; k < j; k++) rows.push({ type: 'line', index: k, segments: lines[k]!, changed: false });
    }
    i = j;
  }
  return rows;
}

function Line({ segments, changed, plain }: { segments: Segment[]; changed: boolean; plain?: boolean }) {
  return (
    <div className={classes.line} data-changed={(changed && !plain) || undefined}>
      {segments.map((segment, index) =>
        plain ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : segment.kind === 'ADDED' ? (
          <ins key={index} className={classes.added}>
            {segment.text}
          </ins>
        ) : segment.kind === 'REMOVED' ? (
          <del key={index} className={classes.removed}>
            {segment.text}
          </del>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "+12 words, −3 words" as chips with words, never colour alone. */
export function DiffSummary({ added, removed }: { added: number; removed: number }) {
  if (added === 0 && removed === 0) {
    return (
      <Badge color="gray" variant="light" leftSection={<IconEqual size={12} aria-hidden />}>
        No words changed
      </Badge>
    );
  }
  return (
    <Group gap={6} aria-label={`${plural(added, 'word')} added, ${plural(removed, 'word')} removed`}>
      {added > 0 ? (
        <Badge color="green" variant="light" aria-hidden>
          +{plural(added, 'word')}
        </Badge>
      ) : null}
      {removed > 0 ? (
        <Badge color="red" variant="light" aria-hidden>
          −{plural(removed, 'word')}
        </Badge>
      ) : null}
    </Group>
  );
}

function FileSide({ side, fallbackLabel }: { side: DiffSide | undefined; fallbackLabel: string }) {
  const file = side?.file ?? null;
  const hash = side?.hash ?? file?.sha256 ?? null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {side?.label ?? fallbackLabel}
        </Text>
        {file ? (
          <Group gap={6} wrap="nowrap">
            <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Anchor href={file.url} size="sm" fw={600} style={{ wordBreak: 'break-all' }} download={file.filename}>
              {file.filename}
            </Anchor>
            <IconDownload size={14} aria-hidden style={{ flexShrink: 0 }} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No file
          </Text>
        )}
        {file ? (
          <Text size="xs" c="dimmed">
            {formatBytes(file.size)}
          </Text>
        ) : null}
        {hash ? <HashText hash={hash} /> : null}
      </Stack>
    </Paper>
  );
}

/**
 * A readable comparison of two versions (from `Document.compare`): added words underlined in
 * green, removed ones struck through in red, the rest kept with its line breaks. For uploaded
 * files, whether the files differ, with their names and hashes.
 */
export function DocumentDiff({ diff, from, to, collapseUnchanged = true, maxHeight, plain = false }: DocumentDiffProps) {
  const lines = useMemo(() => diffLines(diff.parts), [diff.parts]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useMemo(() => foldRows(lines, collapseUnchanged && !plain), [lines, collapseUnchanged, plain]);
  const fromLabel = from?.label ?? diff.fromLabel;
  const toLabel = to?.label ?? diff.toLabel;

  if (diff.binary) {
    const fromHash = from?.hash ?? from?.file?.sha256 ?? null;
    const toHash = to?.hash ?? to?.file?.sha256 ?? null;
    const identical = fromHash && toHash ? fromHash === toHash : diff.parts.length > 0 && diff.parts.every((p) => p.kind === 'SAME');
    if (!fromHash && !from?.file) {
      return (
        <Stack gap="sm" data-testid="document-diff">
          <Alert color="blue" variant="light" icon={<IconFile size={18} aria-hidden />} title="The first file">
            There is nothing earlier to compare {toLabel} with: the whole file is new.
          </Alert>
          <FileSide side={to} fallbackLabel={toLabel} />
        </Stack>
      );
    }
    return (
      <Stack gap="sm" data-testid="document-diff">
        <Alert
          color={identical ? 'teal' : 'orange'}
          variant="light"
          icon={identical ? <IconCheck size={18} aria-hidden /> : <IconFileDiff size={18} aria-hidden />}
          title={identical ? 'The files are identical' : 'The files differ'}
        >
          {identical
            ? `${capitalize(fromLabel)} and ${toLabel} have the same content (same SHA-256 hash).`
            : `Uploaded files are compared by their SHA-256 hash only: open both to see what changed between ${fromLabel} and ${toLabel}.`}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <FileSide side={from} fallbackLabel={fromLabel} />
          <FileSide side={to} fallbackLabel={toLabel} />
        </SimpleGrid>
      </Stack>
    );
  }

  const unchanged = diff.added === 0 && diff.removed === 0 && diff.parts.every((p) => p.kind === 'SAME');
  const empty = lines.every((l) => l.length === 0);
  const text = (
    <Box className={classes.body} p="xs">
      {unchanged ? (
        <Text size="sm" c="dimmed" mb={4} style={{ whiteSpace: 'normal' }}>
          The text of {fromLabel} and {toLabel} is identical.
        </Text>
      ) : null}
      {rows.map((row) =>
        row.type === 'line' ? (
          <Line key={row.index} segments={row.segments} changed={row.changed} plain={plain} />
        ) : expanded.has(row.start) ? (
          row.lines.map((line) => <Line key={line.index} segments={line.segments} changed={false} />)
        ) : (
          <button key={`gap-${row.start}`} type="button" className={classes.gap} onClick={() => setExpanded((prev) => new Set(prev).add(row.start))}>
            ⋯ Show {plural(row.lines.length, 'unchanged line')}
          </button>
        ),
      )}
    </Box>
  );

  return (
    <Stack gap="sm" data-testid="document-diff">
      <Group justify="space-between" gap="xs" wrap="wrap">
        {plain ? (
          <Badge color="gray" variant="light">
            {plural(diff.added, 'word')}
          </Badge>
        ) : (
          <DiffSummary added={diff.added} removed={diff.removed} />
        )}
        {!unchanged && !plain ? (
          <Text size="xs" c="dimmed">
            <span className={classes.legendAdded}>Added</span> and <span className={classes.legendRemoved}>removed</span> words, from {fromLabel} to {toLabel}
          </Text>
        ) : null}
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          Both sides are empty.
        </Text>
      ) : (
        <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}>
          {maxHeight ? (
            <ScrollArea.Autosize mah={maxHeight} type="always" offsetScrollbars="present" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': `Changes from ${fromLabel} to ${toLabel}` }}>
              {text}
            </ScrollArea.Autosize>
          ) : (
            text
          )}
        </Box>
      )}
    </Stack>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
