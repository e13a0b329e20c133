import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module.js';
import { CoreGraphqlModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';

/** Cross-cutting set-up every application needs: config, logs, GraphQL, health. */
@Module({
  imports: [AppConfigModule, LoggingModule, CoreGraphqlModule, HealthModule],
})
export class CoreModule {}
