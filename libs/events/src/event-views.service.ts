import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, UserEntity, type AuthUser } from '@preceptor/accounts';
import { PreparedReads } from '@preceptor/core';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EventCreditEntity } from './entities/event-credit.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { selectColumns, selectProperties, unprefixed } from './event-rows.js';
import {
  EVENT_CREDIT_FIELDS,
  toEventModel,
  UNSHOWN_EVENT_FIELDS,
  type EventCreditRecord,
  type EventRecord,
} from './events.mapper.js';
import type { EventModel } from './models/event.models.js';
import type { Viewer } from './rules/event-access.js';

export function viewerOf(caller: AuthUser | undefined): Viewer | undefined {
  return caller && { id: caller.id, isAdmin: caller.roles.includes(Role.ADMIN) };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * A SQL statement selecting event ids (one column), in the order they are to be shown. `read`
 * runs it as a prepared statement (`PreparedReads`): its text comes from code, every value a
 * parameter but those a partial index depends on.
 */
export interface EventIdsQuery {
  sql: string;
  parameters: unknown[];
}

/** A row of `EventViews.read`: the event's columns, its credits, organizer and viewer's RSVP. */
type EventViewRow = EventRecord & {
  organizerName: string | null;
  credits: EventCreditRecord[] | null;
} & Record<string, unknown>;

const RSVP_PREFIX = 'rsvp.';

/** `read`'s statement around a query of ids; the viewer's id is a parameter after the ids'. */
interface ReadStatements {
  anonymous: (idsSql: string) => string;
  viewer: (idsSql: string, viewerParameter: string) => string;
}

/**
 * Events as a viewer sees them: for a page of ids, one statement (`read`); for events already
 * loaded, three batched reads (`models`): the credits, the organizers' names and the viewer's own
 * RSVPs (none when signed out).
 */
@Injectable()
export class EventViews {
  /** Pages are read as prepared statements: planning was most of a page's database time. */
  private readonly reads: PreparedReads;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
  ) {
    this.reads = new PreparedReads(dataSource);
  }

  /** The statements of `read`, for a signed-out and a signed-in viewer. */
  private readStatements: ReadStatements | undefined;

  /**
   * The events `ids` selects, in its order, as `viewer` sees them, in one statement: each
   * event's row with its credits aggregated (json), its organizer's name and the viewer's RSVP,
   * read as plain rows (no entity hydration) straight into the mapper.
   */
  async read(ids: EventIdsQuery, viewer: Viewer | undefined): Promise<EventModel[]> {
    this.readStatements ??= this.buildReadStatements();
    const rows = viewer
      ? await this.reads.query<EventViewRow>(
          this.readStatements.viewer(ids.sql, `$${ids.parameters.length + 1}`),
          [...ids.parameters, viewer.id],
        )
      : await this.reads.query<EventViewRow>(
          this.readStatements.anonymous(ids.sql),
          ids.parameters,
        );
    return rows.map((row) =>
      toEventModel(
        row,
        {
          credits: row.credits ?? [],
          organizerName: row.organizerName ?? '',
          viewerRsvp: unprefixed<RsvpEntity>(row, RSVP_PREFIX, 'id'),
        },
        viewer,
        this.catalog,
      ),
    );
  }

  /**
   * The statements of `read`, their select lists derived from the entities' metadata. Measured
   * on 100,000 events, PostgreSQL plans the organizer and the credits as subqueries faster than
   * as joins, and a signed-out page needs no RSVP join at all (planning is most of its cost).
   */
  private buildReadStatements(): ReadStatements {
    const events = this.dataSource.getMetadata(EventEntity);
    const credits = this.dataSource.getMetadata(EventCreditEntity);
    const rsvps = this.dataSource.getMetadata(RsvpEntity);
    const users = this.dataSource.getMetadata(UserEntity);
    const fullName = users.findColumnWithPropertyName('fullName')?.databaseName ?? 'full_name';
    const head = `SELECT ${selectColumns(events, 'e', { except: UNSHOWN_EVENT_FIELDS })},
  (SELECT u."${fullName}" FROM "${users.tablePath}" u WHERE u.id = e.organizer_id) AS "organizerName",
  (SELECT json_agg(c ORDER BY c.position) FROM (SELECT ${selectProperties(credits, 'c', ['position', ...EVENT_CREDIT_FIELDS])}
    FROM "${credits.tablePath}" c WHERE c.event_id = e.id) c) AS "credits"`;
    const from = (idsSql: string): string =>
      `FROM unnest(ARRAY(${idsSql})) WITH ORDINALITY AS page(id, place)
JOIN "${events.tablePath}" e ON e.id = page.id`;
    return {
      anonymous: (idsSql) => `${head}\n${from(idsSql)}\nORDER BY page.place`,
      viewer: (
        idsSql,
        viewerParameter,
      ) => `${head}, ${selectColumns(rsvps, 'r', { prefix: RSVP_PREFIX })}
${from(idsSql)}
LEFT JOIN "${rsvps.tablePath}" r ON r.event_id = e.id AND r.user_id = ${viewerParameter}
ORDER BY page.place`,
    };
  }

  async models(
    events: readonly EventEntity[],
    viewer: Viewer | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EventModel[]> {
    if (events.length === 0) return [];
    const ids = events.map((event) => event.id);
    const organizerIds = [...new Set(events.map((event) => event.organizerId))];
    const reads = [
      () =>
        manager.find(EventCreditEntity, {
          where: { eventId: In(ids) },
          order: { eventId: 'ASC', position: 'ASC' },
        }),
      () =>
        manager.find(UserEntity, {
          select: { id: true, fullName: true },
          where: { id: In(organizerIds) },
        }),
      () =>
        viewer
          ? manager.find(RsvpEntity, { where: { eventId: In(ids), userId: viewer.id } })
          : Promise.resolve([]),
    ] as const;
    // Outside a transaction, at once on pooled connections (a browse page waits for one round
    // trip, not three); inside one, one after another on its one connection.
    const [credits, organizers, rsvps] =
      manager === this.dataSource.manager
        ? await Promise.all([reads[0](), reads[1](), reads[2]()])
        : [await reads[0](), await reads[1](), await reads[2]()];
    const creditsByEvent = groupBy(credits, (credit) => credit.eventId);
    const names = new Map(organizers.map((user) => [user.id, user.fullName]));
    const rsvpByEvent = new Map(rsvps.map((rsvp) => [rsvp.eventId, rsvp]));
    return events.map((event) =>
      toEventModel(
        event,
        {
          credits: creditsByEvent.get(event.id) ?? [],
          organizerName: names.get(event.organizerId) ?? '',
          viewerRsvp: rsvpByEvent.get(event.id),
        },
        viewer,
        this.catalog,
      ),
    );
  }

  /**
   * The event without the reads its view needs (no credits, no organizer name), for an answer
   * whose client did not select the event: GraphQL never sends it, as `totalCount` is not
   * counted unless selected. Never return it where the event can be read.
   */
  unread(event: EventEntity, viewer: Viewer | undefined, viewerRsvp?: RsvpEntity): EventModel {
    return toEventModel(
      event,
      { credits: [], organizerName: '', viewerRsvp },
      viewer,
      this.catalog,
    );
  }

  async model(
    event: EventEntity,
    viewer: Viewer | undefined,
    manager?: EntityManager,
  ): Promise<EventModel> {
    const [model] = await this.models([event], viewer, manager);
    return model;
  }
}
