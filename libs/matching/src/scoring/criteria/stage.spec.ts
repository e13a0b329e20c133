import { describe, expect, it } from '@jest/globals';
import { CareerStage, Track } from '@preceptor/taxonomy/reference';
import { aMentee, aMentor, assessPair } from '../testing/match-people.js';
import { assessStage, stageUpperBound } from './stage.js';

const { STUDENT, TRAINEE, EARLY_CAREER, MID_CAREER, SENIOR, LEADER } = CareerStage;

function nurses(mentee: CareerStage, mentor: CareerStage) {
  return assessPair(
    assessStage,
    aMentee({ track: Track.NURSING, careerStage: mentee }),
    aMentor({ track: Track.NURSING, careerStage: mentor }),
  );
}

describe('stage', () => {
  it('gives 1 to one stage ahead, in the track’s own words', () => {
    const found = nurses(TRAINEE, EARLY_CAREER);
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual(['One step ahead of you: staff RN; you are a new-graduate RN']);
    expect(found.detail).toBe('1 stage ahead');
  });

  it('gives 1 to two stages ahead', () => {
    const found = nurses(TRAINEE, MID_CAREER);
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual([
      'Two steps ahead of you: experienced or charge RN; you are a new-graduate RN',
    ]);
  });

  it('decays further ahead: 3 → 0.6, 4 → 0.4, 5 → 0.25', () => {
    expect(nurses(STUDENT, MID_CAREER).value).toBe(0.6);
    expect(nurses(STUDENT, SENIOR).value).toBe(0.4);
    expect(nurses(STUDENT, LEADER).value).toBe(0.25);
  });

  it('still gives a reason three stages ahead', () => {
    expect(nurses(TRAINEE, SENIOR).reasons).toEqual([
      'Three steps ahead of you: clinical nurse specialist or nurse manager; you are a new-graduate RN',
    ]);
  });

  it('turns four or more stages ahead into a caveat', () => {
    const found = nurses(TRAINEE, LEADER);
    expect(found.reasons).toEqual([]);
    expect(found.caveats).toEqual([
      'Four steps ahead of you (director of nursing or chief nursing officer): further from your day-to-day work',
    ]);
  });

  it('scores the same stage low: a peer', () => {
    const found = nurses(EARLY_CAREER, EARLY_CAREER);
    expect(found.value).toBe(0.2);
    expect(found.caveats).toEqual(['Also at your stage (staff RN): more a peer than a mentor']);
    expect(found.detail).toBe('Same stage');
  });

  it('names each side’s stage in its own track', () => {
    const found = assessPair(
      assessStage,
      aMentee({ track: Track.ADMINISTRATION, careerStage: EARLY_CAREER }),
      aMentor({ track: Track.NURSING, careerStage: SENIOR }),
    );
    expect(found.reasons).toEqual([
      'Two steps ahead of you: clinical nurse specialist or nurse manager; you are an analyst or department coordinator',
    ]);
  });

  it('keeps acronyms and picks the article by sound', () => {
    const found = assessPair(
      assessStage,
      aMentee({ track: Track.ADVANCED_PRACTICE, careerStage: STUDENT }),
      aMentor({ track: Track.ADVANCED_PRACTICE, careerStage: TRAINEE }),
    );
    expect(found.reasons).toEqual([
      'One step ahead of you: new-graduate APP; you are an NP, PA, CRNA or CNM student',
    ]);
  });

  it('bounds the value by the stages left above the mentee', () => {
    expect(stageUpperBound(aMentee({ careerStage: LEADER }), {})).toBe(0.2);
    expect(stageUpperBound(aMentee({ careerStage: SENIOR }), {})).toBe(1);
    expect(stageUpperBound(aMentee({ careerStage: STUDENT }), { stageGap: 4 })).toBe(0.4);
  });
});
