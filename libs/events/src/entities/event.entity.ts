import { USERS_TABLE } from '@preceptor/accounts';
import { BaseEntity } from '@preceptor/core';
import { GrowthArea, Track } from '@preceptor/taxonomy';
import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';
import { EventFormat, EventKind, EventStatus } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';

export const EVENTS_TABLE = 'events';

/**
 * One professional event. `sequence` grows with every change to what a calendar shows (iCalendar
 * SEQUENCE); `going_count` and `waitlist_count` are kept in the same transaction as the RSVPs
 * they count, under this row's lock (see docs/events.md).
 */
@Entity(EVENTS_TABLE)
@Check('ck_events_ends_after_start', '"ends_at" > "starts_at"')
@Check('ck_events_capacity', '"capacity" IS NULL OR "capacity" >= 1')
@Check(
  'ck_events_seats',
  '"going_count" >= 0 AND "waitlist_count" >= 0 AND ("capacity" IS NULL OR "going_count" <= "capacity")',
)
@Check(
  'ck_events_venue',
  '("venue_name" IS NULL) = ("venue_city" IS NULL) AND ("venue_name" IS NULL) = ("venue_country" IS NULL)',
)
// Browsing: published events in start order, then id (the cursor).
@Index('ix_events_published_start', ['startsAt', 'id'], { where: `"status" = 'PUBLISHED'` })
@Index('ix_events_published_tags', ['specialtyLineage', 'growthAreas', 'tracks'], {
  where: `"status" = 'PUBLISHED'`,
  type: 'gin',
})
@Index('ix_events_published_words', ['searchWords'], {
  where: `"status" = 'PUBLISHED'`,
  type: 'gin',
})
@Index('ix_events_published_place', ['venueCountry', 'venueRegion'], {
  where: `"status" = 'PUBLISHED'`,
})
@Index('ix_events_organizer', ['organizerId', 'startsAt'])
export class EventEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  organizerId: string;

  @Column({ type: 'varchar', length: EVENT_LIMITS.title })
  title: string;

  @Column({ type: 'varchar', length: EVENT_LIMITS.description })
  description: string;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Column({ type: 'enum', enum: EventFormat, enumName: 'event_format' })
  format: EventFormat;

  @Column({
    type: 'enum',
    enum: EventStatus,
    enumName: 'event_status',
    default: EventStatus.DRAFT,
  })
  status: EventStatus;

  /** To the millisecond, as clients send it: the browse cursor carries it exactly. */
  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  /** IANA zone the event is held in: where its local times are read. */
  @Column({ type: 'varchar', length: EVENT_LIMITS.timeZone })
  timeZone: string;

  @Column({ type: 'varchar', length: EVENT_LIMITS.venueName, nullable: true })
  venueName: string | null;

  @Column({ type: 'varchar', length: EVENT_LIMITS.venueAddress, nullable: true })
  venueAddress: string | null;

  @Column({ type: 'varchar', length: EVENT_LIMITS.venueCity, nullable: true })
  venueCity: string | null;

  /** ISO 3166-2, e.g. "US-IL". */
  @Column({ type: 'varchar', length: EVENT_LIMITS.venueRegion, nullable: true })
  venueRegion: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  venueCountry: string | null;

  /** Shown to the organizer, admins and people going only. */
  @Column({ type: 'varchar', length: EVENT_LIMITS.joinUrl, nullable: true })
  joinUrl: string | null;

  /** Seats; null: no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** In the order the organizer listed them. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  specialtyIds: number[];

  /** The specialties and all their ancestors, so a filter on a parent finds descendants. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  specialtyLineage: number[];

  @Column({
    type: 'enum',
    enum: GrowthArea,
    enumName: 'growth_area',
    array: true,
    default: () => "'{}'",
  })
  growthAreas: GrowthArea[];

  @Column({ type: 'enum', enum: Track, enumName: 'track', array: true, default: () => "'{}'" })
  tracks: Track[];

  /** The words of title and description as search splits them (see event-search.ts). */
  @Column({ type: 'tsvector', select: false })
  searchWords: string;

  /** iCalendar SEQUENCE: grows with every change an attendee's calendar should pick up. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** Seats taken: GOING and ATTENDED RSVPs. */
  @Column({ type: 'integer', default: 0 })
  goingCount: number;

  /** WAITLISTED RSVPs, holding positions 1..waitlistCount. */
  @Column({ type: 'integer', default: 0 })
  waitlistCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: EVENT_LIMITS.cancellationReason, nullable: true })
  cancellationReason: string | null;

  /** Synthetic demo and load-test events; never real ones. */
  @Column({ type: 'boolean', default: false })
  isSeeded: boolean;
}
