import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, Public, type GraphqlContext } from '@preceptor/core';
import { ChangePasswordArgs } from '../dto/change-password.args.js';
import { LogInInput } from '../dto/log-in.input.js';
import { RefreshTokenArgs } from '../dto/refresh-token.args.js';
import { SignUpInput } from '../dto/sign-up.input.js';
import { AuthPayload } from '../models/auth-payload.model.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';

function userAgent(context: GraphqlContext): string | null {
  return context.req.get('user-agent') ?? null;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(AuthRateLimitGuard)
  @Mutation(() => AuthPayload, { description: 'Create an account and sign in.' })
  signUp(
    @Args('input') input: SignUpInput,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.auth.signUp(input, userAgent(context));
  }

  @Public()
  @UseGuards(AuthRateLimitGuard)
  @Mutation(() => AuthPayload, { description: 'Sign in with email and password.' })
  logIn(
    @Args('input') input: LogInInput,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.auth.logIn(input, userAgent(context));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token (once) for new credentials in the same session; UNAUTHENTICATED with reason SESSION_EXPIRED once the session has timed out.',
  })
  refreshSession(@Args() { refreshToken }: RefreshTokenArgs): Promise<AuthPayload> {
    return this.auth.refreshSession(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'End the session of this refresh token; false when it had already ended.',
  })
  logOut(@Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    return this.auth.logOut(refreshToken);
  }

  @Authenticated()
  @UseGuards(AuthRateLimitGuard)
  @Mutation(() => Int, {
    description:
      'Change your password (same rules as at sign-up) and end all your other sessions; this one stays. Returns how many ended.',
  })
  changePassword(
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<number> {
    return this.auth.changePassword(caller, currentPassword, newPassword);
  }
}
