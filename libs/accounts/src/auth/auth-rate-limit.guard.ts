import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_ENV, CommonError, type AppEnv, type GraphqlContext } from '@preceptor/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 60;

/**
 * Limits sign-up and log-in attempts per minute, per account (AUTH_RATE_LIMIT) and per client IP
 * (AUTH_IP_RATE_LIMIT, generous enough for a hospital's shared NAT). Every attempt counts, so a
 * guessing run is slowed whether or not it succeeds. AUTH_RATE_LIMIT=0 turns both off.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly perAccount: RateLimiterMemory | null;
  private readonly perIp: RateLimiterMemory | null;

  constructor(@Inject(APP_ENV) env: AppEnv) {
    const enabled = env.AUTH_RATE_LIMIT > 0;
    this.perAccount = enabled
      ? new RateLimiterMemory({
          keyPrefix: 'auth-account',
          points: env.AUTH_RATE_LIMIT,
          duration: WINDOW_SECONDS,
        })
      : null;
    this.perIp =
      enabled && env.AUTH_IP_RATE_LIMIT > 0
        ? new RateLimiterMemory({
            keyPrefix: 'auth-ip',
            points: env.AUTH_IP_RATE_LIMIT,
            duration: WINDOW_SECONDS,
          })
        : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context);
    const { req } = gql.getContext<GraphqlContext>();
    const email = gql.getArgs<{ input?: { email?: unknown } }>().input?.email;
    try {
      await this.perIp?.consume(req.ip ?? 'unknown');
      if (typeof email === 'string') {
        // Separate budgets per operation: signing up must not use up an account's log-ins.
        const operation = gql.getInfo<{ fieldName: string }>().fieldName;
        await this.perAccount?.consume(`${operation}:${email.trim().toLowerCase()}`);
      }
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // toGraphQLError turns retryAfterSeconds into the Retry-After header.
      throw CommonError.rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    return true;
  }
}
