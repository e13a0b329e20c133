import { Module } from '@nestjs/common';
import { AccountsModule } from '@preceptor/accounts';
import { CoreModule, DatabaseModule } from '@preceptor/core';
import { MatchingModule } from '@preceptor/matching';
import { ProfilesModule } from '@preceptor/profiles';
import { DemoSeedModule } from '@preceptor/seed';
import { TaxonomyModule } from '@preceptor/taxonomy';
import { appDataSourceOptions } from './database/data-source.js';

@Module({
  imports: [
    CoreModule,
    DatabaseModule.forRoot((env) => {
      if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
      return appDataSourceOptions(env.DATABASE_URL, {
        poolSize: env.DATABASE_POOL_SIZE,
        migrationsRun: env.MIGRATIONS_RUN,
      });
    }),
    AccountsModule,
    TaxonomyModule,
    // Before ProfilesModule: modules at one depth start in this order, so the demo people are
    // written before the mentor index loads.
    DemoSeedModule,
    ProfilesModule,
    MatchingModule,
  ],
})
export class AppModule {}
