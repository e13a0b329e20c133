import { describe, expect, it } from '@jest/globals';
import { CareerStage, GrowthArea } from '@preceptor/taxonomy/reference';
import type { TierFacts } from './assessment.js';
import { parseMatchWeights } from './match-weights.js';
import { maxPossibleScore, tierFactsOf } from './retrieval-bound.js';
import { scoreMatch } from './score-match.js';
import { aMentee, aMentor, graph, weekly } from './testing/match-people.js';
import { RandomPeople } from './testing/random-people.js';

const FACT_KEYS = [
  'specialty',
  'stageGap',
  'trackRelation',
  'offers',
  'place',
  'load',
  'week',
] as const;

/** Every subset of a pair's facts: what coarser tiers holding this mentor might know. */
function subsetsOf(facts: TierFacts): TierFacts[] {
  return Array.from({ length: 1 << FACT_KEYS.length }, (_, mask) =>
    Object.fromEntries(
      FACT_KEYS.filter((_, bit) => mask & (1 << bit)).map((key) => [key, facts[key]]),
    ),
  );
}

describe('retrieval bound', () => {
  it.each([
    ['default weights', undefined],
    ['other weights', { goals: 10, specialty: 40, stage: 3, availability: 0.5 }],
  ])('is never below the real score, over random pairs (%s)', (_label, input) => {
    const weights = parseMatchWeights(input);
    const people = new RandomPeople(input === undefined ? 2024 : 2025);
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      const mentee = people.mentee();
      const mentor = people.mentor();
      const match = scoreMatch(mentee, mentor, { graph, weights });
      if (!match.eligible) continue;
      checked += 1;
      for (const facts of subsetsOf(tierFactsOf(mentee, mentor, graph))) {
        const bound = maxPossibleScore(mentee, facts, weights);
        if (bound < match.score) {
          throw new Error(
            `bound ${bound} < score ${match.score} for ${JSON.stringify({ mentee, mentor, facts })}`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('is reached by a pair that fits on every criterion', () => {
    const mentee = aMentee({
      careerStage: CareerStage.TRAINEE,
      goals: [GrowthArea.NETWORKING],
      specialties: ['emergency-nursing'],
      availability: weekly('weekdays', '18:00', '20:00'),
    });
    const facts: TierFacts = {
      specialty: 'SAME',
      stageGap: 1,
      trackRelation: 'SAME',
      offers: [GrowthArea.NETWORKING],
    };
    expect(maxPossibleScore(mentee, facts)).toBe(100);
    const mentor = aMentor({
      careerStage: CareerStage.EARLY_CAREER,
      offers: [GrowthArea.NETWORKING],
      specialties: ['emergency-nursing'],
      availability: weekly('weekdays', '18:00', '20:00'),
    });
    expect(tierFactsOf(mentee, mentor, graph)).toEqual({
      ...facts,
      place: mentor,
      load: mentor,
      week: { source: 'windows', minutesAtMost: 600 },
    });
  });

  it('tightens with each fact a tier knows', () => {
    const mentee = aMentee({
      careerStage: CareerStage.TRAINEE,
      goals: [GrowthArea.NETWORKING],
      specialties: ['emergency-nursing'],
      availability: weekly('weekdays', '18:00', '20:00'),
    });
    expect(maxPossibleScore(mentee, {})).toBe(100);
    expect(maxPossibleScore(mentee, { specialty: 'SAME_TRACK' })).toBe(100 - 22 * 0.75);
    expect(maxPossibleScore(mentee, { specialty: 'NONE', trackRelation: 'UNRELATED' })).toBe(68);
    expect(
      maxPossibleScore(mentee, { specialty: 'NONE', trackRelation: 'UNRELATED', stageGap: 0 }),
    ).toBe(56);
    // Not offering the only goal loses the whole goals weight.
    expect(maxPossibleScore(mentee, { offers: [GrowthArea.TECHNOLOGY] })).toBe(70);
    // One place of four left loses three quarters of load's 5.
    expect(maxPossibleScore(mentee, { load: { capacity: 4, activeMenteeCount: 3 } })).toBe(96.3);
  });

  it('uses what the mentee alone rules out', () => {
    const noGoalsLeader = aMentee({ careerStage: CareerStage.LEADER, goals: [], specialties: [] });
    // goals 30 × 0.5, specialty 22 × 0.5, stage 15 × 0.2 (only peers remain), availability 10 × 0.5.
    expect(maxPossibleScore(noGoalsLeader, {})).toBe(15 + 11 + 3 + 10 + 5 + 8 + 5);
  });

  it("caps availability at what the mentee's own week can share", () => {
    const weights = parseMatchWeights({});
    const free = (start: string, end: string) =>
      aMentee({ availability: weekly(['MONDAY'], start, end) });
    const availability = (mentee: ReturnType<typeof aMentee>, facts: TierFacts) =>
      maxPossibleScore(mentee, facts, {
        ...weights,
        goals: 0,
        specialty: 0,
        stage: 0,
        track: 0,
        location: 0,
        load: 0,
      });
    // Half an hour a week: no week shares more, so a mentor who gave none (neutral) is the best.
    expect(availability(free('18:00', '18:30'), {})).toBe(5);
    // An hour and a half: at most three quarters of the two-hour target.
    expect(availability(free('18:00', '19:30'), {})).toBe(7.5);
    // Two hours or more: everything is still possible.
    expect(availability(free('18:00', '20:00'), {})).toBe(10);
    // A mentor whose week touches three of the mentee's hours still shares 30 minutes at most.
    const week = { source: 'windows' as const, minutesAtMost: 180 };
    expect(availability(free('18:00', '18:30'), { week })).toBe(2.5);
  });

  it('gives 0 to a tier of mentors behind the mentee', () => {
    expect(maxPossibleScore(aMentee(), { stageGap: -1 })).toBe(0);
  });
});
