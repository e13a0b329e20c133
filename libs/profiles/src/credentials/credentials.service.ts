import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@preceptor/accounts';
import { CommonError } from '@preceptor/core';
import { DataSource } from 'typeorm';
import { credentialProblems, type Licence } from './credential-rules.js';
import { ProfessionalCredentialsEntity } from './credentials.entity.js';
import type { CredentialsInput } from './credentials.input.js';
import type { CredentialsModel } from './credentials.model.js';

/** A person's credentials as other domains read them (the ledger's CSV). */
export interface Credentials {
  licences: Licence[];
  npi: string | null;
  boardId: string | null;
  updatedAt: Date | null;
}

const NONE: Credentials = { licences: [], npi: null, boardId: null, updatedAt: null };

function toCredentials(row: ProfessionalCredentialsEntity | null): Credentials {
  if (!row) return NONE;
  return {
    licences: row.licences.map((licence) => ({
      profession: licence.profession,
      country: licence.country,
      region: licence.region,
      number: licence.number,
    })),
    npi: row.npi,
    boardId: row.boardId,
    updatedAt: row.updatedAt,
  };
}

/**
 * Licences, NPI and board id: set and read by their owner only. Nothing here takes a user id
 * from a client; the caller is the owner.
 */
@Injectable()
export class CredentialsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The person's credentials, empty when none were set. For the owner's own requests only. */
  async credentialsOf(userId: string): Promise<Credentials> {
    const row = await this.dataSource.manager.findOne(ProfessionalCredentialsEntity, {
      where: { userId },
    });
    return toCredentials(row);
  }

  async myCredentials(caller: AuthUser): Promise<CredentialsModel> {
    return this.credentialsOf(caller.id);
  }

  /** Replaces the caller's credentials with `input`, or refuses it whole. One statement. */
  async setCredentials(caller: AuthUser, input: CredentialsInput): Promise<CredentialsModel> {
    const licences: Licence[] = input.licences.map((licence) => ({
      profession: licence.profession,
      country: licence.country,
      region: licence.region ?? null,
      number: licence.number,
    }));
    const npi = input.npi ?? null;
    const problems = credentialProblems({ licences, npi });
    if (problems.length > 0) throw CommonError.invalidInput(problems);
    await this.dataSource.manager.upsert(
      ProfessionalCredentialsEntity,
      { userId: caller.id, licences, npi, boardId: input.boardId ?? null, updatedAt: new Date() },
      ['userId'],
    );
    return this.credentialsOf(caller.id);
  }
}
