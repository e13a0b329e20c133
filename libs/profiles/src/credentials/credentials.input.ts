import { Field, InputType } from '@nestjs/graphql';
import { trimmed } from '@preceptor/core';
import { IsCountryCode, IsRegionCodeOf } from '@preceptor/taxonomy';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CREDENTIAL_LIMITS } from './credential-rules.js';

@InputType()
export class LicenceInput {
  @Field({ description: 'As the board names it, e.g. "Registered Nurse", "Physician (MD)".' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(CREDENTIAL_LIMITS.profession)
  profession: string;

  @Field({ description: 'The issuing country, ISO 3166-1 alpha-2 (e.g. "US").' })
  @IsCountryCode()
  country: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The issuing state or province: "US-FL", or "FL" with the country "US". Leave out for a national licence.',
  })
  @IsOptional()
  @IsRegionCodeOf('country')
  region?: string | null;

  @Field({ description: 'The licence number as the board issued it.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(CREDENTIAL_LIMITS.licenceNumber)
  number: string;
}

@InputType({ description: 'Replaces all your credentials: send the full list each time.' })
export class CredentialsInput {
  @Field(() => [LicenceInput], {
    description: `Your licences, the primary one first; at most ${CREDENTIAL_LIMITS.licences}. [] removes them all.`,
  })
  @ArrayMaxSize(CREDENTIAL_LIMITS.licences)
  @ValidateNested({ each: true })
  @Type(() => LicenceInput)
  licences: LicenceInput[];

  @Field(() => String, {
    nullable: true,
    description: 'US National Provider Identifier: 10 digits with a valid check digit.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(/^\d{10}$/, { message: 'must be 10 digits' })
  npi?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your id with a certifying board (ABIM, ABP, ANCC…), if you report to one.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty; send null to remove it' })
  @MaxLength(CREDENTIAL_LIMITS.boardId)
  boardId?: string | null;
}
