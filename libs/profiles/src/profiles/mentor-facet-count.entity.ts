import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many mentors have each single filter value (facet), kept exact by a trigger on profiles
 * (see the MentorFacetCounts migration). A one-value filter reads its count here instead of
 * counting matching rows: exact at any size, in well under a millisecond.
 */
@Entity('mentor_facet_counts')
export class MentorFacetCountEntity {
  /** all, specialty, track, career_stage, offer, language, format, country, accepting */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  facet: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  value: string;

  @Column({ type: 'integer' })
  mentors: number;
}
