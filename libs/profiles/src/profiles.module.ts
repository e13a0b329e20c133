import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProfileEntity } from './profiles/profile.entity.js';
import { SpecialtyEntity } from './specialties/specialty.entity.js';

export const PROFILES_ENTITIES = [SpecialtyEntity, ProfileEntity];

@Module({
  imports: [TypeOrmModule.forFeature(PROFILES_ENTITIES)],
})
export class ProfilesModule {}
