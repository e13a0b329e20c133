import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { MentorFilter } from '@preceptor/profiles';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MATCHES_PAGE_MAX = 50;
export const MATCHES_PAGE_DEFAULT = 10;

@ArgsType()
export class MatchPageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: MATCHES_PAGE_DEFAULT,
    description: `Page size, 1–${MATCHES_PAGE_MAX}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MATCHES_PAGE_MAX)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ArgsType()
export class MatchesArgs extends MatchPageArgs {
  @Field(() => MentorFilter, {
    nullable: true,
    description:
      'Narrows the mentors considered, as in mentors(filter); the order stays the score.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorFilter)
  filter?: MentorFilter;
}

@ArgsType()
export class MatchScoreArgs {
  @Field(() => ID, { description: 'The mentor’s user id.' })
  @IsUUID('all', { message: 'must be a user id' })
  mentorId: string;
}
