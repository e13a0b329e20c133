import { describe, expect, it } from '@jest/globals';
import { EventStatus, RsvpStatus } from '../event-enums.js';
import {
  attendanceIds,
  attendanceRefusal,
  MAX_ATTENDANCE_IDS,
  planAttendance,
} from './attendance-rules.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('attendanceIds', () => {
  it('keeps each id once, in first-seen order, case folded', () => {
    const upper = id(2).toUpperCase();
    expect(attendanceIds([id(1), id(2), id(1), upper])).toEqual({
      ids: [id(1), id(2)],
      problems: [],
    });
  });

  it('refuses an empty list', () => {
    expect(attendanceIds([]).problems).toEqual([
      { field: 'userIds', message: 'give at least one user id' },
    ]);
  });

  it('takes exactly the cap and refuses one more', () => {
    const ids = Array.from({ length: MAX_ATTENDANCE_IDS }, (_, n) => id(n));
    expect(attendanceIds(ids).ids).toHaveLength(MAX_ATTENDANCE_IDS);
    const over = attendanceIds([...ids, id(MAX_ATTENDANCE_IDS)]);
    expect(over.ids).toEqual([]);
    expect(over.problems[0]?.field).toBe('userIds');
    expect(over.problems[0]?.message).toContain('at most 1000');
  });

  it('names every id that is not a uuid by its index', () => {
    const result = attendanceIds([id(1), 'bob', id(2), '']);
    expect(result.ids).toEqual([]);
    expect(result.problems.map((p) => p.field)).toEqual(['userIds[1]', 'userIds[3]']);
    expect(result.problems[0]?.message).toBe('"bob" is not a user id');
  });

  it('lists at most 20 bad ids', () => {
    expect(attendanceIds(Array.from({ length: 50 }, () => 'x')).problems).toHaveLength(20);
  });
});

describe('attendanceRefusal', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const event = (status: EventStatus, startsAt: string) => ({
    status,
    startsAt: new Date(startsAt),
  });

  it('takes attendance from the start of a published event, and long after it', () => {
    expect(attendanceRefusal(event(EventStatus.PUBLISHED, '2026-05-01T12:00:00Z'), now)).toBeNull();
    expect(attendanceRefusal(event(EventStatus.PUBLISHED, '2025-05-01T12:00:00Z'), now)).toBeNull();
  });

  it('refuses before the start', () => {
    expect(attendanceRefusal(event(EventStatus.PUBLISHED, '2026-05-01T12:00:01Z'), now)).toBe(
      'NOT_STARTED',
    );
  });

  it('refuses drafts and cancelled events, whenever they were', () => {
    expect(attendanceRefusal(event(EventStatus.DRAFT, '2026-04-01T00:00:00Z'), now)).toBe(
      'NOT_PUBLISHED',
    );
    expect(attendanceRefusal(event(EventStatus.CANCELLED, '2026-04-01T00:00:00Z'), now)).toBe(
      'CANCELLED',
    );
  });
});

describe('planAttendance', () => {
  it('marks the going, skips the attended, and refuses everyone else', () => {
    const statuses = new Map([
      [id(1), RsvpStatus.GOING],
      [id(2), RsvpStatus.ATTENDED],
      [id(3), RsvpStatus.WAITLISTED],
      [id(4), RsvpStatus.CANCELLED],
      [id(5), RsvpStatus.GOING],
    ]);
    expect(planAttendance([id(1), id(2), id(3), id(4), id(5), id(6)], statuses)).toEqual({
      toMark: [id(1), id(5)],
      alreadyAttended: [id(2)],
      notGoing: [id(3), id(4), id(6)],
    });
  });

  it('marks nobody twice: a second call finds them attended', () => {
    const statuses = new Map([[id(1), RsvpStatus.ATTENDED]]);
    expect(planAttendance([id(1)], statuses)).toEqual({
      toMark: [],
      alreadyAttended: [id(1)],
      notGoing: [],
    });
  });
});
