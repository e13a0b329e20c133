import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public, type GraphqlContext } from '@preceptor/core';
import { LogInInput } from '../dto/log-in.input.js';
import { RefreshTokenArgs } from '../dto/refresh-token.args.js';
import { SignUpInput } from '../dto/sign-up.input.js';
import { AuthPayload } from '../models/auth-payload.model.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { AuthService } from './auth.service.js';

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
    description: 'Exchange a refresh token (once) for new credentials in the same session.',
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
}
