import type { MatchPair } from './assessment.js';
import { isMatchable, matchExclusions } from './hard-rules.js';
import type { MatchMentee, MatchMentor } from './match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './match-weights.js';
import { SCORE_COMPONENTS, type Criterion } from './score-components.js';
import type { SpecialtyGraph } from './specialty-graph.js';
import { DEFAULT_REFERENCE_DATE } from './weekly-time.js';

export interface MatchOptions {
  readonly graph: SpecialtyGraph;
  /** Defaults to DEFAULT_MATCH_WEIGHTS; pass parseMatchWeights(...) output. */
  readonly weights?: MatchWeights;
  /** Whose UTC offsets place the week; defaults to DEFAULT_REFERENCE_DATE, so results are reproducible. */
  readonly referenceDate?: Date;
}

/** One line of the breakdown (the API's ScoreComponent). */
export interface ScoreComponent {
  readonly criterion: Criterion;
  readonly weight: number;
  /** 0–1, to three decimals. */
  readonly value: number;
  /** weight × value, to 0.1. */
  readonly contribution: number;
  readonly detail: string | null;
}

/** A scored mentor for one mentee (the API's Match, with the mentor as an id). */
export interface MatchResult {
  readonly mentorUserId: string;
  /** 0–100: exactly the sum of the breakdown's contributions. */
  readonly score: number;
  readonly breakdown: readonly ScoreComponent[];
  readonly reasons: readonly string[];
  readonly caveats: readonly string[];
  readonly eligible: boolean;
  readonly exclusions: readonly string[];
}

/** A value as the breakdown shows it. */
export function roundValue(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A contribution in tenths of a point, from the rounded value. Monotone in the value, so a
 * bound computed the same way is never below the score.
 */
export function contributionTenths(weight: number, value: number): number {
  return Math.round(weight * roundValue(value) * 10);
}

function pairOf(mentee: MatchMentee, mentor: MatchMentor, options: MatchOptions): MatchPair {
  return {
    mentee,
    mentor,
    graph: options.graph,
    referenceDate: options.referenceDate ?? DEFAULT_REFERENCE_DATE,
  };
}

/**
 * Scores one mentor for one mentee, with the breakdown and the sentences. Excluded pairs (hard
 * rules) are not scored: score 0, an empty breakdown and the exclusion sentences. Pure and
 * deterministic: the same inputs and options give the same result.
 */
export function scoreMatch(
  mentee: MatchMentee,
  mentor: MatchMentor,
  options: MatchOptions,
): MatchResult {
  const exclusions = matchExclusions(mentee, mentor);
  if (exclusions.length > 0) {
    return {
      mentorUserId: mentor.userId,
      score: 0,
      breakdown: [],
      reasons: [],
      caveats: [],
      eligible: false,
      exclusions,
    };
  }
  const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
  const pair = pairOf(mentee, mentor, options);
  let totalTenths = 0;
  const parts = SCORE_COMPONENTS.map((component, order) => {
    const weight = weights[component.criterion];
    const found = component.assess(pair);
    const words = found.explain();
    const tenths = contributionTenths(weight, found.value);
    totalTenths += tenths;
    const line: ScoreComponent = {
      criterion: component.criterion,
      weight,
      value: roundValue(found.value),
      contribution: tenths / 10,
      detail: words.detail,
    };
    return { line, words, order, lost: weight * (1 - found.value) };
  });
  // A criterion weighted 0 is switched off: its sentences would mislead.
  const spoken = parts.filter((part) => part.line.weight > 0);
  const reasons = [...spoken]
    .sort((a, b) => b.line.contribution - a.line.contribution || a.order - b.order)
    .flatMap((part) => part.words.reasons);
  const caveats = [...spoken]
    .sort((a, b) => b.lost - a.lost || a.order - b.order)
    .flatMap((part) => part.words.caveats);
  return {
    mentorUserId: mentor.userId,
    score: totalTenths / 10,
    breakdown: parts.map((part) => part.line),
    reasons,
    caveats,
    eligible: true,
    exclusions: [],
  };
}

/**
 * The score alone, or null for an excluded pair: exactly `scoreMatch(...).score`, without
 * building any sentence. For scanning many candidates; explain the few returned with scoreMatch.
 */
export function matchScore(
  mentee: MatchMentee,
  mentor: MatchMentor,
  options: MatchOptions,
): number | null {
  if (!isMatchable(mentee, mentor)) return null;
  const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
  const pair = pairOf(mentee, mentor, options);
  let totalTenths = 0;
  for (const component of SCORE_COMPONENTS) {
    totalTenths += contributionTenths(weights[component.criterion], component.assess(pair).value);
  }
  return totalTenths / 10;
}

/**
 * Best first: eligible before excluded, then score descending, then mentor id ascending (code
 * unit order, independent of locale), so equal scores always come out in the same order.
 */
export function compareMatches(a: MatchResult, b: MatchResult): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.mentorUserId === b.mentorUserId) return 0;
  return a.mentorUserId < b.mentorUserId ? -1 : 1;
}

/** The eligible mentors for a mentee, best first (an exhaustive scan: retrieval prunes this). */
export function rankMentors(
  mentee: MatchMentee,
  mentors: readonly MatchMentor[],
  options: MatchOptions,
): MatchResult[] {
  return mentors
    .map((mentor) => scoreMatch(mentee, mentor, options))
    .filter((match) => match.eligible)
    .sort(compareMatches);
}
