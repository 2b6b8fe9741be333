import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** One line under the title: what this page is for. */
  description: ReactNode;
  /** Buttons on the right (primary action last). */
  actions?: ReactNode;
  /** A small label above the title, such as the step of the journey. */
  eyebrow?: ReactNode;
}

export function PageHeader({ title, description, actions, eyebrow }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4} maw={760}>
        {eyebrow}
        <Title order={1} fz={26}>
          {title}
        </Title>
        <Text c="dimmed">{description}</Text>
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
