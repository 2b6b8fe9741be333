import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { EntityManager } from 'typeorm';

/** What one HTTP request adds to every transaction it opens. */
export interface RequestScope {
  /**
   * Run inside each of the request's transactions, after its work and before its commit: a
   * write that must commit exactly when the request's change commits (the request's
   * idempotency key is marked as used by a change, see `app/idempotency.ts`).
   */
  beforeCommit: Array<(em: EntityManager) => Promise<void>>;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** Express middleware: gives each request its own scope (`Database.transaction` reads it). */
export const withRequestScope: RequestHandler = (_req, _res, next) => requestScope.run({ beforeCommit: [] }, next);
