import { describe, expect, it } from '@jest/globals';
import { CreditType, EventFormat, EventKind, eventProblems } from '@preceptor/events';
import { normalizeRegion, Track } from '@preceptor/taxonomy';
import { SyntheticEvents, zonedInstant } from './synthetic-events.js';
import { catalogFromReference } from './testing/catalog.js';

const AS_OF = new Date('2026-11-01T12:00:00.000Z');
const ORGANIZERS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const generator = new SyntheticEvents({
  seed: 7,
  specialties: catalogFromReference(),
  asOf: AS_OF,
  organizerIds: ORGANIZERS,
});
const SAMPLE = 2_000;
const events = Array.from({ length: SAMPLE }, (_, i) => generator.event(i + 1));

const share = (predicate: (event: (typeof events)[number]) => boolean) =>
  events.filter(predicate).length / events.length;

/** The local hour and minute of an instant in a zone, "HH:MM". */
function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('SyntheticEvents', () => {
  it('gives the same events for the same seed and date, and unique ids', () => {
    const again = new SyntheticEvents({
      seed: 7,
      specialties: catalogFromReference(),
      asOf: AS_OF,
      organizerIds: ORGANIZERS,
    });
    expect(again.event(42)).toEqual(events[41]);
    expect(new Set(events.map((event) => event.id)).size).toBe(SAMPLE);
    expect(events[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('keeps every rule the API enforces', () => {
    const broken = events.flatMap((event) => {
      const problems = eventProblems({
        ...event,
        hasVenue: event.venue !== null,
        credits: event.credits,
      });
      const region = event.venue?.region;
      const regionOk =
        region === undefined ||
        region === null ||
        'code' in normalizeRegion(event.venue!.country, region);
      return problems.length === 0 && regionOk ? [] : [{ id: event.id, problems, region }];
    });
    expect(broken).toEqual([]);
  });

  it('starts every event after the seed date, within the horizon, at a local hour that suits it', () => {
    const day = 24 * 3600 * 1000;
    expect(
      events.filter(
        (event) =>
          event.startsAt.getTime() <= AS_OF.getTime() ||
          event.startsAt.getTime() > AS_OF.getTime() + 182 * day,
      ),
    ).toEqual([]);
    const roundsHours = new Set(
      events
        .filter((event) => event.kind === EventKind.GRAND_ROUNDS)
        .map((event) => localTime(event.startsAt, event.timeZone).slice(0, 2)),
    );
    expect([...roundsHours].sort()).toEqual(['07', '08', '12']);
  });

  it('mixes kinds, formats, tracks and credit types as healthcare education does', () => {
    expect(share((e) => e.kind === EventKind.WEBINAR)).toBeGreaterThan(0.25);
    expect(share((e) => e.kind === EventKind.CONFERENCE)).toBeGreaterThan(0.05);
    for (const format of Object.values(EventFormat)) {
      expect(share((e) => e.format === format)).toBeGreaterThan(0.15);
    }
    for (const track of Object.values(Track)) {
      expect(share((e) => e.tracks.includes(track))).toBeGreaterThan(0.02);
    }
    for (const type of Object.values(CreditType)) {
      expect(share((e) => e.credits.some((credit) => credit.type === type))).toBeGreaterThan(0.005);
    }
    expect(share((e) => e.credits.length > 0)).toBeGreaterThan(0.5);
    expect(share((e) => e.credits.length === 0)).toBeGreaterThan(0.1);
    expect(share((e) => e.specialtyIds.length > 0)).toBeGreaterThan(0.4);
  });

  it('gives each profession the credit its boards take', () => {
    const physicians = events.filter(
      (e) => e.tracks[0] === Track.PHYSICIAN && e.credits.length > 0,
    );
    expect(physicians.every((e) => e.credits[0].type === CreditType.CME)).toBe(true);
    const pharmacy = events.filter((e) => e.tracks[0] === Track.PHARMACY && e.credits.length > 0);
    expect(
      pharmacy.every((e) => /^\d{4}-0000-\d{2}-\d{3}-L0\d-P$/.test(e.credits[0].activityId ?? '')),
    ).toBe(true);
  });

  it('spreads events over the organizers', () => {
    expect(new Set(events.map((event) => event.organizerId))).toEqual(new Set(ORGANIZERS));
  });
});

describe('zonedInstant', () => {
  it('reads a wall-clock time in the zone, across daylight-saving changes', () => {
    // 2027-03-14: Chicago springs forward at 02:00; 2027-11-07: falls back.
    expect(zonedInstant(new Date('2027-03-13T00:00Z'), 9, 0, 'America/Chicago').toISOString()).toBe(
      '2027-03-13T15:00:00.000Z',
    );
    expect(zonedInstant(new Date('2027-03-14T00:00Z'), 9, 0, 'America/Chicago').toISOString()).toBe(
      '2027-03-14T14:00:00.000Z',
    );
    expect(zonedInstant(new Date('2027-11-07T00:00Z'), 9, 0, 'America/Chicago').toISOString()).toBe(
      '2027-11-07T15:00:00.000Z',
    );
    expect(zonedInstant(new Date('2027-06-01T00:00Z'), 8, 30, 'Asia/Kolkata').toISOString()).toBe(
      '2027-06-01T03:00:00.000Z',
    );
  });
});
