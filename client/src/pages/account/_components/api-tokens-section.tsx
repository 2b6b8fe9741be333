import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Divider, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useViewer } from '../../../session/require-viewer';
import { API_TOKENS_QUERY, useCreateApiToken, useRevokeApiToken, type ApiTokenRow } from '../account-operations';
import { TokenSecretModal } from './token-secret-modal';

interface ApiTokensSectionProps {
  /** The organisation to preselect for a new token (the one the viewer is in). */
  defaultOrganizationId: string | null;
}

export function ApiTokensSection({ defaultOrganizationId }: ApiTokensSectionProps) {
  const { data, loading, error, refetch } = useQuery(API_TOKENS_QUERY);
  const tokens = data?.viewer?.apiTokens ?? [];
  const [created, setCreated] = useState<{ secret: string; token: ApiTokenRow } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenRow | null>(null);

  return (
    <Card>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz={18}>
            API tokens
          </Title>
          <Text size="sm" c="dimmed">
            Tokens let scripts and integrations use the Annex API as you, in one organisation, with your role there. Give each a name that
            says where it is used, and an expiry.
          </Text>
        </Stack>

        {error && !data ? (
          <ErrorState error={error} onRetry={() => refetch()} />
        ) : loading && !data ? (
          <SkeletonRows rows={3} />
        ) : tokens.length === 0 ? (
          <Text size="sm" c="dimmed">
            You have no active API tokens.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Organisation</Table.Th>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th w={100}>Revoke</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <Divider />
        <CreateTokenForm defaultOrganizationId={defaultOrganizationId} onCreated={setCreated} />
      </Stack>
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiTokenRow; onRevoke(): void }) {
  const expired = token.expiresAt !== null && dayjs(token.expiresAt).isBefore(dayjs());
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} id={`token-name-${token.id}`}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{token.organization.name}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {token.prefix}…
        </Text>
      </Table.Td>
      <Table.Td>
        <RelativeTime value={token.createdAt} />
      </Table.Td>
      <Table.Td>
        {token.expiresAt ? (
          <Group gap={6} wrap="nowrap">
            <RelativeTime value={token.expiresAt} c={expired ? 'red.8' : undefined} />
            {expired ? (
              <Badge color="red" size="xs">
                Expired
              </Badge>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {token.lastUsedAt ? (
          <RelativeTime value={token.lastUsedAt} />
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" color="red" onClick={onRevoke} aria-describedby={`token-name-${token.id}`}>
          Revoke
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

interface CreateTokenFormProps {
  defaultOrganizationId: string | null;
  onCreated(created: { secret: string; token: ApiTokenRow }): void;
}

function CreateTokenForm({ defaultOrganizationId, onCreated }: CreateTokenFormProps) {
  const viewer = useViewer();
  const [createApiToken, { loading }] = useCreateApiToken();
  const [formError, setFormError] = useState<string | null>(null);
  const organizations = viewer.memberships.map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const initialOrganization = defaultOrganizationId ?? organizations[0]?.value ?? '';
  const form = useForm({
    initialValues: { name: '', organizationId: initialOrganization, expiresAt: dayjs().add(90, 'day').format('YYYY-MM-DD') },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the token after where it is used.'),
      organizationId: (v) => (v ? null : 'Choose the organisation the token works in.'),
      expiresAt: (v) => (!v || dayjs(v).isAfter(dayjs(), 'day') ? null : 'Choose a day after today, or leave it empty.'),
    },
  });

  if (organizations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Join or create an organisation to create API tokens.
      </Text>
    );
  }

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await createApiToken({
        variables: {
          input: {
            organizationId: values.organizationId,
            name: values.name.trim(),
            // The token works until the end of the chosen day, in the viewer's time zone.
            ...(values.expiresAt ? { expiresAt: dayjs(values.expiresAt).endOf('day').toISOString() } : {}),
          },
        },
      });
      if (!data) return;
      form.setValues({ name: '' });
      form.resetDirty();
      onCreated(data.createApiToken);
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600} size="sm">
          New token
        </Text>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Token name" placeholder="e.g. Backup export script" {...form.getInputProps('name')} />
          <Select label="Organisation" data={organizations} allowDeselect={false} {...form.getInputProps('organizationId')} />
          <TextInput
            label="Expires on"
            type="date"
            min={dayjs().add(1, 'day').format('YYYY-MM-DD')}
            {...form.getInputProps('expiresAt')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          The token works until the end of the day it expires on. Leave the date empty for a token that never expires.
        </Text>
        <Group>
          <Button type="submit" loading={loading} leftSection={<IconKey size={16} aria-hidden />}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeTokenModal({ token, onClose }: { token: ApiTokenRow | null; onClose(): void }) {
  const [revokeApiToken, { loading }] = useRevokeApiToken();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!token) return;
    try {
      await revokeApiToken({ variables: { input: { id: token.id } } });
      notifications.show({ color: 'teal', message: `The token "${token.name}" is revoked.` });
      close();
    } catch (e) {
      setError(readApiError(e).message);
    }
  };
  return (
    <Modal opened={token !== null} onClose={close} title={<Text fw={600}>Revoke API token</Text>}>
      {token ? (
        <Stack gap="md">
          <Text size="sm">
            Revoke <b>{token.name}</b> ({token.prefix}…) for {token.organization.name}? Anything that uses it stops working at once. This cannot
            be undone.
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
            <Button color="red" loading={loading} onClick={() => void confirm()}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
