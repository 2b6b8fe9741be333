import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { shortHash } from '../../version-operations';

/** A SHA-256 hash, shortened, with the whole one on hover and a button to copy it. */
export function HashText({ hash, label = 'SHA-256' }: { hash: string; label?: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={`${label} ${hash}`} multiline w={320} style={{ wordBreak: 'break-all' }}>
        <Text size="xs" ff="monospace" c="dimmed" tabIndex={0} aria-label={`${label} ${hash}`} data-hash={hash}>
          {shortHash(hash)}…
        </Text>
      </Tooltip>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the full hash'}>
            <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? 'Hash copied' : 'Copy the full hash'}>
              {copied ? <IconCheck size={12} aria-hidden /> : <IconCopy size={12} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
