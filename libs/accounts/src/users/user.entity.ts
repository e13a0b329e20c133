import { BaseEntity } from '@preceptor/core';
import { Column, Entity } from 'typeorm';
import { Role } from './role.enum.js';

/** The table of accounts (bulk writers address it by name; see user-bulk.ts). */
export const USERS_TABLE = 'users';

@Entity(USERS_TABLE)
export class UserEntity extends BaseEntity {
  /** citext: unique and compared case-insensitively, stored as the person typed it (trimmed). */
  @Column({ type: 'citext', unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  fullName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true })
  roles: Role[];

  /** Synthetic accounts written by the seed command; never real people. */
  @Column({ type: 'boolean', default: false })
  isSeeded: boolean;
}
