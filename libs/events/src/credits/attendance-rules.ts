/**
 * What markAttendance accepts. Pure: no Nest, no database; the service turns problems into
 * BAD_USER_INPUT and refusals into typed errors.
 */
import type { FieldProblem } from '@preceptor/core';
import { isUuid } from '@preceptor/core/ids';
import { EventStatus, RsvpStatus } from '../event-enums.js';
import { hasStarted } from '../rules/event-access.js';

/** At most this many ids per call (a large congress marks attendance in batches). */
export const MAX_ATTENDANCE_IDS = 1_000;

/** How many offending ids an error message (and its details) lists. */
export const LISTED_IDS = 20;

export type AttendanceIds = { ids: string[]; problems: [] } | { ids: []; problems: FieldProblem[] };

/** The distinct ids of the list (lower-cased, first occurrence kept), or what is wrong with it. */
export function attendanceIds(userIds: readonly string[]): AttendanceIds {
  if (userIds.length === 0) {
    return { ids: [], problems: [{ field: 'userIds', message: 'give at least one user id' }] };
  }
  if (userIds.length > MAX_ATTENDANCE_IDS) {
    return {
      ids: [],
      problems: [
        {
          field: 'userIds',
          message: `at most ${MAX_ATTENDANCE_IDS} ids per call (got ${userIds.length}); send the rest in another call`,
        },
      ],
    };
  }
  const problems = userIds.flatMap((id, index) =>
    isUuid(id)
      ? []
      : [{ field: `userIds[${index}]`, message: `"${id.slice(0, 60)}" is not a user id` }],
  );
  if (problems.length > 0) return { ids: [], problems: problems.slice(0, LISTED_IDS) };
  return { ids: [...new Set(userIds.map((id) => id.toLowerCase()))], problems: [] };
}

/** Why attendance cannot be recorded for this event now; null when it can. */
export type AttendanceRefusal = 'NOT_PUBLISHED' | 'CANCELLED' | 'NOT_STARTED';

export function attendanceRefusal(
  event: { status: EventStatus; startsAt: Date },
  now: Date,
): AttendanceRefusal | null {
  switch (event.status) {
    case EventStatus.DRAFT:
      return 'NOT_PUBLISHED';
    case EventStatus.CANCELLED:
      return 'CANCELLED';
    case EventStatus.PUBLISHED:
      return hasStarted(event, now) ? null : 'NOT_STARTED';
  }
}

export interface AttendancePlan {
  /** GOING now: they become ATTENDED (and get the event's credits). */
  toMark: string[];
  /** Already ATTENDED: nothing changes, nothing is counted. */
  alreadyAttended: string[];
  /** No RSVP at this event, or one that is WAITLISTED or CANCELLED: the call is refused. */
  notGoing: string[];
}

/** Sorts the requested ids by the RSVP each holds at the event (absent: no RSVP). */
export function planAttendance(
  ids: readonly string[],
  rsvpStatusOf: ReadonlyMap<string, RsvpStatus>,
): AttendancePlan {
  const plan: AttendancePlan = { toMark: [], alreadyAttended: [], notGoing: [] };
  for (const id of ids) {
    const status = rsvpStatusOf.get(id);
    if (status === RsvpStatus.GOING) plan.toMark.push(id);
    else if (status === RsvpStatus.ATTENDED) plan.alreadyAttended.push(id);
    else plan.notGoing.push(id);
  }
  return plan;
}
