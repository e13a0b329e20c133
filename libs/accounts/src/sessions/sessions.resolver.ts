import { Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, ListSize } from '@preceptor/core';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { SessionModel } from '../models/session.model.js';
import { MAX_OPEN_SESSIONS, SessionsService } from './sessions.service.js';

@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Authenticated()
  @ListSize(MAX_OPEN_SESSIONS)
  @Query(() => [SessionModel], {
    description: `Your open sessions (at most ${MAX_OPEN_SESSIONS}: signing in once more ends the least recently used), most recently used first.`,
  })
  mySessions(@CurrentUser() caller: AuthUser): Promise<SessionModel[]> {
    return this.sessions.mySessions(caller);
  }

  @Authenticated()
  @Mutation(() => Int, {
    description:
      'End all your sessions, this one included: every access and refresh token of yours stops working. Returns how many ended.',
  })
  logOutEverywhere(@CurrentUser() caller: AuthUser): Promise<number> {
    return this.sessions.logOutEverywhere(caller);
  }
}
