import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangeFeeds, FollowedTable, HealthReport, type HealthDetails } from '@preceptor/core';
import { MENTEE_FEED, ProfileWrites } from '@preceptor/profiles';
import { DataSource } from 'typeorm';
import {
  MENTEE_FACTS_SELECT,
  MenteeFacts,
  menteeFactsOf,
  type MenteeFactsRow,
} from './mentee-facts.js';

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * Keeps the facts of every mentee in this process (MenteeFacts), in step with the database
 * through the mentee change feed: what a mentor's suggestions bound mentees by before reading
 * any row.
 */
@Injectable()
export class MenteeIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MenteeIndexService.name);
  private readonly table: FollowedTable<MenteeFacts, MenteeFactsRow>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    feeds: ChangeFeeds,
    health: HealthReport,
    writes: ProfileWrites,
  ) {
    this.table = new FollowedTable<MenteeFacts, MenteeFactsRow>(
      {
        what: 'mentee index',
        feedName: 'menteeFeed',
        ...MENTEE_FEED,
        select: MENTEE_FACTS_SELECT,
        where: 'is_mentee',
        belongs: (row) => row.is_mentee,
        empty: () => new MenteeFacts(),
        count: (facts) => facts.count,
        add: (facts, row) => facts.upsert(menteeFactsOf(row)),
        upsert: (facts, row) => facts.upsert(menteeFactsOf(row)),
        remove: (facts, userId) => facts.remove(userId),
      },
      dataSource,
      feeds,
      this.logger,
    );
    health.register('menteeIndex', () => this.status());
    writes.follow((userIds) => this.table.refresh(userIds));
  }

  /** The facts as they are now: read them synchronously, since a reload may swap them. */
  get facts(): MenteeFacts {
    return this.table.current;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.table.start();
    this.logger.log(
      `Indexed ${this.facts.count} mentees in ${this.table.lastLoadMs} ms: ${mib(this.facts.bytes)} MiB`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.table.stop();
  }

  status(): HealthDetails {
    return { ...this.table.status(), mentees: this.facts.count, bytes: this.facts.bytes };
  }
}
