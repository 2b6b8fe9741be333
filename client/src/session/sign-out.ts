import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

const SIGN_OUT: TypedDocumentNode<{ signOut: { ok: boolean } }, Record<string, never>> = gql`
  mutation SignOut {
    signOut {
      ok
    }
  }
`;

/** Ends the session, forgets everything cached for this person and goes to the sign-in page. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(SIGN_OUT);
  const signOut = useCallback(async () => {
    try {
      await mutate();
    } finally {
      // Even if the request failed, do not keep showing this person's data. Leave the app pages
      // first (flushSync: they unmount now), so resetting the store refetches nothing of theirs.
      await navigate('/sign-in', { replace: true, flushSync: true });
      await client.resetStore();
    }
  }, [client, mutate, navigate]);
  return { signOut, signingOut: loading };
}
