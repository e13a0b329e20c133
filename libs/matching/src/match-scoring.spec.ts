import { describe, expect, it } from '@jest/globals';
import { InvalidEnvironmentError } from '@preceptor/core';
import { matchWeightsFromEnv } from './match-scoring.js';
import { DEFAULT_MATCH_WEIGHTS } from './scoring/match-weights.js';

describe('matchWeightsFromEnv', () => {
  it('keeps the defaults when MATCH_WEIGHTS is unset', () => {
    expect(matchWeightsFromEnv({ MATCH_WEIGHTS: undefined })).toEqual(DEFAULT_MATCH_WEIGHTS);
  });

  it('reads JSON, scaled to 100', () => {
    const weights = matchWeightsFromEnv({ MATCH_WEIGHTS: '{"load": 0}' });
    expect(weights.load).toBe(0);
    expect(Object.values(weights).reduce((sum, w) => sum + w, 0)).toBeCloseTo(100, 6);
  });

  it('stops start-up naming the variable and the key', () => {
    const read = () => matchWeightsFromEnv({ MATCH_WEIGHTS: '{"kindness": 5}' });
    expect(read).toThrow(InvalidEnvironmentError);
    expect(read).toThrow(/MATCH_WEIGHTS .*kindness/);
    expect(() => matchWeightsFromEnv({ MATCH_WEIGHTS: 'not json' })).toThrow(/MATCH_WEIGHTS/);
  });
});
