import { describe, expect, it } from '@jest/globals';
import { CareerStage, Track } from '@preceptor/taxonomy/reference';
import { aMentee, aMentor, assessPair } from '../testing/match-people.js';
import { assessTrack, CROSS_TRACK_FITS, trackRelation, trackUpperBound } from './track.js';

function assess(menteeTrack: Track, mentorTrack: Track, mentorStage = CareerStage.MID_CAREER) {
  return assessPair(
    assessTrack,
    aMentee({ track: menteeTrack, careerStage: CareerStage.EARLY_CAREER }),
    aMentor({ track: mentorTrack, careerStage: mentorStage }),
  );
}

describe('track', () => {
  it('gives 1 to the same track, leaving the sentence to the specialty', () => {
    const found = assess(Track.PHARMACY, Track.PHARMACY);
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual([]);
    expect(found.detail).toBe('Both in pharmacy');
  });

  it('gives partial credit to a physician mentoring advanced practice', () => {
    const found = assess(Track.ADVANCED_PRACTICE, Track.PHYSICIAN);
    expect(found.value).toBe(0.6);
    expect(found.reasons).toEqual([
      'Physicians and advanced practice providers practise medicine side by side',
    ]);
  });

  it('credits a nurse manager for an administration mentee, but not a staff nurse', () => {
    const manager = assess(Track.ADMINISTRATION, Track.NURSING, CareerStage.SENIOR);
    expect(manager.value).toBe(0.7);
    expect(manager.reasons).toEqual([
      'Nurse managers and nursing directors run units, staff and budgets',
    ]);
    const staff = assess(Track.ADMINISTRATION, Track.NURSING, CareerStage.EARLY_CAREER);
    expect(staff.value).toBe(0);
    expect(staff.caveats).toEqual(['In nursing, not healthcare administration']);
  });

  it('links informatics with nursing both ways', () => {
    expect(assess(Track.NURSING, Track.INFORMATICS).value).toBe(0.5);
    expect(assess(Track.INFORMATICS, Track.NURSING).value).toBe(0.5);
  });

  it('gives 0 with a caveat to an unrelated track', () => {
    const found = assess(Track.NURSING, Track.PHARMACY);
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual(['In pharmacy, not nursing']);
  });

  it('calls the physician track’s field medicine', () => {
    expect(assess(Track.PHARMACY, Track.PHYSICIAN).caveats).toEqual(['In medicine, not pharmacy']);
  });

  it('keeps the table small and sound: one row per direction, values between 0 and 1', () => {
    const keys = CROSS_TRACK_FITS.map((fit) => `${fit.mentor}→${fit.mentee}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const fit of CROSS_TRACK_FITS) {
      expect(fit.mentor).not.toBe(fit.mentee);
      expect(fit.value).toBeGreaterThan(0);
      expect(fit.value).toBeLessThan(1);
      expect(fit.reason.length).toBeGreaterThan(10);
    }
  });

  it('classifies relations for retrieval and bounds them', () => {
    expect(trackRelation(Track.NURSING, CareerStage.SENIOR, Track.NURSING)).toBe('SAME');
    expect(trackRelation(Track.NURSING, CareerStage.SENIOR, Track.ADMINISTRATION)).toBe('RELATED');
    expect(trackRelation(Track.NURSING, CareerStage.MID_CAREER, Track.ADMINISTRATION)).toBe(
      'UNRELATED',
    );
    const admin = aMentee({ track: Track.ADMINISTRATION });
    expect(trackUpperBound(admin, { trackRelation: 'RELATED' })).toBe(0.7);
    expect(trackUpperBound(admin, { trackRelation: 'UNRELATED' })).toBe(0);
    expect(trackUpperBound(admin, {})).toBe(1);
  });
});
