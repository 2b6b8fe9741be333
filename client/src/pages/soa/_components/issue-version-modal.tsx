import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconFilter, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useIssueSoaVersion } from '../soa-operations';

interface IssueVersionModalProps {
  opened: boolean;
  onClose(): void;
  /** The number the new version will get. */
  nextNumber: number;
  counts: { applicable: number; excluded: number; incomplete: number };
  /** Changes since the latest issued version; null before the first. */
  changesSinceLatest: number | null;
  latestNumber: number | null;
  onShowIncomplete(): void;
  onIssued?(number: number): void;
}

/** Snapshots the SoA as its next version, refused while any control is undecided or unjustified. */
export function IssueVersionModal({ opened, onClose, nextNumber, counts, changesSinceLatest, latestNumber, onShowIncomplete, onIssued }: IssueVersionModalProps) {
  const { organization } = useCurrentOrganization();
  const [issue, { loading }] = useIssueSoaVersion();
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; incomplete: boolean; field: string | null } | null>(null);

  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);

  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    setError(null);
    try {
      const { data } = await issue({ variables: { input: { organizationId: organization.id, note: note.trim() || undefined } } });
      const version = data?.issueSoaVersion.soaVersion;
      if (!version) return;
      notifications.show({ color: 'teal', title: `Version ${version.number} issued`, message: 'Request management’s approval of it next.' });
      close();
      onIssued?.(version.number);
    } catch (e) {
      const { message, reason, field } = readApiError(e);
      setError({ message, incomplete: reason === 'INCOMPLETE', field });
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Issue version {nextNumber}</Text>} size="lg">
      <Stack gap="md">
        <Text size="sm">
          Issuing freezes the SoA as version {nextNumber}: an immutable, hashed snapshot of all 93 controls ({counts.applicable} applicable, {counts.excluded} excluded) that management then
          approves and your auditor reads. Editing continues in the draft.
        </Text>
        {counts.incomplete > 0 && !error ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={`${counts.incomplete} ${counts.incomplete === 1 ? 'control is' : 'controls are'} not ready`}>
            <Stack gap="xs">
              <Text size="sm">Every control must be decided (applicable or not) and justified before the SoA can be issued.</Text>
              <Group>
                <Button size="xs" variant="white" color="orange" leftSection={<IconFilter size={14} aria-hidden />} onClick={onShowIncomplete}>
                  Show the incomplete controls
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {changesSinceLatest === 0 && latestNumber !== null ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            <Text size="sm">The draft is identical to version {latestNumber}: a new version would have the same content.</Text>
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={error.incomplete ? 'Not issued: the SoA is incomplete' : 'Not issued'} role="alert">
            <Stack gap="xs">
              <Text size="sm">{error.message}</Text>
              {error.incomplete ? (
                <Group>
                  <Button size="xs" variant="white" color="red" leftSection={<IconFilter size={14} aria-hidden />} onClick={onShowIncomplete}>
                    Show the incomplete controls
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Textarea
          label="Note"
          description="What changed and why: approvers and auditors read it with the version."
          placeholder={latestNumber ? 'e.g. A.8.30 now applies: the mobile app is built by a supplier' : 'e.g. First complete SoA after the gap analysis'}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={error?.field === 'note' ? error.message : null}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={loading}>
            Issue version
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
