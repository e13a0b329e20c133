import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, type AuthUser } from '@preceptor/accounts';
import { Authenticated, Public } from '@preceptor/core';
import { CreateEventInput, UpdateEventInput } from './dto/event.input.js';
import { CancelEventArgs, EventArgs } from './dto/events.args.js';
import { EventsService } from './events.service.js';
import { EventModel } from './models/event.models.js';

@Resolver()
export class EventsResolver {
  constructor(private readonly organizing: EventsService) {}

  @Public()
  @Query(() => EventModel, {
    nullable: true,
    description: 'One event; null if there is none you may see (drafts are their organizer’s).',
  })
  event(
    @Args() { id }: EventArgs,
    @CurrentUser() caller: AuthUser | undefined,
  ): Promise<EventModel | null> {
    return this.organizing.event(id, caller);
  }

  @Authenticated(Role.ORGANIZER, Role.ADMIN)
  @Mutation(() => EventModel, {
    description: 'Create an event as a DRAFT; needs the ORGANIZER (or ADMIN) role.',
  })
  createEvent(
    @Args('input') input: CreateEventInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<EventModel> {
    return this.organizing.create(caller, input);
  }

  @Authenticated()
  @Mutation(() => EventModel, { description: 'Change an event you organize.' })
  updateEvent(
    @Args() { id }: EventArgs,
    @Args('input') input: UpdateEventInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<EventModel> {
    return this.organizing.update(caller, id, input);
  }

  @Authenticated()
  @Mutation(() => EventModel, { description: 'List a draft you organize; it opens for RSVPs.' })
  publishEvent(@Args() { id }: EventArgs, @CurrentUser() caller: AuthUser): Promise<EventModel> {
    return this.organizing.publish(caller, id);
  }

  @Authenticated()
  @Mutation(() => EventModel, {
    description: 'Call off an event you organize; every RSVP is cancelled with it.',
  })
  cancelEvent(
    @Args() { id, reason }: CancelEventArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<EventModel> {
    return this.organizing.cancel(caller, id, reason ?? null);
  }
}
