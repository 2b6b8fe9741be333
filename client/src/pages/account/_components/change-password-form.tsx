import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { PASSWORD_HINT, validateNewPassword } from '../../../session/password-rules';
import { useChangePassword } from '../account-operations';

export function ChangePasswordForm() {
  const [changePassword, { loading }] = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password.'),
      newPassword: validateNewPassword,
      confirmPassword: (v, values) => (v === values.newPassword ? null : 'The two new passwords are not the same.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await changePassword({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
      form.reset();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'You stay signed in here; every other session was signed out.',
      });
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} fz={18}>
              Password
            </Title>
            <Text size="sm" c="dimmed">
              {PASSWORD_HINT}
            </Text>
          </Stack>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            Changing your password signs you out of every other browser and device. This one stays signed in.
          </Alert>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
          <Group>
            <Button type="submit" loading={loading}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
