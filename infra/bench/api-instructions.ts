// Counts the CPU instructions the API process spends per GraphQL request, under valgrind's
// callgrind. Unlike latency on a shared machine, the count repeats to within a fraction of a
// percent whatever else the machine is doing, so it can judge a 5% change to the API's own cost.
//
//   DATABASE_URL=postgres://…/db_with_mentors npm run bench:instructions [-- --requests 200]
//     [--only floor] [--api-dir DIR]
//
// The events scenarios need seeded events: DATABASE_URL=…/bench_events … -- --only events.
//
// --only keeps the scenarios whose name contains the text; --api-dir counts another build (its
// DIR/dist, e.g. an export of main) with this script's scenarios, for a before/after.
//
// Needs valgrind (callgrind_control comes with it). A few thousand mentors are plenty: the count
// measures the API, not the database. Start-up under valgrind takes a minute or two.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EVENTS_QUERY,
  FLOOR_QUERY,
  graphqlClient,
  MENTORS_QUERY,
  signUpClient,
  startApi,
} from './bench-api.js';

const { values: options } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    // Enough for V8 to finish optimising the hot paths, so the count is the steady state's.
    warmup: { type: 'string', default: '1500' },
    port: { type: 'string', default: '3918' },
    only: { type: 'string' },
    'api-dir': { type: 'string' },
  },
});
const REQUESTS = Number(options.requests);
const WARMUP = Number(options.warmup);
const PORT = Number(options.port);

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const SCENARIOS: Scenario[] = [
  { name: 'floor, `{ __typename }` without a token', query: FLOOR_QUERY, variables: {} },
  { name: 'floor, `{ me { id } }` with a token', query: '{ me { id } }', variables: {} },
  { name: 'mentors, page of 20, no filter', query: MENTORS_QUERY, variables: { first: 20 } },
  {
    name: 'mentors, page of 20, three filters',
    query: MENTORS_QUERY,
    variables: {
      first: 20,
      filter: { tracks: ['NURSING'], languages: ['en'], offers: ['LEADERSHIP_MANAGEMENT'] },
    },
  },
  // Needs seeded events (bench_events, as `npm run bench:events` leaves it).
  { name: 'events, page of 20, no filter', query: EVENTS_QUERY, variables: { first: 20 } },
  {
    name: 'events, page of 20, a specialty',
    query: EVENTS_QUERY,
    variables: { first: 20, filter: { specialtySlugs: ['registered-nursing'] } },
  },
  {
    name: 'specialties (reference data)',
    query: '{ specialties(parentSlug: "pediatrics") { slug name nuccCode tracks } }',
    variables: {},
  },
];

// callgrind_control finds the API's control pipe by the user and host names in the environment,
// so both sides get the same ones (the API's HOST is its listen address).
const CONTROL_ENV = { USER: userInfo().username, LOGNAME: userInfo().username, HOST: '127.0.0.1' };

function callgrindControl(args: string[], pid: number): void {
  execFileSync('callgrind_control', [...args, String(pid)], {
    env: { ...process.env, ...CONTROL_ENV },
    stdio: 'ignore',
  });
}

async function totalOfNewestDump(dir: string, seen: Set<string>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const fresh = (await readdir(dir)).filter((name) => !seen.has(name));
    for (const name of fresh) {
      const text = await readFile(join(dir, name), 'utf8');
      const totals = /^totals: (\d+)/m.exec(text) ?? /^summary: (\d+)/m.exec(text);
      if (totals?.[1]) {
        seen.add(name);
        return Number(totals[1]);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('callgrind wrote no dump');
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to a database with seeded mentors');
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('valgrind is not installed (Debian: apt-get install valgrind)');
  }

  const dir = await mkdtemp(join(tmpdir(), 'preceptor-callgrind-'));
  const api = await startApi({
    databaseUrl,
    port: PORT,
    wrapper: [
      'valgrind',
      '--tool=callgrind',
      '-q',
      '--instr-atstart=no',
      `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
    ],
    env: CONTROL_ENV,
    cwd: options['api-dir'],
    readyWithinMs: 600_000,
  });
  const client = graphqlClient(PORT);
  const pid = api.pid;
  if (pid === undefined) throw new Error('The API process has no pid');
  const seen = new Set<string>();
  try {
    const token = await signUpClient(client.call);
    console.log(
      `Instructions per request in the API process (callgrind; ${WARMUP} warm-up requests, then ${REQUESTS} counted, one at a time)`,
    );
    console.log('| request | instructions per request |');
    console.log('| --- | ---: |');
    for (const scenario of SCENARIOS.filter(
      (s) => !options.only || s.name.includes(options.only),
    )) {
      for (let i = 0; i < WARMUP; i++) await client.call(scenario.query, scenario.variables, token);
      callgrindControl(['--zero'], pid);
      callgrindControl(['--instr=on'], pid);
      for (let i = 0; i < REQUESTS; i++)
        await client.call(scenario.query, scenario.variables, token);
      callgrindControl(['--instr=off'], pid);
      callgrindControl(['--dump'], pid);
      const total = await totalOfNewestDump(dir, seen);
      const perRequest = (total / REQUESTS / 1e6).toFixed(2);
      console.log(`| ${scenario.name} | ${perRequest} M |`);
    }
  } finally {
    client.close();
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
