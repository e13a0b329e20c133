import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError, runTransaction, type FieldProblem } from '@preceptor/core';
import { lineageOf, SpecialtyCatalog, type CatalogSpecialty } from '@preceptor/taxonomy';
import { DataSource, type EntityManager } from 'typeorm';
import {
  REQUIRED_EVENT_FIELDS,
  type CreateEventInput,
  type CreditInput,
  type UpdateEventInput,
  type VenueInput,
} from './dto/event.input.js';
import { EventCreditEntity } from './entities/event-credit.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { EventStatus, RsvpStatus } from './event-enums.js';
import { eventSearchVector } from './event-search.js';
import { EventViews, viewerOf } from './event-views.service.js';
import { lockManagedEvent } from './event-locks.js';
import { EventsError } from './events.errors.js';
import type { EventModel } from './models/event.models.js';
import { canSee } from './rules/event-access.js';
import { eventProblems, type CreditOffer } from './rules/event-rules.js';
import { afterCapacityChange } from './rules/waitlist.js';
import { applySeatChange, seatsOf } from './seating.js';

/** Assigns `value` unless the client omitted the field (undefined); null clears it. */
function keepOrSet<T>(value: T | undefined, current: T): T {
  return value === undefined ? current : value;
}

function toOffers(credits: readonly CreditInput[]): CreditOffer[] {
  return credits.map((credit) => ({
    type: credit.type,
    hours: credit.hours,
    accreditor: credit.accreditor,
    activityId: credit.activityId ?? null,
    providerNumber: credit.providerNumber ?? null,
  }));
}

function venueColumns(venue: VenueInput | null): Partial<EventEntity> {
  return {
    venueName: venue?.name ?? null,
    venueAddress: venue?.address ?? null,
    venueCity: venue?.city ?? null,
    venueRegion: venue?.region ?? null,
    venueCountry: venue?.country ?? null,
  };
}

function specialtyColumns(specialties: readonly CatalogSpecialty[]): Partial<EventEntity> {
  return {
    specialtyIds: specialties.map((specialty) => specialty.id),
    specialtyLineage: lineageOf(specialties),
  };
}

function refuseIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw CommonError.invalidInput(problems);
}

/** What an event's organizer (or an admin) does to it: create, update, publish, cancel. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
    private readonly views: EventViews,
  ) {}

  /** An event as the caller sees it; null when there is none they may see (a draft of others). */
  async event(id: string, caller: AuthUser | undefined): Promise<EventModel | null> {
    const viewer = viewerOf(caller);
    const event = await this.dataSource.manager.findOne(EventEntity, { where: { id } });
    if (!event || !canSee(event, viewer)) return null;
    return this.views.model(event, viewer);
  }

  async create(caller: AuthUser, input: CreateEventInput): Promise<EventModel> {
    const specialties = this.catalog.resolve(input.specialtySlugs ?? [], 'specialtySlugs');
    const credits = toOffers(input.credits ?? []);
    const columns: Partial<EventEntity> = {
      organizerId: caller.id,
      title: input.title,
      description: input.description,
      kind: input.kind,
      format: input.format,
      status: EventStatus.DRAFT,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      ...venueColumns(input.venue ?? null),
      joinUrl: input.joinUrl ?? null,
      capacity: input.capacity ?? null,
      ...specialtyColumns(specialties),
      growthAreas: input.growthAreas ?? [],
      tracks: input.tracks ?? [],
      searchWords: eventSearchVector(input.title, input.description),
    };
    refuseIfAny(eventProblems(this.shape(columns, credits)));
    const saved = await runTransaction(this.dataSource, async (manager) => {
      const event = await manager.save(manager.create(EventEntity, columns));
      await this.saveCredits(manager, event.id, credits);
      return event;
    });
    return this.views.model(saved, viewerOf(caller));
  }

  async update(caller: AuthUser, id: string, input: UpdateEventInput): Promise<EventModel> {
    refuseIfAny(
      REQUIRED_EVENT_FIELDS.filter((field) => input[field] === null).map((field) => ({
        field,
        message: 'cannot be cleared; send a new value or leave it out',
      })),
    );
    const specialties =
      input.specialtySlugs === undefined
        ? undefined
        : this.catalog.resolve(input.specialtySlugs ?? [], 'specialtySlugs');
    const viewer = viewerOf(caller);
    const saved = await runTransaction(this.dataSource, async (manager) => {
      const event = await lockManagedEvent(manager, id, viewer);
      if (event.status === EventStatus.CANCELLED) {
        throw EventsError.cancelled('it can no longer be changed');
      }
      const credits =
        input.credits === undefined
          ? await this.creditsOf(manager, event.id)
          : toOffers(input.credits ?? []);
      const title = input.title ?? event.title;
      const description = input.description ?? event.description;
      const columns: Partial<EventEntity> = {
        title,
        description,
        kind: input.kind ?? event.kind,
        format: input.format ?? event.format,
        startsAt: input.startsAt ?? event.startsAt,
        endsAt: input.endsAt ?? event.endsAt,
        timeZone: input.timeZone ?? event.timeZone,
        ...(input.venue === undefined ? {} : venueColumns(input.venue)),
        joinUrl: keepOrSet(input.joinUrl, event.joinUrl),
        capacity: keepOrSet(input.capacity, event.capacity),
        ...(specialties === undefined ? {} : specialtyColumns(specialties)),
        growthAreas: keepOrSet(input.growthAreas, event.growthAreas) ?? [],
        tracks: keepOrSet(input.tracks, event.tracks) ?? [],
        searchWords: eventSearchVector(title, description),
        sequence: event.sequence + 1,
      };
      refuseIfAny(eventProblems(this.shape({ ...event, ...columns }, credits)));

      const capacity = columns.capacity ?? null;
      const seatChange =
        capacity === event.capacity ? null : afterCapacityChange(seatsOf(event), capacity);
      if (seatChange?.refused) {
        throw EventsError.capacityBelowGoing(capacity ?? 0, seatChange.going);
      }
      manager.merge(EventEntity, event, columns);
      const updated = await manager.save(event);
      if (input.credits !== undefined) {
        await manager.delete(EventCreditEntity, { eventId: event.id });
        await this.saveCredits(manager, event.id, credits);
      }
      if (seatChange) await applySeatChange(manager, updated, seatChange, new Date());
      return updated;
    });
    return this.views.model(saved, viewer);
  }

  async publish(caller: AuthUser, id: string): Promise<EventModel> {
    const viewer = viewerOf(caller);
    const saved = await runTransaction(this.dataSource, async (manager) => {
      const event = await lockManagedEvent(manager, id, viewer);
      switch (event.status) {
        case EventStatus.PUBLISHED:
          return event;
        case EventStatus.CANCELLED:
          throw EventsError.cancelled('it cannot be published');
        case EventStatus.DRAFT:
          event.status = EventStatus.PUBLISHED;
          event.publishedAt = new Date();
          event.sequence += 1;
          return manager.save(event);
      }
    });
    return this.views.model(saved, viewer);
  }

  /** Cancels the event and, with it, every RSVP still open; again changes nothing. */
  async cancel(caller: AuthUser, id: string, reason: string | null): Promise<EventModel> {
    const viewer = viewerOf(caller);
    const saved = await runTransaction(this.dataSource, async (manager) => {
      const event = await lockManagedEvent(manager, id, viewer);
      if (event.status === EventStatus.CANCELLED) return event;
      const now = new Date();
      const [cancelled] = await manager.query<[{ status: RsvpStatus }[], number]>(
        `UPDATE rsvps r SET status = $2, waitlist_position = NULL, cancelled_at = $3, updated_at = $3
           FROM (SELECT id, status FROM rsvps WHERE event_id = $1 AND status = ANY ($4::rsvp_status[])) before
          WHERE r.id = before.id
          RETURNING before.status::text AS status`,
        [event.id, RsvpStatus.CANCELLED, now, [RsvpStatus.GOING, RsvpStatus.WAITLISTED]],
      );
      event.status = EventStatus.CANCELLED;
      event.cancelledAt = now;
      event.cancellationReason = reason;
      event.sequence += 1;
      event.goingCount -= cancelled.filter((row) => row.status === RsvpStatus.GOING).length;
      event.waitlistCount = 0;
      return manager.save(event);
    });
    return this.views.model(saved, viewer);
  }

  private shape(columns: Partial<EventEntity>, credits: CreditOffer[]) {
    return {
      startsAt: columns.startsAt!,
      endsAt: columns.endsAt!,
      timeZone: columns.timeZone!,
      format: columns.format!,
      hasVenue: columns.venueName != null,
      joinUrl: columns.joinUrl ?? null,
      capacity: columns.capacity ?? null,
      credits,
    };
  }

  private async creditsOf(manager: EntityManager, eventId: string): Promise<CreditOffer[]> {
    const rows = await manager.find(EventCreditEntity, {
      where: { eventId },
      order: { position: 'ASC' },
    });
    return rows.map((row) => ({
      type: row.type,
      hours: row.hours,
      accreditor: row.accreditor,
      activityId: row.activityId,
      providerNumber: row.providerNumber,
    }));
  }

  private async saveCredits(
    manager: EntityManager,
    eventId: string,
    credits: readonly CreditOffer[],
  ): Promise<void> {
    if (credits.length === 0) return;
    await manager.insert(
      EventCreditEntity,
      credits.map((credit, position) => ({ eventId, position, ...credit })),
    );
  }
}
