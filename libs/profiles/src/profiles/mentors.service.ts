import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@preceptor/accounts';
import { decodeCursor, encodeCursor, isCanonicalUuid } from '@preceptor/core';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { MENTORS_PAGE_DEFAULT, type MentorFilter, type MentorsArgs } from '../dto/mentors.args.js';
import type { ProfileConnection } from '../models/profile.models.js';
import type { ResolvedMentorFilter } from '../mentor-index/mentor-facets.js';
import { isUtcTimestamp, timestampMicros, type SortKey } from '../mentor-index/mentor-index.js';
import { MentorIndexService } from '../mentor-index/mentor-index.service.js';
import { searchWords } from '../mentor-index/words.js';
import { ProfileReads, type MentorRow } from './profile-reads.js';
import { profileFromRow } from './profile-row.js';
import { toProfileModel } from './profiles.mapper.js';

/** Reads of a page that found mentors gone (each refreshes the index first) before giving up. */
const MAX_PAGE_READS = 3;

interface MentorCursor {
  /** created_at as PostgreSQL prints it (microsecond precision, UTC). */
  c: string;
  /** user_id */
  u: string;
}

function isMentorCursor(value: unknown): value is MentorCursor {
  const cursor = value as MentorCursor;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof cursor.c === 'string' &&
    isUtcTimestamp(cursor.c) &&
    typeof cursor.u === 'string' &&
    isCanonicalUuid(cursor.u)
  );
}

/** A browse filter with its specialty slugs resolved (unknown slugs: BAD_USER_INPUT). */
export function resolveMentorFilter(
  filter: MentorFilter | undefined,
  catalog: SpecialtyCatalog,
): ResolvedMentorFilter {
  return {
    filter,
    specialtyIds: filter?.specialtySlugs?.length
      ? catalog.resolve(filter.specialtySlugs, 'filter.specialtySlugs').map((s) => s.id)
      : undefined,
  };
}

/**
 * Browsing mentors: the in-memory index finds the page (an exact count and the ids, newest
 * first), and one primary-key read brings its rows.
 */
@Injectable()
export class MentorsService {
  constructor(
    private readonly catalog: SpecialtyCatalog,
    private readonly mentorIndex: MentorIndexService,
    private readonly profiles: ProfileReads,
  ) {}

  /**
   * Newest mentors first, by keyset over (created_at, user_id): a cursor keeps its place while
   * new mentors join, and deep pages cost the same as the first.
   */
  async mentors(args: MentorsArgs, caller: AuthUser): Promise<ProfileConnection> {
    const first = args.first ?? MENTORS_PAGE_DEFAULT;
    const request = resolveMentorFilter(args.filter, this.catalog);
    const cursor = args.after ? decodeCursor(args.after, isMentorCursor) : undefined;
    const after = cursor ? { time: timestampMicros(cursor.c), userId: cursor.u } : undefined;
    const words = searchWords(args.filter?.text ?? '');
    const { rows, total } = await this.page(request, after, first + 1, words);

    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor({ c: row.cursor_created_at, u: row.user_id } satisfies MentorCursor),
      node: toProfileModel(profileFromRow(row), this.catalog, caller.id),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total,
      totalCountExact: true,
    };
  }

  /**
   * Up to `limit` rows in index order. A mentor the index listed but the read did not find (who
   * stopped mentoring a moment ago, before the change feed said so) is refreshed out of the
   * index and the page asked for again, so pages come back whole.
   */
  private async page(
    request: ResolvedMentorFilter,
    after: SortKey | undefined,
    limit: number,
    words: readonly string[],
  ): Promise<{ rows: MentorRow[]; total: number }> {
    const found = new Map<string, MentorRow>();
    for (let read = 1; ; read += 1) {
      const page = this.mentorIndex.query(request, after, limit, words);
      const missing = page.userIds.filter((id) => !found.has(id));
      if (missing.length > 0) {
        for (const row of await this.profiles.mentorRows(missing)) found.set(row.user_id, row);
      }
      const gone = page.userIds.filter((id) => !found.has(id));
      if (gone.length === 0 || read === MAX_PAGE_READS) {
        return { rows: page.userIds.flatMap((id) => found.get(id) ?? []), total: page.total };
      }
      await this.mentorIndex.refresh(gone);
    }
  }
}
