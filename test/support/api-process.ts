import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the Docker image and `npm run start:prod` run. */
export const BUILT_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
/** Written by every `tsc -p tsconfig.build.json` that emits. */
const BUILD_STAMP = join(ROOT, 'dist/.tsbuildinfo.build');
const BUILD_INPUTS = [
  'apps',
  'libs',
  'infra',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

function newestInputTime(): number {
  let newest = 0;
  for (const input of BUILD_INPUTS) {
    const path = join(ROOT, input);
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((file) => !file.endsWith('.spec.ts'))
          .map((file) => join(path, file))
      : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Builds the API (`npm run build`) unless dist/ is newer than every source: `npm test` does not
 * build, and tests of the real process must not run yesterday's code.
 */
export async function ensureBuilt(): Promise<void> {
  const built = existsSync(BUILT_MAIN) && existsSync(BUILD_STAMP);
  if (built && statSync(BUILD_STAMP).mtimeMs > newestInputTime()) return;
  await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT }).catch((error: unknown) => {
    // tsc reports on stdout.
    const { stdout } = error as { stdout?: string };
    throw new Error(`npm run build failed:\n${stdout ?? String(error)}`);
  });
  // tsc leaves its stamp alone when nothing it emits changed (a touched file).
  const now = new Date();
  utimesSync(BUILD_STAMP, now, now);
}

export interface ApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ApiProcess {
  url: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the output shows `pattern`; rejects if the process exits first. */
  waitForOutput(pattern: RegExp): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  /** Signals its whole process group, as Ctrl-C in a terminal does. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Settles once the process has exited and its output is all read. */
  exited: Promise<ApiExit>;
  /** Kills the process if it still runs and removes its working folder. */
  cleanUp(): Promise<void>;
}

/** An embedded PostgreSQL (in the default EMBEDDED_PG_DIR) left by a killed API: stop it. */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const running = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!running()) return;
  process.kill(pid, 'SIGQUIT');
  // Bounded: an exited server nobody reaps still answers kill(pid, 0).
  for (let tries = 0; tries < 250 && running(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const READY = /Preceptor API ready at http:\/\/localhost:\d+\//;

/**
 * Starts the built API as its own process (`node dist/apps/api/src/main.js`, as the Docker image
 * does) on a free port. It runs in an empty working folder, so a developer's `.env` does not
 * leak in, with only the environment given here (`TEST_LOG_LEVEL` shows its logs).
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const cwd = await mkdtemp(join(tmpdir(), 'preceptor-api-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'false',
      SEED_DEMO: 'false',
      // Every sign-up in these tests comes from one address, faster than any limit allows.
      AUTH_RATE_LIMIT: '0',
      AUTH_IP_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, like a command run from a terminal.
    detached: true,
  });
  let output = '';
  let closed = false;
  const watchers = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const watcher of watchers) watcher();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<ApiExit>((resolve) => {
    child.once('close', (code, signal) => {
      closed = true;
      for (const watcher of watchers) watcher();
      resolve({ code, signal });
    });
  });

  const waitForOutput = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(output)) {
          watchers.delete(check);
          resolve();
        } else if (closed) {
          watchers.delete(check);
          reject(new Error(`The API exited before printing ${pattern}:\n${output}`));
        }
      };
      watchers.add(check);
      check();
    });

  const cleanUp = async (): Promise<void> => {
    if (!closed) {
      child.kill('SIGKILL');
      await exited;
    }
    await stopOrphanedPostgres(join(cwd, '.data/pg'));
    await rm(cwd, { recursive: true, force: true });
  };

  try {
    await waitForOutput(READY);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    waitForOutput,
    signal: (signal) => child.kill(signal),
    signalGroup: (signal) => process.kill(-(child.pid as number), signal),
    exited,
    cleanUp,
  };
}

/** A TCP port nothing listens on right now (for servers that must be told theirs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
