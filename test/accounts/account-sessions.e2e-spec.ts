import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CHANGE_PASSWORD,
  LOG_IN,
  LOG_OUT,
  LOG_OUT_EVERYWHERE,
  logIn,
  ME,
  MY_SESSIONS,
  REFRESH,
  sessionIdOf,
  signUp,
  type AuthPayloadResult,
  type SessionResult,
} from '../support/accounts.js';
import { onlyError, type GraphqlErrorBody } from '../support/graphql-client.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const JWT_SECRET = 'test-secret-for-account-sessions-0123456789';
const NEW_PASSWORD = 'a brand new passphrase for night shifts';

describe('changePassword, logOutEverywhere and mySessions', () => {
  let api: TestApp;
  /** A second API process on the same database, as behind a load balancer. */
  let other: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ JWT_SECRET });
    other = await startTestApp({ JWT_SECRET }, { databaseUrl: api.databaseUrl });
  });
  afterAll(async () => {
    await other.close();
    await api.close();
  });

  const me = (token: string, app: TestApp = api) =>
    app.gql.request<{ me: { id: string } | null }>(ME, {}, { token });
  const refresh = (token: string) =>
    api.gql.request<{ refreshSession: AuthPayloadResult }>(REFRESH, { token });
  const changePassword = (token: string, current: string, next: string) =>
    api.gql.request<{ changePassword: number }>(CHANGE_PASSWORD, { current, next }, { token });
  const mySessions = async (token: string): Promise<SessionResult[]> =>
    (await api.gql.ok<{ mySessions: SessionResult[] }>(MY_SESSIONS, {}, { token })).mySessions;
  const endedBy = (error: GraphqlErrorBody, message: RegExp): void => {
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect(error.message).toMatch(message);
  };

  /** An account signed in three times: three sessions. */
  async function onThreeDevices() {
    const first = await signUp(api.gql);
    const credentials = { email: first.input.email, password: first.input.password };
    const second = await logIn(api.gql, credentials);
    const third = await logIn(api.gql, credentials);
    return { first, second, third, credentials };
  }

  describe('changePassword', () => {
    it('changes the password and ends every other session at once; the caller’s stays', async () => {
      const { first, second, third, credentials } = await onThreeDevices();
      // Answered from memory on this process from now on.
      expect((await me(second.accessToken)).data?.me?.id).toBe(first.user.id);

      const result = await changePassword(first.accessToken, credentials.password, NEW_PASSWORD);
      expect(result.errors).toBeUndefined();
      expect(result.data?.changePassword).toBe(2);

      for (const ended of [second, third]) {
        endedBy(onlyError(await me(ended.accessToken)), /password was changed/);
        expect(onlyError(await refresh(ended.refreshToken)).extensions?.code).toBe(
          'UNAUTHENTICATED',
        );
      }
      expect((await me(first.accessToken)).data?.me?.id).toBe(first.user.id);
      expect((await refresh(first.refreshToken)).errors).toBeUndefined();

      const oldPassword = onlyError(await api.gql.request(LOG_IN, { input: credentials }));
      expect(oldPassword.extensions?.['reason']).toBe('INVALID_CREDENTIALS');
      await logIn(api.gql, { email: credentials.email, password: NEW_PASSWORD });
    });

    it('ends the other sessions on the other API processes too, within the change feed’s delay', async () => {
      const { first, second, credentials } = await onThreeDevices();
      // The other process has confirmed the second session, and now answers it from memory.
      expect((await me(second.accessToken, other)).data?.me?.id).toBe(first.user.id);
      await changePassword(first.accessToken, credentials.password, NEW_PASSWORD);
      await eventually(async () => {
        const result = await me(second.accessToken, other);
        return result.errors?.[0]?.extensions?.['reason'] === 'SESSION_ENDED';
      }, 5_000);
      expect((await me(first.accessToken, other)).data?.me?.id).toBe(first.user.id);
    });

    it('refuses a wrong current password, naming the field, and changes nothing', async () => {
      const { first, second, credentials } = await onThreeDevices();
      const error = onlyError(
        await changePassword(first.accessToken, 'not my password at all', NEW_PASSWORD),
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WRONG_CURRENT_PASSWORD',
        field: 'currentPassword',
      });
      expect(error.message).toBe('currentPassword: this is not your current password.');
      expect((await me(second.accessToken)).data?.me?.id).toBe(first.user.id);
      await logIn(api.gql, credentials);
    });

    it.each([
      ['too short', () => 'short one', /newPassword: must be at least 12 characters/],
      ['too common', () => 'password1234', /newPassword: is too common/],
      [
        'based on the email',
        (email: string) => `${email.split('@')[0]} on call`,
        /newPassword: must not be based on your email or name/,
      ],
    ])('refuses a new password that is %s, as sign-up would', async (_case, next, message) => {
      const { first, second, credentials } = await onThreeDevices();
      const error = onlyError(
        await changePassword(first.accessToken, credentials.password, next(credentials.email)),
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WEAK_PASSWORD',
        field: 'newPassword',
      });
      expect(error.message).toMatch(message);
      expect((await me(second.accessToken)).data?.me?.id).toBe(first.user.id);
      await logIn(api.gql, credentials);
    });

    it('refuses the current password as the new one', async () => {
      const { first, credentials } = await onThreeDevices();
      const error = onlyError(
        await changePassword(first.accessToken, credentials.password, credentials.password),
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PASSWORD_UNCHANGED',
        field: 'newPassword',
      });
    });

    it('needs a signed-in caller', async () => {
      const result = await api.gql.request(CHANGE_PASSWORD, {
        current: 'whatever password',
        next: NEW_PASSWORD,
      });
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lets one of two simultaneous changes from two sessions win, and ends the other’s session', async () => {
      const { first, second, credentials } = await onThreeDevices();
      const results = await Promise.all([
        changePassword(first.accessToken, credentials.password, NEW_PASSWORD),
        changePassword(second.accessToken, credentials.password, `${NEW_PASSWORD} again`),
      ]);
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      const loser = results.find((result) => result.errors);
      expect(onlyError(loser!).extensions?.code).toMatch(/^(BAD_USER_INPUT|UNAUTHENTICATED)$/);
      const alive = await Promise.all([me(first.accessToken), me(second.accessToken)]);
      expect(alive.filter((result) => !result.errors)).toHaveLength(1);
    });
  });

  describe('logOutEverywhere', () => {
    it('ends every session of the caller, theirs included, and nobody else’s', async () => {
      const { first, second, third } = await onThreeDevices();
      const stranger = await signUp(api.gql);
      const result = await api.gql.request<{ logOutEverywhere: number }>(
        LOG_OUT_EVERYWHERE,
        {},
        { token: second.accessToken },
      );
      expect(result.data?.logOutEverywhere).toBe(3);
      for (const ended of [first, second, third]) {
        endedBy(onlyError(await me(ended.accessToken)), /logged out everywhere/);
        expect(onlyError(await refresh(ended.refreshToken)).extensions?.code).toBe(
          'UNAUTHENTICATED',
        );
      }
      expect((await me(stranger.accessToken)).data?.me?.id).toBe(stranger.user.id);
    });

    it('needs a signed-in caller', async () => {
      const result = await api.gql.request(LOG_OUT_EVERYWHERE);
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('mySessions', () => {
    it('lists the caller’s open sessions, most recently used first, marking this one', async () => {
      const phone = await signUp(api.gql, {}, { headers: { 'user-agent': 'Preceptor iOS/2.1' } });
      const credentials = { email: phone.input.email, password: phone.input.password };
      const laptop = await logIn(api.gql, credentials, {
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
      });
      await signUp(api.gql); // someone else

      const sessions = await mySessions(laptop.accessToken);
      expect(sessions.map((session) => session.id)).toEqual([
        sessionIdOf(laptop.accessToken),
        sessionIdOf(phone.accessToken),
      ]);
      expect(sessions.map((session) => [session.userAgent, session.current])).toEqual([
        ['Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', true],
        ['Preceptor iOS/2.1', false],
      ]);
      for (const session of sessions) {
        const twelveHours = Date.parse(session.expiresAt) - Date.parse(session.createdAt);
        expect(twelveHours).toBe(12 * 60 * 60 * 1000);
        expect(Date.parse(session.lastUsedAt)).toBeGreaterThanOrEqual(
          Date.parse(session.createdAt),
        );
      }
      expect((await mySessions(phone.accessToken)).find((s) => s.current)?.id).toBe(
        sessionIdOf(phone.accessToken),
      );
    });

    it('leaves out sessions that ended or timed out', async () => {
      const { first, second, third } = await onThreeDevices();
      await api.gql.ok(LOG_OUT, { token: second.refreshToken });
      await api.sql(
        `UPDATE sessions SET last_used_at = now() - interval '31 minutes' WHERE id = $1`,
        [sessionIdOf(third.accessToken)],
      );
      expect((await mySessions(first.accessToken)).map((session) => session.id)).toEqual([
        sessionIdOf(first.accessToken),
      ]);
    });

    it('needs a signed-in caller', async () => {
      expect(onlyError(await api.gql.request(MY_SESSIONS)).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('holds at most 20: signing in a 21st time ends the least recently used', async () => {
      const oldest = await signUp(api.gql);
      const credentials = { email: oldest.input.email, password: oldest.input.password };
      const later: AuthPayloadResult[] = [];
      for (let i = 0; i < 20; i += 1) later.push(await logIn(api.gql, credentials));
      const sessions = await mySessions(later[19].accessToken);
      expect(sessions).toHaveLength(20);
      expect(sessions.map((session) => session.id)).not.toContain(sessionIdOf(oldest.accessToken));
      endedBy(onlyError(await me(oldest.accessToken)), /more devices than allowed/);
      expect((await me(later[0].accessToken)).data?.me?.id).toBe(oldest.user.id);
    });
  });
});
