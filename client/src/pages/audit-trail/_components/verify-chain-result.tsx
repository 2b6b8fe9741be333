import { Alert, CloseButton, Group, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { formatDateTime } from '../../../components/relative-time';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  /** The broken row's position, when it is among the rows on screen. */
  firstBrokenSeq: number | null;
  at: Date;
}

export function VerifyChainResult({ result, onClose }: { result: ChainVerification; onClose(): void }) {
  const when = `Checked ${formatDateTime(result.at)}.`;
  if (result.ok) {
    return (
      <Alert color="green" variant="light" icon={<IconShieldCheck size={20} />} role="status">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600} size="sm" c="green.9">
              Chain intact: {result.checked} rows checked
            </Text>
            <Text size="sm">Every row still carries the hash of the one before it: nothing was changed or removed. {when}</Text>
          </div>
          <CloseButton aria-label="Dismiss the verification result" onClick={onClose} />
        </Group>
      </Alert>
    );
  }
  const row = result.firstBrokenSeq !== null ? `row #${result.firstBrokenSeq}` : 'a row';
  return (
    <Alert color="red" variant="light" icon={<IconShieldX size={20} />} role="alert">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} size="sm" c="red.9">
            Chain broken at {row}
            {result.firstBrokenId ? ` (${result.firstBrokenId})` : ''}
          </Text>
          <Text size="sm">
            Its hash or its link to the previous row does not match after checking {result.checked} rows: the trail was altered from this row
            on. Keep this page as evidence and tell your ISMS manager. {when}
          </Text>
        </div>
        <CloseButton aria-label="Dismiss the verification result" onClick={onClose} />
      </Group>
    </Alert>
  );
}
