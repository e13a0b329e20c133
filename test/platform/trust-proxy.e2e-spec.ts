import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_IN } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The client address matters to the per-IP auth rate limit, which is how these tests see it:
// with one attempt allowed per address, a second attempt is refused exactly when the API took
// it for the same client.
const ONE_ATTEMPT_PER_IP = { AUTH_RATE_LIMIT: '100', AUTH_IP_RATE_LIMIT: '1' };

let attempt = 0;
async function codeOf(api: TestApp, forwardedFor?: string): Promise<string | undefined> {
  attempt += 1;
  const result = await api.gql.request(
    LOG_IN,
    { input: { email: `proxy.${attempt}@example.test`, password: 'whatever password' } },
    forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } },
  );
  return result.errors?.[0]?.extensions?.code;
}

/** Whether the API takes requests with these two X-Forwarded-For headers for one client. */
async function sameClient(api: TestApp, first: string, second: string): Promise<boolean> {
  expect(await codeOf(api, first)).toBe('UNAUTHENTICATED');
  return (await codeOf(api, second)) === 'TOO_MANY_REQUESTS';
}

describe('TRUST_PROXY', () => {
  it('refuses to start with true ("believe any X-Forwarded-For"), naming the value', async () => {
    await expect(startTestApp({ TRUST_PROXY: 'true' })).rejects.toThrow(
      /TRUST_PROXY is "true", which would believe any X-Forwarded-For/,
    );
  });

  it('refuses to start with something that is no address, quoting it', async () => {
    await expect(startTestApp({ TRUST_PROXY: '10.0.0.0/8, proxy.internal' })).rejects.toThrow(
      /TRUST_PROXY has "proxy.internal", which is not a hop count, an IP address or a subnet/,
    );
  });

  describe('unset', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ ...ONE_ATTEMPT_PER_IP, TRUST_PROXY: '' });
    });
    afterAll(async () => {
      await api.close();
    });

    it('ignores X-Forwarded-For: spoofed addresses count as the one real client', async () => {
      expect(await sameClient(api, '198.51.100.1', '198.51.100.2')).toBe(true);
    });
  });

  describe('a hop count (1: one proxy of ours in front)', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ ...ONE_ATTEMPT_PER_IP, TRUST_PROXY: '1' });
    });
    afterAll(async () => {
      await api.close();
    });

    it('takes the client address from X-Forwarded-For', async () => {
      expect(await sameClient(api, '198.51.100.11', '198.51.100.12')).toBe(false);
    });

    it('believes only the entry our proxy wrote (the last), not what the client prepended', async () => {
      expect(await sameClient(api, '198.51.100.21', '203.0.113.9, 198.51.100.21')).toBe(true);
    });
  });

  describe('proxy addresses', () => {
    let listed: TestApp;
    let unlisted: TestApp;
    beforeAll(async () => {
      // The tests connect from 127.0.0.1: the proxy in the first case, a stranger in the second.
      listed = await startTestApp({ ...ONE_ATTEMPT_PER_IP, TRUST_PROXY: '10.0.0.0/8,127.0.0.1' });
      unlisted = await startTestApp({ ...ONE_ATTEMPT_PER_IP, TRUST_PROXY: '10.0.0.0/8' });
    });
    afterAll(async () => {
      await listed.close();
      await unlisted.close();
    });

    it('honours X-Forwarded-For from a listed proxy', async () => {
      expect(await sameClient(listed, '198.51.100.31', '198.51.100.32')).toBe(false);
    });

    it('ignores it from anyone else', async () => {
      expect(await sameClient(unlisted, '198.51.100.41', '198.51.100.42')).toBe(true);
    });
  });
});
