#!/usr/bin/env node
// Migration tooling over the app's one data source (compiled to dist/ by `npm run build`).
//   node infra/db/migrations.mjs generate <Name>   write a migration for entity changes
//   node infra/db/migrations.mjs run | revert | show
// Without DATABASE_URL it uses the same embedded PostgreSQL as `npm start` (.data/pg).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const migrationsDir = join(root, 'apps/api/src/database/migrations');

if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
const core = await import(join(dist, 'libs/core/src/index.js'));
const { appDataSourceOptions } = await import(join(dist, 'apps/api/src/database/data-source.js'));
const { DataSource } = await import('typeorm');

const [command, name] = process.argv.slice(2);
const env = core.parseEnv(process.env);
let embedded;
let url = env.DATABASE_URL;
if (!url) {
  embedded = await core.startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
  });
  url = core.withDatabase(embedded.url, 'preceptor');
  await core.ensureDatabase(url);
}

const dataSource = new DataSource(appDataSourceOptions(url));
await dataSource.initialize();
try {
  switch (command) {
    case 'run': {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? applied.map((m) => `applied ${m.name}`).join('\n')
          : 'No pending migrations.',
      );
      break;
    }
    case 'revert':
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
      break;
    case 'show':
      console.log(
        (await dataSource.showMigrations()) ? 'There are pending migrations.' : 'Up to date.',
      );
      break;
    case 'generate':
      await generate(dataSource, name);
      break;
    default:
      console.error('usage: migrations.mjs generate <Name> | run | revert | show');
      process.exitCode = 2;
  }
} finally {
  await dataSource.destroy();
  await embedded?.stop();
}

async function generate(dataSource, migrationName) {
  if (!migrationName || !/^[A-Z][A-Za-z0-9]+$/.test(migrationName)) {
    throw new Error(
      'Give the migration a PascalCase name, e.g. `npm run migration:generate -- AddProfiles`',
    );
  }
  if (await dataSource.showMigrations()) {
    throw new Error('Apply pending migrations first (npm run migration:run), then generate.');
  }
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('Entities and migrations agree: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${migrationName}${timestamp}`;
  const fileBase = `${timestamp}-${migrationName}`;
  const render = (queries) =>
    queries
      .map(
        (q) =>
          `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`;
  await writeFile(join(migrationsDir, `${fileBase}.ts`), source);
  const indexPath = join(migrationsDir, 'index.ts');
  const index = await readFile(indexPath, 'utf8');
  const importLine = `import { ${className} } from './${fileBase}.js';\n`;
  const updated =
    importLine +
    index.replace(/export const MIGRATIONS = \[([\s\S]*?)\];/, (_, body) => {
      const items = body
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `export const MIGRATIONS = [${[...items, className].join(', ')}];`;
    });
  await writeFile(indexPath, updated);
  console.log(
    `Wrote apps/api/src/database/migrations/${fileBase}.ts (${sql.upQueries.length} statements); review it, then run npm run format.`,
  );
}
