import { describe, expect, it } from '@jest/globals';
import { GrowthArea } from '@preceptor/taxonomy/reference';
import {
  DEFAULT_MATCH_WEIGHTS,
  MatchWeightsError,
  normaliseMatchWeights,
  parseMatchWeights,
} from './match-weights.js';
import { CRITERIA, SCORE_COMPONENTS } from './score-components.js';
import { scoreMatch } from './score-match.js';
import { aMentee, aMentor, graph } from './testing/match-people.js';

function hundredths(weights: Readonly<Record<string, number>>): number {
  return Object.values(weights).reduce((sum, weight) => sum + Math.round(weight * 100), 0);
}

function problemsOf(input: unknown): readonly string[] {
  try {
    parseMatchWeights(input);
  } catch (error) {
    if (error instanceof MatchWeightsError) return error.problems;
    throw error;
  }
  throw new Error('expected MatchWeightsError');
}

describe('match weights', () => {
  it('defaults to the table’s weights, summing to 100', () => {
    expect(DEFAULT_MATCH_WEIGHTS).toEqual({
      goals: 30,
      specialty: 22,
      stage: 15,
      track: 10,
      availability: 10,
      location: 8,
      load: 5,
    });
    expect(SCORE_COMPONENTS.reduce((sum, component) => sum + component.defaultWeight, 0)).toBe(100);
  });

  it.each([undefined, null, ''])('gives the defaults for %p', (input) => {
    expect(parseMatchWeights(input)).toBe(DEFAULT_MATCH_WEIGHTS);
  });

  it('keeps defaults for keys not given and scales the total to 100', () => {
    const weights = parseMatchWeights({ goals: 50 });
    expect(weights.goals).toBeCloseTo((50 / 120) * 100, 2);
    expect(weights.load).toBeCloseTo((5 / 120) * 100, 2);
    expect(hundredths(weights)).toBe(10_000);
  });

  it('reads a JSON string, as from the MATCH_WEIGHTS environment variable', () => {
    expect(parseMatchWeights('{"load": 0, "location": 13}')).toEqual({
      ...DEFAULT_MATCH_WEIGHTS,
      load: 0,
      location: 13,
    });
  });

  it('rejects an unknown key, naming it and the known ones', () => {
    expect(problemsOf({ goals: 30, vibes: 10 })).toEqual([
      `unknown key "vibes" (expected ${CRITERIA.join(', ')})`,
    ]);
  });

  it('rejects a negative weight, naming the key', () => {
    expect(problemsOf({ stage: -1 })).toEqual(['"stage" must not be negative']);
  });

  it.each([
    ['"ten"', 'ten'],
    ['null', null],
    ['true', true],
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
  ])('rejects %s as a weight, naming the key', (_label, value) => {
    expect(problemsOf({ track: value })).toEqual(['"track" must be a number']);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ goals: -2, specialty: 'x' })).toEqual([
      '"goals" must not be negative',
      '"specialty" must be a number',
    ]);
  });

  it('rejects what is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['must be an object such as {"goals": 40}']);
    expect(problemsOf(42)).toEqual(['must be an object such as {"goals": 40}']);
    expect(problemsOf('{"goals": ')[0]).toMatch(/^not valid JSON/);
  });

  it('rejects all weights zero', () => {
    const zeros = Object.fromEntries(CRITERIA.map((criterion) => [criterion, 0]));
    expect(problemsOf(zeros)).toEqual(['at least one weight must be positive']);
  });

  it('normalises to exactly 100 in hundredths, remainders to the largest fractions', () => {
    const thirds = normaliseMatchWeights({
      goals: 1,
      specialty: 1,
      stage: 1,
      track: 0,
      availability: 0,
      location: 0,
      load: 0,
    });
    expect(thirds).toMatchObject({ goals: 33.34, specialty: 33.33, stage: 33.33 });
    expect(hundredths(thirds)).toBe(10_000);
    const message = new MatchWeightsError(['"goals" must not be negative']).message;
    expect(message).toBe('Invalid match weights: "goals" must not be negative');
  });

  it('is what scoring uses: a criterion weighted 0 contributes nothing and says nothing', () => {
    const mentee = aMentee({ goals: [GrowthArea.NETWORKING] });
    const mentor = aMentor({ offers: [GrowthArea.NETWORKING] });
    const match = scoreMatch(mentee, mentor, { graph, weights: parseMatchWeights({ goals: 0 }) });
    const goals = match.breakdown.find((line) => line.criterion === 'goals')!;
    expect(goals).toMatchObject({ weight: 0, value: 1, contribution: 0 });
    expect(match.reasons.some((reason) => reason.includes('networking'))).toBe(false);
  });
});
