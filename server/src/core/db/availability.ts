/**
 * Telling "the database cannot be reached right now" apart from every other failure. Such an
 * error is not a bug: the request did not happen (or its fate is unknown), the process keeps
 * serving, and the pool and the event listener reconnect once PostgreSQL is back. Clients get
 * `SERVICE_UNAVAILABLE` and may retry (safely, with an `Idempotency-Key`, for mutations).
 */

/** Socket-level failures: refused, reset, timed out, unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), the
 * shutdowns of a restart (57P01 admin, 57P02 crash), "the database system is starting up"
 * (57P03), and too many connections (53300).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and its pool say when a connection is gone or cannot be had. */
const LOST_CONNECTION = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;

function causesOf(error: unknown): unknown[] {
  const seen: unknown[] = [];
  let queue: unknown[] = [error];
  while (queue.length && seen.length < 20) {
    const next: unknown[] = [];
    for (const item of queue) {
      if (!item || typeof item !== 'object' || seen.includes(item)) continue;
      seen.push(item);
      const record = item as Record<string, unknown>;
      // GraphQLError.originalError, TypeORM QueryFailedError.driverError, Error.cause, AggregateError.errors.
      next.push(record['originalError'], record['driverError'], record['cause']);
      if (Array.isArray(record['errors'])) next.push(...(record['errors'] as unknown[]));
    }
    queue = next;
  }
  return seen;
}

/** True when `error` (or anything it wraps) says the database is unreachable or restarting. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    const record = cause as Record<string, unknown>;
    const code = record['code'];
    if (typeof code === 'string') {
      if (code === 'SERVICE_UNAVAILABLE') return true;
      if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    const extensions = record['extensions'] as Record<string, unknown> | undefined;
    if (extensions && extensions['code'] === 'SERVICE_UNAVAILABLE') return true;
    if (cause instanceof Error && LOST_CONNECTION.test(cause.message)) return true;
  }
  return false;
}
