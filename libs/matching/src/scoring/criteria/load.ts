import {
  assessment,
  type Assessment,
  type MatchPair,
  type MentorLoad,
  type TierFacts,
} from '../assessment.js';

/**
 * Share of the mentor's places still open. A small boost for lightly loaded mentors spreads
 * mentees out, so one popular mentor is not everyone's first match.
 */
export function assessLoad({ mentor }: MatchPair): Assessment {
  return loadFit(mentor);
}

/** A candidate whose load is known scores exactly what assessLoad gives; else up to 1. */
export function loadUpperBound(_mentee: unknown, facts: TierFacts): number {
  return facts.load === undefined ? 1 : loadFit(facts.load).value;
}

function loadFit(mentor: MentorLoad): Assessment {
  const open = Math.max(0, mentor.capacity - mentor.activeMenteeCount);
  return assessment(mentor.capacity > 0 ? open / mentor.capacity : 0, () => ({
    caveats: open === 1 && mentor.activeMenteeCount > 0 ? ['One place left'] : [],
    detail: `${mentor.activeMenteeCount} of ${mentor.capacity} places taken`,
  }));
}
