import { USERS_TABLE } from '@preceptor/accounts';
import { BaseEntity } from '@preceptor/core';
import { Check, Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { RsvpStatus } from '../event-enums.js';
import { EVENTS_TABLE } from './event.entity.js';

/** One RSVP per person and event: the unique constraint that says so. */
export const ONE_RSVP_PER_PERSON = 'uq_rsvps_event_user';

/**
 * One person's answer to one event: a single row per (event, person) that moves between
 * statuses, so an RSVP keeps its id through cancellation and a later change of mind.
 */
@Entity('rsvps')
@Unique(ONE_RSVP_PER_PERSON, ['eventId', 'userId'])
// Deferrable so that closing a gap (every later position minus one) is checked once per
// statement, not row by row in whatever order PostgreSQL updates them.
@Unique('uq_rsvps_waitlist_position', ['eventId', 'waitlistPosition'], {
  deferrable: 'INITIALLY IMMEDIATE',
})
@Check(
  'ck_rsvps_waitlist_position',
  `("status" = 'WAITLISTED') = ("waitlist_position" IS NOT NULL) AND ("waitlist_position" IS NULL OR "waitlist_position" >= 1)`,
)
@Index('ix_rsvps_user', ['userId'])
export class RsvpEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  @ForeignKey(EVENTS_TABLE, { onDelete: 'CASCADE' })
  eventId: string;

  @Column({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'enum', enum: RsvpStatus, enumName: 'rsvp_status' })
  status: RsvpStatus;

  /** 1-based place in the event's waitlist while WAITLISTED; null otherwise. */
  @Column({ type: 'integer', nullable: true })
  waitlistPosition: number | null;

  /** When a seat freed up and this person moved from the waitlist to GOING. */
  @Column({ type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Set when the organizer marks attendance (status ATTENDED). */
  @Column({ type: 'timestamptz', nullable: true })
  attendedAt: Date | null;
}
