import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ListSize } from '@preceptor/core';
import { CareerStage } from '../career-stages.js';
import { GrowthArea } from '../growth-areas.js';
import { SPECIALTY_LIST_SIZES } from '../specialties.js';
import { Track } from '../tracks.js';

@ObjectType('TrackInfo')
export class TrackInfoModel {
  @Field(() => Track)
  track: Track;

  @Field()
  name: string;

  @Field()
  description: string;
}

@ObjectType('CareerStageInfo')
export class CareerStageInfoModel {
  @Field(() => CareerStage)
  stage: CareerStage;

  @Field(() => Int, { description: '0 (student) to 5 (leader).' })
  level: number;

  @Field({ description: 'What this stage is called in the track, e.g. "New-graduate RN".' })
  name: string;

  @Field()
  description: string;
}

@ObjectType('GrowthAreaInfo')
export class GrowthAreaInfoModel {
  @Field(() => GrowthArea)
  area: GrowthArea;

  @Field()
  name: string;

  @Field()
  description: string;
}

@ObjectType('Specialty', { description: 'A node of the healthcare specialty taxonomy.' })
export class SpecialtyModel {
  @Field({ description: 'Stable identifier.' })
  slug: string;

  @Field()
  name: string;

  @Field(() => SpecialtyModel, { nullable: true })
  parent: SpecialtyModel | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The parent’s slug; null at the top of the tree. With childSlugs, the cheap way to load the whole tree in one query.',
  })
  parentSlug: string | null;

  @ListSize(SPECIALTY_LIST_SIZES.children)
  @Field(() => [SpecialtyModel], {
    description:
      'By name. Each nested list multiplies the query cost: over many specialties, childSlugs is far cheaper.',
  })
  children: SpecialtyModel[];

  @Field(() => [String], { description: 'The children’s slugs, in the order of children.' })
  childSlugs: string[];

  @Field(() => [Track])
  tracks: Track[];

  @ListSize(SPECIALTY_LIST_SIZES.related)
  @Field(() => [SpecialtyModel], {
    description:
      'Closely related specialties in other branches. Over many specialties, relatedSlugs is far cheaper.',
  })
  related: SpecialtyModel[];

  @Field(() => [String], {
    description: 'The related specialties’ slugs, in the order of related.',
  })
  relatedSlugs: string[];

  @Field(() => String, {
    nullable: true,
    description: 'NUCC Health Care Provider Taxonomy code (v21.1), where one applies.',
  })
  nuccCode: string | null;
}
