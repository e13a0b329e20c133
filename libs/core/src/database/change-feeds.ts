import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module.js';
import type { AppEnv } from '../config/env.js';
import { HealthReport } from '../health/health-report.js';
import { PgListener, type PgListenerOptions } from './pg-listener.js';

/**
 * Where the API's change feeds come from: LISTEN connections to the application's database,
 * each with the heartbeat of FEED_HEARTBEAT_MS, each reporting itself in GET /health/ready.
 */
@Injectable()
export class ChangeFeeds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly health: HealthReport,
  ) {}

  /** The application's database URL, for the connections a feed's owner opens itself. */
  get url(): string {
    // The application always configures PostgreSQL by URL (see createDataSourceOptions).
    return (this.dataSource.options as { url: string }).url;
  }

  /** A listener (not yet started) shown as `name` in the readiness body. */
  listener(name: string, options: Omit<PgListenerOptions, 'url' | 'heartbeatMs'>): PgListener {
    const listener = new PgListener({
      ...options,
      url: this.url,
      heartbeatMs: this.env.FEED_HEARTBEAT_MS,
    });
    this.health.register(name, () => listener.status());
    return listener;
  }
}
