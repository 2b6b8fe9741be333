import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config.js';
import { createLogger } from './core/logger.js';
import { startAnnex } from './app/create-app.js';
import { exampleSignInBanner } from './modules/example-data/seed.js';

/** Starts HTTP + WebSocket on one port from the environment; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const annex = await startAnnex(config, { logger });
  if (annex.seed) process.stdout.write(`${exampleSignInBanner(config.PUBLIC_URL)}\n`);
  else process.stdout.write(`\n  Annex is running at ${config.PUBLIC_URL}\n\n`);
  if (annex.services.mailSink) {
    process.stdout.write(`  No SMTP_URL set: e-mails go to the built-in mailbox at ${config.PUBLIC_URL}/mailbox\n\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    annex.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Annex could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
