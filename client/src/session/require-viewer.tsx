import { useQuery } from '@apollo/client/react';
import { Center, Container } from '@mantine/core';
import { useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, FullScreenLoader } from '../components/query-states';
import { signInPath } from './safe-next';
import { VIEWER_QUERY, type SessionViewer } from './viewer-query';

/** App pages need someone signed in; everyone else goes to the sign-in page and comes back after. */
export function RequireViewer() {
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(VIEWER_QUERY);
  if (loading && !data) return <FullScreenLoader />;
  if (error && !data) {
    return (
      <Center mih="100vh">
        <Container size="sm">
          <ErrorState error={error} title="Annex could not check your session" onRetry={() => refetch()} />
        </Container>
      </Center>
    );
  }
  if (!data?.viewer) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

/** The signed-in person, for components below RequireViewer. */
export function useViewer(): SessionViewer {
  const { data } = useQuery(VIEWER_QUERY, { fetchPolicy: 'cache-first' });
  // While signing out the cache empties a moment before these pages unmount: keep the last one.
  const last = useRef<SessionViewer | null>(null);
  if (data?.viewer) last.current = data.viewer;
  if (!last.current) throw new Error('useViewer is used outside RequireViewer.');
  return last.current;
}
