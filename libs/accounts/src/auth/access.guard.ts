import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY, CommonError, type AccessPolicy } from '@preceptor/core';
import { AccountsError } from '../accounts.errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccessTokens, bearerToken } from './access-tokens.js';
import type { AuthUser } from './auth-user.js';
import { requestOf } from './current-user.decorator.js';

/**
 * Authenticates a bearer token when one is sent (the token's signature and lifetime, then its
 * session: not ended, not timed out, so signing out takes effect at once rather than when the
 * token expires), then enforces the operation's declared access policy. Operations without a
 * policy are refused: access is never granted by omission.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      throw new Error(
        `${context.getClass().name}.${context.getHandler().name} declares no access policy`,
      );
    }
    const request = requestOf(context);
    const authorization = request.headers['authorization'];
    if (authorization !== undefined) request.user = await this.authenticate(authorization);
    if (policy.kind === 'public') return true;

    const user = request.user;
    if (!user) throw CommonError.authenticationRequired();
    if (
      policy.anyOfRoles.length > 0 &&
      !user.roles.some((role) => policy.anyOfRoles.includes(role))
    ) {
      throw AccountsError.missingRole(policy.anyOfRoles);
    }
    return true;
  }

  /** Throws INVALID_ACCESS_TOKEN, or SESSION_ENDED / SESSION_EXPIRED once the session is over. */
  private async authenticate(authorization: string | string[]): Promise<AuthUser> {
    const token = bearerToken(authorization);
    const claims = token === null ? null : this.tokens.verify(token);
    if (!claims) throw AccountsError.invalidAccessToken();
    const user = await this.sessions.activeSessionUser(claims.sid, claims.sub);
    return { id: user.id, roles: user.roles, sessionId: claims.sid };
  }
}
