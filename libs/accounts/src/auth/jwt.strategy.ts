import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_ENV, type AppEnv } from '@preceptor/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { SessionsService } from '../sessions/sessions.service.js';
import type { AccessTokenClaims, AuthUser } from './auth-user.js';

export const JWT_ISSUER = 'preceptor';
export const JWT_AUDIENCE = 'preceptor-api';

/**
 * Verifies the access token, then checks its session is still open (not ended, not timed out),
 * so signing out takes effect at once rather than when the token expires (from memory, or one
 * primary-key lookup).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_ENV) env: AppEnv,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM
      // public key on every verify and builds the key from the thrown error (~0.7 ms a request).
      // passport-jwt's types predate KeyObject; it hands the key to jsonwebtoken untouched.
      secretOrKey: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Throws SESSION_ENDED or SESSION_EXPIRED once the session is over, token or no token. */
  async validate(claims: AccessTokenClaims): Promise<AuthUser> {
    const user = await this.sessions.activeSessionUser(claims.sid, claims.sub);
    return { id: user.id, roles: user.roles, sessionId: claims.sid };
  }
}
