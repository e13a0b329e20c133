import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageCursor, PageSize } from '@preceptor/core';
import { MentorFilter } from '@preceptor/profiles';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';

export const MATCHES_PAGE_MAX = 50;
export const MATCHES_PAGE_DEFAULT = 10;

@ArgsType()
export class MatchPageArgs {
  @PageSize(MATCHES_PAGE_DEFAULT, MATCHES_PAGE_MAX)
  first?: number | null;

  @PageCursor()
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
