import { describe, expect, it } from '@jest/globals';
import { CareerStage, Track } from '@preceptor/taxonomy/reference';
import {
  formatDuration,
  formatHours,
  midSentence,
  stageName,
  trackField,
  withArticle,
} from './wording.js';

describe('wording', () => {
  it.each([
    ['Pediatric Oncology Nursing', 'pediatric oncology nursing'],
    ['New-graduate RN (residency or orientation)', 'new-graduate RN'],
    ['Computed Tomography (CT)', 'computed tomography'],
    ['AI and Machine Learning in Healthcare', 'AI and machine learning in healthcare'],
    [
      'CMIO, CNIO or chief health information officer',
      'CMIO, CNIO or chief health information officer',
    ],
    ['PGY1 or PGY2 pharmacy resident', 'PGY1 or PGY2 pharmacy resident'],
  ])('reads "%s" mid-sentence as "%s"', (name, expected) => {
    expect(midSentence(name)).toBe(expected);
  });

  it.each([
    ['staff RN', 'a staff RN'],
    ['experienced or charge RN', 'an experienced or charge RN'],
    ['NP, PA, CRNA or CNM student', 'an NP, PA, CRNA or CNM student'],
    ['MPH or public health student', 'an MPH or public health student'],
    [
      'CMIO, CNIO or chief health information officer',
      'a CMIO, CNIO or chief health information officer',
    ],
  ])('puts an article before "%s"', (phrase, expected) => {
    expect(withArticle(phrase)).toBe(expected);
  });

  it('names stages in their track', () => {
    expect(stageName(Track.NURSING, CareerStage.TRAINEE)).toBe('new-graduate RN');
    expect(stageName(Track.PHYSICIAN, CareerStage.TRAINEE)).toBe('resident or fellow');
    expect(stageName(Track.PUBLIC_HEALTH, CareerStage.TRAINEE)).toBe('public health fellow');
  });

  it('names tracks as fields', () => {
    expect(trackField(Track.PHYSICIAN)).toBe('medicine');
    expect(trackField(Track.ADMINISTRATION)).toBe('healthcare administration');
  });

  it('formats durations and distances', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(150)).toBe('2.5 h');
    expect(formatHours(60)).toBe('1 hour');
    expect(formatHours(330)).toBe('5.5 hours');
  });
});
