import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, type AuthUser } from '@preceptor/accounts';
import { Authenticated, ListSize } from '@preceptor/core';
import {
  MATCHES_PAGE_DEFAULT,
  MATCHES_PAGE_MAX,
  MatchesArgs,
  MatchPageArgs,
  MatchScoreArgs,
} from './dto/matches.args.js';
import { MatchingService } from './matching.service.js';
import { MatchConnection, MatchModel, MenteeMatchConnection } from './models/match.models.js';
import { SuggestedMenteesService } from './suggested-mentees.service.js';

/** A page of matches is as long as `first` (query cost, see ListSize). */
const PAGE_SIZE = {
  max: MATCHES_PAGE_MAX,
  slicingArgument: 'first',
  whenAbsent: MATCHES_PAGE_DEFAULT,
  sizedFields: ['edges'],
};

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly suggestions: SuggestedMenteesService,
  ) {}

  @Authenticated(Role.MENTEE)
  @ListSize(PAGE_SIZE)
  @Query(() => MatchConnection, {
    description: 'Mentors for you, best match first; needs the MENTEE role and your goals.',
  })
  matches(@Args() args: MatchesArgs, @CurrentUser() caller: AuthUser): Promise<MatchConnection> {
    return this.matching.matches(caller, args);
  }

  @Authenticated(Role.MENTOR)
  @ListSize(PAGE_SIZE)
  @Query(() => MenteeMatchConnection, {
    description: 'Mentees who could be matched to you, best first; needs the MENTOR role.',
  })
  suggestedMentees(
    @Args() args: MatchPageArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<MenteeMatchConnection> {
    return this.suggestions.suggestedMentees(caller, args);
  }

  @Authenticated(Role.MENTEE)
  @Query(() => MatchModel, {
    description: 'How one mentor scores for you and why, eligible or not; needs the MENTEE role.',
  })
  matchScore(
    @Args() { mentorId }: MatchScoreArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<MatchModel> {
    return this.matching.matchScore(caller, mentorId);
  }
}
