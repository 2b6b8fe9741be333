import { useApolloClient, useQuery } from '@apollo/client/react';
import { AppShell, Burger, Button, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { useOrganizationEvents } from '../../apollo/organization-events';
import { AnnexWordmark } from '../../components/annex-wordmark';
import { ErrorState, FullScreenLoader } from '../../components/query-states';
import { ORGANIZATION_ACCESS_QUERY, OrganizationProvider } from '../../organization/organization-context';
import { ConnectionIndicator } from './_components/connection-indicator';
import { MainNavigation } from './_components/main-navigation';
import { NotificationsBell } from './_components/notifications-bell';
import { OrganizationSwitcher } from './_components/organization-switcher';
import { useViewer } from '../../session/require-viewer';
import { UserMenu } from '../../session/user-menu';
import { showNotificationToast } from './_components/live-notification-toast';

/** Everything under /o/:orgId: the organisation's access is fetched once, then the shell. */
export function OrganizationShell() {
  const { orgId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ORGANIZATION_ACCESS_QUERY, { variables: { id: orgId } });
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const viewer = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const accessible = !!data?.organization;
  // One live stream per open organisation: every screen below updates in place, and what
  // concerns me pops up as a toast.
  useOrganizationEvents(accessible ? orgId : '', viewer.id, {
    onNotification: (notification) => showNotificationToast(client, orgId, notification, navigate),
  });

  if (loading && !data) return <FullScreenLoader />;
  if (error && !data?.organization) {
    return (
      <Center mih="100vh" p="md">
        <Container size="sm">
          <ErrorState error={error} title="This organisation could not be opened" onRetry={() => refetch()} />
        </Container>
      </Center>
    );
  }
  const organization = data?.organization;
  if (!organization) return <OrganizationNotFound />;

  return (
    <OrganizationProvider organization={organization}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
        bg="gray.0"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="md" wrap="nowrap" miw={0}>
              <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Link to={`/o/${organization.id}`} aria-label="Annex: go to the dashboard" style={{ textDecoration: 'none' }}>
                <AnnexWordmark compactOnMobile />
              </Link>
              <OrganizationSwitcher />
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              <ConnectionIndicator />
              <NotificationsBell />
              <UserMenu accountPath={`/o/${organization.id}/account`} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar aria-label="Main">
          <MainNavigation onNavigate={closeNav} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Container size="xl" px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
    </OrganizationProvider>
  );
}

function OrganizationNotFound() {
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="sm" maw={440} ta="center">
        <AnnexWordmark size="lg" />
        <Title order={1} fz={22} mt="md">
          Organisation not found
        </Title>
        <Text c="dimmed">It does not exist, or you are not a member of it. Ask one of its owners for an invitation.</Text>
        <Button component={Link} to="/" mt="sm">
          Go to your organisations
        </Button>
      </Stack>
    </Center>
  );
}
