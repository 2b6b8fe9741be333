import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, formatError } from './errors.js';

const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('error formatting', () => {
  it('keeps the code, message and field of domain errors', () => {
    const error = resolverError(new AppError('BAD_USER_INPUT', 'Enter a valid e-mail address.', { field: 'email' }));
    expect(formatError({ message: error.message, path: ['x'] }, error, false)).toEqual({
      message: 'Enter a valid e-mail address.',
      path: ['x'],
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
  });

  it('hides the internals of unexpected errors outside development', () => {
    const error = resolverError(new Error('connection to 10.0.0.5 refused'));
    const formatted = formatError({ message: error.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error, false);
    expect(formatted).toEqual({ message: 'Internal server error.', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
