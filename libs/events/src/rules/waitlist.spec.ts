import { describe, expect, it } from '@jest/globals';
import { RsvpStatus } from '../event-enums.js';
import { afterCancellation, afterCapacityChange, type Seats } from './waitlist.js';

const seats = (capacity: number | null, going: number, waitlisted = 0): Seats => ({
  capacity,
  going,
  waitlisted,
});
const going = { status: RsvpStatus.GOING, waitlistPosition: null };
const waiting = (position: number) => ({
  status: RsvpStatus.WAITLISTED,
  waitlistPosition: position,
});

describe('afterCancellation', () => {
  it('promotes the first waitlisted person into a seat given back', () => {
    expect(afterCancellation(seats(10, 10, 40), going)).toEqual({
      seats: seats(10, 10, 39),
      closeGapAt: null,
      promote: 1,
    });
  });

  it('frees the seat when nobody waits', () => {
    expect(afterCancellation(seats(10, 10), going)).toEqual({
      seats: seats(10, 9),
      closeGapAt: null,
      promote: 0,
    });
  });

  it('closes the gap a waitlisted person leaves, promoting nobody', () => {
    expect(afterCancellation(seats(10, 10, 40), waiting(17))).toEqual({
      seats: seats(10, 10, 39),
      closeGapAt: 17,
      promote: 0,
    });
  });

  it('changes nothing for an RSVP already cancelled or attended', () => {
    for (const status of [RsvpStatus.CANCELLED, RsvpStatus.ATTENDED]) {
      expect(afterCancellation(seats(10, 10, 3), { status, waitlistPosition: null })).toEqual({
        seats: seats(10, 10, 3),
        closeGapAt: null,
        promote: 0,
      });
    }
  });

  it('keeps positions 1..n after three people going cancel one after another', () => {
    let current = seats(10, 10, 40);
    const promoted: number[] = [];
    let offset = 0;
    for (let i = 0; i < 3; i += 1) {
      const change = afterCancellation(current, going);
      // The one promoted is always whoever holds position 1 now: originally 1, 2, then 3.
      promoted.push(offset + change.promote);
      offset += change.promote;
      current = change.seats;
    }
    expect(promoted).toEqual([1, 2, 3]);
    expect(current).toEqual(seats(10, 10, 37));
  });
});

describe('afterCapacityChange', () => {
  it('refuses a capacity below the seats taken', () => {
    expect(afterCapacityChange(seats(10, 10, 5), 9)).toEqual({ refused: true, going: 10 });
  });

  it('accepts a capacity equal to the seats taken', () => {
    expect(afterCapacityChange(seats(10, 8, 0), 8)).toEqual({
      refused: false,
      seats: seats(8, 8, 0),
      closeGapAt: null,
      promote: 0,
    });
  });

  it('promotes from the waitlist, in order, into new seats', () => {
    expect(afterCapacityChange(seats(10, 10, 5), 13)).toEqual({
      refused: false,
      seats: seats(13, 13, 2),
      closeGapAt: null,
      promote: 3,
    });
  });

  it('promotes everyone when the limit is lifted', () => {
    expect(afterCapacityChange(seats(10, 10, 5), null)).toEqual({
      refused: false,
      seats: seats(null, 15, 0),
      closeGapAt: null,
      promote: 5,
    });
  });

  it('promotes only as many as wait', () => {
    expect(afterCapacityChange(seats(10, 10, 2), 50)).toMatchObject({
      promote: 2,
      seats: seats(50, 12, 0),
    });
  });
});
