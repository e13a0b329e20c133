import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, runTransaction, SqlState, sqlStateOf, type AppEnv } from '@preceptor/core';
import { DataSource } from 'typeorm';
import { AccountsError } from '../accounts.errors.js';
import { toUserModel } from '../accounts.mapper.js';
import type { LogInInput } from '../dto/log-in.input.js';
import type { SignUpInput } from '../dto/sign-up.input.js';
import type { AuthPayload } from '../models/auth-payload.model.js';
import { isCommonPassword } from '../password/common-passwords.js';
import { PasswordHasher } from '../password/password-hasher.service.js';
import { passwordProblem } from '../password/password-policy.js';
import { SessionEndReason } from '../sessions/session-end-reason.js';
import { SessionsService, type IssuedRefreshToken } from '../sessions/sessions.service.js';
import { SELF_SERVICE_ROLES } from '../users/role.enum.js';
import { UserEntity } from '../users/user.entity.js';
import { AccessTokens } from './access-tokens.js';
import type { AuthUser } from './auth-user.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly tokens: AccessTokens,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async signUp(input: SignUpInput, userAgent: string | null): Promise<AuthPayload> {
    const forbiddenRole = input.roles.find((role) => !SELF_SERVICE_ROLES.includes(role));
    if (forbiddenRole) throw AccountsError.roleNotAllowed(forbiddenRole);
    const problem = passwordProblem(input.password, input, isCommonPassword);
    if (problem) throw AccountsError.weakPassword(problem);

    const passwordHash = await this.hasher.hash(input.password);
    try {
      // The account and its first session commit together or not at all.
      const { user, issued } = await runTransaction(this.dataSource, async (manager) => {
        const created = await manager.save(
          manager.create(UserEntity, {
            email: input.email,
            fullName: input.fullName,
            passwordHash,
            roles: input.roles,
            isSeeded: false,
          }),
        );
        return { user: created, issued: await this.sessions.start(manager, created.id, userAgent) };
      });
      return this.payload(user, issued);
    } catch (error) {
      if (sqlStateOf(error) === SqlState.UNIQUE_VIOLATION) {
        throw AccountsError.emailTaken();
      }
      throw error;
    }
  }

  async logIn(input: LogInInput, userAgent: string | null): Promise<AuthPayload> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { email: input.email } });
    // Verify even for unknown emails so timing does not reveal which accounts exist.
    const valid = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    // Seeded accounts share a published password: never a way in to a production deployment.
    const seededInProduction = user?.isSeeded === true && this.env.isProduction;
    if (!user || !valid || seededInProduction) throw AccountsError.invalidCredentials();
    const issued = await runTransaction(this.dataSource, (manager) =>
      this.sessions.start(manager, user.id, userAgent),
    );
    this.sessions.forget(issued.endedSessionIds);
    return this.payload(user, issued);
  }

  /**
   * Replaces the caller's password (same policy as at sign-up) after checking the current one,
   * and ends every other session of theirs; the caller's own stays. Returns how many ended.
   */
  async changePassword(
    caller: AuthUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOneOrFail({ where: { id: caller.id } });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw AccountsError.wrongCurrentPassword();
    }
    if (newPassword === currentPassword) throw AccountsError.passwordUnchanged();
    const problem = passwordProblem(newPassword, user, isCommonPassword);
    if (problem) throw AccountsError.weakPassword(problem, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);

    const ended = await runTransaction(this.dataSource, async (manager) => {
      // The account row is locked: of two changes at once, the second waits, then finds the
      // password it checked replaced (its current password is no longer current).
      const locked = await manager.findOneOrFail(UserEntity, {
        where: { id: caller.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (locked.passwordHash !== user.passwordHash) throw AccountsError.wrongCurrentPassword();
      if (!(await this.sessions.isOpen(manager, caller.sessionId))) {
        throw AccountsError.sessionEnded();
      }
      await manager.update(UserEntity, { id: caller.id }, { passwordHash });
      return this.sessions.endOpenSessions(
        manager,
        caller.id,
        caller.sessionId,
        SessionEndReason.PASSWORD_CHANGED,
      );
    });
    this.sessions.forget(ended);
    return ended.length;
  }

  async refreshSession(refreshToken: string): Promise<AuthPayload> {
    const issued = await this.sessions.rotate(refreshToken);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: issued.userId } });
    return this.payload(user, issued);
  }

  logOut(refreshToken: string): Promise<boolean> {
    return this.sessions.endByRefreshToken(refreshToken);
  }

  private async payload(user: UserEntity, issued: IssuedRefreshToken): Promise<AuthPayload> {
    const access = await this.tokens.sign({ sub: user.id, sid: issued.sessionId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: issued.refreshToken,
      user: toUserModel(user),
    };
  }
}
