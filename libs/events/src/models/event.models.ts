import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ListSize } from '@preceptor/core';
import { ScoreComponentModel } from '@preceptor/matching';
import { GrowthArea, SpecialtyModel, Track } from '@preceptor/taxonomy';
import { CreditType, EventFormat, EventKind, EventStatus, RsvpStatus } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';
import { RECOMMENDATION_CRITERIA } from '../recommendations/score-event.js';

@ObjectType('Venue')
export class VenueModel {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field()
  city: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code, e.g. "US-IL".' })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Illinois".' })
  regionName: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@ObjectType('EventCredit', { description: 'Continuing-education credit an event offers.' })
export class EventCreditModel {
  @Field(() => CreditType)
  type: CreditType;

  @Field(() => Float, { description: '60-minute (contact) hours.' })
  hours: number;

  @Field()
  accreditor: string;

  @Field(() => String, { nullable: true })
  activityId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The provider’s number with the accreditor.',
  })
  providerNumber: string | null;
}

@ObjectType('EventOrganizer', {
  description: 'Who lists the event: the name they go by (their profile answers profile(userId)).',
})
export class EventOrganizerModel {
  @Field(() => ID)
  userId: string;

  @Field()
  fullName: string;
}

@ObjectType('Event', { description: 'A professional event: conference, workshop, webinar…' })
export class EventModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => EventFormat)
  format: EventFormat;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field({ description: 'IANA time zone the event is held in; read local times there.' })
  timeZone: string;

  @Field(() => VenueModel, { nullable: true })
  venue: VenueModel | null;

  @Field(() => String, {
    nullable: true,
    description: 'null unless you organize the event, administer Preceptor, or are GOING.',
  })
  joinUrl: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats; null for no limit.' })
  capacity: number | null;

  @Field(() => Int, { description: 'People holding a seat (GOING, or ATTENDED).' })
  goingCount: number;

  @Field(() => Int, { description: 'People on the waitlist (positions 1 to waitlistCount).' })
  waitlistCount: number;

  @Field(() => Int, { nullable: true, description: 'Free seats; null for no limit.' })
  spotsLeft: number | null;

  @ListSize(EVENT_LIMITS.specialties)
  @Field(() => [SpecialtyModel])
  specialties: SpecialtyModel[];

  @Field(() => [GrowthArea])
  growthAreas: GrowthArea[];

  @Field(() => [Track], { description: 'Who the event is for.' })
  tracks: Track[];

  @ListSize(EVENT_LIMITS.credits)
  @Field(() => [EventCreditModel])
  credits: EventCreditModel[];

  @Field(() => EventOrganizerModel)
  organizer: EventOrganizerModel;

  @Field(() => RsvpModel, { nullable: true, description: 'Your RSVP; null if none or signed out.' })
  myRsvp: RsvpModel | null;

  @Field(() => Int, {
    description: 'Grows with every change to the event (its iCalendar SEQUENCE).',
  })
  sequence: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('Rsvp', { description: 'One person’s answer to one event.' })
export class RsvpModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => EventModel)
  event: EventModel;

  @Field(() => RsvpStatus)
  status: RsvpStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Place on the waitlist (1 is next) while WAITLISTED.',
  })
  waitlistPosition: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a seat freed up and you moved from the waitlist to GOING.',
  })
  promotedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => Date, { nullable: true })
  attendedAt: Date | null;

  @Field({ description: 'When you first RSVPed.' })
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class EventConnection extends ConnectionType(EventModel, 'Event') {}

@ObjectType()
export class RsvpConnection extends ConnectionType(RsvpModel, 'Rsvp') {}

@ObjectType('EventRecommendation', {
  description: 'An upcoming event recommended to you, with its score and why.',
})
export class EventRecommendationModel {
  @Field(() => EventModel)
  event: EventModel;

  @Field(() => Float, { description: '0–100, the sum of the breakdown’s contributions.' })
  score: number;

  @Field(() => [String], { description: 'Why it fits you, in sentences, strongest first.' })
  reasons: string[];

  @ListSize(RECOMMENDATION_CRITERIA.length)
  @Field(() => [ScoreComponentModel], {
    description: 'Each criterion’s part: specialty, goals, credits, track, time, location.',
  })
  breakdown: ScoreComponentModel[];
}
