import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements each request runs (exposed as the `x-sql-statements` response
 * header outside production), so tests can assert that a page costs the same number of
 * statements whatever its size — the proof of no N+1.
 */
export const statementCounter = new AsyncLocalStorage<{ statements: number }>();

export class CountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const store = statementCounter.getStore();
    if (store) store.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
