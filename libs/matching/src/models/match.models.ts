import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ListSize, PageInfo } from '@preceptor/core';
import { CRITERIA } from '../scoring/score-components.js';
import { ProfileModel } from '@preceptor/profiles';

@ObjectType('ScoreComponent', {
  description: 'One criterion’s part of a score (a match, or an event recommended to you).',
})
export class ScoreComponentModel {
  @Field({
    description:
      'Matches: goals, specialty, stage, track, availability, location or load. Event recommendations: specialty, goals, track, credits, time or location.',
  })
  criterion: string;

  @Field(() => Float, { description: 'Points this criterion is worth (weights sum to 100).' })
  weight: number;

  @Field(() => Float, { description: 'How well it fits on this criterion, 0–1.' })
  value: number;

  @Field(() => Float, {
    description: 'weight × value, to 0.1: the contributions add up to the score.',
  })
  contribution: number;

  @Field(() => String, { nullable: true })
  detail: string | null;
}

@ObjectType('Match', { description: 'A mentor scored for you, with why.' })
export class MatchModel {
  @Field(() => ProfileModel)
  mentor: ProfileModel;

  @Field(() => Float, { description: '0–100, the sum of the breakdown’s contributions.' })
  score: number;

  @ListSize(CRITERIA.length)
  @Field(() => [ScoreComponentModel])
  breakdown: ScoreComponentModel[];

  @Field(() => [String], { description: 'What fits, strongest first.' })
  reasons: string[];

  @Field(() => [String], { description: 'What is weaker, biggest loss first.' })
  caveats: string[];

  @Field({ description: 'False when a hard rule rules the pair out (see exclusions).' })
  eligible: boolean;

  @Field(() => [String])
  exclusions: string[];
}

@ObjectType('MenteeMatch', {
  description: 'A mentee suggested to you, scored as they would see you.',
})
export class MenteeMatchModel {
  @Field(() => ProfileModel, { description: 'Without contact details.' })
  mentee: ProfileModel;

  @Field(() => Float)
  score: number;

  @ListSize(CRITERIA.length)
  @Field(() => [ScoreComponentModel])
  breakdown: ScoreComponentModel[];

  @Field(() => [String], { description: 'Worded for the mentee.' })
  reasons: string[];

  @Field(() => [String], { description: 'Worded for the mentee.' })
  caveats: string[];
}

@ObjectType('MatchEdge')
export class MatchEdge {
  @Field()
  cursor: string;

  @Field(() => MatchModel)
  node: MatchModel;
}

@ObjectType('MatchConnection', { description: 'Mentors best first; ties by mentor id.' })
export class MatchConnection {
  @Field(() => [MatchEdge])
  edges: MatchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Mentors scored to answer (how much work the page took).' })
  candidatesScored: number;
}

@ObjectType('MenteeMatchEdge')
export class MenteeMatchEdge {
  @Field()
  cursor: string;

  @Field(() => MenteeMatchModel)
  node: MenteeMatchModel;
}

@ObjectType('MenteeMatchConnection', { description: 'Mentees best first; ties by mentee id.' })
export class MenteeMatchConnection {
  @Field(() => [MenteeMatchEdge])
  edges: MenteeMatchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Mentees scored to answer.' })
  candidatesScored: number;
}
