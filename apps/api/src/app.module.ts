import { Module } from '@nestjs/common';
import { AccountsModule } from '@preceptor/accounts';
import { CoreModule, DatabaseModule } from '@preceptor/core';
import { EventsModule } from '@preceptor/events';
import { MatchingModule } from '@preceptor/matching';
import { ProfilesModule } from '@preceptor/profiles';
import { DemoSeedModule } from '@preceptor/seed';
import { TaxonomyModule } from '@preceptor/taxonomy';
import { appDataSourceOptions, runMigrations } from './database/data-source.js';

@Module({
  imports: [
    CoreModule,
    DatabaseModule.forRoot(async (env) => {
      if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
      // Before the pool opens, and apart from it: migrations must not run under its timeouts.
      if (env.MIGRATIONS_RUN) await runMigrations(env.DATABASE_URL);
      return appDataSourceOptions(env.DATABASE_URL, {
        poolSize: env.DATABASE_POOL_SIZE,
        timeouts: {
          statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
          idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          poolMs: env.DATABASE_POOL_TIMEOUT_MS,
        },
      });
    }),
    AccountsModule,
    TaxonomyModule,
    // Before ProfilesModule: modules at one depth start in this order, so the demo people are
    // written before the mentor index loads.
    DemoSeedModule,
    ProfilesModule,
    MatchingModule,
    EventsModule,
  ],
})
export class AppModule {}
