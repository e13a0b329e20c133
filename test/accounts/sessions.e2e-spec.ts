import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import {
  LOG_IN,
  LOG_OUT,
  ME,
  REFRESH,
  signUp,
  type AuthPayloadResult,
} from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const JWT_SECRET = 'test-secret-for-sessions-e2e-0123456789abcdef';

describe('logIn, me, refreshSession and logOut', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ JWT_SECRET });
  });
  afterAll(async () => {
    await api.close();
  });

  const me = (token?: string) =>
    api.gql.request<{ me: AuthPayloadResult['user'] | null }>(ME, {}, { token });
  const refresh = (token: string) =>
    api.gql.request<{ refreshSession: AuthPayloadResult }>(REFRESH, { token });

  describe('logIn', () => {
    it('signs in with the email in any case and surrounding spaces', async () => {
      const account = await signUp(api.gql);
      const data = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
        input: {
          email: `  ${account.input.email.toUpperCase()} `,
          password: account.input.password,
        },
      });
      expect(data.logIn.user.id).toBe(account.user.id);
      expect((await me(data.logIn.accessToken)).data?.me?.id).toBe(account.user.id);
    });

    it('gives one and the same UNAUTHENTICATED error for a wrong password and an unknown email', async () => {
      const account = await signUp(api.gql);
      const wrongPassword = onlyError(
        await api.gql.request(LOG_IN, {
          input: { email: account.input.email, password: 'not the right password' },
        }),
      );
      const unknownEmail = onlyError(
        await api.gql.request(LOG_IN, {
          input: { email: 'nobody@example.test', password: account.input.password },
        }),
      );
      expect(wrongPassword.extensions?.code).toBe('UNAUTHENTICATED');
      expect(wrongPassword).toEqual(unknownEmail);
    });

    it('refuses empty credentials with BAD_USER_INPUT', async () => {
      const error = onlyError(
        await api.gql.request(LOG_IN, { input: { email: '', password: '' } }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    });
  });

  describe('me', () => {
    it('is null without a token', async () => {
      const result = await me();
      expect(result.errors).toBeUndefined();
      expect(result.data?.me).toBeNull();
    });

    it.each([
      ['garbage', 'not-a-jwt'],
      [
        'signed with another secret',
        new JwtService().sign(
          { sub: 'x', sid: 'y' },
          {
            secret: 'another-secret-another-secret-another',
            issuer: 'preceptor',
            audience: 'preceptor-api',
          },
        ),
      ],
    ])('is UNAUTHENTICATED with a %s token', async (_case, token) => {
      const result = await me(token);
      expect(onlyError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_ACCESS_TOKEN',
      });
      expect(result.data?.me ?? null).toBeNull();
    });

    it('is UNAUTHENTICATED with an expired token, telling the client to refresh', async () => {
      const account = await signUp(api.gql);
      const claims = JSON.parse(
        Buffer.from(account.accessToken.split('.')[1], 'base64url').toString(),
      ) as {
        sub: string;
        sid: string;
      };
      const expired = new JwtService().sign(
        { sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 },
        { secret: JWT_SECRET, issuer: 'preceptor', audience: 'preceptor-api' },
      );
      const error = onlyError(await me(expired));
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/expired/);
    });
  });

  describe('refreshSession', () => {
    it('rotates: new credentials work, and the old refresh token cannot be used again', async () => {
      const account = await signUp(api.gql);
      const first = await refresh(account.refreshToken);
      expect(first.errors).toBeUndefined();
      const rotated = first.data!.refreshSession;
      expect(rotated.refreshToken).not.toBe(account.refreshToken);
      expect(rotated.user.id).toBe(account.user.id);
      expect((await me(rotated.accessToken)).data?.me?.id).toBe(account.user.id);
    });

    it('ends the whole session family when a used refresh token is presented again', async () => {
      const account = await signUp(api.gql);
      const rotated = (await refresh(account.refreshToken)).data!.refreshSession;

      const replay = onlyError(await refresh(account.refreshToken));
      expect(replay.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'REFRESH_TOKEN_REUSED',
      });

      // Everything issued in that session is now dead, including what the rotation handed out.
      expect(onlyError(await refresh(rotated.refreshToken)).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(onlyError(await me(rotated.accessToken)).extensions).toMatchObject({
        reason: 'SESSION_ENDED',
      });
      expect(onlyError(await me(account.accessToken)).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('leaves other sessions of the same person alone', async () => {
      const account = await signUp(api.gql);
      const laptop = (
        await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
          input: { email: account.input.email, password: account.input.password },
        })
      ).logIn;
      await refresh(account.refreshToken);
      await refresh(account.refreshToken);
      expect((await me(laptop.accessToken)).data?.me?.id).toBe(account.user.id);
      expect((await refresh(laptop.refreshToken)).errors).toBeUndefined();
    });

    it('lets exactly one of several simultaneous exchanges of one token win', async () => {
      const account = await signUp(api.gql);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => refresh(account.refreshToken)),
      );
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.errors)) {
        expect(onlyError(loser).extensions?.code).toBe('UNAUTHENTICATED');
      }
      // The race is itself a replay, so the session ends either way.
      const after = await me(account.accessToken);
      expect(onlyError(after).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an unknown token', async () => {
      const error = onlyError(await refresh('x'.repeat(43)));
      expect(error.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_REFRESH_TOKEN',
      });
    });

    it('refuses a malformed token with BAD_USER_INPUT', async () => {
      const error = onlyError(await refresh('short'));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'refreshToken' });
    });
  });

  describe('logOut', () => {
    it('ends the session at once: its access and refresh tokens stop working', async () => {
      const account = await signUp(api.gql);
      const out = await api.gql.ok<{ logOut: boolean }>(LOG_OUT, { token: account.refreshToken });
      expect(out.logOut).toBe(true);
      expect(onlyError(await me(account.accessToken)).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
      });
      expect(onlyError(await refresh(account.refreshToken)).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers false when the session had already ended', async () => {
      const account = await signUp(api.gql);
      await api.gql.ok(LOG_OUT, { token: account.refreshToken });
      const again = await api.gql.ok<{ logOut: boolean }>(LOG_OUT, { token: account.refreshToken });
      expect(again.logOut).toBe(false);
    });

    it('refuses an unknown refresh token', async () => {
      const error = onlyError(await api.gql.request(LOG_OUT, { token: 'y'.repeat(43) }));
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
