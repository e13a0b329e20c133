// The cost of one request, as a ladder measured in one run: each rung adds one layer to the one
// below it, so the difference between two rungs is what that layer costs.
//   1. node:http answering fixed JSON (the transport floor)
//   2. graphql-js on the API's printed schema, parsing, validating and executing `{ __typename }`
//   3. the API (as a user starts it) answering `{ __typename }` without a token
//   4. the API answering `{ me { id } }` with a token (guard, session check, one user read)
//   5. the API answering `mentors(first: 20)`, at a million mentors when given a database of them
// Writes the "## floor" section of docs/benchmarks.md.
//
//   npm run bench:floor [-- --db-1m URL] [--seconds 4] [--rounds 3] [--baseline DIR]
//     [--baseline-label TEXT] [--variant "NODE FLAGS"]… [--probe] [--profile DIR] [--only 3,4]
//     [--no-write] [--out docs/benchmarks.md]
//
// Every server is its own process (node, not the benchmark's); the clients are node:http
// keep-alive loops from bench-api.ts, each sending its next request when the answer has arrived.
// Rungs 3 and 4 run against a scratch database created (and dropped) here from DATABASE_URL's
// server. Rung 5 runs against --db-1m (default DATABASE_URL_1M), which must already be seeded and
// migrated; the benchmark signs up one account there (bench-floor-…@bench.preceptor.example)
// and deletes it at the end. Without one, rung 5 runs on the scratch database (no mentors).
// --baseline DIR adds rungs 3 and 4 served by another build (DIR/dist, e.g. an export of main),
// interleaved with ours, so a change is measured before and after in the same run.
// --variant "FLAGS" adds rungs 3 and 4 served by this build under other node flags (e.g. GC sizes).
// --probe loads floor-probe.js into the API processes and reports, per cell, the event loop's
// delay and the garbage collections; --profile DIR also keeps a CPU profile of each cell there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  CELL_WARM_UP_MS,
  FLOOR_QUERY,
  fmt,
  graphqlClient,
  markdownTable,
  measure,
  MENTORS_QUERY,
  replaceSection,
  signUpClient,
  startApi,
  stopApi,
  type GraphqlClient,
  type Stats,
} from './bench-api.js';

const { values: options } = parseArgs({
  options: {
    'db-1m': { type: 'string' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    port: { type: 'string', default: '3940' },
    baseline: { type: 'string' },
    // How the baseline's rows are named (e.g. "main before this change").
    'baseline-label': { type: 'string', default: 'baseline build' },
    // Node flags for another process of this build (repeatable): rungs 3 and 4 again, as 3v1, 4v1…
    variant: { type: 'string', multiple: true },
    probe: { type: 'boolean', default: false },
    profile: { type: 'string' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    // Only these rungs, by key (e.g. "3,4"), for a quick look; implies --no-write.
    only: { type: 'string' },
    // Print only; leave the docs alone (for quick looks while changing things).
    'no-write': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
const ROUNDS = Number(options.rounds);
const BASE_PORT = Number(options.port);
const CLIENTS = [1, 4];
/** Unmeasured load on each server before the first round, so V8 has optimised the hot paths. */
const PROCESS_WARM_UP_SECONDS = 3;
const SERVER_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_1M = options['db-1m'] ?? process.env['DATABASE_URL_1M'];
const EMAIL_PREFIX = 'bench-floor';
const PROBE = options.probe || options.profile !== undefined;
const ONLY = options.only?.split(',').map((key) => key.trim());
const WRITE = !options['no-write'] && !ONLY;

interface Server {
  name: string;
  port: number;
  process: ChildProcess;
  client: GraphqlClient;
  /** Where the probe writes its windows (API processes under --probe). */
  probeDir?: string;
  windows: number;
}

interface Rung {
  key: string;
  name: string;
  server: Server;
  query: string;
  variables: Record<string, unknown>;
  token?: string;
}

interface ProbeWindow {
  eventLoopDelay: { p99Ms: number; maxMs: number; over10Ms: number };
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>;
  cpuUserMs: number;
  cpuSystemMs: number;
  elapsedMs: number;
  /** Requests measured in the window (set by the benchmark). */
  requests?: number;
}

interface Cell {
  rung: Rung;
  clients: number;
  runs: Stats[];
  probes: ProbeWindow[];
}

function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianStats(runs: Stats[]): Stats {
  return {
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    max: median(runs.map((run) => run.max)),
    perSecond: median(runs.map((run) => run.perSecond)),
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
  };
}

async function startLowerRung(kind: 'bare' | 'graphql', port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/infra/bench/floor-servers.js', kind, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolveStart, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with code ${code}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('listening')) resolveStart();
    });
  });
  return child;
}

async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `floor_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startApiServer(
  name: string,
  port: number,
  databaseUrl: string,
  extra: { cwd?: string; migrate?: boolean; readyWithinMs?: number; nodeArgs?: string[] } = {},
): Promise<Server> {
  const probeDir = PROBE ? await mkdtemp(join(tmpdir(), 'preceptor-floor-probe-')) : undefined;
  const child = await startApi({
    databaseUrl,
    port,
    cwd: extra.cwd,
    readyWithinMs: extra.readyWithinMs,
    nodeArgs: [
      ...(extra.nodeArgs ?? []),
      ...(probeDir ? ['--import', resolve('dist/infra/bench/floor-probe.js')] : []),
    ],
    env: {
      MIGRATIONS_RUN: extra.migrate ? 'true' : 'false',
      ...(probeDir
        ? {
            FLOOR_PROBE_DIR: probeDir,
            FLOOR_PROBE_PROFILE: options.profile ? '1' : '0',
            FLOOR_PROBE_HEAP: options.profile ? '1' : '0',
          }
        : {}),
    },
  });
  return { name, port, process: child, client: graphqlClient(port), probeDir, windows: 0 };
}

/** Opens (or closes and reads) the probe's window in an API process. */
async function probeWindow(server: Server, close: boolean): Promise<ProbeWindow | undefined> {
  if (!server.probeDir) return undefined;
  server.process.kill('SIGUSR2');
  if (!close) {
    server.windows += 1;
    // The probe resets on the signal; give it a moment to arrive.
    await new Promise((wait) => setTimeout(wait, 20));
    return undefined;
  }
  const file = join(server.probeDir, `window-${server.windows}.json`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text) return JSON.parse(text) as ProbeWindow;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`The probe in ${server.name} wrote no ${file}`);
}

async function run(): Promise<void> {
  const started = new Date();
  const loadBefore = loadavg();
  const servers: Server[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const cells: Cell[] = [];
  try {
    log('Starting the bare and graphql-js servers');
    for (const [kind, offset] of [
      ['bare', 0],
      ['graphql', 1],
    ] as const) {
      const port = BASE_PORT + offset;
      const child = await startLowerRung(kind, port);
      servers.push({ name: kind, port, process: child, client: graphqlClient(port), windows: 0 });
    }
    const [bare, minimal] = servers;

    log('Creating a scratch database and starting the API on it (migrations run at start)');
    const scratch = await createScratchDatabase();
    cleanups.push(scratch.drop);
    const api = await startApiServer('api', BASE_PORT + 2, scratch.url, { migrate: true });
    servers.push(api);
    const token = await signUpClient(api.client.call, EMAIL_PREFIX);

    let baseline: Server | undefined;
    if (options.baseline) {
      log(`Starting the baseline build from ${options.baseline} on the same database`);
      baseline = await startApiServer('baseline', BASE_PORT + 3, scratch.url, {
        cwd: resolve(options.baseline),
      });
      servers.push(baseline);
    }

    const variants: { key: string; flags: string; server: Server }[] = [];
    for (const [i, flags] of (options.variant ?? []).entries()) {
      log(`Starting variant v${i + 1} of this build with ${flags}`);
      const server = await startApiServer(`v${i + 1}`, BASE_PORT + 10 + i, scratch.url, {
        nodeArgs: flags.split(/\s+/).filter(Boolean),
      });
      servers.push(server);
      variants.push({ key: `v${i + 1}`, flags, server });
    }

    let large = api;
    let largeToken = token;
    let mentorsLabel = 'on the scratch database (no mentors)';
    if (DB_1M && (!ONLY || ONLY.some((key) => key.startsWith('5')))) {
      log('Starting the API on the 1M database (it indexes every mentor before it listens)');
      large = await startApiServer('api-1m', BASE_PORT + 4, DB_1M, { readyWithinMs: 300_000 });
      servers.push(large);
      const pool = new pg.Pool({ connectionString: DB_1M, max: 1 });
      const { rows } = await pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM profiles WHERE is_mentor',
      );
      mentorsLabel = `at ${Number(rows[0].n).toLocaleString('en-US')} mentors`;
      cleanups.push(async () => {
        await pool.query('DELETE FROM users WHERE email LIKE $1', [
          `${EMAIL_PREFIX}-%@bench.preceptor.example`,
        ]);
        await pool.end();
      });
      largeToken = await signUpClient(large.client.call, EMAIL_PREFIX);
    }

    const rungs: Rung[] = [
      {
        key: '1',
        name: 'node:http, fixed JSON',
        server: bare,
        query: FLOOR_QUERY,
        variables: {},
      },
      {
        key: '2',
        name: 'graphql-js on the same schema, `{ __typename }`',
        server: minimal,
        query: FLOOR_QUERY,
        variables: {},
      },
      {
        key: '3',
        name: 'our API, `{ __typename }`, no token',
        server: api,
        query: FLOOR_QUERY,
        variables: {},
      },
      {
        key: '4',
        name: 'our API, `{ me { id } }`, with a token',
        server: api,
        query: '{ me { id } }',
        variables: {},
        token,
      },
      ...(baseline
        ? [
            {
              key: '3b',
              name: `${options['baseline-label']}, \`{ __typename }\`, no token`,
              server: baseline,
              query: FLOOR_QUERY,
              variables: {},
            },
            {
              key: '4b',
              name: `${options['baseline-label']}, \`{ me { id } }\`, with a token`,
              server: baseline,
              query: '{ me { id } }',
              variables: {},
              token,
            },
          ]
        : []),
      ...variants.flatMap(({ key, flags, server }) => [
        {
          key: `3${key}`,
          name: `our API with \`${flags}\`, \`{ __typename }\`, no token`,
          server,
          query: FLOOR_QUERY,
          variables: {},
        },
        {
          key: `4${key}`,
          name: `our API with \`${flags}\`, \`{ me { id } }\`, with a token`,
          server,
          query: '{ me { id } }',
          variables: {},
          token,
        },
      ]),
      {
        key: '5',
        name: `our API, \`mentors(first: 20)\` ${mentorsLabel}`,
        server: large,
        query: MENTORS_QUERY,
        variables: { first: 20 },
        token: largeToken,
      },
      ...(large !== api
        ? [
            {
              key: '5a',
              name: 'our API, `{ __typename }`, in the process holding the 1M index',
              server: large,
              query: FLOOR_QUERY,
              variables: {},
            },
          ]
        : []),
    ].filter((rung) => !ONLY || ONLY.includes(rung.key));
    const fire = (rung: Rung) => () =>
      rung.server.client.fire(rung.query, rung.variables, rung.token);

    log(`Warming each rung up (${PROCESS_WARM_UP_SECONDS} s at 4 clients, not measured)`);
    for (const rung of rungs) await measure(4, PROCESS_WARM_UP_SECONDS, fire(rung));

    for (const rung of rungs) {
      for (const clients of CLIENTS) cells.push({ rung, clients, runs: [], probes: [] });
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const cell of cells) {
        // Warm-up outside the probe's window, so its figures divide by the requests measured.
        await measure(cell.clients, CELL_WARM_UP_MS / 1000, fire(cell.rung), { warmUpMs: 0 });
        await probeWindow(cell.rung.server, false);
        const stats = await measure(cell.clients, SECONDS, fire(cell.rung), { warmUpMs: 0 });
        const probe = await probeWindow(cell.rung.server, true);
        cell.runs.push(stats);
        if (probe) cell.probes.push({ ...probe, requests: stats.requests });
        if (options.profile && cell.rung.server.probeDir) {
          await mkdir(options.profile, { recursive: true });
          const from = join(
            cell.rung.server.probeDir,
            `window-${cell.rung.server.windows}.cpuprofile`,
          );
          const to = join(
            options.profile,
            `rung-${cell.rung.key}-x${cell.clients}-round-${round}.cpuprofile`,
          );
          await writeFile(to, await readFile(from));
          await writeFile(
            to.replace(/\.cpuprofile$/, '.heapprofile'),
            await readFile(from.replace(/\.cpuprofile$/, '.heapprofile')),
          );
        }
        log(
          `round ${round}: rung ${cell.rung.key} ×${cell.clients}: p50 ${fmt(stats.p50)} p99 ${fmt(stats.p99)} max ${fmt(stats.max)} ms, ${Math.round(stats.perSecond)} req/s`,
        );
      }
    }
  } finally {
    for (const server of servers) {
      server.client.close();
      await stopApi(server.process);
      if (server.probeDir) await rm(server.probeDir, { recursive: true, force: true });
    }
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => console.error(error));
  }
  const loadAfter = loadavg();
  const section = report(cells, started, loadBefore, loadAfter);
  console.log(`\n${section}`);
  if (WRITE) {
    const existing = await readFile(options.out, 'utf8').catch(() => undefined);
    await writeFile(options.out, replaceSection(existing, '## floor', section));
    log(`Wrote the "## floor" section of ${options.out}`);
  }
}

function report(cells: Cell[], started: Date, loadBefore: number[], loadAfter: number[]): string {
  const find = (key: string, clients: number): Stats | undefined => {
    const cell = cells.find((c) => c.rung.key === key && c.clients === clients);
    return cell && medianStats(cell.runs);
  };
  const rows = cells.map((cell) => {
    const stats = medianStats(cell.runs);
    return [
      cell.rung.key,
      cell.rung.name,
      String(cell.clients),
      fmt(stats.p50),
      fmt(stats.p99),
      fmt(stats.max),
      Math.round(stats.perSecond).toLocaleString('en-US'),
    ];
  });
  const table = markdownTable(
    ['rung', 'request', 'clients', 'p50 ms', 'p99 ms', 'max ms', 'req/s'],
    [false, false, true, true, true, true, true],
    rows,
  );

  const targets: string[] = [];
  const verdict = (pass: boolean): string => (pass ? '**PASS**' : '**FAIL**');
  const ours4 = find('3', 4);
  const minimal4 = find('2', 4);
  if (ours4 && minimal4) {
    const share = ours4.perSecond / minimal4.perSecond;
    targets.push(
      `${verdict(share >= 0.5)}: our \`{ __typename }\` req/s at 4 clients ≥ 50% of rung 2's: ${(share * 100).toFixed(0)}% (${Math.round(ours4.perSecond)} against ${Math.round(minimal4.perSecond)}).`,
    );
    const ratio = ours4.p99 / minimal4.p99;
    targets.push(
      `${verdict(ratio <= 3)}: its p99 at 4 clients ≤ 3× rung 2's: ${ratio.toFixed(1)}× (${fmt(ours4.p99)} ms against ${fmt(minimal4.p99)} ms).`,
    );
  }
  for (const clients of CLIENTS) {
    const me = find('4', clients);
    const floor = find('3', clients);
    if (me && floor) {
      const ratio = me.p50 / floor.p50;
      targets.push(
        `${verdict(ratio <= 1.5)}: \`{ me { id } }\` p50 within 1.5× of our \`{ __typename }\` p50 at ${clients} client${clients > 1 ? 's' : ''}: ${ratio.toFixed(2)}× (${fmt(me.p50)} ms against ${fmt(floor.p50)} ms).`,
      );
    }
  }

  const probed = cells.filter((cell) => cell.probes.length > 0);
  let probeTable = '';
  if (probed.length) {
    const probeRows = probed.map((cell) => {
      const gcTotal = (kind: string): number =>
        median(cell.probes.map((p) => p.gc[kind]?.totalMs ?? 0));
      const gcMax = (kind: string): number =>
        Math.max(...cell.probes.map((p) => p.gc[kind]?.maxMs ?? 0));
      const gcCount = (kind: string): number =>
        median(cell.probes.map((p) => p.gc[kind]?.count ?? 0));
      const seconds = median(cell.probes.map((p) => p.elapsedMs)) / 1000;
      const cpu = median(cell.probes.map((p) => (p.cpuUserMs + p.cpuSystemMs) / p.elapsedMs));
      const cpuPerRequest = median(
        cell.probes.map((p) => ((p.cpuUserMs + p.cpuSystemMs) * 1000) / (p.requests ?? NaN)),
      );
      return [
        cell.rung.key,
        String(cell.clients),
        `${(cpu * 100).toFixed(0)}%`,
        Math.round(cpuPerRequest).toLocaleString('en-US'),
        fmt(median(cell.probes.map((p) => p.eventLoopDelay.p99Ms))),
        fmt(Math.max(...cell.probes.map((p) => p.eventLoopDelay.maxMs))),
        `${fmt(gcCount('scavenge') / seconds)} / ${fmt(gcTotal('scavenge') / seconds)} / ${fmt(gcMax('scavenge'))}`,
        `${fmt(gcCount('mark-compact') / seconds)} / ${fmt(gcTotal('mark-compact') / seconds)} / ${fmt(gcMax('mark-compact'))}`,
      ];
    });
    probeTable = `\n\nInside the API process (\`--probe\`: median over the rounds, max the largest): its CPU use (share of one core, and CPU time per request), the event loop's delay (\`monitorEventLoopDelay\`, checked every 5 ms), and garbage collections per second / ms paused per second / longest pause in ms (\`PerformanceObserver\` on \`gc\`).\n\n${markdownTable(
      [
        'rung',
        'clients',
        'CPU',
        'CPU µs / request',
        'loop delay p99 ms',
        'loop delay max ms',
        'scavenges /s, ms/s, max',
        'mark-compacts /s, ms/s, max',
      ],
      [false, true, true, true, true, true, true, true],
      probeRows,
    )}`;
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = (values: number[]): string => values.map((v) => v.toFixed(2)).join(', ');
  return `## floor

\`npm run bench:floor\` on ${started.toISOString().slice(0, 10)}: ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}. Load average (1, 5, 15 min) ${load(loadBefore)} at the start and ${load(loadAfter)} at the end: the cores are shared by the servers, PostgreSQL, the load generator and other work on the machine.

Each server is its own process; the load generator is node:http keep-alive clients posting JSON, each sending its next request when the previous answer has arrived. ${SECONDS} s per cell after 0.5 s of warm-up (and ${PROCESS_WARM_UP_SECONDS} s of each rung before the first round); ${ROUNDS} rounds, every cell once per round, in turn; each figure is the median over the rounds. The API runs as a user starts it (\`node dist/apps/api/src/main.js\`, \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`); rungs 3 and 4 on a scratch database.

${table}

What each step of a request costs, where the pauses come from, what changed and what is left: [floor.md](floor.md).

Targets (ratios within this run):

${targets.map((line) => `- ${line}`).join('\n')}${probeTable}
`;
}

await run();
