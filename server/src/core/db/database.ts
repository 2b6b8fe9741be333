import { EventEmitter } from 'node:events';
import { DataSource, type EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { CountingLogger } from './statement-counter.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { requestScope } from './request-scope.js';
import { ENTITIES } from '../../app/entities.js';
import { MIGRATIONS } from '../../../migrations/index.js';

/** A readiness probe that waits longer than this for the database answers "not ready". */
const READY_TIMEOUT_MS = 3_000;

const afterCommitHooks = new WeakMap<EntityManager, Array<(db: Database) => void>>();

/**
 * Runs `hook` once the transaction of `em` has committed (never when it rolls back): the place
 * for wake-ups and e-mails that must not announce a change that did not happen.
 */
export function onCommit(em: EntityManager, hook: (db: Database) => void): void {
  const hooks = afterCommitHooks.get(em);
  if (!hooks) throw new Error('onCommit needs a transaction opened by Database.transaction');
  hooks.push(hook);
}

export interface Database {
  dataSource: DataSource;
  embedded: boolean;
  /** This process's after-commit signals (e.g. `organization` events with the organisation id). */
  signals: EventEmitter;
  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** True when the database answers and no migration is pending. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let connection: Record<string, unknown>;
  if (config.DATABASE_URL) {
    connection = { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE };
  } else {
    embedded = await startEmbeddedPostgres(config.ANNEX_DATA_DIR, logger);
    connection = { ...embedded.connection, username: embedded.connection.user, poolSize: 1 };
  }
  const dataSource = new DataSource({
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query'],
    logger: new CountingLogger(),
    // A pooled connection that dies while idle (PostgreSQL restarts, the network drops) is
    // dropped by the pool and replaced on demand; without a handler its error would crash us.
    poolErrorHandler: (err: unknown) => logger.warn({ err }, 'an idle database connection was lost; the pool will open a new one'),
    extra: {
      application_name: 'annex',
      connectionTimeoutMillis: 10_000,
      // Notice a silently dead peer (a host gone, a dropped NAT entry) instead of waiting forever.
      keepAlive: true,
      // A runaway query is cancelled by PostgreSQL itself (the embedded database runs one statement at a time anyway).
      ...(config.DATABASE_URL && config.DATABASE_STATEMENT_TIMEOUT_MS ? { statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS } : {}),
    },
  } as ConstructorParameters<typeof DataSource>[0]);
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const signals = new EventEmitter();
  signals.setMaxListeners(0);
  const database: Database = {
    dataSource,
    embedded: embedded !== null,
    signals,
    async transaction(work) {
      const hooks: Array<(db: Database) => void> = [];
      const result = await dataSource.transaction('READ COMMITTED', async (em) => {
        afterCommitHooks.set(em, hooks);
        const value = await work(em);
        for (const hook of requestScope.getStore()?.beforeCommit ?? []) await hook(em);
        return value;
      });
      for (const hook of hooks) {
        try {
          hook(database);
        } catch (err) {
          logger.error({ err }, 'after-commit hook failed');
        }
      }
      return result;
    },
    async isReady() {
      const check = (async () => {
        await dataSource.query('SELECT 1');
        return !(await dataSource.showMigrations());
      })().catch(() => false);
      // An unreachable host may not refuse, just never answer: the probe must answer anyway.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
        timer.unref();
      });
      try {
        return await Promise.race([check, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
  return database;
}

/** Arbitrary constant naming Annex's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 2_704_270_001;

/**
 * Applies pending migrations. On a shared PostgreSQL, replicas starting together take turns
 * through an advisory lock held on a connection of its own, so each migration runs once.
 */
export async function runMigrations(database: Database, logger: Logger): Promise<void> {
  const lock = database.embedded ? null : database.dataSource.createQueryRunner();
  try {
    await lock?.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await database.dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    if (lock) {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }
}
