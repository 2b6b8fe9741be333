import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `must be a whole number between ${min} and ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be a whole number between ${min} and ${max}` });

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  PORT: int(0, 65535).default('4000'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  ALLOWED_ORIGINS: z.string().default(''),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: int(1, 200).default('10'),
  ANNEX_DATA_DIR: z.string().min(1).default('.annex/data'),
  ANNEX_SEED: bool.default('true'),
  /** Where uploaded files are kept (content-addressed); share it between replicas. Defaults to <ANNEX_DATA_DIR>/../files. */
  ANNEX_FILES_DIR: z.string().optional(),
  UPLOAD_MAX_MB: int(1, 1024).default('25'),
  /** Keep uploaded files in this S3-compatible bucket instead of ANNEX_FILES_DIR (every replica uses the same bucket). */
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens' })
    .optional(),
  /** The store's address (MinIO, Ceph, R2, …); leave it unset for AWS S3 itself. */
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'must be a region name like eu-central-1' }).default('us-east-1'),
  /** Both or neither; without them the AWS SDK's default credentials apply (environment, instance role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Address objects as <endpoint>/<bucket>/<key> (most self-hosted stores need it). */
  S3_FORCE_PATH_STYLE: bool.default('false'),
  COLLAB_DEBOUNCE_MS: int(100, 60_000).default('2000'),
  COLLAB_MAX_DEBOUNCE_MS: int(500, 600_000).default('10000'),
  ANNEX_CLIENT_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  LOG_PRETTY: bool.default('false'),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().default('Annex <annex@localhost>'),
  SESSION_TTL_HOURS: int(1, 24 * 365).default('336'),
  SESSION_SWEEP_MS: int(100, 60_000).default('2000'),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1000).default('5'),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: int(1, 100000).default('50'),
  SIGNIN_WINDOW_MINUTES: int(1, 24 * 60).default('15'),
  SIGNIN_SLOW_AFTER: int(0, 1000).default('3'),
  INVITATION_TTL_DAYS: int(1, 90).default('7'),
  EVENTS_RETENTION_DAYS: int(1, 3650).default('7'),
  EVENTS_POLL_MS: int(100, 600_000).default('5000'),
  /** A live socket holding more unsent bytes than this is too far behind: it is closed (1013) to reconnect and resume from its cursor. */
  LIVE_MAX_BUFFERED_BYTES: int(65_536, 1_073_741_824).default('8388608'),
  JOBS_TICK_MS: int(100, 3_600_000).default('30000'),
  SHUTDOWN_TIMEOUT_MS: int(0, 120_000).default('10000'),
  TRUST_PROXY: bool.default('false'),
  /** GraphQL document limits (graphql-armor), checked before anything runs. */
  QUERY_MAX_DEPTH: int(2, 100).default('14'),
  /** graphql-armor's cost: every field costs more the deeper it is (×1.5 a level). */
  QUERY_MAX_COST: int(100, 100_000_000).default('250000'),
  QUERY_MAX_ALIASES: int(1, 1000).default('30'),
  QUERY_MAX_DIRECTIVES: int(1, 1000).default('50'),
  QUERY_MAX_TOKENS: int(100, 1_000_000).default('8000'),
  /** Items in all the lists of one answer, added up (nested lists multiply; depth and cost cannot see it). */
  QUERY_MAX_LIST_ITEMS: int(100, 100_000_000).default('50000'),
  /** API requests per minute per person (or API token); twice that per address. Per replica. */
  RATE_LIMIT_PER_MINUTE: int(10, 1_000_000).default('1200'),
  /** Exports, uploads and other expensive operations per minute per person. Per replica. */
  RATE_LIMIT_EXPENSIVE_PER_MINUTE: int(1, 100_000).default('60'),
  /** Operations of one organisation running at once (the rest queue); 0 = the pool size minus two, at least 2. */
  ORGANIZATION_CONCURRENCY: int(0, 1000).default('0'),
  /** How long a request waits for its organisation's turn before RATE_LIMITED. */
  ORGANIZATION_QUEUE_MS: int(100, 600_000).default('15000'),
  /** HTTP: whole-request and headers time limits. */
  HTTP_REQUEST_TIMEOUT_MS: int(1000, 3_600_000).default('60000'),
  /** PostgreSQL statement_timeout for the API's connections (0 = none). */
  DATABASE_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default('30000'),
});

export type Config = Omit<z.infer<typeof schema>, 'PUBLIC_URL' | 'ALLOWED_ORIGINS' | 'ANNEX_FILES_DIR'> & {
  PUBLIC_URL: string;
  ALLOWED_ORIGINS: string[];
  ANNEX_DATA_DIR: string;
  ANNEX_FILES_DIR: string;
};

export class ConfigError extends Error {}

/**
 * Reads and validates the environment. A bad value stops start-up with one line naming the
 * variable, what it must be and what it was.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new ConfigError(`Invalid configuration: ${key} ${issue.message} (got "${raw[key] ?? ''}")`);
  }
  const c = parsed.data;
  if (!c.S3_BUCKET) {
    const stray = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'].find((key) => raw[key] !== undefined);
    if (stray) throw new ConfigError(`Invalid configuration: S3_BUCKET is required when ${stray} is set (files would otherwise stay on disk)`);
  }
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  const origins = c.ALLOWED_ORIGINS.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`Invalid configuration: ALLOWED_ORIGINS must be a comma-separated list of origins like https://annex.example.com (got "${origin}")`);
    }
  }
  return {
    ...c,
    PUBLIC_URL: publicUrl,
    ALLOWED_ORIGINS: [new URL(publicUrl).origin, ...origins],
    ANNEX_DATA_DIR: path.resolve(c.ANNEX_DATA_DIR),
    ANNEX_FILES_DIR: path.resolve(c.ANNEX_FILES_DIR ?? path.join(c.ANNEX_DATA_DIR, '..', 'files')),
  };
}
