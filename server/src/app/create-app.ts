import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Config } from '../core/config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { openDatabase, runMigrations, type Database } from '../core/db/database.js';
import { MailSink } from '../core/mail/mail-sink.js';
import { createContext, type RequestContext } from '../core/context.js';
import { formatError, isUnexpected } from '../core/errors.js';
import { statementCounter } from '../core/db/statement-counter.js';
import { liveSinkOf, subscribeLive } from '../core/events/live-stream.js';
import { DocumentCache } from './document-cache.js';
import { withRequestScope } from '../core/db/request-scope.js';
import { idempotencyPlugin } from './idempotency.js';
import { availabilityPlugin, tryAgainLater } from './availability.js';
import { createServices, type Services } from './services.js';
import { FairnessGate, boundListSizes, listBudgetExceeded, listBudgetPlugin, queryArmor, relabelLimitErrors, tooLargeError, queryLimitsOf, securityHeaders, trafficPlugin } from './hardening.js';
import { getSchema } from './schema.js';
import { viewerFromRequest } from './http-auth.js';
import { mountExports } from './exports.js';
import { mountMailbox } from './mailbox.js';
import { seedExampleData, type SeedResult } from '../modules/example-data/seed.js';
import { COLLAB_PATH } from '../modules/documents/collaboration.js';
import { mountDocumentFiles } from '../modules/documents/document-files.js';
import { mountEvidenceUploads } from '../modules/audits/evidence-upload.js';
import { mountTrainingEvidence } from '../modules/training/training-evidence.js';

export interface AnnexServer {
  url: string;
  port: number;
  config: Config;
  services: Services;
  seed: SeedResult | null;
  close(): Promise<void>;
}

/** Finds the built client (client/dist) from wherever this file runs: sources or dist. */
function findClientDir(config: Config): string | null {
  if (config.ANNEX_CLIENT_DIR) return path.resolve(config.ANNEX_CLIENT_DIR);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'client', 'dist');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

/** `Cache-Control: no-store` on every GraphQL answer (what Apollo's cache-control plugin sent). */
const noStorePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

function loggingPlugin(exposeInternals: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const store = statementCounter.getStore();
          if (store && exposeInternals) response.http.headers.set('x-sql-statements', String(store.statements));
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              contextValue.logger.error({ err: error.originalError ?? error, operationName, path: error.path }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}

/**
 * Builds and starts the whole server: database (embedded or DATABASE_URL), migrations,
 * example data, HTTP (GraphQL, health, exports, built client) and GraphQL over WebSocket, all
 * on one port.
 */
export async function startAnnex(config: Config, options: { logger?: Logger } = {}): Promise<AnnexServer> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  let mailSink: MailSink | null = null;
  let smtpUrl = config.SMTP_URL;
  if (!smtpUrl) {
    mailSink = new MailSink();
    await mailSink.start();
    smtpUrl = mailSink.url;
  }
  let db: Database;
  try {
    db = await openDatabase(config, logger);
  } catch (error) {
    await mailSink?.stop();
    throw error;
  }
  try {
    await runMigrations(db, logger);
  } catch (error) {
    await db.close();
    await mailSink?.stop();
    throw error;
  }
  const services = createServices({ config, logger, db, smtpUrl, mailSink });
  const seed = config.ANNEX_SEED ? await seedExampleData(services) : null;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);
  // Slow or stalled clients cannot hold sockets forever.
  httpServer.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  httpServer.headersTimeout = Math.min(config.HTTP_REQUEST_TIMEOUT_MS, 20_000);
  const exposeInternals = config.NODE_ENV !== 'production';
  app.use(securityHeaders(config));

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use((_req, _res, next) => statementCounter.run({ statements: 0 }, next));
  app.use(withRequestScope);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await db.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  const contextFor = async (req: Request, res: Response): Promise<RequestContext> =>
    createContext({
      requestId: String(req.id),
      logger: req.log,
      services,
      viewer: await viewerFromRequest(services, req.headers),
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      req,
      res,
    });

  if (mailSink) mountMailbox(app, mailSink);
  mountExports(app, contextFor);
  mountDocumentFiles(app, contextFor);
  mountEvidenceUploads(app, contextFor);
  mountTrainingEvidence(app, contextFor);

  const formatWsError = (error: import('graphql').GraphQLError) => {
    if (isUnexpected(error)) logger.error({ err: error.originalError ?? error, transport: 'ws' }, 'unexpected error');
    return formatError(error.toJSON(), error, exposeInternals);
  };
  /** A result's errors coded and stripped of internals, as over HTTP. */
  const formatWsResult = (result: ExecutionResult) =>
    (result.errors?.length ? { ...result, errors: result.errors.map((error) => formatWsError(error)) } : result) as ExecutionResult;
  const schema = await getSchema();
  boundListSizes(schema);
  const armor = queryArmor(queryLimitsOf(config), config.NODE_ENV === 'production');
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const wsDocuments = new DocumentCache(500, armor.parseOptions);
  const collaboration = services.collaboration;
  // One port for everything: GraphQL subscriptions at /graphql, live co-editing at /collab.
  httpServer.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    // Apollo's CSRF prevention does not cover WebSockets: browsers always send Origin, and
    // only our own origins may open a socket with the visitor's cookie.
    const origin = request.headers.origin;
    if (origin && !config.ALLOWED_ORIGINS.includes(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (pathname === '/graphql') wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
    else if (pathname === COLLAB_PATH) collaboration.handleUpgrade(request, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: RequestContext['viewer']; unregister?: () => void }>(
    {
      schema,
      // Live events are written by the delivery of core/events/live-stream: one execution per
      // event and person, serialised once, the same bytes to each of their sockets.
      subscribe: subscribeLive(wsDocuments, formatWsResult),
      // A socket that does not say connection_init in time is closed (4408), a malformed one at once (4400).
      connectionInitWaitTimeout: 3_000,
      // The same document limits as over HTTP (the token limit when parsing), each distinct
      // document parsed and validated once (see document-cache.ts); a document that does not
      // parse gets a coded error, like one that does not validate.
      onSubscribe: (_ctx, _id, payload) => {
        // Coded as over HTTP: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, QUERY_TOO_COMPLEX with its reason.
        const coded = (error: Error, code: string) => {
          const formatted = relabelLimitErrors({ message: error.message, extensions: { code, ...(error instanceof GraphQLError ? error.extensions : {}) } });
          return new GraphQLError(formatted.message, { nodes: error instanceof GraphQLError ? error.nodes : undefined, extensions: formatted.extensions });
        };
        let document: DocumentNode;
        try {
          document = wsDocuments.parse(payload.query);
        } catch (error) {
          return [coded(error instanceof Error ? error : new Error(String(error)), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = wsDocuments.validate(schema, document, () => validate(schema, document, [...specifiedRules, ...armor.validationRules]));
        if (errors.length) return errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onConnect: async (ctx) => {
        let viewer: RequestContext['viewer'];
        try {
          viewer = await viewerFromRequest(services, ctx.extra.request.headers, ctx.connectionParams);
        } catch (error) {
          return tryAgainLater(ctx.extra.socket, error); // the database is away: 1013, clients retry
        }
        const offered = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        if (offered && !viewer) return false; // bad credentials: 4403 Forbidden
        ctx.extra.viewer = viewer;
        if (viewer) {
          ctx.extra.unregister = services.connections.add({
            sessionId: viewer.sessionId,
            apiTokenId: viewer.apiToken?.id ?? null,
            close: (code, reason) => ctx.extra.socket.close(code, reason),
          });
        }
        return true;
      },
      onClose: (ctx) => {
        ctx.extra.unregister?.();
      },
      // Errors over WebSocket get the same codes and the same hiding of internals as over HTTP.
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors?.length) return undefined;
        if (listBudgetExceeded(args.contextValue)) return { errors: [formatWsError(tooLargeError(config.QUERY_MAX_LIST_ITEMS))] } as never;
        return formatWsResult(result) as never;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatWsError(error)) as never,
      context: (ctx, id) => ({
        ...createContext({
          requestId: randomUUID(),
          logger: logger.child({ transport: 'ws' }),
          services,
          viewer: ctx.extra.viewer ?? null,
          ip: ctx.extra.request.socket.remoteAddress ?? null,
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
        }),
        liveSink: liveSinkOf(ctx.extra.socket, id, config.LIVE_MAX_BUFFERED_BYTES),
      }),
    },
    wsServer,
  );

  const fairness = new FairnessGate(config.ORGANIZATION_CONCURRENCY || Math.max(2, config.DATABASE_POOL_SIZE - 2), config.ORGANIZATION_QUEUE_MS);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    introspection: config.NODE_ENV !== 'production',
    csrfPrevention: true,
    // main.ts owns the signals and shuts everything down in order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: exposeInternals,
    formatError: (formatted, error) => formatError(relabelLimitErrors(formatted), error, exposeInternals),
    parseOptions: armor.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      loggingPlugin(exposeInternals),
      availabilityPlugin(),
      idempotencyPlugin(db),
      ...armor.plugins,
      trafficPlugin(services.rateLimits, fairness),
      listBudgetPlugin(),
      ...(config.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      // Answers are never cached: say so ourselves. Apollo's cache-control plugin would wrap
      // every field resolver of the schema (HTTP and WebSocket alike) to collect cache hints.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
    ],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req, res }) => contextFor(req, res) }));

  const clientDir = findClientDir(config);
  if (clientDir) {
    app.use(express.static(clientDir, { index: false, maxAge: '1y', immutable: true }));
    const indexHtml = path.join(clientDir, 'index.html');
    app.get(/^\/(?!graphql|exports|healthz|readyz|mailbox|files|collab|uploads).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Annex API is running at /graphql. The web client is not built: run `pnpm build`.');
    });
  }

  services.connections.startSweeping(config.SESSION_SWEEP_MS);
  await services.events.start();
  await services.scheduler.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, database: db.embedded ? 'embedded' : 'postgres', client: clientDir !== null }, 'Annex is listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      services.connections.stop();
      await services.scheduler.stop();
      await services.events.stop();
      const force = setTimeout(() => httpServer.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
      force.unref();
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await collaboration.close();
      logger.debug('stopping HTTP and WebSocket');
      await apollo.stop();
      clearTimeout(force);
      services.mailer.close();
      logger.debug('stopping mail sink');
      await mailSink?.stop();
      logger.debug('closing database');
      await db.close();
      logger.info('Annex stopped');
    })();
    return closing;
  };

  return { url: `http://127.0.0.1:${port}`, port, config, services, seed, close };
}
