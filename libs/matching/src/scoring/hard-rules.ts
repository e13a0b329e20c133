import { stageGap } from './criteria/stage.js';
import {
  formatsOf,
  type MatchMentee,
  type MatchMentor,
  type MeetingFormat,
} from './match-profiles.js';
import { stageName, withArticle } from './wording.js';

const FORMAT_WORDS: Readonly<Record<MeetingFormat, string>> = {
  VIRTUAL: 'virtually',
  IN_PERSON: 'in person',
};

function formatsWords(formats: readonly MeetingFormat[]): string {
  return formats.map((format) => FORMAT_WORDS[format]).join(' or ');
}

/** A mentor with a place left (the capacity rule). */
export function hasPlaceLeft(mentor: Pick<MatchMentor, 'capacity' | 'activeMenteeCount'>): boolean {
  return mentor.activeMenteeCount < mentor.capacity;
}

/** Whether the two meet in a format both use (the formats rule). */
export function shareAFormat(
  mentee: Pick<MatchMentee, 'meetingFormats'>,
  mentor: Pick<MatchMentor, 'meetingFormats'>,
): boolean {
  const theirs = formatsOf(mentor);
  return formatsOf(mentee).some((format) => theirs.includes(format));
}

interface HardRule {
  excludes(mentee: MatchMentee, mentor: MatchMentor): boolean;
  sentence(mentee: MatchMentee, mentor: MatchMentor): string;
  /** Decided by the mentor alone: whoever the mentee, the mentor is not taking any. */
  mentorOnly?: true;
}

/**
 * Pairs that cannot be matched at all, in the order their sentences are listed. An empty list
 * of meeting formats means "no preference" and accepts both; an empty list of languages shares
 * none.
 */
const HARD_RULES: readonly HardRule[] = [
  {
    excludes: (mentee, mentor) => mentor.userId === mentee.userId,
    sentence: () => 'This is your own profile',
  },
  {
    excludes: (_mentee, mentor) => !mentor.accepting,
    sentence: () => 'Not accepting mentees',
    mentorOnly: true,
  },
  {
    mentorOnly: true,
    excludes: (_mentee, mentor) => !hasPlaceLeft(mentor),
    sentence: (_mentee, mentor) =>
      `No places left (${mentor.activeMenteeCount} of ${Math.max(0, mentor.capacity)} taken)`,
  },
  {
    excludes: (mentee, mentor) =>
      !mentee.languages.some((code) =>
        mentor.languages.some((theirs) => theirs.toLowerCase() === code.toLowerCase()),
      ),
    sentence: () => 'No language in common',
  },
  {
    excludes: (mentee, mentor) => stageGap(mentee, mentor) < 0,
    sentence: (mentee, mentor) =>
      `Earlier in their career than you: ${stageName(mentor.track, mentor.careerStage)}; you are ${withArticle(stageName(mentee.track, mentee.careerStage))}`,
  },
  {
    excludes: (mentee, mentor) => !shareAFormat(mentee, mentor),
    sentence: (mentee, mentor) =>
      `No meeting format in common: meets ${formatsWords(formatsOf(mentor))}, you ${formatsWords(formatsOf(mentee))}`,
  },
];

const MENTOR_ONLY_RULES = HARD_RULES.filter((rule) => rule.mentorOnly);

/** Whether the mentor takes mentees at all (accepting, with a place left): the mentor-only rules. */
export function takesMentees(mentor: MatchMentor): boolean {
  // These rules never read the mentee.
  return !MENTOR_ONLY_RULES.some((rule) => rule.excludes(undefined as never, mentor));
}

/** Whether the pair passes every hard rule (no sentences built: for scanning many mentors). */
export function isMatchable(mentee: MatchMentee, mentor: MatchMentor): boolean {
  return !HARD_RULES.some((rule) => rule.excludes(mentee, mentor));
}

/** Why a mentor cannot be matched with this mentee, every rule that applies; empty when they can. */
export function matchExclusions(mentee: MatchMentee, mentor: MatchMentor): string[] {
  return HARD_RULES.filter((rule) => rule.excludes(mentee, mentor)).map((rule) =>
    rule.sentence(mentee, mentor),
  );
}
