import type { EntityManager } from 'typeorm';
import { RsvpStatus } from './event-enums.js';
import { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import type { Placement, SeatChange, Seats } from './rules/waitlist.js';

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
 * A first RSVP of someone to an event, placed by `placeNewRsvp`, and the event's counters after
 * it, written in one statement: the event's lock is held from the read of its counters to the
 * commit, and every statement in between makes the next person wait one more round trip. Call
 * it inside the transaction that locked the event row.
 */
export async function insertPlacedRsvp(
  manager: EntityManager,
  event: EventEntity,
  userId: string,
  placement: Placement,
  seats: Seats,
): Promise<RsvpEntity> {
  const [row] = await manager.query<{ id: string; created_at: Date; updated_at: Date }[]>(
    `WITH counted AS (
       UPDATE events SET going_count = $5, waitlist_count = $6, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1
     )
     INSERT INTO rsvps (event_id, user_id, status, waitlist_position) VALUES ($1, $2, $3, $4)
     RETURNING id, created_at, updated_at`,
    [event.id, userId, placement.status, placement.waitlistPosition, seats.going, seats.waitlisted],
  );
  event.goingCount = seats.going;
  event.waitlistCount = seats.waitlisted;
  return manager.create(RsvpEntity, {
    id: row.id,
    eventId: event.id,
    userId,
    status: placement.status,
    waitlistPosition: placement.waitlistPosition,
    promotedAt: null,
    cancelledAt: null,
    attendedAt: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
