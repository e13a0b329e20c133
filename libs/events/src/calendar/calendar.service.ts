import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@preceptor/core';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { EventEntity } from '../entities/event.entity.js';
import { EventStatus } from '../event-enums.js';
import { SEAT_HOLDING_STATUSES } from '../rules/event-access.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';
import { feedPath, publicEventPath } from './calendar-url.js';
import { buildCalendar, type CalendarEvent } from './ics.js';

/** Statuses whose event has a public calendar file; drafts have none. */
const PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED];
/** base64url of 32 random bytes. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

function location(event: EventEntity): string | null {
  if (event.venueName === null) return null;
  return [
    event.venueName,
    event.venueAddress,
    event.venueCity,
    event.venueRegion,
    event.venueCountry,
  ]
    .filter((part): part is string => !!part)
    .join(', ');
}

function toCalendarEvent(event: EventEntity, origin: string, withJoinUrl: boolean): CalendarEvent {
  const cancelled = event.status === EventStatus.CANCELLED;
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    cancelled,
    sequence: event.sequence,
    location: location(event),
    url: origin + publicEventPath(event.id),
    joinUrl: withJoinUrl && !cancelled ? event.joinUrl : null,
    updatedAt: event.updatedAt,
  };
}

/** Calendar files (.ics) of events, and the private feeds of the events people go to. */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The public file of a published or cancelled event; null for a draft or an unknown id. */
  async eventFile(id: string, origin: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const event = await this.dataSource.manager.findOne(EventEntity, {
      where: { id, status: In(PUBLIC_STATUSES) },
    });
    if (!event) return null;
    return buildCalendar({ name: event.title, events: [toCalendarEvent(event, origin, false)] });
  }

  /** A new feed URL for the person; an earlier one stops working. */
  async createFeed(userId: string, origin: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CalendarFeedEntity)
      .values({ userId, tokenHash: hashOf(token) })
      .orUpdate(['token_hash', 'updated_at'], ['user_id'])
      .execute();
    return origin + feedPath(token);
  }

  /** True when there was a feed to revoke. */
  async revokeFeed(userId: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(CalendarFeedEntity, { userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The feed's file: the events its person holds a seat at, and those cancelled while they
   * did (cancelling an event cancels its RSVPs at the same instant). Null for an unknown or
   * revoked token.
   */
  async feedFile(token: string, origin: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const feed = await this.dataSource.manager.findOne(CalendarFeedEntity, {
      where: { tokenHash: hashOf(token) },
    });
    if (!feed) return null;
    const events = await this.dataSource.manager
      .createQueryBuilder(EventEntity, 'event')
      .innerJoin('rsvps', 'rsvp', 'rsvp.event_id = event.id AND rsvp.user_id = :userId', {
        userId: feed.userId,
      })
      .where(
        `(event.status = :published AND rsvp.status IN (:...seated))
          OR (event.status = :cancelled AND rsvp.cancelled_at = event.cancelled_at)`,
        {
          published: EventStatus.PUBLISHED,
          cancelled: EventStatus.CANCELLED,
          seated: SEAT_HOLDING_STATUSES,
        },
      )
      .orderBy('event.starts_at', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .getMany();
    return buildCalendar({
      name: 'My Preceptor events',
      events: events.map((event) => toCalendarEvent(event, origin, true)),
    });
  }
}
