import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useViewer } from '../../../session/require-viewer';
import { useUpdateProfile } from '../account-operations';

export function ProfileForm() {
  const viewer = useViewer();
  const [updateProfile, { loading }] = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: viewer.name },
    validate: { name: (v) => (v.trim() ? null : 'Enter your name.') },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await updateProfile({ variables: { input: { name: values.name.trim() } } });
      if (!data) return;
      form.setInitialValues({ name: data.updateProfile.viewer.name });
      form.setValues({ name: data.updateProfile.viewer.name });
      notifications.show({ color: 'teal', message: 'Your name is saved.' });
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz={18}>
            Profile
          </Title>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Name" description="How colleagues see you in Annex and in the audit trail." autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label="E-mail" value={viewer.email} readOnly variant="filled" description="You sign in with this address." />
          <Group>
            <Button type="submit" loading={loading} disabled={!form.isDirty()}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
