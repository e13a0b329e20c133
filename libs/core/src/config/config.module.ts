import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { type AppEnv, parseEnv } from './env.js';

export const APP_ENV = Symbol('APP_ENV');

// Runs after @nestjs/config has merged `.env` into process.env; throws naming each bad variable.
const appEnv = registerAs('app', () => parseEnv(process.env));

/** Validated, typed configuration available everywhere as the `APP_ENV` provider. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ cache: true, load: [appEnv] })],
  providers: [
    {
      provide: APP_ENV,
      inject: [ConfigService],
      useFactory: (config: ConfigService): AppEnv => config.getOrThrow<AppEnv>('app'),
    },
  ],
  exports: [APP_ENV],
})
export class AppConfigModule {}
