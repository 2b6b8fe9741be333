import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../apollo/api-error';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { formatDate } from '../../components/relative-time';
import { useCurrentOrganization } from '../../organization/organization-context';

const SETTINGS_QUERY: TypedDocumentNode<{ organization: { id: string; name: string; createdAt: string } | null }, { id: string }> = gql`
  query OrganizationSettings($id: ID!) {
    organization(id: $id) {
      id
      name
      createdAt
    }
  }
`;

const UPDATE_ORGANIZATION: TypedDocumentNode<
  { updateOrganization: { organization: { id: string; name: string } } },
  { input: { organizationId: string; name: string } }
> = gql`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
      }
    }
  }
`;

export function SettingsPage() {
  const { organization, can } = useCurrentOrganization();
  const editable = can('organization:update');
  const { data, error, refetch } = useQuery(SETTINGS_QUERY, { variables: { id: organization.id } });
  const settings = data?.organization;

  return (
    <>
      <PageHeader
        title="Settings"
        description={editable ? `How ${organization.name} is set up in Annex.` : `How ${organization.name} is set up in Annex. Owners and ISMS managers can change it.`}
      />
      <Stack gap="lg" maw={720}>
        <Card>
          <Stack gap="md">
            <Title order={2} fz={18}>
              Organisation
            </Title>
            {error && !settings ? (
              <ErrorState error={error} onRetry={() => refetch()} />
            ) : !settings ? (
              <SkeletonRows rows={2} />
            ) : editable ? (
              // Keyed by the saved name: a rename (here or by someone else) starts the form afresh.
              <OrganizationNameForm key={settings.name} organizationId={settings.id} name={settings.name} />
            ) : (
              <TextInput label="Organisation name" value={settings.name} readOnly variant="filled" />
            )}
          </Stack>
        </Card>
        {settings ? (
          <Card>
            <Stack gap="sm">
              <Title order={2} fz={18}>
                For scripts and integrations
              </Title>
              <Text size="sm" c="dimmed">
                The organisation ID goes into API calls together with an API token from your account page.
              </Text>
              <Group gap="xs" wrap="nowrap">
                <TextInput label="Organisation ID" value={settings.id} readOnly variant="filled" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} style={{ flex: 1 }} />
                <CopyButton value={settings.id}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy the ID'}>
                      <ActionIcon variant="default" size="lg" mt={24} onClick={copy} aria-label="Copy the organisation ID">
                        {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm" c="dimmed">
                Created on {formatDate(settings.createdAt)}.
              </Text>
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}

function OrganizationNameForm({ organizationId, name }: { organizationId: string; name: string }) {
  const [updateOrganization, { loading }] = useMutation(UPDATE_ORGANIZATION);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name },
    validate: { name: (v) => (v.trim() ? null : 'Enter the name of your organisation.') },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await updateOrganization({ variables: { input: { organizationId, name: values.name.trim() } } });
      if (!data) return;
      notifications.show({ color: 'teal', message: 'The organisation name is saved.' });
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
          description="Shown to every member, in e-mails and on exports."
          autoComplete="organization"
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" loading={loading} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
