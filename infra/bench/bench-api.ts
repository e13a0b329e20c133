// What the benchmarks share: the API as a separate process (node dist/apps/api/src/main.js, as in
// production), a lean GraphQL client, a signed-up client to call it as, what the process reports
// of its mentor index and memory, how a cell is measured and how its table is written.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Agent, request, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

export const MENTORS_QUERY = `query Bench($filter: MentorFilter, $first: Int, $after: String) {
  mentors(filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact
    pageInfo { hasNextPage endCursor }
    edges { cursor node { userId fullName headline track careerStage
      specialties { slug name } languages country region timeZone
      mentor { offers capacity activeMenteeCount acceptingMentees } } }
  }
}`;

/** A browse page as a listing shows it: no totalCount (it is counted only when asked for). */
export const EVENTS_QUERY = `query BenchEvents($filter: EventFilter, $first: Int) {
  events(filter: $filter, first: $first) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title kind format status startsAt endsAt timeZone
      venue { name city region country } capacity goingCount waitlistCount spotsLeft
      specialties { slug name } tracks credits { type hours accreditor }
      organizer { fullName } } }
  }
}`;
/** The cheapest operation the API answers: its framework's floor (HTTP, GraphQL, session check). */
export const FLOOR_QUERY = '{ __typename }';

export interface StartApiOptions {
  databaseUrl: string;
  port: number;
  /** A command the API runs under (e.g. valgrind and its flags). */
  wrapper?: string[];
  /** Node flags before the script (e.g. --import of a probe). */
  nodeArgs?: string[];
  /** Where dist/ is (another build's checkout, to compare with); the current directory by default. */
  cwd?: string;
  /** The API indexes every mentor before it listens (~13 s per million here). */
  readyWithinMs?: number;
  env?: Record<string, string>;
}

export async function startApi(options: StartApiOptions): Promise<ChildProcess> {
  const [command = process.execPath, ...prefix] = options.wrapper
    ? [...options.wrapper, process.execPath]
    : [process.execPath];
  const child = spawn(
    command,
    [...prefix, ...(options.nodeArgs ?? []), 'dist/apps/api/src/main.js'],
    {
      cwd: options.cwd,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
        // Benchmarks sign up many accounts from one address, and some outlast the default token.
        AUTH_RATE_LIMIT: '0',
        AUTH_IP_RATE_LIMIT: '1000000',
        JWT_ACCESS_TTL_SECONDS: '86400',
        LOG_LEVEL: 'warn',
        MIGRATIONS_RUN: 'false',
        SEED_DEMO: 'false',
        ...options.env,
      },
      // stdout is read (its last lines explain a failed start); errors go straight to stderr.
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lastLines: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    lastLines.push(...chunk.split('\n').filter((line) => line.trim()));
    lastLines.splice(0, Math.max(0, lastLines.length - 20));
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  });
  const failure = (what: string): Error =>
    new Error(`The API ${what}; its last output:\n${lastLines.join('\n') || '(none)'}`);
  const deadline = Date.now() + (options.readyWithinMs ?? 60_000);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (exited) throw failure(`${exited} before it was ready`);
    const ready = await fetch(`http://127.0.0.1:${options.port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
  }
  await stopApi(child);
  throw failure('did not become ready');
}

/** Stops the API and waits until it has exited (and freed its port), killing it if it hangs. */
export async function stopApi(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export type GraphqlCall = <T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<T>;

// Requests go through node:http with keep-alive rather than fetch: on 2 shared cores the load
// generator competes with the API for CPU, and fetch spends ~1.5 ms of it per request (node:http
// ~0.5 ms).
export interface GraphqlClient {
  call: GraphqlCall;
  /**
   * Sends a request and waits for the whole response without parsing it, as load generators
   * (wrk, autocannon) do: on shared cores, parsing 13 KB of JSON per request in the generator
   * takes CPU from the API it measures. Still fails on anything but a 200 whose body starts
   * with `{"data"` (Apollo writes `errors` first, so an error cannot hide behind it). Resolves
   * with the body's first FIRE_HEAD_BYTES bytes: a number selected first in the query (as
   * `candidatesScored`) can be read there without parsing the rest.
   */
  fire(query: string, variables: Record<string, unknown>, token?: string): Promise<string>;
  /** Closes the kept-alive connections, so the process can exit. */
  close(): void;
}

const DATA_FIRST = Buffer.from('{"data"');
/** How much of a response `fire` keeps. */
export const FIRE_HEAD_BYTES = 96;

export function graphqlClient(port: number): GraphqlClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  /** POSTs one operation; `read` turns the response into a result or an error. */
  const post = <R>(
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    read: (
      res: IncomingMessage,
      resolve: (value: R) => void,
      reject: (error: Error) => void,
    ) => void,
  ): Promise<R> => {
    const body = JSON.stringify({ query, variables });
    return new Promise<R>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          res.on('error', reject);
          read(res, resolve, reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
  const call = <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> =>
    post<T>(query, variables, token, (res, resolve, reject) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            data?: T;
            errors?: unknown[];
          };
          if (parsed.errors || !parsed.data) {
            reject(new Error(`GraphQL error: ${JSON.stringify(parsed.errors)}`));
          } else {
            resolve(parsed.data);
          }
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  const fire = (
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<string> =>
    post<string>(query, variables, token, (res, resolve, reject) => {
      let head = Buffer.alloc(0);
      res.on('data', (chunk: Buffer) => {
        if (head.length < FIRE_HEAD_BYTES) {
          head = Buffer.concat([head, chunk]).subarray(0, FIRE_HEAD_BYTES);
        }
      });
      res.on('end', () => {
        if (res.statusCode === 200 && head.subarray(0, DATA_FIRST.length).equals(DATA_FIRST)) {
          resolve(head.toString('utf8'));
        } else {
          reject(new Error(`GraphQL request failed: HTTP ${res.statusCode}, ${String(head)}…`));
        }
      });
    });
  return { call, fire, close: () => agent.destroy() };
}

/** Signs up a fresh mentee (its email starts with `emailPrefix`) and returns its access token. */
export async function signUpClient(graphql: GraphqlCall, emailPrefix = 'bench'): Promise<string> {
  const auth = await graphql<{ signUp: { accessToken: string } }>(
    'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    {
      input: {
        email: `${emailPrefix}-${Date.now()}@bench.preceptor.example`,
        password: 'a benchmark passphrase',
        fullName: 'Benchmark Client',
        roles: ['MENTEE'],
      },
    },
  );
  return auth.signUp.accessToken;
}

/** What `GET /health/ready` reports of the mentor index (`info.mentorIndex`). */
export interface MentorIndexHealth {
  state: 'loading' | 'current' | 'reloading';
  mentors: number;
  loadedAt: string | null;
  ageSeconds: number | null;
  lastLoadMs: number;
  reloadingForMs: number | null;
  facetValues: number;
  words: number;
  /** Bytes of the index's typed arrays. */
  bytes: number;
}

export async function readMentorIndexHealth(port: number): Promise<MentorIndexHealth> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
  const body = (await response.json()) as { info?: { mentorIndex?: MentorIndexHealth } };
  const health = body.info?.mentorIndex;
  if (!health) throw new Error(`/health/ready (HTTP ${response.status}) has no info.mentorIndex`);
  return health;
}

/** Resident set size of a process, in KiB, as `ps -o rss=` reports it. */
export async function processRssKiB(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim());
}

/**
 * The same figure from /proc (Linux), cheap enough to sample every few milliseconds without
 * slowing what is measured; undefined where /proc is missing.
 */
export async function procRssKiB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

let clockTicksPerSecond: Promise<number> | undefined;

/**
 * CPU time a process has used so far (user and system, all its threads: GC helpers too), in
 * ms, from /proc (Linux); undefined where /proc is missing. At the kernel's clock tick (10 ms
 * here), so it is read over whole cells, not single requests.
 */
export async function procCpuMs(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[14 - 3]) + Number(fields[15 - 3]);
  clockTicksPerSecond ??= promisify(execFile)('getconf', ['CLK_TCK']).then(
    ({ stdout }) => Number(stdout.trim()) || 100,
    () => 100,
  );
  return (ticks * 1000) / (await clockTicksPerSecond);
}

/** Latencies of one measured cell, in ms, and its throughput. */
export interface Stats {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  /** Requests measured (after the warm-up). */
  requests: number;
  /**
   * CPU the serving process used per request over the measured part (see `procCpuMs`), when
   * the cell was told which process serves it.
   */
  cpuMsPerRequest?: number;
}

/** What each cell spends warming up before it is measured, unless told otherwise. */
export const CELL_WARM_UP_MS = 500;

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Stats of latencies measured over `elapsedMs`. */
export function statsOf(latencies: number[], elapsedMs: number): Stats {
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    perSecond: latencies.length / (elapsedMs / 1000),
    requests: latencies.length,
  };
}

export interface MeasureLimits {
  /** Defaults to CELL_WARM_UP_MS. */
  warmUpMs?: number;
  /** Stops after this many requests even when time is left (for slow cells). */
  maxRequests?: number;
  /**
   * The serving process's CPU so far, in ms (`procCpuMs`): read before and after the measured
   * part, for `cpuMsPerRequest`: what a request costs that process, apart from what the
   * database and the load generator spend and from time spent waiting.
   */
  cpuMs?: () => Promise<number | undefined>;
}

/**
 * Runs `once` from `clients` loops for `seconds` after a short warm-up; latencies in ms. Each
 * client sends its next request when the previous answer has arrived.
 */
export async function measure(
  clients: number,
  seconds: number,
  once: () => Promise<unknown>,
  limits: MeasureLimits = {},
): Promise<Stats> {
  // JIT compilation and cold pages are not counted.
  const warm = performance.now() + (limits.warmUpMs ?? CELL_WARM_UP_MS);
  while (performance.now() < warm) await once();
  const latencies: number[] = [];
  const maxRequests = limits.maxRequests ?? Infinity;
  let started = 0;
  const cpuBefore = await limits.cpuMs?.();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && started < maxRequests) {
        started += 1;
        const sent = performance.now();
        await once();
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const stats = statsOf(latencies, performance.now() - t0);
  const cpuAfter = await limits.cpuMs?.();
  if (cpuBefore !== undefined && cpuAfter !== undefined && stats.requests > 0) {
    stats.cpuMsPerRequest = (cpuAfter - cpuBefore) / stats.requests;
  }
  return stats;
}

/**
 * Runs `once` for every item, from `clients` loops that each take the next item when their
 * previous request has answered; latencies in ms, throughput over the whole run (no warm-up:
 * a fixed amount of work, such as a burst of RSVPs, rather than a steady state).
 */
export async function measureEach<T>(
  clients: number,
  items: readonly T[],
  once: (item: T, client: number) => Promise<unknown>,
): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < items.length) {
        const item = items[next++];
        const sent = performance.now();
        await once(item, client);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return statsOf(latencies, performance.now() - t0);
}

/** A latency as tables show it: whole ms from 100 up, else one decimal. */
export function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A markdown table laid out as prettier would (so formatting the doc changes nothing). */
export function markdownTable(
  headers: string[],
  rightAligned: boolean[],
  rows: string[][],
): string {
  const widths = headers.map((header, i) =>
    Math.max(3, header.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (rightAligned[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * The document with its section under `heading` (a level-2 heading, matched as the whole
 * heading or its first words) replaced by `section`, or `section` appended when there is none;
 * the other sections are left as they are.
 */
export function replaceSection(
  existing: string | undefined,
  heading: string,
  section: string,
): string {
  if (!existing) return `# Benchmarks\n\n${section}`;
  const lines = existing.split('\n');
  const start = lines.findIndex((line) => line === heading || line.startsWith(`${heading} `));
  if (start < 0) return `${existing.trimEnd()}\n\n${section}`;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const before = lines
    .slice(0, start)
    .map((line) => `${line}\n`)
    .join('');
  const after = next < 0 ? '' : `\n${lines.slice(next).join('\n')}`;
  return `${before}${section}${after}`;
}
