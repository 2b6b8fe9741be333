import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError, formatError, isUnexpected, serviceUnavailable } from '../errors.js';
import { isDatabaseUnavailable } from './availability.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('telling an unavailable database from other failures', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['an administrator shutdown (restart)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a TypeORM query failure caused by one', new QueryFailedError('SELECT 1', [], withCode('the database system is shutting down', '57P03'))],
    ['a GraphQL error wrapping one', resolverError(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'))],
    ['an error caused by one', new Error('could not load', { cause: new Error('Connection terminated') })],
    ['our own SERVICE_UNAVAILABLE', serviceUnavailable()],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a domain error', new AppError('CONFLICT', 'Someone else changed it.')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message that merely mentions a connection', new Error('connection to 10.0.0.5 refused')],
  ])('does not mistake %s for it', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('formatting an unavailable database', () => {
  const error = resolverError(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'));
  const formatted = { message: error.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };

  it('answers SERVICE_UNAVAILABLE with a message for people, in production and in development', () => {
    const expected = {
      message: 'Annex cannot reach its database right now. Try again in a few seconds.',
      path: ['x'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
    };
    expect(formatError(formatted, error, false)).toEqual(expected);
    // Never the driver's text or a stack trace, even where internals are shown.
    expect(formatError(formatted, error, true)).toEqual(expected);
  });

  it('is not logged as an unexpected error (the pool and the listener report the outage)', () => {
    expect(isUnexpected(error)).toBe(false);
  });

  it('makes a request that fails as a whole answer HTTP 503 with Retry-After', () => {
    const wrapped = new GraphQLError('Context creation failed', { originalError: serviceUnavailable() });
    expect(wrapped.extensions['http']).toEqual({ status: 503, headers: new Map([['retry-after', '5']]) });
  });
});
