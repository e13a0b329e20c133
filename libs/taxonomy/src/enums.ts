import { registerEnumType } from '@nestjs/graphql';
import { CareerStage } from './career-stages.js';
import { GROWTH_AREA_INFO, GrowthArea } from './growth-areas.js';
import { TRACK_INFO, Track } from './tracks.js';

registerEnumType(Track, {
  name: 'Track',
  description: 'The broad healthcare career path.',
  valuesMap: Object.fromEntries(
    Object.values(Track).map((track) => [track, { description: TRACK_INFO[track].description }]),
  ),
});

registerEnumType(CareerStage, {
  name: 'CareerStage',
  description:
    'One ordered ladder for every track (levels 0–5); careerStages(track) gives each track’s names.',
});

registerEnumType(GrowthArea, {
  name: 'GrowthArea',
  description: 'What mentees want help with and mentors offer.',
  valuesMap: Object.fromEntries(
    Object.values(GrowthArea).map((area) => [
      area,
      { description: GROWTH_AREA_INFO[area].description },
    ]),
  ),
});
