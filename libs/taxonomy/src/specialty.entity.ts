import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Track } from './tracks.js';

/**
 * Reference data, written only by migrations (see specialty-sync.ts). Small integer ids keep the
 * profile filter arrays compact at national scale.
 */
@Entity('specialties')
export class SpecialtyEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 80, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'smallint', nullable: true })
  parentId: number | null;

  @ManyToOne(() => SpecialtyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent: Relation<SpecialtyEntity> | null;

  @Column({ type: 'enum', enum: Track, enumName: 'track', array: true })
  tracks: Track[];

  @Column({ type: 'varchar', length: 10, nullable: true })
  nuccCode: string | null;

  /** Ids from the root down to this specialty (inclusive). */
  @Column({ type: 'smallint', array: true })
  lineage: number[];

  @Column({ type: 'smallint', array: true })
  relatedIds: number[];
}
