import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageCursor, PageSize, trimmed } from '@preceptor/core';
import { GrowthArea, IsCountryCode, IsRegionCodeOf, Track } from '@preceptor/taxonomy';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CreditType, EventFormat, EventKind, EventStatus } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';

export const EVENTS_PAGE_MAX = 50;
export const EVENTS_PAGE_DEFAULT = 20;
export const RECOMMENDED_EVENTS_DEFAULT = 10;

@ArgsType()
export class EventPageArgs {
  @PageSize(EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX)
  first?: number | null;

  @PageCursor()
  after?: string | null;
}

@InputType({ description: 'Each list matches any of its values; different fields must all match.' })
export class EventFilter {
  @Field(() => Date, {
    nullable: true,
    description: 'Events starting at or after this instant; by default, events not yet started.',
  })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Events starting before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => [String], {
    nullable: true,
    description: 'A specialty includes all its descendants.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  specialtySlugs?: string[];

  @Field(() => [GrowthArea], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(GrowthArea, { each: true })
  growthAreas?: GrowthArea[];

  @Field(() => [EventKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];

  @Field(() => [EventFormat], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(EventFormat, { each: true })
  formats?: EventFormat[];

  @Field(() => [Track], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(Track, { each: true })
  tracks?: Track[];

  @Field(() => String, { nullable: true, description: 'The venue’s country (ISO 3166-1).' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The venue’s region: "US-IL", or "IL" with the country "US".',
  })
  @IsOptional()
  @IsRegionCodeOf('country')
  region?: string;

  @Field(() => String, { nullable: true, description: 'The venue’s city (case does not matter).' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.venueCity)
  city?: string;

  @Field(() => Boolean, { nullable: true, description: 'Events offering (or not) any credit.' })
  @IsOptional()
  @IsBoolean()
  hasCredits?: boolean;

  @Field(() => [CreditType], { nullable: true, description: 'Events offering any of these.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(CreditType, { each: true })
  creditTypes?: CreditType[];

  @Field(() => String, {
    nullable: true,
    description:
      'Words in the title or description (each word a prefix: "cardio" finds "cardiology").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class EventsArgs extends EventPageArgs {
  @Field(() => EventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventFilter)
  filter?: EventFilter;
}

@ArgsType()
export class EventArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  id: string;
}

@ArgsType()
export class CancelEventArgs extends EventArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Why, for the people who RSVPed.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.cancellationReason)
  reason?: string | null;
}

@ArgsType()
export class RsvpArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId: string;
}

@ArgsType()
export class RecommendedEventsArgs {
  @PageSize(RECOMMENDED_EVENTS_DEFAULT, EVENTS_PAGE_MAX, 'How many')
  first?: number | null;
}

@ArgsType()
export class MyEventsArgs extends EventPageArgs {
  @Field(() => EventStatus, {
    nullable: true,
    description: 'Only events in this status; by default all, drafts included.',
  })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;
}
