import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@preceptor/core';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UserModel } from '../models/user.model.js';
import { UsersService } from './users.service.js';

@Resolver()
export class MeResolver {
  constructor(private readonly users: UsersService) {}

  @Public()
  @Query(() => UserModel, {
    nullable: true,
    description:
      'The signed-in user; null when no token is sent. An expired or revoked token is UNAUTHENTICATED.',
  })
  me(@CurrentUser() caller: AuthUser | undefined): Promise<UserModel | null> {
    return caller ? this.users.findById(caller.id) : Promise.resolve(null);
  }
}
