import { describe, expect, it } from '@jest/globals';
import { specialtyGraphFromTaxonomy } from '@preceptor/matching';
import { GrowthArea, Track } from '@preceptor/taxonomy/reference';
import { creditTypesFor, TRACK_CREDITS } from '../credit-boards.js';
import { CreditType, EventFormat } from '../event-enums.js';
import {
  compareRecommendations,
  isWithinReach,
  recommendEvents,
  RECOMMENDATION_WEIGHTS,
  scoreEvent,
  type EventSeeker,
  type RecommendableEvent,
} from './score-event.js';

const graph = specialtyGraphFromTaxonomy();
const id = (slug: string): number => graph.idOf(slug);

/** A pediatric oncology nurse in Illinois, free on weekday evenings. */
function aNurse(
  overrides: Partial<EventSeeker> & { specialties?: string[]; target?: string } = {},
): EventSeeker {
  const { specialties = ['pediatric-oncology-nursing'], target, ...rest } = overrides;
  return {
    track: Track.NURSING,
    specialtyIds: specialties.map(id),
    targetSpecialtyId: target ? id(target) : null,
    goals: [GrowthArea.SPECIALIZATION, GrowthArea.NETWORKING, GrowthArea.LEADERSHIP_MANAGEMENT],
    country: 'US',
    region: 'US-IL',
    timeZone: 'America/Chicago',
    availability: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
      day: day as 'MONDAY',
      startMinute: 18 * 60,
      endMinute: 21 * 60,
    })),
    ...rest,
  };
}

let counter = 0;
/** A one-hour webinar on Tuesday 10 March 2026, 19:00 in Chicago (CDT: 00:00 UTC Wednesday). */
function anEvent(
  overrides: Partial<RecommendableEvent> & { specialties?: string[] } = {},
): RecommendableEvent {
  counter += 1;
  const { specialties = [], ...rest } = overrides;
  const startsAt = rest.startsAt ?? new Date('2026-03-11T00:00:00Z');
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    format: EventFormat.VIRTUAL,
    venueCity: null,
    venueRegion: null,
    venueCountry: null,
    specialtyIds: specialties.map(id),
    growthAreas: [],
    tracks: [],
    creditTypes: [],
    ...rest,
  };
}

const inChicago = {
  format: EventFormat.IN_PERSON,
  venueCity: 'Chicago',
  venueRegion: 'US-IL',
  venueCountry: 'US',
} as const;

function score(seeker: EventSeeker, event: RecommendableEvent) {
  const result = scoreEvent(seeker, event, graph);
  if (!result) throw new Error('expected the event to be within reach');
  return result;
}

function line(seeker: EventSeeker, event: RecommendableEvent, criterion: string) {
  return score(seeker, event).breakdown.find((entry) => entry.criterion === criterion)!;
}

describe('recommended events: scoring', () => {
  it('weights add up to 100 and the score is the sum of the contributions', () => {
    expect(Object.values(RECOMMENDATION_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const result = score(
      aNurse(),
      anEvent({ specialties: ['oncology-nursing'], creditTypes: [CreditType.CNE] }),
    );
    const sum = result.breakdown.reduce((total, entry) => total + entry.contribution * 10, 0);
    expect(result.score * 10).toBeCloseTo(sum, 6);
  });

  it('says "CNE credit for pediatric oncology nursing, your specialty" for the nurse’s own field', () => {
    const result = score(
      aNurse(),
      anEvent({
        specialties: ['pediatric-oncology-nursing'],
        tracks: [Track.NURSING],
        creditTypes: [CreditType.CNE],
      }),
    );
    expect(result.reasons[0]).toBe('CNE credit for pediatric oncology nursing, your specialty');
    expect(
      line(aNurse(), anEvent({ specialties: ['pediatric-oncology-nursing'] }), 'specialty').value,
    ).toBe(1);
  });

  it('ranks the nurse’s specialty with nursing credit above a physicians’ CME course', () => {
    const nursing = anEvent({
      specialties: ['pediatric-oncology-nursing'],
      tracks: [Track.NURSING],
      creditTypes: [CreditType.CNE],
    });
    const physicians = anEvent({
      specialties: ['pediatric-hematology-oncology'],
      tracks: [Track.PHYSICIAN],
      creditTypes: [CreditType.CME],
    });
    const ranked = recommendEvents(aNurse(), [physicians, nursing], graph, 10);
    expect(ranked.map((result) => result.eventId)).toEqual([nursing.id, physicians.id]);
    expect(line(aNurse(), physicians, 'credits').value).toBe(0.25);
    expect(line(aNurse(), physicians, 'track').value).toBe(0);
  });

  it('words a broader or neighbouring specialty through the taxonomy', () => {
    expect(score(aNurse(), anEvent({ specialties: ['pediatric-nursing'] })).reasons).toContain(
      'On pediatric nursing, which includes your pediatric oncology nursing',
    );
    expect(
      score(
        aNurse({ specialties: ['pediatric-nursing'] }),
        anEvent({ specialties: ['pediatric-oncology-nursing'] }),
      ).reasons,
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'On pediatric oncology nursing, a branch of your pediatric nursing',
        ),
      ]),
    );
    // Parent (0.75) beats a sibling (0.5), which beats another nursing specialty (0.25).
    const parent = line(aNurse(), anEvent({ specialties: ['pediatric-nursing'] }), 'specialty');
    const sibling = line(
      aNurse({ specialties: ['critical-care-nursing'] }),
      anEvent({ specialties: ['emergency-nursing'] }),
      'specialty',
    );
    const sameTrack = line(
      aNurse(),
      anEvent({ specialties: ['gerontological-nursing'] }),
      'specialty',
    );
    expect([parent.value, sibling.value, sameTrack.value]).toEqual([0.75, 0.5, 0.25]);
  });

  it('favours the specialty a person is heading for', () => {
    const seeker = aNurse({
      specialties: ['medical-surgical-nursing'],
      target: 'critical-care-nursing',
    });
    const target = score(seeker, anEvent({ specialties: ['critical-care-nursing'] }));
    const current = score(seeker, anEvent({ specialties: ['medical-surgical-nursing'] }));
    expect(target.reasons[0]).toBe('On critical care nursing, the specialty you are aiming for');
    expect(target.score).toBeGreaterThan(current.score);
  });

  it('counts the person’s top goal most', () => {
    const top = anEvent({ growthAreas: [GrowthArea.SPECIALIZATION] });
    const third = anEvent({ growthAreas: [GrowthArea.LEADERSHIP_MANAGEMENT] });
    expect(score(aNurse(), top).reasons).toContain('For specialization, your top goal');
    expect(score(aNurse(), top).score).toBeGreaterThan(score(aNurse(), third).score);
    expect(line(aNurse({ goals: [] }), top, 'goals').value).toBe(0.5);
  });

  it('takes the credit each track’s boards take', () => {
    expect(creditTypesFor(Track.PHARMACY)).toEqual([CreditType.CPE]);
    expect(creditTypesFor(Track.ADVANCED_PRACTICE)).toEqual([CreditType.CNE, CreditType.CME]);
    for (const track of Object.values(Track))
      expect(TRACK_CREDITS[track].length).toBeGreaterThan(0);
    const pharmacist = aNurse({ track: Track.PHARMACY, specialties: [] });
    const cpe = anEvent({ creditTypes: [CreditType.CPE, CreditType.CME] });
    expect(line(pharmacist, cpe, 'credits').value).toBe(1);
    expect(score(pharmacist, cpe).reasons).toContain('CPE credit for pharmacy');
    expect(line(pharmacist, anEvent(), 'credits').value).toBe(0);
  });

  it('says an online event fits the person’s evenings, in their own time zone', () => {
    const result = score(aNurse(), anEvent());
    expect(result.reasons).toContain('Online, fits your weekday evenings');
    expect(line(aNurse(), anEvent(), 'time').value).toBe(1);
    // 03:00 in Chicago: outside every window.
    const night = anEvent({ startsAt: new Date('2026-03-11T09:00:00Z') });
    expect(line(aNurse(), night, 'time').value).toBe(0);
    expect(score(aNurse(), night).reasons.some((reason) => reason.includes('fits'))).toBe(false);
  });

  it('follows daylight saving time at the event’s date', () => {
    // 18:30 in Chicago both times: UTC−6 in February (00:30 UTC), UTC−5 in April (23:30 UTC).
    const february = anEvent({ startsAt: new Date('2026-02-11T00:30:00Z') });
    const april = anEvent({ startsAt: new Date('2026-04-07T23:30:00Z') });
    expect(line(aNurse(), february, 'time').value).toBe(1);
    expect(line(aNurse(), april, 'time').value).toBe(1);
  });

  it('reads the clock change on the very day it happens (Chicago, Sunday 8 March 2026, 02:00)', () => {
    const sunday = (startMinute: number) =>
      aNurse({ availability: [{ day: 'SUNDAY', startMinute, endMinute: startMinute + 60 }] });
    // 01:00 CST, before the change (07:00 UTC), and 18:00 CDT, after it (23:00 UTC).
    const night = anEvent({ startsAt: new Date('2026-03-08T07:00:00Z') });
    const evening = anEvent({ startsAt: new Date('2026-03-08T23:00:00Z') });
    expect(line(sunday(60), night, 'time').value).toBe(1);
    expect(line(sunday(18 * 60), evening, 'time').value).toBe(1);
    expect(line(sunday(17 * 60), evening, 'time').value).toBe(0);
  });

  it('is neutral on time without availability, and for day-long events', () => {
    expect(line(aNurse({ availability: [] }), anEvent(), 'time').value).toBe(0.5);
    const conference = anEvent({ endsAt: new Date('2026-03-13T00:00:00Z') });
    expect(line(aNurse(), conference, 'time').value).toBe(0.5);
  });

  it('counts virtual events everywhere and in-person ones in the person’s country only', () => {
    const abroad = anEvent({
      format: EventFormat.IN_PERSON,
      venueCity: 'Toronto',
      venueRegion: 'CA-ON',
      venueCountry: 'CA',
    });
    expect(isWithinReach(aNurse(), abroad)).toBe(false);
    expect(scoreEvent(aNurse(), abroad, graph)).toBeNull();
    expect(isWithinReach(aNurse(), { ...abroad, format: EventFormat.HYBRID })).toBe(true);
    expect(isWithinReach(aNurse({ country: null, region: null }), anEvent(inChicago))).toBe(false);
    expect(isWithinReach(aNurse({ country: null, region: null }), anEvent())).toBe(true);

    const near = anEvent(inChicago);
    expect(line(aNurse(), near, 'location').value).toBe(1);
    expect(score(aNurse(), near).reasons).toContain(
      'In Chicago, in your region, fits your weekday evenings',
    );
    const boston = anEvent({ ...inChicago, venueCity: 'Boston', venueRegion: 'US-MA' });
    expect(line(aNurse(), boston, 'location').value).toBe(0.5);
  });

  it('orders equal scores by start, then id', () => {
    const later = anEvent({ startsAt: new Date('2026-03-18T00:00:00Z') });
    const a = anEvent({ id: '00000000-0000-4000-8000-0000000000aa' });
    const b = anEvent({ id: '00000000-0000-4000-8000-0000000000bb' });
    const ranked = recommendEvents(aNurse(), [later, b, a], graph, 10);
    expect(ranked.map((result) => result.eventId)).toEqual([a.id, b.id, later.id]);
    expect(compareRecommendations(ranked[0], ranked[0])).toBe(0);
    expect(recommendEvents(aNurse(), [later, b, a], graph, 2)).toHaveLength(2);
  });

  it('keeps a cross-track event in play for related tracks', () => {
    const nursePractitioner = aNurse({ track: Track.ADVANCED_PRACTICE, specialties: [] });
    const forPhysicians = anEvent({ tracks: [Track.PHYSICIAN] });
    expect(line(nursePractitioner, forPhysicians, 'track').value).toBe(0.6);
    expect(line(aNurse(), anEvent({ tracks: [Track.PHARMACY] }), 'track').value).toBe(0);
    expect(line(aNurse(), anEvent(), 'track').value).toBe(0.5);
  });
});
