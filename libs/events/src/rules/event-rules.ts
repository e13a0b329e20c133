/**
 * The rules an event must keep whatever path wrote it (create, or update merged with what is
 * stored). Pure: no Nest, no database; the service turns problems into BAD_USER_INPUT.
 */
import type { FieldProblem } from '@preceptor/core';
import { isValidTimeZone } from '@preceptor/taxonomy/reference';
import { hasVenue, isOnline, type CreditType, type EventFormat } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';

export interface CreditOffer {
  type: CreditType;
  hours: number;
  accreditor: string;
  activityId: string | null;
  providerNumber?: string | null;
}

/** What the rules look at: the event as it would be saved. */
export interface EventShape {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: EventFormat;
  hasVenue: boolean;
  joinUrl: string | null;
  capacity: number | null;
  credits: readonly CreditOffer[];
}

const MS_PER_HOUR = 3_600_000;

/** How long an event lasts in 60-minute hours, the unit of CE contact hours. */
export function eventHours(startsAt: Date, endsAt: Date): number {
  return (endsAt.getTime() - startsAt.getTime()) / MS_PER_HOUR;
}

/** "1.5 hours", "1 hour", "30 minutes" */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} hour${rounded === 1 ? '' : 's'}`;
}

/** A number with at most two decimals (what numeric(5,2) stores without rounding). */
function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Every way `event` breaks the rules, each naming its input field; empty when it keeps them. */
export function eventProblems(event: EventShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const valid = (date: Date) => !Number.isNaN(date.getTime());
  if (valid(event.startsAt) && valid(event.endsAt) && event.endsAt <= event.startsAt) {
    problems.push({
      field: 'endsAt',
      message: `must be after startsAt (${event.startsAt.toISOString()}); the event would end before it starts`,
    });
  }
  if (!isValidTimeZone(event.timeZone)) {
    problems.push({
      field: 'timeZone',
      message: `"${event.timeZone}" is not an IANA time zone such as "America/Chicago"`,
    });
  }
  if (hasVenue(event.format) && !event.hasVenue) {
    problems.push({
      field: 'venue',
      message: `an ${event.format} event needs a venue: send venue { name city country }`,
    });
  }
  if (isOnline(event.format) && event.joinUrl === null) {
    problems.push({
      field: 'joinUrl',
      message: `a ${event.format} event needs a joinUrl, an https:// link to join online`,
    });
  }
  if (event.joinUrl !== null && !isHttpsUrl(event.joinUrl)) {
    problems.push({ field: 'joinUrl', message: 'must be an https:// URL' });
  }
  if (
    event.capacity !== null &&
    (!Number.isInteger(event.capacity) ||
      event.capacity < 1 ||
      event.capacity > EVENT_LIMITS.capacity)
  ) {
    problems.push({
      field: 'capacity',
      message: `must be a whole number from 1 to ${EVENT_LIMITS.capacity}; leave it empty for no limit`,
    });
  }
  problems.push(...creditProblems(event));
  return problems;
}

function creditProblems(event: EventShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const length = eventHours(event.startsAt, event.endsAt);
  const seen = new Set<string>();
  event.credits.forEach((credit, index) => {
    const field = `credits[${index}]`;
    if (!(credit.hours > 0)) {
      problems.push({ field: `${field}.hours`, message: 'must be more than 0' });
    } else if (!hasAtMostTwoDecimals(credit.hours)) {
      problems.push({
        field: `${field}.hours`,
        message: 'must have at most two decimals, e.g. 1.25',
      });
    } else if (length > 0 && credit.hours > length + 1e-9) {
      problems.push({
        field: `${field}.hours`,
        message: `${credit.hours} is more than the event lasts (${formatHours(length)}); credit hours are 60-minute hours`,
      });
    }
    const key = `${credit.type}|${credit.accreditor.toLowerCase()}`;
    if (seen.has(key)) {
      problems.push({
        field,
        message: `repeats ${credit.type} from ${credit.accreditor}; list each credit once`,
      });
    }
    seen.add(key);
  });
  return problems;
}
