import { Global, Module } from '@nestjs/common';
import { APP_ENV } from '../config/config.module.js';
import type { AppEnv } from '../config/env.js';
import { createRootLogger } from './logger.js';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** The process's pino logger; bootstrap wires it into Nest and the HTTP request log. */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [APP_ENV],
      useFactory: (env: AppEnv) => createRootLogger(env.LOG_LEVEL),
    },
  ],
  exports: [ROOT_LOGGER],
})
export class LoggingModule {}
