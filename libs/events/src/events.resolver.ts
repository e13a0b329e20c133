import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, type AuthUser } from '@preceptor/accounts';
import { Authenticated, ListSize, Public, selectsField } from '@preceptor/core';
import type { GraphQLResolveInfo } from 'graphql';
import { CreateEventInput, UpdateEventInput } from './dto/event.input.js';
import {
  CancelEventArgs,
  EVENTS_PAGE_DEFAULT,
  EVENTS_PAGE_MAX,
  EventArgs,
  RECOMMENDED_EVENTS_DEFAULT,
  EventPageArgs,
  EventsArgs,
  MyEventsArgs,
  RecommendedEventsArgs,
  RsvpArgs,
} from './dto/events.args.js';
import { EventSearchService } from './event-search.service.js';
import { EventsService } from './events.service.js';
import {
  EventConnection,
  EventModel,
  EventRecommendationModel,
  RsvpConnection,
  RsvpModel,
} from './models/event.models.js';
import { EventRecommendationsService } from './recommendations/recommendations.service.js';
import { RsvpsService } from './rsvps.service.js';

/** A page of events or RSVPs is as long as `first` (query cost, see ListSize). */
const PAGE_SIZE = {
  max: EVENTS_PAGE_MAX,
  slicingArgument: 'first',
  whenAbsent: EVENTS_PAGE_DEFAULT,
  sizedFields: ['edges'],
};

@Resolver()
export class EventsResolver {
  constructor(
    private readonly organizing: EventsService,
    private readonly search: EventSearchService,
    private readonly rsvps: RsvpsService,
    private readonly recommendations: EventRecommendationsService,
  ) {}

  @Public()
  @ListSize(PAGE_SIZE)
  @Query(() => EventConnection, {
    description:
      'Published events by start time; without a date range, those not yet started. No sign-in needed.',
  })
  events(
    @Args() args: EventsArgs,
    @CurrentUser() caller: AuthUser | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EventConnection> {
    return this.search.events(args, caller, { withTotal: selectsField(info, 'totalCount') });
  }

  @Authenticated()
  @ListSize({
    max: EVENTS_PAGE_MAX,
    slicingArgument: 'first',
    whenAbsent: RECOMMENDED_EVENTS_DEFAULT,
  })
  @Query(() => [EventRecommendationModel], {
    description:
      'Upcoming events for you, best first: by your specialties, goals, track, credit your boards take, availability and location. Needs your profile.',
  })
  recommendedEvents(
    @Args() { first }: RecommendedEventsArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<EventRecommendationModel[]> {
    return this.recommendations.recommended(caller, first);
  }

  @Authenticated(Role.ORGANIZER, Role.ADMIN)
  @ListSize(PAGE_SIZE)
  @Query(() => EventConnection, {
    description:
      'The events you organize, drafts and cancelled ones included, by start time; ORGANIZER or ADMIN.',
  })
  myEvents(
    @Args() args: MyEventsArgs,
    @CurrentUser() caller: AuthUser,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EventConnection> {
    return this.search.myEvents(caller, args, { withTotal: selectsField(info, 'totalCount') });
  }

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

  @Authenticated()
  @Mutation(() => RsvpModel, {
    description:
      'Take a seat, or a place on the waitlist when it is full. Asking again returns the same RSVP.',
  })
  rsvp(
    @Args() { eventId }: RsvpArgs,
    @CurrentUser() caller: AuthUser,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RsvpModel> {
    return this.rsvps.rsvp(caller, eventId, { withEvent: selectsField(info, 'event') });
  }

  @Authenticated()
  @Mutation(() => RsvpModel, {
    description: 'Give your seat or waitlist place back; the first person waiting gets the seat.',
  })
  cancelRsvp(
    @Args() { eventId }: RsvpArgs,
    @CurrentUser() caller: AuthUser,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RsvpModel> {
    return this.rsvps.cancelRsvp(caller, eventId, { withEvent: selectsField(info, 'event') });
  }

  @Authenticated()
  @ListSize(PAGE_SIZE)
  @Query(() => RsvpConnection, { description: 'Your RSVPs, by the event’s start.' })
  myRsvps(@Args() args: EventPageArgs, @CurrentUser() caller: AuthUser): Promise<RsvpConnection> {
    return this.rsvps.myRsvps(caller, args);
  }
}
