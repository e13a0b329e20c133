import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ListSize } from '@preceptor/core';
import {
  CareerStage,
  GrowthArea,
  Track,
  CareerStageInfoModel,
  SpecialtyModel,
} from '@preceptor/taxonomy';
import { MAX_AVAILABILITY_WINDOWS, MAX_PROFILE_SPECIALTIES } from '../dto/profile.input.js';
import { MeetingFormat, ShiftPattern, Weekday } from '../profiles/profile-enums.js';

@ObjectType('AvailabilityWindow', { description: 'A weekly window in the profile’s time zone.' })
export class AvailabilityWindowModel {
  @Field(() => Weekday)
  day: Weekday;

  @Field({ description: '"HH:MM", 24-hour.' })
  startTime: string;

  @Field({ description: '"HH:MM", 24-hour, after startTime ("24:00" = midnight).' })
  endTime: string;
}

@ObjectType('ContactDetails', { description: 'Private: shown only to the profile’s owner.' })
export class ContactDetailsModel {
  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => [String])
  links: string[];
}

@ObjectType('MentorSettings')
export class MentorSettingsModel {
  @Field(() => [GrowthArea])
  offers: GrowthArea[];

  @Field(() => Int, { nullable: true, description: 'How many mentees at once (0–20).' })
  capacity: number | null;

  @Field(() => Int)
  activeMenteeCount: number;

  @Field()
  acceptingMentees: boolean;
}

@ObjectType('MenteeGoals')
export class MenteeGoalsModel {
  @Field(() => [GrowthArea], { description: 'Most important first.' })
  goals: GrowthArea[];

  @Field(() => SpecialtyModel, { nullable: true })
  targetSpecialty: SpecialtyModel | null;
}

@ObjectType('ProfileCompleteness')
export class ProfileCompletenessModel {
  @Field(() => Int, { description: '0–100.' })
  percent: number;

  @Field(() => [String], {
    description:
      'Input fields to fill in next, most useful for matching first (e.g. "bio", "mentor.offers").',
  })
  missing: string[];
}

@ObjectType('Profile', { description: 'A person’s healthcare career profile.' })
export class ProfileModel {
  @Field(() => ID)
  userId: string;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  headline: string | null;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => Track)
  track: Track;

  @Field(() => CareerStage)
  careerStage: CareerStage;

  @Field(() => CareerStageInfoModel, { description: 'The stage as this track names it.' })
  careerStageInfo: CareerStageInfoModel;

  @ListSize(MAX_PROFILE_SPECIALTIES)
  @Field(() => [SpecialtyModel], { description: 'The first is the primary specialty.' })
  specialties: SpecialtyModel[];

  @Field(() => Int, { nullable: true })
  yearsOfExperience: number | null;

  @Field(() => [String], { description: 'ISO 639-1 codes.' })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code, e.g. "US-TX".' })
  region: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-2 name of the region, e.g. "Texas".',
  })
  regionName: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timeZone: string;

  @Field(() => [MeetingFormat])
  meetingFormats: MeetingFormat[];

  @Field(() => ShiftPattern, { nullable: true })
  shiftPattern: ShiftPattern | null;

  @ListSize(MAX_AVAILABILITY_WINDOWS)
  @Field(() => [AvailabilityWindowModel])
  availability: AvailabilityWindowModel[];

  @Field(() => ContactDetailsModel, {
    nullable: true,
    description: 'null unless you own this profile.',
  })
  contact: ContactDetailsModel | null;

  @Field(() => MentorSettingsModel, {
    nullable: true,
    description: 'Set when this person mentors.',
  })
  mentor: MentorSettingsModel | null;

  @Field(() => MenteeGoalsModel, {
    nullable: true,
    description: 'Set when this person seeks mentorship.',
  })
  mentee: MenteeGoalsModel | null;

  @Field(() => ProfileCompletenessModel)
  completeness: ProfileCompletenessModel;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class ProfileConnection extends ConnectionType(ProfileModel, 'Profile') {
  @Field({
    description: 'Always true: every count is exact.',
    deprecationReason: 'Counts are always exact; read totalCount.',
  })
  totalCountExact: boolean;
}
