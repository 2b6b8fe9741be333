import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useRemoveMember, type MemberRow } from '../member-operations';

interface RemoveMemberModalProps {
  member: MemberRow | null;
  onClose(): void;
}

export function RemoveMemberModal({ member, onClose }: RemoveMemberModalProps) {
  const { organization } = useCurrentOrganization();
  const [removeMember, { loading }] = useRemoveMember(organization.id);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (!member) return;
    setError(null);
    try {
      await removeMember({ variables: { input: { organizationId: organization.id, userId: member.user.id } } });
      notifications.show({ color: 'teal', message: `${member.user.name} no longer has access to ${organization.name}.` });
      close();
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  return (
    <Modal opened={member !== null} onClose={close} title={<Text fw={600}>Remove member</Text>}>
      {member ? (
        <Stack gap="md">
          <Text size="sm">
            Remove <b>{member.user.name}</b> ({member.user.email}) from {organization.name}? They lose access at once, and their API tokens
            for this organisation stop working. What they did stays in the audit trail.
          </Text>
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={loading} onClick={() => void confirm()} data-autofocus>
              Remove member
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
