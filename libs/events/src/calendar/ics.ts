import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** What a calendar shows of one event; built from the entity by the caller. */
export interface CalendarEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone: DTSTART/DTEND carry it as TZID, with a VTIMEZONE for it. */
  timeZone: string;
  cancelled: boolean;
  sequence: number;
  /** One line, e.g. "Rush University Medical Center, 600 S Paulina St, Chicago, US-IL, US". */
  location: string | null;
  /** Where the event can be looked at (its public .ics). */
  url: string;
  /** Only in a feed for someone allowed to see it; never in the public file. */
  joinUrl?: string | null;
  /** When this version was made (DTSTAMP). */
  updatedAt: Date;
}

export interface CalendarFile {
  name: string;
  events: readonly CalendarEvent[];
}

/** A UID that stays the same through every change, so calendar apps update rather than add. */
export function calendarUid(eventId: string): string {
  return `${eventId}@preceptor`;
}

/**
 * An iCalendar (RFC 5545) file. Times are written in the event's own zone (TZID) with a
 * VTIMEZONE for each zone used: calendar apps without one show UTC.
 */
export function buildCalendar({ name, events }: CalendarFile): string {
  const calendar = new ICalCalendar({
    name,
    prodId: { company: 'Preceptor', product: 'Events', language: 'EN' },
  });
  // One VTIMEZONE per zone the events use (ical-generator adds the calendar's zone; the
  // others come from the generator via each event's timezone).
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const event of events) {
    // Luxon carries the zone so that the wall-clock time written is the event's, not the
    // server's (a native Date would be formatted in the process's local zone).
    const inZone = (date: Date) => DateTime.fromJSDate(date, { zone: event.timeZone });
    const description = event.joinUrl
      ? `${event.description}\n\nJoin: ${event.joinUrl}`
      : event.description;
    calendar.createEvent({
      id: calendarUid(event.id),
      sequence: event.sequence,
      start: inZone(event.startsAt),
      end: inZone(event.endsAt),
      timezone: event.timeZone,
      stamp: event.updatedAt,
      summary: event.title,
      description,
      location: event.location,
      url: event.url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
