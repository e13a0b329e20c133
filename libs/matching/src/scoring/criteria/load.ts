import { assessment, type Assessment, type MatchPair } from '../assessment.js';

/**
 * Share of the mentor's places still open. A small boost for lightly loaded mentors spreads
 * mentees out, so one popular mentor is not everyone's first match.
 */
export function assessLoad({ mentor }: MatchPair): Assessment {
  const open = Math.max(0, mentor.capacity - mentor.activeMenteeCount);
  return assessment(mentor.capacity > 0 ? open / mentor.capacity : 0, () => ({
    caveats: open === 1 && mentor.activeMenteeCount > 0 ? ['One place left'] : [],
    detail: `${mentor.activeMenteeCount} of ${mentor.capacity} places taken`,
  }));
}
