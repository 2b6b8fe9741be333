import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { connectionEvents } from './connection-status';
import { typePolicies } from './type-policies';

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

function closeCode(event: unknown): number | null {
  if (typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number') return event.code;
  return null;
}

export interface ApolloClientOptions {
  /** Called when the API answers UNAUTHENTICATED: the session ended (expired, or signed out elsewhere). */
  onUnauthenticated?: () => void;
}

export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient {
  const httpLink = new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    // The API has Apollo's CSRF prevention on: a non-simple header forces a preflight.
    headers: { 'apollo-require-preflight': 'true' },
  });

  let closingOnPurpose = false;
  const wsClient = createClient({
    url: webSocketUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connecting: () => connectionEvents.connecting(),
      connected: () => connectionEvents.connected(),
      // 1000 is the lazy close once nothing listens any more; anything else is a lost connection
      // that graphql-ws retries.
      closed: (event) => connectionEvents.closed(!closingOnPurpose && closeCode(event) !== 1000),
    },
  });
  const wsLink = new GraphQLWsLink(wsClient);

  const errorLink = new ErrorLink(({ error, operation }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const unauthenticated = error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
    // A failed sign-in answers UNAUTHENTICATED too; that is not a lost session.
    if (unauthenticated && operation.operationName !== 'SignIn') options.onUnauthenticated?.();
  });

  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    wsLink,
    httpLink,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: new InMemoryCache({ typePolicies }),
  });

  // A new session (sign-in, sign-out) must not keep a socket authenticated as someone else.
  client.onResetStore(async () => {
    closingOnPurpose = true;
    wsClient.terminate();
    closingOnPurpose = false;
  });

  return client;
}
