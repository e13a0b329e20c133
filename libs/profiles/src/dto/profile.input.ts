import { Field, InputType, Int } from '@nestjs/graphql';
import { trimmed, trimmedUpperCase } from '@preceptor/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CareerStage,
  IsCountryCode,
  REGION_INPUT_HINT,
  REGION_INPUT_PATTERN,
  Track,
} from '@preceptor/taxonomy';
import { MeetingFormat, ShiftPattern, Weekday } from '../profiles/profile-enums.js';
import { IsLanguageCode, normalizeLanguageCodes } from './is-language-code.js';

export const MAX_PROFILE_SPECIALTIES = 5;
export const MAX_AVAILABILITY_WINDOWS = 21;

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Weekday)
  @IsEnum(Weekday)
  day: Weekday;

  @Field({ description: '"HH:MM", 24-hour, in the profile’s time zone.' })
  @Matches(TIME, { message: 'must be a 24-hour time such as "18:30"' })
  startTime: string;

  @Field({
    description:
      '"HH:MM" after startTime; "24:00" for midnight. Split windows that cross midnight.',
  })
  @Matches(TIME, { message: 'must be a 24-hour time such as "20:00" (or "24:00")' })
  endTime: string;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'International format, e.g. +15551234567.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\s().-]/g, '') : value,
  )
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'must be an international number such as +15551234567' })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Professional links (https), at most 5.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { each: true, message: 'each link must be an https:// URL' },
  )
  @MaxLength(300, { each: true })
  links?: string[] | null;
}

@InputType({ description: 'Omitted optional fields keep their current value; null clears them.' })
export class ProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(160)
  headline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(4000)
  bio?: string | null;

  @Field(() => Track)
  @IsEnum(Track)
  track: Track;

  @Field(() => CareerStage)
  @IsEnum(CareerStage)
  careerStage: CareerStage;

  @Field(() => [String], {
    description: 'Specialty slugs, 1–5; the first is the primary specialty.',
  })
  @ArrayMinSize(1, { message: 'must name at least one specialty' })
  @ArrayMaxSize(MAX_PROFILE_SPECIALTIES)
  @ArrayUnique({ message: 'must not repeat a specialty' })
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  specialtySlugs: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfExperience?: number | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes; default ["en"].' })
  @IsOptional()
  @Transform(normalizeLanguageCodes)
  @ArrayMinSize(1, { message: 'must name at least one language' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'must not repeat a language' })
  @IsLanguageCode({ each: true })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "US".' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'State, province or region: an ISO 3166-2 code such as "US-TX", or "TX" with the country "US". Must lie in the country.',
  })
  @IsOptional()
  @Transform(trimmedUpperCase)
  @IsString()
  @Matches(REGION_INPUT_PATTERN, { message: REGION_INPUT_HINT })
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string | null;

  @Field({ description: 'IANA time zone name, e.g. "America/Chicago".' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @Field(() => [MeetingFormat], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a format' })
  @IsEnum(MeetingFormat, { each: true })
  meetingFormats?: MeetingFormat[] | null;

  @Field(() => ShiftPattern, { nullable: true })
  @IsOptional()
  @IsEnum(ShiftPattern)
  shiftPattern?: ShiftPattern | null;

  @Field(() => [AvailabilityWindowInput], {
    nullable: true,
    description: `At most ${MAX_AVAILABILITY_WINDOWS} weekly windows.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_AVAILABILITY_WINDOWS)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowInput)
  availability?: AvailabilityWindowInput[] | null;

  @Field(() => ContactInput, { nullable: true, description: 'Private contact details.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput | null;
}
