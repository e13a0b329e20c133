import { Info, Query, Resolver } from '@nestjs/graphql';
import { Public, selectsOnly } from '@preceptor/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UserModel } from '../models/user.model.js';
import { UsersService } from './users.service.js';

/** The `User` fields the caller's checked session answers without reading the account. */
const FROM_SESSION: readonly (keyof UserModel | '__typename')[] = ['__typename', 'id', 'roles'];

@Resolver()
export class MeResolver {
  constructor(private readonly users: UsersService) {}

  @Public()
  @Query(() => UserModel, {
    nullable: true,
    description:
      'The signed-in user; null when no token is sent. An expired or revoked token is UNAUTHENTICATED.',
  })
  me(
    @CurrentUser() caller: AuthUser | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UserModel | null> {
    if (!caller) return Promise.resolve(null);
    // The session just checked already holds the id and the current roles (kept in step by the
    // session feed): the account's row is read only for the fields it alone has.
    if (selectsOnly(info, FROM_SESSION)) {
      return Promise.resolve({ id: caller.id, roles: [...caller.roles] } as UserModel);
    }
    return this.users.findById(caller.id);
  }
}
