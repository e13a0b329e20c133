import { CAREER_STAGE_LEVEL, CareerStage, Track } from '@preceptor/taxonomy/reference';
import {
  assessment,
  type Assessment,
  type MatchPair,
  type TierFacts,
  type TrackRelation,
} from '../assessment.js';
import type { MatchMentee } from '../match-profiles.js';
import { trackField } from '../wording.js';

/** A mentor from another track who can still guide this mentee, and why. */
interface CrossTrackFit {
  readonly mentor: Track;
  readonly mentee: Track;
  readonly value: number;
  /** The mentor must be at least here (leaders, not staff, know administration). */
  readonly fromStage?: CareerStage;
  /** Shown to the mentee as the reason. */
  readonly reason: string;
}

const T = Track;
const SENIOR = CareerStage.SENIOR;

/**
 * Cross-track pairs that make sense, mentor → mentee. Anything not listed scores 0 on this
 * criterion (specialty and goals can still carry the match).
 */
// prettier-ignore
export const CROSS_TRACK_FITS: readonly CrossTrackFit[] = [
  { mentor: T.PHYSICIAN, mentee: T.ADVANCED_PRACTICE, value: 0.6, reason: 'Physicians and advanced practice providers practise medicine side by side' },
  { mentor: T.ADVANCED_PRACTICE, mentee: T.PHYSICIAN, value: 0.4, reason: 'Advanced practice providers share the clinic and the medicine with physicians' },
  { mentor: T.ADVANCED_PRACTICE, mentee: T.NURSING, value: 0.6, reason: 'Most nurse practitioners, anesthetists and midwives started as nurses' },
  { mentor: T.NURSING, mentee: T.ADVANCED_PRACTICE, value: 0.4, reason: 'Advanced practice nursing grows from nursing practice' },
  { mentor: T.NURSING, mentee: T.ADMINISTRATION, value: 0.7, fromStage: SENIOR, reason: 'Nurse managers and nursing directors run units, staff and budgets' },
  { mentor: T.PHYSICIAN, mentee: T.ADMINISTRATION, value: 0.6, fromStage: SENIOR, reason: 'Physician leaders run clinical services' },
  { mentor: T.PHARMACY, mentee: T.ADMINISTRATION, value: 0.5, fromStage: SENIOR, reason: 'Pharmacy managers and directors run a hospital department' },
  { mentor: T.ALLIED_HEALTH, mentee: T.ADMINISTRATION, value: 0.5, fromStage: SENIOR, reason: 'Allied health managers run laboratory, imaging and therapy departments' },
  { mentor: T.INFORMATICS, mentee: T.NURSING, value: 0.5, reason: 'Nursing informatics is a path out of bedside nursing' },
  { mentor: T.INFORMATICS, mentee: T.PHYSICIAN, value: 0.5, reason: 'Clinical informatics is a physician subspecialty' },
  { mentor: T.INFORMATICS, mentee: T.PHARMACY, value: 0.4, reason: 'Pharmacy informatics is a path for pharmacists' },
  { mentor: T.NURSING, mentee: T.INFORMATICS, value: 0.5, reason: 'Nurses bring the clinical side of informatics' },
  { mentor: T.PHYSICIAN, mentee: T.INFORMATICS, value: 0.5, reason: 'Physicians bring the clinical side of informatics' },
  { mentor: T.PHARMACY, mentee: T.INFORMATICS, value: 0.4, reason: 'Pharmacists bring medication know-how to informatics' },
  { mentor: T.PUBLIC_HEALTH, mentee: T.NURSING, value: 0.3, reason: 'Public health and community nursing share the population view' },
  { mentor: T.NURSING, mentee: T.PUBLIC_HEALTH, value: 0.3, reason: 'Community and public health nurses work in public health' },
  { mentor: T.PUBLIC_HEALTH, mentee: T.PHYSICIAN, value: 0.3, reason: 'Preventive medicine joins medicine and public health' },
  { mentor: T.PHYSICIAN, mentee: T.PUBLIC_HEALTH, value: 0.3, reason: 'Preventive medicine joins medicine and public health' },
];

function crossTrackFit(
  mentorTrack: Track,
  mentorStage: CareerStage,
  menteeTrack: Track,
): CrossTrackFit | undefined {
  return CROSS_TRACK_FITS.find(
    (fit) =>
      fit.mentor === mentorTrack &&
      fit.mentee === menteeTrack &&
      (fit.fromStage === undefined ||
        CAREER_STAGE_LEVEL[mentorStage] >= CAREER_STAGE_LEVEL[fit.fromStage]),
  );
}

export function trackRelation(
  mentorTrack: Track,
  mentorStage: CareerStage,
  menteeTrack: Track,
): TrackRelation {
  if (mentorTrack === menteeTrack) return 'SAME';
  return crossTrackFit(mentorTrack, mentorStage, menteeTrack) ? 'RELATED' : 'UNRELATED';
}

export function assessTrack({ mentee, mentor }: MatchPair): Assessment {
  if (mentor.track === mentee.track) {
    // No reason sentence: the specialty criterion already says where they work.
    return assessment(1, () => ({ detail: `Both in ${trackField(mentee.track)}` }));
  }
  const fit = crossTrackFit(mentor.track, mentor.careerStage, mentee.track);
  return assessment(fit?.value ?? 0, () => {
    const detail = `${trackField(mentor.track)} → ${trackField(mentee.track)}`;
    return fit
      ? { reasons: [fit.reason], detail }
      : { caveats: [`In ${trackField(mentor.track)}, not ${trackField(mentee.track)}`], detail };
  });
}

export function trackUpperBound(mentee: MatchMentee, facts: TierFacts): number {
  switch (facts.trackRelation) {
    case undefined:
    case 'SAME':
      return 1;
    case 'RELATED':
      return Math.max(
        0,
        ...CROSS_TRACK_FITS.filter((fit) => fit.mentee === mentee.track).map((fit) => fit.value),
      );
    case 'UNRELATED':
      return 0;
  }
}
