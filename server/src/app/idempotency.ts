import { createHash, randomUUID } from 'node:crypto';
import { GraphQLError, Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextDidResolveOperation, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext, Viewer } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { requestScope } from '../core/db/request-scope.js';
import { formatError, isUnexpected } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { callerKeyOf } from './hardening.js';

/**
 * Idempotency keys for mutations (`Idempotency-Key: <key>`, as Stripe and the IETF draft name
 * it). A client that does not know whether its mutation went through — a timeout, a dropped
 * connection, a replica that died, a `SERVICE_UNAVAILABLE` — sends it again with the same key:
 *
 * - the first request claims the key (a row in `idempotency_keys`, so every replica sees it)
 *   and runs; its response is stored once it is known;
 * - a retry with the same key and the same operation and variables gets that stored response
 *   back (same ids, header `Idempotent-Replayed: true`) and nothing runs again;
 * - the same key with another operation or other variables is refused (BAD_USER_INPUT,
 *   reason IDEMPOTENCY_KEY_REUSED, HTTP 422);
 * - a retry while the first is still running is refused (CONFLICT, reason
 *   IDEMPOTENCY_KEY_IN_USE, HTTP 409, Retry-After): try again in a moment.
 *
 * Keys belong to the caller: a person (any of their sessions) or one API token. Signed-out
 * callers and queries ignore the header. Keys are kept 24 hours.
 *
 * Whether the change committed is recorded inside the mutation's own transaction
 * (`applied`, through the request scope), so the record can never disagree with the data: a
 * request that failed before committing anything (the database was away, an unexpected error)
 * releases its key and the retry runs; one that committed keeps it even if the process died
 * before storing the response.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** How long a running request holds its key before a retry may take it over (if it changed nothing). */
const LEASE_SECONDS = 60;

/** Printable ASCII without spaces, like the IETF draft's examples (UUIDs, ULIDs, hashes…). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * Mutations whose response holds a secret shown only once: it is never stored, so such a
 * mutation cannot be replayed and refuses a key rather than pretending to honour it.
 */
const NOT_REPLAYABLE = new Set(['createApiToken']);

/** Error codes after which the mutation may simply run again (when it changed nothing). */
const TRANSIENT_CODES = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED']);

interface Claim {
  caller: string;
  key: string;
  claimId: string;
}

interface StoredResponse {
  status: number;
  body: FormattedExecutionResult;
}

function requestError(message: string, extensions: { code: string; reason: string; field?: string; retryAfterSeconds?: number }, status: number): GraphQLError {
  const headers = new Map<string, string>();
  if (extensions.retryAfterSeconds) headers.set('retry-after', String(extensions.retryAfterSeconds));
  return new GraphQLError(message, { extensions: { ...extensions, http: { status, headers } } });
}

/** The caller a key belongs to: one API token, or a person whatever their session. */
function callerOf(viewer: Viewer): { caller: string; userId: string; apiTokenId: string | null } {
  return { caller: callerKeyOf(viewer)!, userId: viewer.user.id, apiTokenId: viewer.apiToken?.id ?? null };
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, canonical((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}

function requestHash(document: DocumentNode, operationName: string | null, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([print(document), operationName, canonical(variables ?? {})]))
    .digest('hex');
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

/**
 * Claims the key for this request, or says what to answer instead: the stored response, or an
 * error (reused with another request, still running, applied but its response lost).
 */
async function claimKey(
  db: Database,
  request: { caller: string; key: string; userId: string; apiTokenId: string | null; hash: string; operation: string },
): Promise<{ claim: Claim } | { replay: StoredResponse }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claimId = randomUUID();
    // A new key is inserted; an expired one (older than the TTL) or an abandoned one (lease
    // over, nothing applied, same request) is taken over; anything else is left as it is.
    const claimed = (await db.dataSource.query(
      `INSERT INTO idempotency_keys AS k (caller, key, user_id, api_token_id, request_hash, operation, claim_id, status, locked_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'RUNNING', now() + make_interval(secs => $8))
       ON CONFLICT (caller, key) DO UPDATE SET
         user_id = EXCLUDED.user_id, api_token_id = EXCLUDED.api_token_id, request_hash = EXCLUDED.request_hash,
         operation = EXCLUDED.operation, claim_id = EXCLUDED.claim_id, status = 'RUNNING', applied = false,
         locked_until = EXCLUDED.locked_until, http_status = NULL, response = NULL, created_at = now(), completed_at = NULL
       WHERE k.created_at < now() - make_interval(hours => $9)
          OR (k.status = 'RUNNING' AND NOT k.applied AND k.locked_until < now() AND k.request_hash = EXCLUDED.request_hash)
       RETURNING claim_id`,
      [request.caller, request.key, request.userId, request.apiTokenId, request.hash, request.operation, claimId, LEASE_SECONDS, IDEMPOTENCY_TTL_HOURS],
    )) as Array<{ claim_id: string }>;
    if (claimed.length) return { claim: { caller: request.caller, key: request.key, claimId } };

    const [existing] = (await db.dataSource.query(
      `SELECT request_hash, status, applied, locked_until < now() AS lease_over, http_status, response
         FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [request.caller, request.key],
    )) as Array<{ request_hash: string; status: 'RUNNING' | 'DONE'; applied: boolean; lease_over: boolean | null; http_status: number | null; response: FormattedExecutionResult | null }>;
    if (!existing) continue; // released meanwhile: claim it now
    if (existing.request_hash !== request.hash) {
      throw requestError(
        'This Idempotency-Key was already used for a different request (another operation or other variables). Use a new key for a new request.',
        { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'IDEMPOTENCY_KEY_REUSED' },
        422,
      );
    }
    if (existing.status === 'DONE' && existing.response) return { replay: { status: existing.http_status ?? 200, body: existing.response } };
    if (existing.applied && existing.lease_over) {
      throw requestError(
        'This request was applied, but its response was lost (the server stopped before it could answer). Read the current state instead of retrying.',
        { code: 'CONFLICT', reason: 'IDEMPOTENCY_RESPONSE_LOST' },
        409,
      );
    }
    throw requestError(
      'A request with this Idempotency-Key is still running. Try again in a moment to get its response.',
      { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_USE', retryAfterSeconds: 1 },
      409,
    );
  }
  throw requestError('This Idempotency-Key is being claimed by other requests. Try again in a moment.', { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_USE', retryAfterSeconds: 1 }, 409);
}

/**
 * Stores the response of a claimed key — or, when the request failed in a way worth retrying
 * and changed nothing, releases the key so that the retry runs.
 */
async function finishKey(db: Database, claim: Claim, result: { status: number; body: FormattedExecutionResult } | null): Promise<void> {
  const transient = !result || (result.body.errors ?? []).some((error) => TRANSIENT_CODES.has(String(error.extensions?.['code'])));
  if (transient) {
    const [, released] = (await db.dataSource.query(`DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND claim_id = $3 AND NOT applied`, [
      claim.caller,
      claim.key,
      claim.claimId,
    ])) as [unknown, number];
    if (released || !result) return;
  }
  await db.dataSource.query(
    `UPDATE idempotency_keys SET status = 'DONE', http_status = $4, response = $5, locked_until = NULL, completed_at = now()
      WHERE caller = $1 AND key = $2 AND claim_id = $3`,
    [claim.caller, claim.key, claim.claimId, result.status, JSON.stringify(result.body)],
  );
}

/**
 * The answer to a request refused before it ran (a reused key, a key in use, the database
 * away). It is given from `responseForOperation`, not thrown from `didResolveOperation`: a throw
 * there answers at once, while other plugins' hooks of that stage (rate limits, the fairness
 * gate) may still be running and would never see their `willSendResponse`.
 */
function refusal(error: unknown, logger: Logger): GraphQLResponse {
  if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string') {
    const { http, ...extensions } = error.extensions as { http?: { status: number; headers: Map<string, string> } } & Record<string, unknown>;
    return {
      http: { status: http?.status ?? 400, headers: new HeaderMap([...(http?.headers ?? new Map<string, string>())]) },
      body: { kind: 'single', singleResult: { errors: [{ message: error.message, extensions }] } },
    };
  }
  if (isUnexpected(error)) logger.error({ err: error }, 'unexpected error while checking an idempotency key');
  const formatted = formatError({ message: 'Internal server error.' }, error, false);
  const unavailable = formatted.extensions?.['code'] === 'SERVICE_UNAVAILABLE';
  return {
    http: {
      status: unavailable ? 503 : 500,
      headers: new HeaderMap(unavailable ? [['retry-after', String(formatted.extensions?.['retryAfterSeconds'])]] : []),
    },
    body: { kind: 'single', singleResult: { errors: [formatted] } },
  };
}

/**
 * Records the outcome now, or — when the database is away — keeps trying in the background for
 * as long as the lease runs, so that a client retrying once the database is back finds its key
 * released (or answered) instead of "in use". If this process dies first, the lease and
 * `applied` decide.
 */
async function finishKeyPatiently(db: Database, claim: Claim, result: Parameters<typeof finishKey>[2], logger: Logger): Promise<void> {
  const deadline = Date.now() + LEASE_SECONDS * 1000;
  const attempt = async (): Promise<boolean> => {
    try {
      await finishKey(db, claim, result);
      return true;
    } catch (err) {
      if (Date.now() > deadline || !db.dataSource.isInitialized) {
        logger.warn({ err, idempotencyKey: claim.key }, 'could not record the outcome of an idempotent request');
        return true;
      }
      return false;
    }
  };
  if (await attempt()) return;
  const retry = () => {
    setTimeout(() => void attempt().then((done) => done || retry()), 1000).unref();
  };
  retry();
}

/** Forgets keys older than the TTL (the daily `prune-idempotency-keys` job). */
export async function pruneIdempotencyKeys(db: Database): Promise<number> {
  const [, count] = (await db.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_TTL_HOURS])) as [
    unknown,
    number,
  ];
  return count;
}

/** The Apollo Server plugin (GraphQL over HTTP; subscriptions and queries are not concerned). */
export function idempotencyPlugin(db: Database): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let claim: Claim | null = null;
      let replay: StoredResponse | null = null;
      let refused: GraphQLResponse | null = null;
      let checking: Promise<void> | null = null;

      const check = async ({ operation, document, contextValue, request: { operationName, variables } }: GraphQLRequestContextDidResolveOperation<RequestContext>) => {
        if (operation?.operation !== 'mutation' || !contextValue.viewer) return;
        if (!KEY_FORMAT.test(key)) {
          throw requestError(
            'An Idempotency-Key is 1 to 255 visible ASCII characters (a UUID, for example).',
            { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'INVALID_IDEMPOTENCY_KEY' },
            400,
          );
        }
        const fields = rootFields(operation);
        const secret = fields.find((name) => NOT_REPLAYABLE.has(name));
        if (secret) {
          throw requestError(
            `${secret} returns a secret shown only once, so it cannot be retried with an Idempotency-Key. Send it without the header.`,
            { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'IDEMPOTENCY_NOT_SUPPORTED' },
            400,
          );
        }
        const outcome = await claimKey(db, {
          ...callerOf(contextValue.viewer),
          key,
          hash: requestHash(document, operationName ?? null, variables),
          operation: fields.join(',').slice(0, 200),
        });
        if ('replay' in outcome) {
          replay = outcome.replay;
          return;
        }
        claim = outcome.claim;
        const { caller, claimId } = claim;
        // In each transaction of this request, just before it commits: the key now stands for
        // a committed change (this commits with the change, or not at all).
        requestScope.getStore()?.beforeCommit.push(async (em) => {
          await em.query(`UPDATE idempotency_keys SET applied = true WHERE caller = $1 AND key = $2 AND claim_id = $3`, [caller, key, claimId]);
        });
      };

      return {
        async didResolveOperation(requestContext) {
          checking = check(requestContext).catch((error: unknown) => {
            refused = refusal(error, requestContext.contextValue.logger);
          });
          await checking;
        },
        async responseForOperation(): Promise<GraphQLResponse | null> {
          if (refused) return refused;
          if (!replay) return null;
          return {
            http: { status: replay.status, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
            body: { kind: 'single', singleResult: replay.body },
          };
        },
        async willSendResponse({ response, contextValue }) {
          // Another plugin may have refused the request while the key was being claimed.
          await checking;
          if (!claim) return;
          const finished = claim;
          claim = null;
          const result = response.body.kind === 'single' ? { status: response.http.status ?? 200, body: response.body.singleResult } : null;
          await finishKeyPatiently(db, finished, result, contextValue.logger);
        },
      };
    },
  };
}
