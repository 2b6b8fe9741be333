import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../core/context.js';
import { SERVICE_UNAVAILABLE_RETRY_SECONDS } from '../core/errors.js';
import { isDatabaseUnavailable } from '../core/db/availability.js';

/** WebSocket close code 1013, "Try Again Later". */
export const WS_CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * A WebSocket cannot authenticate while the database is away: it is closed with 1013 (Try
 * Again Later), which graphql-ws clients retry. An exception would close it with 4500, which
 * they treat as fatal and never retry. Anything else is rethrown.
 */
export function tryAgainLater(socket: { close(code: number, reason: string): void }, error: unknown): false {
  if (!isDatabaseUnavailable(error)) throw error;
  socket.close(WS_CLOSE_TRY_AGAIN_LATER, 'Database unavailable, try again later');
  return false;
}

/**
 * While the database is away, an operation that produced nothing but SERVICE_UNAVAILABLE errors
 * is answered HTTP 503 with Retry-After (not 200), so that load balancers, proxies and generic
 * HTTP clients see a retryable failure. Partial results keep their 200.
 */
export function availabilityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || errors.some((error) => error.extensions?.['code'] !== 'SERVICE_UNAVAILABLE')) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(SERVICE_UNAVAILABLE_RETRY_SECONDS));
        },
      };
    },
  };
}
