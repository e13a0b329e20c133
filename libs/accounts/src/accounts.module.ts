import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_ENV, type AppEnv } from '@preceptor/core';
import { AccessGuard } from './auth/access.guard.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthRateLimitGuard } from './auth/auth-rate-limit.guard.js';
import { AuthRateLimits } from './auth/auth-rate-limits.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { PasswordHasher } from './password/password-hasher.service.js';
import { ActiveSessionCache } from './sessions/active-session-cache.js';
import { RefreshTokenEntity } from './sessions/refresh-token.entity.js';
import { SessionLifetime } from './sessions/session-lifetime.js';
import { SessionEntity } from './sessions/session.entity.js';
import { SessionsResolver } from './sessions/sessions.resolver.js';
import { SessionsService } from './sessions/sessions.service.js';
import { MeResolver } from './users/me.resolver.js';
import { UserEntity } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';

export const ACCOUNTS_ENTITIES = [UserEntity, SessionEntity, RefreshTokenEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNTS_ENTITIES)],
  providers: [
    AccessTokens,
    ActiveSessionCache,
    AuthService,
    AuthResolver,
    AuthRateLimitGuard,
    AuthRateLimits,
    MeResolver,
    PasswordHasher,
    SessionsResolver,
    SessionsService,
    {
      provide: SessionLifetime,
      inject: [APP_ENV],
      useFactory: (env: AppEnv) => new SessionLifetime(env),
    },
    UsersService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService],
})
export class AccountsModule {}
