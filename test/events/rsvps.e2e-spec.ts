import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_IN, type AuthPayloadResult } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import {
  aPerson,
  aPublishedEvent,
  anOrganizer,
  CANCEL_EVENT,
  cancelRsvp,
  createEvent,
  EVENT,
  MY_RSVPS,
  rsvp,
  UPDATE_EVENT,
  type EventResult,
  type Organizer,
  type RsvpResult,
} from '../support/events.js';
import { openTransaction } from '../support/locks.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_EMAIL = 'rsvp-admin@preceptor.example';
const ADMIN_PASSWORD = 'an administrator passphrase for rsvps';

interface RsvpRow {
  user_id: string;
  status: string;
  waitlist_position: number | null;
  promoted_at: Date | null;
}

describe('RSVPs', () => {
  let api: TestApp;
  let organizer: Organizer;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp({
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      // Bursts of 50 wait for the test's 5 pooled connections, and RSVPs wait for row locks the
      // tests hold: on a busy machine either can outlast the defaults. Overbooking, not latency,
      // is what this file checks (statement-timeout.e2e-spec.ts checks the timeout).
      DATABASE_POOL_TIMEOUT_MS: '60000',
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
    });
    organizer = await anOrganizer(api.gql);
    const login = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
      input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    admin = login.logIn.accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  /** `n` new people, signed up as many at a time as the test's pool has connections. */
  async function people(n: number): Promise<Organizer[]> {
    const all: Organizer[] = [];
    while (all.length < n) {
      const batch = Math.min(5, n - all.length);
      all.push(...(await Promise.all(Array.from({ length: batch }, () => aPerson(api.gql)))));
    }
    return all;
  }

  const going = async (token: string, eventId: string): Promise<RsvpResult> => {
    const result = await rsvp(api.gql, token, eventId);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.rsvp;
  };
  const look = async (id: string, token?: string) =>
    (await api.gql.ok<{ event: EventResult | null }>(EVENT, { id }, { token })).event!;
  const rows = (eventId: string) =>
    api.sql<RsvpRow>(
      `SELECT user_id, status, waitlist_position, promoted_at FROM rsvps WHERE event_id = $1`,
      [eventId],
    );
  /** The counts stored on the event next to the counts of its RSVP rows. */
  async function counts(eventId: string) {
    const [row] = await api.sql<{
      going_count: number;
      waitlist_count: number;
      going: number;
      waiting: number;
      positions: number[] | null;
    }>(
      `SELECT e.going_count, e.waitlist_count,
              count(*) FILTER (WHERE r.status IN ('GOING', 'ATTENDED'))::int AS going,
              count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waiting,
              array_agg(r.waitlist_position ORDER BY r.waitlist_position)
                FILTER (WHERE r.status = 'WAITLISTED') AS positions
         FROM events e LEFT JOIN rsvps r ON r.event_id = e.id
        WHERE e.id = $1 GROUP BY e.id`,
      [eventId],
    );
    return row;
  }
  const positionOf = (rows: RsvpRow[], userId: string) =>
    rows.find((row) => row.user_id === userId)!;

  it('needs a signed-in caller', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token);
    const error = onlyError(
      await api.gql.request(`mutation { rsvp(eventId: "${event.id}") { id } }`),
    );
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives a seat, and the same RSVP again however often it is asked for', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 2 });
    const [person] = await people(1);
    const first = await going(person.token, event.id);
    expect(first).toMatchObject({
      eventId: event.id,
      status: 'GOING',
      waitlistPosition: null,
      promotedAt: null,
      event: { goingCount: 1, waitlistCount: 0 },
    });
    const again = await Promise.all(Array.from({ length: 5 }, () => going(person.token, event.id)));
    expect(new Set(again.map((r) => r.id))).toEqual(new Set([first.id]));
    expect(await counts(event.id)).toMatchObject({ going_count: 1, going: 1, waiting: 0 });
    expect((await look(event.id, person.token)).myRsvp).toMatchObject({
      id: first.id,
      status: 'GOING',
    });
  });

  it('gives one RSVP to one person asking several times at once, before any is saved', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 3 });
    const [person] = await people(1);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => going(person.token, event.id)),
    );
    expect(new Set(answers.map((r) => r.id)).size).toBe(1);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 'GOING'));
    expect(await counts(event.id)).toMatchObject({ going_count: 1, going: 1, waiting: 0 });
  });

  it('waitlists past capacity, promotes the first waiting when a seat is given back, and closes gaps', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 2 });
    const [a, b, c, d, e] = await people(5);
    for (const person of [a, b, c, d, e]) await going(person.token, event.id);
    expect((await going(c.token, event.id)).waitlistPosition).toBe(1);
    expect((await going(e.token, event.id)).waitlistPosition).toBe(3);

    // d (position 2) leaves the waitlist: e moves up to 2.
    const left = (await cancelRsvp(api.gql, d.token, event.id)).data!.cancelRsvp;
    expect(left).toMatchObject({ status: 'CANCELLED', waitlistPosition: null });
    expect(left.cancelledAt).not.toBeNull();
    expect((await look(event.id, e.token)).myRsvp).toMatchObject({ waitlistPosition: 2 });

    // a gives the seat back: c (position 1) takes it, e moves up to 1.
    const gone = (await cancelRsvp(api.gql, a.token, event.id)).data!.cancelRsvp;
    expect(gone.event).toMatchObject({ goingCount: 2, waitlistCount: 1 });
    const promoted = (await look(event.id, c.token)).myRsvp!;
    expect(promoted).toMatchObject({ status: 'GOING', waitlistPosition: null });
    expect(promoted.promotedAt).not.toBeNull();
    expect((await look(event.id, e.token)).myRsvp).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect(await counts(event.id)).toEqual({
      going_count: 2,
      waitlist_count: 1,
      going: 2,
      waiting: 1,
      positions: [1],
    });

    // Cancelling again changes nothing; an RSVP after cancelling is the same one, placed anew.
    expect((await cancelRsvp(api.gql, a.token, event.id)).data!.cancelRsvp).toMatchObject({
      id: gone.id,
      status: 'CANCELLED',
    });
    const back = await going(a.token, event.id);
    expect(back).toMatchObject({ id: gone.id, status: 'WAITLISTED', waitlistPosition: 2 });
  });

  it('cancels nothing for someone without an RSVP', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token);
    const [person] = await people(1);
    const error = onlyError(await cancelRsvp(api.gql, person.token, event.id));
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'RSVP_NOT_FOUND' });
  });

  describe('refuses RSVPs', () => {
    it('to a draft: a reason for its organizer, not found for anyone else', async () => {
      const draft = await createEvent(api.gql, organizer.token);
      const own = onlyError(await rsvp(api.gql, organizer.token, draft.id));
      expect(own.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EVENT_NOT_PUBLISHED',
      });
      const [stranger] = await people(1);
      const other = onlyError(await rsvp(api.gql, stranger.token, draft.id));
      expect(other.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND' });
    });

    it('to a cancelled event', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      await api.gql.ok(CANCEL_EVENT, { id: event.id }, { token: organizer.token });
      const [person] = await people(1);
      const error = onlyError(await rsvp(api.gql, person.token, event.id));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EVENT_CANCELLED' });
      expect(error.message).toContain('cancelled');
    });

    it('to an event that has started, and cancellations once it has', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      const [early, late] = await people(2);
      await going(early.token, event.id);
      await api.sql(
        `UPDATE events SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
        [event.id],
      );
      const refused = onlyError(await rsvp(api.gql, late.token, event.id));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EVENT_STARTED',
      });
      expect(refused.message).toMatch(/started at .*no RSVPs/);
      // Whoever is going keeps their RSVP, and can see it.
      expect((await going(early.token, event.id)).status).toBe('GOING');
      const late2 = onlyError(await cancelRsvp(api.gql, early.token, event.id));
      expect(late2.extensions).toMatchObject({ reason: 'EVENT_STARTED' });
    });

    it('written while the event was cancelled: each re-reads it rather than take a seat', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 5 });
      const crowd = await people(4);
      // The test holds the event's row lock, as an organizer's change does while it runs; the
      // RSVPs read the event as published, then wait for the lock to place themselves.
      const change = await openTransaction(api.databaseUrl);
      try {
        await change.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [event.id]);
        const answers = Promise.all(crowd.map((person) => rsvp(api.gql, person.token, event.id)));
        await eventually(async () => {
          const [row] = await api.sql<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return row?.waiting === crowd.length;
        });
        // The row as cancelEvent leaves it (no RSVPs yet to cancel).
        await change.query(
          `UPDATE events SET status = 'CANCELLED', cancelled_at = now(), sequence = sequence + 1
            WHERE id = $1`,
          [event.id],
        );
        await change.query('COMMIT');
        for (const answer of await answers) {
          expect(onlyError(answer).extensions).toMatchObject({ reason: 'EVENT_CANCELLED' });
        }
      } finally {
        await change.end();
      }
      expect(await rows(event.id)).toEqual([]);
      expect(await counts(event.id)).toMatchObject({ going_count: 0, waitlist_count: 0 });
    });
    it('from an event changed between every read and write: busy after five tries, nothing written', async () => {
      // Each change bumps the event's sequence and holds its row lock while the RSVP, which read
      // the sequence before, waits; the next change queues behind the RSVP, so it takes the lock
      // as soon as the RSVP has found the event changed and let go. PostgreSQL does not promise
      // that order: the woken change must still run, and on a starved machine the RSVP's next
      // read and write can get to the event's new row version first and write it, unchanged
      // since read, which is right. Such a run proves nothing either way: it is run again, on a
      // new event, and the test fails only if that happens every time.
      const premiseBroken: string[] = [];
      for (let run = 1; run <= 3; run += 1) {
        const outcome = await expectBusyWhenChangedAtEveryTry();
        if (outcome.answeredEarly === undefined) return;
        premiseBroken.push(outcome.answeredEarly);
      }
      throw new Error(
        `In each of three runs the RSVP answered before its fifth try:\n${premiseBroken.join('\n')}`,
      );
    });

    /**
     * Five changes, each between the RSVP's read and its write; the RSVP gives up as busy and
     * writes nothing. `answeredEarly` when the RSVP took a seat between two changes.
     */
    async function expectBusyWhenChangedAtEveryTry(): Promise<{ answeredEarly?: string }> {
      const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 5 });
      const [person] = await people(1);
      let answered: string | undefined;
      const early = new Error('answered early');
      const waiting = async (count: number) =>
        eventually(async () => {
          if (answered) throw early;
          const [row] = await api.sql<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return row?.waiting === count;
        });
      const change = async () => {
        const tx = await openTransaction(api.databaseUrl);
        const bumped = tx.query('UPDATE events SET sequence = sequence + 1 WHERE id = $1', [
          event.id,
        ]);
        return { tx, bumped };
      };
      let current = await change();
      await current.bumped;
      const answer = rsvp(api.gql, person.token, event.id);
      void answer.then((result) => (answered = JSON.stringify(result)));
      const pending: (typeof current)[] = [current];
      let cutShort = false;
      try {
        for (let attempt = 1; attempt <= 5; attempt += 1) {
          await waiting(1);
          const next = attempt < 5 ? await change() : undefined;
          if (next) {
            pending.push(next);
            await waiting(2);
          }
          await current.tx.query('COMMIT');
          await current.tx.end();
          if (!next) break;
          await next.bumped;
          current = next;
        }
      } catch (error) {
        if (error !== early) throw error;
        cutShort = true;
      } finally {
        await Promise.all(pending.map(({ tx }) => tx.end()));
      }
      const result = await answer;
      // Only a seat taken between two changes breaks the premise; an early error is a failure.
      if (cutShort && result.data?.rsvp) return { answeredEarly: answered };
      const error = onlyError(result);
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(error.message).toContain('try again');
      expect(await rows(event.id)).toEqual([]);
      // Once the event stays still, the same RSVP goes through.
      expect((await going(person.token, event.id)).status).toBe('GOING');
      return {};
    }
  });

  describe('capacity', () => {
    const setCapacity = (id: string, capacity: number | null, token = organizer.token) =>
      api.gql.request<{ updateEvent: EventResult }>(
        UPDATE_EVENT,
        { id, input: { capacity } },
        { token },
      );

    it('cannot go below the number going, and says so', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 3 });
      for (const person of await people(4)) await going(person.token, event.id);
      const error = onlyError(await setCapacity(event.id, 2));
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CAPACITY_BELOW_GOING',
        field: 'capacity',
        going: 3,
      });
      expect(error.message).toBe(
        'capacity: 3 people are going, so the capacity cannot be lowered to 2; it can be 3 or more.',
      );
      expect(await look(event.id)).toMatchObject({ capacity: 3, goingCount: 3, waitlistCount: 1 });
      expect((await setCapacity(event.id, 3)).errors).toBeUndefined();
    });

    it('raised, promotes from the waitlist in order; lifted, promotes everyone', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 2 });
      const crowd = await people(7);
      for (const person of crowd) await going(person.token, event.id);
      const raised = (await setCapacity(event.id, 4)).data!.updateEvent;
      expect(raised).toMatchObject({ capacity: 4, goingCount: 4, waitlistCount: 3, spotsLeft: 0 });
      const after = await rows(event.id);
      expect(crowd.map((p) => positionOf(after, p.user.id).waitlist_position)).toEqual([
        null,
        null,
        null,
        null,
        1,
        2,
        3,
      ]);
      expect(positionOf(after, crowd[2].user.id).promoted_at).not.toBeNull();
      expect(positionOf(after, crowd[0].user.id).promoted_at).toBeNull();

      const lifted = (await setCapacity(event.id, null)).data!.updateEvent;
      expect(lifted).toMatchObject({ capacity: null, goingCount: 7, waitlistCount: 0 });
      expect(await counts(event.id)).toMatchObject({ going: 7, waiting: 0, positions: null });
    });
  });

  it('cancelling the event cancels every RSVP', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 2 });
    const crowd = await people(4);
    for (const person of crowd) await going(person.token, event.id);
    const cancelled = (
      await api.gql.ok<{ cancelEvent: EventResult }>(
        CANCEL_EVENT,
        { id: event.id, reason: 'Storm warning' },
        { token: organizer.token },
      )
    ).cancelEvent;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', goingCount: 0, waitlistCount: 0 });
    const after = await rows(event.id);
    expect(after.map((row) => [row.status, row.waitlist_position])).toEqual(
      crowd.map(() => ['CANCELLED', null]),
    );
    expect((await look(event.id, crowd[3].token)).myRsvp?.status).toBe('CANCELLED');
  });

  it('shows the join link to the organizer, admins and people going only', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 1 });
    const [seated, waiting, bystander] = await people(3);
    await going(seated.token, event.id);
    await going(waiting.token, event.id);
    const link = event.joinUrl;
    expect(link).toMatch(/^https:/);
    const seen = async (token?: string) => (await look(event.id, token)).joinUrl;
    expect(await seen(organizer.token)).toBe(link);
    expect(await seen(admin)).toBe(link);
    expect(await seen(seated.token)).toBe(link);
    expect(await seen(waiting.token)).toBeNull();
    expect(await seen(bystander.token)).toBeNull();
    expect(await seen()).toBeNull();
    // Promoted: the link comes with the seat; cancelled: it goes.
    await cancelRsvp(api.gql, seated.token, event.id);
    expect(await seen(waiting.token)).toBe(link);
    expect(await seen(seated.token)).toBeNull();
  });

  it('lists your RSVPs by the event’s start, and only yours', async () => {
    const [me, other] = await people(2);
    const later = await aPublishedEvent(api.gql, organizer.token, {
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 20 * 86_400_000 + 3_600_000).toISOString(),
    });
    const sooner = await aPublishedEvent(api.gql, organizer.token, {
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(),
    });
    const third = await aPublishedEvent(api.gql, organizer.token);
    for (const event of [later, sooner, third]) await going(me.token, event.id);
    await going(other.token, third.id);
    await cancelRsvp(api.gql, me.token, third.id);

    type Page = {
      myRsvps: {
        edges: { node: RsvpResult }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    };
    const first = await api.gql.ok<Page>(MY_RSVPS, { first: 2 }, { token: me.token });
    expect(first.myRsvps.totalCount).toBe(3);
    expect(first.myRsvps.edges.map((edge) => edge.node.eventId)).toEqual([sooner.id, third.id]);
    expect(first.myRsvps.edges[1].node.status).toBe('CANCELLED');
    expect(first.myRsvps.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql.ok<Page>(
      MY_RSVPS,
      { first: 2, after: first.myRsvps.pageInfo.endCursor },
      { token: me.token },
    );
    expect(second.myRsvps.edges.map((edge) => edge.node.eventId)).toEqual([later.id]);
    expect(second.myRsvps.pageInfo.hasNextPage).toBe(false);
    const anonymous = onlyError(await api.gql.request(MY_RSVPS, {}));
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never overbooks: 50 concurrent RSVPs for 10 seats, then 3 concurrent cancellations', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 10 });
    const crowd = await people(50);
    const answers = await Promise.all(crowd.map((person) => rsvp(api.gql, person.token, event.id)));
    expect(answers.map((answer) => answer.errors)).toEqual(crowd.map(() => undefined));
    const placed = answers.map((answer) => answer.data!.rsvp);
    expect(placed.filter((r) => r.status === 'GOING')).toHaveLength(10);
    const waiting = placed.filter((r) => r.status === 'WAITLISTED');
    expect(waiting.map((r) => r.waitlistPosition).sort((x, y) => x! - y!)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(await counts(event.id)).toEqual({
      going_count: 10,
      waitlist_count: 40,
      going: 10,
      waiting: 40,
      positions: Array.from({ length: 40 }, (_, i) => i + 1),
    });
    expect(await look(event.id)).toMatchObject({ goingCount: 10, waitlistCount: 40, spotsLeft: 0 });

    const before = await rows(event.id);
    const positionBefore = new Map(before.map((row) => [row.user_id, row.waitlist_position]));
    const seated = crowd.filter((p) => positionBefore.get(p.user.id) === null).slice(0, 3);
    const cancellations = await Promise.all(
      seated.map((person) => cancelRsvp(api.gql, person.token, event.id)),
    );
    expect(cancellations.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined]);

    const after = await rows(event.id);
    const byUser = new Map(after.map((row) => [row.user_id, row]));
    const firstThree = [1, 2, 3].map(
      (position) => before.find((row) => row.waitlist_position === position)!.user_id,
    );
    const promoted = firstThree.map((userId) => byUser.get(userId)!);
    expect(promoted.map((row) => row.status)).toEqual(['GOING', 'GOING', 'GOING']);
    const times = promoted.map((row) => row.promoted_at!.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    for (const row of before.filter(
      (r) => r.waitlist_position !== null && r.waitlist_position > 3,
    )) {
      expect(byUser.get(row.user_id)!.waitlist_position).toBe(row.waitlist_position! - 3);
    }
    expect(await counts(event.id)).toEqual({
      going_count: 10,
      waitlist_count: 37,
      going: 10,
      waiting: 37,
      positions: Array.from({ length: 37 }, (_, i) => i + 1),
    });
  });
  it('keeps seats and the waitlist exact when seated and waitlisted people cancel at once', async () => {
    // Each cancellation moves other people's rows (promotions, closing gaps) while the next
    // one waits for the event's lock: what it then reads of its own row must be current.
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 4 });
    const crowd = await people(14);
    for (const person of crowd) await going(person.token, event.id);
    const placed = new Map((await rows(event.id)).map((row) => [row.user_id, row]));
    const seated = crowd.filter((p) => placed.get(p.user.id)!.status === 'GOING');
    const waiting = crowd.filter((p) => placed.get(p.user.id)!.status === 'WAITLISTED');
    const leaving = [
      ...seated.slice(0, 3),
      ...waiting.filter((p) => [2, 3, 5, 8].includes(placed.get(p.user.id)!.waitlist_position!)),
    ];
    const answers = await Promise.all(
      leaving.map((person) => cancelRsvp(api.gql, person.token, event.id)),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(leaving.map(() => undefined));
    // 10 were waiting: 4 left and 3 took the freed seats, in order, leaving 3 at 1..3.
    expect(await counts(event.id)).toEqual({
      going_count: 4,
      waitlist_count: 3,
      going: 4,
      waiting: 3,
      positions: [1, 2, 3],
    });
    const after = new Map((await rows(event.id)).map((row) => [row.user_id, row]));
    const stayedWaiting = waiting
      .filter((p) => !leaving.includes(p))
      .sort(
        (x, y) =>
          placed.get(x.user.id)!.waitlist_position! - placed.get(y.user.id)!.waitlist_position!,
      );
    expect(stayedWaiting.map((p) => after.get(p.user.id)!.status)).toEqual([
      'GOING',
      'GOING',
      'GOING',
      'WAITLISTED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
    expect(stayedWaiting.slice(3).map((p) => after.get(p.user.id)!.waitlist_position)).toEqual([
      1, 2, 3,
    ]);
  });

  it('answers without the event when it is not asked for, placing people exactly as with it', async () => {
    const event = await aPublishedEvent(api.gql, organizer.token, { capacity: 5 });
    const crowd = await people(15);
    const bare = `mutation($eventId: ID!) { rsvp(eventId: $eventId) { id status waitlistPosition } }`;
    const answers = await Promise.all(
      crowd.map((person) =>
        api.gql.ok<{ rsvp: { id: string; status: string; waitlistPosition: number | null } }>(
          bare,
          { eventId: event.id },
          { token: person.token },
        ),
      ),
    );
    const placed = answers.map((answer) => answer.rsvp);
    expect(placed.filter((r) => r.status === 'GOING')).toHaveLength(5);
    expect(
      placed
        .filter((r) => r.status === 'WAITLISTED')
        .map((r) => r.waitlistPosition)
        .sort((x, y) => x! - y!),
    ).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const stored = new Map((await rows(event.id)).map((row) => [row.user_id, row]));
    crowd.forEach((person, i) => {
      expect(stored.get(person.user.id)).toMatchObject({
        status: placed[i].status,
        waitlist_position: placed[i].waitlistPosition,
      });
    });
    // Asking again returns the same RSVP; giving a seat back promotes the first waiting.
    const seated = crowd[placed.findIndex((r) => r.status === 'GOING')];
    const again = await api.gql.ok<{ rsvp: { id: string } }>(
      bare,
      { eventId: event.id },
      { token: seated.token },
    );
    expect(again.rsvp.id).toBe(placed[crowd.indexOf(seated)].id);
    const cancelled = await api.gql.ok<{ cancelRsvp: { status: string } }>(
      `mutation($eventId: ID!) { cancelRsvp(eventId: $eventId) { status } }`,
      { eventId: event.id },
      { token: seated.token },
    );
    expect(cancelled.cancelRsvp.status).toBe('CANCELLED');
    expect(await counts(event.id)).toEqual({
      going_count: 5,
      waitlist_count: 9,
      going: 5,
      waiting: 9,
      positions: Array.from({ length: 9 }, (_, i) => i + 1),
    });
  });
});
