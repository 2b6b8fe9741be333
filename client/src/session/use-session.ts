import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { VIEWER_QUERY, type SessionViewer } from './viewer-query';

/**
 * Starts a session in the cache after sign-in, sign-up or accepting an invitation: nothing of a
 * previous person survives, and the new viewer is known without another round trip.
 */
export function useStartSession(): (viewer: SessionViewer) => Promise<void> {
  const client = useApolloClient();
  return useCallback(
    async (viewer: SessionViewer) => {
      await client.clearStore();
      client.writeQuery({ query: VIEWER_QUERY, data: { viewer } });
    },
    [client],
  );
}
