import { describe, expect, it } from '@jest/globals';
import { CreditType, EventFormat } from '../event-enums.js';
import {
  eventHours,
  eventProblems,
  formatHours,
  isHttpsUrl,
  type EventShape,
} from './event-rules.js';

const at = (iso: string) => new Date(iso);

/** A valid two-hour webinar; override what a case is about. */
function anEvent(overrides: Partial<EventShape> = {}): EventShape {
  return {
    startsAt: at('2027-03-09T15:00:00Z'),
    endsAt: at('2027-03-09T17:00:00Z'),
    timeZone: 'America/Chicago',
    format: EventFormat.VIRTUAL,
    hasVenue: false,
    joinUrl: 'https://meet.example.org/grand-rounds',
    capacity: 100,
    credits: [],
    ...overrides,
  };
}

const fields = (shape: EventShape) => eventProblems(shape).map((problem) => problem.field);
const credit = (hours: number, type = CreditType.CME, accreditor = 'ACCME') => ({
  type,
  hours,
  accreditor,
  activityId: null,
});

describe('eventProblems', () => {
  it('accepts a valid event of each format', () => {
    expect(eventProblems(anEvent())).toEqual([]);
    expect(
      eventProblems(anEvent({ format: EventFormat.IN_PERSON, hasVenue: true, joinUrl: null })),
    ).toEqual([]);
    expect(eventProblems(anEvent({ format: EventFormat.HYBRID, hasVenue: true }))).toEqual([]);
  });

  it('refuses an end before, or at, the start', () => {
    expect(fields(anEvent({ endsAt: at('2027-03-09T14:00:00Z') }))).toEqual(['endsAt']);
    expect(fields(anEvent({ endsAt: at('2027-03-09T15:00:00Z') }))).toEqual(['endsAt']);
  });

  it.each(['Mars/Olympus_Mons', 'Central Time', 'America/Springfield', ''])(
    'refuses the time zone %j',
    (timeZone) => expect(fields(anEvent({ timeZone }))).toEqual(['timeZone']),
  );

  it('accepts IANA aliases and UTC', () => {
    expect(fields(anEvent({ timeZone: 'US/Eastern' }))).toEqual([]);
    expect(fields(anEvent({ timeZone: 'UTC' }))).toEqual([]);
  });

  it('asks in-person and hybrid events for a venue', () => {
    expect(fields(anEvent({ format: EventFormat.IN_PERSON, joinUrl: null }))).toEqual(['venue']);
    expect(fields(anEvent({ format: EventFormat.HYBRID }))).toEqual(['venue']);
  });

  it('asks virtual and hybrid events for a join URL', () => {
    expect(fields(anEvent({ joinUrl: null }))).toEqual(['joinUrl']);
    expect(fields(anEvent({ format: EventFormat.HYBRID, hasVenue: true, joinUrl: null }))).toEqual([
      'joinUrl',
    ]);
  });

  it.each(['http://meet.example.org/x', 'ftp://example.org', 'meet.example.org', 'https://'])(
    'refuses the join URL %j: https only',
    (joinUrl) => expect(fields(anEvent({ joinUrl }))).toEqual(['joinUrl']),
  );

  it.each([0, -5, 2.5, 100_001])('refuses a capacity of %j', (capacity) =>
    expect(fields(anEvent({ capacity }))).toEqual(['capacity']),
  );

  it('accepts no capacity (no limit) and a capacity of 1', () => {
    expect(fields(anEvent({ capacity: null }))).toEqual([]);
    expect(fields(anEvent({ capacity: 1 }))).toEqual([]);
  });

  it('accepts credit hours up to the event’s length in 60-minute hours', () => {
    expect(fields(anEvent({ credits: [credit(2), credit(1.5, CreditType.CNE, 'ANCC')] }))).toEqual(
      [],
    );
  });

  it('refuses credit hours that are not positive, too precise or above the length', () => {
    const problems = eventProblems(
      anEvent({
        credits: [
          credit(0),
          credit(-1, CreditType.CNE),
          credit(1.125, CreditType.CE),
          credit(2.25, CreditType.CPE),
        ],
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'credits[0].hours',
      'credits[1].hours',
      'credits[2].hours',
      'credits[3].hours',
    ]);
    expect(problems[3].message).toBe(
      '2.25 is more than the event lasts (2 hours); credit hours are 60-minute hours',
    );
  });

  it('refuses the same credit type from the same accreditor twice', () => {
    expect(fields(anEvent({ credits: [credit(1), credit(2, CreditType.CME, 'accme')] }))).toEqual([
      'credits[1]',
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      fields(
        anEvent({
          format: EventFormat.HYBRID,
          joinUrl: null,
          timeZone: 'Nowhere/Land',
          endsAt: at('2027-03-09T10:00:00Z'),
          capacity: 0,
        }),
      ),
    ).toEqual(['endsAt', 'timeZone', 'venue', 'joinUrl', 'capacity']);
  });
});

describe('eventHours and formatHours', () => {
  it('counts 60-minute hours', () => {
    expect(eventHours(at('2027-03-09T15:00:00Z'), at('2027-03-09T16:30:00Z'))).toBe(1.5);
    expect(formatHours(1.5)).toBe('1.5 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(0.75)).toBe('45 minutes');
  });

  it('measures real time across a daylight-saving change', () => {
    // 2027-03-14 02:00 in Chicago does not exist: 01:00 CST to 04:00 CDT is two hours.
    expect(eventHours(at('2027-03-14T07:00:00Z'), at('2027-03-14T09:00:00Z'))).toBe(2);
  });
});

describe('isHttpsUrl', () => {
  it('accepts https links only', () => {
    expect(isHttpsUrl('https://zoom.example.com/j/123?pwd=x')).toBe(true);
    expect(isHttpsUrl('http://zoom.example.com/j/123')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
  });
});
