import 'reflect-metadata';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { openDatabase, runMigrations } from '../src/core/db/database.js';

/** `pnpm migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL });
const db = await openDatabase(config, logger);
try {
  await runMigrations(db, logger);
  logger.info('database is up to date');
} finally {
  await db.close();
}
