import { Alert, Button, Center, Container, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** The last line of defence: a rendering error shows a calm page instead of a blank screen. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Annex crashed while rendering', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <CrashScreen message={this.state.error.message} />;
  }
}

export function CrashScreen({ message }: { message: string }) {
  return (
    <Center mih="100vh" p="md">
      <Container size="sm">
        <Stack>
          <Title order={1} fz={24}>
            Something went wrong
          </Title>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Annex hit an unexpected error">
            <Text size="sm">{message}</Text>
          </Alert>
          <Text size="sm" c="dimmed">
            Nothing you saved is lost. Reload the page to continue; if it happens again, tell your administrator what you were doing.
          </Text>
          <div>
            <Button onClick={() => window.location.reload()}>Reload Annex</Button>
          </div>
        </Stack>
      </Container>
    </Center>
  );
}
