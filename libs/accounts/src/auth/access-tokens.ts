import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_ENV, type AppEnv } from '@preceptor/core';
import type { AccessTokenClaims } from './auth-user.js';

export const JWT_ISSUER = 'preceptor';
export const JWT_AUDIENCE = 'preceptor-api';
const ALGORITHM = 'HS256';
/** Tokens remembered as verified; a client holds one for its lifetime (15 minutes by default). */
const MAX_VERIFIED = 10_000;

/** A signed access token and the instant it stops being accepted (its `exp`). */
export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

interface Verified {
  claims: AccessTokenClaims;
  /** When the token expires (its `exp`), in ms. */
  expiresAtMs: number;
}

/**
 * Issues and verifies access tokens, with one key, algorithm, issuer, audience and lifetime for
 * both. Owned by this application instance: two instances in one process (tests run an API and
 * "another process" side by side) each verify with their own key and check sessions in their own
 * cache, which a process-wide strategy registry such as passport's could not guarantee.
 */
@Injectable()
export class AccessTokens {
  private readonly jwt: JwtService;
  private readonly lifetimeSeconds: number;
  /**
   * Tokens already verified, by their exact text: the same string verifies the same way until
   * it expires, so a client's next request skips decoding and the HMAC (about a tenth of an
   * authenticated request's floor). Oldest first out when full.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(@Inject(APP_ENV) env: AppEnv) {
    // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM
    // public key on every verify and builds the key from the thrown error (~0.7 ms a request).
    // @nestjs/jwt's types predate KeyObject; it hands the key to jsonwebtoken untouched.
    this.lifetimeSeconds = env.JWT_ACCESS_TTL_SECONDS;
    const key = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as Buffer;
    this.jwt = new JwtService({
      secret: key,
      signOptions: { algorithm: ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      verifyOptions: { algorithms: [ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    });
  }

  /** A token for `claims`; its expiry is the one the client is told. */
  async sign(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.lifetimeSeconds;
    const token = await this.jwt.signAsync({ sub: claims.sub, sid: claims.sid, iat, exp });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a token this API issued and that has not expired; null for anything else. */
  verify(token: string): AccessTokenClaims | null {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.claims;
      this.verified.delete(token);
      return null;
    }
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      return null;
    }
    const { sub, sid, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null;
    const claims: AccessTokenClaims = Object.freeze({ sub, sid });
    if (this.verified.size >= MAX_VERIFIED) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAtMs: exp * 1000 });
    return claims;
  }
}

/** The token of an `Authorization: Bearer <token>` header (scheme in any case); null otherwise. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}
