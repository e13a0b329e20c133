import { Args, Query, Resolver } from '@nestjs/graphql';
import { ListSize, Public } from '@preceptor/core';
import { ListSpecialtiesArgs, SpecialtyArgs, TrackArgs } from './dto/taxonomy.args.js';
import {
  CareerStageInfoModel,
  GrowthAreaInfoModel,
  SpecialtyModel,
  TrackInfoModel,
} from './models/taxonomy.models.js';
import { CareerStage, careerStagesFor } from './career-stages.js';
import { GROWTH_AREA_INFO, GrowthArea } from './growth-areas.js';
import { TRACK_INFO, Track } from './tracks.js';
import { SpecialtyCatalog } from './specialty-catalog.service.js';
import { SPECIALTY_LIST_SIZES } from './specialties.js';

/** The healthcare taxonomy profiles stand on; public, so sign-up forms can use it. */
@Public()
@Resolver()
export class TaxonomyResolver {
  constructor(private readonly catalog: SpecialtyCatalog) {}

  @ListSize(Object.keys(Track).length)
  @Query(() => [TrackInfoModel])
  tracks(): TrackInfoModel[] {
    return Object.values(Track).map((track) => ({ track, ...TRACK_INFO[track] }));
  }

  @ListSize(Object.keys(CareerStage).length)
  @Query(() => [CareerStageInfoModel], {
    description: 'The six career stages, named as the track names them.',
  })
  careerStages(@Args() { track }: TrackArgs): CareerStageInfoModel[] {
    return careerStagesFor(track);
  }

  @ListSize(Object.keys(GrowthArea).length)
  @Query(() => [GrowthAreaInfoModel])
  growthAreas(): GrowthAreaInfoModel[] {
    return Object.values(GrowthArea).map((area) => ({ area, ...GROWTH_AREA_INFO[area] }));
  }

  @ListSize(SPECIALTY_LIST_SIZES.all)
  @Query(() => [SpecialtyModel], {
    description:
      'Specialties whose name or slug contains every word of `search`, or the children of `parentSlug`; all of them (by name) when neither is given.',
  })
  specialties(@Args() { search, parentSlug }: ListSpecialtiesArgs): SpecialtyModel[] {
    return this.catalog.list(search, parentSlug);
  }

  @Query(() => SpecialtyModel, {
    nullable: true,
    description: 'null when no specialty has that slug.',
  })
  specialty(@Args() { slug }: SpecialtyArgs): SpecialtyModel | null {
    return this.catalog.find(slug)?.model ?? null;
  }
}
