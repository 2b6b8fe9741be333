import net from 'node:net';

/**
 * How the proxy behaves while cut:
 * - `refuse`: nothing listens (ECONNREFUSED), like a stopped PostgreSQL or a dead replica;
 * - `drop`: connections are accepted and closed at once, like a half-broken network path;
 * - `starting-up`: PostgreSQL's own answer while it recovers (FATAL 57P03 "the database system
 *   is starting up"), for a proxy in front of PostgreSQL.
 */
export type CutMode = 'refuse' | 'drop' | 'starting-up';

export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's (for DATABASE_URL or a server's URL). */
  urlFor(url: string): string;
  /**
   * Kills every open connection abruptly — a TCP reset to the connecting side, as when the
   * process behind the proxy dies; the target just sees the connection close — and keeps new
   * ones out until `restore`.
   */
  cut(mode?: CutMode): Promise<void>;
  /** Lets connections through again (to `target`, when given: a load balancer moving on). */
  restore(target?: { host: string; port: number }): Promise<void>;
  /** Open connections through the proxy now. */
  readonly connections: number;
  close(): Promise<void>;
}

/** An ErrorResponse message of the PostgreSQL wire protocol. */
function postgresError(severity: string, code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', severity],
      ['V', severity],
      ['C', code],
      ['M', message],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/**
 * A TCP proxy for fault tests: put it between a test server and PostgreSQL (the server's
 * DATABASE_URL points at it), or between clients and a server replica, then cut and restore
 * the path — without touching the machine's shared PostgreSQL or any other test.
 */
export async function startTcpProxy(initialTarget: { host: string; port: number }): Promise<TcpProxy> {
  let target = initialTarget;
  let mode: CutMode | null = null;
  /** Open connections: the connecting side of each, with its connection to the target. */
  const open = new Map<net.Socket, net.Socket>();
  const kill = (socket: net.Socket) => {
    if (socket.destroyed) return;
    if (socket.readyState === 'open') socket.resetAndDestroy();
    else socket.destroy();
  };
  const killAll = () => {
    for (const [client, upstream] of open) {
      kill(client);
      upstream.destroy();
    }
    open.clear();
  };

  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (mode === 'drop' || mode === 'refuse') {
      kill(client);
      return;
    }
    if (mode === 'starting-up') {
      // Answer the startup message (or an SSL request) the way a recovering PostgreSQL does.
      client.once('data', () => client.end(postgresError('FATAL', '57P03', 'the database system is starting up')));
      return;
    }
    const upstream = net.connect(target.port, target.host);
    upstream.on('error', () => undefined);
    open.set(client, upstream);
    // When one side goes away, the other is ended (after what was already piped to it).
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('close', () => {
        open.delete(client);
        if (!other.destroyed) other.end();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let listening = true;
  const ensureListening = async () => {
    if (listening) return;
    // The same port again (another process may hold it for a moment: retry).
    for (let attempt = 0; ; attempt += 1) {
      try {
        await listen(port);
        break;
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    listening = true;
  };

  return {
    port,
    urlFor(url: string): string {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString().replace(/\/$/, '');
    },
    get connections() {
      return open.size;
    },
    async cut(cutMode: CutMode = 'refuse') {
      mode = cutMode;
      if (cutMode === 'refuse' && listening) {
        listening = false;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          killAll();
        });
      }
      killAll();
      if (cutMode !== 'refuse') await ensureListening();
    },
    async restore(newTarget) {
      if (newTarget) target = newTarget;
      mode = null;
      await ensureListening();
    },
    async close() {
      mode = 'drop';
      killAll();
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      listening = false;
    },
  };
}
