import { describe, expect, it } from '@jest/globals';
import { Track } from '@preceptor/taxonomy/reference';
import { aMentee, aMentor, assessPair, graph } from '../testing/match-people.js';
import { assessSpecialty, specialtyProximityClass } from './specialty.js';

const pedOncNurse = aMentee({ specialties: ['pediatric-oncology-nursing'] });

function assess(
  menteeSpecialties: string[],
  mentorSpecialties: string[],
  target: string | null = null,
) {
  return assessPair(
    assessSpecialty,
    aMentee({ specialties: menteeSpecialties, target }),
    aMentor({ specialties: mentorSpecialties }),
  );
}

describe('specialty', () => {
  it('gives 1 for the same specialty', () => {
    const found = assessPair(
      assessSpecialty,
      pedOncNurse,
      aMentor({ specialties: ['pediatric-oncology-nursing'] }),
    );
    expect(found.value).toBe(1);
    expect(found.reasons).toEqual(['Both in pediatric oncology nursing']);
    expect(found.detail).toBe('Same specialty');
  });

  it('gives 0.75 when the mentor works in the parent specialty', () => {
    const found = assess(['pediatric-oncology-nursing'], ['pediatric-nursing']);
    expect(found.value).toBe(0.75);
    expect(found.reasons).toEqual([
      'Works in pediatric nursing, which includes your pediatric oncology nursing',
    ]);
  });

  it('gives 0.75 when the mentor works in a child specialty', () => {
    const found = assess(['cardiology'], ['interventional-cardiology']);
    expect(found.value).toBe(0.75);
    expect(found.reasons).toEqual([
      'Works in interventional cardiology, a branch of your cardiology',
    ]);
  });

  it('gives 0.5 to siblings under one parent', () => {
    const found = assess(['emergency-nursing'], ['critical-care-nursing']);
    expect(found.value).toBe(0.5);
    expect(found.reasons).toEqual([
      'Works in critical care nursing, next to your emergency nursing',
    ]);
  });

  it('gives 0.5 to an explicit related link across tracks', () => {
    const found = assess(['oncology-nursing'], ['oncology-pharmacy']);
    expect(found.value).toBe(0.5);
    expect(found.reasons).toEqual([
      'Works in oncology pharmacy, closely linked to your oncology nursing',
    ]);
  });

  it('gives 0.5 to a broad field two levels above a niche', () => {
    const found = assess(['interventional-cardiology'], ['internal-medicine']);
    expect(found.value).toBe(0.5);
    expect(found.reasons).toEqual([
      'Works in internal medicine, which includes your interventional cardiology',
    ]);
  });

  it('gives 0.25 to another specialty of the same track, as a caveat', () => {
    const found = assess(['pediatric-oncology-nursing'], ['critical-care-nursing']);
    expect(found.value).toBe(0.25);
    expect(found.reasons).toEqual([]);
    expect(found.caveats).toEqual(['Works in critical care nursing, another nursing specialty']);
  });

  it('gives 0 to an unrelated specialty', () => {
    const found = assess(['pediatric-oncology-nursing'], ['community-pharmacy']);
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual([
      'Works in community pharmacy, far from your pediatric oncology nursing',
    ]);
  });

  it('takes the closest of the mentor’s specialties, not only the primary', () => {
    const found = assess(
      ['neonatal-intensive-care-nursing'],
      ['nurse-educator', 'neonatal-intensive-care-nursing'],
    );
    expect(found.value).toBe(1);
  });

  it('takes the closest of the mentee’s specialties', () => {
    const found = assess(['school-nursing', 'emergency-nursing'], ['emergency-nursing']);
    expect(found.value).toBe(1);
  });

  describe('target specialty', () => {
    it('gives 1 to a mentor in the specialty the mentee is aiming for', () => {
      const found = assess(
        ['medical-surgical-nursing'],
        ['critical-care-nursing'],
        'critical-care-nursing',
      );
      expect(found.value).toBe(1);
      expect(found.reasons).toEqual([
        'Works in critical care nursing, the specialty you are aiming for',
      ]);
      expect(found.detail).toBe('Same specialty (your target)');
    });

    it('slightly discounts the current specialty once a target is named', () => {
      const found = assess(
        ['medical-surgical-nursing'],
        ['medical-surgical-nursing'],
        'critical-care-nursing',
      );
      expect(found.value).toBeCloseTo(0.9);
      expect(found.reasons).toEqual(['Both in medical-surgical nursing']);
    });

    it('words a link to the target as where the mentee is heading', () => {
      // Cardiology is a child of internal medicine (the target) and related to pediatric cardiology (current).
      const found = assess(['pediatric-cardiology'], ['cardiology'], 'internal-medicine');
      expect(found.value).toBe(0.75);
      expect(found.reasons).toEqual([
        'Works in cardiology, a branch of internal medicine, where you are heading',
      ]);
    });

    it('counts the current specialty in full without a target', () => {
      expect(assess(['medical-surgical-nursing'], ['medical-surgical-nursing']).value).toBe(1);
    });
  });

  it('is neutral when the mentee has chosen no specialty', () => {
    const found = assess([], ['critical-care-nursing']);
    expect(found.value).toBe(0.5);
    expect(found.detail).toBe('You have not chosen a specialty');
  });

  it('gives 0 with a caveat when the mentor lists no specialty', () => {
    const found = assess(['critical-care-nursing'], []);
    expect(found.value).toBe(0);
    expect(found.caveats).toEqual(['Has not listed a specialty']);
  });

  it('ignores ids the catalog does not hold', () => {
    const found = assessPair(assessSpecialty, aMentee({ specialties: ['critical-care-nursing'] }), {
      ...aMentor({ specialties: ['critical-care-nursing'] }),
      specialtyIds: [99_999, graph.idOf('critical-care-nursing')],
    });
    expect(found.value).toBe(1);
  });

  it('gives the proximity class a retrieval tier records, over current and target', () => {
    const mentee = aMentee({
      specialties: ['medical-surgical-nursing'],
      target: 'critical-care-nursing',
      track: Track.NURSING,
    });
    expect(specialtyProximityClass(graph, mentee, [graph.idOf('critical-care-nursing')])).toBe(
      'SAME',
    );
    expect(specialtyProximityClass(graph, mentee, [graph.idOf('emergency-nursing')])).toBe(
      'NEARBY',
    );
    expect(specialtyProximityClass(graph, mentee, [graph.idOf('community-pharmacy')])).toBe('NONE');
    expect(specialtyProximityClass(graph, mentee, [])).toBe('NONE');
  });
});
