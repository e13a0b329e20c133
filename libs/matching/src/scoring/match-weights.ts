import { z } from 'zod';
import { CRITERIA, SCORE_COMPONENTS, type Criterion } from './score-components.js';

/** A weight per criterion, summing to 100. */
export type MatchWeights = Readonly<Record<Criterion, number>>;

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze(
  Object.fromEntries(
    SCORE_COMPONENTS.map((component) => [component.criterion, component.defaultWeight]),
  ) as Record<Criterion, number>,
);

export class MatchWeightsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid match weights: ${problems.join('; ')}`);
    this.name = 'MatchWeightsError';
  }
}

const weightsSchema = z.strictObject(
  Object.fromEntries(CRITERIA.map((criterion) => [criterion, z.number().min(0).optional()])) as {
    [K in Criterion]: z.ZodOptional<z.ZodNumber>;
  },
);

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const key = issue.path[0];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (unknown) => `unknown key "${unknown}" (expected ${CRITERIA.join(', ')})`,
    );
  }
  if (key === undefined) return ['must be an object such as {"goals": 40}'];
  if (issue.code === 'too_small') return [`"${String(key)}" must not be negative`];
  if (issue.code === 'invalid_type') return [`"${String(key)}" must be a number`];
  return [`"${String(key)}" ${issue.message}`];
}

/**
 * Scales weights to sum to 100, in hundredths: each weight is rounded down and the hundredths
 * left over go to the largest remainders (table order breaks ties), so the sum is exact.
 */
export function normaliseMatchWeights(weights: Readonly<Record<Criterion, number>>): MatchWeights {
  const total = CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  if (!(total > 0)) throw new MatchWeightsError(['at least one weight must be positive']);
  const exact = CRITERIA.map((criterion) => (weights[criterion] / total) * 10_000);
  const hundredths = exact.map(Math.floor);
  let left = 10_000 - hundredths.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    hundredths[index] += 1;
    left -= 1;
  }
  return Object.freeze(
    Object.fromEntries(CRITERIA.map((criterion, index) => [criterion, hundredths[index] / 100])),
  ) as MatchWeights;
}

/**
 * Weights from configuration (e.g. the MATCH_WEIGHTS environment variable): undefined or an
 * empty string gives the defaults; a JSON string or an object may set any of the criteria, the
 * rest keep their defaults, and the result is scaled to sum to 100. Unknown keys and negative or
 * non-numeric values are rejected, naming the key.
 */
export function parseMatchWeights(input: unknown): MatchWeights {
  if (input === undefined || input === null || input === '') return DEFAULT_MATCH_WEIGHTS;
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      throw new MatchWeightsError([`not valid JSON (${(error as Error).message})`]);
    }
  }
  const result = weightsSchema.safeParse(value);
  if (!result.success) throw new MatchWeightsError(result.error.issues.flatMap(describeIssue));
  const given = Object.fromEntries(
    Object.entries(result.data).filter(([, weight]) => weight !== undefined),
  ) as Partial<Record<Criterion, number>>;
  return normaliseMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, ...given });
}
