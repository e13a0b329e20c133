import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_ENV, type AppEnv } from '@preceptor/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccountsError } from '../accounts.errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { AccessTokenClaims, AuthUser } from './auth-user.js';

export const JWT_ISSUER = 'preceptor';
export const JWT_AUDIENCE = 'preceptor-api';

/**
 * Verifies the access token, then checks its session is still open, so signing out takes
 * effect at once rather than when the token expires (one primary-key lookup per request).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_ENV) env: AppEnv,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: env.JWT_SECRET,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser> {
    const user = await this.sessions.activeSessionUser(claims.sid, claims.sub);
    if (!user) throw AccountsError.sessionEnded();
    return { id: user.id, roles: user.roles, sessionId: claims.sid };
  }
}
