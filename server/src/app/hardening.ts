import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { GraphQLError, defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLFormattedError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import type { RequestContext, Viewer } from '../core/context.js';

/**
 * Limits on the shape of a GraphQL document, checked while it is parsed and validated — before
 * any resolver (and so any SQL of the operation) runs. The client's own operations stay well
 * inside them (a test checks every one).
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

export function queryLimitsOf(config: Config): QueryLimits {
  return {
    maxDepth: config.QUERY_MAX_DEPTH,
    maxCost: config.QUERY_MAX_COST,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
    maxTokens: config.QUERY_MAX_TOKENS,
  };
}

/** The one error code a document over a limit gets; `reason` says which limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const reject =
  (reason: string) =>
  (ctx: ValidationContext | null, error: GraphQLError): void => {
    ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: QUERY_TOO_COMPLEX, reason } }));
  };

/**
 * graphql-armor (Escape): depth, cost, alias, directive and token limits, and no field
 * suggestions in production (they leak the schema when introspection is off).
 */
export function queryArmor(limits: QueryLimits, production: boolean): { plugins: ApolloServerPlugin<RequestContext>[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, propagateOnRejection: false, onReject: [reject('DEPTH')] },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true, propagateOnRejection: false, onReject: [reject('COST')] },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [reject('ALIASES')] },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true, propagateOnRejection: false, onReject: [reject('DIRECTIVES')] },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin<RequestContext>[],
    validationRules: validationRules as ValidationRule[],
    // graphql-js stops lexing past this many tokens, before building any syntax tree.
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

const LIMIT_REASONS = new Set(['DEPTH', 'COST', 'ALIASES', 'DIRECTIVES']);

/**
 * Apollo answers every validation error as GRAPHQL_VALIDATION_FAILED and the token limit as a
 * parse error; a document over one of our limits gets its own code instead, with the reason.
 */
export function relabelLimitErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const reason = extensions['reason'];
  if (extensions['code'] === 'GRAPHQL_VALIDATION_FAILED' && typeof reason === 'string' && LIMIT_REASONS.has(reason)) {
    return { ...formatted, extensions: { ...extensions, code: QUERY_TOO_COMPLEX } };
  }
  const tokens = extensions['code'] === 'GRAPHQL_PARSE_FAILED' ? /more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
  if (tokens) {
    return { ...formatted, message: `Token limit of ${tokens[1]} exceeded.`, extensions: { ...extensions, code: QUERY_TOO_COMPLEX, reason: 'TOKENS' } };
  }
  return formatted;
}

/** Counts GraphQL tokens (names, numbers, strings, punctuators), stopping past the limit. */
export function roughTokenCount(source: string, stopAfter = Infinity): number {
  const pattern = /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*|\.\.\.|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[!$&()=:@[\]{|}]/g;
  let count = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match[0].startsWith('#')) continue;
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

/**
 * Security headers for everything served (helmet). The content security policy applies to the
 * web client: scripts only from here, styles inline (Mantine writes its CSS variables inline),
 * WebSockets to this origin, no framing by other sites.
 */
export function securityHeaders(config: Config): RequestHandler {
  const sockets = config.ALLOWED_ORIGINS.map((origin) => origin.replace(/^http/, 'ws'));
  const common = {
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: config.PUBLIC_URL.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' as const },
  };
  const withPolicy = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...sockets],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        frameSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
      },
    },
  });
  // The GraphQL endpoint answers JSON; its development landing page (Apollo Sandbox) loads from
  // Apollo's CDN, so it gets every header but the policy (and has no landing page in production).
  const withoutPolicy = helmet({ ...common, contentSecurityPolicy: false });
  return (req, res, next) => (req.path === '/graphql' ? withoutPolicy(req, res, next) : withPolicy(req, res, next));
}

/**
 * Who a request counts for (rate limits, idempotency keys, the fairness gate): one API token,
 * or a person whatever their session; null when signed out.
 */
export function callerKeyOf(viewer: Viewer | null | undefined): string | null {
  if (!viewer) return null;
  return viewer.apiToken ? `token:${viewer.apiToken.id}` : `user:${viewer.user.id}`;
}

/**
 * Request rates per person and per address (per replica: behind a load balancer with N
 * replicas a client may reach N times the rate, still bounded). Expensive operations (exports,
 * uploads, pack preparation) have a much lower budget of their own.
 */
export class RateLimits {
  private readonly perPerson: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;
  private readonly expensive: RateLimiterMemory;

  constructor(config: Config) {
    this.perPerson = new RateLimiterMemory({ keyPrefix: 'person', points: config.RATE_LIMIT_PER_MINUTE, duration: 60 });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'address', points: config.RATE_LIMIT_PER_MINUTE * 2, duration: 60 });
    this.expensive = new RateLimiterMemory({ keyPrefix: 'expensive', points: config.RATE_LIMIT_EXPENSIVE_PER_MINUTE, duration: 60 });
  }

  private static async consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', `Too many ${what}. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`, { retryAfterSeconds });
    }
  }

  /** Every API request: one point per person (or token) and per address. */
  async request(personKey: string | null, address: string | null): Promise<void> {
    if (personKey) await RateLimits.consume(this.perPerson, personKey, 'requests');
    if (address) await RateLimits.consume(this.perAddress, address, 'requests from this address');
  }

  /** An expensive operation (an export, an upload, a pack): a small budget per person or address. */
  async expensiveOperation(personKey: string | null, address: string | null): Promise<void> {
    await RateLimits.consume(this.expensive, personKey ?? `address:${address ?? 'unknown'}`, 'exports and uploads');
  }
}

/**
 * Fairness between organisations: at most `perKey` operations of one organisation (or, when the
 * operation names none, of one person) run at once; the rest wait their turn, in order. One
 * organisation flooding heavy queries then holds a few database connections, never all of them.
 */
export class FairnessGate {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(
    private readonly perKey: number,
    private readonly maxWaitMs: number,
  ) {}

  /**
   * Waits for a slot of `key` and returns its release. `cancelled` (if given) is checked when a
   * slot frees up: a request that was already answered gives its slot straight back.
   */
  async enter(key: string, signal?: { cancelled: boolean }): Promise<() => void> {
    const running = this.running.get(key) ?? 0;
    if (running < this.perKey) {
      this.running.set(key, running + 1);
      return this.exitFor(key);
    }
    const queue = this.waiting.get(key) ?? [];
    this.waiting.set(key, queue);
    await new Promise<void>((resolve, rejectWait) => {
      const timer = setTimeout(() => {
        const index = queue.indexOf(admit);
        if (index >= 0) queue.splice(index, 1);
        rejectWait(new AppError('RATE_LIMITED', 'Too many requests of your organisation are running. Try again in a moment.', { retryAfterSeconds: 2 }));
      }, this.maxWaitMs);
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      queue.push(admit);
    });
    const release = this.exitFor(key);
    if (signal?.cancelled) {
      release();
      throw new AppError('RATE_LIMITED', 'The request ended while it waited for its turn.');
    }
    return release;
  }

  private exitFor(key: string): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.get(key)?.shift();
      if (next) {
        next(); // the slot passes straight to the next in line
        return;
      }
      const left = (this.running.get(key) ?? 1) - 1;
      if (left <= 0) this.running.delete(key);
      else this.running.set(key, left);
      if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
    };
  }
}

/** The organisation an operation is about: the first organisation id among its variables. */
export function organizationOfVariables(variables: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): string | null => {
    if (typeof value === 'string') return /^org_(?:[0-9a-f]{32}|[0-9a-f-]{36})$/.test(value) ? value : null;
    if (!value || typeof value !== 'object' || depth > 4 || seen.has(value)) return null;
    seen.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const found = visit(item, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(variables, 0);
}

/** Rate limits and fairness for GraphQL over HTTP, as an Apollo plugin. */
export function trafficPlugin(limits: RateLimits, gate: FairnessGate): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const personKey = callerKeyOf(contextValue.viewer);
      let leave: (() => void) | null = null;
      let waiting: Promise<unknown> | null = null;
      const answered = { cancelled: false };
      return {
        async didResolveOperation({ request, operation }) {
          if (operation?.operation === 'subscription') return;
          try {
            await limits.request(personKey, contextValue.ip);
            const organizationId = organizationOfVariables(request.variables);
            const key = organizationId ? `org:${organizationId}` : (personKey ?? `address:${contextValue.ip ?? 'unknown'}`);
            const entering = gate.enter(key, answered);
            waiting = entering.catch(() => undefined);
            leave = await entering;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            // Answered 429 with Retry-After, like the sign-in throttle's errors but on HTTP too.
            const retryAfter = error.details.retryAfterSeconds ?? 1;
            throw new GraphQLError(error.message, {
              extensions: { code: error.code, retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
            });
          }
        },
        async willSendResponse() {
          // Apollo may answer (another plugin's error) while this request still waits for its
          // turn: mark it answered so the slot it gets is given straight back, never leaked.
          answered.cancelled = true;
          if (!leave && waiting) void waiting.then(() => leave?.());
          leave?.();
          leave = null;
        },
      };
    },
  };
}

/**
 * The items every list of one answer holds, added up. Depth and cost are static limits; they
 * cannot know that `members { organization { members … } } }` multiplies by the size of the
 * organisation at each level. So list fields count what they return, and past
 * `QUERY_MAX_LIST_ITEMS` the operation stops with QUERY_TOO_COMPLEX (reason SIZE) before the
 * answer grows any larger. Subscriptions are not counted (each event is a small answer).
 */
const listItemCounts = new WeakMap<object, { count: number; exceeded: boolean }>();
const boundedSchemas = new WeakSet<GraphQLSchema>();

export function listBudgetExceeded(contextValue: unknown): boolean {
  return typeof contextValue === 'object' && contextValue !== null && listItemCounts.get(contextValue)?.exceeded === true;
}

export function tooLargeError(max: number): GraphQLError {
  return new GraphQLError(`The answer would hold more than ${max} items in its lists. Ask for fewer nested lists, or page through them.`, {
    extensions: { code: QUERY_TOO_COMPLEX, reason: 'SIZE' },
  });
}

export function boundListSizes(schema: GraphQLSchema): void {
  if (boundedSchemas.has(schema)) return;
  boundedSchemas.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      // Lists only (a small share of the fields), and no promise added where the list is at hand.
      field.resolve = (source, args, context: RequestContext, info) => {
        const result: unknown = resolve(source, args, context, info);
        if (info.operation.operation === 'subscription') return result;
        return result instanceof Promise ? result.then((list) => countListItems(context, list)) : countListItems(context, result);
      };
    }
  }
}

function countListItems(context: RequestContext, list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  const max = context.services.config.QUERY_MAX_LIST_ITEMS;
  const budget = listItemCounts.get(context) ?? { count: 0, exceeded: false };
  listItemCounts.set(context, budget);
  budget.count += list.length;
  if (budget.count > max) {
    budget.exceeded = true;
    throw tooLargeError(max);
  }
  return list;
}

/** An answer stopped for its size carries that one error, not one per list it cut. */
export function listBudgetPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!listBudgetExceeded(contextValue) || response.body.kind !== 'single') return;
          const error = tooLargeError(contextValue.services.config.QUERY_MAX_LIST_ITEMS);
          response.body.singleResult = { data: null, errors: [{ message: error.message, extensions: error.extensions }] };
          response.http.status = 400;
        },
      };
    },
  };
}
