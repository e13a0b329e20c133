import { GROWTH_AREA_INFO, type GrowthArea } from '@preceptor/taxonomy/reference';
import { assessment, type Assessment, type MatchPair, type TierFacts } from '../assessment.js';
import type { MatchMentee } from '../match-profiles.js';
import { countWord, midSentence, rankWord } from '../wording.js';

/** Neither better nor worse: the mentee has not said what they want. */
export const GOALS_UNKNOWN_VALUE = 0.5;

function areaName(area: GrowthArea): string {
  return midSentence(GROWTH_AREA_INFO[area].name);
}

/** Each goal once, in the mentee's order. */
export function rankedGoals(mentee: Pick<MatchMentee, 'goals'>): GrowthArea[] {
  return [...new Set(mentee.goals)];
}

/**
 * The mentee's goals the mentor offers, weighted by rank: with n goals the top one counts n,
 * the next n − 1, down to 1, out of n + (n − 1) + … + 1.
 */
export function assessGoals({ mentee, mentor }: MatchPair): Assessment {
  const goals = rankedGoals(mentee);
  const n = goals.length;
  if (n === 0) {
    return assessment(GOALS_UNKNOWN_VALUE, () => ({ detail: 'You have not ranked any goals' }));
  }
  if (mentor.offers.length === 0) {
    return assessment(0, () => ({
      caveats: ['Has not said what they offer'],
      detail: `0 of ${n} goals offered`,
    }));
  }
  const { value, met } = goalsMet(goals, mentor.offers);
  return assessment(value, () => ({
    reasons: met.length === 0 ? [] : [goalsSentence(goals, met)],
    caveats: met[0] === 0 ? [] : [`Does not offer ${areaName(goals[0])}, your top goal`],
    detail: `${met.length} of ${n} goals offered`,
  }));
}

/** "Offers X, your top goal" or "Offers two of your three goals: X (your top goal), Y". */
function goalsSentence(goals: readonly GrowthArea[], met: readonly number[]): string {
  if (met.length === 1) return `Offers ${areaName(goals[met[0]])}, your ${rankWord(met[0])} goal`;
  const n = goals.length;
  let how = `${countWord(met.length)} of your ${countWord(n)} goals`;
  if (met.length === n) how = n === 2 ? 'both your goals' : `all ${countWord(n)} of your goals`;
  const which = met.map(
    (index) => `${areaName(goals[index])}${index === 0 ? ' (your top goal)' : ''}`,
  );
  return `Offers ${how}: ${which.join(', ')}`;
}

export function goalsUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  if (mentee.goals.length === 0) return GOALS_UNKNOWN_VALUE;
  return facts.offers === undefined ? 1 : goalsMet(rankedGoals(mentee), facts.offers).value;
}

/**
 * The share of the ranked goals `offers` meets (top goal counting most), and which ones (their
 * indexes in `goals`). Mentor offers here; an event's growth areas in recommendations.
 */
export function goalsMet(
  goals: readonly GrowthArea[],
  offers: readonly GrowthArea[],
): { value: number; met: number[] } {
  const n = goals.length;
  let earned = 0;
  const met: number[] = [];
  goals.forEach((goal, index) => {
    if (offers.includes(goal)) {
      earned += n - index;
      met.push(index);
    }
  });
  return { value: earned / ((n * (n + 1)) / 2), met };
}
