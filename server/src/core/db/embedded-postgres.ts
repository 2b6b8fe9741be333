import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Logger } from '../logger.js';

export interface EmbeddedPostgres {
  /** Connection options for `pg` (a Unix socket in a private temporary folder). */
  connection: { host: string; port: number; user: string; database: string };
  stop(): Promise<void>;
}

const SOCKET_PORT = 5432;

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data in
 * `dataDir`, served over the PostgreSQL wire protocol on a private Unix socket so that the
 * application talks to it through `pg` exactly as it talks to a real server.
 *
 * PGlite has a single backend session: the socket server multiplexes every connection onto
 * it, so two connections would share one transaction. We therefore allow exactly one
 * connection (and the pool holds exactly one): a transaction owns the database until it ends
 * and no other transaction can observe its uncommitted writes. Correct, and serial — which is
 * what an embedded single-user database is for; production uses DATABASE_URL.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-pg-'));
  const server = new PGLiteSocketServer({
    db,
    path: path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections: 1,
  });
  await server.start();
  logger.info({ dataDir }, 'embedded PostgreSQL (PGlite) started');
  return {
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    async stop() {
      await server.stop();
      await db.close();
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
