// Benchmarks suggestedMentees(first: 20) through the GraphQL endpoint: five mentors of different
// kinds sign up through the API on each seeded database given, and each asks for their
// suggestions at 1 client; then all five in turn at 4 clients. Prints p50/p99, requests a second
// and the API's own `candidatesScored`, and writes the `## suggestedMentees` section of
// docs/benchmarks.md.
//
//   npm run bench:suggestions [-- --db URL …] [--seconds 4] [--out file.md]
//
// Each database must be seeded already (`npm run seed -- --mentors 1000000 --mentees 100000`,
// or `--mentors 10000 --mentees 1000000` for a million mentees). The bench's own accounts
// (bench-suggestions-…@bench.preceptor.example) are deleted at the end and by the next run.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  CELL_WARM_UP_MS,
  fmt,
  graphqlClient,
  markdownTable,
  measure,
  replaceSection,
  startApi,
  stopApi,
  type GraphqlClient,
  type Stats,
} from './bench-api.js';

const { values: options } = parseArgs({
  options: {
    db: {
      type: 'string',
      multiple: true,
      default: [
        'postgres://postgres@127.0.0.1:5432/bench1m',
        'postgres://postgres@127.0.0.1:5432/bench1mmentees',
      ],
    },
    seconds: { type: 'string', default: '4' },
    port: { type: 'string', default: '3923' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
  },
});
const SECONDS = Number(options.seconds);
const PORT = Number(options.port);
const PAGE_SIZE = 20;
const EMAIL_DOMAIN = 'bench.preceptor.example';
const BENCH_EMAIL_PATTERN = `bench-suggestions-%@${EMAIL_DOMAIN}`;

const SUGGESTED = `query BenchSuggested($first: Int) {
  suggestedMentees(first: $first) {
    candidatesScored
    pageInfo { hasNextPage endCursor }
    edges { cursor node { score reasons caveats breakdown { criterion contribution }
      mentee { userId fullName track careerStage specialties { slug name } mentee { goals } } } }
  }
}`;
const CANDIDATES_IN_HEAD = /"candidatesScored":(\d+)/;

/** Mentors as a listing of real ones would hold them: each in Texas, two evenings a week. */
const MENTORS = [
  {
    label: 'senior RN, leadership and wellbeing',
    track: 'NURSING',
    careerStage: 'SENIOR',
    specialtySlugs: ['medical-surgical-nursing'],
    offers: ['LEADERSHIP_MANAGEMENT', 'BURNOUT_WELLBEING'],
  },
  {
    label: 'mid-career pharmacist, three areas',
    track: 'PHARMACY',
    careerStage: 'MID_CAREER',
    specialtySlugs: ['clinical-pharmacy'],
    offers: ['SPECIALIZATION', 'EDUCATION_TRAINING', 'KEEPING_CURRENT'],
  },
  {
    label: 'RN leader, specialization only',
    track: 'NURSING',
    careerStage: 'LEADER',
    specialtySlugs: ['registered-nursing'],
    offers: ['SPECIALIZATION'],
  },
  {
    label: 'RN leader, leadership only',
    track: 'NURSING',
    careerStage: 'LEADER',
    specialtySlugs: ['critical-care-nursing'],
    offers: ['LEADERSHIP_MANAGEMENT'],
  },
  {
    label: 'mid-career RN, every growth area',
    track: 'NURSING',
    careerStage: 'MID_CAREER',
    specialtySlugs: ['pediatric-nursing'],
    offers: [
      'BURNOUT_WELLBEING',
      'EDUCATION_TRAINING',
      'KEEPING_CURRENT',
      'LEADERSHIP_MANAGEMENT',
      'LICENSING_REGULATION',
      'NETWORKING',
      'SPECIALIZATION',
      'TECHNOLOGY',
    ],
  },
] as const;
const EVENINGS = [
  { day: 'TUESDAY', startTime: '18:00', endTime: '21:00' },
  { day: 'THURSDAY', startTime: '18:00', endTime: '21:00' },
];

interface Cell {
  database: string;
  mentees: number;
  mentor: string;
  clients: number;
  stats: Stats;
  candidates: number;
}

async function signUpMentor(
  client: GraphqlClient,
  mentor: (typeof MENTORS)[number],
  n: number,
): Promise<string> {
  const { signUp } = await client.call<{ signUp: { accessToken: string } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    {
      input: {
        email: `bench-suggestions-${Date.now()}-${n}@${EMAIL_DOMAIN}`,
        password: 'a benchmark passphrase',
        fullName: `Benchmark ${mentor.label}`,
        roles: ['MENTOR'],
      },
    },
  );
  const token = signUp.accessToken;
  await client.call(
    'mutation($input: ProfileInput!) { updateProfile(input: $input) { userId } }',
    {
      input: {
        track: mentor.track,
        careerStage: mentor.careerStage,
        specialtySlugs: mentor.specialtySlugs,
        country: 'US',
        region: 'US-TX',
        timeZone: 'America/Chicago',
        meetingFormats: ['VIRTUAL', 'IN_PERSON'],
        availability: EVENINGS,
        languages: ['en'],
      },
    },
    token,
  );
  await client.call(
    'mutation($input: MentorSettingsInput!) { updateMentorSettings(input: $input) { userId } }',
    { input: { offers: mentor.offers, capacity: 5 } },
    token,
  );
  return token;
}

/** One request as the given mentor; adds the API's candidatesScored to `counted`. */
function asking(
  client: GraphqlClient,
  tokens: readonly string[],
  counted: { total: number; requests: number },
): () => Promise<void> {
  let next = 0;
  return async () => {
    const token = tokens[next++ % tokens.length];
    const head = await client.fire(SUGGESTED, { first: PAGE_SIZE }, token);
    const found = CANDIDATES_IN_HEAD.exec(head);
    if (found) {
      counted.total += Number(found[1]);
      counted.requests += 1;
    }
  };
}

async function benchDatabase(url: string): Promise<{ cells: Cell[]; machinePg: string }> {
  const database = new URL(url).pathname.slice(1);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await pool.query('DELETE FROM users WHERE email LIKE $1', [BENCH_EMAIL_PATTERN]);
    const { rows } = await pool.query<{ mentees: string; pg: string }>(
      `SELECT (SELECT count(*) FROM profiles WHERE is_mentee) AS mentees,
              current_setting('server_version') AS pg`,
    );
    const mentees = Number(rows[0].mentees);
    if (mentees === 0) {
      throw new Error(`${database} holds no mentees: seed it first (see the top of this file).`);
    }
    const api = await startApi({ databaseUrl: url, port: PORT, readyWithinMs: 300_000 });
    const client = graphqlClient(PORT);
    const cells: Cell[] = [];
    try {
      const tokens: string[] = [];
      for (const [n, mentor] of MENTORS.entries())
        tokens.push(await signUpMentor(client, mentor, n));
      const cell = async (mentor: string, clients: number, who: string[]) => {
        const counted = { total: 0, requests: 0 };
        const stats = await measure(clients, SECONDS, asking(client, who, counted));
        const candidates = counted.total / Math.max(1, counted.requests);
        cells.push({ database, mentees, mentor, clients, stats, candidates });
        console.log(
          `${database} (${mentees.toLocaleString('en-US')} mentees), ${mentor}, ${clients} client(s): p50 ${fmt(stats.p50)} ms, p99 ${fmt(stats.p99)} ms, ${stats.perSecond.toFixed(0)}/s, ${Math.round(candidates)} scored`,
        );
      };
      for (const [n, mentor] of MENTORS.entries()) await cell(mentor.label, 1, [tokens[n]]);
      await cell('all five in turn', 4, tokens);
    } finally {
      client.close();
      await stopApi(api);
      await pool.query('DELETE FROM users WHERE email LIKE $1', [BENCH_EMAIL_PATTERN]);
    }
    return { cells, machinePg: rows[0].pg };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const cells: Cell[] = [];
  let postgres = '';
  for (const url of options.db) {
    const result = await benchDatabase(url);
    cells.push(...result.cells);
    postgres = result.machinePg;
  }
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, PostgreSQL ${postgres}, Node ${process.version}`;
  const table = markdownTable(
    ['database', 'mentees', 'mentor', 'clients', 'p50 ms', 'p99 ms', 'req/s', 'candidates scored'],
    [false, true, false, true, true, true, true, true],
    cells.map((c) => [
      `\`${c.database}\``,
      c.mentees.toLocaleString('en-US'),
      c.mentor,
      String(c.clients),
      fmt(c.stats.p50),
      fmt(c.stats.p99),
      c.stats.perSecond.toFixed(0),
      Math.round(c.candidates).toLocaleString('en-US'),
    ]),
  );
  const section = `## suggestedMentees

\`npm run bench:suggestions\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; the cores are shared by the API, PostgreSQL and the load generator.

Five mentors sign up through the API on each database (each in US-TX, meeting virtually or in person, free Tuesday and Thursday evenings, capacity 5, with the specialty, stage and offers named) and ask for \`suggestedMentees(first: ${PAGE_SIZE})\` with \`candidatesScored\`, \`pageInfo\` and each suggestion's score, reasons, caveats, breakdown and mentee (name, track, stage, specialties, goals): each alone at 1 client, then all five in turn at 4 clients, ${SECONDS} s per cell after ${CELL_WARM_UP_MS / 1000} s of warm-up, against the API as its own process (\`NODE_ENV=production\`). "Candidates scored" is the API's own figure, the mentees whose rows were read and scored; every other mentee was bounded from the in-memory mentee index alone. How retrieval works, and what it replaced: [matching.md](matching.md#suggestedmentees-mentees-suggested-to-a-mentor).

${table}
`;
  const existing = await readFile(options.out, 'utf8').catch(() => undefined);
  await writeFile(options.out, replaceSection(existing, '## suggestedMentees', section));
  console.log(`Wrote the suggestedMentees section of ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
