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
  daysFromNow,
  rsvp,
  type EventInput,
  type EventResult,
  type Organizer,
} from '../support/events.js';
import { aProfileInput, UPDATE_MENTEE_GOALS, UPDATE_PROFILE } from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RECOMMENDED = `query Recommended($first: Int) {
  recommendedEvents(first: $first) {
    score reasons
    breakdown { criterion weight value contribution detail }
    event { id title status joinUrl myRsvp { status } }
  }
}`;

const MY_EVENTS = `query MyEvents($first: Int, $after: String, $status: EventStatus) {
  myEvents(first: $first, after: $after, status: $status) {
    edges { cursor node { id title status startsAt joinUrl } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface Recommendation {
  score: number;
  reasons: string[];
  breakdown: { criterion: string; weight: number; value: number; contribution: number }[];
  event: { id: string; title: string; status: string; joinUrl: string | null; myRsvp: null };
}

interface MyEventsPage {
  myEvents: {
    edges: {
      cursor: string;
      node: { id: string; title: string; status: string; startsAt: string; joinUrl: string | null };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

const HOUR = 3_600_000;
const ADMIN_EMAIL = 'recommendations-admin@preceptor.example';
const ADMIN_PASSWORD = 'an administrator passphrase for recommendations';

/** An hour starting `days` from now at 00:00 UTC: 18:00 or 19:00 in Chicago. */
function eveningIn(days: number): EventInput {
  const startsAt = daysFromNow(days, 0);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
  };
}

const CHICAGO = {
  name: 'Rush University Medical Center',
  city: 'Chicago',
  region: 'IL',
  country: 'US',
};
const TORONTO = { name: 'MaRS Discovery District', city: 'Toronto', region: 'ON', country: 'CA' };

const EVENINGS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({ day, startTime: '17:00', endTime: '22:00' }),
);

/** A pediatric oncology nurse in Illinois, free every evening, who wants to specialize. */
async function aNurse(api: TestApp, roles = ['MENTEE']): Promise<Organizer> {
  const person = await aPerson(api.gql, roles);
  await api.gql.ok(
    UPDATE_PROFILE,
    {
      input: aProfileInput({
        specialtySlugs: ['pediatric-oncology-nursing'],
        country: 'US',
        region: 'IL',
        availability: EVENINGS,
      }),
    },
    { token: person.token },
  );
  await api.gql.ok(
    UPDATE_MENTEE_GOALS,
    { input: { goals: ['SPECIALIZATION', 'NETWORKING'] } },
    { token: person.token },
  );
  return person;
}

async function recommended(
  api: TestApp,
  token: string,
  first?: number | null,
): Promise<Recommendation[]> {
  const data = await api.gql.ok<{ recommendedEvents: Recommendation[] }>(
    RECOMMENDED,
    { first },
    { token },
  );
  return data.recommendedEvents;
}

describe('recommendedEvents', () => {
  let api: TestApp;
  let organizer: Organizer;
  let nurse: Organizer;
  const events: Record<string, EventResult> = {};

  beforeAll(async () => {
    api = await startTestApp();
    organizer = await anOrganizer(api.gql);
    nurse = await aNurse(api);
    const publish = async (name: string, input: EventInput) => {
      events[name] = await aPublishedEvent(api.gql, organizer.token, input);
    };
    await publish('specialty', {
      ...eveningIn(9),
      title: 'Pediatric oncology nursing: symptom management',
      kind: 'WEBINAR',
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
      growthAreas: ['SPECIALIZATION'],
      credits: [{ type: 'CNE', hours: 1, accreditor: 'ANCC' }],
    });
    await publish('chicago', {
      ...eveningIn(12),
      title: 'Nursing networking evening',
      kind: 'NETWORKING',
      format: 'IN_PERSON',
      venue: CHICAGO,
      joinUrl: undefined,
      tracks: ['NURSING'],
      growthAreas: ['NETWORKING'],
    });
    await publish('pharmacy', {
      ...eveningIn(10),
      title: 'Pharmacy networking online',
      kind: 'NETWORKING',
      tracks: ['PHARMACY'],
      growthAreas: ['NETWORKING'],
      credits: [{ type: 'CPE', hours: 1, accreditor: 'ACPE' }],
    });
    await publish('toronto', {
      ...eveningIn(8),
      title: 'Pediatric oncology nursing in Toronto',
      format: 'IN_PERSON',
      venue: TORONTO,
      joinUrl: undefined,
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
    });
    await publish('going', {
      ...eveningIn(11),
      title: 'Already going',
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
    });
    await publish('cancelled', {
      ...eveningIn(13),
      title: 'Called off',
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
    });
    await api.gql.ok(CANCEL_EVENT, { id: events['cancelled'].id }, { token: organizer.token });
    events['draft'] = await createEvent(api.gql, organizer.token, {
      ...eveningIn(9),
      title: 'Still a draft',
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
    });
    const going = await rsvp(api.gql, nurse.token, events['going'].id);
    if (going.data?.rsvp.status !== 'GOING') throw new Error(JSON.stringify(going));
  });
  afterAll(async () => {
    await api.close();
  });

  it('ranks the nurse’s own specialty with nursing credit first, saying why', async () => {
    const list = await recommended(api, nurse.token);
    expect(list[0].event.id).toBe(events['specialty'].id);
    expect(list[0].reasons[0]).toBe('CNE credit for pediatric oncology nursing, your specialty');
    expect(list[0].reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^For specialization, your top goal/)]),
    );
    expect(list[0].reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Online, fits your (weekday|weekend) evenings$/),
      ]),
    );
    const chicago = list.find((item) => item.event.id === events['chicago'].id);
    expect(chicago?.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^In Chicago, in your region/)]),
    );
    // Best first; each score is its breakdown's sum.
    const scores = list.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of list) {
      const sum = item.breakdown.reduce((total, line) => total + line.contribution, 0);
      expect(item.score).toBeCloseTo(sum, 5);
      expect(item.breakdown.map((line) => line.criterion)).toEqual([
        'specialty',
        'goals',
        'credits',
        'track',
        'time',
        'location',
      ]);
      expect(item.event.joinUrl).toBeNull();
      expect(item.event.status).toBe('PUBLISHED');
    }
    const pharmacy = list.findIndex((item) => item.event.id === events['pharmacy'].id);
    expect(pharmacy).toBeGreaterThan(
      list.findIndex((item) => item.event.id === events['chicago'].id),
    );
  });

  it('leaves out drafts, cancelled events, in-person events abroad and events already answered', async () => {
    const ids = (await recommended(api, nurse.token, 50)).map((item) => item.event.id);
    expect(ids).not.toContain(events['draft'].id);
    expect(ids).not.toContain(events['cancelled'].id);
    expect(ids).not.toContain(events['toronto'].id);
    expect(ids).not.toContain(events['going'].id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers an event again once the RSVP is cancelled', async () => {
    const other = await aNurse(api);
    const event = await aPublishedEvent(api.gql, organizer.token, {
      ...eveningIn(14),
      title: 'Waitlist me',
      capacity: 1,
      specialtySlugs: ['pediatric-oncology-nursing'],
    });
    expect((await rsvp(api.gql, nurse.token, event.id)).data?.rsvp.status).toBe('GOING');
    expect((await rsvp(api.gql, other.token, event.id)).data?.rsvp.status).toBe('WAITLISTED');
    const ids = async (token: string) =>
      (await recommended(api, token, 50)).map((item) => item.event.id);
    expect(await ids(other.token)).not.toContain(event.id);
    await cancelRsvp(api.gql, other.token, event.id);
    expect(await ids(other.token)).toContain(event.id);
  });

  it('never recommends the caller’s own events', async () => {
    const both = await aNurse(api, ['ORGANIZER', 'MENTEE']);
    const own = await aPublishedEvent(api.gql, both.token, {
      ...eveningIn(9),
      title: 'My own session',
      specialtySlugs: ['pediatric-oncology-nursing'],
      tracks: ['NURSING'],
    });
    const ids = (await recommended(api, both.token, 50)).map((item) => item.event.id);
    expect(ids).not.toContain(own.id);
    expect(ids).toContain(events['specialty'].id);
    // Another nurse does get it.
    expect((await recommended(api, nurse.token, 50)).map((item) => item.event.id)).toContain(
      own.id,
    );
  });

  it('returns `first` at most (10 by default, 1–50)', async () => {
    expect(await recommended(api, nurse.token, 1)).toHaveLength(1);
    // An explicit null is the default, as leaving it out is.
    const byDefault = await recommended(api, nurse.token);
    expect(byDefault.length).toBeGreaterThan(1);
    expect(await recommended(api, nurse.token, null)).toEqual(byDefault);
    for (const first of [0, 51]) {
      const error = onlyError(
        await api.gql.request(RECOMMENDED, { first }, { token: nurse.token }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('needs a signed-in person with a profile', async () => {
    const anonymous = onlyError(await api.gql.request(RECOMMENDED, {}));
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
    const noProfile = await aPerson(api.gql, ['MENTOR']);
    const error = onlyError(await api.gql.request(RECOMMENDED, {}, { token: noProfile.token }));
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROFILE_NOT_FOUND' });
    expect(error.message).toMatch(/^Recommended events need your profile\. .*updateProfile/);
    // Any role with a profile: a mentor without goals gets recommendations too.
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ specialtySlugs: ['pediatric-oncology-nursing'] }) },
      { token: noProfile.token },
    );
    const list = await recommended(api, noProfile.token);
    expect(list[0].event.id).toBe(events['specialty'].id);
  });
});

describe('myEvents', () => {
  let api: TestApp;
  let organizer: Organizer;
  let admin: string;
  const mine: EventResult[] = [];

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD });
    organizer = await anOrganizer(api.gql);
    const login = await api.gql.ok<{ logIn: AuthPayloadResult }>(LOG_IN, {
      input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    admin = login.logIn.accessToken;
    // Created out of start order: the list orders by start.
    mine.push(await createEvent(api.gql, organizer.token, { ...eveningIn(20), title: 'Draft' }));
    mine.push(
      await aPublishedEvent(api.gql, organizer.token, { ...eveningIn(5), title: 'Published' }),
    );
    const cancelled = await aPublishedEvent(api.gql, organizer.token, {
      ...eveningIn(10),
      title: 'Cancelled',
    });
    await api.gql.ok(CANCEL_EVENT, { id: cancelled.id }, { token: organizer.token });
    mine.push(cancelled);
    const other = await anOrganizer(api.gql);
    await aPublishedEvent(api.gql, other.token, { ...eveningIn(6), title: 'Someone else’s' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the organizer’s events, drafts and cancelled ones included, by start', async () => {
    const data = await api.gql.ok<MyEventsPage>(MY_EVENTS, {}, { token: organizer.token });
    expect(data.myEvents.edges.map((edge) => edge.node.title)).toEqual([
      'Published',
      'Cancelled',
      'Draft',
    ]);
    expect(data.myEvents.edges.map((edge) => edge.node.status)).toEqual([
      'PUBLISHED',
      'CANCELLED',
      'DRAFT',
    ]);
    expect(data.myEvents.totalCount).toBe(3);
    // The organizer sees their own join links.
    expect(data.myEvents.edges[0].node.joinUrl).toMatch(/^https:/);
  });

  it('filters by status and pages with cursors', async () => {
    const drafts = await api.gql.ok<MyEventsPage>(
      MY_EVENTS,
      { status: 'DRAFT' },
      { token: organizer.token },
    );
    expect(drafts.myEvents.edges.map((edge) => edge.node.id)).toEqual([mine[0].id]);
    expect(drafts.myEvents.totalCount).toBe(1);

    const first = await api.gql.ok<MyEventsPage>(
      MY_EVENTS,
      { first: 2 },
      { token: organizer.token },
    );
    expect(first.myEvents.edges).toHaveLength(2);
    expect(first.myEvents.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql.ok<MyEventsPage>(
      MY_EVENTS,
      { first: 2, after: first.myEvents.pageInfo.endCursor },
      { token: organizer.token },
    );
    expect(second.myEvents.edges.map((edge) => edge.node.title)).toEqual(['Draft']);
    expect(second.myEvents.pageInfo.hasNextPage).toBe(false);
  });

  it('is empty for an admin who organizes nothing, and refuses everyone else', async () => {
    const adminPage = await api.gql.ok<MyEventsPage>(MY_EVENTS, {}, { token: admin });
    expect(adminPage.myEvents.edges).toEqual([]);
    expect(adminPage.myEvents.totalCount).toBe(0);

    const mentee = await aPerson(api.gql, ['MENTEE']);
    const forbidden = onlyError(await api.gql.request(MY_EVENTS, {}, { token: mentee.token }));
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    const anonymous = onlyError(await api.gql.request(MY_EVENTS, {}));
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');

    for (const variables of [{ first: 0 }, { first: 51 }, { after: 'bm90IGEgY3Vyc29y' }]) {
      const error = onlyError(
        await api.gql.request(MY_EVENTS, variables, { token: organizer.token }),
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badStatus = await api.gql.request(
      MY_EVENTS,
      { status: 'SOON' },
      { token: organizer.token },
    );
    expect(badStatus.errors?.length).toBeGreaterThan(0);
  });
});
