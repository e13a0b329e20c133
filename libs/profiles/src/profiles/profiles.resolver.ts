import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, type AuthUser } from '@preceptor/accounts';
import { Authenticated, ListSize } from '@preceptor/core';
import {
  MENTORS_PAGE_DEFAULT,
  MENTORS_PAGE_MAX,
  MentorsArgs,
  ProfileArgs,
} from '../dto/mentors.args.js';
import { ProfileInput } from '../dto/profile.input.js';
import { MenteeGoalsInput, MentorSettingsInput } from '../dto/settings.input.js';
import { ProfileConnection, ProfileModel } from '../models/profile.models.js';
import { MentorsService } from './mentors.service.js';
import { ProfilesService } from './profiles.service.js';

@Resolver(() => ProfileModel)
export class ProfilesResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly mentorSearch: MentorsService,
  ) {}

  @Authenticated()
  @Query(() => ProfileModel, {
    nullable: true,
    description: 'Your profile; null until you create it.',
  })
  myProfile(@CurrentUser() caller: AuthUser): Promise<ProfileModel | null> {
    return this.profiles.myProfile(caller);
  }

  @Authenticated()
  @Query(() => ProfileModel, {
    nullable: true,
    description: 'A mentor’s profile, or your own; null when there is none you may see.',
  })
  profile(
    @Args() { userId }: ProfileArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileModel | null> {
    return this.profiles.profile(userId, caller);
  }

  @Authenticated()
  @ListSize({
    max: MENTORS_PAGE_MAX,
    slicingArgument: 'first',
    whenAbsent: MENTORS_PAGE_DEFAULT,
    sizedFields: ['edges'],
  })
  @Query(() => ProfileConnection, { description: 'Browse mentors, newest first.' })
  mentors(@Args() args: MentorsArgs, @CurrentUser() caller: AuthUser): Promise<ProfileConnection> {
    return this.mentorSearch.mentors(args, caller);
  }

  @Authenticated()
  @Mutation(() => ProfileModel, { description: 'Create or update your profile.' })
  updateProfile(
    @Args('input') input: ProfileInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileModel> {
    return this.profiles.updateProfile(caller, input);
  }

  @Authenticated(Role.MENTOR)
  @Mutation(() => ProfileModel, {
    description: 'What you offer as a mentor; needs the MENTOR role.',
  })
  updateMentorSettings(
    @Args('input') input: MentorSettingsInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileModel> {
    return this.profiles.updateMentorSettings(caller, input);
  }

  @Authenticated(Role.MENTEE)
  @Mutation(() => ProfileModel, { description: 'What you want help with; needs the MENTEE role.' })
  updateMenteeGoals(
    @Args('input') input: MenteeGoalsInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileModel> {
    return this.profiles.updateMenteeGoals(caller, input);
  }
}
