import { Field, Float, InputType, Int, PartialType } from '@nestjs/graphql';
import { trimmed } from '@preceptor/core';
import { GrowthArea, IsCountryCode, IsRegionCodeOf, Track } from '@preceptor/taxonomy';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CreditType, EventFormat, EventKind } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';

@InputType({ description: 'Where an in-person or hybrid event takes place.' })
export class VenueInput {
  @Field({ description: 'e.g. "Rush University Medical Center, Armour Academic Center".' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(EVENT_LIMITS.venueName)
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.venueAddress)
  address?: string | null;

  @Field()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(EVENT_LIMITS.venueCity)
  city: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 region such as "US-IL", or "IL" with the country "US".',
  })
  @IsOptional()
  @IsRegionCodeOf('country')
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "US".' })
  @IsCountryCode()
  country: string;
}

@InputType({ description: 'Continuing-education credit the event offers.' })
export class CreditInput {
  @Field(() => CreditType)
  @IsEnum(CreditType)
  type: CreditType;

  @Field(() => Float, {
    description: 'Credit hours (60-minute contact hours), more than 0, at most the event’s length.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  hours: number;

  @Field({ description: 'Who accredits it, e.g. "ACCME", "ANCC", "ACPE".' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(EVENT_LIMITS.accreditor)
  accreditor: string;

  @Field(() => String, {
    nullable: true,
    description: 'The accreditor’s activity or course number (e.g. an ACPE UAN).',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.activityId)
  activityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The provider’s number with the accreditor or board (e.g. a CE Broker provider number or a state board approval number); goes on attendees’ credit records.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.providerNumber)
  providerNumber?: string | null;
}

@InputType()
export class CreateEventInput {
  @Field()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(EVENT_LIMITS.title)
  title: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(EVENT_LIMITS.description)
  description: string;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => EventFormat)
  @IsEnum(EventFormat)
  format: EventFormat;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field({ description: 'After startsAt.' })
  @IsDate()
  endsAt: Date;

  @Field({ description: 'IANA time zone the event is held in, e.g. "America/Chicago".' })
  @IsString()
  @MaxLength(EVENT_LIMITS.timeZone)
  timeZone: string;

  @Field(() => VenueInput, { nullable: true, description: 'Required for IN_PERSON and HYBRID.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInput)
  venue?: VenueInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'https:// link to join online; required for VIRTUAL and HYBRID. Shown only to the organizer and people going.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(EVENT_LIMITS.joinUrl)
  joinUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats, at least 1; none for no limit.' })
  @IsOptional()
  @IsInt()
  capacity?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: `Specialty slugs, at most ${EVENT_LIMITS.specialties}.`,
  })
  @IsOptional()
  @ArrayMaxSize(EVENT_LIMITS.specialties)
  @ArrayUnique({ message: 'must not repeat a specialty' })
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  specialtySlugs?: string[] | null;

  @Field(() => [GrowthArea], { nullable: true, description: 'What the event helps people grow.' })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a growth area' })
  @IsEnum(GrowthArea, { each: true })
  growthAreas?: GrowthArea[] | null;

  @Field(() => [Track], { nullable: true, description: 'Who the event is for.' })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a track' })
  @IsEnum(Track, { each: true })
  tracks?: Track[] | null;

  @Field(() => [CreditInput], {
    nullable: true,
    description: `Continuing-education credit, at most ${EVENT_LIMITS.credits} offers.`,
  })
  @IsOptional()
  @ArrayMaxSize(EVENT_LIMITS.credits)
  @ValidateNested({ each: true })
  @Type(() => CreditInput)
  credits?: CreditInput[] | null;
}

/** The fields of an event that cannot be cleared, only changed. */
export const REQUIRED_EVENT_FIELDS = [
  'title',
  'description',
  'kind',
  'format',
  'startsAt',
  'endsAt',
  'timeZone',
] as const satisfies readonly (keyof CreateEventInput)[];

@InputType({
  description:
    'Omitted fields keep their value. null clears venue, joinUrl, capacity (no limit) and the lists; the other fields cannot be cleared.',
})
export class UpdateEventInput extends PartialType(CreateEventInput, InputType) {}
