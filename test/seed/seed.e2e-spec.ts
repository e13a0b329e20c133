import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { parseEnv } from '@preceptor/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../apps/api/src/database/data-source.js';
import {
  DEMO_EVENTS,
  DEMO_SEED,
  DemoSeedService,
  SEED_PASSWORD,
  SeedRefusedError,
  seedPeople,
  type SeedOptions,
  type SeedSummary,
} from '@preceptor/seed';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MENTORS = 300;
const MENTEES = 100;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function seedInto(url: string, options: Partial<SeedOptions> = {}): Promise<SeedSummary> {
  const client = await connect(url);
  try {
    return await seedPeople(client, {
      mentors: MENTORS,
      mentees: MENTEES,
      quiet: true,
      ...options,
    });
  } finally {
    await client.end();
  }
}

async function count(db: pg.Client, sql: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT (${sql}) AS n`);
  return Number(rows[0].n);
}

/** Every column that should be reproducible (not the salted password hash), hashed in order. */
async function contentHash(db: pg.Client): Promise<{ users: string; profiles: string }> {
  const { rows } = await db.query<{ users: string; profiles: string }>(
    `SELECT (SELECT md5(string_agg(u::text, E'\\n' ORDER BY u.id))
               FROM (SELECT id, email, full_name, roles, is_seeded, created_at, updated_at FROM users) u) AS users,
            (SELECT md5(string_agg(p::text, E'\\n' ORDER BY p.user_id)) FROM profiles p) AS profiles`,
  );
  return rows[0];
}

/** Indexes and constraints of the two tables, as definitions. */
async function schemaOf(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ definition: string }>(
    `SELECT indexdef AS definition FROM pg_indexes WHERE tablename IN ('users', 'profiles')
     UNION ALL
     SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
       FROM pg_constraint WHERE conrelid IN ('users'::regclass, 'profiles'::regclass)
     ORDER BY 1`,
  );
  return rows.map((row) => row.definition);
}

describe('seeding synthetic people', () => {
  let first: TestDatabase;
  let twin: TestDatabase;
  let db: pg.Client;
  let schemaBefore: string[];
  let summary: SeedSummary;
  let twinSummary: SeedSummary;

  beforeAll(async () => {
    [first, twin] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    db = await connect(first.url);
    schemaBefore = await schemaOf(db);
    // The bulk path (indexes and foreign keys dropped and rebuilt) here, the row-by-row path
    // in the twin: both must produce the same rows.
    summary = await seedInto(first.url, { seed: 1, dropIndexes: true });
    twinSummary = await seedInto(twin.url, { seed: 1, dropIndexes: false });
  });
  afterAll(async () => {
    await db.end();
    await Promise.all([first.drop(), twin.drop()]);
  });

  it('writes one user and one profile per person, all marked as seeded', async () => {
    expect(summary).toMatchObject({
      skipped: false,
      mentors: { first: 1, count: MENTORS },
      mentees: { first: 1, count: MENTEES },
    });
    expect(await count(db, 'SELECT count(*) FROM users WHERE is_seeded')).toBe(MENTORS + MENTEES);
    expect(await count(db, 'SELECT count(*) FROM profiles WHERE is_seeded')).toBe(
      MENTORS + MENTEES,
    );
    expect(await count(db, 'SELECT count(*) FROM profiles WHERE is_mentor')).toBe(MENTORS);
    expect(await count(db, `SELECT count(*) FROM users WHERE email LIKE 'mentee-%'`)).toBe(MENTEES);
  });

  it('puts every specialty and all its ancestors in the lineage, and nothing else', async () => {
    const missing = await count(
      db,
      `SELECT count(*) FROM profiles p
        WHERE NOT p.specialty_ids <@ p.specialty_lineage
           OR EXISTS (SELECT 1 FROM specialties s
                       WHERE s.id = ANY (p.specialty_ids) AND NOT s.lineage <@ p.specialty_lineage)`,
    );
    const extra = await count(
      db,
      `SELECT count(*) FROM profiles p, unnest(p.specialty_lineage) AS l(id)
        WHERE NOT EXISTS (SELECT 1 FROM specialties s
                           WHERE s.id = ANY (p.specialty_ids) AND l.id = ANY (s.lineage))`,
    );
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  });

  it('only uses specialties that list the person’s track', async () => {
    expect(
      await count(
        db,
        `SELECT count(*) FROM profiles p JOIN specialties s ON s.id = ANY (p.specialty_ids)
          WHERE NOT p.track = ANY (s.tracks)`,
      ),
    ).toBe(0);
  });

  it('mirrors the account’s roles and name on the profile', async () => {
    expect(
      await count(
        db,
        `SELECT count(*) FROM profiles p JOIN users u ON u.id = p.user_id
          WHERE p.is_mentor <> ('MENTOR' = ANY (u.roles))
             OR p.is_mentee <> ('MENTEE' = ANY (u.roles))
             OR p.full_name <> u.full_name
             OR p.created_at <> u.created_at`,
      ),
    ).toBe(0);
  });

  it('keeps mentor loads within capacity', async () => {
    expect(
      await count(
        db,
        `SELECT count(*) FROM profiles
          WHERE is_mentor AND (mentor_capacity NOT BETWEEN 1 AND 8
                               OR mentor_active_mentee_count > mentor_capacity
                               OR cardinality(mentor_offers) NOT BETWEEN 1 AND 4)`,
      ),
    ).toBe(0);
  });

  it('leaves the same indexes and constraints as before', async () => {
    expect(summary.rebuilt.length).toBeGreaterThanOrEqual(1);
    expect(twinSummary.rebuilt).toEqual([]);
    expect(await schemaOf(db)).toEqual(schemaBefore);
  });

  it('asks for a mentor index reload only after a bulk load, and finds no API to tell here', () => {
    expect(summary.apisTold).toBe(0);
    expect(twinSummary.apisTold).toBeNull();
  });

  it('writes statistics for the planner', async () => {
    const { rows } = await db.query<{ relname: string; analyzed: boolean }>(
      `SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables
        WHERE relname IN ('users', 'profiles') ORDER BY relname`,
    );
    expect(rows).toEqual([
      { relname: 'profiles', analyzed: true },
      { relname: 'users', analyzed: true },
    ]);
  });

  it('lets every seeded account log in with the shared seed password', async () => {
    const { rows } = await db.query<{ password_hash: string; hashes: string }>(
      `SELECT min(password_hash) AS password_hash, count(DISTINCT password_hash) AS hashes
         FROM users WHERE is_seeded`,
    );
    expect(rows[0].hashes).toBe('1');
    await expect(verify(rows[0].password_hash, SEED_PASSWORD)).resolves.toBe(true);
    await expect(verify(rows[0].password_hash, 'not-the-seed-password')).resolves.toBe(false);
  });

  it('produces identical people for the same seed, in another database and load mode', async () => {
    const other = await connect(twin.url);
    try {
      expect(await contentHash(other)).toEqual(await contentHash(db));
    } finally {
      await other.end();
    }
  });

  it('produces different people for a different seed', async () => {
    const database = await createTestDatabase();
    try {
      await seedInto(database.url, { seed: 2 });
      const other = await connect(database.url);
      try {
        const [a, b] = [await contentHash(db), await contentHash(other)];
        expect(b.users).not.toBe(a.users);
        expect(b.profiles).not.toBe(a.profiles);
      } finally {
        await other.end();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('seeding next to existing data', () => {
  let database: TestDatabase;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(database.url);
    await seedInto(database.url, { mentors: 20, mentees: 10 });
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  const addRealUser = (email: string): Promise<unknown> =>
    db.query(
      `INSERT INTO users (email, full_name, password_hash, roles) VALUES ($1, 'Real Person', 'x', '{MENTEE}')`,
      [email],
    );

  it('appends after the seeded people already there, so emails never collide', async () => {
    const summary = await seedInto(database.url, { mentors: 5, mentees: 2, seed: 9 });
    expect(summary.mentors).toEqual({ first: 21, count: 5 });
    expect(summary.mentees).toEqual({ first: 11, count: 2 });
    const { rows } = await db.query<{ email: string }>(
      `SELECT email FROM users WHERE email LIKE 'mentor-%' ORDER BY email DESC LIMIT 1`,
    );
    expect(rows[0].email).toBe('mentor-0000025@seed.preceptor.example');
    expect(await count(db, 'SELECT count(*) FROM users')).toBe(37);
  });

  it('does nothing when asked to seed only an empty database', async () => {
    const summary = await seedInto(database.url, { onlyIfEmpty: true });
    expect(summary).toMatchObject({ skipped: true, mentors: { count: 0 }, mentees: { count: 0 } });
    expect(await count(db, 'SELECT count(*) FROM users')).toBe(37);
  });

  it('refuses while real accounts exist, then seeds with force', async () => {
    await addRealUser('amara.okafor@example.org');
    const refused = seedInto(database.url, { mentors: 3, mentees: 0 });
    await expect(refused).rejects.toThrow(SeedRefusedError);
    await expect(refused).rejects.toThrow(/1 account\(s\) that were not seeded.*--force/);
    expect(await count(db, 'SELECT count(*) FROM users')).toBe(38);

    const forced = await seedInto(database.url, { mentors: 3, mentees: 0, force: true });
    expect(forced.mentors).toEqual({ first: 26, count: 3 });
    expect(await count(db, 'SELECT count(*) FROM users')).toBe(41);
    expect(await count(db, 'SELECT count(*) FROM profiles')).toBe(40);
  });

  it('rolls everything back when the load fails half way, indexes included', async () => {
    const schemaBefore = await schemaOf(db);
    // A real person who happens to hold the email the next seeded mentor would get.
    await addRealUser('mentor-0000031@seed.preceptor.example');
    const failed = seedInto(database.url, {
      mentors: 5,
      mentees: 0,
      force: true,
      dropIndexes: true,
    });
    await expect(failed).rejects.toThrow(/duplicate key value violates unique constraint/);
    expect(await schemaOf(db)).toEqual(schemaBefore);
    expect(await count(db, 'SELECT count(*) FROM users')).toBe(42);
    expect(await count(db, 'SELECT count(*) FROM profiles')).toBe(40);
  });

  it('refuses to number people past the seven digits of their emails', async () => {
    await db.query(
      `INSERT INTO users (email, full_name, password_hash, roles, is_seeded)
       VALUES ('mentee-9999999@seed.preceptor.example', 'Last Mentee', 'x', '{MENTEE}', true)`,
    );
    await expect(seedInto(database.url, { mentors: 0, mentees: 1, force: true })).rejects.toThrow(
      /numbered up to 9,999,999/,
    );
  });

  it('rejects counts that are not whole numbers', async () => {
    await expect(seedInto(database.url, { mentors: -1 })).rejects.toThrow(RangeError);
    await expect(seedInto(database.url, { mentees: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('telling running API processes to reload their mentor index', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts the API running on the database after a bulk load', async () => {
    const summary = await seedInto(api.databaseUrl, {
      mentors: 40,
      mentees: 10,
      dropIndexes: true,
    });
    expect(summary.apisTold).toBe(1);
  });

  it('needs no reload when the load keeps the indexes (each mentor is announced)', async () => {
    const summary = await seedInto(api.databaseUrl, {
      mentors: 5,
      mentees: 0,
      dropIndexes: false,
    });
    expect(summary.apisTold).toBeNull();
  });
});

describe('demo seeding at start-up', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(appDataSourceOptions(database.url, { poolSize: 2 }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const boot = (seedDemo: 'true' | 'false'): Promise<void> =>
    new DemoSeedService(
      parseEnv({ SEED_DEMO: seedDemo, DATABASE_URL: database.url }),
      dataSource,
    ).onApplicationBootstrap();
  const users = async (): Promise<number> =>
    Number((await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM users'))[0].n);
  const upcomingEvents = async (): Promise<number> =>
    Number(
      (
        await dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM events WHERE status = 'PUBLISHED' AND starts_at > now()`,
        )
      )[0].n,
    );

  it('stays away when SEED_DEMO is off', async () => {
    await boot('false');
    expect(await users()).toBe(0);
  });

  it('seeds the demo people and events into an empty database, once, and logs how to log in', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const people = DEMO_SEED.mentors + DEMO_SEED.mentees + DEMO_EVENTS.organizers;
    try {
      await boot('true');
      expect(await users()).toBe(people);
      expect(await upcomingEvents()).toBe(DEMO_EVENTS.events);
      await boot('true');
      expect(await users()).toBe(people);
      expect(await upcomingEvents()).toBe(DEMO_EVENTS.events);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0][0]).toEqual(
        expect.stringMatching(
          /60 demo events.*mentor-0000001@seed\.preceptor\.example.*mentee-0000001@seed\.preceptor\.example.*organizer-0000001@seed\.preceptor\.example \(an organizer\).*"preceptor-demo-password"/,
        ),
      );
    } finally {
      log.mockRestore();
    }
  });

  it('makes the demo events varied: every format, several tracks, credit of many types, some nearly full', async () => {
    const [row] = await dataSource.query<
      { formats: number; tracks: number; credit_types: number; nearly_full: number; free: number }[]
    >(
      `SELECT (SELECT count(DISTINCT format)::int FROM events) AS formats,
              (SELECT count(DISTINCT t)::int FROM events, unnest(tracks) t) AS tracks,
              (SELECT count(DISTINCT type)::int FROM event_credits) AS credit_types,
              (SELECT count(*)::int FROM events WHERE capacity - going_count <= 2) AS nearly_full,
              (SELECT count(*)::int FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_credits c WHERE c.event_id = e.id)) AS free`,
    );
    expect(row.formats).toBe(3);
    expect(row.tracks).toBeGreaterThanOrEqual(6);
    expect(row.credit_types).toBeGreaterThanOrEqual(3);
    expect(row.nearly_full).toBeGreaterThanOrEqual(DEMO_EVENTS.nearlyFull);
    expect(row.free).toBeGreaterThan(0);
  });

  it('leaves the demo mentee a past attended event with credit in their record', async () => {
    const rows = await dataSource.query<
      { status: string; ended: boolean; entries: number; matching: number }[]
    >(
      `SELECT r.status, e.ends_at < now() AS ended,
              (SELECT count(*)::int FROM credit_entries c WHERE c.user_id = u.id) AS entries,
              (SELECT count(*)::int FROM event_credits ec WHERE ec.event_id = e.id) AS matching
         FROM users u JOIN rsvps r ON r.user_id = u.id JOIN events e ON e.id = r.event_id
        WHERE u.email = 'mentee-0000001@seed.preceptor.example' AND r.status = 'ATTENDED'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].ended).toBe(true);
    expect(rows[0].entries).toBeGreaterThan(0);
    expect(rows[0].entries).toBe(rows[0].matching);
  });

  it('returns the pooled connection it borrowed', () => {
    const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
