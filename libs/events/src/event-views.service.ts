import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, UserEntity, type AuthUser } from '@preceptor/accounts';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EventCreditEntity } from './entities/event-credit.entity.js';
import type { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { toEventModel } from './events.mapper.js';
import type { EventModel } from './models/event.models.js';
import type { Viewer } from './rules/event-access.js';

export function viewerOf(caller: AuthUser | undefined): Viewer | undefined {
  return caller && { id: caller.id, isAdmin: caller.roles.includes(Role.ADMIN) };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Events as a viewer sees them. Whatever the page size, three batched reads: the credits, the
 * organizers' names and the viewer's own RSVPs (none when signed out).
 */
@Injectable()
export class EventViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: SpecialtyCatalog,
  ) {}

  async models(
    events: readonly EventEntity[],
    viewer: Viewer | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EventModel[]> {
    if (events.length === 0) return [];
    const ids = events.map((event) => event.id);
    const organizerIds = [...new Set(events.map((event) => event.organizerId))];
    const reads = [
      () =>
        manager.find(EventCreditEntity, {
          where: { eventId: In(ids) },
          order: { eventId: 'ASC', position: 'ASC' },
        }),
      () =>
        manager.find(UserEntity, {
          select: { id: true, fullName: true },
          where: { id: In(organizerIds) },
        }),
      () =>
        viewer
          ? manager.find(RsvpEntity, { where: { eventId: In(ids), userId: viewer.id } })
          : Promise.resolve([]),
    ] as const;
    // Outside a transaction, at once on pooled connections (a browse page waits for one round
    // trip, not three); inside one, one after another on its one connection.
    const [credits, organizers, rsvps] =
      manager === this.dataSource.manager
        ? await Promise.all([reads[0](), reads[1](), reads[2]()])
        : [await reads[0](), await reads[1](), await reads[2]()];
    const creditsByEvent = groupBy(credits, (credit) => credit.eventId);
    const names = new Map(organizers.map((user) => [user.id, user.fullName]));
    const rsvpByEvent = new Map(rsvps.map((rsvp) => [rsvp.eventId, rsvp]));
    return events.map((event) =>
      toEventModel(
        event,
        {
          credits: creditsByEvent.get(event.id) ?? [],
          organizerName: names.get(event.organizerId) ?? '',
          viewerRsvp: rsvpByEvent.get(event.id),
        },
        viewer,
        this.catalog,
      ),
    );
  }

  /**
   * The event without the reads its view needs (no credits, no organizer name), for an answer
   * whose client did not select the event: GraphQL never sends it, as `totalCount` is not
   * counted unless selected. Never return it where the event can be read.
   */
  unread(event: EventEntity, viewer: Viewer | undefined, viewerRsvp?: RsvpEntity): EventModel {
    return toEventModel(
      event,
      { credits: [], organizerName: '', viewerRsvp },
      viewer,
      this.catalog,
    );
  }

  async model(
    event: EventEntity,
    viewer: Viewer | undefined,
    manager?: EntityManager,
  ): Promise<EventModel> {
    const [model] = await this.models([event], viewer, manager);
    return model;
  }
}
