import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentOrganization } from './organization-context';

/** A page only some roles may open: others (following an old link) get a plain explanation. */
export function RequireAction({ action, children }: { action: string; children: ReactNode }) {
  const { organization, can } = useCurrentOrganization();
  if (can(action)) return children;
  return (
    <Center mih={360}>
      <Stack align="center" gap="xs" maw={420} ta="center">
        <IconLock size={32} aria-hidden color="var(--mantine-color-dimmed)" />
        <Title order={1} fz={20}>
          Not available for your role
        </Title>
        <Text c="dimmed" size="sm">
          Your role in {organization.name} does not include this page. If you need it, ask an owner or your ISMS manager.
        </Text>
        <Button component={Link} to={`/o/${organization.id}`} variant="default" mt="sm">
          Back to the dashboard
        </Button>
      </Stack>
    </Center>
  );
}
