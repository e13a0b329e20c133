import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { decodeCursor, encodeCursor } from '@preceptor/core';
import { DataSource } from 'typeorm';
import type { MentorsArgs } from '../dto/mentors.args.js';
import type { ProfileConnection } from '../models/profile.models.js';
import { timestampMicros } from '../mentor-index/mentor-index.js';
import { MentorIndexService } from '../mentor-index/mentor-index.service.js';
import { isPlainSearchWord } from '../mentor-index/text-postings.js';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import {
  buildMentorQuery,
  isMentorCursor,
  mentorPageBySql,
  mentorRowsByIdSql,
  searchLexemesSql,
  searchWords,
  type MentorCursor,
  type MentorQuery,
  type SqlPage,
  type SqlStatement,
} from './mentor-search.js';
import { profileFromRow, type ProfileRow } from './profile-row.js';
import { toProfileModel } from './profiles.mapper.js';

const DEFAULT_PAGE_SIZE = 20;
/** Search words beyond ASCII whose lexemes are remembered (the set is cleared when full). */
const LEXEME_CACHE_SIZE = 10_000;

type CursorRow = ProfileRow & { cursor_created_at: string };

type PageRows = SqlPage<CursorRow>;

@Injectable()
export class MentorsService {
  /** A search word beyond ASCII → its one lexeme, or null when the parser splits it. */
  private readonly lexemes = new Map<string, string | null>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly mentorIndex: MentorIndexService,
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
    // The in-memory index answers filters and free text: an exact count and the page's ids,
    // whose rows are then read by primary key. A word the parser splits in two (a phrase, to
    // PostgreSQL) goes to the search index.
    const prefixes =
      this.mentorIndex.enabled && query.hasText
        ? await this.indexPrefixes(searchWords(args.filter?.text ?? ''))
        : [];
    const { rows, total, exact } =
      this.mentorIndex.enabled && prefixes !== null
        ? await this.fromIndex(args, specialtyIds, after, first, prefixes)
        : await this.fromSql(query, after, first, withTotal);
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
      totalCount: total,
      totalCountExact: exact,
    };
  }

  /**
   * The lexemes to search the index for: plain ASCII words as they are, others as PostgreSQL's
   * `simple` configuration parses them (asked once per word, then remembered); null when a word
   * is not one lexeme.
   */
  private async indexPrefixes(words: readonly string[]): Promise<string[] | null> {
    const unknown = words.filter((word) => !isPlainSearchWord(word) && !this.lexemes.has(word));
    if (unknown.length > 0) {
      const sql = searchLexemesSql(unknown);
      const rows = await this.dataSource.query<{ lexemes: string[] }[]>(sql.text, sql.values);
      if (this.lexemes.size + unknown.length > LEXEME_CACHE_SIZE) this.lexemes.clear();
      unknown.forEach((word, i) => {
        const lexemes = rows[i]?.lexemes ?? [];
        this.lexemes.set(word, lexemes.length === 1 ? lexemes[0] : null);
      });
    }
    const prefixes: string[] = [];
    for (const word of words) {
      const prefix = isPlainSearchWord(word) ? word : this.lexemes.get(word);
      if (!prefix) return null;
      prefixes.push(prefix);
    }
    return prefixes;
  }

  private async fromIndex(
    args: MentorsArgs,
    specialtyIds: number[] | undefined,
    after: MentorCursor | undefined,
    first: number,
    words: readonly string[],
  ): Promise<PageRows> {
    const page = this.mentorIndex.query(
      args.filter,
      specialtyIds,
      after ? { time: timestampMicros(after.c), userId: after.u } : undefined,
      first + 1,
      words,
    );
    if (page.userIds.length === 0) return { rows: [], total: page.total, exact: true };
    const sql = mentorRowsByIdSql(page.userIds);
    const found = await this.dataSource.query<CursorRow[]>(sql.text, sql.values);
    const byId = new Map(found.map((row) => [row.user_id, row]));
    // In index order; a mentor who stopped mentoring a moment ago is simply left out.
    const rows = page.userIds.flatMap((id) => byId.get(id) ?? []);
    return { rows, total: page.total, exact: true };
  }

  private fromSql(
    query: MentorQuery,
    after: MentorCursor | undefined,
    first: number,
    withTotal: boolean,
  ): Promise<PageRows> {
    return mentorPageBySql<CursorRow>(
      <Row>(sql: SqlStatement) => this.dataSource.query<Row[]>(sql.text, sql.values),
      query,
      after,
      first,
      withTotal,
    );
  }
}
