import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError, decodeCursor, encodeCursor } from '@preceptor/core';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  EVENTS_PAGE_DEFAULT,
  type EventFilter,
  type EventPageArgs,
  type EventsArgs,
  type MyEventsArgs,
} from './dto/events.args.js';
import { EventEntity } from './entities/event.entity.js';
import { EventStatus } from './event-enums.js';
import { eventSearchQuery } from './event-search.js';
import { EventViews, viewerOf } from './event-views.service.js';
import type { EventConnection } from './models/event.models.js';

interface EventCursor {
  /** startsAt, ISO (stored to the millisecond, so exact). */
  s: string;
  /** id */
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isEventCursor(value: unknown): value is EventCursor {
  const cursor = value as EventCursor;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof cursor.s === 'string' &&
    !Number.isNaN(Date.parse(cursor.s)) &&
    typeof cursor.i === 'string' &&
    UUID.test(cursor.i)
  );
}

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
    const query = this.dataSource.manager
      .createQueryBuilder(EventEntity, 'e')
      .where('e.organizerId = :organizerId', { organizerId: caller.id });
    if (args.status) query.andWhere('e.status = :status', { status: args.status });
    return this.page(query, args, caller, withTotal);
  }

  /** One page of `query` in (startsAt, id) order after the cursor, as `caller` sees it. */
  private async page(
    query: SelectQueryBuilder<EventEntity>,
    args: EventPageArgs,
    caller: AuthUser | undefined,
    withTotal: boolean,
  ): Promise<EventConnection> {
    const first = args.first ?? EVENTS_PAGE_DEFAULT;
    const cursor = args.after ? decodeCursor(args.after, isEventCursor) : undefined;
    const total = withTotal ? query.clone().getCount() : Promise.resolve(0);
    if (cursor) {
      query.andWhere('(e.startsAt, e.id) > (:cursorStart, :cursorId)', {
        cursorStart: new Date(cursor.s),
        cursorId: cursor.i,
      });
    }
    const [sql, parameters] = query
      .select('e.id')
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(first + 1)
      .getQueryAndParameters();
    // One statement for the page (and, only when selected, the count beside it).
    const [rows, totalCount] = await Promise.all([
      this.views.read({ sql, parameters }, viewerOf(caller)),
      total,
    ]);
    const models = rows.slice(0, first);
    const edges = models.map((node) => ({
      cursor: encodeCursor({ s: node.startsAt.toISOString(), i: node.id } satisfies EventCursor),
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
  private filtered(filter: EventFilter, now: Date): SelectQueryBuilder<EventEntity> {
    if (filter.from && filter.to && filter.to <= filter.from) {
      throw CommonError.invalidInput([
        { field: 'filter.to', message: 'must be after filter.from' },
      ]);
    }
    const query = this.dataSource.manager
      .createQueryBuilder(EventEntity, 'e')
      // A literal, not a parameter: the page is a prepared statement, and only a plan that
      // knows the status can use the indexes kept for published events.
      .where(`e.status = '${EventStatus.PUBLISHED}'`);
    if (filter.from) query.andWhere('e.startsAt >= :from', { from: filter.from });
    else query.andWhere('e.startsAt > :now', { now });
    if (filter.to) query.andWhere('e.startsAt < :to', { to: filter.to });
    if (filter.specialtySlugs?.length) {
      const ids = this.catalog
        .resolve(filter.specialtySlugs, 'filter.specialtySlugs')
        .map((specialty) => specialty.id);
      // An event tagged with a subspecialty carries its ancestors in its lineage.
      query.andWhere('e.specialtyLineage && CAST(:specialtyIds AS smallint[])', {
        specialtyIds: ids,
      });
    }
    if (filter.growthAreas?.length) {
      query.andWhere('e.growthAreas && CAST(:growthAreas AS growth_area[])', {
        growthAreas: filter.growthAreas,
      });
    }
    if (filter.tracks?.length) {
      query.andWhere('e.tracks && CAST(:tracks AS track[])', { tracks: filter.tracks });
    }
    if (filter.kinds?.length) query.andWhere('e.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.formats?.length) {
      query.andWhere('e.format IN (:...formats)', { formats: filter.formats });
    }
    if (filter.country) query.andWhere('e.venueCountry = :country', { country: filter.country });
    if (filter.region) query.andWhere('e.venueRegion = :region', { region: filter.region });
    if (filter.city) {
      query.andWhere('lower(e.venueCity) = lower(:city)', { city: filter.city });
    }
    const credits = 'SELECT 1 FROM event_credits c WHERE c.event_id = e.id';
    if (filter.hasCredits !== undefined && filter.hasCredits !== null) {
      query.andWhere(`${filter.hasCredits ? '' : 'NOT '}EXISTS (${credits})`);
    }
    if (filter.creditTypes?.length) {
      query.andWhere(`EXISTS (${credits} AND c.type = ANY (CAST(:creditTypes AS credit_type[])))`, {
        creditTypes: filter.creditTypes,
      });
    }
    const text = filter.text ? eventSearchQuery(filter.text) : null;
    if (text !== null) {
      query.andWhere('e.searchWords @@ CAST(:text AS tsquery)', { text });
    }
    return query;
  }
}
