/**
 * Who sees and manages an event. Pure; the services build the viewer from the caller.
 */
import { EventStatus, RsvpStatus } from '../event-enums.js';

/** The caller as these rules need them; undefined when nobody is signed in. */
export interface Viewer {
  id: string;
  isAdmin: boolean;
}

interface Owned {
  organizerId: string;
  status: EventStatus;
}

/** The organizer and admins edit, publish and cancel an event. */
export function canManage(event: Owned, viewer: Viewer | undefined): boolean {
  return viewer !== undefined && (viewer.isAdmin || viewer.id === event.organizerId);
}

/** A draft exists only for those who manage it; anything else is seen by everyone. */
export function canSee(event: Owned, viewer: Viewer | undefined): boolean {
  return event.status !== EventStatus.DRAFT || canManage(event, viewer);
}

/** The RSVP statuses that hold a seat: going, or attended once attendance is recorded. */
export const SEAT_HOLDING_STATUSES: readonly RsvpStatus[] = [RsvpStatus.GOING, RsvpStatus.ATTENDED];

/** The join link: for those who manage the event and those holding a seat. */
export function seesJoinUrl(
  event: Owned,
  viewer: Viewer | undefined,
  viewerRsvp: RsvpStatus | undefined,
): boolean {
  return (
    canManage(event, viewer) ||
    (viewerRsvp !== undefined && SEAT_HOLDING_STATUSES.includes(viewerRsvp))
  );
}

/** Registration closes when the event starts; "upcoming" means the same everywhere. */
export function hasStarted(event: { startsAt: Date }, now: Date): boolean {
  return event.startsAt.getTime() <= now.getTime();
}
