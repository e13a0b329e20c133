import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_ENV, type AppEnv, primaryKeyReader, type PrimaryKeyReader } from '@preceptor/core';
import type { EntityManager, Repository } from 'typeorm';
import { toUserModel } from '../accounts.mapper.js';
import type { UserModel } from '../models/user.model.js';
import { PasswordHasher } from '../password/password-hasher.service.js';
import { Role } from './role.enum.js';
import { UserEntity } from './user.entity.js';

/** Who a person is, as other domains copy it: the name they go by and what they do. */
export interface UserIdentity {
  fullName: string;
  roles: readonly Role[];
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);
  /** `me` reads the caller's row on every request: the statement is written once. */
  private readonly byId: PrimaryKeyReader<UserEntity>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly hasher: PasswordHasher,
  ) {
    this.byId = primaryKeyReader(users);
  }

  async findById(id: string): Promise<UserModel | null> {
    const user = await this.byId(id);
    return user ? toUserModel(user) : null;
  }

  /**
   * The name and roles of an existing user; throws if there is none. Pass the caller's
   * `manager` to read inside its transaction.
   */
  async identity(
    userId: string,
    manager: EntityManager = this.users.manager,
  ): Promise<UserIdentity> {
    const user = await manager.findOneOrFail(UserEntity, {
      select: { fullName: true, roles: true },
      where: { id: userId },
    });
    return { fullName: user.fullName, roles: user.roles };
  }

  /** ADMIN is only granted here, from ADMIN_EMAIL/ADMIN_PASSWORD, never through sign-up. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.env.ADMIN_EMAIL;
    if (!email) return;
    const existing = await this.users.findOne({ where: { email } });
    if (existing) {
      if (!existing.roles.includes(Role.ADMIN)) {
        await this.users.update(existing.id, { roles: [...existing.roles, Role.ADMIN] });
        this.logger.log(`Granted ADMIN to the configured administrator account`);
      }
      return;
    }
    if (!this.env.ADMIN_PASSWORD) {
      this.logger.warn('ADMIN_EMAIL is set without ADMIN_PASSWORD; no administrator was created');
      return;
    }
    await this.users.insert({
      email,
      fullName: 'Administrator',
      passwordHash: await this.hasher.hash(this.env.ADMIN_PASSWORD),
      roles: [Role.ADMIN],
      isSeeded: false,
    });
    this.logger.log('Created the configured administrator account');
  }
}
