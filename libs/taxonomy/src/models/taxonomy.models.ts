import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CareerStage } from '../career-stages.js';
import { GrowthArea } from '../growth-areas.js';
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

  @Field(() => [SpecialtyModel])
  children: SpecialtyModel[];

  @Field(() => [Track])
  tracks: Track[];

  @Field(() => [SpecialtyModel], { description: 'Closely related specialties in other branches.' })
  related: SpecialtyModel[];

  @Field(() => String, {
    nullable: true,
    description: 'NUCC Health Care Provider Taxonomy code (v21.1), where one applies.',
  })
  nuccCode: string | null;
}
