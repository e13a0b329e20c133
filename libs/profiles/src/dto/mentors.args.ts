import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageCursor, PageSize } from '@preceptor/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CareerStage, GrowthArea, IsCountryCode, IsRegionCodeOf, Track } from '@preceptor/taxonomy';
import { MeetingFormat } from '../profiles/profile-enums.js';
import { IsLanguageCode, normalizeLanguageCodes } from './is-language-code.js';

export const MENTORS_PAGE_MAX = 50;
export const MENTORS_PAGE_DEFAULT = 20;

@InputType({ description: 'Each list matches any of its values; different fields must all match.' })
export class MentorFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'A specialty includes all its descendants.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  specialtySlugs?: string[];

  @Field(() => [Track], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(Track, { each: true })
  tracks?: Track[];

  @Field(() => [CareerStage], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(CareerStage, { each: true })
  careerStages?: CareerStage[];

  @Field(() => [GrowthArea], { nullable: true, description: 'Mentors offering any of these.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(GrowthArea, { each: true })
  offers?: GrowthArea[];

  @Field(() => [String], {
    nullable: true,
    description: 'Mentors speaking any of these (ISO 639-1).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @Transform(normalizeLanguageCodes)
  @IsLanguageCode({ each: true })
  languages?: string[];

  @Field(() => [MeetingFormat], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(MeetingFormat, { each: true })
  meetingFormats?: MeetingFormat[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 region code such as "US-TX", or "TX" with the country "US".',
  })
  @IsOptional()
  @IsRegionCodeOf('country')
  region?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingMentees?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the name, headline or bio (prefix match).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class MentorsArgs {
  @Field(() => MentorFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorFilter)
  filter?: MentorFilter;

  @PageSize(MENTORS_PAGE_DEFAULT, MENTORS_PAGE_MAX)
  first?: number | null;

  @PageCursor()
  after?: string | null;
}

@ArgsType()
export class ProfileArgs {
  @Field(() => ID, { description: 'The user whose profile to show.' })
  @IsUUID('all', { message: 'must be a user id' })
  userId: string;
}
