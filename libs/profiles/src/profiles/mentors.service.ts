import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { decodeCursor, encodeCursor } from '@preceptor/core';
import { DataSource } from 'typeorm';
import type { MentorsArgs } from '../dto/mentors.args.js';
import type { ProfileConnection } from '../models/profile.models.js';
import { SpecialtyCatalog } from '../specialties/specialty-catalog.service.js';
import {
  buildMentorQuery,
  isMentorCursor,
  MENTOR_COUNT_CAP,
  mentorCountSql,
  mentorFacetCountSql,
  mentorPageSql,
  type MentorCursor,
  type SqlStatement,
} from './mentor-search.js';
import { profileFromRow, type ProfileRow } from './profile-row.js';
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
  async mentors(
    args: MentorsArgs,
    caller: AuthUser,
    withTotal: boolean,
  ): Promise<ProfileConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const specialtyIds = args.filter?.specialtySlugs?.length
      ? this.catalog.resolve(args.filter.specialtySlugs, 'filter.specialtySlugs').map((s) => s.id)
      : undefined;
    const after = args.after ? decodeCursor(args.after, isMentorCursor) : undefined;
    const query = buildMentorQuery(args.filter, specialtyIds);

    // Free text and totals count first: the capped count is cheap by any plan, and knowing
    // whether matches are few lets the page query pick the plan that is safe for them.
    // A one-value filter (or none) reads its exact count from the facet counters.
    let total: number | undefined;
    let exact = true;
    if (query.facet && withTotal) {
      total = await this.count(mentorFacetCountSql(query.facet));
    } else if (withTotal || args.filter?.text) {
      total = await this.count(mentorCountSql(query));
      exact = total <= MENTOR_COUNT_CAP;
      total = Math.min(total, MENTOR_COUNT_CAP);
    }
    const fewMatches = total !== undefined && exact && total <= MENTOR_COUNT_CAP;
    const pageSql = mentorPageSql(query, after, first, fewMatches);
    const rows = await this.dataSource.query<(ProfileRow & { cursor_created_at: string })[]>(
      pageSql.text,
      pageSql.values,
    );
    const hasNextPage = rows.length > first;

    const edges = rows.slice(0, first).map((row) => {
      const cursor: MentorCursor = { c: row.cursor_created_at, u: row.user_id };
      return {
        cursor: encodeCursor(cursor),
        node: toProfileModel(profileFromRow(row), this.catalog, caller.id),
      };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total ?? 0,
      totalCountExact: exact,
    };
  }

  private async count(sql: SqlStatement): Promise<number> {
    return (await this.dataSource.query<{ n: number }[]>(sql.text, sql.values))[0]?.n ?? 0;
  }
}
