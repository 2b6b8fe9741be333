import { Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ADMIN_NAVIGATION, JOURNEY_NAVIGATION, type NavigationItem } from './navigation';

export function MainNavigation({ onNavigate }: { onNavigate?: () => void }) {
  const { organization, can } = useCurrentOrganization();
  const { pathname } = useLocation();
  const base = `/o/${organization.id}`;

  const renderItem = (item: NavigationItem) => {
    if (item.requires && !can(item.requires)) return null;
    const to = item.path ? `${base}/${item.path}` : base;
    const active = item.path ? pathname === to || pathname.startsWith(`${to}/`) : pathname === base || pathname === `${base}/`;
    const ItemIcon = item.icon;
    return (
      <NavLink
        key={item.label}
        component={Link}
        to={to}
        label={item.label}
        leftSection={<ItemIcon size={18} stroke={1.6} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      />
    );
  };

  return (
    <ScrollArea type="scroll" style={{ flex: 1 }}>
      <Stack gap={2} p="sm">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={4} pb={4} aria-hidden>
          Certification journey
        </Text>
        {JOURNEY_NAVIGATION.map(renderItem)}
        <Divider my="sm" />
        {ADMIN_NAVIGATION.map(renderItem)}
      </Stack>
    </ScrollArea>
  );
}
