import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { decodeCursor, encodeCursor } from '@preceptor/core';
import { DataSource, In } from 'typeorm';
import type { MentorsArgs } from '../dto/mentors.args.js';
import type { ProfileConnection } from '../models/profile.models.js';
import { SpecialtyCatalog } from '../specialties/specialty-catalog.service.js';
import {
  buildMentorQuery,
  isMentorCursor,
  MENTOR_COUNT_CAP,
  mentorCountSql,
  mentorPageSql,
  type MentorCursor,
} from './mentor-search.js';
import { ProfileEntity } from './profile.entity.js';
import { toProfileModel } from './profiles.mapper.js';

const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class MentorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
  ) {}

  /**
   * Newest mentors first, by keyset over (created_at, user_id): a cursor keeps its place while
   * new mentors join, and deep pages cost the same as the first.
   */
  async mentors(args: MentorsArgs, caller: AuthUser): Promise<ProfileConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const specialtyIds = args.filter?.specialtySlugs?.length
      ? this.catalog.resolve(args.filter.specialtySlugs, 'filter.specialtySlugs').map((s) => s.id)
      : undefined;
    const after = args.after ? decodeCursor(args.after, isMentorCursor) : undefined;
    const query = buildMentorQuery(args.filter, specialtyIds);
    const pageSql = mentorPageSql(query, after, first);
    const countSql = mentorCountSql(query);
    // Two pooled connections: the page and the count run side by side.
    const [rows, counted] = await Promise.all([
      this.dataSource.query<{ user_id: string; created: string }[]>(pageSql.text, pageSql.values),
      this.dataSource.query<{ n: number }[]>(countSql.text, countSql.values),
    ]);

    const page = rows.slice(0, first);
    const profiles = page.length
      ? await this.dataSource
          .getRepository(ProfileEntity)
          .findBy({ userId: In(page.map((row) => row.user_id)) })
      : [];
    const byId = new Map(profiles.map((profile) => [profile.userId, profile]));
    const edges = page.flatMap((row) => {
      const profile = byId.get(row.user_id);
      const cursor: MentorCursor = { c: row.created, u: row.user_id };
      return profile
        ? [{ cursor: encodeCursor(cursor), node: toProfileModel(profile, this.catalog, caller.id) }]
        : [];
    });
    const total = counted[0]?.n ?? 0;
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: Math.min(total, MENTOR_COUNT_CAP),
      totalCountExact: total <= MENTOR_COUNT_CAP,
    };
  }
}
