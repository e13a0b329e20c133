import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import './graphql/enums.js';
import { MentorIndexService } from './mentor-index/mentor-index.service.js';
import { MentorFacetCountEntity } from './profiles/mentor-facet-count.entity.js';
import { MentorsService } from './profiles/mentors.service.js';
import { ProfileEntity } from './profiles/profile.entity.js';
import { ProfilesResolver } from './profiles/profiles.resolver.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { DemoSeedService } from './seed/demo-seed.service.js';
import { ReferenceResolver } from './specialties/reference.resolver.js';
import { SpecialtyCatalog } from './specialties/specialty-catalog.service.js';
import { SpecialtyEntity } from './specialties/specialty.entity.js';

export const PROFILES_ENTITIES = [SpecialtyEntity, ProfileEntity, MentorFacetCountEntity];

@Module({
  imports: [TypeOrmModule.forFeature(PROFILES_ENTITIES)],
  providers: [
    DemoSeedService,
    MentorIndexService,
    MentorsService,
    ProfilesResolver,
    ProfilesService,
    ReferenceResolver,
    SpecialtyCatalog,
  ],
})
export class ProfilesModule {}
