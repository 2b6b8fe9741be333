import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../../../organization/roles';
import { useInviteMember } from '../member-operations';
import { RoleOption } from './role-option';
import { assignableRoles } from './role-select-data';

interface InviteMemberModalProps {
  opened: boolean;
  onClose(): void;
}

interface InviteValues {
  email: string;
  role: Role;
}

export function InviteMemberModal({ opened, onClose }: InviteMemberModalProps) {
  const { organization } = useCurrentOrganization();
  const [inviteMember, { loading }] = useInviteMember(organization.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InviteValues>({
    initialValues: { email: '', role: 'EMPLOYEE' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address.'),
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await inviteMember({ variables: { input: { organizationId: organization.id, email: values.email.trim(), role: values.role } } });
      if (!data) return;
      const invitation = data.inviteMember.invitation;
      notifications.show({ color: 'teal', title: 'Invitation sent', message: `${invitation.email} is invited as ${ROLE_LABELS[invitation.role]}.` });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Invite member</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            We e-mail them a link to join {organization.name}. The link is valid for a limited time and can be withdrawn until it is used.
          </Text>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="E-mail" type="email" autoComplete="off" data-autofocus {...form.getInputProps('email')} />
          <Select
            label="Role"
            description={ROLE_DESCRIPTIONS[form.getValues().role]}
            data={assignableRoles(organization.viewerRole)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            renderOption={({ option, checked }) => <RoleOption value={option.value} label={option.label} checked={checked} />}
            {...form.getInputProps('role')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
