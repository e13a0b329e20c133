import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { onlyError } from '../support/graphql-client.js';
import {
  aPublishedEvent,
  anOrganizer,
  CANCEL_EVENT,
  createEvent,
  daysFromNow,
  EVENT,
  EVENTS,
  rsvp,
  aPerson,
  type EventInput,
  type EventResult,
  type EventsPage,
  type Organizer,
} from '../support/events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

function on(days: number, hours = 2): EventInput {
  const startsAt = daysFromNow(days);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + hours * HOUR).toISOString(),
  };
}

const CHICAGO = {
  name: 'Rush University Medical Center',
  city: 'Chicago',
  region: 'IL',
  country: 'US',
};
const HOUSTON = { name: 'Texas Medical Center', city: 'Houston', region: 'TX', country: 'US' };
const TORONTO = { name: 'MaRS Discovery District', city: 'Toronto', region: 'ON', country: 'CA' };

describe('browsing events', () => {
  let api: TestApp;
  /** The published, upcoming events, by name. */
  const listed: Record<string, EventResult> = {};
  let past: EventResult;
  let organizer: Organizer;

  beforeAll(async () => {
    api = await startTestApp();
    organizer = await anOrganizer(api.gql);
    const publish = async (name: string, input: EventInput) => {
      listed[name] = await aPublishedEvent(api.gql, organizer.token, input);
    };
    await publish('cardiology', {
      ...on(3, 1.5),
      title: 'Pediatric cardiology update',
      description: 'Congenital heart disease in adolescents: what changed this year.',
      kind: 'WEBINAR',
      specialtySlugs: ['pediatric-cardiology'],
      tracks: ['PHYSICIAN'],
      growthAreas: ['KEEPING_CURRENT'],
      credits: [{ type: 'CME', hours: 1.5, accreditor: 'ACCME' }],
    });
    await publish('summit', {
      ...on(10, 8),
      title: 'Critical care nursing summit',
      description: 'A day of sessions for ICU nurses and charge nurses.',
      kind: 'CONFERENCE',
      format: 'IN_PERSON',
      venue: CHICAGO,
      joinUrl: null,
      capacity: 300,
      specialtySlugs: ['critical-care-nursing'],
      tracks: ['NURSING'],
      growthAreas: ['LEADERSHIP_MANAGEMENT', 'NETWORKING'],
      credits: [{ type: 'CNE', hours: 6, accreditor: 'ANCC' }],
    });
    await publish('informatics', {
      ...on(20, 3),
      title: 'Pharmacy informatics workshop',
      description: 'Building COVID-19 dashboards, with the team from Montréal.',
      kind: 'WORKSHOP',
      format: 'HYBRID',
      venue: TORONTO,
      tracks: ['PHARMACY', 'INFORMATICS'],
      growthAreas: ['TECHNOLOGY'],
      credits: [
        { type: 'CPE', hours: 3, accreditor: 'ACPE', activityId: '0000-9999-27-001-L04-P' },
        { type: 'CNE', hours: 2.25, accreditor: 'ANCC' },
      ],
    });
    await publish('networking', {
      ...on(5),
      title: 'Networking evening for new graduates',
      description: 'Meet nurse managers from Houston hospitals.',
      kind: 'NETWORKING',
      format: 'IN_PERSON',
      venue: HOUSTON,
      joinUrl: null,
      tracks: ['NURSING'],
      growthAreas: ['NETWORKING'],
    });
    await publish('rounds', {
      ...on(1, 1),
      title: 'Grand rounds: neonatal sepsis',
      description: 'Early-onset sepsis calculators in practice.',
      format: 'HYBRID',
      venue: { ...CHICAGO, name: 'Ann & Robert H. Lurie Children’s Hospital', city: 'chicago' },
      specialtySlugs: ['neonatal-perinatal-medicine'],
      tracks: ['PHYSICIAN'],
      credits: [{ type: 'CME', hours: 1, accreditor: 'ACCME' }],
    });
    // Never listed: a draft, a cancelled event; listed only when asked for: one that started.
    await createEvent(api.gql, organizer.token, { ...on(2), title: 'Draft sepsis session' });
    const cancelled = await aPublishedEvent(api.gql, organizer.token, {
      ...on(4),
      title: 'Cancelled sepsis session',
    });
    await api.gql.ok(CANCEL_EVENT, { id: cancelled.id }, { token: organizer.token });
    past = await aPublishedEvent(api.gql, organizer.token, {
      ...on(6),
      title: 'Yesterday’s sepsis talk',
    });
    await api.sql(
      `UPDATE events SET starts_at = starts_at - interval '7 days', ends_at = ends_at - interval '7 days' WHERE id = $1`,
      [past.id],
    );
  });
  afterAll(async () => {
    await api.close();
  });

  async function browse(variables: Record<string, unknown> = {}, token?: string) {
    const result = await api.gql.request<{ events: EventsPage }>(EVENTS, variables, { token });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.events;
  }
  const titlesOf = async (filter: Record<string, unknown>) =>
    (await browse({ filter })).edges.map((edge) => nameOf(edge.node.id));
  const nameOf = (id: string) =>
    Object.entries(listed).find(([, event]) => event.id === id)?.[0] ?? id;

  it('lists upcoming published events by start, to anyone, without join links', async () => {
    const page = await browse();
    expect(page.edges.map((edge) => nameOf(edge.node.id))).toEqual([
      'rounds',
      'cardiology',
      'networking',
      'summit',
      'informatics',
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((edge) => edge.node.joinUrl)).toEqual([null, null, null, null, null]);
    expect(page.edges.every((edge) => edge.node.myRsvp === null)).toBe(true);
    expect(page.edges[4].node).toMatchObject({
      venue: { city: 'Toronto', region: 'CA-ON', regionName: 'Ontario' },
      // In the organizer's order.
      credits: [
        { type: 'CPE', hours: 3, accreditor: 'ACPE', activityId: '0000-9999-27-001-L04-P' },
        { type: 'CNE', hours: 2.25, accreditor: 'ANCC', activityId: null },
      ],
      organizer: { fullName: expect.any(String) },
    });
  });

  it('shows a signed-in person their own RSVP in the list', async () => {
    const person = await aPerson(api.gql);
    await rsvp(api.gql, person.token, listed['summit'].id);
    const page = await browse({ filter: { kinds: ['CONFERENCE'] } }, person.token);
    expect(page.edges[0].node.myRsvp).toMatchObject({ status: 'GOING' });
    expect(page.edges[0].node.goingCount).toBe(1);
  });

  it('shows each listed event as event(id) shows it, to each viewer', async () => {
    const going = await aPerson(api.gql);
    await rsvp(api.gql, going.token, listed['cardiology'].id);
    await rsvp(api.gql, going.token, listed['informatics'].id);
    for (const token of [undefined, going.token, organizer.token]) {
      const page = await browse({}, token);
      expect(page.edges).toHaveLength(5);
      for (const { node } of page.edges) {
        const alone = await api.gql.ok<{ event: EventResult }>(EVENT, { id: node.id }, { token });
        expect(node).toEqual(alone.event);
      }
    }
    const asGoing = await browse({}, going.token);
    const cardiology = asGoing.edges.find((edge) => edge.node.id === listed['cardiology'].id);
    // Those holding a seat and the organizer see the join link in the list; nobody else does.
    expect(cardiology?.node).toMatchObject({
      joinUrl: expect.stringMatching(/^https:/),
      myRsvp: { status: 'GOING', waitlistPosition: null },
      growthAreas: ['KEEPING_CURRENT'],
      tracks: ['PHYSICIAN'],
      specialties: [{ slug: 'pediatric-cardiology' }],
      credits: [{ type: 'CME', hours: 1.5, accreditor: 'ACCME', activityId: null }],
      organizer: { userId: organizer.user.id, fullName: organizer.user.fullName },
    });
    const asOrganizer = await browse({}, organizer.token);
    expect(asOrganizer.edges.every((edge) => edge.node.myRsvp === null)).toBe(true);
    expect(
      asOrganizer.edges.filter((edge) => edge.node.joinUrl !== null).map((edge) => edge.node.id),
    ).toEqual(['rounds', 'cardiology', 'informatics'].map((name) => listed[name].id));
  });

  it('pages with cursors, a page holding at most 50', async () => {
    const first = await browse({ first: 2 });
    expect(first.edges.map((edge) => nameOf(edge.node.id))).toEqual(['rounds', 'cardiology']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await browse({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => nameOf(edge.node.id))).toEqual(['networking', 'summit']);
    const third = await browse({ first: 2, after: second.pageInfo.endCursor });
    expect(third.edges.map((edge) => nameOf(edge.node.id))).toEqual(['informatics']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(third.totalCount).toBe(5);

    for (const variables of [{ first: 51 }, { first: 0 }]) {
      const error = onlyError(await api.gql.request(EVENTS, variables));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const badCursor = onlyError(await api.gql.request(EVENTS, { after: 'bm90IGEgY3Vyc29y' }));
    expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('orders events starting together by id, across pages', async () => {
    const organizer = await anOrganizer(api.gql);
    const same = on(30);
    const twins = await Promise.all(
      [1, 2, 3].map((n) =>
        aPublishedEvent(api.gql, organizer.token, { ...same, title: `Twin ${n}` }),
      ),
    );
    const from = same.startsAt;
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await browse({ filter: { from }, first: 1, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(seen).toEqual(twins.map((twin) => twin.id).sort());
    // Off the list again, for the other tests.
    for (const twin of twins) {
      await api.gql.ok(CANCEL_EVENT, { id: twin.id }, { token: organizer.token });
    }
  });

  it('filters by a date range, which may reach into the past', async () => {
    expect(
      await titlesOf({ from: daysFromNow(4).toISOString(), to: daysFromNow(15).toISOString() }),
    ).toEqual(['networking', 'summit']);
    const withPast = await titlesOf({
      from: daysFromNow(-3).toISOString(),
      to: daysFromNow(2).toISOString(),
    });
    expect(withPast).toEqual([past.id, 'rounds']);
    const error = onlyError(
      await api.gql.request(EVENTS, {
        filter: { from: daysFromNow(5).toISOString(), to: daysFromNow(4).toISOString() },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('filters by specialty, descendants included', async () => {
    expect(await titlesOf({ specialtySlugs: ['pediatrics'] })).toEqual(['rounds', 'cardiology']);
    expect(await titlesOf({ specialtySlugs: ['pediatric-cardiology'] })).toEqual(['cardiology']);
    expect(
      await titlesOf({ specialtySlugs: ['critical-care-nursing', 'pediatric-cardiology'] }),
    ).toEqual(['cardiology', 'summit']);
    const error = onlyError(
      await api.gql.request(EVENTS, { filter: { specialtySlugs: ['astrology'] } }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.specialtySlugs',
    });
  });

  it('filters by growth area, kind, format and track', async () => {
    expect(await titlesOf({ growthAreas: ['NETWORKING'] })).toEqual(['networking', 'summit']);
    expect(await titlesOf({ kinds: ['WORKSHOP', 'WEBINAR'] })).toEqual([
      'cardiology',
      'informatics',
    ]);
    expect(await titlesOf({ formats: ['HYBRID'] })).toEqual(['rounds', 'informatics']);
    expect(await titlesOf({ formats: ['VIRTUAL'] })).toEqual(['cardiology']);
    expect(await titlesOf({ tracks: ['NURSING'] })).toEqual(['networking', 'summit']);
    expect(await titlesOf({ tracks: ['PHARMACY', 'PHYSICIAN'] })).toEqual([
      'rounds',
      'cardiology',
      'informatics',
    ]);
  });

  it('filters by the venue’s country, region and city', async () => {
    expect(await titlesOf({ country: 'us' })).toEqual(['rounds', 'networking', 'summit']);
    expect(await titlesOf({ country: 'US', region: 'IL' })).toEqual(['rounds', 'summit']);
    expect(await titlesOf({ region: 'US-TX' })).toEqual(['networking']);
    expect(await titlesOf({ city: 'CHICAGO' })).toEqual(['rounds', 'summit']);
    expect(await titlesOf({ country: 'CA', city: 'toronto' })).toEqual(['informatics']);
    const error = onlyError(
      await api.gql.request(EVENTS, { filter: { country: 'US', region: 'ON' } }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.region' });
  });

  it('filters by credit offered, and its type', async () => {
    expect(await titlesOf({ hasCredits: true })).toEqual([
      'rounds',
      'cardiology',
      'summit',
      'informatics',
    ]);
    expect(await titlesOf({ hasCredits: false })).toEqual(['networking']);
    expect(await titlesOf({ creditTypes: ['CPE', 'CNE'] })).toEqual(['summit', 'informatics']);
    expect(await titlesOf({ creditTypes: ['CME'], formats: ['VIRTUAL'] })).toEqual(['cardiology']);
  });

  it('finds words in the title and description, as prefixes, whatever the accents or hyphens', async () => {
    expect(await titlesOf({ text: 'sepsis' })).toEqual(['rounds']);
    expect(await titlesOf({ text: 'cardio' })).toEqual(['cardiology']);
    expect(await titlesOf({ text: 'Nursing SUMMIT' })).toEqual(['summit']);
    expect(await titlesOf({ text: 'covid19' })).toEqual(['informatics']);
    expect(await titlesOf({ text: 'covid-19' })).toEqual(['informatics']);
    expect(await titlesOf({ text: 'montreal' })).toEqual(['informatics']);
    expect(await titlesOf({ text: 'nurse' })).toEqual(['networking', 'summit']);
    expect(await titlesOf({ text: 'xyzzy' })).toEqual([]);
    // Only punctuation: no words, so no condition.
    expect(await titlesOf({ text: '—' })).toHaveLength(5);
  });

  it('combines filters, each of which must match', async () => {
    expect(await titlesOf({ tracks: ['NURSING'], hasCredits: true, city: 'Chicago' })).toEqual([
      'summit',
    ]);
    expect(await titlesOf({ text: 'sepsis', country: 'CA' })).toEqual([]);
  });
});
