import { Anchor, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFile } from '@tabler/icons-react';
import type { EvidenceRow } from '../../evidence-operations';
import { formatBytes } from '../../evidence-operations';

/** Attached evidence: file name (download link), size and the start of its SHA-256. */
export function EvidenceFiles({ evidence, empty }: { evidence: EvidenceRow[]; empty?: string }) {
  if (evidence.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {evidence.map((item) => (
        <Group key={item.id} component="li" gap="xs" wrap="nowrap">
          <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
          {item.file ? (
            <>
              <Anchor href={item.file.url} size="sm" download={item.file.filename} style={{ wordBreak: 'break-all' }}>
                {item.file.filename}
                <IconDownload size={12} aria-hidden style={{ marginLeft: 4, verticalAlign: 'middle' }} />
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(item.file.size)}
              </Text>
              <Tooltip label={`SHA-256 ${item.file.sha256}`}>
                <Text size="xs" c="dimmed" ff="monospace" aria-label={`SHA-256 ${item.file.sha256}`}>
                  {item.file.sha256.slice(0, 12)}…
                </Text>
              </Tooltip>
            </>
          ) : (
            <Text size="sm">{item.title || 'Evidence (no file)'}</Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
