import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { placementSql } from '@preceptor/events';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Seats {
  capacity: number | null;
  going: number;
  waitlisted: number;
}

/** Where a new RSVP goes, the rule as the database evaluates it (it runs under the row lock). */
describe('placementSql', () => {
  let api: TestApp;
  const placed = placementSql('e');

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  async function place(seats: Seats): Promise<string> {
    const [row] = await api.sql<{ status: string; position: number | null }>(
      `SELECT ${placed.status}::text AS status, ${placed.waitlistPosition} AS position
         FROM (SELECT $1::int AS capacity, $2::int AS going_count, $3::int AS waitlist_count) e`,
      [seats.capacity, seats.going, seats.waitlisted],
    );
    return row.status === 'GOING' ? 'GOING' : `${row.status} ${row.position}`;
  }

  /** RSVPs one after another, as the event's row lock makes them happen. */
  async function inTurn(
    start: Seats,
    people: number,
  ): Promise<{ seats: Seats; placements: string[] }> {
    const seats = { ...start };
    const placements: string[] = [];
    for (let i = 0; i < people; i += 1) {
      const placement = await place(seats);
      placements.push(placement);
      if (placement === 'GOING') seats.going += 1;
      else seats.waitlisted += 1;
    }
    return { seats, placements };
  }

  it('seats people up to capacity, then numbers the waitlist from 1 without gaps', async () => {
    const { seats, placements } = await inTurn({ capacity: 10, going: 0, waitlisted: 0 }, 50);
    expect(seats).toEqual({ capacity: 10, going: 10, waitlisted: 40 });
    expect(placements.slice(0, 10)).toEqual(Array(10).fill('GOING'));
    expect(placements.slice(10)).toEqual(
      Array.from({ length: 40 }, (_, i) => `WAITLISTED ${i + 1}`),
    );
  });

  it('never waitlists anyone without a capacity', async () => {
    expect(await place({ capacity: null, going: 0, waitlisted: 0 })).toBe('GOING');
    expect(await place({ capacity: null, going: 100_000, waitlisted: 0 })).toBe('GOING');
  });

  it('sends a newcomer behind the waitlist even if a seat looks free', async () => {
    expect(await place({ capacity: 10, going: 9, waitlisted: 2 })).toBe('WAITLISTED 3');
  });

  it('waitlists at the last seat taken, and seats at the last seat free', async () => {
    expect(await place({ capacity: 1, going: 1, waitlisted: 0 })).toBe('WAITLISTED 1');
    expect(await place({ capacity: 1, going: 0, waitlisted: 0 })).toBe('GOING');
  });
});
