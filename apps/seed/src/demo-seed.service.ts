import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, errorMessage, type AppEnv } from '@preceptor/core';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { seedAttendedEvent, seedEvents } from './event-seed-loader.js';
import { SEED_PASSWORD, seedPeople } from './seed-loader.js';
import { seedEmail } from './synthetic-people.js';

/** The demo data set: small enough to load in about a second at start-up, fixed so it is stable. */
export const DEMO_SEED = { mentors: 250, mentees: 100, seed: 2026 } as const;

/**
 * The demo events: upcoming from the day the API starts, listed by one demo organizer, a few of
 * them (nearly) full of demo people.
 */
export const DEMO_EVENTS = { events: 60, organizers: 1, nearlyFull: 3, seed: 2026 } as const;

/**
 * Fills an empty database with demo people and events when the API starts (SEED_DEMO, on by
 * default outside production), so a fresh `npm start` has mentors and events to browse and
 * accounts to log in with. Events are also added to a database of demo people that has none
 * yet (one seeded before events existed); never next to real accounts.
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
    const [state] = await this.dataSource.query<{ people: boolean; events: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM users) AS people, EXISTS (SELECT 1 FROM events) AS events',
    );
    if (state?.people && state.events) return;

    // COPY needs the driver's own connection: a query runner lends one from TypeORM's pool.
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      const people = await seedPeople(client, {
        ...DEMO_SEED,
        quiet: true,
        // Rebuilding indexes costs more than maintaining them for a few hundred rows, and the
        // API may already be serving.
        dropIndexes: false,
        // Checked again under the seed lock: two instances starting together seed once.
        onlyIfEmpty: true,
      });
      const events = await seedEvents(client, {
        ...DEMO_EVENTS,
        onlyIfNone: true,
        skipIfRealUsers: true,
      });
      // The demo mentee's continuing-education record: one past event with credit, attended.
      const attended = events.skipped
        ? false
        : await seedAttendedEvent(client, {
            attendeeEmail: seedEmail('mentee', 1),
            seed: DEMO_EVENTS.seed,
          });
      if (people.skipped && events.skipped) return;
      const seeded = [
        ...(people.skipped
          ? []
          : [`${people.mentors.count} demo mentors`, `${people.mentees.count} demo mentees`]),
        ...(events.skipped ? [] : [`${events.events.count} demo events`]),
        ...(attended ? ['a past event the demo mentee attended, with credit'] : []),
      ];
      const accounts = [
        ...(people.skipped
          ? []
          : [
              `${seedEmail('mentor', people.mentors.first)} (a mentor)`,
              `${seedEmail('mentee', people.mentees.first)} (a mentee)`,
            ]),
        ...(events.skipped ? [] : [`${events.organizers.firstEmail} (an organizer)`]),
      ];
      const seconds = Math.round((people.seconds.total + events.seconds) * 100) / 100;
      this.logger.log(
        `Seeded ${listOf(seeded)} in ${seconds}s. Log in as ${listOf(accounts, 'or')} with the ` +
          `password "${SEED_PASSWORD}".`,
      );
    } finally {
      await runner.release();
    }
  }
}

/** "a, b and c" */
function listOf(items: readonly string[], last = 'and'): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
