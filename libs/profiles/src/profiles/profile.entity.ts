import { USERS_TABLE } from '@preceptor/accounts';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy';
import { MeetingFormat, ShiftPattern, type AvailabilityWindow } from './profile-enums.js';

/**
 * One row per person, mentor and mentee sides together. Mentor lists are answered by the
 * in-memory mentor index (mentor-index/), and a mentor's suggested mentees by the in-memory
 * mentee index (libs/matching); both follow this table through change feeds. Mentees are loaded
 * by their own index.
 */
@Entity('profiles')
@Index('ix_profiles_mentees', ['userId'], { where: '"is_mentee"' })
export class ProfileEntity {
  /** The account's id; deleting the account deletes the profile. */
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Copied from the account so search and listing never join users. */
  @Column({ type: 'varchar', length: 120 })
  fullName: string;

  /** Copied from the account's roles: only mentors are listed. */
  @Column({ type: 'boolean', default: false })
  isMentor: boolean;

  @Column({ type: 'boolean', default: false })
  isMentee: boolean;

  @Column({ type: 'varchar', length: 160, nullable: true })
  headline: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  bio: string | null;

  @Column({ type: 'enum', enum: Track, enumName: 'track' })
  track: Track;

  @Column({ type: 'enum', enum: CareerStage, enumName: 'career_stage' })
  careerStage: CareerStage;

  /** Chosen specialties in order; the first is the primary one. */
  @Column({ type: 'smallint', array: true })
  specialtyIds: number[];

  /** The chosen specialties and all their ancestors, so a filter on a parent finds descendants. */
  @Column({ type: 'smallint', array: true })
  specialtyLineage: number[];

  @Column({ type: 'smallint', nullable: true })
  yearsOfExperience: number | null;

  @Column({ type: 'varchar', length: 2, array: true, default: () => "'{en}'" })
  languages: string[];

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({
    type: 'enum',
    enum: MeetingFormat,
    enumName: 'meeting_format',
    array: true,
    default: () => "'{}'",
  })
  meetingFormats: MeetingFormat[];

  @Column({ type: 'enum', enum: ShiftPattern, enumName: 'shift_pattern', nullable: true })
  shiftPattern: ShiftPattern | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  availability: AvailabilityWindow[];

  // Private contact details: only the owner sees them (accepted partners, later).
  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 300, array: true, default: () => "'{}'" })
  professionalLinks: string[];

  @Column({
    type: 'enum',
    enum: GrowthArea,
    enumName: 'growth_area',
    array: true,
    default: () => "'{}'",
  })
  mentorOffers: GrowthArea[];

  @Column({ type: 'smallint', nullable: true })
  mentorCapacity: number | null;

  @Column({ type: 'boolean', default: false })
  mentorAccepting: boolean;

  @Column({ type: 'smallint', default: 0 })
  mentorActiveMenteeCount: number;

  /** Ranked, most important first. */
  @Column({
    type: 'enum',
    enum: GrowthArea,
    enumName: 'growth_area',
    array: true,
    default: () => "'{}'",
  })
  menteeGoals: GrowthArea[];

  @Column({ type: 'smallint', nullable: true })
  menteeTargetSpecialtyId: number | null;

  @Column({ type: 'boolean', default: false })
  isSeeded: boolean;
}
