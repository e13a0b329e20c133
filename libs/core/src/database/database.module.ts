import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { APP_ENV } from '../config/config.module.js';
import type { AppEnv } from '../config/env.js';

/**
 * Connects TypeORM with options built by the application (which knows every entity and how to
 * migrate).
 */
@Module({})
export class DatabaseModule {
  static forRoot(
    build: (env: AppEnv) => DataSourceOptions | Promise<DataSourceOptions>,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_ENV],
          useFactory: (env: AppEnv) => build(env),
        }),
      ],
    };
  }
}
