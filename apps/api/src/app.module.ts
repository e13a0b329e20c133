import { Module } from '@nestjs/common';
import { AccountsModule } from '@preceptor/accounts';
import { CoreModule, DatabaseModule } from '@preceptor/core';
import { ProfilesModule } from '@preceptor/profiles';
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
    ProfilesModule,
  ],
})
export class AppModule {}
