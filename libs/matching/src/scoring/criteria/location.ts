import {
  assessment,
  type Assessment,
  type MatchPair,
  type MentorPlace,
  type TierFacts,
} from '../assessment.js';
import { formatsOf, type MatchMentee } from '../match-profiles.js';

/** In person only, same country but another region: a trip, not a commute. */
export const SAME_COUNTRY_VALUE = 0.5;

function same(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toUpperCase() === b.trim().toUpperCase();
}

function sameRegion(a: MentorPlace, b: MentorPlace): boolean {
  return same(a.country, b.country) && same(a.region, b.region);
}

/**
 * Virtual meetings work anywhere. When in person is the only format both accept, distance
 * decides: same region, then same country. (No format in common is a hard rule, not a score.)
 */
export function assessLocation({ mentee, mentor }: MatchPair): Assessment {
  return locationFit(mentee, mentor);
}

/** A candidate whose place is known scores exactly what assessLocation gives; else up to 1. */
export function locationUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  return facts.place === undefined ? 1 : locationFit(mentee, facts.place).value;
}

function locationFit(mentee: MatchMentee, mentor: MentorPlace): Assessment {
  const theirs = formatsOf(mentor);
  const common = formatsOf(mentee).filter((format) => theirs.includes(format));
  const nearby = sameRegion(mentee, mentor);
  if (common.includes('VIRTUAL')) {
    return common.includes('IN_PERSON') && nearby
      ? assessment(1, () => ({
          reasons: ['Meets virtually or in person in your region'],
          detail: 'Virtual, or in person nearby',
        }))
      : assessment(1, () => ({ detail: 'Meets virtually' }));
  }
  if (nearby) {
    return assessment(1, () => ({
      reasons: ['Meets in person in your region'],
      detail: 'In person, same region',
    }));
  }
  if (same(mentee.country, mentor.country)) {
    return assessment(SAME_COUNTRY_VALUE, () => ({
      caveats: ['In person only, in another region'],
      detail: 'In person, same country',
    }));
  }
  return assessment(0, () => {
    const known = mentee.country !== null && mentor.country !== null;
    return {
      caveats: [known ? 'In person only, in another country' : 'In person only, location unknown'],
      detail: 'In person, far',
    };
  });
}
