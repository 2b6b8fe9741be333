import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from './db/availability.js';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A domain error: its code is part of the public contract, its message is for people. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly details: { field?: string; reason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign in first.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('FORBIDDEN', message);
export const notFound = (what = 'Record') => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (field: string, message: string, reason?: string) =>
  new AppError('BAD_USER_INPUT', message, reason ? { field, reason } : { field });
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** How long a client should wait before retrying while the database is away (seconds). */
export const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;
const SERVICE_UNAVAILABLE_MESSAGE = 'Annex cannot reach its database right now. Try again in a few seconds.';

/**
 * The database cannot be reached (it restarts, or the network to it is down). Its `extensions`
 * (read by graphql-js and Apollo) make a request that fails as a whole answer HTTP 503 with
 * Retry-After; HTTP endpoints answer 503 too.
 */
export function serviceUnavailable(): AppError {
  const error = new AppError('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_SECONDS });
  return Object.assign(error, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: new Map([['retry-after', String(SERVICE_UNAVAILABLE_RETRY_SECONDS)]]) },
    },
  });
}

/** Codes that GraphQL itself or Apollo produce before our resolvers run, passed through as they are. */
const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // Raised before resolvers run (server/src/app/hardening.ts): query limits and request rates.
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  // Raised before resolvers run (server/src/app/idempotency.ts): a key still in use.
  'CONFLICT',
]);

/** Whether an error is one we did not foresee (a bug or an outage), to be logged and hidden. */
export function isUnexpected(error: unknown): boolean {
  // An outage is expected (and logged by the pool and the listener, not once per request).
  if (isDatabaseUnavailable(error)) return false;
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return false;
  if (original instanceof GraphQLError) {
    const code = original.extensions?.['code'];
    if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) return false;
    if (!original.originalError && !original.path) return false;
  }
  return true;
}

/**
 * The one place where every error becomes what a client sees. Domain errors keep their code
 * and message; GraphQL's own validation errors pass through; anything else (logged by the
 * Apollo plugin with its request id) is answered as INTERNAL_SERVER_ERROR without internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeInternals: boolean): GraphQLFormattedError {
  // The database is away: a clear code and message, never the driver's text or a stack trace.
  if (isDatabaseUnavailable(error)) {
    return {
      message: SERVICE_UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_SECONDS },
    };
  }
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.code, ...original.details },
    };
  }
  if (!isUnexpected(error)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const code = typeof extensions['code'] === 'string' && PASSTHROUGH_CODES.has(extensions['code']) ? extensions['code'] : 'BAD_USER_INPUT';
    return { ...formatted, extensions: exposeInternals ? { ...formatted.extensions, code } : { ...extensions, code } };
  }
  return {
    message: exposeInternals && original instanceof Error ? original.message : 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      ...(exposeInternals && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
    },
  };
}
