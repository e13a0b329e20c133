import type { EntityManager } from 'typeorm';
import { RsvpStatus } from './event-enums.js';
import { EventEntity } from './entities/event.entity.js';
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
