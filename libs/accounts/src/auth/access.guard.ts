import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_POLICY, CommonError, type AccessPolicy } from '@preceptor/core';
import { AccountsError } from '../accounts.errors.js';
import type { AuthUser } from './auth-user.js';
import { requestOf } from './current-user.decorator.js';

/**
 * Authenticates a bearer token when one is sent, then enforces the operation's declared access
 * policy. Operations without a policy are refused: access is never granted by omission.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): ReturnType<typeof requestOf> {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
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
    if (request.headers['authorization'] !== undefined) {
      await super.canActivate(context);
    }
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

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof AccountsError) throw error;
    if (error || !user) throw AccountsError.invalidAccessToken();
    return user;
  }
}
