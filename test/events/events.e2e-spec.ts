import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOG_IN, type AuthPayloadResult } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import {
  aPerson,
  aPublishedEvent,
  anEventInput,
  anOrganizer,
  CANCEL_EVENT,
  CREATE_EVENT,
  createEvent,
  daysFromNow,
  EVENT,
  PUBLISH_EVENT,
  UPDATE_EVENT,
  type EventInput,
  type EventResult,
  type Organizer,
} from '../support/events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_EMAIL = 'events-admin@preceptor.example';
const ADMIN_PASSWORD = 'an administrator passphrase for events';

const VENUE = {
  name: 'Rush University Medical Center, Armour Academic Center',
  address: '600 S Paulina St',
  city: 'Chicago',
  region: 'IL',
  country: 'us',
};

describe('events: create, update, publish, cancel', () => {
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

  const create = (input: EventInput, token = organizer.token) =>
    api.gql.request<{ createEvent: EventResult }>(CREATE_EVENT, { input }, { token });
  const update = (id: string, input: EventInput, token = organizer.token) =>
    api.gql.request<{ updateEvent: EventResult }>(UPDATE_EVENT, { id, input }, { token });
  const publish = (id: string, token = organizer.token) =>
    api.gql.request<{ publishEvent: EventResult }>(PUBLISH_EVENT, { id }, { token });
  const cancel = (id: string, reason?: string, token = organizer.token) =>
    api.gql.request<{ cancelEvent: EventResult }>(CANCEL_EVENT, { id, reason }, { token });
  const look = async (id: string, token?: string) =>
    (await api.gql.ok<{ event: EventResult | null }>(EVENT, { id }, { token })).event;
  const countEvents = async () =>
    (await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0].n;

  describe('createEvent', () => {
    it('creates a draft with everything it was given, organized by the caller', async () => {
      const startsAt = daysFromNow(14, 14);
      const endsAt = new Date(startsAt.getTime() + 8 * 3600_000);
      const result = await create(
        anEventInput({
          title: '  Nurse leadership summit  ',
          kind: 'CONFERENCE',
          format: 'HYBRID',
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          venue: VENUE,
          capacity: 250,
          specialtySlugs: ['critical-care-nursing', 'pediatrics'],
          growthAreas: ['LEADERSHIP_MANAGEMENT', 'NETWORKING'],
          tracks: ['NURSING', 'ADVANCED_PRACTICE'],
          credits: [
            { type: 'CNE', hours: 6.5, accreditor: 'ANCC', activityId: 'NLS-2027-01' },
            { type: 'CME', hours: 6, accreditor: 'ACCME' },
          ],
        }),
      );
      expect(result.errors).toBeUndefined();
      const event = result.data!.createEvent;
      expect(event).toMatchObject({
        title: 'Nurse leadership summit',
        kind: 'CONFERENCE',
        format: 'HYBRID',
        status: 'DRAFT',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        timeZone: 'America/Chicago',
        venue: { ...VENUE, region: 'US-IL', regionName: 'Illinois', country: 'US' },
        joinUrl: 'https://meet.example.org/grand-rounds/sepsis',
        capacity: 250,
        goingCount: 0,
        waitlistCount: 0,
        spotsLeft: 250,
        specialties: [{ slug: 'critical-care-nursing' }, { slug: 'pediatrics' }],
        growthAreas: ['LEADERSHIP_MANAGEMENT', 'NETWORKING'],
        tracks: ['NURSING', 'ADVANCED_PRACTICE'],
        credits: [
          { type: 'CNE', hours: 6.5, accreditor: 'ANCC', activityId: 'NLS-2027-01' },
          { type: 'CME', hours: 6, accreditor: 'ACCME', activityId: null },
        ],
        organizer: { userId: organizer.user.id, fullName: organizer.user.fullName },
        myRsvp: null,
        sequence: 0,
        publishedAt: null,
      });
      expect(await look(event.id, organizer.token)).toEqual(event);
    });

    it('needs a signed-in ORGANIZER or ADMIN', async () => {
      const anonymous = onlyError(await api.gql.request(CREATE_EVENT, { input: anEventInput() }));
      expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
      const mentee = await aPerson(api.gql, ['MENTEE', 'MENTOR']);
      const refused = onlyError(await create(anEventInput(), mentee.token));
      expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_ROLE' });
      const byAdmin = await create(anEventInput(), admin);
      expect(byAdmin.errors).toBeUndefined();
    });

    const start = daysFromNow(10);
    const hoursLater = (hours: number) =>
      new Date(start.getTime() + hours * 3600_000).toISOString();
    const at = { startsAt: start.toISOString(), endsAt: hoursLater(2) };

    it.each<[string, EventInput, string]>([
      ['an end before the start', { ...at, endsAt: hoursLater(-1) }, 'endsAt'],
      ['an end at the start', { ...at, endsAt: at.startsAt }, 'endsAt'],
      ['an unknown time zone', { timeZone: 'America/Springfield' }, 'timeZone'],
      ['an in-person event without a venue', { format: 'IN_PERSON', joinUrl: null }, 'venue'],
      ['a hybrid event without a venue', { format: 'HYBRID' }, 'venue'],
      ['a virtual event without a join URL', { joinUrl: null }, 'joinUrl'],
      [
        'a hybrid event without a join URL',
        { format: 'HYBRID', venue: VENUE, joinUrl: null },
        'joinUrl',
      ],
      ['a join URL that is not https', { joinUrl: 'http://meet.example.org/x' }, 'joinUrl'],
      ['a join URL that is no URL', { joinUrl: 'join us on the usual line' }, 'joinUrl'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
      ['a negative capacity', { capacity: -3 }, 'capacity'],
      [
        'credit hours of 0',
        { credits: [{ type: 'CME', hours: 0, accreditor: 'ACCME' }] },
        'credits[0].hours',
      ],
      [
        'negative credit hours',
        { credits: [{ type: 'CNE', hours: -1, accreditor: 'ANCC' }] },
        'credits[0].hours',
      ],
      [
        'credit hours above the event’s length',
        { ...at, credits: [{ type: 'CE', hours: 2.5, accreditor: 'IACET' }] },
        'credits[0].hours',
      ],
      ['an unknown specialty', { specialtySlugs: ['pediatrics', 'astrology'] }, 'specialtySlugs'],
      ['a title too long', { title: 'x'.repeat(201) }, 'title'],
      ['an empty title', { title: '   ' }, 'title'],
      ['a description too long', { description: 'x'.repeat(10_001) }, 'description'],
      [
        'a venue name too long',
        { format: 'IN_PERSON', venue: { ...VENUE, name: 'x'.repeat(201) } },
        'venue.name',
      ],
      [
        'a venue country that is no ISO 3166 code',
        { format: 'IN_PERSON', venue: { ...VENUE, region: null, country: 'USA' } },
        'venue.country',
      ],
      [
        'a venue region of another country',
        { format: 'IN_PERSON', venue: { ...VENUE, region: 'CA-QC' } },
        'venue.region',
      ],
      [
        'an accreditor too long',
        { credits: [{ type: 'CME', hours: 1, accreditor: 'x'.repeat(201) }] },
        'credits.0.accreditor',
      ],
    ])(
      'refuses %s with BAD_USER_INPUT naming the field, saving nothing',
      async (_, overrides, field) => {
        const before = await countEvents();
        const error = onlyError(await create(anEventInput(overrides)));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(error.message).toContain(field);
        expect(await countEvents()).toBe(before);
      },
    );

    it('explains credit hours in the event’s own length', async () => {
      const error = onlyError(
        await create(
          anEventInput({ ...at, credits: [{ type: 'CE', hours: 2.5, accreditor: 'IACET' }] }),
        ),
      );
      expect(error.message).toContain('2.5 is more than the event lasts (2 hours)');
    });

    it('accepts credit hours equal to the event’s length, and no capacity at all', async () => {
      const result = await create(
        anEventInput({
          ...at,
          capacity: null,
          credits: [{ type: 'CE', hours: 2, accreditor: 'IACET' }],
        }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createEvent).toMatchObject({ capacity: null, spotsLeft: null });
    });
  });

  describe('drafts', () => {
    it('are not found by anyone but their organizer and admins', async () => {
      const draft = await createEvent(api.gql, organizer.token);
      const stranger = await anOrganizer(api.gql);
      expect(await look(draft.id)).toBeNull();
      expect(await look(draft.id, stranger.token)).toBeNull();
      expect((await look(draft.id, organizer.token))?.id).toBe(draft.id);
      expect((await look(draft.id, admin))?.id).toBe(draft.id);
      for (const attempt of [
        update(draft.id, { title: 'Mine now' }, stranger.token),
        publish(draft.id, stranger.token),
        cancel(draft.id, undefined, stranger.token),
      ]) {
        const error = onlyError(await attempt);
        expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EVENT_NOT_FOUND' });
      }
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(onlyError(await publish(unknown)).extensions?.code).toBe('NOT_FOUND');
      expect(await look(unknown, organizer.token)).toBeNull();
    });

    it('refuses an id that is no id', async () => {
      const error = onlyError(await api.gql.request(EVENT, { id: 'not-an-id' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });

  describe('publishEvent', () => {
    it('lists a draft, once', async () => {
      const draft = await createEvent(api.gql, organizer.token);
      const published = (await publish(draft.id)).data!.publishEvent;
      expect(published).toMatchObject({ status: 'PUBLISHED', sequence: 1 });
      expect(published.publishedAt).not.toBeNull();
      expect((await look(draft.id))?.status).toBe('PUBLISHED');
      const again = (await publish(draft.id)).data!.publishEvent;
      expect(again).toMatchObject({ status: 'PUBLISHED', sequence: 1 });
    });

    it('is for the organizer or an admin only', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      const stranger = await anOrganizer(api.gql);
      const error = onlyError(await publish(event.id, stranger.token));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_EVENT_ORGANIZER' });
      const draft = await createEvent(api.gql, organizer.token);
      expect((await publish(draft.id, admin)).data!.publishEvent.status).toBe('PUBLISHED');
    });
  });

  describe('updateEvent', () => {
    it('changes what it is given, keeps the rest, and grows the sequence', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, {
        credits: [{ type: 'CME', hours: 1, accreditor: 'ACCME' }],
        tracks: ['PHYSICIAN'],
      });
      const updated = (await update(event.id, { title: 'Sepsis, revisited', capacity: null })).data!
        .updateEvent;
      expect(updated).toMatchObject({
        ...event,
        title: 'Sepsis, revisited',
        capacity: null,
        spotsLeft: null,
        sequence: event.sequence + 1,
        updatedAt: expect.any(String),
      });
      const moved = (
        await update(event.id, {
          format: 'IN_PERSON',
          venue: VENUE,
          joinUrl: null,
          credits: [
            { type: 'CPE', hours: 1.25, accreditor: 'ACPE', activityId: '0000-1234-25-001-L01-P' },
          ],
          tracks: null,
        })
      ).data!.updateEvent;
      expect(moved).toMatchObject({
        format: 'IN_PERSON',
        venue: { city: 'Chicago', region: 'US-IL' },
        joinUrl: null,
        credits: [{ type: 'CPE', hours: 1.25, accreditor: 'ACPE' }],
        tracks: [],
        sequence: event.sequence + 2,
      });
    });

    it('checks the event as it would be saved, saving nothing when it breaks a rule', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token, {
        credits: [{ type: 'CME', hours: 2, accreditor: 'ACCME' }],
      });
      const cases: [EventInput, string][] = [
        [{ format: 'HYBRID' }, 'venue'],
        [{ joinUrl: null }, 'joinUrl'],
        [
          { endsAt: new Date(Date.parse(event.startsAt) + 3600_000).toISOString() },
          'credits[0].hours',
        ],
        [{ startsAt: event.endsAt }, 'endsAt'],
        [{ timeZone: 'Atlantis/Capital' }, 'timeZone'],
        [{ title: null }, 'title'],
        [{ startsAt: null }, 'startsAt'],
        [{ specialtySlugs: ['no-such-specialty'] }, 'specialtySlugs'],
        [{ capacity: 0 }, 'capacity'],
      ];
      for (const [input, field] of cases) {
        const error = onlyError(await update(event.id, input));
        expect({ field: error.extensions?.field, code: error.extensions?.code }).toEqual({
          field,
          code: 'BAD_USER_INPUT',
        });
      }
      expect(await look(event.id, organizer.token)).toEqual(event);
    });

    it('is for the organizer or an admin only', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      const stranger = await anOrganizer(api.gql);
      const error = onlyError(await update(event.id, { title: 'Hijacked' }, stranger.token));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_EVENT_ORGANIZER' });
      const anonymous = onlyError(
        await api.gql.request(UPDATE_EVENT, { id: event.id, input: { title: 'x' } }),
      );
      expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
      const byAdmin = (await update(event.id, { title: 'Fixed by an admin' }, admin)).data!;
      expect(byAdmin.updateEvent.title).toBe('Fixed by an admin');
      expect((await look(event.id))?.title).toBe('Fixed by an admin');
    });
  });

  describe('cancelEvent', () => {
    it('cancels with a reason, once, and then refuses changes', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      const cancelled = (await cancel(event.id, 'Speaker ill; we will reschedule.')).data!
        .cancelEvent;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'Speaker ill; we will reschedule.',
        sequence: event.sequence + 1,
      });
      expect(cancelled.cancelledAt).not.toBeNull();
      expect((await cancel(event.id)).data!.cancelEvent).toEqual(cancelled);
      for (const attempt of [update(event.id, { title: 'Back on' }), publish(event.id)]) {
        const error = onlyError(await attempt);
        expect(error.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'EVENT_CANCELLED',
        });
      }
      // Still there for those who RSVPed, marked cancelled.
      expect((await look(event.id))?.status).toBe('CANCELLED');
    });

    it('is for the organizer or an admin only', async () => {
      const event = await aPublishedEvent(api.gql, organizer.token);
      const stranger = await aPerson(api.gql);
      const error = onlyError(await cancel(event.id, 'nope', stranger.token));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await cancel(event.id, 'Venue closed', admin)).data!.cancelEvent.status).toBe(
        'CANCELLED',
      );
    });
  });
});
