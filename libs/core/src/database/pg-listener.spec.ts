import { describe, expect, it } from '@jest/globals';
import { reconnectDelayMs } from './pg-listener.js';

describe('reconnectDelayMs', () => {
  it('doubles from one second to ten, each wait drawn from the upper half of its bound', () => {
    const lowest = [1, 2, 3, 4, 5, 9].map((attempt) => reconnectDelayMs(attempt, () => 0));
    const highest = [1, 2, 3, 4, 5, 9].map((attempt) => reconnectDelayMs(attempt, () => 1));
    expect(lowest).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(highest).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});
