import { describe, expect, it } from '@jest/globals';
import { InvalidEnvironmentError, parseEnv, trustProxySetting } from './env.js';

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
      SESSION_CACHE_TTL_MS: 30_000,
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

describe('trustProxySetting', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
  ])('reads %s', (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});
