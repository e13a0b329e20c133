// Benchmarks mentors(filter) through the GraphQL endpoint against the same SQL through a plain
// pg client (the floor), at 1 and 4 concurrent clients, and writes docs/benchmarks.md.
//
//   DATABASE_URL=postgres://…/db_with_1M_mentors npm run bench:mentors [-- --seconds 5]
//
// The API runs as a separate process (node dist/apps/api/src/main.js), as in production.
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MeetingFormat, type MentorFilter } from '@preceptor/profiles';
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy';
import pg from 'pg';
import { graphqlClient, MENTORS_QUERY, signUpClient, startApi } from './bench-api.js';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    port: { type: 'string', default: '3917' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    // Only scenarios whose name contains this text (for a quick look; docs want the full run).
    only: { type: 'string' },
  },
});
const SECONDS = Number(options.seconds);
const PORT = Number(options.port);
const CONCURRENCY = [1, 4];
const PAGE_SIZE = 20;
const WARM_UP_MS = 15_000;
const client = graphqlClient(PORT);
const graphql = client.call;

interface MentorCursor {
  c: string;
  u: string;
}

interface Scenario {
  name: string;
  filter: MentorFilter;
  after?: MentorCursor;
}

interface Stats {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `once` from `clients` loops for SECONDS after a warm-up; latencies in ms. */
async function measure(clients: number, once: () => Promise<void>): Promise<Stats> {
  // Half a second of warm-up, so JIT compilation and cold pages are not counted.
  const warm = performance.now() + 500;
  while (performance.now() < warm) await once();
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / elapsed,
    count: latencies.length,
  };
}

function encodeCursor(cursor: MentorCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Picks realistic filter values from the data itself: the commonest and a rare specialty, etc. */
async function scenarios(pool: pg.Pool): Promise<Scenario[]> {
  const specialties = await pool.query<{ id: number; slug: string; n: string }>(
    `SELECT s.id, s.slug, count(*) AS n
       FROM profiles p CROSS JOIN LATERAL unnest(p.specialty_lineage) AS l(id) JOIN specialties s ON s.id = l.id
      WHERE p.is_mentor GROUP BY s.id, s.slug ORDER BY n DESC`,
  );
  const common = specialties.rows[0];
  const rare =
    [...specialties.rows].reverse().find((row) => Number(row.n) >= 50) ?? specialties.rows.at(-1)!;
  const leafCommon =
    specialties.rows.find(
      (row) => row.slug !== common.slug && Number(row.n) < Number(common.n) / 3,
    ) ?? common;
  const deep = await pool.query<{ c: string; u: string }>(
    `SELECT created_at::text AS c, user_id AS u FROM profiles WHERE is_mentor
      ORDER BY created_at DESC, user_id DESC OFFSET (SELECT (count(*) * 0.8)::int FROM profiles WHERE is_mentor) LIMIT 1`,
  );
  const deepCursor = deep.rows[0];
  const list: Scenario[] = [
    { name: 'no filter', filter: {} },
    {
      name: `specialty, common (${common.slug}, ${common.n})`,
      filter: { specialtySlugs: [common.slug] },
    },
    {
      name: `specialty, mid (${leafCommon.slug}, ${leafCommon.n})`,
      filter: { specialtySlugs: [leafCommon.slug] },
    },
    {
      name: `specialty, rare (${rare.slug}, ${rare.n})`,
      filter: { specialtySlugs: [rare.slug] },
    },
    { name: 'track NURSING', filter: { tracks: [Track.NURSING] } },
    { name: 'track INFORMATICS', filter: { tracks: [Track.INFORMATICS] } },
    {
      name: 'career stages SENIOR, LEADER',
      filter: { careerStages: [CareerStage.SENIOR, CareerStage.LEADER] },
    },
    { name: 'offers BURNOUT_WELLBEING', filter: { offers: [GrowthArea.BURNOUT_WELLBEING] } },
    { name: 'language es', filter: { languages: ['es'] } },
    { name: 'language ko (rare)', filter: { languages: ['ko'] } },
    { name: 'meeting format IN_PERSON', filter: { meetingFormats: [MeetingFormat.IN_PERSON] } },
    { name: 'country CA', filter: { country: 'CA' } },
    { name: 'country US, region TX', filter: { country: 'US', region: 'TX' } },
    { name: 'accepting mentees', filter: { acceptingMentees: true } },
    { name: 'text "pediatric"', filter: { text: 'pediatric' } },
    { name: 'text "garcia" (name)', filter: { text: 'garcia' } },
    { name: 'text "houston" (city, in bios)', filter: { text: 'houston' } },
    { name: 'text "card" (prefix of several words)', filter: { text: 'card' } },
    { name: 'text "m" (one letter, as typing starts)', filter: { text: 'm' } },
    { name: 'text "pediatric nurse" (two words)', filter: { text: 'pediatric nurse' } },
    {
      name: 'text "garcia", track NURSING, accepting',
      filter: { text: 'garcia', tracks: [Track.NURSING], acceptingMentees: true },
    },
    { name: 'text "montréal" (beyond ASCII)', filter: { text: 'montréal' } },
    {
      name: 'three filters (track, language, offers)',
      filter: {
        tracks: [Track.NURSING],
        languages: ['es'],
        offers: [GrowthArea.LEADERSHIP_MANAGEMENT],
      },
    },
    {
      name: 'five filters (specialty, stage, format, accepting, country)',
      filter: {
        specialtySlugs: [common.slug],
        careerStages: [CareerStage.MID_CAREER, CareerStage.SENIOR],
        meetingFormats: [MeetingFormat.VIRTUAL],
        acceptingMentees: true,
        country: 'US',
      },
    },
  ];
  if (deepCursor) {
    list.push({ name: 'deep page (80%), no filter', filter: {}, after: deepCursor });
    list.push({
      name: 'deep page (80%), three filters',
      filter: {
        tracks: [Track.NURSING],
        languages: ['es'],
        offers: [GrowthArea.LEADERSHIP_MANAGEMENT],
      },
      after: deepCursor,
    });
  }
  return list;
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl)
    throw new Error(
      'Set DATABASE_URL to a database seeded with `npm run seed -- --mentors 1000000`.',
    );
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8, options: '-c timezone=UTC' });
  const { rows } = await pool.query<{ mentors: string; pg: string }>(
    `SELECT (SELECT count(*) FROM profiles WHERE is_mentor) AS mentors, current_setting('server_version') AS pg`,
  );
  const mentorCount = Number(rows[0].mentors);
  console.log(
    `${mentorCount.toLocaleString('en-US')} mentors, PostgreSQL ${rows[0].pg}, ${cpus().length} cores, ${SECONDS}s per measurement`,
  );

  const api = await startApi({ databaseUrl, port: PORT });
  const results: string[] = [];
  try {
    const token = await signUpClient(graphql);

    const header =
      '| scenario | clients | matches | API p50 ms | API p99 ms | API req/s | its SQL p50 ms | its SQL p99 ms |';
    console.log(header);
    results.push(header, '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const chosen = (await scenarios(pool)).filter(
      (scenario) => !options.only || scenario.name.includes(options.only),
    );
    const variablesOf = (scenario: Scenario): Record<string, unknown> => ({
      filter: scenario.filter,
      first: PAGE_SIZE,
      after: scenario.after ? encodeCursor(scenario.after) : undefined,
    });
    // A freshly started API is still compiling its hot paths and collecting what loading the
    // mentor index left behind; the first cells would measure that rather than steady state.
    const warmUntil = performance.now() + WARM_UP_MS;
    while (performance.now() < warmUntil) {
      for (const scenario of chosen) await client.fire(MENTORS_QUERY, variablesOf(scenario), token);
    }
    for (const scenario of chosen) {
      const variables = variablesOf(scenario);
      const sample = await graphql<{
        mentors: {
          totalCount: number;
          totalCountExact: boolean;
          edges: { node: { userId: string } }[];
        };
      }>(MENTORS_QUERY, variables, token);
      const matches = `${sample.mentors.totalCount.toLocaleString('en-US')}${sample.mentors.totalCountExact ? '' : '+'}`;
      // What the API itself sends: one read of the page's rows by primary key.
      const pageIds = sample.mentors.edges.map((edge) => edge.node.userId);
      const viaItsSql = async (): Promise<void> => {
        await pool.query(`SELECT * FROM profiles WHERE user_id = ANY($1::uuid[]) AND is_mentor`, [
          pageIds,
        ]);
      };
      const viaApi = (): Promise<void> => client.fire(MENTORS_QUERY, variables, token);
      for (const clients of CONCURRENCY) {
        const apiStats = await measure(clients, viaApi);
        const itsSql = await measure(clients, viaItsSql);
        const line = `| ${scenario.name} | ${clients} | ${matches} | ${fmt(apiStats.p50)} | ${fmt(apiStats.p99)} | ${apiStats.perSecond.toFixed(0)} | ${fmt(itsSql.p50)} | ${fmt(itsSql.p99)} |`;
        console.log(line);
        results.push(line);
      }
    }
  } finally {
    client.close();
    api.kill('SIGTERM');
    await pool.end();
  }

  const doc = `# Benchmarks

## mentors(filter) at national scale

\`npm run bench:mentors\` on ${new Date().toISOString().slice(0, 10)}: ${mentorCount.toLocaleString('en-US')} mentor profiles,
${cpus().length} cores shared by the API, PostgreSQL and the load generator; ${SECONDS} s per cell after half a second of warm-up (and ${WARM_UP_MS / 1000} s of every scenario once the API has started); the load generator is a node:http client with keep-alive that checks each response's status and first bytes without parsing it.
"API" is the full GraphQL request over HTTP (page of ${PAGE_SIZE} with specialties and mentor settings, plus
\`totalCount\`). "Its SQL" is what the API sends to answer it (its session check is answered from memory), from a plain \`pg\` client: one read of the page's rows by primary key.

p99 on this shared machine moves by tens of milliseconds between runs of the same cell (garbage
collection pauses and other tenants of the 2 cores); read p50 and req/s beside it.

${results.join('\n')}
`;
  await writeFile(options.out, doc);
  console.log(`Wrote ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
