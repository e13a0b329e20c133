import { USERS_TABLE } from '@preceptor/accounts';
import { BaseEntity } from '@preceptor/core';
import { Column, Entity, ForeignKey, Unique } from 'typeorm';

/**
 * A person's private calendar feed: one per person. Only the SHA-256 of its token is kept, so
 * the database cannot give feed URLs away; a new token replaces the row's hash.
 */
@Entity('calendar_feeds')
@Unique('uq_calendar_feeds_user', ['userId'])
@Unique('uq_calendar_feeds_token_hash', ['tokenHash'])
export class CalendarFeedEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  userId: string;

  /** Hex SHA-256 of the token in the feed's URL. */
  @Column({ type: 'char', length: 64 })
  tokenHash: string;
}
