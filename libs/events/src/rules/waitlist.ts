/**
 * Seat arithmetic for RSVPs, pure. The service applies what these say to the rows inside one
 * transaction that holds the event's row lock, so the counts it starts from are current. Where
 * a new RSVP goes is decided in the statement that writes it (`placementSql` in seating.ts).
 *
 * - `going` counts the seats taken (GOING, and ATTENDED once attendance is marked); it never
 *   exceeds `capacity` (null: no limit).
 * - The waitlist holds positions 1..`waitlisted`, without gaps: whoever leaves it closes the
 *   gap, and promotions take the lowest positions first.
 */
import { RsvpStatus } from '../event-enums.js';

export interface Seats {
  capacity: number | null;
  going: number;
  waitlisted: number;
}

/** What one change does to an event's RSVPs, in the order the service applies it. */
export interface SeatChange {
  /** The counts after the change, promotions included. */
  seats: Seats;
  /** A waitlisted person left from this position: everyone behind moves up one. */
  closeGapAt: number | null;
  /** Then positions 1..promote become GOING and the rest move up by as many. */
  promote: number;
}

export function freeSeats(seats: Seats): number {
  return seats.capacity === null ? Infinity : Math.max(0, seats.capacity - seats.going);
}

/** Fills free seats from the front of the waitlist. */
function promoting(seats: Seats, closeGapAt: number | null): SeatChange {
  const promote = Math.min(seats.waitlisted, freeSeats(seats));
  return {
    seats: {
      capacity: seats.capacity,
      going: seats.going + promote,
      waitlisted: seats.waitlisted - promote,
    },
    closeGapAt,
    promote,
  };
}

/** Someone with `status` (and `position` on the waitlist) cancels their RSVP. */
export function afterCancellation(
  seats: Seats,
  leaving: { status: RsvpStatus; waitlistPosition: number | null },
): SeatChange {
  switch (leaving.status) {
    case RsvpStatus.GOING:
      return promoting({ ...seats, going: seats.going - 1 }, null);
    case RsvpStatus.WAITLISTED:
      if (leaving.waitlistPosition === null) throw new Error('A waitlisted RSVP has a position');
      return promoting({ ...seats, waitlisted: seats.waitlisted - 1 }, leaving.waitlistPosition);
    case RsvpStatus.CANCELLED:
    case RsvpStatus.ATTENDED:
      return { seats, closeGapAt: null, promote: 0 };
  }
}

export type CapacityChange = { refused: true; going: number } | ({ refused: false } & SeatChange);

/**
 * A new capacity (null: no limit). Below the seats already taken it is refused: nobody loses a
 * seat they were given. Above, the waitlist moves up into the new seats, in order.
 */
export function afterCapacityChange(seats: Seats, capacity: number | null): CapacityChange {
  if (capacity !== null && capacity < seats.going) return { refused: true, going: seats.going };
  return { refused: false, ...promoting({ ...seats, capacity }, null) };
}
