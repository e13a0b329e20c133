/**
 * `npm run seed -- --mentors N --mentees M [--events E [--organizers O]] [--seed S] [--force]
 * [--quiet]`
 *
 * Loads synthetic people and events into DATABASE_URL, or into the embedded PostgreSQL that
 * `npm start` uses when DATABASE_URL is unset. Applies pending migrations first.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  appDatabase,
  errorMessage,
  InvalidEnvironmentError,
  parseEnv,
  type RunningPostgres,
} from '@preceptor/core';
import pg from 'pg';
// eslint-disable-next-line no-restricted-imports -- the API's own migrations, which the CLI applies before seeding; they belong to the api app, not to a library.
import { runMigrations } from '../../api/src/database/data-source.js';
import {
  MAX_SEED_INDEX,
  refuseSeedingInProduction,
  SEED_PASSWORD,
  SeedRefusedError,
  seedPeople,
} from './seed-loader.js';
import { seedEvents } from './event-seed-loader.js';
import { seedEmail } from './synthetic-people.js';

const USAGE = `Usage: npm run seed -- --mentors N --mentees M [--events E [--organizers O]] [--seed S] [--force] [--quiet]

  --mentors N     mentors to create (default 0)
  --mentees M     mentees to create (default 0)
  --events E      upcoming published events to create (default 0), starting over the next 180 days
  --organizers O  seeded organizers the events are spread over, created if missing (default 1)
  --seed S        PRNG seed, 0 to 4294967295 (default 1): the same seed gives the same people
  --force         seed even if the database holds real (not seeded) accounts
  --quiet         no progress bar

Runs append: numbering continues after the seeded people already there.
Every seeded account logs in with the password "${SEED_PASSWORD}".`;

class UsageError extends Error {}

function count(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const digits = value.replace(/[_,]/g, '');
  const parsed = Number(digits);
  if (!/^\d+$/.test(digits) || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got "${value}"`);
  }
  return parsed;
}

function parseCommandLine(): {
  mentors: number;
  mentees: number;
  events: number;
  organizers: number;
  seed: number;
  force: boolean;
  quiet: boolean;
} {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        mentors: { type: 'string' },
        mentees: { type: 'string' },
        events: { type: 'string' },
        organizers: { type: 'string' },
        seed: { type: 'string' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    // Unknown options and missing values: say so plainly, with the usage, not a stack trace.
    throw new UsageError(errorMessage(error));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const mentors = count('mentors', values.mentors, 0, MAX_SEED_INDEX);
  const mentees = count('mentees', values.mentees, 0, MAX_SEED_INDEX);
  const events = count('events', values.events, 0, MAX_SEED_INDEX);
  if (mentors + mentees + events === 0) {
    throw new UsageError('Give --mentors, --mentees and/or --events.');
  }
  return {
    mentors,
    mentees,
    events,
    organizers: count('organizers', values.organizers, 1, 10_000) || 1,
    seed: count('seed', values.seed, 1, 0xffffffff),
    force: values.force,
    quiet: values.quiet,
  };
}

/** What became of the request to reload the mentor index, told at commit. */
function reloadAnnouncement(apis: number): string {
  if (apis === 0) {
    return 'No API process is running on this database; the next one to start loads everyone.';
  }
  return apis === 1
    ? 'Told 1 running API process to reload its mentor and mentee indexes.'
    : `Told ${apis} running API processes to reload their mentor and mentee indexes.`;
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = parseEnv(process.env);
  refuseSeedingInProduction(env);

  let embedded: RunningPostgres | undefined;
  try {
    const database = await appDatabase(env, (line) => console.error(line));
    embedded = database.embedded;
    const url = database.url;
    const applied = await runMigrations(url);
    if (applied > 0) console.error(`Applied ${applied} migration(s).`);

    const client = new pg.Client({ connectionString: url, application_name: 'preceptor-seed' });
    await client.connect();
    try {
      if (args.mentors + args.mentees > 0) {
        const summary = await seedPeople(client, args);
        const s = summary.seconds;
        console.log(
          [
            `Seeded ${summary.mentors.count.toLocaleString('en-US')} mentors and ${summary.mentees.count.toLocaleString('en-US')} mentees (seed ${summary.seed}) in ${s.total}s:`,
            `  prepare ${s.prepare}s · users COPY ${s.users}s · profiles COPY ${s.profiles}s · indexes ${s.indexes}s · analyze ${s.analyze}s`,
            `Log in as ${
              summary.mentors.count > 0
                ? seedEmail('mentor', summary.mentors.first)
                : seedEmail('mentee', summary.mentees.first)
            } (or any seeded email) with the password "${SEED_PASSWORD}".`,
          ].join('\n'),
        );
        if (summary.apisTold !== null) console.log(reloadAnnouncement(summary.apisTold));
      }
      if (args.events > 0) {
        const summary = await seedEvents(client, args);
        console.log(
          `Seeded ${summary.events.count.toLocaleString('en-US')} events (from #${summary.events.first}, seed ${args.seed}) ` +
            `over ${summary.organizers.count} organizer(s), ${summary.organizers.created} new, in ${summary.seconds}s. ` +
            `Log in as ${summary.organizers.firstEmail} with the password "${SEED_PASSWORD}".`,
        );
      }
    } finally {
      await client.end();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof SeedRefusedError ||
    error instanceof InvalidEnvironmentError
  ) {
    console.error(error.message);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
  } else {
    console.error('Seeding failed:', error);
  }
  process.exit(1);
});
