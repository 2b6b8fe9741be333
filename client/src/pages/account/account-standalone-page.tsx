import { Anchor, Box, Container, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AnnexWordmark } from '../../components/annex-wordmark';
import { useViewer } from '../../session/require-viewer';
import { UserMenu } from '../../session/user-menu';
import { AccountPage } from './account-page';

/** /account outside any organisation: the account page under a plain top bar. */
export function AccountStandalonePage() {
  const viewer = useViewer();
  const first = viewer.memberships[0];
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" px="md" h={60} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h="100%" justify="space-between">
          <Group gap="lg">
            <Link to="/" aria-label="Annex home" style={{ textDecoration: 'none' }}>
              <AnnexWordmark />
            </Link>
            <Anchor component={Link} to={first ? `/o/${first.organization.id}` : '/welcome'} size="sm">
              <Group gap={4}>
                <IconArrowLeft size={14} aria-hidden />
                {first ? `Back to ${first.organization.name}` : 'Create your organisation'}
              </Group>
            </Anchor>
          </Group>
          <UserMenu accountPath="/account" />
        </Group>
      </Box>
      <Container size="lg" py="xl" component="main">
        <AccountPage />
      </Container>
    </Box>
  );
}
