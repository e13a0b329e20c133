import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_IN, type AuthPayloadResult } from '../support/accounts.js';
import {
  aPerson,
  aPublishedEvent,
  anOrganizer,
  CANCEL_EVENT,
  createEvent,
  daysFromNow,
  rsvp,
  UPDATE_EVENT,
  type EventResult,
  type Organizer,
} from '../support/events.js';
import { onlyError } from '../support/graphql-client.js';
import { aMentor, aProfileInput, PROFILE, UPDATE_PROFILE } from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_EMAIL = 'credits-admin@preceptor.example';
const ADMIN_PASSWORD = 'an administrator passphrase for credits';

const MARK = `mutation Mark($eventId: ID!, $userIds: [ID!]!) { markAttendance(eventId: $eventId, userIds: $userIds) }`;
const MY_CREDITS = `query MyCredits($from: DateTime, $to: DateTime) {
  myCredits(from: $from, to: $to) {
    from to entriesTruncated
    totals { type hours entryCount }
    entries { id type hours accreditor activityId providerNumber provider eventId eventTitle completedAt completedOn }
  } }`;
const SET_CREDENTIALS = `mutation Set($input: CredentialsInput!) {
  setCredentials(input: $input) { licences { profession country region number } npi boardId updatedAt } }`;
const MY_CREDENTIALS = `query { myCredentials { licences { profession country region number } npi boardId } }`;

interface Ledger {
  from: string | null;
  to: string | null;
  entriesTruncated: boolean;
  totals: { type: string; hours: number; entryCount: number }[];
  entries: {
    id: string;
    type: string;
    hours: number;
    accreditor: string;
    activityId: string | null;
    providerNumber: string | null;
    provider: string;
    eventId: string;
    eventTitle: string;
    completedAt: string;
    completedOn: string;
  }[];
}

/** RFC 4180 records, parsed independently of the code under test. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

const FLORIDA = {
  profession: 'Registered Nurse',
  country: 'us',
  region: 'FL',
  number: 'RN9276543',
};

const CREDITS = [
  {
    type: 'CNE',
    hours: 1.5,
    accreditor: 'ANCC',
    activityId: 'NUR-2026-17',
    providerNumber: '50-12345',
  },
  { type: 'CME', hours: 1.75, accreditor: 'ACCME', activityId: null },
];

describe('continuing-education record', () => {
  let api: TestApp;
  let organizer: Organizer;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD });
    organizer = await anOrganizer(api.gql);
    const login = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
      input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    admin = login.logIn.accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  /** Moves an event so that it started an hour ago and ended `endedHoursAgo` ago (or ends later). */
  async function startNow(eventId: string, endsInHours = -1): Promise<void> {
    await api.sql(
      `UPDATE events SET starts_at = now() - interval '3 hours',
                         ends_at = now() + make_interval(hours => $2::int) WHERE id = $1`,
      [eventId, endsInHours],
    );
  }

  /** A published event with credits, `n` people going, then started. */
  async function aStartedEvent(
    n: number,
    overrides: Record<string, unknown> = {},
  ): Promise<{ event: EventResult; people: Organizer[] }> {
    const event = await aPublishedEvent(api.gql, organizer.token, {
      credits: CREDITS,
      ...overrides,
    });
    const people: Organizer[] = [];
    for (let i = 0; i < n; i++) {
      const person = await aPerson(api.gql, ['MENTEE']);
      expect((await rsvp(api.gql, person.token, event.id)).data?.rsvp.status).toBe('GOING');
      people.push(person);
    }
    await startNow(event.id);
    return { event, people };
  }

  function mark(token: string, eventId: string, userIds: string[]) {
    return api.gql.request<{ markAttendance: number }>(MARK, { eventId, userIds }, { token });
  }

  async function ledger(token: string, variables: Record<string, unknown> = {}): Promise<Ledger> {
    return (await api.gql.ok<{ myCredits: Ledger }>(MY_CREDITS, variables, { token })).myCredits;
  }

  function csv(token: string | undefined, query = ''): Promise<Response> {
    return fetch(`${api.url}/me/credits.csv${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  describe('markAttendance', () => {
    it('turns GOING into ATTENDED, counts the changes, keeps the seats, and records credits', async () => {
      const { event, people } = await aStartedEvent(3);
      const [a, b, c] = people;
      const ids = [a.user.id, b.user.id, a.user.id.toUpperCase()];
      const first = await mark(organizer.token, event.id, ids);
      expect(first.data?.markAttendance).toBe(2);

      const rows = await api.sql<{ user_id: string; status: string; attended_at: Date | null }>(
        'SELECT user_id, status, attended_at FROM rsvps WHERE event_id = $1 ORDER BY user_id',
        [event.id],
      );
      const byUser = new Map(rows.map((row) => [row.user_id, row]));
      expect(byUser.get(a.user.id)?.status).toBe('ATTENDED');
      expect(byUser.get(a.user.id)?.attended_at).toBeInstanceOf(Date);
      expect(byUser.get(b.user.id)?.status).toBe('ATTENDED');
      expect(byUser.get(c.user.id)?.status).toBe('GOING');
      const [counts] = await api.sql<{ going_count: number }>(
        'SELECT going_count FROM events WHERE id = $1',
        [event.id],
      );
      expect(counts.going_count).toBe(3);

      // Again, with one more: only the new one changes; nobody gets credit twice.
      expect((await mark(organizer.token, event.id, [a.user.id, c.user.id])).data).toEqual({
        markAttendance: 1,
      });
      expect((await mark(organizer.token, event.id, [a.user.id])).data).toEqual({
        markAttendance: 0,
      });
      const [entries] = await api.sql<{ n: string }>(
        'SELECT count(*) AS n FROM credit_entries WHERE event_id = $1',
        [event.id],
      );
      expect(Number(entries.n)).toBe(6);

      const record = await ledger(a.token);
      expect(record.totals).toEqual([
        { type: 'CME', hours: 1.75, entryCount: 1 },
        { type: 'CNE', hours: 1.5, entryCount: 1 },
      ]);
      const cne = record.entries.find((entry) => entry.type === 'CNE');
      const [ends] = await api.sql<{ ends_at: Date }>('SELECT ends_at FROM events WHERE id = $1', [
        event.id,
      ]);
      expect(cne).toMatchObject({
        hours: 1.5,
        accreditor: 'ANCC',
        activityId: 'NUR-2026-17',
        providerNumber: '50-12345',
        provider: organizer.user.fullName,
        eventId: event.id,
        eventTitle: event.title,
        completedAt: ends.ends_at.toISOString(),
      });
    });

    it('keeps the record as it was when the event changes later', async () => {
      const { event, people } = await aStartedEvent(1);
      await mark(organizer.token, event.id, [people[0].user.id]);
      await api.gql.ok(
        UPDATE_EVENT,
        {
          id: event.id,
          input: {
            title: 'Renamed afterwards',
            credits: [{ type: 'CE', hours: 0.5, accreditor: 'X' }],
          },
        },
        { token: organizer.token },
      );
      const record = await ledger(people[0].token);
      expect(record.entries.map((entry) => [entry.type, entry.eventTitle])).toEqual([
        ['CNE', event.title],
        ['CME', event.title],
      ]);
    });

    it('lets an admin mark attendance, and records nothing for an event without credits', async () => {
      const { event, people } = await aStartedEvent(1, { credits: [] });
      expect((await mark(admin, event.id, [people[0].user.id])).data?.markAttendance).toBe(1);
      expect((await ledger(people[0].token)).entries).toEqual([]);
    });

    it('is FORBIDDEN to anyone but the organizer or an admin, and changes nothing', async () => {
      const { event, people } = await aStartedEvent(1);
      const other = await anOrganizer(api.gql);
      for (const token of [other.token, people[0].token]) {
        expect(onlyError(await mark(token, event.id, [people[0].user.id])).extensions?.code).toBe(
          'FORBIDDEN',
        );
      }
      const anonymous = await api.gql.request(MARK, {
        eventId: event.id,
        userIds: [people[0].user.id],
      });
      expect(onlyError(anonymous).extensions?.code).toBe('UNAUTHENTICATED');
      const [row] = await api.sql<{ status: string }>(
        'SELECT status FROM rsvps WHERE event_id = $1',
        [event.id],
      );
      expect(row.status).toBe('GOING');
    });

    it('answers NOT_FOUND for a draft to others and for unknown events', async () => {
      const draft = await createEvent(api.gql, organizer.token);
      const other = await anOrganizer(api.gql);
      const person = await aPerson(api.gql);
      expect(onlyError(await mark(other.token, draft.id, [person.user.id])).extensions?.code).toBe(
        'NOT_FOUND',
      );
      const unknown = await mark(organizer.token, '00000000-0000-4000-8000-000000000000', [
        person.user.id,
      ]);
      expect(onlyError(unknown).extensions?.code).toBe('NOT_FOUND');
      const draftOwn = onlyError(await mark(organizer.token, draft.id, [person.user.id]));
      expect(draftOwn.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EVENT_NOT_PUBLISHED',
      });
    });

    it('refuses before the event starts, and for a cancelled event', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, { credits: CREDITS });
      const person = await aPerson(api.gql);
      await rsvp(api.gql, person.token, event.id);
      const early = onlyError(await mark(organizer.token, event.id, [person.user.id]));
      expect(early.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EVENT_NOT_STARTED',
        field: 'eventId',
      });
      expect(early.message).toContain('once it has started');

      await api.gql.ok(CANCEL_EVENT, { id: event.id }, { token: organizer.token });
      await startNow(event.id);
      const cancelled = onlyError(await mark(organizer.token, event.id, [person.user.id]));
      expect(cancelled.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EVENT_CANCELLED',
      });
    });

    it('refuses the whole list when someone is not going, naming them', async () => {
      const { event, people } = await aStartedEvent(2);
      const stranger = await aPerson(api.gql);
      const result = onlyError(
        await mark(organizer.token, event.id, [people[0].user.id, stranger.user.id]),
      );
      expect(result.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_GOING',
        field: 'userIds',
        notGoing: [stranger.user.id],
        notGoingCount: 1,
      });
      expect(result.message).toContain(stranger.user.id);
      const statuses = await api.sql<{ status: string }>(
        'SELECT status FROM rsvps WHERE event_id = $1',
        [event.id],
      );
      expect(statuses.map((row) => row.status)).toEqual(['GOING', 'GOING']);
      const [entries] = await api.sql<{ n: string }>(
        'SELECT count(*) AS n FROM credit_entries WHERE event_id = $1',
        [event.id],
      );
      expect(Number(entries.n)).toBe(0);
    });

    it('refuses bad id lists with BAD_USER_INPUT naming the field', async () => {
      const { event, people } = await aStartedEvent(1);
      const notIds = onlyError(await mark(organizer.token, event.id, [people[0].user.id, 'bob']));
      expect(notIds.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userIds[1]' });
      const empty = onlyError(await mark(organizer.token, event.id, []));
      expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userIds' });
      const tooMany = Array.from(
        { length: 1001 },
        (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      );
      const over = onlyError(await mark(organizer.token, event.id, tooMany));
      expect(over.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userIds' });
      expect(over.message).toContain('at most 1000');
      const badEvent = onlyError(await mark(organizer.token, 'not-an-id', [people[0].user.id]));
      expect(badEvent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
    });
  });

  describe('myCredits', () => {
    it('totals by type within [from, to) and refuses a backwards range', async () => {
      const { event, people } = await aStartedEvent(1);
      await mark(organizer.token, event.id, [people[0].user.id]);
      const token = people[0].token;
      const [row] = await api.sql<{ ends_at: Date }>('SELECT ends_at FROM events WHERE id = $1', [
        event.id,
      ]);
      const end = row.ends_at.getTime();
      const inside = await ledger(token, {
        from: new Date(end).toISOString(),
        to: new Date(end + 1).toISOString(),
      });
      expect(inside.totals.map((total) => total.type)).toEqual(['CME', 'CNE']);
      expect(inside.from).toBe(new Date(end).toISOString());
      const before = await ledger(token, { to: new Date(end).toISOString() });
      expect(before.totals).toEqual([]);
      expect(before.entries).toEqual([]);

      const backwards = onlyError(
        await api.gql.request(
          MY_CREDITS,
          { from: daysFromNow(1).toISOString(), to: daysFromNow(-1).toISOString() },
          { token },
        ),
      );
      expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      expect(onlyError(await api.gql.request(MY_CREDITS, {})).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('shows each person only their own record', async () => {
      const { event, people } = await aStartedEvent(2);
      await mark(organizer.token, event.id, [people[0].user.id]);
      expect((await ledger(people[0].token)).entries).toHaveLength(2);
      expect((await ledger(people[1].token)).entries).toEqual([]);
    });
  });

  describe('credentials', () => {
    it('are set and read by their owner only, and never shown with a profile', async () => {
      const nurse = await aMentor(api.gql);
      const set = await api.gql.ok<{ setCredentials: Record<string, unknown> }>(
        SET_CREDENTIALS,
        {
          input: {
            licences: [
              FLORIDA,
              { profession: 'Registered Nurse', country: 'US', region: 'US-GA', number: 'RN123' },
            ],
            npi: '1245319599',
            boardId: 'ANCC-998877',
          },
        },
        { token: nurse.token },
      );
      expect(set.setCredentials).toMatchObject({
        licences: [
          { profession: 'Registered Nurse', country: 'US', region: 'US-FL', number: 'RN9276543' },
          { region: 'US-GA', number: 'RN123' },
        ],
        npi: '1245319599',
        boardId: 'ANCC-998877',
      });
      const mine = await api.gql.ok<{ myCredentials: { npi: string } }>(
        MY_CREDENTIALS,
        {},
        {
          token: nurse.token,
        },
      );
      expect(mine.myCredentials.npi).toBe('1245319599');

      const other = await aPerson(api.gql);
      const theirs = await api.gql.ok<{ myCredentials: unknown }>(
        MY_CREDENTIALS,
        {},
        {
          token: other.token,
        },
      );
      expect(theirs.myCredentials).toEqual({ licences: [], npi: null, boardId: null });

      // Nothing on a profile leads to them: not profile(userId), not mentors.
      const viewed = await api.gql.request(
        PROFILE,
        { userId: nurse.user.id },
        { token: other.token },
      );
      expect(viewed.errors).toBeUndefined();
      const listed = await api.gql.request(
        'query { mentors(first: 50) { edges { node { userId contact { email } } } } }',
        {},
        { token: other.token },
      );
      expect(listed.errors).toBeUndefined();
      for (const body of [viewed, listed]) {
        const text = JSON.stringify(body.data);
        expect(text).not.toContain('RN9276543');
        expect(text).not.toContain('1245319599');
      }
      const asked = await api.gql.request(
        'query P($userId: ID!) { profile(userId: $userId) { userId credentials { npi } } }',
        { userId: nurse.user.id },
        { token: other.token },
      );
      expect(onlyError(asked).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(onlyError(await api.gql.request(MY_CREDENTIALS)).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('refuses bad values naming the field, and keeps what was there', async () => {
      const person = await aPerson(api.gql);
      const token = person.token;
      await api.gql.ok(SET_CREDENTIALS, { input: { licences: [FLORIDA] } }, { token });
      const cases: [Record<string, unknown>, string][] = [
        [{ licences: [], npi: '1234567890' }, 'npi'],
        [{ licences: [], npi: '12345' }, 'npi'],
        [{ licences: [{ ...FLORIDA, country: 'XX' }] }, 'licences[0].country'],
        [{ licences: [{ ...FLORIDA, region: 'ON' }] }, 'licences[0].region'],
        [{ licences: [{ ...FLORIDA, number: ' ' }] }, 'licences[0].number'],
        [{ licences: [{ ...FLORIDA, profession: 'x'.repeat(81) }] }, 'licences[0].profession'],
        [{ licences: [FLORIDA, { ...FLORIDA, number: 'rn9276543' }] }, 'licences[1].number'],
        [
          { licences: Array.from({ length: 21 }, (_, n) => ({ ...FLORIDA, number: `RN${n}` })) },
          'licences',
        ],
      ];
      for (const [input, field] of cases) {
        const error = onlyError(await api.gql.request(SET_CREDENTIALS, { input }, { token }));
        // Class-validator names list items "licences.0.country", the rules "licences[1].number".
        const named = String(error.extensions?.field).replace(/\.(\d+)/g, '[$1]');
        expect({ field, code: error.extensions?.code, named }).toEqual({
          field,
          code: 'BAD_USER_INPUT',
          named: field,
        });
      }
      const kept = await api.gql.ok<{ myCredentials: { licences: unknown[] } }>(
        MY_CREDENTIALS,
        {},
        {
          token,
        },
      );
      expect(kept.myCredentials.licences).toHaveLength(1);
      // A profile is not needed, and updating one leaves the credentials alone.
      await api.gql.ok(UPDATE_PROFILE, { input: aProfileInput() }, { token });
      const after = await api.gql.ok<{ myCredentials: { licences: unknown[] } }>(
        MY_CREDENTIALS,
        {},
        {
          token,
        },
      );
      expect(after.myCredentials.licences).toHaveLength(1);
    });
  });

  describe('GET /me/credits.csv', () => {
    it('exports one row per entry and licence with the documented columns', async () => {
      const { event, people } = await aStartedEvent(1, {
        title: '=HYPERLINK("http://evil.example") sepsis, "golden" hour',
        // 19:00–21:00 in Chicago: ends on the next day in UTC.
        timeZone: 'America/Chicago',
      });
      const nurse = people[0];
      await api.sql(
        `UPDATE events SET starts_at = '2026-03-11T00:00:00Z', ends_at = '2026-03-11T02:00:00Z' WHERE id = $1`,
        [event.id],
      );
      await mark(organizer.token, event.id, [nurse.user.id]);
      await api.gql.ok(
        SET_CREDENTIALS,
        {
          input: {
            licences: [
              FLORIDA,
              { profession: 'Registered Nurse', country: 'US', region: 'GA', number: 'RN123' },
            ],
            npi: '1245319599',
          },
        },
        { token: nurse.token },
      );

      const response = await csv(nurse.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('credits.csv');
      const records = parseCsv(await response.text());
      expect(records[0]).toEqual([
        'Provider Number',
        'Provider Name',
        'Course Number',
        'Course Title',
        'Completion Date',
        'Hours',
        'Credit Type',
        'Accreditor',
        'License Number',
        'State',
        'Profession',
        'NPI',
        'Board ID',
      ]);
      expect(records.slice(1)).toEqual([
        [
          '50-12345',
          organizer.user.fullName,
          'NUR-2026-17',
          `'${event.title}`,
          '03/10/2026',
          '1.5',
          'CNE',
          'ANCC',
          'RN9276543',
          'FL',
          'Registered Nurse',
          '1245319599',
          '',
        ],
        [
          '50-12345',
          organizer.user.fullName,
          'NUR-2026-17',
          `'${event.title}`,
          '03/10/2026',
          '1.5',
          'CNE',
          'ANCC',
          'RN123',
          'GA',
          'Registered Nurse',
          '1245319599',
          '',
        ],
        [
          '',
          organizer.user.fullName,
          '',
          `'${event.title}`,
          '03/10/2026',
          '1.75',
          'CME',
          'ACCME',
          'RN9276543',
          'FL',
          'Registered Nurse',
          '1245319599',
          '',
        ],
        [
          '',
          organizer.user.fullName,
          '',
          `'${event.title}`,
          '03/10/2026',
          '1.75',
          'CME',
          'ACCME',
          'RN123',
          'GA',
          'Registered Nurse',
          '1245319599',
          '',
        ],
      ]);

      const later = parseCsv(await (await csv(nurse.token, '?from=2026-03-12T00:00:00Z')).text());
      expect(later).toHaveLength(1);
      const inRange = parseCsv(
        await (await csv(nurse.token, '?from=2026-03-11T00:00:00Z&to=2026-03-12T00:00:00Z')).text(),
      );
      expect(inRange).toHaveLength(5);
    });

    it('answers 401 with a JSON error without a valid token, and 400 for bad dates', async () => {
      for (const token of [undefined, 'not-a-token']) {
        const response = await csv(token);
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/json');
        const body = (await response.json()) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(body.errors[0].message.length).toBeGreaterThan(10);
      }
      const person = await aPerson(api.gql);
      const bad = await csv(person.token, '?from=yesterday');
      expect(bad.status).toBe(400);
      expect(
        ((await bad.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions
          .field,
      ).toBe('from');
      const backwards = await csv(
        person.token,
        '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      );
      expect(backwards.status).toBe(400);
      expect(
        ((await backwards.json()) as { errors: { extensions: { field: string; code: string } }[] })
          .errors[0].extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      // Someone without entries gets the header only.
      const empty = await csv(person.token);
      expect(empty.status).toBe(200);
      expect(parseCsv(await empty.text())).toHaveLength(1);
    });
  });
});
