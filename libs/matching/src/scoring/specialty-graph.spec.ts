import { describe, expect, it } from '@jest/globals';
import { SPECIALTIES, Track } from '@preceptor/taxonomy/reference';
import {
  SpecialtyGraph,
  specialtyGraphFromTaxonomy,
  type SpecialtyRelation,
} from './specialty-graph.js';

const graph = specialtyGraphFromTaxonomy();
const id = (slug: string): number => graph.idOf(slug);

describe('specialty graph', () => {
  it('numbers the shipped taxonomy 1, 2, … in definition order, like a fresh database', () => {
    expect(graph.size).toBe(SPECIALTIES.length);
    expect(graph.node(1)?.slug).toBe(SPECIALTIES[0].slug);
    expect(graph.node(id('pediatric-oncology-nursing'))?.parentId).toBe(id('pediatric-nursing'));
    expect(graph.node(id('pediatric-nursing'))?.childIds).toContain(
      id('pediatric-oncology-nursing'),
    );
  });

  it.each<[string, string, SpecialtyRelation]>([
    ['oncology-nursing', 'oncology-nursing', 'SAME'],
    ['pediatric-nursing', 'pediatric-oncology-nursing', 'PARENT'],
    ['pediatric-oncology-nursing', 'pediatric-nursing', 'CHILD'],
    ['critical-care-nursing', 'emergency-nursing', 'SIBLING'],
    ['oncology-nursing', 'oncology-pharmacy', 'RELATED'],
    ['internal-medicine', 'interventional-cardiology', 'GRANDPARENT'],
    ['interventional-cardiology', 'internal-medicine', 'GRANDCHILD'],
    ['oncology-nursing', 'pediatric-oncology-nursing', 'SAME_TRACK'],
    ['community-pharmacy', 'pediatric-oncology-nursing', 'NONE'],
    // Nursing informatics belongs to both tracks, so it shares one with any nursing specialty.
    ['nursing-informatics', 'school-nursing', 'SAME_TRACK'],
  ])('%s is %s of… %s', (from, to, relation) => {
    expect(graph.relation(id(from), id(to))).toBe(relation);
  });

  it('gives symmetric proximity classes for every pair', () => {
    const ids = [...graph.nodes()].map((node) => node.id);
    for (const a of ids) {
      for (const b of ids) {
        if (graph.proximity(a, b) !== graph.proximity(b, a)) {
          throw new Error(`${graph.node(a)!.slug} / ${graph.node(b)!.slug} not symmetric`);
        }
      }
    }
    expect(ids.length).toBeGreaterThan(100);
  });

  it('builds from catalog rows, dropping links to ids it does not hold', () => {
    const built = SpecialtyGraph.fromCatalog([
      { id: 10, slug: 'a', name: 'A', parentId: null, relatedIds: [99], tracks: [Track.NURSING] },
      { id: 11, slug: 'b', name: 'B', parentId: 10, relatedIds: [], tracks: [Track.NURSING] },
      { id: 12, slug: 'c', name: 'C', parentId: 77, relatedIds: [], tracks: [Track.PHARMACY] },
    ]);
    expect(built.node(10)?.relatedIds).toEqual([]);
    expect(built.node(10)?.childIds).toEqual([11]);
    expect(built.node(12)?.parentId).toBeNull();
    expect(built.relation(10, 11)).toBe('PARENT');
    expect(built.relation(10, 12)).toBe('NONE');
    expect(built.relation(10, 404)).toBe('NONE');
  });

  it('refuses a catalog that repeats an id', () => {
    const row = {
      id: 1,
      slug: 'a',
      name: 'A',
      parentId: null,
      relatedIds: [],
      tracks: [Track.NURSING],
    };
    expect(() => SpecialtyGraph.fromCatalog([row, { ...row, slug: 'b' }])).toThrow('repeats an id');
  });

  it('names an unknown slug', () => {
    expect(() => graph.idOf('astrology')).toThrow('Unknown specialty slug "astrology"');
  });
});
