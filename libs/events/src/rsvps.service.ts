import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError, PreparedReads, runTransaction } from '@preceptor/core';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENTS_PAGE_DEFAULT, type EventPageArgs } from './dto/events.args.js';
import { EventEntity } from './entities/event.entity.js';
import { decodeStartCursor, encodeStartCursor } from './event-cursor.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { EventStatus, RsvpStatus } from './event-enums.js';
import { EventViews, viewerOf } from './event-views.service.js';
import { toRsvpModel } from './events.mapper.js';
import { EventsError } from './events.errors.js';
import type { RsvpConnection, RsvpModel } from './models/event.models.js';
import { canSee, hasStarted, type Viewer } from './rules/event-access.js';
import { afterCancellation } from './rules/waitlist.js';
import { applySeatChange, placeRsvp, seatsOf } from './seating.js';

/** What an RSVP mutation answers with beyond the RSVP itself. */
export interface RsvpAnswerOptions {
  /**
   * Whether the client selected the RSVP's `event`: its view takes three more reads (the event
   * as committed, its credits, its organizer's name), which a burst of RSVPs should not pay
   * for nobody.
   */
  withEvent: boolean;
}

/** Reads and writes an RSVP may take before giving up on an event edited all the while. */
const RSVP_ATTEMPTS = 5;

/** RSVPs: taking a seat or a place on the waitlist, giving it back, and listing one's own. */
@Injectable()
export class RsvpsService {
  private readonly reads: PreparedReads;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: EventViews,
  ) {
    this.reads = new PreparedReads(dataSource);
  }

  /**
   * A seat if one is free, else the end of the waitlist. Idempotent: someone going, waitlisted
   * or attended gets their RSVP back unchanged; someone who cancelled gets the same RSVP again,
   * placed anew. The event and the caller's RSVP are read and checked first; then one statement
   * locks the event's row if it is unchanged since, places the RSVP and writes the counters
   * (placeRsvp), so the row lock is held for that statement alone and nobody is seated past
   * capacity. If the event changed in between, or the caller's other tab won, it reads again.
   */
  async rsvp(caller: AuthUser, eventId: string, options: RsvpAnswerOptions): Promise<RsvpModel> {
    const viewer = viewerOf(caller);
    for (let attempt = 1; attempt <= RSVP_ATTEMPTS; attempt += 1) {
      const { event, callerRsvp } = await this.findVisible(
        this.dataSource.manager,
        eventId,
        caller.id,
        viewer,
        { lock: false },
      );
      if (callerRsvp && callerRsvp.status !== RsvpStatus.CANCELLED) {
        return this.answer(callerRsvp, event, viewer, options);
      }
      const action = 'it takes no RSVPs';
      if (event.status === EventStatus.DRAFT) throw EventsError.notPublished();
      if (event.status === EventStatus.CANCELLED) throw EventsError.cancelled(action);
      if (hasStarted(event, new Date())) throw EventsError.started(event.startsAt, action);

      const placed = await placeRsvp(this.reads, event, caller.id);
      if (placed) return this.answer(placed, event, viewer, options);
    }
    // Only an event edited between every read and write gets here.
    throw CommonError.serviceBusy(1);
  }

  /**
   * Gives the seat or waitlist place back. A seat goes to the first person waiting, in the same
   * transaction; the waitlist closes up behind whoever leaves it. Cancelling again changes
   * nothing.
   */
  async cancelRsvp(
    caller: AuthUser,
    eventId: string,
    options: RsvpAnswerOptions,
  ): Promise<RsvpModel> {
    const viewer = viewerOf(caller);
    const { rsvp, event } = await runTransaction(this.dataSource, async (manager) => {
      const { event, callerRsvp: rsvp } = await this.findVisible(
        manager,
        eventId,
        caller.id,
        viewer,
        { lock: true },
      );
      if (!rsvp) throw EventsError.rsvpNotFound();
      if (rsvp.status === RsvpStatus.CANCELLED) return { rsvp, event };
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
      return { rsvp: saved, event };
    });
    return this.answer(rsvp, event, viewer, options);
  }

  /** The caller's RSVPs, whatever their status, by the event's start (then RSVP id). */
  async myRsvps(caller: AuthUser, args: EventPageArgs): Promise<RsvpConnection> {
    const viewer = viewerOf(caller);
    const first = args.first ?? EVENTS_PAGE_DEFAULT;
    const cursor = decodeStartCursor(args.after);
    const query = this.dataSource.manager
      .createQueryBuilder(RsvpEntity, 'r')
      .innerJoinAndMapOne('r.event', EventEntity, 'e', 'e.id = r.eventId')
      .where('r.userId = :userId', { userId: caller.id });
    const totalCount = await query.clone().getCount();
    if (cursor) {
      query.andWhere('(e.startsAt, r.id) > (:startsAt, :id)', {
        startsAt: cursor.startsAt,
        id: cursor.id,
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
      cursor: encodeStartCursor(row.event.startsAt, row.id),
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

  /**
   * The event and the caller's RSVP to it if any; with `lock`, the event's row is locked for the
   * transaction of `manager`. A draft is not found but by who manages it.
   *
   * Every statement run under the lock makes the people queued behind it wait longer, so the
   * locking statement also looks for the caller's RSVP. But a statement that waited for the lock
   * sees the locked row as it is now and every other row as it was before it waited: the RSVP
   * it joins may since have moved up the waitlist or been promoted. So, locked, only its
   * absence is trusted; a row found is read again.
   */
  private async findVisible(
    manager: EntityManager,
    eventId: string,
    userId: string,
    viewer: Viewer | undefined,
    { lock }: { lock: boolean },
  ): Promise<{ event: EventEntity; callerRsvp: RsvpEntity | null }> {
    // leftJoinAndMapOne sets callerRsvp on the event it returns (when the caller has one).
    const query = manager
      .createQueryBuilder(EventEntity, 'e')
      .leftJoinAndMapOne(
        'e.callerRsvp',
        RsvpEntity,
        'r',
        'r.eventId = e.id AND r.userId = :userId',
        {
          userId,
        },
      )
      .where('e.id = :eventId', { eventId });
    // Only the event's row: the RSVP's, when there is one, is written under the event's lock.
    if (lock) query.setLock('pessimistic_write', undefined, ['e']);
    const found: (EventEntity & { callerRsvp?: RsvpEntity }) | null = await query.getOne();
    if (!found || !canSee(found, viewer)) throw EventsError.eventNotFound();
    if (!lock) return { event: found, callerRsvp: found.callerRsvp ?? null };
    const callerRsvp = found.callerRsvp
      ? await manager.findOneByOrFail(RsvpEntity, { id: found.callerRsvp.id })
      : null;
    return { event: found, callerRsvp };
  }

  /**
   * The RSVP with its event as the caller now sees it (counts and join link included), read
   * after the commit; or, when the client did not select the event, with the unread view of
   * the row as the transaction left it (see EventViews.unread).
   */
  private async answer(
    rsvp: RsvpEntity,
    locked: EventEntity,
    viewer: Viewer | undefined,
    { withEvent }: RsvpAnswerOptions,
  ): Promise<RsvpModel> {
    if (!withEvent) return toRsvpModel(rsvp, this.views.unread(locked, viewer, rsvp));
    const event = await this.dataSource.manager.findOneByOrFail(EventEntity, { id: rsvp.eventId });
    const model = await this.views.model(event, viewer);
    return model.myRsvp ?? toRsvpModel(rsvp, model);
  }
}
