// Benchmarks mentors(filter) through the GraphQL endpoint (the in-memory mentor index, then one
// primary-key read) against two baselines measured in the same run: the API's own floor
// ({ __typename }) and the plain SQL a team without the index would write, through a pg Pool.
// Also reports the index's memory and how long a reload takes. Writes docs/benchmarks.md.
//
//   DATABASE_URL=postgres://…/db_with_1M_mentors npm run bench:mentors [-- --seconds 4]
//     [--baseline-seconds 2] [--only text] [--out file.md] [--port 3917] [--drop-baseline-indexes]
//
// The API runs as a separate process (node dist/apps/api/src/main.js), as in production. The
// baseline's indexes (bench_baseline_*) are created here if missing and are not part of the schema.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  MENTOR_CHANGES_CHANNEL,
  MENTOR_CHANGES_RELOAD,
  MeetingFormat,
  type MentorFilter,
} from '@preceptor/profiles';
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy';
import pg from 'pg';
import {
  CELL_WARM_UP_MS,
  FLOOR_QUERY,
  fmt,
  graphqlClient,
  markdownTable,
  measure,
  MENTORS_QUERY,
  procRssKiB,
  processRssKiB,
  readMentorIndexHealth,
  replaceSection,
  signUpClient,
  startApi,
  stopApi,
  type MentorIndexHealth,
  type Stats,
} from './bench-api.js';
import {
  BASELINE_COUNT_CAP,
  BASELINE_INDEXES,
  baselineQuery,
  dropBaselineIndexes,
  ensureBaselineIndexes,
  formatCappedCount,
  runBaseline,
  type BaselineIndexReport,
} from './sql-baseline.js';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    // Per cell for the SQL baseline (0 skips it): shorter, to keep a 1M run within ~15 minutes.
    'baseline-seconds': { type: 'string', default: '2' },
    port: { type: 'string', default: '3917' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    // Only scenarios whose name contains this text (for a quick look; docs want the full run).
    only: { type: 'string' },
    // Drop the baseline's indexes at the end (by default they stay, so re-runs start at once).
    'drop-baseline-indexes': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
const BASELINE_SECONDS = Number(options['baseline-seconds']);
const PORT = Number(options.port);
const CONCURRENCY = [1, 4];
const PAGE_SIZE = 20;
const WARM_UP_MS = 15_000;
const RELOAD_POLL_MS = 50;
const TARGET_P99_MS = 25;
/** The uncapped count that checks the baseline's semantics gives up after this long. */
const EXACT_COUNT_TIMEOUT_MS = 30_000;
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

interface Row {
  name: string;
  /** The framework's floor rather than a scenario. */
  floor?: boolean;
  clients: number;
  apiMatches: string;
  api: Stats;
  sqlMatches?: string;
  sql?: Stats;
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
    { name: 'country US, region US-TX', filter: { country: 'US', region: 'US-TX' } },
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

const mib = (bytes: number): number => bytes / 2 ** 20;
const mibOfKiB = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

interface IndexMemory {
  atStart: MentorIndexHealth;
  afterReload: MentorIndexHealth;
  /** From the NOTIFY until /health/ready shows a new loadedAt and state 'current'. */
  reloadMs: number;
  rssBeforeKiB: number;
  rssPeakKiB: number | undefined;
  rssAfterKiB: number;
  rssAtEndKiB?: number;
}

/** Reads what the index holds, then asks every API process to reload it and times the reload. */
async function measureIndex(pool: pg.Pool, pid: number): Promise<IndexMemory> {
  const atStart = await readMentorIndexHealth(PORT);
  const rssBeforeKiB = await processRssKiB(pid);
  const perMillion = mib(atStart.bytes) / (atStart.mentors / 1e6);
  console.log(
    `Index: ${atStart.mentors.toLocaleString('en-US')} mentors, ${mib(atStart.bytes).toFixed(1)} MiB of typed arrays (${perMillion.toFixed(0)} MiB per million mentors), ${atStart.facetValues.toLocaleString('en-US')} facet values, ${atStart.words.toLocaleString('en-US')} distinct words; loaded at start-up in ${atStart.lastLoadMs} ms; API RSS ${mibOfKiB(rssBeforeKiB)}`,
  );
  const started = performance.now();
  await pool.query('SELECT pg_notify($1, $2)', [MENTOR_CHANGES_CHANNEL, MENTOR_CHANGES_RELOAD]);
  let rssPeakKiB: number | undefined;
  const deadline = started + 10 * 60_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, RELOAD_POLL_MS));
    const rss = await procRssKiB(pid);
    if (rss !== undefined) rssPeakKiB = Math.max(rssPeakKiB ?? 0, rss);
    const health = await readMentorIndexHealth(PORT);
    if (health.loadedAt !== atStart.loadedAt && health.state === 'current') {
      const reloadMs = performance.now() - started;
      const rssAfterKiB = await processRssKiB(pid);
      console.log(
        `Reload: ${reloadMs.toFixed(0)} ms from NOTIFY to a current index (the API's own lastLoadMs ${health.lastLoadMs}); RSS ${mibOfKiB(rssBeforeKiB)} before, ${rssPeakKiB === undefined ? '' : `${mibOfKiB(rssPeakKiB)} at most during, `}${mibOfKiB(rssAfterKiB)} after`,
      );
      return { atStart, afterReload: health, reloadMs, rssBeforeKiB, rssPeakKiB, rssAfterKiB };
    }
    if (performance.now() > deadline) throw new Error('The mentor index did not reload in 10 min');
  }
}

/** The uncapped count, to show whether the baseline answers the same question as the API. */
async function exactCount(pool: pg.Pool, text: string, values: unknown[]): Promise<number | null> {
  const connection = await pool.connect();
  try {
    await connection.query('BEGIN');
    await connection.query(`SET LOCAL statement_timeout = ${EXACT_COUNT_TIMEOUT_MS}`);
    const { rows } = await connection.query<{ n: number }>(text, values);
    await connection.query('COMMIT');
    return rows[0].n;
  } catch {
    await connection.query('ROLLBACK');
    return null;
  } finally {
    connection.release();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl)
    throw new Error(
      'Set DATABASE_URL to a database seeded with `npm run seed -- --mentors 1000000`.',
    );
  const withBaseline = BASELINE_SECONDS > 0;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8, options: '-c timezone=UTC' });
  const { rows } = await pool.query<{ mentors: string; pg: string }>(
    `SELECT (SELECT count(*) FROM profiles WHERE is_mentor) AS mentors, current_setting('server_version') AS pg`,
  );
  const mentorCount = Number(rows[0].mentors);
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, PostgreSQL ${rows[0].pg}, Node ${process.version}`;
  console.log(
    `${mentorCount.toLocaleString('en-US')} mentors; ${machine}; ${SECONDS} s per API cell, ${withBaseline ? `${BASELINE_SECONDS} s per SQL baseline cell` : 'no SQL baseline'}`,
  );

  let indexes: BaselineIndexReport | undefined;
  const table: Row[] = [];
  const countNotes: string[] = [];
  let memory: IndexMemory | undefined;
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    // Before the API starts, so building them disturbs nothing measured.
    if (withBaseline) indexes = await ensureBaselineIndexes(pool, (line) => console.log(line));
    api = await startApi({ databaseUrl, port: PORT });
    const pid = api.pid!;
    memory = await measureIndex(pool, pid);
    const token = await signUpClient(graphql);

    const chosen = (await scenarios(pool)).filter(
      (scenario) => !options.only || scenario.name.includes(options.only),
    );
    const variablesOf = (scenario: Scenario): Record<string, unknown> => ({
      filter: scenario.filter,
      first: PAGE_SIZE,
      after: scenario.after ? encodeCursor(scenario.after) : undefined,
    });
    // A freshly started (and just reloaded) API is still compiling its hot paths and collecting
    // what loading the index left behind; the first cells would measure that, not steady state.
    const warmUntil = performance.now() + WARM_UP_MS;
    while (performance.now() < warmUntil) {
      for (const scenario of chosen) await client.fire(MENTORS_QUERY, variablesOf(scenario), token);
    }
    const report = (row: Row): void => {
      table.push(row);
      const sql = row.sql
        ? ` | SQL ${row.sqlMatches} p50 ${fmt(row.sql.p50)} p99 ${fmt(row.sql.p99)} ${row.sql.perSecond.toFixed(0)}/s`
        : '';
      console.log(
        `${row.name} ×${row.clients} | API ${row.apiMatches} p50 ${fmt(row.api.p50)} p99 ${fmt(row.api.p99)} ${row.api.perSecond.toFixed(0)}/s${sql}`,
      );
    };

    // The floor is measured before the scenarios and again after them: on shared cores the
    // machine may change during a run, and the two show by how much.
    const measureFloor = async (when: string): Promise<void> => {
      for (const clients of CONCURRENCY) {
        const floor = await measure(clients, SECONDS, () => client.fire(FLOOR_QUERY, {}, token));
        report({
          name: `framework floor \`${FLOOR_QUERY}\`, ${when}`,
          floor: true,
          clients,
          apiMatches: '—',
          api: floor,
        });
      }
    };
    await measureFloor('before the scenarios');
    for (const scenario of chosen) {
      const variables = variablesOf(scenario);
      const sample = await graphql<{ mentors: { totalCount: number } }>(
        MENTORS_QUERY,
        variables,
        token,
      );
      const apiTotal = sample.mentors.totalCount;
      const apiMatches = apiTotal.toLocaleString('en-US');
      const viaApi = (): Promise<string> => client.fire(MENTORS_QUERY, variables, token);
      const apiStats: Stats[] = [];
      for (const clients of CONCURRENCY) apiStats.push(await measure(clients, SECONDS, viaApi));

      const sqlStats: Stats[] = [];
      let sqlMatches: string | undefined;
      if (withBaseline) {
        const query = await baselineQuery(pool, scenario.filter, scenario.after, PAGE_SIZE);
        const capped = await runBaseline(pool, query);
        sqlMatches = formatCappedCount(capped);
        const exact =
          capped > BASELINE_COUNT_CAP
            ? await exactCount(pool, query.exactCount.text, query.exactCount.values)
            : capped;
        if (exact === null) {
          countNotes.push(
            `${scenario.name}: the uncapped SQL count took over ${EXACT_COUNT_TIMEOUT_MS / 1000} s, not compared`,
          );
        } else if (exact !== apiTotal) {
          countNotes.push(
            `${scenario.name}: API ${apiMatches}, SQL ${exact.toLocaleString('en-US')} (uncapped)`,
          );
        }
        const viaSql = (): Promise<number> => runBaseline(pool, query);
        for (const clients of CONCURRENCY) {
          sqlStats.push(await measure(clients, BASELINE_SECONDS, viaSql));
        }
      }
      CONCURRENCY.forEach((clients, i) =>
        report({
          name: scenario.name,
          clients,
          apiMatches,
          api: apiStats[i],
          sqlMatches,
          sql: sqlStats[i],
        }),
      );
    }
    await measureFloor('after them');
    memory.rssAtEndKiB = await processRssKiB(pid);
  } finally {
    client.close();
    if (api) await stopApi(api);
    if (options['drop-baseline-indexes']) {
      await dropBaselineIndexes(pool, indexes?.createdExtension ?? false);
      console.log(`Dropped ${BASELINE_INDEXES.map((index) => index.name).join(', ')}`);
    }
    await pool.end();
  }

  const headers = ['scenario', 'clients', 'matches', 'API p50 ms', 'API p99 ms', 'API req/s'];
  const rightAligned = [false, true, true, true, true, true];
  if (withBaseline) {
    headers.push('SQL matches', 'SQL p50 ms', 'SQL p99 ms', 'SQL req/s');
    rightAligned.push(true, true, true, true);
  }
  const ordered = [...table.filter((row) => row.floor), ...table.filter((row) => !row.floor)];
  const cells = ordered.map((row) => {
    const api = [
      row.name,
      String(row.clients),
      row.apiMatches,
      fmt(row.api.p50),
      fmt(row.api.p99),
      row.api.perSecond.toFixed(0),
    ];
    if (!withBaseline) return api;
    return row.sql
      ? [
          ...api,
          row.sqlMatches ?? '',
          fmt(row.sql.p50),
          fmt(row.sql.p99),
          row.sql.perSecond.toFixed(0),
        ]
      : [...api, '—', '—', '—', '—'];
  });
  const results = markdownTable(headers, rightAligned, cells);
  const scenarioRows = table.filter((row) => !row.floor);
  /** Scenarios whose p99 is over the target, each with the client counts at which it is. */
  const misses = (pick: (row: Row) => Stats | undefined): { cells: number; names: string[] } => {
    const clientsByName = new Map<string, number[]>();
    for (const row of scenarioRows) {
      if ((pick(row)?.p99 ?? 0) <= TARGET_P99_MS) continue;
      clientsByName.set(row.name, [...(clientsByName.get(row.name) ?? []), row.clients]);
    }
    return {
      cells: [...clientsByName.values()].reduce((sum, clients) => sum + clients.length, 0),
      names: [...clientsByName].map(
        ([name, clients]) =>
          `${name} (${clients.join(' and ')} client${clients.length > 1 || clients[0] > 1 ? 's' : ''})`,
      ),
    };
  };
  const apiMisses = misses((row) => row.api);
  const sqlMisses = misses((row) => row.sql);
  const targetLine =
    apiMisses.cells === 0
      ? `every scenario meets it through the API (${scenarioRows.length} cells).`
      : `the API misses it in ${apiMisses.cells} of ${scenarioRows.length} cells (listed below the table).`;
  const sqlTargetLine = withBaseline
    ? ` The SQL baseline, before any HTTP or GraphQL, misses it in ${sqlMisses.cells} of ${scenarioRows.length} cells.`
    : '';

  const date = new Date().toISOString().slice(0, 10);
  const indexLines = withBaseline
    ? [
        `The baseline's indexes, created by the benchmark when missing and not part of the schema (\`--drop-baseline-indexes\` drops them at the end; a migration generated against a database that holds them would propose dropping them):`,
        '',
        ...BASELINE_INDEXES.map(
          (index) => `- \`${index.name}\` on \`profiles ${index.definition.replace(/\s+/g, ' ')}\``,
        ),
        '',
        indexes && indexes.created.length > 0
          ? `This run built ${indexes.created.map((index) => `\`${index.name}\` in ${index.seconds.toFixed(1)} s`).join(', ')}, then \`ANALYZE profiles\` in ${indexes.analyzeSeconds.toFixed(1)} s.`
          : 'They were already there from an earlier run.',
      ]
    : [];
  const m = memory;
  const perMillion = mib(m.atStart.bytes) / (m.atStart.mentors / 1e6);
  const memoryTable = markdownTable(
    ['mentor index', 'value'],
    [false, true],
    [
      ['mentors', m.atStart.mentors.toLocaleString('en-US')],
      ['index (typed arrays, `bytes`)', `${mib(m.atStart.bytes).toFixed(1)} MiB`],
      ['per million mentors', `${perMillion.toFixed(0)} MiB`],
      ['facet values', m.atStart.facetValues.toLocaleString('en-US')],
      ['distinct words', m.atStart.words.toLocaleString('en-US')],
      ['load at start-up (`lastLoadMs`)', `${m.atStart.lastLoadMs} ms`],
      ['reload, NOTIFY to current (polled every 50 ms)', `${m.reloadMs.toFixed(0)} ms`],
      ['reload, the API’s own `lastLoadMs`', `${m.afterReload.lastLoadMs} ms`],
      ['API RSS before the reload', mibOfKiB(m.rssBeforeKiB)],
      ...(m.rssPeakKiB === undefined
        ? []
        : [['API RSS at most during the reload', mibOfKiB(m.rssPeakKiB)]]),
      ['API RSS after the reload', mibOfKiB(m.rssAfterKiB)],
      ...(m.rssAtEndKiB === undefined
        ? []
        : [['API RSS at the end of the run', mibOfKiB(m.rssAtEndKiB)]]),
    ],
  );

  const section = `## mentors(filter) at national scale

\`npm run bench:mentors\` on ${date}: ${mentorCount.toLocaleString('en-US')} mentor profiles.
Machine: ${machine}; the cores are shared by the API, PostgreSQL and the load generator. ${SECONDS} s per API cell${withBaseline ? `, ${BASELINE_SECONDS} s per SQL baseline cell` : ''}, each after ${CELL_WARM_UP_MS / 1000} s of warm-up (and ${WARM_UP_MS / 1000} s of every scenario once the API had started).

**Target: p99 ≤ ${TARGET_P99_MS} ms at 1 and 4 clients for every scenario.** In this run ${targetLine}${sqlTargetLine}

How each column is measured:

- **API**: the full GraphQL request over HTTP, to the API running as its own process (\`node dist/apps/api/src/main.js\`, \`NODE_ENV=production\`), signed in as a mentee: a page of ${PAGE_SIZE} with specialties and mentor settings, \`pageInfo\` and \`totalCount\`. The API finds the page and the exact count in its in-memory mentor index, then reads the page's rows by primary key. "matches" is its \`totalCount\`. Each client is a loop that sends the next request when the previous answer has arrived; the load generator is a node:http keep-alive client that checks each response's status and first bytes without parsing it.
- **Framework floor** (first rows): \`${FLOOR_QUERY}\` through the same client, process and session, measured before the scenarios and again after them (the two differ by how much the machine changed meanwhile): what any request costs before it does any work (HTTP, Express, Apollo, the session check). No mentors request can be faster.
- **SQL** (baseline): what a team without the index would write, sent from a plain \`pg\` Pool in the benchmark process, so without HTTP or GraphQL (an API built on it would add the floor). One request is a capped count, \`SELECT count(*) FROM (SELECT 1 FROM profiles WHERE … LIMIT ${BASELINE_COUNT_CAP + 1})\` (shown as "${BASELINE_COUNT_CAP.toLocaleString('en-US')}+" beyond), then the page, \`… ORDER BY created_at DESC, user_id DESC LIMIT ${PAGE_SIZE + 1}\` with the columns the API reads (keyset \`(created_at, user_id) < (…)\` for deep pages). Filters: \`specialty_lineage && $ids::smallint[]\` (the slugs' ids from \`specialties\`, looked up once per scenario as a cached catalog would), \`track = ANY(…)\`, \`career_stage = ANY(…)\`, \`mentor_offers && …\`, \`languages && …\`, \`meeting_formats && …\`, \`country = $\`, \`region = $\`, \`mentor_accepting = $\`; free text \`to_tsvector('simple', full_name || ' ' || coalesce(headline,'') || ' ' || coalesce(bio,'')) @@ to_tsquery('simple', 'word:* & word2:*')\` (letters and digits lower-cased, each word a prefix).

${indexLines.join('\n')}

p99 on this shared machine moves by tens of milliseconds between runs of the same cell (garbage
collection pauses and other tenants of the cores); read p50 and req/s beside it.

${results}
${apiMisses.cells > 0 ? `\nOver the target through the API: ${apiMisses.names.join('; ')}.\n` : ''}${countNotes.length > 0 ? `\nWhere the SQL baseline's uncapped count differs from the API's (the database's parser keeps accents and splits words its own way; the index folds accents and joins compounds, see \`words.ts\`):\n\n${countNotes.map((note) => `- ${note}`).join('\n')}\n` : ''}
### The index's memory and reload

Read from \`GET /health/ready\` (\`info.mentorIndex\`) after start-up; the reload is requested with \`NOTIFY ${MENTOR_CHANGES_CHANNEL}, '${MENTOR_CHANGES_RELOAD}'\` and timed by polling \`/health/ready\` every ${RELOAD_POLL_MS} ms until \`loadedAt\` changes and \`state\` is \`current\` (the old index keeps answering meanwhile). RSS is the API process's resident set (\`ps -o rss=\`; the peak is sampled from \`/proc\` while polling). Each is one sample: under load the RSS rises and falls by tens of MiB with garbage collection, even for \`${FLOOR_QUERY}\`, so the figure at the end of the run is the least steady.

${memoryTable}
`;
  const existing = await readFile(options.out, 'utf8').catch(() => undefined);
  await writeFile(options.out, replaceSection(existing, '## mentors(filter)', section));

  console.log(`\n${results}\n`);
  for (const note of countNotes) console.log(`Count differs: ${note}`);
  console.log(
    apiMisses.cells === 0
      ? `Target p99 ≤ ${TARGET_P99_MS} ms: every scenario meets it through the API.`
      : `Target p99 ≤ ${TARGET_P99_MS} ms: the API misses it in ${apiMisses.cells} of ${scenarioRows.length} cells: ${apiMisses.names.join('; ')}`,
  );
  if (withBaseline && sqlMisses.cells > 0) {
    console.log(
      `The SQL baseline misses it in ${sqlMisses.cells} of ${scenarioRows.length} cells: ${sqlMisses.names.join('; ')}`,
    );
  }
  console.log(`Wrote ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
