import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import type { MentorFilter } from '../dto/mentors.args.js';
import {
  MENTOR_FACETS,
  mentorFacetGroups,
  mentorFacetKeys,
  mentorWords,
  type IndexedMentorRow,
  type MentorFacet,
  type ResolvedMentorFilter,
} from './mentor-facets.js';
import { compareKeys, MentorIndex, timestampMicros, type IndexedMentor } from './mentor-index.js';

/** Deterministic pseudo-random numbers (LCG). */

const VALUES = {
  specialty: [1, 2, 3, 17, 40, 41, 200],
  track: ['NURSING', 'PHYSICIAN', 'PHARMACY', 'INFORMATICS'],
  stage: ['STUDENT', 'EARLY_CAREER', 'MID_CAREER', 'SENIOR', 'LEADER'],
  offer: ['LEADERSHIP_MANAGEMENT', 'RESEARCH', 'NETWORKING', 'BURNOUT_WELLBEING'],
  language: ['en', 'es', 'tl', 'ko'],
  format: ['VIRTUAL', 'IN_PERSON'],
  country: ['US', 'CA', 'GB'],
  region: ['US-TX', 'US-CA', 'CA-QC', 'GB-ENG'],
} as const;

/** A profile row as PostgreSQL sends it to the index (every facet column as text). */
interface Person {
  userId: string;
  createdAt: string;
  specialty: number[];
  track: string;
  stage: string;
  offer: string[];
  language: string[];
  format: string[];
  country: string | null;
  region: string | null;
  accepting: boolean;
}

function row(person: Person): IndexedMentorRow {
  const array = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;
  return {
    user_id: person.userId,
    created_at: person.createdAt,
    is_mentor: true,
    specialty: array(person.specialty),
    chosen: array(person.specialty),
    track: person.track,
    stage: person.stage,
    offer: array(person.offer),
    language: array(person.language),
    format: array(person.format),
    country: person.country,
    region: person.region,
    accepting: String(person.accepting),
    full_name: 'Jordan Lee',
    headline: null,
    bio: null,
    specialty_ids: array(person.specialty),
    time_zone: 'America/New_York',
    shift_pattern: null,
    availability: [],
    mentor_capacity: null,
    mentor_active_mentee_count: 0,
  };
}

/**
 * What each filter field means, written plainly against a person: the oracle. Typed by the
 * declaration's facet names, so a facet added there without a meaning here does not compile.
 */
const MEANING: Record<MentorFacet, (person: Person, request: ResolvedMentorFilter) => boolean> = {
  specialty: (p, r) =>
    !r.specialtyIds?.length || r.specialtyIds.some((id) => p.specialty.includes(id)),
  track: (p, r) => !r.filter?.tracks?.length || r.filter.tracks.includes(p.track as never),
  stage: (p, r) =>
    !r.filter?.careerStages?.length || r.filter.careerStages.includes(p.stage as never),
  offer: (p, r) => !r.filter?.offers?.length || r.filter.offers.some((o) => p.offer.includes(o)),
  language: (p, r) =>
    !r.filter?.languages?.length || r.filter.languages.some((l) => p.language.includes(l)),
  format: (p, r) =>
    !r.filter?.meetingFormats?.length || r.filter.meetingFormats.some((f) => p.format.includes(f)),
  country: (p, r) => !r.filter?.country || p.country === r.filter.country,
  region: (p, r) => !r.filter?.region || p.region === r.filter.region,
  accepting: (p, r) =>
    r.filter?.acceptingMentees === undefined || p.accepting === r.filter.acceptingMentees,
  // Not a filter: matching asks for it directly.
  chosen: () => true,
};

function matches(person: Person, request: ResolvedMentorFilter): boolean {
  return Object.values(MEANING).every((meaning) => meaning(person, request));
}

describe('mentor facets', () => {
  const random = seededRandom(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const some = <T>(values: readonly T[], share: number): T[] =>
    values.filter(() => random() < share);

  function person(n: number): Person {
    const country = random() < 0.1 ? null : pick(VALUES.country);
    return {
      userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      createdAt: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)} 10:00:0${Math.floor(random() * 10)}+00`,
      specialty: some(VALUES.specialty, 0.25),
      track: pick(VALUES.track),
      stage: pick(VALUES.stage),
      offer: some(VALUES.offer, 0.4),
      language: ['en', ...some(VALUES.language.slice(1), 0.2)],
      format: some(VALUES.format, 0.6),
      country,
      region: country && random() < 0.7 ? pick(VALUES.region) : null,
      accepting: random() < 0.7,
    };
  }

  function filter(): ResolvedMentorFilter {
    const maybe = <T>(make: () => T): T | undefined => (random() < 0.3 ? make() : undefined);
    const request: MentorFilter = {
      tracks: maybe(() => some(VALUES.track, 0.5)) as MentorFilter['tracks'],
      careerStages: maybe(() => some(VALUES.stage, 0.4)) as MentorFilter['careerStages'],
      offers: maybe(() => some(VALUES.offer, 0.4)) as MentorFilter['offers'],
      languages: maybe(() => some(VALUES.language, 0.4)),
      // Repeats must not change the answer (nor cost more than the distinct values).
      meetingFormats: maybe(() => [
        ...some(VALUES.format, 0.6),
        ...some(VALUES.format, 0.6),
      ]) as MentorFilter['meetingFormats'],
      country: maybe(() => pick(VALUES.country)),
      region: maybe(() => pick(VALUES.region)),
      acceptingMentees: maybe(() => random() < 0.5),
    };
    return { filter: request, specialtyIds: maybe(() => some(VALUES.specialty, 0.3)) };
  }

  it('declares every facet with a column of profiles', () => {
    const { chosen, ...plain } = MENTOR_FACETS;
    for (const facet of Object.values(plain)) expect(facet.column).toMatch(/^[a-z_]+$/);
    // Chosen broad specialties: the chosen ids that are some specialty's parent.
    expect(chosen.column).toMatch(/unnest\(specialty_ids\).*parent_id FROM specialties/);
  });

  it('files a mentor under each distinct value of each facet', () => {
    const keys = mentorFacetKeys({
      ...row(person(1)),
      language: '{en,es,en}',
      country: null,
      accepting: 'false',
    });
    expect(keys).toEqual(expect.arrayContaining(['language:en', 'language:es', 'accepting:false']));
    expect(keys.filter((key) => key === 'language:en')).toHaveLength(1);
    expect(keys.some((key) => key.startsWith('country:'))).toBe(false);
  });

  it('drops repeated filter values', () => {
    const groups = mentorFacetGroups({
      filter: { meetingFormats: Array(9_000).fill('VIRTUAL') as MentorFilter['meetingFormats'] },
      specialtyIds: [3, 3, 3],
    });
    expect(groups).toEqual([['specialty:3'], ['format:VIRTUAL']]);
  });

  it('agrees with the meaning of every filter field over 20,000 mentors and 300 filters, through edits', () => {
    const index = new MentorIndex();
    const people = new Map<string, Person>();
    const times = new Map<string, number>();
    const indexed = (p: Person): IndexedMentor => {
      const r = row(p);
      if (!times.has(p.createdAt)) times.set(p.createdAt, timestampMicros(p.createdAt));
      return {
        userId: p.userId,
        time: times.get(p.createdAt)!,
        keys: mentorFacetKeys(r),
        words: mentorWords(r),
      };
    };
    for (let n = 0; n < 20_000; n += 1) {
      const p = person(n);
      people.set(p.userId, p);
      index.add(indexed(p));
    }
    for (let round = 0; round < 300; round += 1) {
      // Some mentors change or leave between searches.
      for (let edit = 0; edit < 20; edit += 1) {
        const n = Math.floor(random() * 20_000);
        const id = person(n).userId;
        if (random() < 0.2) {
          people.delete(id);
          index.remove(id);
        } else {
          const changed = { ...person(n), userId: id };
          people.set(id, changed);
          index.upsert(indexed(changed));
        }
      }
      const request = filter();
      const expected = [...people.values()]
        .filter((p) => matches(p, request))
        .map((p) => ({ time: times.get(p.createdAt)!, userId: p.userId }))
        .sort((a, b) => compareKeys(b, a));
      const page = index.query(mentorFacetGroups(request), undefined, 25);
      expect(page.total).toBe(expected.length);
      expect(page.userIds).toEqual(expected.slice(0, 25).map((key) => key.userId));
    }
  });
});

describe('memory under edits', () => {
  function mentor(n: number, region: string, bio: string): IndexedMentor {
    const r: IndexedMentorRow = {
      ...row({
        userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        createdAt: '2026-01-01 00:00:00+00',
        specialty: [1],
        track: 'NURSING',
        stage: 'SENIOR',
        offer: [],
        language: ['en'],
        format: ['VIRTUAL'],
        country: 'US',
        region,
        accepting: true,
      }),
      bio,
    };
    return { userId: r.user_id, time: n, keys: mentorFacetKeys(r), words: mentorWords(r) };
  }

  it('returns to its baseline after thousands of region values and bio words come and go', () => {
    const index = new MentorIndex();
    for (let n = 0; n < 5_000; n += 1) index.add(mentor(n, 'US-TX', 'ICU charge nurse'));
    index.compact();
    const baseline = { facets: index.facetValues, words: index.vocabulary, bytes: index.bytes };

    // One mentor moves through 2,000 regions; 2,000 mentors rewrite their bios with new words.
    for (let i = 0; i < 2_000; i += 1) index.upsert(mentor(0, `XX-${i}`, 'ICU charge nurse'));
    for (let n = 0; n < 2_000; n += 1) index.upsert(mentor(n, 'US-TX', `word${n} other${n}`));
    expect(index.vocabulary).toBeGreaterThan(baseline.words + 1_000);
    expect(index.query([['region:XX-1999']], undefined, 10).total).toBe(0);

    for (let n = 0; n < 2_000; n += 1) index.upsert(mentor(n, 'US-TX', 'ICU charge nurse'));
    index.compact();
    expect(index.facetValues).toBe(baseline.facets);
    expect(index.vocabulary).toBe(baseline.words);
    expect(index.bytes).toBeLessThanOrEqual(baseline.bytes * 1.05);
    expect(index.query([['region:US-TX']], undefined, 10).total).toBe(5_000);
  });
});
