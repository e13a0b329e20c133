import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangeFeeds, FollowedTable, HealthReport, type HealthDetails } from '@preceptor/core';
import { DataSource } from 'typeorm';
import { MENTOR_FEED } from '../profiles/profile-changes.js';
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
import { ProfileWrites } from '../profiles/profile-writes.js';
import { searchWords } from './words.js';

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
 * Keeps a MentorIndex of every mentor in this process, in step with the database (a
 * FollowedTable of the mentors, fed by the profiles trigger): the one engine that answers mentor
 * lists.
 */
@Injectable()
export class MentorIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MentorIndexService.name);
  private readonly table: FollowedTable<MentorIndex, IndexedMentorRow>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    feeds: ChangeFeeds,
    health: HealthReport,
    writes: ProfileWrites,
  ) {
    this.table = new FollowedTable<MentorIndex, IndexedMentorRow>(
      {
        what: 'mentor index',
        feedName: 'mentorFeed',
        ...MENTOR_FEED,
        select: INDEXED_MENTOR_SELECT,
        where: 'is_mentor',
        belongs: (row) => row.is_mentor,
        empty: () => new MentorIndex(),
        count: (index) => index.count,
        add: (index, row) => index.add(indexedMentor(row)),
        upsert: (index, row) => index.upsert(indexedMentor(row)),
        remove: (index, userId) => index.remove(userId),
        // Sorted here rather than by the first search after the swap.
        settle: (index) => index.settle(),
      },
      dataSource,
      feeds,
      this.logger,
    );
    health.register('mentorIndex', () => this.status());
    writes.follow((userIds) => this.refresh(userIds));
  }

  private get index(): MentorIndex {
    return this.table.current;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.table.start();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    this.logger.log(
      `Indexed ${this.index.count} mentors in ${this.table.lastLoadMs} ms: ${this.index.facetValues} facet values, ${this.index.vocabulary} distinct words, ${mib(this.index.bytes)} MiB of index; heap ${mib(heapUsed)} MiB, typed arrays ${mib(arrayBuffers)} MiB in all`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.table.stop();
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
  refresh(userIds: readonly string[]): Promise<void> {
    return this.table.refresh(userIds);
  }

  /** For GET /health/ready: how current the index is and what it holds. */
  status(): HealthDetails {
    return {
      ...this.table.status(),
      mentors: this.index.count,
      facetValues: this.index.facetValues,
      words: this.index.vocabulary,
      bytes: this.index.bytes,
    };
  }
}
