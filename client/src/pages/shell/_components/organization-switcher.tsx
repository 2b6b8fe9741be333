import { Button, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RoleBadge } from '../../../organization/role-badge';
import { useViewer } from '../../../session/require-viewer';
import { CreateOrganizationForm } from '../../organizations/_components/create-organization-form';

/** The same page in another organisation (its dashboard when the page is a record of this one). */
function samePageIn(pathname: string, fromId: string, toId: string): string {
  const prefix = `/o/${fromId}`;
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
  const section = rest.split('/').filter(Boolean)[0];
  return section ? `/o/${toId}/${section}` : `/o/${toId}`;
}

export function OrganizationSwitcher() {
  const viewer = useViewer();
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-start" width={320} shadow="md">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBuilding size={16} aria-hidden />}
            rightSection={<IconSelector size={14} aria-hidden />}
            aria-label={`Organisation: ${organization.name}. Switch organisation`}
            maw={{ base: 150, xs: 220, sm: 300 }}
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          >
            {organization.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organisations</Menu.Label>
          {viewer.memberships.map((membership) => {
            const current = membership.organization.id === organization.id;
            return (
              <Menu.Item
                key={membership.id}
                leftSection={current ? <IconCheck size={16} aria-label="Current" /> : <span style={{ width: 16, display: 'inline-block' }} />}
                rightSection={<RoleBadge role={membership.role} size="xs" />}
                onClick={() => navigate(samePageIn(pathname, organization.id, membership.organization.id))}
              >
                <Text size="sm" fw={current ? 600 : 400} lineClamp={1}>
                  {membership.organization.name}
                </Text>
              </Menu.Item>
            );
          })}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
            New organisation…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={creating} onClose={closeCreate} title={<Text fw={600}>New organisation</Text>}>
        <Text size="sm" c="dimmed" mb="md">
          A separate workspace with its own members, records and audit trail. You will be its owner.
        </Text>
        <CreateOrganizationForm
          onCancel={closeCreate}
          onCreated={(created) => {
            closeCreate();
            navigate(`/o/${created.id}`);
          }}
        />
      </Modal>
    </>
  );
}
