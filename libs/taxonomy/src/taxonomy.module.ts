import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import './enums.js';
import { SpecialtyCatalog } from './specialty-catalog.service.js';
import { SpecialtyEntity } from './specialty.entity.js';
import { TaxonomyResolver } from './taxonomy.resolver.js';

export const TAXONOMY_ENTITIES = [SpecialtyEntity];

/** The healthcare taxonomy: tracks, career stages, growth areas and the specialty tree. */
@Module({
  imports: [TypeOrmModule.forFeature(TAXONOMY_ENTITIES)],
  providers: [SpecialtyCatalog, TaxonomyResolver],
  exports: [SpecialtyCatalog],
})
export class TaxonomyModule {}
