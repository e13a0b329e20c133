import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CreditType } from '../event-enums.js';
import { EVENT_LIMITS } from '../event-limits.js';
import { EVENTS_TABLE } from './event.entity.js';

/** numeric comes back from node-postgres as text; hours fit a double exactly enough (2 decimals). */
const hoursTransformer = {
  to: (value: number): number => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/** Continuing-education credit an event offers, one row per offer, in the organizer's order. */
@Entity('event_credits')
@Check('ck_event_credits_hours', '"hours" > 0')
export class EventCreditEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(EVENTS_TABLE, { onDelete: 'CASCADE' })
  eventId: string;

  /** 0-based place in the event's list. */
  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Column({ type: 'enum', enum: CreditType, enumName: 'credit_type' })
  type: CreditType;

  /** 60-minute hours (contact hours), to two decimals. */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: hoursTransformer })
  hours: number;

  /** Who accredits the activity, e.g. "ACCME", "ANCC", "ACPE". */
  @Column({ type: 'varchar', length: EVENT_LIMITS.accreditor })
  accreditor: string;

  /** The accreditor's activity or course number, when it has one. */
  @Column({ type: 'varchar', length: EVENT_LIMITS.activityId, nullable: true })
  activityId: string | null;

  /** The provider's number with the accreditor or a state board (CE Broker's "provider number"). */
  @Column({ type: 'varchar', length: EVENT_LIMITS.providerNumber, nullable: true })
  providerNumber: string | null;
}
