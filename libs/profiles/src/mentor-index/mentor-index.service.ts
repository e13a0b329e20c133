import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_ENV, errorMessage, PgListener, type AppEnv } from '@preceptor/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  MENTOR_CHANGES_CHANNEL,
  MENTOR_CHANGES_RELOAD,
  MENTOR_INDEX_APPLICATION_NAME,
} from './mentor-changes.js';
import {
  indexedMentor,
  MENTOR_FACETS_SELECT,
  mentorFacetGroups,
  type MentorFacetsRow,
} from './mentor-facets.js';
import { MentorIndex, type IndexPage, type SortKey, type TextPrefixes } from './mentor-index.js';
import type { MentorFilter } from '../dto/mentors.args.js';

const LOAD_BATCH = 20_000;

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
const RETRY_MS = 5_000;

/**
 * Keeps a MentorIndex of every mentor in this process, in step with the database.
 *
 * It loads all mentors at start-up (before the API listens), then follows a LISTEN channel fed
 * by a trigger on profiles, so writes from any process (other API instances, the seed command,
 * SQL by hand) arrive within milliseconds. Writes made here refresh the index before the
 * mutation returns, so a caller reads its own writes. If the listening connection drops, it
 * reconnects and reloads everything, since notifications sent meanwhile are lost.
 */
@Injectable()
export class MentorIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MentorIndexService.name);
  private index: MentorIndex | null = null;
  private listener: PgListener | null = null;
  private readonly pending = new Set<string>();
  private reloadWanted = false;
  private draining: Promise<void> | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_ENV) private readonly env: AppEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** False when the index is switched off (MENTOR_INDEX=false): callers use SQL instead. */
  get enabled(): boolean {
    return this.index !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.MENTOR_INDEX) return;
    // Listen before loading, so nothing committed during the load is missed.
    await this.listen();
    const started = performance.now();
    this.index = await this.loadAll();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    this.logger.log(
      `Indexed ${this.index.count} mentors in ${Math.round(performance.now() - started)} ms: ${this.index.vocabulary} distinct words in ${mib(this.index.textBytes)} MiB; heap ${mib(heapUsed)} MiB, typed arrays ${mib(arrayBuffers)} MiB in all`,
    );
    // Changes committed while loading may be missing from it: apply them now.
    this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.draining?.catch(() => undefined);
    await this.listener?.stop();
    this.listener = null;
  }

  /**
   * Matches of a filter, with its free text as word prefixes when it has any: exact count and
   * one page of user ids.
   */
  query(
    filter: MentorFilter | undefined,
    specialtyIds: readonly number[] | undefined,
    after: SortKey | undefined,
    limit: number,
    text?: TextPrefixes,
  ): IndexPage {
    if (!this.index) throw new Error('The mentor index is not enabled');
    return this.index.query(mentorFacetGroups(filter, specialtyIds), after, limit, text);
  }

  /**
   * Re-reads these people now, after this process committed changes to their profiles. Never
   * fails the caller's write: on error the change still arrives through the change feed.
   */
  async refresh(userIds: readonly string[]): Promise<void> {
    if (!this.index) return;
    let failed = false;
    try {
      await this.apply(this.index, userIds);
    } catch (error) {
      failed = true;
      this.logger.warn(`Could not refresh the mentor index now: ${errorMessage(error)}`);
    }
    // A reload in flight may have read them before the change; apply them again after it.
    if (failed || this.draining) {
      for (const id of userIds) this.pending.add(id);
      this.drain();
    }
  }

  private async listen(): Promise<void> {
    const listener = new PgListener({
      url: this.url(),
      channels: [MENTOR_CHANGES_CHANNEL],
      applicationName: MENTOR_INDEX_APPLICATION_NAME,
      onNotification: (_channel, payload) => {
        if (payload === MENTOR_CHANGES_RELOAD) this.reloadWanted = true;
        else this.pending.add(payload);
        this.drain();
      },
      onLost: (error) =>
        this.logger.warn(
          `Lost the mentor change feed${error ? ` (${error.message})` : ''}; reconnecting, then reloading`,
        ),
      // Notifications sent while disconnected are lost: rebuild from the table.
      onRestored: () => {
        this.reloadWanted = true;
        this.drain();
      },
    });
    await listener.start();
    this.listener = listener;
  }

  /** Applies queued changes one batch at a time; a reload replaces the whole index. */
  private drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = (async () => {
      // While the first load runs (index still null), work waits: it is drained right after.
      while (!this.stopped && this.index && (this.reloadWanted || this.pending.size > 0)) {
        if (this.reloadWanted) {
          this.reloadWanted = false;
          this.index = await this.loadAll();
          this.logger.log(`Reloaded ${this.index.count} mentors`);
        } else {
          const ids = [...this.pending];
          this.pending.clear();
          await this.apply(this.index, ids);
        }
      }
    })()
      .catch((error: unknown) => {
        // Changes taken off the queue may be lost with the failed read: serve the index as it is
        // and rebuild it shortly, which also recovers anything missed.
        this.logger.error(
          `Could not update the mentor index, reloading in ${RETRY_MS} ms: ${errorMessage(error)}`,
        );
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.reloadWanted = true;
          this.drain();
        }, RETRY_MS);
      })
      .finally(() => {
        this.draining = null;
      });
  }

  private async apply(index: MentorIndex, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const rows = await this.dataSource.query<MentorFacetsRow[]>(
      `${MENTOR_FACETS_SELECT} WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const mentors = new Set<string>();
    for (const row of rows) {
      if (!row.is_mentor) continue;
      index.upsert(indexedMentor(row));
      mentors.add(row.user_id);
    }
    for (const id of userIds) if (!mentors.has(id)) index.remove(id);
  }

  /** Reads every mentor in keyset order through a cursor, so memory stays flat at any size. */
  private async loadAll(): Promise<MentorIndex> {
    const index = new MentorIndex();
    const client = this.client();
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(
        `DECLARE mentors NO SCROLL CURSOR FOR ${MENTOR_FACETS_SELECT}
          WHERE is_mentor ORDER BY created_at, user_id`,
      );
      const fetchBatch = (): Promise<pg.QueryResult<MentorFacetsRow>> =>
        client.query<MentorFacetsRow>(`FETCH ${LOAD_BATCH} FROM mentors`);
      // The next batch is requested before this one is indexed, so the database and this
      // process work at the same time.
      let next: Promise<pg.QueryResult<MentorFacetsRow>> | null = fetchBatch();
      while (next) {
        const { rows }: pg.QueryResult<MentorFacetsRow> = await next;
        next = rows.length === LOAD_BATCH ? fetchBatch() : null;
        for (const row of rows) index.upsert(indexedMentor(row));
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    return index;
  }

  private client(): pg.Client {
    return new pg.Client({
      connectionString: this.url(),
      options: '-c timezone=UTC',
      application_name: MENTOR_INDEX_APPLICATION_NAME,
    });
  }

  private url(): string {
    // The application always configures PostgreSQL by URL (see createDataSourceOptions).
    return (this.dataSource.options as { url: string }).url;
  }
}
