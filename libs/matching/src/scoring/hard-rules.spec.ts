import { describe, expect, it } from '@jest/globals';
import { CareerStage, Track } from '@preceptor/taxonomy/reference';
import { matchExclusions } from './hard-rules.js';
import { scoreMatch } from './score-match.js';
import { aMentee, aMentor, graph } from './testing/match-people.js';

const mentee = aMentee({
  careerStage: CareerStage.EARLY_CAREER,
  languages: ['en'],
  meetingFormats: ['VIRTUAL'],
});

describe('hard rules', () => {
  it('lets an ordinary pair through', () => {
    expect(matchExclusions(mentee, aMentor())).toEqual([]);
  });

  it('excludes the mentee themself', () => {
    expect(matchExclusions(mentee, aMentor({ userId: mentee.userId }))).toEqual([
      'This is your own profile',
    ]);
  });

  it('excludes a mentor who is not accepting', () => {
    expect(matchExclusions(mentee, aMentor({ accepting: false }))).toEqual([
      'Not accepting mentees',
    ]);
  });

  it('excludes a mentor at or over capacity', () => {
    expect(matchExclusions(mentee, aMentor({ capacity: 3, activeMenteeCount: 3 }))).toEqual([
      'No places left (3 of 3 taken)',
    ]);
    expect(matchExclusions(mentee, aMentor({ capacity: 2, activeMenteeCount: 4 }))).toEqual([
      'No places left (4 of 2 taken)',
    ]);
    expect(matchExclusions(mentee, aMentor({ capacity: 0, activeMenteeCount: 0 }))).toEqual([
      'No places left (0 of 0 taken)',
    ]);
  });

  it('excludes a mentor with no language in common, ignoring case', () => {
    expect(matchExclusions(mentee, aMentor({ languages: ['es', 'fr'] }))).toEqual([
      'No language in common',
    ]);
    expect(matchExclusions(mentee, aMentor({ languages: ['EN'] }))).toEqual([]);
    expect(matchExclusions(mentee, aMentor({ languages: [] }))).toEqual(['No language in common']);
  });

  it('excludes a mentor behind the mentee’s career stage, in each track’s words', () => {
    const mentor = aMentor({ track: Track.NURSING, careerStage: CareerStage.TRAINEE });
    expect(matchExclusions(mentee, mentor)).toEqual([
      'Earlier in their career than you: new-graduate RN; you are a staff RN',
    ]);
  });

  it('keeps a mentor at the same stage (a peer, scored low)', () => {
    expect(matchExclusions(mentee, aMentor({ careerStage: CareerStage.EARLY_CAREER }))).toEqual([]);
  });

  it('excludes a pair with no meeting format in common', () => {
    expect(matchExclusions(mentee, aMentor({ meetingFormats: ['IN_PERSON'] }))).toEqual([
      'No meeting format in common: meets in person, you virtually',
    ]);
  });

  it('reads an empty format list as no preference, on either side', () => {
    expect(
      matchExclusions(aMentee({ meetingFormats: [] }), aMentor({ meetingFormats: ['IN_PERSON'] })),
    ).toEqual([]);
    expect(matchExclusions(mentee, aMentor({ meetingFormats: [] }))).toEqual([]);
  });

  it('lists every rule that applies, in a fixed order', () => {
    const mentor = aMentor({
      accepting: false,
      languages: ['de'],
      meetingFormats: ['IN_PERSON'],
      careerStage: CareerStage.STUDENT,
    });
    expect(matchExclusions(mentee, mentor)).toEqual([
      'Not accepting mentees',
      'No language in common',
      'Earlier in their career than you: nursing student; you are a staff RN',
      'No meeting format in common: meets in person, you virtually',
    ]);
  });

  it('never scores an excluded pair', () => {
    const match = scoreMatch(mentee, aMentor({ accepting: false }), { graph });
    expect(match).toMatchObject({
      eligible: false,
      score: 0,
      breakdown: [],
      reasons: [],
      caveats: [],
    });
    expect(match.exclusions).toEqual(['Not accepting mentees']);
  });
});
