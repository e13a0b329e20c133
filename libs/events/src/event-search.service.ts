import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError } from '@preceptor/core';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource } from 'typeorm';
import {
  EVENTS_PAGE_DEFAULT,
  type EventFilter,
  type EventPageArgs,
  type EventsArgs,
  type MyEventsArgs,
} from './dto/events.args.js';
import { decodeStartCursor, encodeStartCursor } from './event-cursor.js';
import { EventStatus } from './event-enums.js';
import { eventSearchQuery } from './event-search.js';
import { EventViews, viewerOf } from './event-views.service.js';
import type { EventConnection } from './models/event.models.js';

/**
 * Browsing published events, by start then id (a keyset: deep pages cost what the first does).
 * Without a date range, events not yet started: the ones that take RSVPs.
 */
@Injectable()
export class EventSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly views: EventViews,
  ) {}

  async events(
    args: EventsArgs,
    caller: AuthUser | undefined,
    { withTotal }: { withTotal: boolean },
  ): Promise<EventConnection> {
    return this.page(this.filtered(args.filter ?? {}, new Date()), args, caller, withTotal);
  }

  /**
   * The events the caller organizes, drafts and cancelled ones included (or those of one
   * status), by start then id. Admins see their own here too; other people's are in `events`.
   */
  async myEvents(
    caller: AuthUser,
    args: MyEventsArgs,
    { withTotal }: { withTotal: boolean },
  ): Promise<EventConnection> {
    const where = new Conditions();
    where.add((p) => `e.organizer_id = ${p(caller.id)}::uuid`);
    if (args.status) where.add((p) => `e.status = ${p(args.status)}::event_status`);
    return this.page(where, args, caller, withTotal);
  }

  /** One page of the events `where` selects, in (startsAt, id) order after the cursor. */
  private async page(
    where: Conditions,
    args: EventPageArgs,
    caller: AuthUser | undefined,
    withTotal: boolean,
  ): Promise<EventConnection> {
    const first = args.first ?? EVENTS_PAGE_DEFAULT;
    const cursor = decodeStartCursor(args.after);
    const total = withTotal
      ? this.dataSource
          .query<{ count: number }[]>(
            `SELECT count(*)::int AS count FROM events e WHERE ${where.sql()}`,
            where.parameters,
          )
          .then(([row]) => row?.count ?? 0)
      : Promise.resolve(0);
    const page = where.clone();
    if (cursor) {
      page.add((p) => `(e.starts_at, e.id) > (${p(cursor.startsAt)}, ${p(cursor.id)}::uuid)`);
    }
    // The page size is written into the text (at most EVENTS_PAGE_MAX + 1 statements per
    // filter shape): a generic plan with a LIMIT parameter does not know the page is short.
    const sql = `SELECT e.id FROM events e WHERE ${page.sql()} ORDER BY e.starts_at, e.id LIMIT ${first + 1}`;
    // One statement for the page (and, only when selected, the count beside it).
    const [rows, totalCount] = await Promise.all([
      this.views.read({ sql, parameters: page.parameters }, viewerOf(caller)),
      total,
    ]);
    const models = rows.slice(0, first);
    const edges = models.map((node) => ({
      cursor: encodeStartCursor(node.startsAt, node.id),
      node,
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: cursor !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /** Published events matching the filter; each filter field is one condition. */
  private filtered(filter: EventFilter, now: Date): Conditions {
    if (filter.from && filter.to && filter.to <= filter.from) {
      throw CommonError.invalidInput([
        { field: 'filter.to', message: 'must be after filter.from' },
      ]);
    }
    const where = new Conditions();
    // A literal, not a parameter: the page is a prepared statement, and only a plan that
    // knows the status can use the indexes kept for published events.
    where.add(() => `e.status = '${EventStatus.PUBLISHED}'`);
    if (filter.from) where.add((p) => `e.starts_at >= ${p(filter.from)}`);
    else where.add((p) => `e.starts_at > ${p(now)}`);
    if (filter.to) where.add((p) => `e.starts_at < ${p(filter.to)}`);
    if (filter.specialtySlugs?.length) {
      const ids = this.catalog
        .resolve(filter.specialtySlugs, 'filter.specialtySlugs')
        .map((specialty) => specialty.id);
      // An event tagged with a subspecialty carries its ancestors in its lineage.
      where.add((p) => `e.specialty_lineage && ${p(ids)}::smallint[]`);
    }
    if (filter.growthAreas?.length) {
      where.add((p) => `e.growth_areas && ${p(filter.growthAreas)}::growth_area[]`);
    }
    if (filter.tracks?.length) where.add((p) => `e.tracks && ${p(filter.tracks)}::track[]`);
    if (filter.kinds?.length) where.add((p) => `e.kind = ANY (${p(filter.kinds)}::event_kind[])`);
    if (filter.formats?.length) {
      where.add((p) => `e.format = ANY (${p(filter.formats)}::event_format[])`);
    }
    if (filter.country) where.add((p) => `e.venue_country = ${p(filter.country)}`);
    if (filter.region) where.add((p) => `e.venue_region = ${p(filter.region)}`);
    if (filter.city) where.add((p) => `lower(e.venue_city) = lower(${p(filter.city)})`);
    const credits = 'SELECT 1 FROM event_credits c WHERE c.event_id = e.id';
    if (filter.hasCredits !== undefined && filter.hasCredits !== null) {
      const negation = filter.hasCredits ? '' : 'NOT ';
      where.add(() => `${negation}EXISTS (${credits})`);
    }
    if (filter.creditTypes?.length) {
      where.add(
        (p) => `EXISTS (${credits} AND c.type = ANY (${p(filter.creditTypes)}::credit_type[]))`,
      );
    }
    const text = filter.text ? eventSearchQuery(filter.text) : null;
    if (text !== null) where.add((p) => `e.search_words @@ ${p(text)}::tsquery`);
    return where;
  }
}

/**
 * A WHERE clause over `events e`, built from conditions written in code: each value a numbered
 * parameter, so the statement's text depends only on which conditions there are.
 */
class Conditions {
  constructor(
    private readonly conditions: string[] = [],
    readonly parameters: unknown[] = [],
  ) {}

  /** Adds a condition; `p` adds a value and returns its placeholder. */
  add(condition: (p: (value: unknown) => string) => string): void {
    this.conditions.push(
      condition((value) => {
        this.parameters.push(value);
        return `$${this.parameters.length}`;
      }),
    );
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }

  clone(): Conditions {
    return new Conditions([...this.conditions], [...this.parameters]);
  }
}
