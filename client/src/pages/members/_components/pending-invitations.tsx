import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RoleBadge } from '../../../organization/role-badge';
import { INVITATIONS_QUERY, useRevokeInvitation, type PendingInvitation } from '../member-operations';

/** Invitations not yet accepted, for those who may see and withdraw them. */
export function PendingInvitations() {
  const { organization, can } = useCurrentOrganization();
  const { data, loading, error, refetch } = useQuery(INVITATIONS_QUERY, { variables: { id: organization.id } });
  const [revoke] = useRevokeInvitation(organization.id);
  const [withdrawingId, setWithdrawingId] = useState<string | null>(null);
  const invitations = data?.organization?.invitations ?? [];

  const withdraw = async (invitation: PendingInvitation) => {
    setWithdrawingId(invitation.id);
    try {
      await revoke({ variables: { input: { id: invitation.id } } });
      notifications.show({ color: 'teal', message: `The invitation for ${invitation.email} was withdrawn.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'The invitation was not withdrawn', message: readApiError(e).message });
    } finally {
      setWithdrawingId(null);
    }
  };

  return (
    <Card>
      <Stack gap="sm">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={2} fz={18}>
              Pending invitations
            </Title>
            <Text size="sm" c="dimmed">
              People who were invited and have not joined yet.
            </Text>
          </Stack>
        </Group>
        {error ? (
          <ErrorState error={error} onRetry={() => refetch()} />
        ) : loading && !data ? (
          <SkeletonRows rows={2} />
        ) : invitations.length === 0 ? (
          <Text size="sm" c="dimmed" py="xs">
            No pending invitations.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  {can('invitation:revoke') ? <Table.Th w={120}>Withdraw</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>
                      <Text size="sm" id={`invitation-email-${invitation.id}`}>
                        {invitation.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={invitation.role} />
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={invitation.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={invitation.expiresAt} c={new Date(invitation.expiresAt) < new Date() ? 'red.8' : undefined} />
                    </Table.Td>
                    {can('invitation:revoke') ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={withdrawingId === invitation.id}
                          onClick={() => void withdraw(invitation)}
                          aria-describedby={`invitation-email-${invitation.id}`}
                        >
                          Withdraw
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
