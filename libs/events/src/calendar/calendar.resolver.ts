import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, type AuthUser } from '@preceptor/accounts';
import { Authenticated } from '@preceptor/core';
import type { Request } from 'express';
import { CalendarFeedModel } from './calendar-feed.model.js';
import { CalendarService } from './calendar.service.js';
import { originOf } from './calendar-url.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendars: CalendarService) {}

  @Authenticated()
  @Mutation(() => CalendarFeedModel, {
    description:
      'A private calendar feed URL of the events you are going to. Creating one again replaces the URL: the old one stops working.',
  })
  async createCalendarFeed(
    @CurrentUser() caller: AuthUser,
    @Context('req') request: Request,
  ): Promise<CalendarFeedModel> {
    return { url: await this.calendars.createFeed(caller.id, originOf(request)) };
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Stop your calendar feed URL from working; false if you had none.',
  })
  revokeCalendarFeed(@CurrentUser() caller: AuthUser): Promise<boolean> {
    return this.calendars.revokeFeed(caller.id);
  }
}
