import { describe, expect, it } from '@jest/globals';
import { buildCalendar, type CalendarEvent } from './ics.js';

/** 09:00 in Chicago on 2027-03-14, the day US daylight saving time starts (CDT, UTC−5). */
const ROUNDS: CalendarEvent = {
  id: '6f1c2f7e-8a43-4c55-9a0d-1d2f3e4a5b6c',
  title: 'Pediatric sepsis grand rounds',
  description: 'Early recognition; bundles.',
  startsAt: new Date('2027-03-14T14:00:00Z'),
  endsAt: new Date('2027-03-14T16:00:00Z'),
  timeZone: 'America/Chicago',
  cancelled: false,
  sequence: 2,
  location: 'Rush University Medical Center, Chicago, US-IL, US',
  url: 'https://preceptor.example/events/6f1c2f7e-8a43-4c55-9a0d-1d2f3e4a5b6c.ics',
  updatedAt: new Date('2027-01-02T03:04:05Z'),
};

/** The file as logical lines (folded lines joined, RFC 5545 §3.1). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('buildCalendar', () => {
  it('writes local times with TZID and a VTIMEZONE for the zone', () => {
    const out = lines(buildCalendar({ name: 'Events', events: [ROUNDS] }));
    expect(out).toContain('DTSTART;TZID=America/Chicago:20270314T090000');
    expect(out).toContain('DTEND;TZID=America/Chicago:20270314T110000');
    expect(out).toContain('BEGIN:VTIMEZONE');
    expect(out).toContain('TZID:America/Chicago');
  });

  it('writes the wall-clock time of the event zone whatever zone the process runs in', () => {
    const tokyo = { ...ROUNDS, timeZone: 'Asia/Tokyo' };
    const out = lines(buildCalendar({ name: 'Events', events: [tokyo] }));
    expect(out).toContain('DTSTART;TZID=Asia/Tokyo:20270314T230000');
    expect(out).toContain('TZID:Asia/Tokyo');
  });

  it('has a stable UID, the SEQUENCE, the location and the URL', () => {
    const out = lines(buildCalendar({ name: 'Events', events: [ROUNDS] }));
    expect(out).toContain(`UID:${ROUNDS.id}@preceptor`);
    expect(out).toContain('SEQUENCE:2');
    expect(out).toContain('LOCATION:Rush University Medical Center\\, Chicago\\, US-IL\\, US');
    expect(out).toContain(`URL;VALUE=URI:${ROUNDS.url}`);
    expect(out).toContain('STATUS:CONFIRMED');
  });

  it('marks a cancelled event STATUS:CANCELLED', () => {
    const out = lines(buildCalendar({ name: 'Events', events: [{ ...ROUNDS, cancelled: true }] }));
    expect(out).toContain('STATUS:CANCELLED');
  });

  it('puts the join link in the description only when given', () => {
    const without = buildCalendar({ name: 'Events', events: [ROUNDS] });
    expect(without).not.toContain('meet.example.org');
    const withJoin = lines(
      buildCalendar({
        name: 'Mine',
        events: [{ ...ROUNDS, joinUrl: 'https://meet.example.org/r/1' }],
      }),
    );
    expect(withJoin.join('\n')).toContain('Join: https://meet.example.org/r/1');
  });

  it('writes one VTIMEZONE per zone used, and none for an empty feed', () => {
    const two = buildCalendar({
      name: 'Mine',
      events: [ROUNDS, { ...ROUNDS, id: 'b', timeZone: 'Europe/Paris' }, { ...ROUNDS, id: 'c' }],
    });
    expect(two.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    const empty = buildCalendar({ name: 'Mine', events: [] });
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
