import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import {
  aPerson,
  aPublishedEvent,
  anOrganizer,
  CANCEL_EVENT,
  createEvent,
  rsvp,
  UPDATE_EVENT,
  type Organizer,
} from '../support/events.js';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE_FEED = 'mutation { createCalendarFeed { url } }';
const REVOKE_FEED = 'mutation { revokeCalendarFeed }';
const JOIN_URL = 'https://meet.example.org/grand-rounds/secret-room';

/** 09:00 in Chicago on 2027-03-14, the day US daylight saving time starts: 14:00Z (CDT). */
const DST_DAY = {
  startsAt: '2027-03-14T14:00:00.000Z',
  endsAt: '2027-03-14T16:00:00.000Z',
  timeZone: 'America/Chicago',
  format: 'HYBRID',
  joinUrl: JOIN_URL,
  venue: {
    name: 'Rush University Medical Center',
    address: '600 S Paulina St',
    city: 'Chicago',
    region: 'IL',
    country: 'us',
  },
};

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: Date;
  end: Date;
  startTzid: string | null;
  location: string | null;
  url: string | null;
  description: string;
}

interface ParsedCalendar {
  timeZones: string[];
  events: ParsedEvent[];
}

/**
 * Parses a file with ical.js (not the library that wrote it), resolving TZIDs through the
 * VTIMEZONE blocks in the file itself.
 */
function parse(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  try {
    return {
      timeZones: zones.map((zone) => String(zone.getFirstPropertyValue('tzid'))),
      events: calendar.getAllSubcomponents('vevent').map((vevent) => {
        const event = new ICAL.Event(vevent);
        return {
          uid: event.uid,
          sequence: event.sequence,
          status: String(vevent.getFirstPropertyValue('status')),
          start: event.startDate.toJSDate(),
          end: event.endDate.toJSDate(),
          startTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | null,
          location: event.location,
          url: vevent.getFirstPropertyValue('url') as string | null,
          description: event.description,
        };
      }),
    };
  } finally {
    for (const zone of zones)
      ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
  }
}

describe('calendars (.ics)', () => {
  let api: TestApp;
  let organizer: Organizer;

  beforeAll(async () => {
    api = await startTestApp();
    organizer = await anOrganizer(api.gql);
  });
  afterAll(async () => {
    await api.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${api.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  const getUrl = async (url: string) => get(new URL(url).pathname);

  describe('GET /events/:id.ics', () => {
    it('lands 09:00 Chicago on the day DST starts at 14:00Z, with TZID and VTIMEZONE', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const file = await get(`/events/${event.id}.ics`);
      expect(file.status).toBe(200);
      expect(file.type).toMatch(/^text\/calendar/);
      const parsed = parse(file.body);
      expect(parsed.timeZones).toEqual(['America/Chicago']);
      expect(parsed.events).toHaveLength(1);
      const [only] = parsed.events;
      expect(only.startTzid).toBe('America/Chicago');
      expect(file.body).toContain('DTSTART;TZID=America/Chicago:20270314T090000');
      expect(only.start.toISOString()).toBe('2027-03-14T14:00:00.000Z');
      expect(only.end.toISOString()).toBe('2027-03-14T16:00:00.000Z');
      expect(only.uid).toBe(`${event.id}@preceptor`);
      expect(only.status).toBe('CONFIRMED');
      expect(only.location).toBe(
        'Rush University Medical Center, 600 S Paulina St, Chicago, US-IL, US',
      );
      expect(only.url).toBe(`${api.url}/events/${event.id}.ics`);
    });

    it('never shows the join link', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const file = await get(`/events/${event.id}.ics`);
      expect(file.status).toBe(200);
      expect(file.body).not.toContain('secret-room');
      expect(file.body).not.toContain('meet.example.org');
    });

    it('keeps the UID through an update while SEQUENCE grows', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const before = parse((await get(`/events/${event.id}.ics`)).body).events[0];
      await api.gql.ok(
        UPDATE_EVENT,
        {
          id: event.id,
          input: {
            title: 'Pediatric sepsis, moved an hour later',
            startsAt: '2027-03-14T15:00:00.000Z',
            endsAt: '2027-03-14T17:00:00.000Z',
          },
        },
        { token: organizer.token },
      );
      const after = parse((await get(`/events/${event.id}.ics`)).body).events[0];
      expect(after.uid).toBe(before.uid);
      expect(after.sequence).toBeGreaterThan(before.sequence);
      expect(after.start.toISOString()).toBe('2027-03-14T15:00:00.000Z');
    });

    it('shows a cancelled event as STATUS:CANCELLED', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      await api.gql.ok(CANCEL_EVENT, { id: event.id, reason: 'Snow' }, { token: organizer.token });
      const file = await get(`/events/${event.id}.ics`);
      expect(file.status).toBe(200);
      const [only] = parse(file.body).events;
      expect(only.status).toBe('CANCELLED');
      expect(only.uid).toBe(`${event.id}@preceptor`);
    });

    it('answers 404 with a short text for a draft, an unknown id and a malformed id', async () => {
      const draft = await createEvent(api.gql, organizer.token, DST_DAY);
      for (const path of [
        `/events/${draft.id}.ics`,
        '/events/00000000-0000-4000-8000-000000000000.ics',
        '/events/not-an-id.ics',
      ]) {
        const file = await get(path);
        expect(file.status).toBe(404);
        expect(file.type).toMatch(/^text\/plain/);
        expect(file.body).toBe('No such event.\n');
      }
    });
  });

  describe('personal feed', () => {
    it('needs a signed-in caller', async () => {
      const create = await api.gql.request(CREATE_FEED);
      expect(onlyError(create).extensions?.code).toBe('UNAUTHENTICATED');
      const revoke = await api.gql.request(REVOKE_FEED);
      expect(onlyError(revoke).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lists only the events the person is GOING to, cancelled ones as CANCELLED, with join links', async () => {
      const person = await aPerson(api.gql);
      const going = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const full = await aPublishedEvent(api.gql, organizer.token, { ...DST_DAY, capacity: 1 });
      const notAnswered = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const calledOff = await aPublishedEvent(api.gql, organizer.token, DST_DAY);
      const other = await aPerson(api.gql);
      expect((await rsvp(api.gql, other.token, full.id)).data?.rsvp.status).toBe('GOING');
      expect((await rsvp(api.gql, person.token, full.id)).data?.rsvp.status).toBe('WAITLISTED');
      expect((await rsvp(api.gql, person.token, going.id)).data?.rsvp.status).toBe('GOING');
      expect((await rsvp(api.gql, person.token, calledOff.id)).data?.rsvp.status).toBe('GOING');
      await api.gql.ok(CANCEL_EVENT, { id: calledOff.id }, { token: organizer.token });

      const { createCalendarFeed } = await api.gql.ok<{ createCalendarFeed: { url: string } }>(
        CREATE_FEED,
        {},
        { token: person.token },
      );
      expect(createCalendarFeed.url).toMatch(
        new RegExp(`^${api.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`),
      );
      const file = await getUrl(createCalendarFeed.url);
      expect(file.status).toBe(200);
      const parsed = parse(file.body);
      const byUid = new Map(parsed.events.map((event) => [event.uid, event]));
      expect([...byUid.keys()].sort()).toEqual(
        [`${going.id}@preceptor`, `${calledOff.id}@preceptor`].sort(),
      );
      expect(byUid.has(`${notAnswered.id}@preceptor`)).toBe(false);
      expect(byUid.get(`${going.id}@preceptor`)?.status).toBe('CONFIRMED');
      expect(byUid.get(`${going.id}@preceptor`)?.description).toContain(JOIN_URL);
      expect(byUid.get(`${going.id}@preceptor`)?.start.toISOString()).toBe(
        '2027-03-14T14:00:00.000Z',
      );
      expect(byUid.get(`${calledOff.id}@preceptor`)?.status).toBe('CANCELLED');
      expect(parsed.timeZones).toEqual(['America/Chicago']);
    });

    it('keeps only a hash of the token', async () => {
      const person = await aPerson(api.gql);
      const { createCalendarFeed } = await api.gql.ok<{ createCalendarFeed: { url: string } }>(
        CREATE_FEED,
        {},
        { token: person.token },
      );
      const token = /\/calendar\/([^/]+)\.ics$/.exec(createCalendarFeed.url)?.[1] ?? '';
      const rows = await api.sql<{ token_hash: string }>(
        'SELECT token_hash FROM calendar_feeds WHERE user_id = $1',
        [person.user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(token);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a second createCalendarFeed invalidates the first URL; revoke ends the feed', async () => {
      const person = await aPerson(api.gql);
      const create = async () =>
        (
          await api.gql.ok<{ createCalendarFeed: { url: string } }>(
            CREATE_FEED,
            {},
            { token: person.token },
          )
        ).createCalendarFeed.url;
      const first = await create();
      expect((await getUrl(first)).status).toBe(200);
      const second = await create();
      expect(second).not.toBe(first);
      expect((await getUrl(first)).status).toBe(404);
      expect((await getUrl(second)).status).toBe(200);

      const revoked = await api.gql.ok<{ revokeCalendarFeed: boolean }>(
        REVOKE_FEED,
        {},
        { token: person.token },
      );
      expect(revoked.revokeCalendarFeed).toBe(true);
      const gone = await getUrl(second);
      expect(gone.status).toBe(404);
      expect(gone.type).toMatch(/^text\/plain/);
      const again = await api.gql.ok<{ revokeCalendarFeed: boolean }>(
        REVOKE_FEED,
        {},
        { token: person.token },
      );
      expect(again.revokeCalendarFeed).toBe(false);
    });

    it('answers 404 for a token that never existed', async () => {
      expect((await get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await get('/calendar/short.ics')).status).toBe(404);
    });
  });
});
