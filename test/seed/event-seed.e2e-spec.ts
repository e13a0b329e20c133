import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  SEED_PASSWORD,
  SeedRefusedError,
  seedEvents,
  seedPeople,
  type EventSeedOptions,
} from '@preceptor/seed';
import pg from 'pg';
import { LOG_IN, type AuthPayloadResult } from '../support/accounts.js';
import { EVENTS, type EventsPage } from '../support/events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('seeding synthetic events', () => {
  let api: TestApp;
  let db: pg.Client;

  const seed = (options: Partial<EventSeedOptions> = {}) =>
    seedEvents(db, { events: 300, organizers: 3, nearlyFull: 3, seed: 5, ...options });
  const one = async <T>(sql: string): Promise<T> =>
    (await db.query<{ v: T }>(`SELECT (${sql}) AS v`)).rows[0].v;

  beforeAll(async () => {
    api = await startTestApp();
    db = new pg.Client({ connectionString: api.databaseUrl });
    await db.connect();
    await seedPeople(db, { mentors: 30, mentees: 30, quiet: true });
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('writes upcoming published events over new organizer accounts, with credit', async () => {
    const summary = await seed();
    expect(summary).toMatchObject({
      skipped: false,
      events: { first: 1, count: 300 },
      organizers: { count: 3, created: 3, firstEmail: 'organizer-0000001@seed.preceptor.example' },
    });
    expect(
      await one<number>(
        `SELECT count(*)::int FROM events WHERE is_seeded AND status = 'PUBLISHED' AND starts_at > now()`,
      ),
    ).toBe(300);
    expect(
      await one<number>(
        `SELECT count(DISTINCT e.organizer_id)::int FROM events e JOIN users u ON u.id = e.organizer_id
          WHERE u.roles = '{ORGANIZER}' AND u.is_seeded`,
      ),
    ).toBe(3);
    expect(
      await one<number>(`SELECT count(DISTINCT event_id)::int FROM event_credits`),
    ).toBeGreaterThan(150);
    expect(
      await one<number>(`SELECT count(*)::int FROM events WHERE search_words = ''::tsvector`),
    ).toBe(0);
    expect(
      await one<string[]>(
        `SELECT array_agg(DISTINCT type::text ORDER BY type::text) FROM event_credits`,
      ),
    ).toEqual(['CE', 'CEU', 'CME', 'CNE', 'CPE']);
  });

  it('fills a few small events to (nearly) full, counters matching the RSVPs', async () => {
    const rows = await db.query<{
      capacity: number;
      going_count: number;
      waitlist_count: number;
      going: number;
      waiting: number;
      positions: number[] | null;
    }>(
      `SELECT e.capacity, e.going_count, e.waitlist_count,
              count(*) FILTER (WHERE r.status = 'GOING')::int AS going,
              count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waiting,
              array_agg(r.waitlist_position ORDER BY r.waitlist_position) FILTER (WHERE r.status = 'WAITLISTED') AS positions
         FROM events e JOIN rsvps r ON r.event_id = e.id GROUP BY e.id ORDER BY e.waitlist_count DESC, e.capacity - e.going_count`,
    );
    expect(rows.rows).toHaveLength(3);
    const [full, ...near] = rows.rows;
    expect(full).toMatchObject({
      going_count: full.capacity,
      waitlist_count: 2,
      going: full.capacity,
      waiting: 2,
      positions: [1, 2],
    });
    for (const event of near) {
      expect(event.going_count).toBe(event.going);
      expect(event.capacity - event.going_count).toBeGreaterThanOrEqual(1);
      expect(event.capacity - event.going_count).toBeLessThanOrEqual(2);
    }
  });

  it('appends on a re-run, keeping the organizers; skips when asked to seed only an empty table', async () => {
    const more = await seed({ events: 10, nearlyFull: 0 });
    expect(more).toMatchObject({ events: { first: 301, count: 10 }, organizers: { created: 0 } });
    expect(await one<number>('SELECT count(*)::int FROM events')).toBe(310);
    const skipped = await seed({ onlyIfNone: true });
    expect(skipped).toMatchObject({ skipped: true, events: { count: 0 } });
    expect(await one<number>('SELECT count(*)::int FROM events')).toBe(310);
  });

  it('lists the seeded events to anyone, and lets the seeded organizer list more', async () => {
    const page = (await api.gql.ok<{ events: EventsPage }>(EVENTS, { first: 50 })).events;
    expect(page.totalCount).toBe(310);
    expect(page.edges).toHaveLength(50);
    const login = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
      input: { email: 'organizer-0000001@seed.preceptor.example', password: SEED_PASSWORD },
    });
    expect(login.logIn.user.roles).toEqual(['ORGANIZER']);
  });

  it('refuses next to real accounts unless forced, or skips when told to', async () => {
    await db.query(
      `INSERT INTO users (email, full_name, password_hash, roles) VALUES ('real.person@example.org', 'Real Person', 'x', '{MENTEE}')`,
    );
    await expect(seed({ events: 1 })).rejects.toThrow(SeedRefusedError);
    expect(await seed({ events: 1, skipIfRealUsers: true })).toMatchObject({ skipped: true });
    expect(await seed({ events: 1, force: true, nearlyFull: 0 })).toMatchObject({
      events: { count: 1 },
    });
  });
});
