import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CommonError, type GraphqlContext } from '@preceptor/core';
import type { AuthUser } from './auth-user.js';
import { AuthRateLimits } from './auth-rate-limits.js';

/**
 * Counts an attempt at the operation it guards against the shared auth rate limits: per client
 * IP, and per account, which is the email given or else the signed-in caller's user id (the
 * access guard runs first, so the caller is known).
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limits: AuthRateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context);
    const { req } = gql.getContext<GraphqlContext>();
    const email = gql.getArgs<{ input?: { email?: unknown } }>().input?.email;
    const caller = req.user as AuthUser | undefined;
    const account =
      typeof email === 'string' ? email.trim().toLowerCase() : caller ? `user:${caller.id}` : null;
    // Separate budgets per operation: signing up must not use up an account's log-ins.
    const operation = gql.getInfo<{ fieldName: string }>().fieldName;
    const retryAfterSeconds = await this.limits.attempt(operation, req.ip ?? 'unknown', account);
    if (retryAfterSeconds === null) return true;
    // toGraphQLError turns retryAfterSeconds into the Retry-After header.
    throw CommonError.rateLimited(retryAfterSeconds);
  }
}
