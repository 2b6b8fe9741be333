import 'reflect-metadata';
import net from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../server/src/core/config.js';
import { createLogger } from '../../server/src/core/logger.js';
import { startAnnex, type AnnexServer } from '../../server/src/app/create-app.js';
import { MailSink } from '../../server/src/core/mail/mail-sink.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer extends AnnexServer {
  database: TestDatabase;
  mail: MailSink;
  /** Every log line written while the server ran (to check that secrets never appear). */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts a whole Annex in this process on a random port, on a fresh database of its own and a
 * real SMTP sink (or on a shared database, to run replicas). Each test file starts one in beforeAll and stops it in afterAll.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  label = 'api',
  shared?: TestDatabase,
): Promise<TestServer> {
  const database = shared ?? (await createTestDatabase(label));
  const mail = new MailSink();
  await mail.start();
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  // A known port, so that PUBLIC_URL (the WebSocket origin allowed) is the address the browser uses.
  const port = await freePort();
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    ANNEX_SEED: 'false',
    SMTP_URL: mail.url,
    LOG_LEVEL: 'info',
    SESSION_SWEEP_MS: '500',
    // Tests drive one person hard; the abuse tests set these low to check them.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000',
    // A client built elsewhere (several people building at once each use their own folder).
    ...(process.env.ANNEX_CLIENT_DIR ? { ANNEX_CLIENT_DIR: process.env.ANNEX_CLIENT_DIR } : {}),
    ...env,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const annex = await startAnnex(config, { logger });
  return {
    ...annex,
    database,
    mail,
    logs,
    async stop() {
      await annex.close();
      await mail.stop();
      if (!shared) await database.drop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
