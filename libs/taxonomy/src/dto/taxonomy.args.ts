import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Track } from '../tracks.js';

@ArgsType()
export class TrackArgs {
  @Field(() => Track)
  @IsEnum(Track)
  track: Track;
}

@ArgsType()
export class ListSpecialtiesArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  parentSlug?: string;
}

@ArgsType()
export class SpecialtyArgs {
  @Field()
  @IsString()
  @MaxLength(80)
  slug: string;
}
