import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CareerStage, GrowthArea } from '@preceptor/taxonomy/reference';
import { parseMatchWeights } from './match-weights.js';
import { CRITERIA, SCORE_COMPONENTS } from './score-components.js';
import {
  compareMatches,
  matchScore,
  rankMentors,
  scoreMatch,
  type MatchResult,
} from './score-match.js';
import { aMentee, aMentor, graph, weekly } from './testing/match-people.js';
import { RandomPeople } from './testing/random-people.js';

const tenths = (value: number): number => Math.round(value * 10);

function randomMatches(
  seed: number,
  count: number,
  weights = parseMatchWeights(undefined),
): MatchResult[] {
  const people = new RandomPeople(seed);
  return Array.from({ length: count }, () =>
    scoreMatch(people.mentee(), people.mentor(), { graph, weights }),
  );
}

const perfectMentee = aMentee({
  careerStage: CareerStage.TRAINEE,
  specialties: ['critical-care-nursing'],
  goals: [GrowthArea.KEEPING_CURRENT],
  availability: weekly('weekdays', '18:00', '20:00'),
});
const perfectMentor = aMentor({
  careerStage: CareerStage.EARLY_CAREER,
  specialties: ['critical-care-nursing'],
  offers: [GrowthArea.KEEPING_CURRENT],
  availability: weekly('weekdays', '18:00', '20:00'),
});

describe('breakdown', () => {
  it('lists every criterion once, in table order, weights summing to 100', () => {
    const match = scoreMatch(perfectMentee, perfectMentor, { graph });
    expect(match.breakdown.map((line) => line.criterion)).toEqual(CRITERIA);
    expect(match.breakdown.reduce((sum, line) => sum + line.weight, 0)).toBeCloseTo(100, 9);
  });

  it('scores a pair that fits on every criterion 100', () => {
    const match = scoreMatch(perfectMentee, perfectMentor, { graph });
    expect(match.score).toBe(100);
    expect(match.caveats).toEqual([]);
    expect(match.reasons).toEqual([
      'Offers keeping current, your top goal',
      'Both in critical care nursing',
      'One step ahead of you: staff RN; you are a new-graduate RN',
      'Weekday evenings overlap, 10 h a week',
    ]);
  });

  it('makes the score exactly the sum of the rounded contributions, within 0–100', () => {
    const weightings = [
      parseMatchWeights(undefined),
      parseMatchWeights({ goals: 7, load: 31, track: 2.5 }),
    ];
    const violations: string[] = [];
    let checked = 0;
    for (const [index, weights] of weightings.entries()) {
      for (const match of randomMatches(1000 + index, 1000, weights).filter((m) => m.eligible)) {
        checked += 1;
        const sum = match.breakdown.reduce((total, line) => total + tenths(line.contribution), 0);
        if (sum !== tenths(match.score))
          violations.push(`${match.mentorUserId}: sum ${sum / 10} ≠ ${match.score}`);
        if (match.score < 0 || match.score > 100)
          violations.push(`${match.mentorUserId}: score ${match.score}`);
        for (const line of match.breakdown) {
          const off = Math.abs(line.contribution - line.weight * line.value);
          if (line.value < 0 || line.value > 1 || off > 0.05 + 1e-9) {
            violations.push(`${match.mentorUserId}: ${JSON.stringify(line)}`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });

  it('is deterministic: the same inputs give the same output', () => {
    expect(randomMatches(7, 200)).toEqual(randomMatches(7, 200));
  });

  it('orders reasons by contribution and caveats by points lost', () => {
    const mentor = aMentor({
      careerStage: CareerStage.LEADER,
      specialties: ['critical-care-nursing'],
      offers: [],
      timeZone: 'Asia/Kolkata',
    });
    const match = scoreMatch(perfectMentee, mentor, { graph });
    expect(match.reasons).toEqual(['Both in critical care nursing']);
    expect(match.caveats).toEqual([
      'Has not said what they offer',
      'Four steps ahead of you (director of nursing or chief nursing officer): further from your day-to-day work',
      '11.5 hours apart',
      'Has not given availability',
    ]);
  });
});

describe('matchScore', () => {
  it('gives exactly scoreMatch’s score, and null for excluded pairs', () => {
    const people = new RandomPeople(31);
    const weights = parseMatchWeights({ location: 20 });
    const disagreements: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const [mentee, mentor] = [people.mentee(), people.mentor()];
      const full = scoreMatch(mentee, mentor, { graph, weights });
      const quick = matchScore(mentee, mentor, { graph, weights });
      if (quick !== (full.eligible ? full.score : null)) {
        disagreements.push(`${mentor.userId}: ${quick} vs ${full.score}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('compareMatches', () => {
  const match = (mentorUserId: string, score: number, eligible = true): MatchResult => ({
    mentorUserId,
    score,
    eligible,
    breakdown: [],
    reasons: [],
    caveats: [],
    exclusions: [],
  });

  it('orders by score, then mentor id, with excluded pairs last', () => {
    const sorted = [match('c', 70), match('z', 90, false), match('b', 80), match('a', 70)].sort(
      compareMatches,
    );
    expect(sorted.map((m) => m.mentorUserId)).toEqual(['b', 'a', 'c', 'z']);
  });

  it('ranks the same mentors the same way whatever order they arrive in', () => {
    const people = new RandomPeople(99);
    const mentee = people.mentee();
    const mentors = Array.from({ length: 60 }, () => people.mentor());
    const forward = rankMentors(mentee, mentors, { graph }).map((m) => m.mentorUserId);
    const backward = rankMentors(mentee, [...mentors].reverse(), { graph }).map(
      (m) => m.mentorUserId,
    );
    expect(backward).toEqual(forward);
  });
});

describe('documentation', () => {
  it('docs/matching.md states every criterion with the table’s weight and reason', () => {
    const doc = readFileSync(new URL('../../../../docs/matching.md', import.meta.url), 'utf8');
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const component of SCORE_COMPONENTS) {
      const row = new RegExp(
        `\\|\\s*${component.criterion}\\s*\\|\\s*${component.defaultWeight}\\s*\\|\\s*${escape(component.why)}\\s*\\|`,
      );
      expect(doc).toMatch(row);
    }
  });
});
