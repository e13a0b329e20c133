import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { onlyError } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface SpecialtyResult {
  slug: string;
  name: string;
  nuccCode: string | null;
  tracks: string[];
  parent: { slug: string } | null;
  children: { slug: string }[];
  related: { slug: string }[];
}

const SPECIALTY_FIELDS =
  'slug name nuccCode tracks parent { slug } children { slug } related { slug }';

describe('healthcare reference data (public)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the tracks and growth areas with descriptions', async () => {
    const data = await api.gql.ok<{
      tracks: { track: string; name: string }[];
      growthAreas: { area: string; description: string }[];
    }>('{ tracks { track name } growthAreas { area description } }');
    expect(data.tracks.map((t) => t.track)).toEqual([
      'PHYSICIAN',
      'NURSING',
      'ADVANCED_PRACTICE',
      'ALLIED_HEALTH',
      'PHARMACY',
      'PUBLIC_HEALTH',
      'ADMINISTRATION',
      'INFORMATICS',
    ]);
    expect(data.growthAreas).toHaveLength(8);
    expect(data.growthAreas.find((g) => g.area === 'BURNOUT_WELLBEING')?.description).toMatch(
      /burnout/i,
    );
  });

  it('names career stages the way each track does, ordered by level', async () => {
    const data = await api.gql.ok<{
      careerStages: { stage: string; level: number; name: string }[];
    }>('{ careerStages(track: NURSING) { stage level name description } }');
    expect(data.careerStages.map((s) => [s.stage, s.level])).toEqual([
      ['STUDENT', 0],
      ['TRAINEE', 1],
      ['EARLY_CAREER', 2],
      ['MID_CAREER', 3],
      ['SENIOR', 4],
      ['LEADER', 5],
    ]);
    expect(data.careerStages[1].name).toMatch(/new.graduate RN/i);
    const physician = await api.gql.ok<{ careerStages: { name: string }[] }>(
      '{ careerStages(track: PHYSICIAN) { name } }',
    );
    expect(physician.careerStages[1].name).toMatch(/resident/i);
  });

  it('refuses an unknown track', async () => {
    const result = await api.gql.request('{ careerStages(track: ASTRONAUT) { name } }');
    expect(onlyError(result).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves a hierarchical taxonomy of at least 120 specialties, all with real NUCC codes', async () => {
    const data = await api.gql.ok<{ specialties: SpecialtyResult[] }>(
      `{ specialties { ${SPECIALTY_FIELDS} } }`,
    );
    expect(data.specialties.length).toBeGreaterThanOrEqual(120);
    const csv = await readFile(
      new URL('../../libs/taxonomy/src/data/nucc-provider-taxonomy-21.1.csv', import.meta.url),
      'utf8',
    );
    const codes = new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    const shipped = data.specialties.flatMap((s) => (s.nuccCode ? [s.nuccCode] : []));
    expect(shipped.length).toBeGreaterThan(100);
    expect(shipped.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('links parents, children and related specialties across branches', async () => {
    const data = await api.gql.ok<{ specialty: SpecialtyResult }>(
      `{ specialty(slug: "pediatric-hematology-oncology") { ${SPECIALTY_FIELDS} } }`,
    );
    expect(data.specialty.parent?.slug).toBe('pediatrics');
    expect(data.specialty.nuccCode).toBe('2080P0207X');
    expect(data.specialty.related.map((r) => r.slug)).toEqual(
      expect.arrayContaining(['medical-oncology']),
    );
    const pediatrics = await api.gql.ok<{ specialty: SpecialtyResult }>(
      `{ specialty(slug: "pediatrics") { ${SPECIALTY_FIELDS} } }`,
    );
    expect(pediatrics.specialty.children.map((c) => c.slug)).toContain(
      'pediatric-hematology-oncology',
    );
  });

  it('names parent, children and related by slug too, the same ones in the same order', async () => {
    const data = await api.gql.ok<{
      specialties: (SpecialtyResult & {
        parentSlug: string | null;
        childSlugs: string[];
        relatedSlugs: string[];
      })[];
    }>(`{ specialties { ${SPECIALTY_FIELDS} parentSlug childSlugs relatedSlugs } }`);
    for (const s of data.specialties) {
      expect(s.parentSlug).toBe(s.parent?.slug ?? null);
      expect(s.childSlugs).toEqual(s.children.map((child) => child.slug));
      expect(s.relatedSlugs).toEqual(s.related.map((related) => related.slug));
    }
    const pediatrics = data.specialties.find((s) => s.slug === 'pediatrics');
    expect(pediatrics?.childSlugs).toContain('pediatric-hematology-oncology');
  });

  it('searches by words and lists the children of a parent', async () => {
    const search = await api.gql.ok<{ specialties: SpecialtyResult[] }>(
      '{ specialties(search: "critical care") { slug name } }',
    );
    expect(search.specialties.map((s) => s.slug)).toEqual(
      expect.arrayContaining(['critical-care-medicine', 'critical-care-nursing']),
    );
    for (const s of search.specialties)
      expect(`${s.name} ${s.slug}`.toLowerCase()).toMatch(/critical/);

    const children = await api.gql.ok<{ specialties: SpecialtyResult[] }>(
      `{ specialties(parentSlug: "internal-medicine") { ${SPECIALTY_FIELDS} } }`,
    );
    expect(children.specialties.length).toBeGreaterThan(5);
    for (const s of children.specialties) expect(s.parent?.slug).toBe('internal-medicine');
  });

  it('answers null for an unknown slug and NOT_FOUND for an unknown parent', async () => {
    expect(
      (await api.gql.ok<{ specialty: null }>('{ specialty(slug: "no-such") { slug } }')).specialty,
    ).toBeNull();
    const error = onlyError(
      await api.gql.request('{ specialties(parentSlug: "no-such") { slug } }'),
    );
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SPECIALTY_NOT_FOUND' });
  });
});
