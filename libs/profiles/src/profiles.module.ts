import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@preceptor/accounts';
import './graphql/enums.js';
import { MentorIndexService } from './mentor-index/mentor-index.service.js';
import { MentorsService } from './profiles/mentors.service.js';
import { ProfileEntity } from './profiles/profile.entity.js';
import { ProfilesResolver } from './profiles/profiles.resolver.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { TaxonomyModule } from '@preceptor/taxonomy';

export const PROFILES_ENTITIES = [ProfileEntity];

@Module({
  imports: [AccountsModule, TaxonomyModule, TypeOrmModule.forFeature(PROFILES_ENTITIES)],
  providers: [MentorIndexService, MentorsService, ProfilesResolver, ProfilesService],
  // Matching ranks the index's mentors itself.
  exports: [MentorIndexService],
})
export class ProfilesModule {}
