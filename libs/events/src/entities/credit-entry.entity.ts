import { USERS_TABLE } from '@preceptor/accounts';
import { BaseEntity } from '@preceptor/core';
import { Check, Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CreditType } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';
import { EVENTS_TABLE } from './event.entity.js';

/** numeric comes back from node-postgres as text; hours have two decimals. */
const hoursTransformer = {
  to: (value: number): number => value,
  from: (value: string): number => Number(value),
};

/**
 * One line of a person's continuing-education record: credit earned at one event, copied from
 * the event's offer when attendance was recorded. A record, like a certificate: later edits to
 * the event or its offers do not change it.
 */
@Entity('credit_entries')
@Unique('uq_credit_entries_user_event_credit', ['userId', 'eventId', 'creditPosition'])
@Check('ck_credit_entries_hours', '"hours" > 0')
@Index('ix_credit_entries_user_completed', ['userId', 'completedAt'])
export class CreditEntryEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  userId: string;

  /** Events are never deleted through the API; an operator's delete must not erase records. */
  @Column({ type: 'uuid' })
  @ForeignKey(EVENTS_TABLE, { onDelete: 'RESTRICT' })
  eventId: string;

  /** The offer's place in the event's list when it was earned (the unique key's part). */
  @Column({ type: 'smallint' })
  creditPosition: number;

  @Column({ type: 'enum', enum: CreditType, enumName: 'credit_type' })
  type: CreditType;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: hoursTransformer })
  hours: number;

  @Column({ type: 'varchar', length: EVENT_LIMITS.accreditor })
  accreditor: string;

  @Column({ type: 'varchar', length: EVENT_LIMITS.activityId, nullable: true })
  activityId: string | null;

  @Column({ type: 'varchar', length: EVENT_LIMITS.providerNumber, nullable: true })
  providerNumber: string | null;

  /** The organizer's name at the time: who provided the activity. */
  @Column({ type: 'varchar', length: 120 })
  providerName: string;

  /** The event's title at the time. */
  @Column({ type: 'varchar', length: EVENT_LIMITS.title })
  title: string;

  /** The event's end: the completion date boards ask for. */
  @Column({ type: 'timestamptz', precision: 3 })
  completedAt: Date;

  /** The event's zone, where the completion date is read. */
  @Column({ type: 'varchar', length: EVENT_LIMITS.timeZone })
  timeZone: string;
}
