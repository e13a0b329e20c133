import type { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { errorMessage } from '../errors/domain-error.js';
import type { HealthDetails } from '../health/health-report.js';
import type { ChangeFeeds } from './change-feeds.js';
import { withoutTimeouts } from './data-source-options.js';
import type { PgListener } from './pg-listener.js';

const LOAD_BATCH = 10_000;

/** Where a table's changes are announced, and who listens. */
export interface TableFeed {
  /** The LISTEN channel: a user id per changed row, or `reloadPayload` after bulk loads. */
  readonly channel: string;
  readonly reloadPayload: string;
  /** How the feed's and the loads' connections appear in pg_stat_activity. */
  readonly applicationName: string;
}

/**
 * Tells every API process on this database to reload a followed table, for writes made with its
 * per-row notifications switched off (bulk loads). Sent on `client`: inside a transaction it is
 * delivered at commit, and never if the transaction rolls back.
 *
 * Returns how many API processes are listening now. 0 means none is running: the next to start
 * loads every row anyway.
 */
export async function requestFollowedTableReload(
  client: pg.ClientBase,
  feed: TableFeed,
): Promise<number> {
  await client.query(`NOTIFY ${feed.channel}, '${feed.reloadPayload}'`);
  const { rows } = await client.query<{ listening: number }>(
    // One listener per process. A load reads inside a transaction under the same name, while the
    // listener waits outside one. (For another role's sessions, without the right to see their
    // details, xact_start reads as null: those are counted.)
    `SELECT count(*)::int AS listening FROM pg_stat_activity
      WHERE application_name = $1 AND datname = current_database() AND xact_start IS NULL`,
    [feed.applicationName],
  );
  return rows[0]?.listening ?? 0;
}
const RETRY_MS = 5_000;

/** What a followed table is: which rows, read how, kept in what. */
export interface FollowedTableSpec<Store, Row extends { user_id: string }> extends TableFeed {
  /** For logs ("mentor index"). */
  readonly what: string;
  /** The feed's name in GET /health/ready. */
  readonly feedName: string;
  /** `SELECT … FROM …` of one row, without WHERE. */
  readonly select: string;
  /** SQL condition of the rows that belong (e.g. `is_mentor`). */
  readonly where: string;
  /** Whether a re-read row still belongs (the same rule as `where`). */
  belongs(row: Row): boolean;
  empty(): Store;
  /** How many rows a store holds, for logs. */
  count(store: Store): number;
  add(store: Store, row: Row): void;
  /** Re-reads a row that belongs. */
  upsert(store: Store, row: Row): void;
  remove(store: Store, userId: string): void;
  /** After a full load, before the store is swapped in. */
  settle?(store: Store): void;
}

/**
 * A table's rows kept in this process, in step with the database: loaded whole at start-up,
 * then following a LISTEN channel fed by a trigger, so writes from any process arrive within
 * milliseconds. Writes made here are applied before the mutation returns (`refresh`), so a
 * caller reads its own writes. If the feed is lost (its connection dropped, or its heartbeat
 * stopped coming back), it reconnects and reloads everything, since notifications sent meanwhile
 * are lost. A reload builds a new store while the current one keeps answering.
 */
export class FollowedTable<Store, Row extends { user_id: string }> {
  private store: Store;
  private listener: PgListener | null = null;
  private readonly pending = new Set<string>();
  private reloadWanted = false;
  private draining: Promise<void> | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** When the current store was read from the table, and how long that took. */
  private loadedAt: Date | null = null;
  private loadMs = 0;
  /** A reload asked for and not yet finished (the current store may be behind until then). */
  private reloadingSince: Date | null = null;

  constructor(
    private readonly spec: FollowedTableSpec<Store, Row>,
    private readonly dataSource: DataSource,
    private readonly feeds: ChangeFeeds,
    private readonly logger: Logger,
  ) {
    this.store = spec.empty();
  }

  /** The store as it is now: read it synchronously, since a reload may swap it. */
  get current(): Store {
    return this.store;
  }

  get lastLoadMs(): number {
    return this.loadMs;
  }

  async start(): Promise<void> {
    // Listen before loading, so nothing committed during the load is missed.
    await this.listen();
    await this.reload();
    // Changes committed while loading may be missing from it: apply them now.
    this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.draining?.catch(() => undefined);
    await this.listener?.stop();
    this.listener = null;
  }

  /**
   * Re-reads these people now, after this process committed changes to their rows (or found
   * them gone). Never fails the caller: on error the change still arrives through the feed.
   */
  async refresh(userIds: readonly string[]): Promise<void> {
    let failed = false;
    try {
      await this.apply(this.store, userIds);
    } catch (error) {
      failed = true;
      this.logger.warn(`Could not refresh the ${this.spec.what} now: ${errorMessage(error)}`);
    }
    // A reload in flight may have read them before the change; apply them again after it.
    if (failed || this.draining) {
      for (const id of userIds) this.pending.add(id);
      this.drain();
    }
  }

  /** How current the store is, for GET /health/ready. */
  status(): HealthDetails {
    const now = Date.now();
    return {
      state: this.loadedAt === null ? 'loading' : this.reloadingSince ? 'reloading' : 'current',
      loadedAt: this.loadedAt?.toISOString() ?? null,
      ageSeconds: this.loadedAt ? Math.round((now - this.loadedAt.getTime()) / 1000) : null,
      lastLoadMs: this.loadMs,
      reloadingForMs: this.reloadingSince ? now - this.reloadingSince.getTime() : null,
      pendingChanges: this.pending.size,
    };
  }

  private async listen(): Promise<void> {
    const spec = this.spec;
    const listener = this.feeds.listener(spec.feedName, {
      channels: [spec.channel],
      applicationName: spec.applicationName,
      onNotification: (_channel, payload) => {
        if (payload === spec.reloadPayload) this.wantReload();
        else this.pending.add(payload);
        this.drain();
      },
      onLost: (error) =>
        this.logger.warn(
          `Lost the ${spec.what}'s change feed${error ? ` (${error.message})` : ''}; reconnecting, then reloading`,
        ),
      // Notifications sent while disconnected are lost: rebuild from the table.
      onRestored: () => {
        this.wantReload();
        this.drain();
      },
    });
    await listener.start();
    this.listener = listener;
  }

  private wantReload(): void {
    this.reloadWanted = true;
    this.reloadingSince ??= new Date();
  }

  /** Applies queued changes one batch at a time; a reload replaces the whole store. */
  private drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = (async () => {
      // While the first load runs, work waits: it is drained right after.
      while (!this.stopped && this.loadedAt && (this.reloadWanted || this.pending.size > 0)) {
        if (this.reloadWanted) {
          this.reloadWanted = false;
          await this.reload();
          this.logger.log(
            `Reloaded the ${this.spec.what}: ${this.spec.count(this.store)} rows in ${this.loadMs} ms`,
          );
        } else {
          const ids = [...this.pending];
          this.pending.clear();
          await this.apply(this.store, ids);
        }
      }
    })()
      .catch((error: unknown) => {
        // Changes taken off the queue may be lost with the failed read: serve the store as it
        // is and rebuild it shortly, which also recovers anything missed.
        this.logger.error(
          `Could not update the ${this.spec.what}, reloading in ${RETRY_MS} ms: ${errorMessage(error)}`,
        );
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.wantReload();
          this.drain();
        }, RETRY_MS);
      })
      .finally(() => {
        this.draining = null;
      });
  }

  private async apply(store: Store, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const rows = await this.dataSource.query<Row[]>(
      `${this.spec.select} WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const kept = new Set<string>();
    for (const row of rows) {
      if (!this.spec.belongs(row)) continue;
      this.spec.upsert(store, row);
      kept.add(row.user_id);
    }
    for (const id of userIds) if (!kept.has(id)) this.spec.remove(store, id);
  }

  /**
   * Reads every row into a new store through a cursor (memory stays flat at any size), in table
   * order, and swaps it in.
   */
  private async reload(): Promise<void> {
    const started = performance.now();
    const startedAt = new Date();
    const store = this.spec.empty();
    const client = new pg.Client({
      connectionString: this.feeds.url,
      options: '-c timezone=UTC',
      application_name: this.spec.applicationName,
    });
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      // Reading a million rows takes seconds: no statement timeout a role or database sets.
      await withoutTimeouts(client);
      await client.query(
        `DECLARE followed NO SCROLL CURSOR FOR ${this.spec.select} WHERE ${this.spec.where}`,
      );
      const fetchBatch = (): Promise<pg.QueryResult<Row>> =>
        client.query<Row>(`FETCH ${LOAD_BATCH} FROM followed`);
      // The next batch is requested before this one is added, so the database and this
      // process work at the same time.
      let next: Promise<pg.QueryResult<Row>> | null = fetchBatch();
      while (next) {
        const { rows }: pg.QueryResult<Row> = await next;
        next = rows.length === LOAD_BATCH ? fetchBatch() : null;
        for (const row of rows) this.spec.add(store, row);
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    // Finished here rather than by the first request after the swap.
    this.spec.settle?.(store);
    this.store = store;
    this.loadedAt = startedAt;
    this.loadMs = Math.round(performance.now() - started);
    if (!this.reloadWanted) this.reloadingSince = null;
  }
}
