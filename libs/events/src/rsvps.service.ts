import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { decodeCursor, encodeCursor, runTransaction } from '@preceptor/core';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENTS_PAGE_DEFAULT, type EventPageArgs } from './dto/events.args.js';
import { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { EventStatus, RsvpStatus } from './event-enums.js';
import { EventViews, viewerOf } from './event-views.service.js';
import { toRsvpModel } from './events.mapper.js';
import { EventsError } from './events.errors.js';
import type { RsvpConnection, RsvpModel } from './models/event.models.js';
import { canSee, hasStarted, type Viewer } from './rules/event-access.js';
import { afterCancellation, placeNewRsvp } from './rules/waitlist.js';
import { applySeatChange, seatsOf } from './seating.js';

interface RsvpCursor {
  /** The event's start, ISO. */
  s: string;
  /** The RSVP's id. */
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isRsvpCursor(value: unknown): value is RsvpCursor {
  const cursor = value as RsvpCursor;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof cursor.s === 'string' &&
    !Number.isNaN(Date.parse(cursor.s)) &&
    typeof cursor.i === 'string' &&
    UUID.test(cursor.i)
  );
}

/** RSVPs: taking a seat or a place on the waitlist, giving it back, and listing one's own. */
@Injectable()
export class RsvpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: EventViews,
  ) {}

  /**
   * A seat if one is free, else the end of the waitlist. Idempotent: someone going, waitlisted
   * or attended gets their RSVP back unchanged; someone who cancelled gets the same RSVP again,
   * placed anew. The event's row lock orders concurrent RSVPs, so the seat count read is the
   * one written, and nobody is seated past capacity.
   */
  async rsvp(caller: AuthUser, eventId: string): Promise<RsvpModel> {
    const viewer = viewerOf(caller);
    const rsvp = await runTransaction(this.dataSource, async (manager) => {
      const event = await this.lockVisible(manager, eventId, viewer);
      const existing = await manager.findOne(RsvpEntity, {
        where: { eventId, userId: caller.id },
      });
      if (existing && existing.status !== RsvpStatus.CANCELLED) return existing;
      const action = 'it takes no RSVPs';
      if (event.status === EventStatus.DRAFT) throw EventsError.notPublished();
      if (event.status === EventStatus.CANCELLED) throw EventsError.cancelled(action);
      if (hasStarted(event, new Date())) throw EventsError.started(event.startsAt, action);

      const { placement, seats } = placeNewRsvp(seatsOf(event));
      const row = manager.merge(RsvpEntity, existing ?? manager.create(RsvpEntity), {
        eventId,
        userId: caller.id,
        status: placement.status,
        waitlistPosition: placement.waitlistPosition,
        promotedAt: null,
        cancelledAt: null,
        attendedAt: null,
      });
      const saved = await manager.save(row);
      await applySeatChange(manager, event, { seats, closeGapAt: null, promote: 0 }, new Date());
      return saved;
    });
    return this.withEvent(rsvp, viewer);
  }

  /**
   * Gives the seat or waitlist place back. A seat goes to the first person waiting, in the same
   * transaction; the waitlist closes up behind whoever leaves it. Cancelling again changes
   * nothing.
   */
  async cancelRsvp(caller: AuthUser, eventId: string): Promise<RsvpModel> {
    const viewer = viewerOf(caller);
    const rsvp = await runTransaction(this.dataSource, async (manager) => {
      const event = await this.lockVisible(manager, eventId, viewer);
      const rsvp = await manager.findOne(RsvpEntity, { where: { eventId, userId: caller.id } });
      if (!rsvp) throw EventsError.rsvpNotFound();
      if (rsvp.status === RsvpStatus.CANCELLED) return rsvp;
      if (rsvp.status === RsvpStatus.ATTENDED) throw EventsError.attendanceRecorded();
      const now = new Date();
      if (hasStarted(event, now)) {
        throw EventsError.started(event.startsAt, 'RSVPs can no longer be cancelled');
      }
      const change = afterCancellation(seatsOf(event), rsvp);
      rsvp.status = RsvpStatus.CANCELLED;
      rsvp.waitlistPosition = null;
      rsvp.cancelledAt = now;
      const saved = await manager.save(rsvp);
      await applySeatChange(manager, event, change, now);
      return saved;
    });
    return this.withEvent(rsvp, viewer);
  }

  /** The caller's RSVPs, whatever their status, by the event's start (then RSVP id). */
  async myRsvps(caller: AuthUser, args: EventPageArgs): Promise<RsvpConnection> {
    const viewer = viewerOf(caller);
    const first = args.first ?? EVENTS_PAGE_DEFAULT;
    const cursor = args.after ? decodeCursor(args.after, isRsvpCursor) : undefined;
    const query = this.dataSource.manager
      .createQueryBuilder(RsvpEntity, 'r')
      .innerJoinAndMapOne('r.event', EventEntity, 'e', 'e.id = r.eventId')
      .where('r.userId = :userId', { userId: caller.id });
    const totalCount = await query.clone().getCount();
    if (cursor) {
      query.andWhere('(e.startsAt, r.id) > (:startsAt, :id)', {
        startsAt: new Date(cursor.s),
        id: cursor.i,
      });
    }
    const rows = (await query
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(first + 1)
      .getMany()) as (RsvpEntity & { event: EventEntity })[];
    const page = rows.slice(0, first);
    const events = await this.views.models(
      page.map((row) => row.event),
      viewer,
    );
    const edges = page.map((row, index) => ({
      cursor: encodeCursor({ s: row.event.startsAt.toISOString(), i: row.id } satisfies RsvpCursor),
      node: events[index].myRsvp ?? toRsvpModel(row, events[index]),
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

  /** The event's row, locked for this transaction; a draft is not found but by who manages it. */
  private async lockVisible(
    manager: EntityManager,
    eventId: string,
    viewer: Viewer | undefined,
  ): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, {
      where: { id: eventId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!event || !canSee(event, viewer)) throw EventsError.eventNotFound();
    return event;
  }

  /** The RSVP with its event as the caller now sees it (counts and join link included). */
  private async withEvent(rsvp: RsvpEntity, viewer: Viewer | undefined): Promise<RsvpModel> {
    const event = await this.dataSource.manager.findOneByOrFail(EventEntity, { id: rsvp.eventId });
    const model = await this.views.model(event, viewer);
    return model.myRsvp ?? toRsvpModel(rsvp, model);
  }
}
