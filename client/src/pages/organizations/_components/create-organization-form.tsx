import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { VIEWER_QUERY } from '../../../session/viewer-query';

const CREATE_ORGANIZATION: TypedDocumentNode<
  { createOrganization: { organization: { id: string; name: string } } },
  { input: { name: string } }
> = gql`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
      }
    }
  }
`;

/** Creates an organisation; the viewer's memberships are refetched so the switcher lists it. */
export function useCreateOrganization() {
  return useMutation(CREATE_ORGANIZATION, { refetchQueries: [{ query: VIEWER_QUERY }], awaitRefetchQueries: true });
}

interface CreateOrganizationFormProps {
  onCreated(organization: { id: string; name: string }): void;
  onCancel?: () => void;
  submitLabel?: string;
}

export function CreateOrganizationForm({ onCreated, onCancel, submitLabel = 'Create organisation' }: CreateOrganizationFormProps) {
  const [createOrganization, { loading }] = useCreateOrganization();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'Enter the name of your organisation.') },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await createOrganization({ variables: { input: { name: values.name.trim() } } });
      if (data) onCreated(data.createOrganization.organization);
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label="Organisation name"
          description="The legal or trading name your certificate will carry. You can change it later."
          data-autofocus
          autoComplete="organization"
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={loading}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
