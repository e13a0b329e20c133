import type { PreparedReads } from '@preceptor/core';
import type { EntityManager } from 'typeorm';
import { RsvpStatus } from './event-enums.js';
import { EventEntity } from './entities/event.entity.js';
import { ONE_RSVP_PER_PERSON, RsvpEntity } from './entities/rsvp.entity.js';
import type { SeatChange, Seats } from './rules/waitlist.js';

/** The seat counts stored on an event row. */
export function seatsOf(event: EventEntity): Seats {
  return { capacity: event.capacity, going: event.goingCount, waitlisted: event.waitlistCount };
}

/**
 * Applies a seat change (rules/waitlist.ts) to an event's RSVPs and counters. Call it inside the
 * transaction that locked the event row, after the RSVP that caused it has left the waitlist.
 */
export async function applySeatChange(
  manager: EntityManager,
  event: EventEntity,
  change: SeatChange,
  now: Date,
): Promise<void> {
  const waiting = RsvpStatus.WAITLISTED;
  if (change.closeGapAt !== null) {
    await manager.query(
      `UPDATE rsvps SET waitlist_position = waitlist_position - 1, updated_at = $3
        WHERE event_id = $1 AND status = $2 AND waitlist_position > $4`,
      [event.id, waiting, now, change.closeGapAt],
    );
  }
  if (change.promote > 0) {
    const [, promoted] = await manager.query<[unknown, number]>(
      `UPDATE rsvps SET status = $5, waitlist_position = NULL, promoted_at = $3, updated_at = $3
        WHERE event_id = $1 AND status = $2 AND waitlist_position <= $4`,
      [event.id, waiting, now, change.promote, RsvpStatus.GOING],
    );
    if (promoted !== change.promote) {
      // The counters and the rows disagree: roll the whole change back rather than guess.
      throw new Error(
        `Event ${event.id}: expected to promote ${change.promote} from the waitlist, found ${promoted}`,
      );
    }
    await manager.query(
      `UPDATE rsvps SET waitlist_position = waitlist_position - $4, updated_at = $3
        WHERE event_id = $1 AND status = $2`,
      [event.id, waiting, now, change.promote],
    );
  }
  event.capacity = change.seats.capacity;
  event.goingCount = change.seats.going;
  event.waitlistCount = change.seats.waitlisted;
  await manager.update(
    EventEntity,
    { id: event.id },
    { goingCount: event.goingCount, waitlistCount: event.waitlistCount },
  );
}

/**
 * Where a new RSVP goes, as SQL over a row `e` holding an event's `capacity`, `going_count` and
 * `waitlist_count`: a seat if one is free and nobody waits, else the end of the waitlist. Nobody
 * waits while a seat is free (promotions happen in the same change as whatever frees a seat), so
 * a free seat is never taken ahead of the waitlist. The one statement of the rule: it runs in the
 * database under the event's row lock, so no Node.js work happens while that lock is held.
 */
export function placementSql(e: string): { status: string; waitlistPosition: string } {
  const seated = `(${e}.capacity IS NULL OR ${e}.going_count < ${e}.capacity) AND ${e}.waitlist_count = 0`;
  return {
    status: `(CASE WHEN ${seated} THEN '${RsvpStatus.GOING}' ELSE '${RsvpStatus.WAITLISTED}' END)::rsvp_status`,
    waitlistPosition: `CASE WHEN ${seated} THEN NULL ELSE ${e}.waitlist_count + 1 END`,
  };
}

const placed = placementSql('e');

/**
 * One statement, run on its own (no transaction around it): lock the event's row if it is still
 * at `sequence`, place the RSVP (placementSql), insert it, or re-place the caller's cancelled
 * one, and write the event's counters. No row when nothing was written: the event changed
 * since it was read, or the caller already holds a live RSVP (another tab won).
 */
const PLACE_RSVP = `WITH event AS (
  SELECT id, capacity, going_count, waitlist_count FROM events
   WHERE id = $1 AND sequence = $3
   FOR UPDATE
), placed AS (
  SELECT e.id, ${placed.status} AS status, ${placed.waitlistPosition} AS waitlist_position,
         e.going_count, e.waitlist_count
    FROM event e
), rsvp AS (
  INSERT INTO rsvps AS r (event_id, user_id, status, waitlist_position)
  SELECT id, $2, status, waitlist_position FROM placed
  ON CONFLICT ON CONSTRAINT ${ONE_RSVP_PER_PERSON} DO UPDATE
     SET status = EXCLUDED.status, waitlist_position = EXCLUDED.waitlist_position,
         promoted_at = NULL, cancelled_at = NULL, attended_at = NULL,
         updated_at = CURRENT_TIMESTAMP
   WHERE r.status = '${RsvpStatus.CANCELLED}'
  RETURNING r.id, r.status, r.waitlist_position, r.created_at, r.updated_at
), counted AS (
  UPDATE events e
     SET going_count = p.going_count + (p.status = '${RsvpStatus.GOING}')::int,
         waitlist_count = p.waitlist_count + (p.status = '${RsvpStatus.WAITLISTED}')::int,
         updated_at = CURRENT_TIMESTAMP
    FROM placed p
   WHERE e.id = p.id AND EXISTS (SELECT 1 FROM rsvp)
  RETURNING e.going_count, e.waitlist_count
)
SELECT rsvp.id, rsvp.status::text AS status, rsvp.waitlist_position, rsvp.created_at,
       rsvp.updated_at, counted.going_count, counted.waitlist_count
  FROM rsvp, counted`;

interface PlaceRsvpRow {
  id: string;
  status: RsvpStatus;
  waitlist_position: number | null;
  created_at: Date;
  updated_at: Date;
  going_count: number;
  waitlist_count: number;
}

/**
 * Gives `userId` a seat or a place on `event`'s waitlist, the event as read at its `sequence`
 * (whose status and start the caller has checked), in one statement (PLACE_RSVP). On success
 * the event's counters are set to those written. Null when nothing was written because the
 * event changed since it was read, or the caller's RSVP is live again: read both again.
 */
export async function placeRsvp(
  reads: PreparedReads,
  event: EventEntity,
  userId: string,
): Promise<RsvpEntity | null> {
  const [row] = await reads.query<PlaceRsvpRow>(PLACE_RSVP, [event.id, userId, event.sequence]);
  if (!row) return null;
  event.goingCount = row.going_count;
  event.waitlistCount = row.waitlist_count;
  const rsvp = new RsvpEntity();
  Object.assign(rsvp, {
    id: row.id,
    eventId: event.id,
    userId,
    status: row.status,
    waitlistPosition: row.waitlist_position,
    promotedAt: null,
    cancelledAt: null,
    attendedAt: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  return rsvp;
}
