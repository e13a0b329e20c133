// The RSVP storm's plain-SQL baseline and the check that a storm left a correct waitlist. Only
// the benchmark uses it: the baseline is what a team without the API would write to take RSVPs
// (lock the event row, count, insert), placing each person by the events library's own rule.
import { placementSql, RsvpStatus } from '@preceptor/events';
import type pg from 'pg';

/** The API's mutation, asking only for what the check compares. */
export const RSVP_MUTATION = `mutation BenchRsvp($eventId: ID!) {
  rsvp(eventId: $eventId) { status waitlistPosition }
}`;

export interface RsvpAnswer {
  rsvp: { status: RsvpStatus; waitlistPosition: number | null };
}

const placed = placementSql('e');

/**
 * One RSVP the plain-SQL way, in its own transaction on `client`: lock the event row, count the
 * seats taken and the places on the waitlist, insert the RSVP where `placementSql` puts it.
 */
export async function sqlRsvp(
  client: pg.ClientBase,
  eventId: string,
  userId: string,
): Promise<RsvpAnswer['rsvp']> {
  await client.query('BEGIN');
  try {
    const locked = await client.query<{ capacity: number | null }>(
      'SELECT capacity FROM events WHERE id = $1 FOR UPDATE',
      [eventId],
    );
    if (locked.rowCount !== 1) throw new Error(`No event ${eventId}`);
    const counted = await client.query<{ going: number; waitlisted: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('GOING', 'ATTENDED'))::int AS going,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
         FROM rsvps WHERE event_id = $1`,
      [eventId],
    );
    const inserted = await client.query<RsvpAnswer['rsvp']>(
      `INSERT INTO rsvps (event_id, user_id, status, waitlist_position)
       SELECT $1, $2, ${placed.status}, ${placed.waitlistPosition}
         FROM (SELECT $3::int AS capacity, $4::int AS going_count, $5::int AS waitlist_count) e
       RETURNING status::text AS status, waitlist_position AS "waitlistPosition"`,
      [eventId, userId, locked.rows[0].capacity, counted.rows[0].going, counted.rows[0].waitlisted],
    );
    await client.query('COMMIT');
    return inserted.rows[0];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface StormCheck {
  going: number;
  waitlisted: number;
  /** Rows in any other status (none expected). */
  other: number;
  /** Waitlist positions are exactly 1..waitlisted. */
  gapless: boolean;
  /** The event row's going_count and waitlist_count equal the rows (null: not compared). */
  countersMatch: boolean | null;
  /** Answers that disagree with the stored row (status or position). */
  answersDiffering: number;
  pass: boolean;
  /** What failed, in words (empty when it passed). */
  problems: string[];
}

/**
 * Whether a storm of `people` RSVPs to an event of `capacity` seats ended as it must: exactly
 * `capacity` going, the rest waitlisted at positions 1..n without gaps, every answer as stored.
 */
export async function checkStorm(
  pool: pg.Pool,
  eventId: string,
  capacity: number,
  answers: ReadonlyMap<string, RsvpAnswer['rsvp']>,
  options: { counters: boolean },
): Promise<StormCheck> {
  const { rows } = await pool.query<{
    user_id: string;
    status: RsvpStatus;
    waitlist_position: number | null;
  }>('SELECT user_id, status, waitlist_position FROM rsvps WHERE event_id = $1', [eventId]);
  const going = rows.filter((row) => row.status === RsvpStatus.GOING).length;
  const waiting = rows.filter((row) => row.status === RsvpStatus.WAITLISTED);
  const other = rows.length - going - waiting.length;
  const positions = waiting
    .map((row) => row.waitlist_position ?? 0)
    .sort((a, b) => a - b)
    .every((position, i) => position === i + 1);
  let countersMatch: boolean | null = null;
  if (options.counters) {
    const event = await pool.query<{ going_count: number; waitlist_count: number }>(
      'SELECT going_count, waitlist_count FROM events WHERE id = $1',
      [eventId],
    );
    countersMatch =
      event.rows[0]?.going_count === going && event.rows[0]?.waitlist_count === waiting.length;
  }
  let answersDiffering = 0;
  for (const row of rows) {
    const answer = answers.get(row.user_id);
    if (answer?.status !== row.status || answer.waitlistPosition !== row.waitlist_position) {
      answersDiffering += 1;
    }
  }
  const expectedWaiting = answers.size - capacity;
  const problems = [
    going !== capacity && `${going} going, not ${capacity}`,
    waiting.length !== expectedWaiting && `${waiting.length} waitlisted, not ${expectedWaiting}`,
    other > 0 && `${other} RSVPs in another status`,
    !positions && 'waitlist positions are not 1..n',
    countersMatch === false && "the event's counters differ from its RSVPs",
    answersDiffering > 0 && `${answersDiffering} answers differ from the stored RSVP`,
  ].filter((problem): problem is string => typeof problem === 'string');
  return {
    going,
    waitlisted: waiting.length,
    other,
    gapless: positions,
    countersMatch,
    answersDiffering,
    pass: problems.length === 0,
    problems,
  };
}
