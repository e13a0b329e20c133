import type { Assessment, MatchPair, TierFacts } from './assessment.js';
import { assessAvailability, availabilityUpperBound } from './criteria/availability.js';
import { assessGoals, goalsUpperBound } from './criteria/goals.js';
import { assessLoad, loadUpperBound } from './criteria/load.js';
import { assessLocation, locationUpperBound } from './criteria/location.js';
import { assessSpecialty, specialtyUpperBound } from './criteria/specialty.js';
import { assessStage, stageUpperBound } from './criteria/stage.js';
import { assessTrack, trackUpperBound } from './criteria/track.js';
import type { MatchMentee } from './match-profiles.js';

export interface ScoreComponentDefinition {
  readonly criterion: string;
  /** Out of 100 across all components. */
  readonly defaultWeight: number;
  /** Why the default weighs what it does, in a sentence. */
  readonly why: string;
  readonly assess: (pair: MatchPair) => Assessment;
  /** The most `assess` can return for this mentee and any candidate the facts describe. */
  readonly upperBound: (mentee: MatchMentee, facts: TierFacts) => number;
}

/**
 * Every score component, declared once: weights, breakdown order, configuration keys, retrieval
 * bounds and the documentation table all derive from this list.
 *
 * The defaults follow mentoring research: needs fit (a mentor who covers what the mentee needs)
 * and similarity fit (shared discipline and track) each predicted relationship quality
 * (Marshall 2017); similarity fit related to outcomes in clinical and translational pairs
 * (Baker 2025); failed mentorships in academic medicine came from poor communication and
 * commitment (Straus et al. 2013, Academic Medicine 88(1):82–89), so time and load matter.
 */
export const SCORE_COMPONENTS = [
  {
    criterion: 'goals',
    defaultWeight: 30,
    why: 'Needs fit, a mentor offering what the mentee asks for, predicted relationship quality (Marshall 2017): the largest single component, with the top-ranked goal counting most.',
    assess: assessGoals,
    upperBound: goalsUpperBound,
  },
  {
    criterion: 'specialty',
    defaultWeight: 22,
    why: 'Similarity fit in discipline predicted relationship quality (Marshall 2017) and related to outcomes in clinical pairs (Baker 2025); the specialty says more about shared work than the track.',
    assess: assessSpecialty,
    upperBound: specialtyUpperBound,
  },
  {
    criterion: 'stage',
    defaultWeight: 15,
    why: 'A mentor one or two stages ahead still remembers the mentee’s situation and can see past it; far ahead drifts, the same stage is a peer.',
    assess: assessStage,
    upperBound: stageUpperBound,
  },
  {
    criterion: 'track',
    defaultWeight: 10,
    why: 'The other half of similarity fit; sensible cross-track pairs keep partial credit, and the specialty already rewards most of what a shared track means.',
    assess: assessTrack,
    upperBound: trackUpperBound,
  },
  {
    criterion: 'availability',
    defaultWeight: 10,
    why: 'Failed mentorships came from poor communication and commitment (Straus 2013): pairs with no shared time do not meet.',
    assess: assessAvailability,
    upperBound: availabilityUpperBound,
  },
  {
    criterion: 'location',
    defaultWeight: 8,
    why: 'Virtual meetings work anywhere, so distance only separates pairs who would meet in person only.',
    assess: assessLocation,
    upperBound: locationUpperBound,
  },
  {
    criterion: 'load',
    defaultWeight: 5,
    why: 'A small boost for lightly loaded mentors spreads mentees out and leaves each mentor time to commit.',
    assess: assessLoad,
    upperBound: loadUpperBound,
  },
] as const satisfies readonly ScoreComponentDefinition[];

export type Criterion = (typeof SCORE_COMPONENTS)[number]['criterion'];

export const CRITERIA: readonly Criterion[] = SCORE_COMPONENTS.map(
  (component) => component.criterion,
);

/** The documentation table of criteria, default weights and reasons (docs/matching.md holds it). */
export function scoreComponentsMarkdown(): string {
  return [
    '| Criterion | Default weight | Why |',
    '| --- | --- | --- |',
    ...SCORE_COMPONENTS.map(
      (component) => `| ${component.criterion} | ${component.defaultWeight} | ${component.why} |`,
    ),
  ].join('\n');
}
