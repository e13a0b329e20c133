import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { AppEnv } from '@preceptor/core';
import { AccessTokens, bearerToken, JWT_AUDIENCE, JWT_ISSUER } from './access-tokens.js';

const SECRET = 'a-secret-for-access-token-specs-0123456789';
const tokens = new AccessTokens({ JWT_SECRET: SECRET, JWT_ACCESS_TTL_SECONDS: 900 } as AppEnv);
const claims = { sub: '8d6a3c1e-0000-4000-8000-000000000001', sid: 'a-session' };

/** A token signed with `SECRET` but otherwise as the caller says. */
function signed(payload: Record<string, unknown>, options: Record<string, unknown> = {}): string {
  return new JwtService().sign(payload, {
    secret: SECRET,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    ...options,
  });
}

describe('AccessTokens', () => {
  it('verifies what it signed, giving back the claims', async () => {
    const { token } = await tokens.sign(claims);
    expect(tokens.verify(token)).toEqual(claims);
  });

  it('signs with its issuer, audience and lifetime', async () => {
    const { token } = await tokens.sign(claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iss: string;
      aud: string;
      iat: number;
      exp: number;
    };
    expect(payload).toMatchObject({ iss: JWT_ISSUER, aud: JWT_AUDIENCE });
    expect(payload.exp - payload.iat).toBe(900);
  });

  it.each([
    ['garbage', () => 'not-a-jwt'],
    ['another key', () => new JwtService().sign(claims, { secret: `${SECRET}-other` })],
    ['another audience', () => signed(claims, { audience: 'someone-else', expiresIn: 60 })],
    ['another issuer', () => signed(claims, { issuer: 'someone-else', expiresIn: 60 })],
    ['expiry passed', () => signed({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })],
    ['no session', () => signed({ sub: claims.sub })],
    ['no expiry', () => signed(claims)],
    ['a numeric subject', () => signed({ sub: 42, sid: claims.sid }, { expiresIn: 60 })],
    ['no signature (alg none)', () => signed(claims, { algorithm: 'none', expiresIn: 60 })],
    [
      'a tampered payload',
      () => {
        const token = signed(claims, { expiresIn: 60 });
        const [head, body, signature] = token.split('.');
        const original = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as object;
        const payload = Buffer.from(JSON.stringify({ ...original, sub: 'someone-else' }));
        return [head, payload.toString('base64url'), signature].join('.');
      },
    ],
  ])('refuses a token with %s', (_case, token) => {
    expect(tokens.verify(token())).toBeNull();
  });

  describe('a token verified before', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('verifies again with the same claims', async () => {
      const { token } = await tokens.sign(claims);
      expect(tokens.verify(token)).toEqual(claims);
      expect(tokens.verify(token)).toEqual(claims);
    });

    it('is refused from the second it expires', async () => {
      // Only the clock: signing waits on real timers.
      jest.useFakeTimers({
        now: new Date('2026-12-01T08:00:00.000Z'),
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
      });
      const { token } = await tokens.sign(claims);
      expect(tokens.verify(token)).toEqual(claims);
      jest.setSystemTime(new Date('2026-12-01T08:14:59.999Z'));
      expect(tokens.verify(token)).toEqual(claims);
      jest.setSystemTime(new Date('2026-12-01T08:15:00.000Z'));
      expect(tokens.verify(token)).toBeNull();
      jest.setSystemTime(new Date('2026-12-01T08:00:01.000Z'));
      // Forgotten, and checked afresh: still refused once expired.
      expect(tokens.verify(token)).toEqual(claims);
    });

    it('does not make another instance accept it', async () => {
      const other = new AccessTokens({
        JWT_SECRET: `${SECRET}-other`,
        JWT_ACCESS_TTL_SECONDS: 900,
      } as AppEnv);
      const { token } = await tokens.sign(claims);
      expect(tokens.verify(token)).toEqual(claims);
      expect(other.verify(token)).toBeNull();
    });
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['BEARER   abc.def.ghi  ', 'abc.def.ghi'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    [undefined],
    [''],
    ['Bearer'],
    ['Bearer '],
    ['Basic abc'],
    ['abc.def.ghi'],
    ['Bearer a b'],
  ])('finds no token in %j', (header) => {
    expect(bearerToken(header)).toBeNull();
  });

  it('finds no token in a repeated header', () => {
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeNull();
  });
});
