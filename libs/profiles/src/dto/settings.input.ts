import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GrowthArea } from '@preceptor/taxonomy';

@InputType()
export class MentorSettingsInput {
  @Field(() => [GrowthArea], { description: 'What you can help with.' })
  @ArrayMinSize(1, { message: 'must name at least one growth area' })
  @ArrayUnique({ message: 'must not repeat a growth area' })
  @IsEnum(GrowthArea, { each: true })
  offers: GrowthArea[];

  @Field(() => Int, {
    nullable: true,
    description: 'Mentees at once, 0–20; omitted keeps the current value (default 3).',
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be between 0 and 20' })
  @Max(20, { message: 'must be between 0 and 20' })
  capacity?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Omitted keeps the current value (default true).',
  })
  @IsOptional()
  @IsBoolean()
  acceptingMentees?: boolean | null;
}

@InputType()
export class MenteeGoalsInput {
  @Field(() => [GrowthArea], { description: 'Ranked, most important first.' })
  @ArrayMinSize(1, { message: 'must name at least one goal' })
  @ArrayMaxSize(8)
  @ArrayUnique({ message: 'must not repeat a goal' })
  @IsEnum(GrowthArea, { each: true })
  goals: GrowthArea[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  targetSpecialtySlug?: string | null;
}
