import { BaseEntity } from '@preceptor/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SessionEntity } from './session.entity.js';

/** A refresh token, stored only as its SHA-256; each is good for exactly one rotation. */
@Entity('refresh_tokens')
export class RefreshTokenEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<SessionEntity>;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the token is exchanged; a second exchange means it leaked. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
