import { USERS_TABLE } from '@preceptor/accounts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CREDENTIAL_LIMITS, type Licence } from './credential-rules.js';

/**
 * A person's licences and identifiers, for continuing-education records. Private to the person:
 * read only through `myCredentials` and the ledger's CSV, never with a profile. Apart from
 * `profiles` so that no profile query (mentor lists, matches) can select it by accident, and so
 * a person without a profile can still keep their licences.
 */
@Entity('professional_credentials')
@Check('ck_professional_credentials_npi', `"npi" IS NULL OR "npi" ~ '^[0-9]{10}$'`)
@Check('ck_professional_credentials_licences', `jsonb_typeof("licences") = 'array'`)
export class ProfessionalCredentialsEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(USERS_TABLE, { onDelete: 'CASCADE' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** In the person's order; the first is the primary licence. Validated on the way in. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  licences: Licence[];

  @Column({ type: 'char', length: 10, nullable: true })
  npi: string | null;

  /** A certifying board's id for the person (e.g. ABIM, ANCC certification number). */
  @Column({ type: 'varchar', length: CREDENTIAL_LIMITS.boardId, nullable: true })
  boardId: string | null;
}
