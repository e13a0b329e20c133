import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@preceptor/accounts';
import { ProfessionalCredentialsEntity } from './credentials/credentials.entity.js';
import { CredentialsResolver } from './credentials/credentials.resolver.js';
import { CredentialsService } from './credentials/credentials.service.js';
import './graphql/enums.js';
import { MentorIndexService } from './mentor-index/mentor-index.service.js';
import { ProfileReads } from './profiles/profile-reads.js';
import { ProfileWrites } from './profiles/profile-writes.js';
import { MentorsService } from './profiles/mentors.service.js';
import { ProfileEntity } from './profiles/profile.entity.js';
import { ProfilesResolver } from './profiles/profiles.resolver.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { TaxonomyModule } from '@preceptor/taxonomy';

export const PROFILES_ENTITIES = [ProfileEntity, ProfessionalCredentialsEntity];

@Module({
  imports: [AccountsModule, TaxonomyModule, TypeOrmModule.forFeature(PROFILES_ENTITIES)],
  providers: [
    MentorIndexService,
    MentorsService,
    ProfileReads,
    ProfileWrites,
    ProfilesResolver,
    ProfilesService,
    CredentialsService,
    CredentialsResolver,
  ],
  // Matching ranks the index's mentors itself and keeps its own mentee index; the credits ledger
  // reads the owner's licences.
  exports: [MentorIndexService, CredentialsService, ProfileReads, ProfileWrites],
})
export class ProfilesModule {}
