import { BaseEntity } from '@preceptor/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { SessionEndReason } from './session-end-reason.js';

/** One signed-in device: the family of refresh tokens issued since one sign-in. */
@Entity('sessions')
export class SessionEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'enum', enum: SessionEndReason, enumName: 'session_end_reason', nullable: true })
  endReason: SessionEndReason | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  /**
   * When the session was last used (a refresh, or a request with its access token), to within
   * a minute or so: the idle timeout counts from here.
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;
}
