import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { APP_ENV } from '../config/config.module.js';
import type { AppEnv } from '../config/env.js';
import { ChangeFeeds } from './change-feeds.js';

/**
 * Connects TypeORM with options built by the application (which knows every entity and how to
 * migrate), and offers the change feeds to every module.
 */
@Module({})
export class DatabaseModule {
  static forRoot(
    build: (env: AppEnv) => DataSourceOptions | Promise<DataSourceOptions>,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_ENV],
          useFactory: (env: AppEnv) => build(env),
        }),
      ],
      providers: [ChangeFeeds],
      exports: [ChangeFeeds],
    };
  }
}
