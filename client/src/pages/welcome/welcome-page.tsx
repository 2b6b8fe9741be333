import { Anchor, Box, Center, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate } from 'react-router';
import { AnnexWordmark } from '../../components/annex-wordmark';
import { useViewer } from '../../session/require-viewer';
import { useSignOut } from '../../session/sign-out';
import { CreateOrganizationForm } from '../organizations/_components/create-organization-form';

/** For someone signed in without any organisation: create the first one. */
export function WelcomePage() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const { signOut } = useSignOut();
  const first = viewer.memberships[0];
  if (first) return <Navigate to={`/o/${first.organization.id}`} replace />;

  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={520} gap="lg">
          <Center>
            <AnnexWordmark size="lg" />
          </Center>
          <Paper component="main" withBorder shadow="xs" p="xl">
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={22}>
                  Welcome, {viewer.name}
                </Title>
                <Text c="dimmed">Create your organisation to start its ISO/IEC 27001 journey. You will be its owner.</Text>
              </Stack>
              <List size="sm" spacing={4}>
                <List.Item>Invite your ISMS manager, management and colleagues with the role that fits each.</List.Item>
                <List.Item>Work through the gap analysis, risks and Statement of Applicability together.</List.Item>
                <List.Item>Every change is recorded in a tamper-evident audit trail.</List.Item>
              </List>
              <CreateOrganizationForm onCreated={(organization) => navigate(`/o/${organization.id}`, { replace: true })} />
            </Stack>
          </Paper>
          <Text size="sm" ta="center" c="dimmed">
            Waiting for an invitation instead? Open the link in its e-mail, or{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
              sign out
            </Anchor>
            .
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
