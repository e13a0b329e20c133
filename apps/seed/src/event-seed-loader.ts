/**
 * Loads synthetic events (see synthetic-events.ts) and the seeded organizers who list them, in
 * ONE transaction on the given connection: the organizers' accounts through @preceptor/accounts,
 * the events, their credit and a few RSVPs through @preceptor/events. Re-runs append: event
 * numbering continues after the seeded events already there, and organizers that exist are kept.
 */
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import {
  ARGON2_OPTIONS,
  copyUsers,
  countUsers,
  lastSeededEmail,
  Role,
  USERS_TABLE,
} from '@preceptor/accounts';
import { withoutTimeouts } from '@preceptor/core';
import {
  copyEvents,
  copyRsvps,
  countEvents,
  recordCredits,
  RsvpStatus,
  type EventCopyRow,
  type RsvpCopyRow,
} from '@preceptor/events';
import type pg from 'pg';
import {
  MAX_SEED_INDEX,
  readSpecialties,
  SEED_LOCK,
  SEED_PASSWORD,
  seedIndexOf,
  SeedRefusedError,
  type SeedRange,
} from './seed-loader.js';
import { SyntheticEvents } from './synthetic-events.js';
import { seedEmail, SyntheticPeople } from './synthetic-people.js';

export interface EventSeedOptions {
  events: number;
  /** PRNG seed: the same seed (and asOf) always yields the same events (default 1). */
  seed?: number;
  /** Seeded organizers the events are spread over, created if missing (default 1). */
  organizers?: number;
  /** Events start from the day after this (default: now, so they are upcoming). */
  asOf?: Date;
  /** Days ahead their start times spread over (default 180). */
  horizonDays?: number;
  /**
   * This many small events get RSVPs from seeded people: the first fills up with two people
   * waitlisted, the others are one or two seats from full (default 0).
   */
  nearlyFull?: number;
  /** Do nothing (and report `skipped`) unless there are no events yet; checked under the lock. */
  onlyIfNone?: boolean;
  /** Seed even though `users` holds accounts that were not seeded (real people). */
  force?: boolean;
  /** Skip quietly, rather than refuse, when real accounts exist (the demo seeder at start-up). */
  skipIfRealUsers?: boolean;
}

export interface EventSeedSummary {
  skipped: boolean;
  events: SeedRange;
  /** The organizers the events were spread over; `created` of them are new. */
  organizers: { count: number; created: number; firstEmail: string };
  rsvps: number;
  seconds: number;
}

/** Events whose capacity a demo can fill from its few seeded people. */
const SMALL_EVENT = 40;

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/** Organizers 1..count exist afterwards (seeded, role ORGANIZER); their ids, in order. */
async function ensureOrganizers(
  client: pg.ClientBase,
  people: SyntheticPeople,
  count: number,
): Promise<{ ids: string[]; created: number }> {
  const existing = seedIndexOf(
    await lastSeededEmail(
      client,
      seedEmail('organizer', 0),
      seedEmail('organizer', MAX_SEED_INDEX),
    ),
  );
  const missing = Array.from({ length: Math.max(0, count - existing) }, (_, i) => existing + 1 + i);
  if (missing.length > 0) {
    // One hash for every seeded account, as for people.
    const passwordHash = await hash(SEED_PASSWORD, ARGON2_OPTIONS);
    await copyUsers(
      client,
      missing.map((index) => {
        const account = people.account('organizer', index);
        return {
          id: account.id,
          email: account.email,
          fullName: account.fullName,
          passwordHash,
          roles: [Role.ORGANIZER],
          isSeeded: true,
          createdAt: account.createdAt,
          updatedAt: account.updatedAt,
        };
      }),
    );
  }
  const emails = Array.from({ length: count }, (_, i) => seedEmail('organizer', i + 1));
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM ${USERS_TABLE} WHERE email = ANY ($1::citext[]) ORDER BY email`,
    [emails],
  );
  return { ids: rows.map((row) => row.id), created: missing.length };
}

/**
 * RSVPs from seeded people for the first `count` small events: full with two waiting, then one
 * seat left, then two. Sets the events' counters to match.
 */
async function fillSome(
  client: pg.ClientBase,
  events: EventCopyRow[],
  count: number,
): Promise<RsvpCopyRow[]> {
  const small = events
    .filter((event) => event.capacity !== null && event.capacity <= SMALL_EVENT)
    .slice(0, count);
  const wanted = small.map((event, i) => (event.capacity ?? 0) + (i === 0 ? 2 : -Math.min(i, 2)));
  const { rows: people } = await client.query<{ id: string }>(
    `SELECT id FROM ${USERS_TABLE}
      WHERE is_seeded AND NOT ('ORGANIZER' = ANY (roles)) ORDER BY email LIMIT $1`,
    [Math.max(0, ...wanted)],
  );
  const rsvps: RsvpCopyRow[] = [];
  small.forEach((event, i) => {
    const capacity = event.capacity ?? 0;
    const attendees = people.slice(0, wanted[i]);
    attendees.forEach((person, position) => {
      const waiting = position >= capacity;
      rsvps.push({
        eventId: event.id,
        userId: person.id,
        status: waiting ? RsvpStatus.WAITLISTED : RsvpStatus.GOING,
        waitlistPosition: waiting ? position - capacity + 1 : null,
        createdAt: new Date(event.createdAt.getTime() + (position + 1) * 3_600_000),
      });
    });
    event.goingCount = Math.min(attendees.length, capacity);
    event.waitlistCount = Math.max(0, attendees.length - capacity);
  });
  return rsvps;
}

/** Loads `events` synthetic upcoming events, spread over the seeded organizers. */
export async function seedEvents(
  client: pg.ClientBase,
  options: EventSeedOptions,
): Promise<EventSeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const organizers = options.organizers ?? 1;
  if (!Number.isInteger(options.events) || options.events < 0) {
    throw new RangeError(`events must be a whole number ≥ 0, got ${options.events}`);
  }
  if (!Number.isInteger(organizers) || organizers < 1 || organizers > MAX_SEED_INDEX) {
    throw new RangeError(`organizers must be a whole number from 1, got ${organizers}`);
  }
  const summary: EventSeedSummary = {
    skipped: false,
    events: { first: 1, count: options.events },
    organizers: { count: organizers, created: 0, firstEmail: seedEmail('organizer', 1) },
    rsvps: 0,
    seconds: 0,
  };
  const skip = async (): Promise<EventSeedSummary> => {
    await client.query('ROLLBACK');
    summary.skipped = true;
    summary.events.count = 0;
    summary.seconds = seconds(started);
    return summary;
  };

  await client.query('BEGIN');
  try {
    // 100,000 events take a minute, and the connection may be one of the API's (demo seeding).
    await withoutTimeouts(client);
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const events = await countEvents(client);
    if (options.onlyIfNone && events.any) return await skip();
    const users = await countUsers(client);
    if (users.notSeeded > 0 && !options.force) {
      if (options.skipIfRealUsers) return await skip();
      throw new SeedRefusedError(
        `The users table holds ${users.notSeeded} account(s) that were not seeded (is_seeded = false). ` +
          'Seeding next to real accounts is refused; pass --force (force: true) to seed anyway.',
      );
    }
    const specialties = await readSpecialties(client);
    const people = new SyntheticPeople({ seed, specialties });
    const organizerAccounts = await ensureOrganizers(client, people, organizers);
    summary.organizers.created = organizerAccounts.created;

    summary.events.first = events.seeded + 1;
    const generator = new SyntheticEvents({
      seed,
      specialties,
      asOf: options.asOf,
      horizonDays: options.horizonDays,
      organizerIds: organizerAccounts.ids,
    });
    const rows = Array.from({ length: options.events }, (_, i) =>
      generator.event(summary.events.first + i),
    );
    const rsvps = await fillSome(client, rows, options.nearlyFull ?? 0);
    await copyEvents(client, rows);
    await copyRsvps(client, rsvps);
    summary.rsvps = rsvps.length;
    await client.query('COMMIT');
  } catch (error) {
    // The connection may already be unusable (e.g. it dropped); the original error matters more.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // Outside the transaction (VACUUM cannot run in one): merges the GIN indexes' pending lists,
  // which COPY fills, and sets the visibility map, so filters and counts read indexes only.
  if (options.events > 0) await client.query('VACUUM (ANALYZE) events, event_credits, rsvps');
  summary.seconds = seconds(started);
  return summary;
}

export interface AttendedEventSeedOptions {
  /** The seeded person who attended (the demo mentee). */
  attendeeEmail: string;
  /** PRNG seed of the past event (default 1); apart from the upcoming events' ids. */
  seed?: number;
  /** The event ends 2–6 weeks before this (default: now). */
  asOf?: Date;
}

/**
 * One past published event with credit that `attendeeEmail` attended, its credit in their
 * record (through `recordCredits`, as markAttendance writes it), so a demo of myCredits and the
 * CSV has something to show. Skipped (false) when that person is missing or already has a record.
 */
export async function seedAttendedEvent(
  client: pg.ClientBase,
  options: AttendedEventSeedOptions,
): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { rows: attendees } = await client.query<{ id: string; has_record: boolean }>(
      `SELECT u.id, EXISTS (SELECT 1 FROM credit_entries c WHERE c.user_id = u.id) AS has_record
         FROM ${USERS_TABLE} u WHERE u.email = $1 AND u.is_seeded`,
      [options.attendeeEmail],
    );
    const attendee = attendees[0];
    if (!attendee || attendee.has_record) {
      await client.query('ROLLBACK');
      return false;
    }
    const specialties = await readSpecialties(client);
    const people = new SyntheticPeople({ seed: options.seed ?? 1, specialties });
    const [organizerId] = (await ensureOrganizers(client, people, 1)).ids;
    const asOf = options.asOf ?? new Date();
    // Upcoming from 45 days ago within 30 days: over by 2–6 weeks ago.
    const generator = new SyntheticEvents({
      seed: (options.seed ?? 1) ^ 0x5eed,
      specialties,
      asOf: new Date(asOf.getTime() - 45 * 86_400_000),
      horizonDays: 30,
      organizerIds: [organizerId],
    });
    let event = generator.event(1);
    for (let index = 2; event.credits.length === 0 && index <= 100; index++) {
      event = generator.event(index);
    }
    event.goingCount = 1;
    event.waitlistCount = 0;
    await copyEvents(client, [event]);
    await client.query(
      `INSERT INTO rsvps (event_id, user_id, status, created_at, updated_at, attended_at)
       VALUES ($1, $2, $3, $4, $4, $5)`,
      [event.id, attendee.id, RsvpStatus.ATTENDED, event.createdAt, event.endsAt],
    );
    await recordCredits((text, parameters) => client.query(text, parameters), event, [attendee.id]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
