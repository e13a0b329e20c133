import { describe, expect, it } from '@jest/globals';
import { ChangedSlots, FacetUnions, type UnionFacet } from './facet-unions.js';

/** Facets over 64 slots (2 words) whose bits the test sets, noting each change as the index does. */
function facetsOf(count: number, changes: ChangedSlots) {
  const facets: UnionFacet[] = Array.from({ length: count }, (_, f) => ({
    id: f + 1,
    bits: new Uint32Array(2),
  }));
  const set = (f: number, slot: number, on: boolean): void => {
    const bits = facets[f].bits;
    if (on) bits[slot >>> 5] |= 1 << (slot & 31);
    else bits[slot >>> 5] &= ~(1 << (slot & 31));
    changes.note(slot);
  };
  return { facets, set };
}

const slotsOf = (bits: Uint32Array, slots = 64): number[] =>
  Array.from({ length: slots }, (_, slot) => slot).filter(
    (slot) => (bits[slot >>> 5] & (1 << (slot & 31))) !== 0,
  );

describe('FacetUnions', () => {
  it('gives the union of the facets, and keeps it current as slots change', () => {
    const changes = new ChangedSlots(16);
    const { facets, set } = facetsOf(3, changes);
    set(0, 1, true);
    set(1, 40, true);
    set(2, 5, true);
    const unions = new FacetUnions(4, changes);
    expect(slotsOf(unions.unionOf([facets[0], facets[1]], 2, 2))).toEqual([1, 40]);

    set(0, 1, false); // out of the only facet that had it
    set(1, 3, true);
    set(0, 40, true); // still in, through both
    set(1, 40, false);
    set(2, 7, true); // another facet: no effect
    expect(slotsOf(unions.keptUnion([facets[0], facets[1]], 2)!)).toEqual([3, 40]);
    expect(slotsOf(unions.unionOf([facets[0], facets[1]], 2, 2))).toEqual([3, 40]);
  });

  it('makes a union again when more slots changed than it can catch up on', () => {
    const changes = new ChangedSlots(4);
    const { facets, set } = facetsOf(2, changes);
    const unions = new FacetUnions(4, changes);
    expect(slotsOf(unions.unionOf(facets, 2, 2))).toEqual([]);
    for (const slot of [2, 9, 33, 50, 61]) set(slot % 2, slot, true);
    expect(slotsOf(unions.unionOf(facets, 2, 2))).toEqual([2, 9, 33, 50, 61]);
  });

  it('only reads the words asked for: slots handed out later arrive as changes', () => {
    const changes = new ChangedSlots(8);
    const { facets, set } = facetsOf(2, changes);
    set(0, 2, true);
    const unions = new FacetUnions(4, changes);
    expect(slotsOf(unions.unionOf(facets, 1, 2))).toEqual([2]);
    set(1, 45, true);
    expect(slotsOf(unions.unionOf(facets, 2, 2))).toEqual([2, 45]);
  });

  it('keeps at most so many unions, the least recently used out first', () => {
    const changes = new ChangedSlots(8);
    const { facets, set } = facetsOf(4, changes);
    facets.forEach((_, f) => set(f, f, true));
    const unions = new FacetUnions(2, changes);
    const ab = [facets[0], facets[1]];
    const bc = [facets[1], facets[2]];
    const cd = [facets[2], facets[3]];
    unions.unionOf(ab, 2, 2);
    unions.unionOf(bc, 2, 2);
    unions.unionOf(ab, 2, 2); // now bc is the least recently used
    expect(slotsOf(unions.unionOf(cd, 2, 2))).toEqual([2, 3]);
    expect(unions.keptUnion(bc, 2)).toBeNull();
    expect(slotsOf(unions.keptUnion(ab, 2)!)).toEqual([0, 1]);
    expect(unions.bytes).toBe(2 * 8);
  });

  it('tells apart unions of different facets, in order', () => {
    const changes = new ChangedSlots(8);
    const { facets, set } = facetsOf(3, changes);
    set(0, 0, true);
    set(2, 2, true);
    const unions = new FacetUnions(4, changes);
    expect(slotsOf(unions.unionOf([facets[0], facets[1]], 2, 2))).toEqual([0]);
    expect(slotsOf(unions.unionOf([facets[1], facets[2]], 2, 2))).toEqual([2]);
    expect(unions.keptUnion([facets[0], facets[2]], 2)).toBeNull();
  });
});
