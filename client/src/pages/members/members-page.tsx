import { useQuery } from '@apollo/client/react';
import { Button, Card, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import { InviteMemberModal } from './_components/invite-member-modal';
import { MembersTable } from './_components/members-table';
import { PendingInvitations } from './_components/pending-invitations';
import { RemoveMemberModal } from './_components/remove-member-modal';
import { RoleGuide } from './_components/role-guide';
import { MEMBERS_QUERY, type MemberRow } from './member-operations';

export function MembersPage() {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(MEMBERS_QUERY, { variables: { id: organization.id } });
  const [inviting, { open: openInvite, close: closeInvite }] = useDisclosure(false);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const members = data?.organization?.members;

  return (
    <>
      <PageHeader
        title="Members"
        description={
          can('member:invite')
            ? `Who works on ${organization.name}'s ISMS, and the role each person has.`
            : `Who works on ${organization.name}'s ISMS. Owners and ISMS managers manage members.`
        }
        actions={
          can('member:invite') ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openInvite}>
              Invite member
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Card p={0}>
          {error ? (
            <Stack p="lg">
              <ErrorState error={error} onRetry={() => refetch()} />
            </Stack>
          ) : !members ? (
            <Stack p="lg">
              <SkeletonRows rows={6} />
            </Stack>
          ) : (
            <>
              <Text fw={600} px="lg" pt="md" pb={4}>
                {members.length} {members.length === 1 ? 'member' : 'members'}
              </Text>
              <MembersTable members={members} viewerId={viewer.id} onRemove={setRemoving} />
            </>
          )}
        </Card>
        {can('invitation:read') ? <PendingInvitations /> : null}
        <RoleGuide />
      </Stack>
      {can('member:invite') ? <InviteMemberModal opened={inviting} onClose={closeInvite} /> : null}
      {can('member:remove') ? <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} /> : null}
    </>
  );
}
