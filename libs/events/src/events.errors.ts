import { ApiErrorCode, assertNever, DomainError } from '@preceptor/core';

export enum EventsErrorReason {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  NOT_EVENT_ORGANIZER = 'NOT_EVENT_ORGANIZER',
  EVENT_NOT_PUBLISHED = 'EVENT_NOT_PUBLISHED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_STARTED = 'EVENT_STARTED',
  CAPACITY_BELOW_GOING = 'CAPACITY_BELOW_GOING',
  RSVP_NOT_FOUND = 'RSVP_NOT_FOUND',
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
  EVENT_NOT_STARTED = 'EVENT_NOT_STARTED',
  NOT_GOING = 'NOT_GOING',
}

export class EventsError extends DomainError<EventsErrorReason> {
  get apiCode(): ApiErrorCode {
    switch (this.reason) {
      case EventsErrorReason.EVENT_NOT_FOUND:
      case EventsErrorReason.RSVP_NOT_FOUND:
        return ApiErrorCode.NOT_FOUND;
      case EventsErrorReason.NOT_EVENT_ORGANIZER:
        return ApiErrorCode.FORBIDDEN;
      case EventsErrorReason.EVENT_NOT_PUBLISHED:
      case EventsErrorReason.EVENT_CANCELLED:
      case EventsErrorReason.EVENT_STARTED:
      case EventsErrorReason.CAPACITY_BELOW_GOING:
      case EventsErrorReason.ATTENDANCE_RECORDED:
      case EventsErrorReason.EVENT_NOT_STARTED:
      case EventsErrorReason.NOT_GOING:
        return ApiErrorCode.BAD_USER_INPUT;
      default:
        return assertNever(this.reason);
    }
  }

  /** Also what a draft is to anyone but its organizer and admins. */
  static eventNotFound(): EventsError {
    return new EventsError(
      EventsErrorReason.EVENT_NOT_FOUND,
      'There is no event with that id. Find events with events(filter: ...).',
    );
  }

  static notOrganizer(): EventsError {
    return new EventsError(
      EventsErrorReason.NOT_EVENT_ORGANIZER,
      'Only the event’s organizer or an admin can change it.',
    );
  }

  static notPublished(): EventsError {
    return new EventsError(
      EventsErrorReason.EVENT_NOT_PUBLISHED,
      'This event is a draft: publish it with publishEvent before taking RSVPs.',
      { field: 'eventId' },
    );
  }

  static cancelled(action: string): EventsError {
    return new EventsError(
      EventsErrorReason.EVENT_CANCELLED,
      `This event was cancelled, so ${action}.`,
      { field: 'eventId' },
    );
  }

  static started(startsAt: Date, action: string): EventsError {
    return new EventsError(
      EventsErrorReason.EVENT_STARTED,
      `This event started at ${startsAt.toISOString()}, so ${action}.`,
      { field: 'eventId' },
    );
  }

  static capacityBelowGoing(capacity: number, going: number): EventsError {
    return new EventsError(
      EventsErrorReason.CAPACITY_BELOW_GOING,
      `capacity: ${going} ${going === 1 ? 'person is' : 'people are'} going, so the capacity cannot be lowered to ${capacity}; it can be ${going} or more.`,
      { field: 'capacity', going },
    );
  }

  static rsvpNotFound(): EventsError {
    return new EventsError(
      EventsErrorReason.RSVP_NOT_FOUND,
      'You have not RSVPed to this event; there is nothing to cancel.',
    );
  }

  static attendanceRecorded(): EventsError {
    return new EventsError(
      EventsErrorReason.ATTENDANCE_RECORDED,
      'Your attendance at this event is already recorded; it cannot be cancelled.',
      { field: 'eventId' },
    );
  }

  static notStarted(startsAt: Date): EventsError {
    return new EventsError(
      EventsErrorReason.EVENT_NOT_STARTED,
      `This event starts at ${startsAt.toISOString()}; attendance can be recorded once it has started.`,
      { field: 'eventId' },
    );
  }

  /** Some of the ids hold no seat at the event; `listed` are the first few of them. */
  static notGoing(count: number, listed: readonly string[]): EventsError {
    const more = count > listed.length ? ` and ${count - listed.length} more` : '';
    return new EventsError(
      EventsErrorReason.NOT_GOING,
      `userIds: ${count} of these people ${count === 1 ? 'is' : 'are'} not going to this event (no RSVP, waitlisted or cancelled): ${listed.join(', ')}${more}. Only people going can be marked as attended; nothing was recorded.`,
      { field: 'userIds', notGoing: listed, notGoingCount: count },
    );
  }
}
