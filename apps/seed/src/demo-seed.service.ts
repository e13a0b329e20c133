import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, errorMessage, type AppEnv } from '@preceptor/core';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { SEED_PASSWORD, seedPeople } from './seed-loader.js';
import { seedEmail } from './synthetic-people.js';

/** The demo data set: small enough to load in about a second at start-up, fixed so it is stable. */
export const DEMO_SEED = { mentors: 250, mentees: 100, seed: 2026 } as const;

/**
 * Fills an empty database with demo people when the API starts (SEED_DEMO, on by default outside
 * production), so a fresh `npm start` has mentors to browse and accounts to log in with.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_ENV) private readonly env: AppEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_DEMO) return;
    try {
      await this.seedIfEmpty();
    } catch (error) {
      // Demo data is a convenience: the API still serves without it, so report and carry on.
      this.logger.error(
        `Demo seeding failed: ${errorMessage(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
  }

  private async seedIfEmpty(): Promise<void> {
    // One cheap query on every start of a populated database instead of a locked transaction.
    const [state] = await this.dataSource.query<{ populated: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM users) AS populated',
    );
    if (state?.populated) return;

    // COPY needs the driver's own connection: a query runner lends one from TypeORM's pool.
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      const summary = await seedPeople(client, {
        ...DEMO_SEED,
        quiet: true,
        // Rebuilding indexes costs more than maintaining them for a few hundred rows, and the
        // API may already be serving.
        dropIndexes: false,
        // Checked again under the seed lock: two instances starting together seed once.
        onlyIfEmpty: true,
      });
      if (summary.skipped) return;
      this.logger.log(
        `Seeded ${summary.mentors.count} demo mentors and ${summary.mentees.count} demo mentees in ` +
          `${summary.seconds.total}s. Log in as ${seedEmail('mentor', summary.mentors.first)} ` +
          `(a mentor) or ${seedEmail('mentee', summary.mentees.first)} (a mentee) with the password ` +
          `"${SEED_PASSWORD}".`,
      );
    } finally {
      await runner.release();
    }
  }
}
