import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChangeFeeds,
  errorMessage,
  HealthReport,
  withoutTimeouts,
  type HealthDetails,
  type PgListener,
} from '@preceptor/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  MENTOR_CHANGES_CHANNEL,
  MENTOR_CHANGES_RELOAD,
  MENTOR_INDEX_APPLICATION_NAME,
} from './mentor-changes.js';
import {
  anyFacetValueGroup,
  facetValueGroups,
  INDEXED_MENTOR_SELECT,
  mentorFacetGroups,
  mentorFacetKeys,
  mentorWords,
  type IndexedMentorRow,
  type MentorFacetValues,
  type ResolvedMentorFilter,
} from './mentor-facets.js';
import type { MentorCard, MentorCards } from './mentor-cards.js';
import {
  MentorIndex,
  type SlotSet,
  timestampMicros,
  type IndexedMentor,
  type IndexPage,
  type SortKey,
  type TextPrefixes,
} from './mentor-index.js';
import { searchWords } from './words.js';

const LOAD_BATCH = 10_000;
const RETRY_MS = 5_000;

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

function indexedMentor(row: IndexedMentorRow): IndexedMentor {
  return {
    userId: row.user_id,
    time: timestampMicros(row.created_at),
    keys: mentorFacetKeys(row),
    words: mentorWords(row),
    card: row,
  };
}

/**
 * One synchronous look at the index for a caller that ranks mentors itself: which mentors match
 * a filter and extra conditions, and what their cards say.
 */
export interface MentorScan {
  /** Every visited slot is below this. */
  readonly slotCount: number;
  readonly cards: MentorCards;
  /**
   * Writes the slots of mentors matching the filter and each of `also` into `into`: a set to
   * narrow or visit several times. False when none.
   */
  select(request: ResolvedMentorFilter, also: readonly MentorFacetValues[], into: SlotSet): boolean;
  /**
   * Writes the slots of a `select`ed set with any one of the values of `anyOf` (whichever facet)
   * into `into`. False when none.
   */
  narrow(within: SlotSet, anyOf: MentorFacetValues, into: SlotSet): boolean;
  /** Visits the slots of a `select`ed set that match each of `also` too. */
  forEachWithin(
    within: SlotSet,
    also: readonly MentorFacetValues[],
    visit: (slot: number) => void,
  ): void;
  card(slot: number): MentorCard;
  userIdOf(slot: number): string;
}

/**
 * Keeps a MentorIndex of every mentor in this process, in step with the database: the one
 * engine that answers mentor lists.
 *
 * It loads all mentors at start-up (before the API listens), then follows a LISTEN channel fed
 * by a trigger on profiles, so writes from any process (other API instances, the seed command,
 * SQL by hand) arrive within milliseconds. Writes made here refresh the index before the
 * mutation returns, so a caller reads its own writes. If the feed is lost (its connection
 * dropped, or its heartbeat stopped coming back), it reconnects and reloads everything, since
 * notifications sent meanwhile are lost. A reload builds a new index while the current one
 * keeps answering.
 */
@Injectable()
export class MentorIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MentorIndexService.name);
  private index = new MentorIndex();
  private listener: PgListener | null = null;
  private readonly pending = new Set<string>();
  private reloadWanted = false;
  private draining: Promise<void> | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** When the current index was read from the table, and how long that took. */
  private loadedAt: Date | null = null;
  private loadMs = 0;
  /** A reload asked for and not yet finished (the current index may be behind until then). */
  private reloadingSince: Date | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: ChangeFeeds,
    health: HealthReport,
  ) {
    health.register('mentorIndex', () => this.status());
  }

  async onApplicationBootstrap(): Promise<void> {
    // Listen before loading, so nothing committed during the load is missed.
    await this.listen();
    await this.reload();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    this.logger.log(
      `Indexed ${this.index.count} mentors in ${this.loadMs} ms: ${this.index.facetValues} facet values, ${this.index.vocabulary} distinct words, ${mib(this.index.bytes)} MiB of index; heap ${mib(heapUsed)} MiB, typed arrays ${mib(arrayBuffers)} MiB in all`,
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

  /** Matches of a filter (and of its words, each a prefix): exact count and one page of ids. */
  query(
    request: ResolvedMentorFilter,
    after: SortKey | undefined,
    limit: number,
    words: TextPrefixes,
  ): IndexPage {
    return this.index.query(mentorFacetGroups(request), after, limit, words);
  }

  /**
   * Runs `work` over the current index, synchronously, so a reload swapped in meanwhile cannot
   * change what it reads. Extra conditions are ANDed with the filter; an empty list of values
   * matches nobody.
   */
  scan<T>(work: (scan: MentorScan) => T): T {
    const index = this.index;
    return work({
      slotCount: index.slotCount,
      cards: index.cards,
      // A group no value is asked for matches nobody: the index's own rule (`resolve`).
      select: (request, also, into) =>
        index.select(
          [...mentorFacetGroups(request), ...also.flatMap(facetValueGroups)],
          searchWords(request.filter?.text ?? ''),
          into,
        ),
      narrow: (within, anyOf, into) => index.selectWithin(within, anyFacetValueGroup(anyOf), into),
      forEachWithin: (within, also, visit) =>
        index.forEachWithin(within, also.flatMap(facetValueGroups), visit),
      card: (slot) => index.card(slot),
      userIdOf: (slot) => index.userIdOf(slot),
    });
  }

  /**
   * Re-reads these people now, after this process committed changes to their profiles (or found
   * them gone). Never fails the caller: on error the change still arrives through the feed.
   */
  async refresh(userIds: readonly string[]): Promise<void> {
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

  /** For GET /health/ready: how current the index is and what it holds. */
  status(): HealthDetails {
    const now = Date.now();
    return {
      state: this.loadedAt === null ? 'loading' : this.reloadingSince ? 'reloading' : 'current',
      mentors: this.index.count,
      loadedAt: this.loadedAt?.toISOString() ?? null,
      ageSeconds: this.loadedAt ? Math.round((now - this.loadedAt.getTime()) / 1000) : null,
      lastLoadMs: this.loadMs,
      reloadingForMs: this.reloadingSince ? now - this.reloadingSince.getTime() : null,
      pendingChanges: this.pending.size,
      facetValues: this.index.facetValues,
      words: this.index.vocabulary,
      bytes: this.index.bytes,
    };
  }

  private async listen(): Promise<void> {
    const listener = this.feeds.listener('mentorFeed', {
      channels: [MENTOR_CHANGES_CHANNEL],
      applicationName: MENTOR_INDEX_APPLICATION_NAME,
      onNotification: (_channel, payload) => {
        if (payload === MENTOR_CHANGES_RELOAD) this.wantReload();
        else this.pending.add(payload);
        this.drain();
      },
      onLost: (error) =>
        this.logger.warn(
          `Lost the mentor change feed${error ? ` (${error.message})` : ''}; reconnecting, then reloading`,
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

  /** Applies queued changes one batch at a time; a reload replaces the whole index. */
  private drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = (async () => {
      // While the first load runs, work waits: it is drained right after.
      while (!this.stopped && this.loadedAt && (this.reloadWanted || this.pending.size > 0)) {
        if (this.reloadWanted) {
          this.reloadWanted = false;
          await this.reload();
          this.logger.log(`Reloaded ${this.index.count} mentors in ${this.loadMs} ms`);
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
          this.wantReload();
          this.drain();
        }, RETRY_MS);
      })
      .finally(() => {
        this.draining = null;
      });
  }

  private async apply(index: MentorIndex, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const rows = await this.dataSource.query<IndexedMentorRow[]>(
      `${INDEXED_MENTOR_SELECT} WHERE user_id = ANY($1::uuid[])`,
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

  /**
   * Reads every mentor into a new index through a cursor (memory stays flat at any size), in
   * table order, and swaps it in; the index sorts them once at the end.
   */
  private async reload(): Promise<void> {
    const started = performance.now();
    const startedAt = new Date();
    const index = new MentorIndex();
    const client = new pg.Client({
      connectionString: this.feeds.url,
      options: '-c timezone=UTC',
      application_name: MENTOR_INDEX_APPLICATION_NAME,
    });
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      // Reading a million mentors takes seconds: no statement timeout a role or database sets.
      await withoutTimeouts(client);
      await client.query(
        `DECLARE mentors NO SCROLL CURSOR FOR ${INDEXED_MENTOR_SELECT} WHERE is_mentor`,
      );
      const fetchBatch = (): Promise<pg.QueryResult<IndexedMentorRow>> =>
        client.query<IndexedMentorRow>(`FETCH ${LOAD_BATCH} FROM mentors`);
      // The next batch is requested before this one is indexed, so the database and this
      // process work at the same time.
      let next: Promise<pg.QueryResult<IndexedMentorRow>> | null = fetchBatch();
      while (next) {
        const { rows }: pg.QueryResult<IndexedMentorRow> = await next;
        next = rows.length === LOAD_BATCH ? fetchBatch() : null;
        for (const row of rows) index.add(indexedMentor(row));
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    // Sorted here rather than by the first search after the swap.
    index.settle();
    this.index = index;
    this.loadedAt = startedAt;
    this.loadMs = Math.round(performance.now() - started);
    if (!this.reloadWanted) this.reloadingSince = null;
  }
}
