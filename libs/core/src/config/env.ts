import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const nonNegativeInt = z.coerce.number().int().min(0);

/** 30 days: ASVS 4.0.3 V3.3.2's bound at level 1, the longest any session may last. */
const MAX_SESSION_SECONDS = 30 * 24 * 60 * 60;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // The API's own connections only (see docs/architecture.md, "Failure modes"); migrations,
    // seeding and the mentor index's load run without them. 0 turns each off.
    DATABASE_STATEMENT_TIMEOUT_MS: nonNegativeInt.max(3_600_000).default(5_000),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: nonNegativeInt.max(3_600_000).default(30_000),
    /** Longest wait for a pooled connection (or a new one to connect); 0 waits forever. */
    DATABASE_POOL_TIMEOUT_MS: nonNegativeInt.max(600_000).default(5_000),
    /** Each change feed notifies itself this often; three missed in a row is a lost feed. */
    FEED_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/pg'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    MIGRATIONS_RUN: booleanString.default(true),
    SEED_DEMO: booleanString.optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    // OWASP ASVS 4.0.3 V3.3.2, level 2: sign in again after 12 hours, or after 30 minutes unused.
    // Both are checked on every refresh and every access-token session check.
    SESSION_ABSOLUTE_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SESSION_SECONDS)
      .default(12 * 60 * 60),
    SESSION_IDLE_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SESSION_SECONDS)
      .default(30 * 60),
    /** Replaced by SESSION_ABSOLUTE_TIMEOUT_SECONDS; set, it stops the process (see below). */
    REFRESH_TTL_DAYS: z.string().optional(),
    SESSION_CACHE_TTL_MS: nonNegativeInt.max(300_000).default(30_000),
    AUTH_RATE_LIMIT: nonNegativeInt.default(5),
    AUTH_IP_RATE_LIMIT: nonNegativeInt.default(100),
    // ASVS 4.0.3 V2.2.1 allows at most 100 failed attempts an hour on one account; every attempt
    // counts here, so 30 leaves room for real people and stops a guessing run far sooner.
    AUTH_RATE_LIMIT_HOURLY: nonNegativeInt.default(30),
    AUTH_IP_RATE_LIMIT_HOURLY: nonNegativeInt.default(1000),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value, ctx) => {
        const read = readTrustProxy(value);
        if ('problem' in read) {
          ctx.addIssue({ code: 'custom', message: read.problem });
          return z.NEVER;
        }
        return read.setting;
      }),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    GRAPHIQL: booleanString.optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SHUTDOWN_DELAY_MS: nonNegativeInt.max(60000).default(0),
    // Bounds the whole drain, delay included; below Kubernetes' default 30 s grace period, so
    // that an overrunning drain is ended (and logged) by us rather than by SIGKILL.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(25_000),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(100).default(15),
    // Multiplied by list sizes (libs/core/src/graphql/query-cost.ts): about the most objects and
    // fields one answer may hold. Every specialty with its children and related ones costs
    // ~28,000, a page of 50 mentors with every profile field ~6,700.
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(30_000),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(2000),
    /** JSON of match weights, e.g. {"goals": 40}; parsed by the matching module at start-up. */
    MATCH_WEIGHTS: z.string().optional(),
    /** `exhaustive` scores every eligible mentor per request: the reference for benchmarks. */
    MATCH_RETRIEVAL: z.enum(['tiered', 'exhaustive']).default('tiered'),
  })
  .superRefine((env, ctx) => {
    if (env.REFRESH_TTL_DAYS !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['REFRESH_TTL_DAYS'],
        message:
          'is no longer read: a session now lasts SESSION_ABSOLUTE_TIMEOUT_SECONDS (default 43200, 12 hours) and ends sooner after SESSION_IDLE_TIMEOUT_SECONDS unused (default 1800); remove it',
      });
    }
    if (env.SHUTDOWN_TIMEOUT_MS <= env.SHUTDOWN_DELAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHUTDOWN_TIMEOUT_MS'],
        message: `must be greater than SHUTDOWN_DELAY_MS (${env.SHUTDOWN_DELAY_MS}): it bounds the whole drain, delay included`,
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required in production (at least 32 random characters)',
      });
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production (the embedded database is for development only)',
      });
    }
    if (env.SEED_DEMO === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'cannot be true in production: demo accounts share a published password',
      });
    }
    if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'is required when ADMIN_EMAIL is set',
      });
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;

/** Validated configuration; secrets missing in development are generated per process. */
export type AppEnv = Omit<
  ParsedEnv,
  'JWT_SECRET' | 'GRAPHIQL' | 'SEED_DEMO' | 'REFRESH_TTL_DAYS'
> & {
  JWT_SECRET: string;
  GRAPHIQL: boolean;
  SEED_DEMO: boolean;
  isProduction: boolean;
};

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Parses and validates environment variables; throws naming every offending variable. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  // Empty strings (e.g. `DATABASE_URL=` in .env) mean "unset".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
    );
  }
  const { REFRESH_TTL_DAYS: _replaced, ...env } = result.data;
  const isProduction = env.NODE_ENV === 'production';
  return {
    ...env,
    isProduction,
    JWT_SECRET: env.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    GRAPHIQL: env.GRAPHIQL ?? !isProduction,
    // Demo people only where nobody could mistake them for real ones.
    SEED_DEMO: env.SEED_DEMO ?? !isProduction,
  };
}

/** What Express's `trust proxy` may be set to: a hop count, or addresses and subnets. */
export type TrustProxySetting = number | string[];

// proxy-addr's names for well-known ranges (127.0.0.1/8 and ::1; 169.254.0.0/16 and fe80::/10;
// 10/8, 172.16/12, 192.168/16 and fc00::/7): subnets like any other, written by name.
const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_SUBNETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: `false` or `0` (the default: X-Forwarded-For is ignored), a hop count (how
 * many proxies of ours stand in front of the API), or a comma-separated list of the proxies'
 * addresses and subnets. Anything else is refused with a sentence saying why; `true` first of all
 * ("believe any X-Forwarded-For"), which lets every client pick its own address, and with it a
 * fresh per-IP rate-limit budget for each attempt.
 */
export function readTrustProxy(
  value: string,
): { setting: TrustProxySetting } | { problem: string } {
  const trimmed = value.trim();
  if (trimmed === 'false') return { setting: 0 };
  if (/^\d+$/.test(trimmed)) return { setting: Number(trimmed) };
  if (trimmed === 'true') {
    return {
      problem:
        'is "true", which would believe any X-Forwarded-For a client sends: give the number of proxies in front of the API (e.g. 1) or their addresses/subnets (e.g. 10.0.0.0/8)',
    };
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (bad.length > 0) {
    return {
      problem: `has ${bad.map((entry) => `"${entry}"`).join(', ')}, which is not a hop count, an IP address or a subnet (CIDR): give e.g. 1, or 10.0.0.0/8, 192.168.1.10`,
    };
  }
  return { setting: entries };
}
