import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type AuthUser } from '@preceptor/accounts';
import { Authenticated } from '@preceptor/core';
import { CredentialsInput } from './credentials.input.js';
import { CredentialsModel } from './credentials.model.js';
import { CredentialsService } from './credentials.service.js';

@Resolver()
export class CredentialsResolver {
  constructor(private readonly credentials: CredentialsService) {}

  @Authenticated()
  @Query(() => CredentialsModel, {
    description:
      'Your licences, NPI and board id (empty until set). Only you can read them; they go on your credits CSV.',
  })
  myCredentials(@CurrentUser() caller: AuthUser): Promise<CredentialsModel> {
    return this.credentials.myCredentials(caller);
  }

  @Authenticated()
  @Mutation(() => CredentialsModel, {
    description: 'Replace your licences, NPI and board id with these.',
  })
  setCredentials(
    @Args('input') input: CredentialsInput,
    @CurrentUser() caller: AuthUser,
  ): Promise<CredentialsModel> {
    return this.credentials.setCredentials(caller, input);
  }
}
