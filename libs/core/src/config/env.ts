import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const nonNegativeInt = z.coerce.number().int().min(0);

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
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/pg'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    MIGRATIONS_RUN: booleanString.default(true),
    SEED_DEMO: booleanString.optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SESSION_CACHE_TTL_MS: nonNegativeInt.max(300_000).default(30_000),
    AUTH_RATE_LIMIT: nonNegativeInt.default(5),
    AUTH_IP_RATE_LIMIT: nonNegativeInt.default(100),
    TRUST_PROXY: z.string().default('false'),
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
  })
  .superRefine((env, ctx) => {
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
export type AppEnv = Omit<ParsedEnv, 'JWT_SECRET' | 'GRAPHIQL' | 'SEED_DEMO'> & {
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
  const env = result.data;
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

/** Express `trust proxy` setting from TRUST_PROXY: false, true, a hop count, or addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === 'false' || value === '0' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}
