import { describe, expect, it } from '@jest/globals';
import { InvalidEnvironmentError, parseEnv, readTrustProxy } from './env.js';

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('gives working defaults for development', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      AUTH_RATE_LIMIT: 5,
      AUTH_RATE_LIMIT_HOURLY: 30,
      AUTH_IP_RATE_LIMIT_HOURLY: 1000,
      SESSION_CACHE_TTL_MS: 30_000,
      SESSION_ABSOLUTE_TIMEOUT_SECONDS: 43_200,
      SESSION_IDLE_TIMEOUT_SECONDS: 1_800,
      TRUST_PROXY: 0,
      GRAPHQL_MAX_COST: 30_000,
      GRAPHIQL: true,
      SEED_DEMO: true,
      isProduction: false,
    });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('generates a different development secret per process start', () => {
    expect(parseEnv({}).JWT_SECRET).not.toBe(parseEnv({}).JWT_SECRET);
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      AUTH_RATE_LIMIT: '-1',
      DATABASE_URL: 'mysql://x',
      SESSION_CACHE_TTL_MS: '600000',
      GRAPHQL_MAX_COST: 'lots',
    });
    expect(problems.some((p) => p.startsWith('GRAPHQL_MAX_COST '))).toBe(true);
    expect(problems.some((p) => p.startsWith('SESSION_CACHE_TTL_MS '))).toBe(true);
    expect(problems.some((p) => p.startsWith('PORT '))).toBe(true);
    expect(problems.some((p) => p.startsWith('AUTH_RATE_LIMIT '))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL must be a postgres'))).toBe(true);
  });

  it('refuses to run production without its secrets', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^JWT_SECRET is required in production/),
        expect.stringMatching(/^DATABASE_URL is required in production/),
      ]),
    );
  });

  it('refuses a short JWT secret', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual([
      'JWT_SECRET must be at least 32 characters',
    ]);
  });

  it('turns the IDE and demo data off in production by default', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/app',
    });
    expect(env.GRAPHIQL).toBe(false);
    expect(env.SEED_DEMO).toBe(false);
  });

  it('refuses demo data in production, whose accounts share a published password', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/app',
    };
    expect(problemsOf({ ...production, SEED_DEMO: 'true' })).toEqual([
      expect.stringMatching(/^SEED_DEMO cannot be true in production/),
    ]);
    expect(problemsOf({ ...production, SEED_DEMO: 'false' })).toEqual([]);
  });

  it('bounds the database and change feed timings, 0 turning a timeout off', () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
      DATABASE_POOL_TIMEOUT_MS: 5_000,
      FEED_HEARTBEAT_MS: 5_000,
    });
    expect(parseEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(0);
    const problems = problemsOf({
      DATABASE_STATEMENT_TIMEOUT_MS: '-1',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'soon',
      DATABASE_POOL_TIMEOUT_MS: '1.5',
      FEED_HEARTBEAT_MS: '0',
    });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'DATABASE_STATEMENT_TIMEOUT_MS',
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      'DATABASE_POOL_TIMEOUT_MS',
      'FEED_HEARTBEAT_MS',
    ]);
  });

  it('bounds the shutdown drain, which must outlast its delay', () => {
    expect(parseEnv({})).toMatchObject({ SHUTDOWN_DELAY_MS: 0, SHUTDOWN_TIMEOUT_MS: 25_000 });
    expect(problemsOf({ SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '5000' })).toEqual([
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_MS must be greater than SHUTDOWN_DELAY_MS \(5000\)/),
    ]);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: '0' })).toContainEqual(
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_MS Too small/),
    );
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['false', 0],
    ['0', 0],
    ['2', 2],
    [' 1 ', 1],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
    ['loopback,fd00::/8,2001:db8::1', ['loopback', 'fd00::/8', '2001:db8::1']],
  ])('reads %s', (value, expected) => {
    expect(readTrustProxy(value)).toEqual({ setting: expected });
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('refuses true, which would believe any X-Forwarded-For, naming the value', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY is "true", which would believe any X-Forwarded-For/),
    ]);
  });

  it.each(['yes', '10.0.0.0/33', '10.0.0.0/8/1', 'proxy.internal', '1, 2', '-1', '10.0.0.0/x'])(
    'refuses %s, quoting the bad entry',
    (value) => {
      const [problem] = problemsOf({ TRUST_PROXY: value });
      expect(problem).toMatch(/^TRUST_PROXY has ".+", which is not a hop count, an IP address/);
    },
  );
});

describe('session timeouts', () => {
  it('refuses REFRESH_TTL_DAYS, naming what replaced it', () => {
    expect(problemsOf({ REFRESH_TTL_DAYS: '30' })).toEqual([
      expect.stringMatching(
        /^REFRESH_TTL_DAYS is no longer read: .*SESSION_ABSOLUTE_TIMEOUT_SECONDS/,
      ),
    ]);
  });

  it('keeps every session under 30 days', () => {
    expect(problemsOf({ SESSION_ABSOLUTE_TIMEOUT_SECONDS: String(31 * 86_400) })).toEqual([
      expect.stringMatching(/^SESSION_ABSOLUTE_TIMEOUT_SECONDS /),
    ]);
    expect(problemsOf({ SESSION_IDLE_TIMEOUT_SECONDS: '0' })).toEqual([
      expect.stringMatching(/^SESSION_IDLE_TIMEOUT_SECONDS /),
    ]);
  });
});
