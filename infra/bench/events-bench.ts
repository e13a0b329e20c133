// Benchmarks events(filter) through the GraphQL endpoint over 100,000 seeded events, next to the
// API's floor ({ __typename }), and an RSVP storm: 2,000 different people RSVP to one event of
// 500 seats from 16 concurrent clients, through the API and, in the same run, through the plain
// SQL a team without the API would write (lock the event row, count, insert), each storm on a
// fresh event and checked (exactly 500 going, 1,500 waitlisted at positions 1..1,500). Prints the
// targets with PASS/FAIL and writes the `## events` section of docs/benchmarks.md.
//
//   npm run bench:events [-- --db URL] [--events 100000] [--organizers 200] [--seconds 4]
//     [--people 2000] [--capacity 500] [--storm-clients 16] [--rounds 3] [--out file.md]
//
// The database (default bench_events on the local server) is created and seeded with
// `node dist/apps/seed/src/main.js --events N --organizers O` when it is missing or holds no
// events; pending migrations are applied. The bench's own accounts and events
// (bench-events-…@bench.preceptor.example) are deleted at the end and by the next run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { ARGON2_OPTIONS, copyUsers, Role } from '@preceptor/accounts';
import { ensureDatabase, withDatabase } from '@preceptor/core';
import { CreditType, EventFormat, EventKind } from '@preceptor/events';
import pg from 'pg';
import {
  EVENTS_QUERY,
  FLOOR_QUERY,
  fmt,
  graphqlClient,
  markdownTable,
  measure,
  measureEach,
  replaceSection,
  startApi,
  stopApi,
  type GraphqlClient,
  type Stats,
} from './bench-api.js';
import {
  checkStorm,
  RSVP_MUTATION,
  sqlRsvp,
  type RsvpAnswer,
  type StormCheck,
} from './rsvp-storm.js';

const { values: options } = parseArgs({
  options: {
    db: {
      type: 'string',
      default:
        process.env['DATABASE_URL_EVENTS'] ?? 'postgres://postgres@127.0.0.1:5432/bench_events',
    },
    // What the seeder loads when the database is missing or has no events.
    events: { type: 'string', default: '100000' },
    organizers: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '4' },
    people: { type: 'string', default: '2000' },
    capacity: { type: 'string', default: '500' },
    'storm-clients': { type: 'string', default: '16' },
    // Storms per side (API, SQL), alternating, each on a fresh event.
    rounds: { type: 'string', default: '3' },
    // logIn requests in flight while the people's tokens are fetched.
    'login-clients': { type: 'string', default: '8' },
    'warm-up-seconds': { type: 'string', default: '5' },
    // RSVPs per side before the storms, on events of their own, not recorded.
    'warm-up-rsvps': { type: 'string', default: '300' },
    port: { type: 'string', default: '3921' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    // "browse" or "storm" alone (for a quick look; docs want both).
    only: { type: 'string' },
  },
});

/** A numeric option, refused (naming it) unless it is a whole number of at least `min`. */
function numberOption(name: keyof typeof options, min: number): number {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(
      `--${name} must be a number of at least ${min} (got "${String(options[name])}")`,
    );
  }
  return value;
}

const DB_URL = options.db;
const SEED_EVENTS = numberOption('events', 1);
const SEED_ORGANIZERS = numberOption('organizers', 1);
const SECONDS = numberOption('seconds', 0.1);
const PEOPLE = numberOption('people', 2);
const CAPACITY = numberOption('capacity', 1);
const STORM_CLIENTS = numberOption('storm-clients', 1);
const ROUNDS = numberOption('rounds', 1);
const LOGIN_CLIENTS = numberOption('login-clients', 1);
const WARM_UP_MS = numberOption('warm-up-seconds', 0) * 1000;
const WARM_UP_RSVPS = numberOption('warm-up-rsvps', 0);
const PORT = numberOption('port', 1);
const ONLY = options.only;
if (ONLY !== undefined && ONLY !== 'browse' && ONLY !== 'storm') {
  throw new Error(`--only takes browse or storm (got "${ONLY}")`);
}
const wants = (part: 'browse' | 'storm'): boolean => ONLY === undefined || ONLY === part;
if (CAPACITY >= PEOPLE) throw new Error('--capacity must be below --people, or nobody waits');

const CONCURRENCY = [1, 4];
const PAGE_SIZE = 20;
const EMAIL_DOMAIN = 'bench.preceptor.example';
/** Every account this bench makes, from this and earlier (interrupted) runs. */
const BENCH_EMAIL_PATTERN = `bench-events-%@${EMAIL_DOMAIN}`;
const RUN_ID = Date.now().toString(36);
const PASSWORD = 'a benchmark passphrase';
const TARGETS = { browseP99Ms: 25, stormShare: 0.5 };
const log = (line: string): void => console.log(line);
const n = (value: number): string => value.toLocaleString('en-US');

const EVENTS_COUNT_QUERY = `query BenchEventsCount($filter: EventFilter) {
  events(filter: $filter, first: 1) { totalCount }
}`;

interface Scenario {
  name: string;
  filter: Record<string, unknown>;
}

interface BrowseRow {
  name: string;
  floor?: boolean;
  clients: number;
  /** The filter's totalCount, as the API counts it. */
  matches?: number;
  stats: Stats;
  /** 1-minute load average when the cell ended. */
  load: number;
}

type Side = 'API' | 'SQL';

interface StormRow {
  round: number;
  side: Side;
  stats: Stats;
  check: StormCheck;
  load: number;
}

/** The 1-minute load average, as `uptime` shows it. */
const load1 = (): number => loadavg()[0];

/** Runs a command to completion, its output passed through; fails on a non-zero exit. */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

interface DataSet {
  events: number;
  upcoming: number;
  organizers: number;
  /** Seconds the seeder took, when this run seeded. */
  seededSeconds?: number;
}

/**
 * The database, created and seeded when missing or empty, with every migration applied (a new
 * index must be there before it is measured).
 */
async function ensureData(pool: pg.Pool): Promise<DataSet> {
  const admin = new pg.Client({ connectionString: withDatabase(DB_URL, 'postgres') });
  await admin.connect();
  const name = decodeURIComponent(new URL(DB_URL).pathname.slice(1));
  const exists = await admin
    .query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    .finally(() => admin.end());
  if (!exists.rowCount) {
    log(`Creating database ${name}`);
    await ensureDatabase(DB_URL);
  }
  await run(process.execPath, ['infra/db/migrations.mjs', 'run'], { DATABASE_URL: DB_URL });
  const count = async (): Promise<DataSet> => {
    const { rows } = await pool.query<{ events: number; upcoming: number; organizers: number }>(
      `SELECT count(*)::int AS events,
              count(*) FILTER (WHERE status = 'PUBLISHED' AND starts_at > now())::int AS upcoming,
              count(DISTINCT organizer_id)::int AS organizers
         FROM events`,
    );
    return rows[0];
  };
  const found = await count();
  if (found.events > 0) return found;
  log(`Seeding ${n(SEED_EVENTS)} events over ${n(SEED_ORGANIZERS)} organizers`);
  const started = performance.now();
  await run(
    process.execPath,
    [
      'dist/apps/seed/src/main.js',
      '--events',
      String(SEED_EVENTS),
      '--organizers',
      String(SEED_ORGANIZERS),
    ],
    { DATABASE_URL: DB_URL },
  );
  return { ...(await count()), seededSeconds: (performance.now() - started) / 1000 };
}

/** Filter values taken from the data: its commonest specialty, one about 1% of events carry. */
async function scenarios(pool: pg.Pool): Promise<Scenario[]> {
  const { rows } = await pool.query<{ slug: string; n: number }>(
    `SELECT s.slug, count(*)::int AS n
       FROM events e CROSS JOIN LATERAL unnest(e.specialty_lineage) AS l(id)
       JOIN specialties s ON s.id = l.id
      WHERE e.status = 'PUBLISHED' AND e.starts_at > now()
      GROUP BY s.slug ORDER BY n DESC, s.slug`,
  );
  if (rows.length === 0) throw new Error('No upcoming event has a specialty');
  const total = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE status = 'PUBLISHED' AND starts_at > now()`,
  );
  const common = rows[0];
  const rare = rows.find((row) => row.n <= total.rows[0].n / 100) ?? rows.at(-1)!;
  // Whole days, so that every request of a cell asks the same question.
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const day = (days: number): string => new Date(today.getTime() + days * 86_400_000).toISOString();
  return [
    { name: 'no filter (upcoming)', filter: {} },
    { name: `specialty, common (${common.slug})`, filter: { specialtySlugs: [common.slug] } },
    { name: `specialty, rare (${rare.slug})`, filter: { specialtySlugs: [rare.slug] } },
    {
      name: 'date range (days 30–60) with credits',
      filter: { from: day(30), to: day(60), hasCredits: true },
    },
    {
      name: 'date range (days 30–60) with CNE credit',
      filter: { from: day(30), to: day(60), creditTypes: [CreditType.CNE] },
    },
    { name: 'text "sepsis"', filter: { text: 'sepsis' } },
    { name: 'text "pediatric cardio" (two words)', filter: { text: 'pediatric cardio' } },
  ];
}

/** The bench's people: accounts written in bulk, then each signed in through the API. */
interface People {
  ids: string[];
  tokens: Map<string, string>;
  copySeconds: number;
  logIn: Stats;
}

async function createPeople(pool: pg.Pool, client: GraphqlClient): Promise<People> {
  let started = performance.now();
  // One hash for all: they share a password, and argon2 costs ~40 ms a hash.
  const passwordHash = await hash(PASSWORD, ARGON2_OPTIONS);
  const now = new Date();
  const accounts = Array.from({ length: PEOPLE }, (_, i) => ({
    id: randomUUID(),
    email: `bench-events-${RUN_ID}-${i}@${EMAIL_DOMAIN}`,
    fullName: `Benchmark Attendee ${i}`,
    passwordHash,
    roles: [Role.MENTEE],
    // Not seeded: a production API refuses seeded accounts at log-in.
    isSeeded: false,
    createdAt: now,
    updatedAt: now,
  }));
  const connection = await pool.connect();
  try {
    await connection.query('BEGIN');
    await copyUsers(connection, accounts);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  } finally {
    connection.release();
  }
  const copySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const tokens = new Map<string, string>();
  const logIn = await measureEach(LOGIN_CLIENTS, accounts, async (account) => {
    const data = await client.call<{ logIn: { accessToken: string } }>(
      'mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }',
      { input: { email: account.email, password: PASSWORD } },
    );
    tokens.set(account.id, data.logIn.accessToken);
  });
  log(
    `${n(PEOPLE)} bench accounts: COPY in ${copySeconds.toFixed(1)} s, logIn through the API (${LOGIN_CLIENTS} at a time) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${logIn.perSecond.toFixed(0)}/s`,
  );
  return { ids: accounts.map((account) => account.id), tokens, copySeconds, logIn };
}

async function deleteBenchAccounts(pool: pg.Pool): Promise<number> {
  // Their events and RSVPs go with them (ON DELETE CASCADE).
  const { rowCount } = await pool.query('DELETE FROM users WHERE email LIKE $1', [
    BENCH_EMAIL_PATTERN,
  ]);
  return rowCount ?? 0;
}

/** A published virtual event of CAPACITY seats, listed by the bench's organizer. */
async function createStormEvent(
  client: GraphqlClient,
  organizerToken: string,
  label: string,
): Promise<string> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const created = await client.call<{ createEvent: { id: string } }>(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    {
      input: {
        title: `RSVP storm ${label}`,
        description: `Benchmark: ${n(PEOPLE)} people RSVP at once for ${n(CAPACITY)} seats.`,
        kind: EventKind.WEBINAR,
        format: EventFormat.VIRTUAL,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        timeZone: 'America/Chicago',
        joinUrl: 'https://meet.example.org/rsvp-storm',
        capacity: CAPACITY,
      },
    },
    organizerToken,
  );
  const id = created.createEvent.id;
  await client.call('mutation($id: ID!) { publishEvent(id: $id) { id } }', { id }, organizerToken);
  return id;
}

/** The people in an order of their own per storm, so no storm replays another's order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function apiStorm(
  pool: pg.Pool,
  client: GraphqlClient,
  people: People,
  eventId: string,
  order: string[],
): Promise<{ stats: Stats; check: StormCheck }> {
  const answers = new Map<string, RsvpAnswer['rsvp']>();
  const stats = await measureEach(STORM_CLIENTS, order, async (userId) => {
    const data = await client.call<RsvpAnswer>(
      RSVP_MUTATION,
      { eventId },
      people.tokens.get(userId),
    );
    answers.set(userId, data.rsvp);
  });
  return { stats, check: await checkStorm(pool, eventId, CAPACITY, answers, { counters: true }) };
}

async function sqlStorm(
  pool: pg.Pool,
  eventId: string,
  order: string[],
): Promise<{ stats: Stats; check: StormCheck }> {
  // One connection per client, held for the storm, as each client of the API is one session.
  const connections = await Promise.all(
    Array.from({ length: STORM_CLIENTS }, () => pool.connect()),
  );
  const answers = new Map<string, RsvpAnswer['rsvp']>();
  try {
    const stats = await measureEach(STORM_CLIENTS, order, async (userId, i) => {
      answers.set(userId, await sqlRsvp(connections[i], eventId, userId));
    });
    // The baseline writes no counters: only the rows are checked.
    return {
      stats,
      check: await checkStorm(pool, eventId, CAPACITY, answers, { counters: false }),
    };
  } finally {
    for (const connection of connections) connection.release();
  }
}

/** The API process running now, so an interrupted run can stop it. */
let activeApi: Awaited<ReturnType<typeof startApi>> | undefined;

type Verdict = 'PASS' | 'FAIL';

const record = (rows: BrowseRow[], row: BrowseRow): void => {
  rows.push(row);
  log(
    `${row.name} ×${row.clients}${row.matches === undefined ? '' : ` | ${n(row.matches)} events`} | p50 ${fmt(row.stats.p50)} p99 ${fmt(row.stats.p99)} max ${fmt(row.stats.max)} ms, ${row.stats.perSecond.toFixed(0)}/s | load ${row.load.toFixed(2)}`,
  );
};

/** Browsing, signed out (as a hospital's link to its events would be), beside the floor. */
async function measureBrowse(pool: pg.Pool, client: GraphqlClient): Promise<BrowseRow[]> {
  const rows: BrowseRow[] = [];
  const chosen = await scenarios(pool);
  const variablesOf = (scenario: Scenario): Record<string, unknown> => ({
    filter: scenario.filter,
    first: PAGE_SIZE,
  });
  // A freshly started API is still compiling its hot paths.
  const warmUntil = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUntil) {
    for (const scenario of chosen) await client.fire(EVENTS_QUERY, variablesOf(scenario));
  }
  const measureFloor = async (when: string): Promise<void> => {
    for (const clients of CONCURRENCY) {
      const stats = await measure(clients, SECONDS, () => client.fire(FLOOR_QUERY, {}));
      record(rows, {
        name: `\`${FLOOR_QUERY}\`, ${when}`,
        floor: true,
        clients,
        stats,
        load: load1(),
      });
    }
  };
  await measureFloor('before the scenarios');
  for (const scenario of chosen) {
    const counted = await client.call<{ events: { totalCount: number } }>(EVENTS_COUNT_QUERY, {
      filter: scenario.filter,
    });
    const variables = variablesOf(scenario);
    for (const clients of CONCURRENCY) {
      const stats = await measure(clients, SECONDS, () => client.fire(EVENTS_QUERY, variables));
      record(rows, {
        name: scenario.name,
        clients,
        matches: counted.events.totalCount,
        stats,
        load: load1(),
      });
    }
  }
  await measureFloor('after them');
  return rows;
}

/** The storms, API and SQL alternating, each on a fresh event. */
async function measureStorms(
  pool: pg.Pool,
  client: GraphqlClient,
): Promise<{ people: People; storms: StormRow[] }> {
  const people = await createPeople(pool, client);
  const organizer = await client.call<{ signUp: { accessToken: string } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    {
      input: {
        email: `bench-events-${RUN_ID}-organizer@${EMAIL_DOMAIN}`,
        password: PASSWORD,
        fullName: 'Benchmark Organizer',
        roles: [Role.ORGANIZER],
      },
    },
  );
  const organizerToken = organizer.signUp.accessToken;
  // The API compiles its RSVP path on first use: a short storm on each side first, unrecorded.
  const warmUp = people.ids.slice(0, Math.min(WARM_UP_RSVPS, people.ids.length));
  if (warmUp.length > 0) {
    const viaApi = await createStormEvent(client, organizerToken, 'warm-up API');
    await apiStorm(pool, client, people, viaApi, warmUp);
    await sqlStorm(pool, await createStormEvent(client, organizerToken, 'warm-up SQL'), warmUp);
  }
  const storms: StormRow[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternating which side goes first, so neither always meets the machine warmer.
    const sides: Side[] = round % 2 === 1 ? ['API', 'SQL'] : ['SQL', 'API'];
    for (const side of sides) {
      const eventId = await createStormEvent(client, organizerToken, `${round} ${side}`);
      const order = shuffled(people.ids, round * 2 + (side === 'API' ? 0 : 1));
      const result =
        side === 'API'
          ? await apiStorm(pool, client, people, eventId, order)
          : await sqlStorm(pool, eventId, order);
      const row = { round, side, ...result, load: load1() };
      storms.push(row);
      log(
        `storm ${round} ${side}: ${result.check.pass ? 'PASS' : `FAIL (${result.check.problems.join('; ')})`} ${result.check.going} going, ${result.check.waitlisted} waitlisted | ${result.stats.perSecond.toFixed(0)} RSVPs/s, p50 ${fmt(result.stats.p50)} p99 ${fmt(result.stats.p99)} max ${fmt(result.stats.max)} ms | load ${row.load.toFixed(2)}`,
      );
    }
  }
  return { people, storms };
}

async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: DB_URL,
    max: STORM_CLIENTS + 2,
    options: '-c timezone=UTC',
  });
  let browse: BrowseRow[] = [];
  let storms: StormRow[] = [];
  let data: DataSet;
  let people: People | undefined;
  let machine: string;
  const loadAtStart = load1();
  try {
    data = await ensureData(pool);
    const version = await pool.query<{ v: string }>(
      `SELECT current_setting('server_version') AS v`,
    );
    machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, PostgreSQL ${version.rows[0].v}, Node ${process.version}`;
    log(
      `${n(data.events)} events (${n(data.upcoming)} upcoming and published) by ${n(data.organizers)} organizers; ${machine}; load average ${loadAtStart.toFixed(2)}`,
    );
    const removed = await deleteBenchAccounts(pool);
    if (removed > 0) log(`Removed ${removed} bench accounts left by an earlier run`);

    const started = performance.now();
    activeApi = await startApi({ databaseUrl: DB_URL, port: PORT });
    log(`API started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const client = graphqlClient(PORT);
    try {
      if (wants('browse')) browse = await measureBrowse(pool, client);
      if (wants('storm')) ({ people, storms } = await measureStorms(pool, client));
    } finally {
      client.close();
      await stopApi(activeApi);
      activeApi = undefined;
    }
  } finally {
    const deleted = await deleteBenchAccounts(pool);
    log(`Deleted ${deleted} bench accounts, with their events and RSVPs`);
    await pool.end();
  }

  // Targets.
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const scenarioRows = browse.filter((row) => !row.floor);
  const atFour = scenarioRows.filter((row) => row.clients === 4);
  const slow = atFour.filter((row) => row.stats.p99 > TARGETS.browseP99Ms);
  const apiStorms = storms.filter((row) => row.side === 'API');
  const sqlStorms = storms.filter((row) => row.side === 'SQL');
  const apiRate = median(apiStorms.map((row) => row.stats.perSecond));
  const sqlRate = median(sqlStorms.map((row) => row.stats.perSecond));
  const share = apiRate / sqlRate;
  const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');
  const browseTargets = [
    {
      verdict: verdict(slow.length === 0),
      text: `browse p99 ≤ ${TARGETS.browseP99Ms} ms at 4 clients: ${atFour.map((row) => `${row.name} ${fmt(row.stats.p99)} ms`).join(', ')}`,
    },
  ];
  const stormTargets = [
    {
      verdict: verdict(apiStorms.every((row) => row.check.pass)),
      text: `the storm never overbooks: ${apiStorms.map((row) => `round ${row.round}: ${row.check.going} going, ${n(row.check.waitlisted)} waitlisted${row.check.gapless ? ' at 1..' + n(row.check.waitlisted) : ' with gaps'}${row.check.countersMatch ? ', counters match' : ', counters differ'}${row.check.answersDiffering ? `, ${row.check.answersDiffering} answers differ` : ''}`).join('; ')}`,
    },
    {
      verdict: verdict(share >= TARGETS.stormShare),
      text: `storm throughput ≥ ${TARGETS.stormShare * 100}% of the SQL baseline's: API ${apiRate.toFixed(0)} RSVPs/s, SQL ${sqlRate.toFixed(0)} RSVPs/s (medians of ${ROUNDS} storms each): ${(share * 100).toFixed(0)}%`,
    },
  ];
  const targetLines: { verdict: Verdict; text: string }[] = [
    ...(browse.length > 0 ? browseTargets : []),
    ...(people ? stormTargets : []),
  ];

  const ordered = [...browse.filter((row) => row.floor), ...scenarioRows];
  const browseTable = markdownTable(
    ['request', 'clients', 'events', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'load avg'],
    [false, true, true, true, true, true, true, true],
    ordered.map((row) => [
      row.floor ? `floor ${row.name}` : `\`events\`, ${row.name}`,
      String(row.clients),
      row.matches === undefined ? '—' : n(row.matches),
      fmt(row.stats.p50),
      fmt(row.stats.p99),
      fmt(row.stats.max),
      row.stats.perSecond.toFixed(0),
      row.load.toFixed(2),
    ]),
  );
  const stormTable = markdownTable(
    [
      'storm',
      'through',
      'going',
      'waitlisted',
      'positions',
      'check',
      'RSVPs/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'load avg',
    ],
    [false, false, true, true, false, false, true, true, true, true, true],
    storms.map((row) => [
      String(row.round),
      row.side === 'API' ? 'API (`rsvp` mutation)' : 'SQL baseline, no HTTP',
      n(row.check.going),
      n(row.check.waitlisted),
      row.check.gapless ? `1..${n(row.check.waitlisted)}` : 'gaps',
      row.check.pass ? 'PASS' : `FAIL: ${row.check.problems.join('; ')}`,
      row.stats.perSecond.toFixed(0),
      fmt(row.stats.p50),
      fmt(row.stats.p99),
      fmt(row.stats.max),
      row.load.toFixed(2),
    ]),
  );

  log(`\n${browseTable}\n\n${stormTable}\n\nTargets:`);
  for (const line of targetLines) log(`  ${line.verdict}  ${line.text}`);
  if (!people || browse.length === 0) {
    log(`Only ${ONLY} was measured: ${options.out} is left as it is.`);
    return;
  }
  const date = new Date().toISOString().slice(0, 10);
  const d = data;
  const p = people;
  const section = `## events

\`npm run bench:events\` on ${date}: ${n(d.events)} events (${n(d.upcoming)} upcoming and published when the run started) by ${n(d.organizers)} seeded organizers, loaded with \`node dist/apps/seed/src/main.js --events ${n(SEED_EVENTS).replace(/,/g, '')} --organizers ${SEED_ORGANIZERS}\` into \`bench_events\`${d.seededSeconds === undefined ? ' by an earlier run' : ` by this run in ${d.seededSeconds.toFixed(0)} s`}. Machine: ${machine}; the cores are shared by the API, PostgreSQL, the load generator and other people's work: the 1-minute load average was ${loadAtStart.toFixed(2)} when the run started, and each row shows it as the row ended.

**Targets** (on this 2-core machine):

${targetLines.map((line) => `- **${line.verdict}**: ${line.text}.`).join('\n')}

### Browsing: \`events(filter, first: ${PAGE_SIZE})\`

- Each request is the full GraphQL request over HTTP to the API as its own process (\`node dist/apps/api/src/main.js\`, \`NODE_ENV=production\`), signed out (browsing is public): a page of ${PAGE_SIZE} events with venue, capacity and counts, specialties, tracks, credits and organizer, and \`pageInfo\`, without \`totalCount\` ("events" is the filter's \`totalCount\`, asked once beside the measurement). ${SECONDS} s per cell after 0.5 s of warm-up (and ${WARM_UP_MS / 1000} s of every scenario once the API had started). A client is a loop that sends its next request when the previous answer has arrived, through a node:http keep-alive client that reads only the first bytes of each answer.
- The floor, \`${FLOOR_QUERY}\` through the same client and process, is what any request costs before it does any work (HTTP, Express, Apollo), measured before the scenarios and again after them.
- Without a date range, \`events\` lists events not yet started. The specialties are taken from the data: the commonest in events' specialty lineage, and the first at or under 1% of upcoming events. Days 30–60 are whole UTC days from the run's date.

${browseTable}

### RSVP storm

${n(PEOPLE)} different people RSVP to one published event of ${n(CAPACITY)} seats from ${STORM_CLIENTS} concurrent clients (each sends its next RSVP when the previous one has answered); it must end with exactly ${n(CAPACITY)} going and ${n(PEOPLE - CAPACITY)} waitlisted at positions 1..${n(PEOPLE - CAPACITY)}, every answer equal to the stored RSVP, and (through the API) the event's \`goingCount\`/\`waitlistCount\` equal to its RSVPs. Each storm runs on a fresh event, the people in an order of their own; ${ROUNDS} rounds alternate which side goes first, after ${n(WARM_UP_RSVPS)} RSVPs on each side to events of their own (not recorded: the API compiles its RSVP path on first use).

- **API**: the \`rsvp(eventId)\` mutation over HTTP, each person with their own access token, asking for \`status\` and \`waitlistPosition\`. The people's accounts are written in one \`COPY\` (\`copyUsers\` from \`@preceptor/accounts\`, not seeded, one shared argon2 hash; ${p.copySeconds.toFixed(1)} s), then each signs in with \`logIn\` through the API, as a production API refuses seeded accounts (${LOGIN_CLIENTS} at a time: ${p.logIn.perSecond.toFixed(0)} log-ins/s, p50 ${fmt(p.logIn.p50)} ms: argon2 verification bounds it).
- **SQL baseline**: what a team without the API would write, from a plain \`pg\` Pool in the bench process, so without HTTP, GraphQL or sign-in; one connection per client: \`BEGIN; SELECT capacity FROM events WHERE id = $1 FOR UPDATE;\` \`SELECT count(*) FILTER (WHERE status IN ('GOING','ATTENDED')), count(*) FILTER (WHERE status = 'WAITLISTED') FROM rsvps WHERE event_id = $1;\` \`INSERT INTO rsvps …; COMMIT\`, the place decided in the insert by the events library's own rule (\`placementSql\`). It keeps no counters on the event row.
- RSVPs/s is the storm's ${n(PEOPLE)} RSVPs over its wall-clock time; the target compares the medians.

${stormTable}

The bench's accounts (\`bench-events-…@${EMAIL_DOMAIN}\`) and the storm events go at the end of the run (and, after an interrupted one, at the start of the next).
`;
  const existing = await readFile(options.out, 'utf8').catch(() => undefined);
  const tidy = `${section.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  await writeFile(options.out, replaceSection(existing, '## events', tidy));
  log(`Wrote the "## events" section of ${options.out}`);
}

// An interrupted run stops its API (which would otherwise keep the port) before exiting; the
// bench accounts are deleted by the next run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (activeApi ? stopApi(activeApi) : Promise.resolve()).finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
