import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { CAREER_STAGE_LEVEL, CareerStage, careerStagesFor } from './career-stages.js';
import { GROWTH_AREA_INFO, GrowthArea } from './growth-areas.js';
import {
  lineageOf,
  SPECIALTIES,
  SPECIALTY_BY_SLUG,
  type SpecialtyDefinition,
} from './specialties.js';
import { TRACK_INFO, Track } from './tracks.js';

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NUCC_CODE_PATTERN = /^[0-9A-Z]{9}X$/;

function loadNuccCodes(): Set<string> {
  const csv = readFileSync(
    new URL('./data/nucc-provider-taxonomy-21.1.csv', import.meta.url),
    'utf8',
  );
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('code,grouping,classification,specialization');
  // Codes never contain commas or quotes, so the first field needs no CSV quoting rules.
  return new Set(rows.map((row) => row.slice(0, row.indexOf(','))));
}

function ancestorsOf(specialty: SpecialtyDefinition): string[] {
  const ancestors: string[] = [];
  let parentSlug = specialty.parentSlug;
  while (parentSlug !== null) {
    if (ancestors.includes(parentSlug) || parentSlug === specialty.slug) {
      throw new Error(`cycle through ${specialty.slug}`);
    }
    ancestors.push(parentSlug);
    parentSlug = SPECIALTY_BY_SLUG.get(parentSlug)?.parentSlug ?? null;
  }
  return ancestors;
}

const ALL_TRACKS = Object.values(Track);

describe('tracks', () => {
  it('has eight string-valued tracks', () => {
    expect(ALL_TRACKS).toHaveLength(8);
    for (const track of ALL_TRACKS) {
      expect(typeof track).toBe('string');
    }
  });

  it('describes every track', () => {
    for (const track of ALL_TRACKS) {
      expect(TRACK_INFO[track].name.length).toBeGreaterThan(0);
      expect(TRACK_INFO[track].description.length).toBeGreaterThan(0);
    }
  });
});

describe('career stages', () => {
  it('ranks the six stages 0 to 5 without gaps', () => {
    const levels = Object.values(CareerStage).map((stage) => CAREER_STAGE_LEVEL[stage]);
    expect([...levels].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each(ALL_TRACKS)('returns six stages in ascending level order for %s', (track) => {
    const stages = careerStagesFor(track);
    expect(stages.map((stage) => stage.level)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(stages.map((stage) => stage.stage)).size).toBe(6);
  });

  it.each(ALL_TRACKS)('matches CAREER_STAGE_LEVEL for %s', (track) => {
    for (const { stage, level } of careerStagesFor(track)) {
      expect(level).toBe(CAREER_STAGE_LEVEL[stage]);
    }
  });

  it.each(ALL_TRACKS)('names each stage in at most 60 characters for %s', (track) => {
    for (const { name } of careerStagesFor(track)) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(60);
    }
  });

  it.each(ALL_TRACKS)('describes each stage in one sentence for %s', (track) => {
    for (const { description } of careerStagesFor(track)) {
      expect(description).toMatch(/^[A-Z].*\.$/);
      expect(description.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });

  it('gives each track its own stage names', () => {
    const physicianNames = careerStagesFor(Track.PHYSICIAN).map((stage) => stage.name);
    const nursingNames = careerStagesFor(Track.NURSING).map((stage) => stage.name);
    expect(physicianNames).not.toEqual(nursingNames);
  });

  it('returns a fresh array so callers cannot mutate the reference data', () => {
    const first = careerStagesFor(Track.PHARMACY);
    first.pop();
    expect(careerStagesFor(Track.PHARMACY)).toHaveLength(6);
  });
});

describe('growth areas', () => {
  it('has eight growth areas', () => {
    expect(Object.values(GrowthArea)).toHaveLength(8);
  });

  it('describes every growth area', () => {
    for (const area of Object.values(GrowthArea)) {
      expect(GROWTH_AREA_INFO[area].name.length).toBeGreaterThan(0);
      expect(GROWTH_AREA_INFO[area].description).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('specialties', () => {
  const slugs = SPECIALTIES.map((specialty) => specialty.slug);

  it('has at least 140 specialties', () => {
    expect(SPECIALTIES.length).toBeGreaterThanOrEqual(140);
  });

  it('uses kebab-case slugs', () => {
    const invalid = slugs.filter((slug) => !SLUG_PATTERN.test(slug));
    expect(invalid).toEqual([]);
  });

  it('uses unique slugs', () => {
    const duplicates = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
    expect(duplicates).toEqual([]);
  });

  it('indexes every specialty by slug', () => {
    expect(SPECIALTY_BY_SLUG.size).toBe(SPECIALTIES.length);
  });

  it('names every specialty', () => {
    const unnamed = SPECIALTIES.filter((specialty) => specialty.name.trim().length === 0);
    expect(unnamed).toEqual([]);
  });

  it('references only existing parents', () => {
    const orphans = SPECIALTIES.filter(
      (specialty) => specialty.parentSlug !== null && !SPECIALTY_BY_SLUG.has(specialty.parentSlug),
    ).map((specialty) => specialty.slug);
    expect(orphans).toEqual([]);
  });

  it('lists every parent before its children', () => {
    const late = SPECIALTIES.filter(
      (specialty, index) =>
        specialty.parentSlug !== null && slugs.indexOf(specialty.parentSlug) > index,
    ).map((specialty) => specialty.slug);
    expect(late).toEqual([]);
  });

  it('has no parent cycles', () => {
    for (const specialty of SPECIALTIES) {
      expect(() => ancestorsOf(specialty)).not.toThrow();
    }
  });

  it('has several top-level roots', () => {
    const roots = SPECIALTIES.filter((specialty) => specialty.parentSlug === null);
    expect(roots.length).toBeGreaterThan(1);
  });

  it('assigns at least one known track to every specialty', () => {
    for (const specialty of SPECIALTIES) {
      expect(specialty.tracks.length).toBeGreaterThan(0);
      for (const track of specialty.tracks) {
        expect(ALL_TRACKS).toContain(track);
      }
    }
  });

  it.each(ALL_TRACKS)('covers track %s with at least 5 specialties', (track) => {
    const count = SPECIALTIES.filter((specialty) => specialty.tracks.includes(track)).length;
    expect(count).toBeGreaterThanOrEqual(5);
  });
});

describe('related specialties', () => {
  it('references only existing slugs', () => {
    const dangling = SPECIALTIES.flatMap((specialty) =>
      specialty.related
        .filter((slug) => !SPECIALTY_BY_SLUG.has(slug))
        .map((slug) => `${specialty.slug} -> ${slug}`),
    );
    expect(dangling).toEqual([]);
  });

  it('never links a specialty to itself', () => {
    const selfLinks = SPECIALTIES.filter((specialty) =>
      specialty.related.includes(specialty.slug),
    ).map((specialty) => specialty.slug);
    expect(selfLinks).toEqual([]);
  });

  it('lists each related slug once', () => {
    const repeated = SPECIALTIES.filter(
      (specialty) => new Set(specialty.related).size !== specialty.related.length,
    ).map((specialty) => specialty.slug);
    expect(repeated).toEqual([]);
  });

  it('is symmetric', () => {
    const oneWay = SPECIALTIES.flatMap((specialty) =>
      specialty.related
        .filter((slug) => !SPECIALTY_BY_SLUG.get(slug)?.related.includes(specialty.slug))
        .map((slug) => `${specialty.slug} -> ${slug}`),
    );
    expect(oneWay).toEqual([]);
  });

  it('links across branches rather than to ancestors or descendants', () => {
    const vertical = SPECIALTIES.flatMap((specialty) =>
      specialty.related
        .filter((slug) => ancestorsOf(specialty).includes(slug))
        .map((slug) => `${specialty.slug} -> ${slug}`),
    );
    expect(vertical).toEqual([]);
  });

  it('links a substantial share of specialties', () => {
    const linked = SPECIALTIES.filter((specialty) => specialty.related.length > 0);
    expect(linked.length).toBeGreaterThanOrEqual(SPECIALTIES.length / 2);
  });

  it.each([
    ['pediatric-hematology-oncology', 'medical-oncology'],
    ['pediatric-hematology-oncology', 'pediatric-oncology-nursing'],
    ['oncology-nursing', 'medical-oncology'],
    ['critical-care-nursing', 'critical-care-medicine'],
    ['pediatric-nurse-practitioner', 'pediatrics'],
  ])('links %s with %s', (a, b) => {
    expect(SPECIALTY_BY_SLUG.get(a)?.related).toContain(b);
  });
});

describe('NUCC taxonomy codes', () => {
  const nuccCodes = loadNuccCodes();
  const coded = SPECIALTIES.filter(
    (specialty): specialty is SpecialtyDefinition & { nuccCode: string } =>
      specialty.nuccCode !== null,
  );

  it('loads the full v21.1 code set', () => {
    expect(nuccCodes.size).toBe(856);
  });

  it('formats every code as a NUCC taxonomy code', () => {
    const malformed = coded.filter((specialty) => !NUCC_CODE_PATTERN.test(specialty.nuccCode));
    expect(malformed.map((specialty) => specialty.slug)).toEqual([]);
  });

  it('uses only codes present in the NUCC file', () => {
    const unknown = coded
      .filter((specialty) => !nuccCodes.has(specialty.nuccCode))
      .map((specialty) => `${specialty.slug}: ${specialty.nuccCode}`);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['internal-medicine', '207R00000X'],
    ['cardiology', '207RC0000X'],
    ['pediatrics', '208000000X'],
    ['pediatric-hematology-oncology', '2080P0207X'],
    ['critical-care-nursing', '163WC0200X'],
  ])('codes %s as %s', (slug, code) => {
    expect(SPECIALTY_BY_SLUG.get(slug)?.nuccCode).toBe(code);
  });
});

describe('lineageOf', () => {
  it('unions the ancestors of several specialties once each', () => {
    expect(lineageOf([{ lineage: [1, 4, 9] }, { lineage: [1, 4, 12] }, { lineage: [30] }])).toEqual(
      [1, 4, 9, 12, 30],
    );
  });
});
