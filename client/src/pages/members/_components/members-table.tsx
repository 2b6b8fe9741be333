import { Badge, Button, Group, Select, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RoleBadge } from '../../../organization/role-badge';
import { ROLE_LABELS, type Role } from '../../../organization/roles';
import { useUpdateMemberRole, type MemberRow } from '../member-operations';
import { RoleOption } from './role-option';
import { assignableRoles } from './role-select-data';

interface MembersTableProps {
  members: MemberRow[];
  viewerId: string;
  onRemove(member: MemberRow): void;
}

export function MembersTable({ members, viewerId, onRemove }: MembersTableProps) {
  const { organization, can } = useCurrentOrganization();
  const canChangeRoles = can('member:updateRole');
  const canRemove = can('member:remove');
  const [updateRole] = useUpdateMemberRole();
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const roleOptions = assignableRoles(organization.viewerRole);

  const changeRole = async (member: MemberRow, role: Role) => {
    if (role === member.role) return;
    setPendingUserId(member.user.id);
    try {
      await updateRole({ variables: { input: { organizationId: organization.id, userId: member.user.id, role } } });
      notifications.show({ color: 'teal', message: `${member.user.name} is now ${ROLE_LABELS[role]}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: `${member.user.name} keeps the role ${ROLE_LABELS[member.role]}`, message: readApiError(error).message, autoClose: 8000 });
    } finally {
      setPendingUserId(null);
    }
  };

  const sorted = [...members].sort((a, b) => a.user.name.localeCompare(b.user.name));

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th w={230}>Role</Table.Th>
            <Table.Th>Joined</Table.Th>
            {canRemove ? (
              <Table.Th w={110}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((member) => {
            const isSelf = member.user.id === viewerId;
            // Only owners manage owners: for anyone else an owner's role is read-only here.
            const roleEditable = canChangeRoles && (member.role !== 'OWNER' || organization.viewerRole === 'OWNER');
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500} id={`member-name-${member.id}`}>
                      {member.user.name}
                    </Text>
                    {isSelf ? (
                      <Badge size="xs" color="gray" variant="outline">
                        You
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.user.email}</Text>
                </Table.Td>
                <Table.Td>
                  {roleEditable ? (
                    <Select
                      aria-label={`Role of ${member.user.name}`}
                      data={roleOptions}
                      value={member.role}
                      allowDeselect={false}
                      disabled={pendingUserId === member.user.id}
                      size="xs"
                      maw={200}
                      comboboxProps={{ width: 320, position: 'bottom-start' }}
                      renderOption={({ option, checked }) => <RoleOption value={option.value} label={option.label} checked={checked} />}
                      onChange={(value) => {
                        if (value) void changeRole(member, value);
                      }}
                    />
                  ) : canChangeRoles ? (
                    <Tooltip label="Only an owner can change an owner's role">
                      <span>
                        <RoleBadge role={member.role} />
                      </span>
                    </Tooltip>
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={member.createdAt} />
                </Table.Td>
                {canRemove ? (
                  <Table.Td>
                    {member.role === 'OWNER' && organization.viewerRole !== 'OWNER' ? null : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconUserMinus size={14} aria-hidden />}
                        aria-describedby={`member-name-${member.id}`}
                        onClick={() => onRemove(member)}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
