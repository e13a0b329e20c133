/**
 * Bulk-loads synthetic people (see synthetic-people.ts) with COPY: their accounts through
 * @preceptor/accounts (copyUsers), their profiles into `profiles`.
 *
 * Everything happens in ONE transaction on the given connection: the checks, dropping the
 * secondary indexes and the foreign key of `profiles`, both COPYs, recreating them, and asking
 * running API processes to reload their mentor index (delivered at commit). If the process dies
 * or anything fails, PostgreSQL rolls all of it back, so the schema is never left without its
 * indexes and the tables never hold half a load.
 *
 * Re-runs append: numbering continues after the highest seeded mentor and mentee already there.
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
  type UserCopyRow,
} from '@preceptor/accounts';
import {
  copyBoolean,
  copyChunks,
  copyInto,
  copyLine,
  copyNumber,
  copyText,
  copyTimestamp,
  COPY_NULL,
  plainArray,
  quotedArray,
  withoutTimeouts,
} from '@preceptor/core';
import { Presets, SingleBar } from 'cli-progress';
import type pg from 'pg';
import { requestProfileIndexReloads } from '@preceptor/profiles';
import type { Track } from '@preceptor/taxonomy';
import {
  seedEmail,
  SyntheticPeople,
  type SeedRole,
  type SeedSpecialty,
  type SyntheticAccount,
  type SyntheticPerson,
} from './synthetic-people.js';

/**
 * The one password of every seeded account, so anyone can log in as any synthetic person (demo
 * and load-test data only, never real people). `npm run seed` and the demo seeder print it.
 */
export const SEED_PASSWORD = 'preceptor-demo-password';

export interface SeedOptions {
  mentors: number;
  mentees: number;
  /** PRNG seed: the same seed always yields the same people (default 1). */
  seed?: number;
  /** Seed even though `users` holds accounts that were not seeded (real people). */
  force?: boolean;
  /** No progress bar and no phase lines. */
  quiet?: boolean;
  /**
   * Drop the secondary indexes and foreign keys of `users`/`profiles` before COPY and recreate
   * them after: much faster for large loads, but `profiles` is locked against reads until the
   * transaction commits. Default: when loading at least 50,000 people and at least as many as
   * already exist.
   */
  dropIndexes?: boolean;
  /** Do nothing (and report `skipped`) unless `users` is empty; checked under the lock. */
  onlyIfEmpty?: boolean;
  /** Transaction-local `maintenance_work_mem` for the index rebuild (default 512MB). */
  maintenanceWorkMem?: string;
  /** Where phase lines go when not quiet (default: stderr). */
  log?: (line: string) => void;
}

export interface SeedRange {
  /** Index of the first person created (emails `mentor-0000001@…` count from 1). */
  first: number;
  count: number;
}

export interface SeedSummary {
  seed: number;
  /** True when `onlyIfEmpty` found people already there: nothing was written. */
  skipped: boolean;
  mentors: SeedRange;
  mentees: SeedRange;
  /** Indexes and foreign keys dropped before COPY and recreated after it (empty if kept). */
  rebuilt: string[];
  /**
   * API processes told to reload their mentor index when the load commits (0: none running).
   * Null when no reload was needed: loads that keep the indexes announce each mentor instead.
   */
  apisTold: number | null;
  seconds: {
    prepare: number;
    users: number;
    profiles: number;
    indexes: number;
    analyze: number;
    total: number;
  };
}

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

/**
 * Seeded accounts share a published password: no seeding where real people work. The API
 * refuses SEED_DEMO in production for the same reason (see env.ts), and refuses seeded accounts'
 * log-ins there.
 */
export function refuseSeedingInProduction(env: { isProduction: boolean }): void {
  if (env.isProduction) {
    throw new SeedRefusedError(
      'Seeding is refused with NODE_ENV=production: every seeded account shares the published ' +
        `password "${SEED_PASSWORD}". Seed a development or staging database instead.`,
    );
  }
}

/** Seeded emails carry seven digits (`mentor-0000001@…`), which also keeps them in text order. */
export const MAX_SEED_INDEX = 9_999_999;
/**
 * Smaller loads keep the indexes: the time saved is small, and dropping them would lock readers
 * out of `profiles` for the whole load (and rebuilding costs in proportion to the whole table).
 */
const DROP_INDEXES_FROM = 50_000;
// Any fixed number: serialises concurrent seeders (two API instances starting on one database).
export const SEED_LOCK = 727_200;

const PROFILE_COLUMNS = [
  'user_id',
  'created_at',
  'updated_at',
  'full_name',
  'is_mentor',
  'is_mentee',
  'headline',
  'bio',
  'track',
  'career_stage',
  'specialty_ids',
  'specialty_lineage',
  'years_of_experience',
  'languages',
  'country',
  'region',
  'city',
  'time_zone',
  'meeting_formats',
  'shift_pattern',
  'availability',
  'contact_email',
  'contact_phone',
  'professional_links',
  'mentor_offers',
  'mentor_capacity',
  'mentor_accepting',
  'mentor_active_mentee_count',
  'mentee_goals',
  'mentee_target_specialty_id',
  'is_seeded',
];

const MENTOR_ROLES: readonly Role[] = [Role.MENTOR];
const MENTEE_ROLES: readonly Role[] = [Role.MENTEE];
const MENTOR_AND_MENTEE_ROLES: readonly Role[] = [Role.MENTOR, Role.MENTEE];

function userRow(account: SyntheticAccount, passwordHash: string): UserCopyRow {
  return {
    id: account.id,
    email: account.email,
    fullName: account.fullName,
    passwordHash,
    roles: account.isMentor
      ? account.isMentee
        ? MENTOR_AND_MENTEE_ROLES
        : MENTOR_ROLES
      : MENTEE_ROLES,
    isSeeded: true,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

function profileLine(p: SyntheticPerson): string {
  return copyLine([
    p.id,
    copyTimestamp(p.createdAt),
    copyTimestamp(p.updatedAt),
    copyText(p.fullName),
    copyBoolean(p.isMentor),
    copyBoolean(p.isMentee),
    copyText(p.headline),
    copyText(p.bio),
    p.track,
    p.careerStage,
    plainArray(p.specialtyIds),
    plainArray(p.specialtyLineage),
    copyNumber(p.yearsOfExperience),
    plainArray(p.languages),
    copyText(p.country),
    copyText(p.region),
    copyText(p.city),
    copyText(p.timeZone),
    plainArray(p.meetingFormats),
    p.shiftPattern ?? COPY_NULL,
    copyText(JSON.stringify(p.availability)),
    copyText(p.contactEmail),
    copyText(p.contactPhone),
    quotedArray(p.professionalLinks),
    plainArray(p.mentorOffers),
    copyNumber(p.mentorCapacity),
    copyBoolean(p.mentorAccepting),
    String(p.mentorActiveMenteeCount),
    plainArray(p.menteeGoals),
    copyNumber(p.menteeTargetSpecialtyId),
    copyBoolean(true),
  ]);
}

// ---------------------------------------------------------------------------------------------

interface Batch {
  role: SeedRole;
  range: SeedRange;
}

/** Who is loaded, in which order: parallel arrays of batch number and person index. */
interface LoadOrder {
  batch: Uint8Array;
  index: Uint32Array;
}

/** Everyone in the batches, batch by batch, by index. */
function inBatchOrder(batches: readonly Batch[]): LoadOrder {
  const total = batches.reduce((sum, { range }) => sum + range.count, 0);
  const order: LoadOrder = { batch: new Uint8Array(total), index: new Uint32Array(total) };
  let at = 0;
  batches.forEach(({ range }, b) => {
    for (let i = 0; i < range.count; i++, at++) {
      order.batch[at] = b;
      order.index[at] = range.first + i;
    }
  });
  return order;
}

/**
 * Everyone in the batches in order of sign-up. A real profiles table is appended as people
 * join, so its rows lie on disk in roughly created_at order, and reading the newest mentors
 * reads neighbouring pages; loading in index order would scatter them over the whole table.
 */
function inSignUpOrder(people: SyntheticPeople, batches: readonly Batch[]): LoadOrder {
  const byIndex = inBatchOrder(batches);
  const total = byIndex.index.length;
  const time = new Float64Array(total);
  for (let at = 0; at < total; at++) {
    time[at] = people.signedUpAt(batches[byIndex.batch[at]].role, byIndex.index[at]);
  }
  const permutation = new Uint32Array(total);
  for (let at = 0; at < total; at++) permutation[at] = at;
  permutation.sort((a, b) => time[a] - time[b] || a - b);
  const order: LoadOrder = { batch: new Uint8Array(total), index: new Uint32Array(total) };
  for (let at = 0; at < total; at++) {
    order.batch[at] = byIndex.batch[permutation[at]];
    order.index[at] = byIndex.index[permutation[at]];
  }
  return order;
}

/** Everyone in `order`, made by `make` one at a time as they are asked for. */
function* inOrder<T>(
  batches: readonly Batch[],
  order: LoadOrder,
  make: (role: SeedRole, index: number) => T,
): Generator<T> {
  for (let at = 0; at < order.index.length; at++) {
    yield make(batches[order.batch[at]].role, order.index[at]);
  }
}

function createProgressBar(total: number): SingleBar {
  const bar = new SingleBar(
    {
      format: ' {phase} |{bar}| {percentage}% | {value}/{total} rows | ETA {eta_formatted}',
      stream: process.stderr,
      // Left visible: a hidden cursor would stay hidden if Ctrl-C ends the run.
      hideCursor: false,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { phase: 'users   ' });
  return bar;
}

interface DatabaseState {
  realUsers: number;
  anyUsers: boolean;
  lastMentor: number;
  lastMentee: number;
  profiles: number;
}

/** The index in a seeded email (`mentor-0000042@…` is 42). */
export const seedIndexOf = (email: string | null): number =>
  email === null ? 0 : Number(email.slice(email.indexOf('-') + 1, email.indexOf('@')));

async function readState(client: pg.ClientBase): Promise<DatabaseState> {
  const users = await countUsers(client);
  // Seven-digit numbers sort as text, so the highest seeded email of a role is the last one.
  const lastSeeded = async (role: SeedRole): Promise<number> =>
    seedIndexOf(await lastSeededEmail(client, seedEmail(role, 0), seedEmail(role, MAX_SEED_INDEX)));
  const { rows } = await client.query<{ profiles: number }>(
    // The planner's estimate is plenty to choose a load strategy (-1: never analysed).
    `SELECT greatest(reltuples, 0)::float8 AS profiles FROM pg_class WHERE oid = 'profiles'::regclass`,
  );
  return {
    realUsers: users.notSeeded,
    anyUsers: users.any,
    lastMentor: await lastSeeded('mentor'),
    lastMentee: await lastSeeded('mentee'),
    profiles: rows[0]?.profiles ?? 0,
  };
}

export async function readSpecialties(client: pg.ClientBase): Promise<SeedSpecialty[]> {
  const { rows } = await client.query<{
    id: number;
    name: string;
    parent_id: number | null;
    tracks: string;
    lineage: number[];
  }>(
    // tracks as text: node-postgres does not parse arrays of enum types.
    'SELECT id, name, parent_id, tracks::text[]::text AS tracks, lineage FROM specialties ORDER BY id',
  );
  if (rows.length === 0) {
    throw new Error('The specialties table is empty: run the migrations before seeding');
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    tracks: row.tracks.replace(/^\{|\}$/g, '').split(',') as Track[],
    lineage: row.lineage,
  }));
}

/** Something dropped before COPY and recreated after it, inside the same transaction. */
interface Rebuild {
  name: string;
  drop: string;
  create: string;
}

/**
 * What COPY would otherwise maintain row by row: the secondary indexes (no constraint behind
 * them, not unique, so nothing goes unchecked while they are gone) and the foreign keys, whose
 * per-row checks also lock every referenced user. Rebuilding indexes in bulk and validating a
 * foreign key with one join is much cheaper. Unique and primary keys stay in place.
 */
async function rebuildables(client: pg.ClientBase): Promise<Rebuild[]> {
  const tables = [USERS_TABLE, 'profiles'];
  const { rows } = await client.query<Rebuild>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name,
            format('DROP INDEX %I.%I', n.nspname, c.relname) AS drop,
            pg_get_indexdef(i.indexrelid) AS create
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indrelid = ANY ($1::regclass[])
        AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
     UNION ALL
     SELECT format('%s.%I', k.conrelid::regclass, k.conname),
            format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
       FROM pg_constraint k
      WHERE k.conrelid = ANY ($1::regclass[]) AND k.contype = 'f'
      ORDER BY 1`,
    [tables],
  );
  return rows;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * Loads `mentors` + `mentees` synthetic people. Re-runs append: numbering continues after the
 * highest seeded mentor/mentee email already present, so emails and ids never collide.
 */
export async function seedPeople(
  client: pg.ClientBase,
  options: SeedOptions,
): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  checkCount('mentors', options.mentors);
  checkCount('mentees', options.mentees);
  const log = options.quiet ? () => undefined : (options.log ?? ((line) => console.error(line)));
  const total = options.mentors + options.mentees;
  const summary: SeedSummary = {
    seed,
    skipped: false,
    mentors: { first: 1, count: options.mentors },
    mentees: { first: 1, count: options.mentees },
    rebuilt: [],
    apisTold: null,
    seconds: { prepare: 0, users: 0, profiles: 0, indexes: 0, analyze: 0, total: 0 },
  };

  // One hash for everyone: argon2 costs ~40 ms, a million of them would take hours.
  const passwordHash = await hash(SEED_PASSWORD, ARGON2_OPTIONS);
  let bar: SingleBar | undefined;
  let analyze: boolean | undefined;

  await client.query('BEGIN');
  try {
    // A million rows take minutes, and the connection may be one of the API's (demo seeding).
    await withoutTimeouts(client);
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const state = await readState(client);
    if (options.onlyIfEmpty && state.anyUsers) {
      await client.query('ROLLBACK');
      summary.skipped = true;
      summary.mentors.count = summary.mentees.count = 0;
      summary.seconds.total = seconds(started);
      return summary;
    }
    if (state.realUsers > 0 && !options.force) {
      throw new SeedRefusedError(
        `The users table holds ${state.realUsers} account(s) that were not seeded (is_seeded = false). ` +
          'Seeding next to real accounts is refused; pass --force (force: true) to seed anyway.',
      );
    }
    summary.mentors.first = state.lastMentor + 1;
    summary.mentees.first = state.lastMentee + 1;
    for (const [role, range] of [
      ['mentor', summary.mentors],
      ['mentee', summary.mentees],
    ] as const) {
      if (range.first + range.count - 1 > MAX_SEED_INDEX) {
        throw new SeedRefusedError(
          `Seeded ${role}s are numbered up to ${fmt(MAX_SEED_INDEX)}; ${fmt(range.first - 1)} exist already, so ${fmt(range.count)} more do not fit.`,
        );
      }
    }
    const people = new SyntheticPeople({ seed, specialties: await readSpecialties(client) });

    const dropIndexes =
      options.dropIndexes ?? (total >= DROP_INDEXES_FROM && total >= state.profiles);
    analyze = total * 10 >= state.profiles;
    const dropped = dropIndexes ? await rebuildables(client) : [];
    if (dropped.length > 0) {
      // Index builds sort in maintenance_work_mem; btree builds can also use parallel workers.
      await client.query(
        `SELECT set_config('maintenance_work_mem', $1, true),
                set_config('max_parallel_maintenance_workers', '2', true)`,
        [options.maintenanceWorkMem ?? '512MB'],
      );
      for (const item of dropped) await client.query(item.drop);
      // One notification per person would dominate a bulk load: API processes reload their
      // mentor and mentee indexes instead.
      await client.query('ALTER TABLE profiles DISABLE TRIGGER profiles_notify_mentor_change');
      await client.query('ALTER TABLE profiles DISABLE TRIGGER profiles_notify_mentee_change');
    }
    const batches: Batch[] = [
      { role: 'mentor', range: summary.mentors },
      { role: 'mentee', range: summary.mentees },
    ];
    summary.seconds.prepare = seconds(started);

    log(
      `Seeding ${fmt(options.mentors)} mentors (from #${summary.mentors.first}) and ` +
        `${fmt(options.mentees)} mentees (from #${summary.mentees.first}), seed ${seed}` +
        (dropped.length > 0 ? `, rebuilding ${dropped.length} indexes and foreign keys after` : ''),
    );
    const showBar = !options.quiet && process.stderr.isTTY && total > 0;
    bar = showBar ? createProgressBar(total * 2) : undefined;
    let written = 0;
    const advance = (rows: number): void => {
      written += rows;
      bar?.update(written);
    };

    let phaseStart = performance.now();
    await copyUsers(
      client,
      // Accounts in index order: their ids rise with it, so primary-key inserts append.
      inOrder(batches, inBatchOrder(batches), (role, index) =>
        userRow(people.account(role, index), passwordHash),
      ),
      advance,
    );
    summary.seconds.users = seconds(phaseStart);

    phaseStart = performance.now();
    bar?.update(written, { phase: 'profiles' });
    await copyInto(
      client,
      'profiles',
      PROFILE_COLUMNS,
      copyChunks(
        inOrder(batches, inSignUpOrder(people, batches), (role, index) =>
          people.person(role, index),
        ),
        profileLine,
        advance,
      ),
    );
    summary.seconds.profiles = seconds(phaseStart);
    bar?.stop();
    bar = undefined;
    log(`COPY: users ${summary.seconds.users}s, profiles ${summary.seconds.profiles}s`);

    phaseStart = performance.now();
    if (dropped.length > 0) log('Rebuilding indexes and foreign keys…');
    for (const item of dropped) {
      const itemStart = performance.now();
      await client.query(item.create);
      log(`  ${item.name} in ${seconds(itemStart)}s`);
    }
    if (dropped.length > 0) {
      await client.query('ALTER TABLE profiles ENABLE TRIGGER profiles_notify_mentor_change');
      await client.query('ALTER TABLE profiles ENABLE TRIGGER profiles_notify_mentee_change');
      // Delivered at commit, with everything loaded.
      summary.apisTold = await requestProfileIndexReloads(client);
    }
    summary.rebuilt = dropped.map((item) => item.name);
    summary.seconds.indexes = seconds(phaseStart);

    await client.query('COMMIT');
  } catch (error) {
    bar?.stop();
    // The connection may already be unusable (e.g. it dropped); the original error matters more.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }

  // Outside the transaction: statistics are worth keeping even if ANALYZE were interrupted.
  // A small addition to big tables changes no statistic worth a pass (autovacuum will come).
  if (analyze) {
    const analyzeStart = performance.now();
    await client.query(`ANALYZE ${USERS_TABLE}, profiles`);
    summary.seconds.analyze = seconds(analyzeStart);
  }
  summary.seconds.total = seconds(started);
  return summary;
}
