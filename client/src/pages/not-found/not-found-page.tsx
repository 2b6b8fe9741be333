import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { AnnexWordmark } from '../../components/annex-wordmark';
import { CrashScreen } from '../../components/error-boundary';

export function NotFoundPage() {
  return (
    <Center mih="70vh" p="md">
      <Stack align="center" gap="sm" maw={440} ta="center">
        <AnnexWordmark size="lg" />
        <Title order={1} fz={22} mt="md">
          Page not found
        </Title>
        <Text c="dimmed">The link may be old, or the page was moved. Your work is where you left it.</Text>
        <Button component={Link} to="/" mt="sm">
          Go to Annex
        </Button>
      </Stack>
    </Center>
  );
}

/** The router's error element: unknown paths and errors thrown while rendering a route. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <CrashScreen message={error instanceof Error ? error.message : 'An unexpected error occurred.'} />;
}
