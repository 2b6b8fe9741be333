import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnnexWordmark } from '../../../components/annex-wordmark';

interface AuthLayoutProps {
  title: string;
  children: ReactNode;
  /** Under the card: the link to the other page. */
  footer?: ReactNode;
}

/** The calm centred card of the public pages: who we are in one sentence, then the form. */
export function AuthLayout({ title, children, footer }: AuthLayoutProps) {
  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <AnnexWordmark size="lg" />
            <Text c="dimmed" size="sm" maw={380}>
              The collaborative workspace that carries your organisation through ISO/IEC 27001 certification, and keeps it certified.
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="xs" p="xl">
            <Stack gap="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
          {footer ? (
            <Text ta="center" size="sm">
              {footer}
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
