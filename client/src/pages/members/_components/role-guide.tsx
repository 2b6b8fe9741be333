import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RoleBadge } from '../../../organization/role-badge';
import { ROLES, ROLE_DESCRIPTIONS } from '../../../organization/roles';

/** What each role may do, so choosing one is an informed decision. */
export function RoleGuide() {
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz={18}>
          What each role does
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {ROLES.map((role) => (
            <Stack key={role} gap={4}>
              <div>
                <RoleBadge role={role} />
              </div>
              <Text size="sm" c="dimmed">
                {ROLE_DESCRIPTIONS[role]}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
