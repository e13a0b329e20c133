import { regionName, type SpecialtyCatalog } from '@preceptor/taxonomy';
import type { EventCreditEntity } from './entities/event-credit.entity.js';
import type { EventEntity } from './entities/event.entity.js';
import type { RsvpEntity } from './entities/rsvp.entity.js';
import type { EventModel, RsvpModel, VenueModel } from './models/event.models.js';
import { seesJoinUrl, type Viewer } from './rules/event-access.js';
import { freeSeats } from './rules/waitlist.js';

/** Columns of an event the API never shows: pages do not read them. */
export const UNSHOWN_EVENT_FIELDS = [
  'searchWords',
  'specialtyLineage',
  'isSeeded',
] as const satisfies readonly (keyof EventEntity)[];

/** An event's row as the mapper reads it: an entity, or a plain row of the same fields. */
export type EventRecord = Omit<EventEntity, (typeof UNSHOWN_EVENT_FIELDS)[number]>;

/** What the API shows of a credit an event offers: every column but its event and place. */
export const EVENT_CREDIT_FIELDS = [
  'type',
  'hours',
  'accreditor',
  'activityId',
  'providerNumber',
] as const satisfies readonly (keyof EventCreditEntity)[];

/** One credit an event offers, as the mapper reads it (an entity, or a plain row). */
export type EventCreditRecord = Pick<EventCreditEntity, (typeof EVENT_CREDIT_FIELDS)[number]>;

/** What an event's page shows besides its own row. */
export interface EventParts {
  credits: readonly EventCreditRecord[];
  organizerName: string;
  viewerRsvp: RsvpEntity | undefined;
}

function toVenue(event: EventRecord): VenueModel | null {
  if (event.venueName === null || event.venueCity === null || event.venueCountry === null) {
    return null;
  }
  return {
    name: event.venueName,
    address: event.venueAddress,
    city: event.venueCity,
    region: event.venueRegion,
    regionName: event.venueRegion === null ? null : (regionName(event.venueRegion) ?? null),
    country: event.venueCountry,
  };
}

/**
 * The only way an event row reaches the API: the join link only for those who may see it
 * (see event-access.ts), the organizer by name only.
 */
export function toEventModel(
  event: EventRecord,
  parts: EventParts,
  viewer: Viewer | undefined,
  catalog: SpecialtyCatalog,
): EventModel {
  const seats = {
    capacity: event.capacity,
    going: event.goingCount,
    waitlisted: event.waitlistCount,
  };
  const model: EventModel = {
    id: event.id,
    title: event.title,
    description: event.description,
    kind: event.kind,
    format: event.format,
    status: event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: toVenue(event),
    joinUrl: seesJoinUrl(event, viewer, parts.viewerRsvp?.status) ? event.joinUrl : null,
    capacity: event.capacity,
    goingCount: event.goingCount,
    waitlistCount: event.waitlistCount,
    spotsLeft: event.capacity === null ? null : freeSeats(seats),
    specialties: event.specialtyIds.flatMap((id) => catalog.byIdOrUndefined(id)?.model ?? []),
    growthAreas: event.growthAreas,
    tracks: event.tracks,
    credits: parts.credits.map((credit) => ({
      type: credit.type,
      hours: credit.hours,
      accreditor: credit.accreditor,
      activityId: credit.activityId,
      providerNumber: credit.providerNumber,
    })),
    organizer: { userId: event.organizerId, fullName: parts.organizerName },
    myRsvp: null,
    sequence: event.sequence,
    publishedAt: event.publishedAt,
    cancelledAt: event.cancelledAt,
    cancellationReason: event.cancellationReason,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
  model.myRsvp = parts.viewerRsvp ? toRsvpModel(parts.viewerRsvp, model) : null;
  return model;
}

export function toRsvpModel(rsvp: RsvpEntity, event: EventModel): RsvpModel {
  return {
    id: rsvp.id,
    eventId: rsvp.eventId,
    event,
    status: rsvp.status,
    waitlistPosition: rsvp.waitlistPosition,
    promotedAt: rsvp.promotedAt,
    cancelledAt: rsvp.cancelledAt,
    attendedAt: rsvp.attendedAt,
    createdAt: rsvp.createdAt,
    updatedAt: rsvp.updatedAt,
  };
}
