import { CAREER_STAGE_LEVEL } from '@preceptor/taxonomy/reference';
import { assessment, type Assessment, type MatchPair, type TierFacts } from '../assessment.js';
import type { MatchMentee, MatchPerson } from '../match-profiles.js';
import { capitalize, countWord, stageName, withArticle } from '../wording.js';

/**
 * Value by stage gap (mentor level minus mentee level, index 0–5). One or two stages ahead is
 * near enough to remember the mentee's situation and far enough to guide it; further ahead the
 * advice drifts from the mentee's day-to-day; the same stage is a peer.
 */
export const STAGE_GAP_VALUE: readonly number[] = [0.2, 1, 1, 0.6, 0.4, 0.25];

/** Mentor level minus mentee level: negative means the mentor is behind (a hard rule). */
export function stageGap(mentee: MatchPerson, mentor: MatchPerson): number {
  return CAREER_STAGE_LEVEL[mentor.careerStage] - CAREER_STAGE_LEVEL[mentee.careerStage];
}

function gapValue(gap: number): number {
  if (gap < 0) return 0;
  return STAGE_GAP_VALUE[Math.min(gap, STAGE_GAP_VALUE.length - 1)];
}

export function assessStage({ mentee, mentor }: MatchPair): Assessment {
  const gap = stageGap(mentee, mentor);
  const value = gapValue(gap);
  return assessment(value, () => {
    const theirs = stageName(mentor.track, mentor.careerStage);
    if (gap <= 0) {
      return {
        caveats: [`Also at your stage (${theirs}): more a peer than a mentor`],
        detail: gap === 0 ? 'Same stage' : 'Behind your stage',
      };
    }
    const steps = `${capitalize(countWord(gap))} ${gap === 1 ? 'step' : 'steps'} ahead of you`;
    const detail = `${gap} ${gap === 1 ? 'stage' : 'stages'} ahead`;
    if (value >= 0.5) {
      const yours = withArticle(stageName(mentee.track, mentee.careerStage));
      return { reasons: [`${steps}: ${theirs}; you are ${yours}`], detail };
    }
    return { caveats: [`${steps} (${theirs}): further from your day-to-day work`], detail };
  });
}

export function stageUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  if (facts.stageGap !== undefined) return gapValue(facts.stageGap);
  // Only gaps that keep the mentor on the ladder are possible.
  const room = STAGE_GAP_VALUE.length - 1 - CAREER_STAGE_LEVEL[mentee.careerStage];
  return Math.max(...STAGE_GAP_VALUE.slice(0, room + 1));
}
