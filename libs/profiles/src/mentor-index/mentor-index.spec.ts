import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import { facetKey } from './mentor-facets.js';
import {
  compareKeys,
  MentorIndex,
  SlotSet,
  timestampMicros,
  type FacetGroups,
  type IndexedMentor,
  type SortKey,
} from './mentor-index.js';

const T0 = timestampMicros('2026-01-01 00:00:00+00');

function mentor(n: number, keys: string[], time = T0 + n): IndexedMentor {
  return { userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, time, keys };
}

const nurse = facetKey('track', 'NURSING');
const physician = facetKey('track', 'PHYSICIAN');
const spanish = facetKey('language', 'es');
const english = facetKey('language', 'en');

describe('timestampMicros', () => {
  it('reads PostgreSQL UTC text to the microsecond', () => {
    expect(timestampMicros('2026-11-25 11:36:24.123456+00')).toBe(
      Date.UTC(2026, 10, 25, 11, 36, 24) * 1000 + 123456,
    );
  });

  it('reads trimmed and missing fractions', () => {
    expect(timestampMicros('2026-11-25 11:36:24.5+00')).toBe(
      Date.UTC(2026, 10, 25, 11, 36, 24) * 1000 + 500000,
    );
    expect(timestampMicros('2026-11-25 11:36:24+00')).toBe(
      Date.UTC(2026, 10, 25, 11, 36, 24) * 1000,
    );
  });

  it('refuses other zones and shapes', () => {
    expect(() => timestampMicros('2026-11-25 11:36:24+01')).toThrow(/UTC/);
    expect(() => timestampMicros('2026-11-25T11:36:24Z')).toThrow(/UTC/);
  });
});

describe('MentorIndex', () => {
  it('counts and pages everyone, newest first, with no filter', () => {
    const index = new MentorIndex();
    for (let n = 1; n <= 5; n += 1) index.upsert(mentor(n, [nurse]));
    const page = index.query([], undefined, 3);
    expect(page.total).toBe(5);
    expect(page.userIds).toEqual([
      mentor(5, []).userId,
      mentor(4, []).userId,
      mentor(3, []).userId,
    ]);
  });

  it('ANDs groups and ORs the keys within a group', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse, english]));
    index.upsert(mentor(2, [nurse, spanish]));
    index.upsert(mentor(3, [physician, spanish]));
    index.upsert(mentor(4, [physician, english, spanish]));
    expect(index.query([[nurse], [spanish]], undefined, 10).userIds).toEqual([
      mentor(2, []).userId,
    ]);
    expect(index.query([[nurse, physician], [spanish]], undefined, 10).total).toBe(3);
    expect(index.query([[spanish], [english]], undefined, 10).userIds).toEqual([
      mentor(4, []).userId,
    ]);
  });

  it('matches nothing for a value no mentor has', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse]));
    expect(index.query([[facetKey('language', 'ko')]], undefined, 10)).toEqual({
      total: 0,
      userIds: [],
    });
    expect(index.query([[facetKey('language', 'ko'), nurse]], undefined, 10).total).toBe(1);
  });

  it('counts every match but pages only those after the cursor', () => {
    const index = new MentorIndex();
    for (let n = 1; n <= 6; n += 1) index.upsert(mentor(n, [n % 2 === 0 ? nurse : physician]));
    const after: SortKey = { time: T0 + 4, userId: mentor(4, []).userId };
    expect(index.query([[nurse]], after, 10)).toEqual({
      total: 3,
      userIds: [mentor(2, []).userId],
    });
  });

  it('breaks ties in created_at by user id, as the SQL keyset does', () => {
    const index = new MentorIndex();
    index.upsert(mentor(2, [nurse], T0));
    index.upsert(mentor(1, [nurse], T0));
    index.upsert(mentor(3, [nurse], T0));
    const first = index.query([], undefined, 2).userIds;
    expect(first).toEqual([mentor(3, []).userId, mentor(2, []).userId]);
    const rest = index.query([], { time: T0, userId: first[1] }, 2).userIds;
    expect(rest).toEqual([mentor(1, []).userId]);
  });

  it('replaces facets on upsert and forgets removed mentors', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse, english]));
    index.upsert(mentor(2, [nurse]));
    index.upsert(mentor(1, [physician, spanish]));
    expect(index.query([[nurse]], undefined, 10).userIds).toEqual([mentor(2, []).userId]);
    expect(index.query([[english]], undefined, 10).total).toBe(0);
    expect(index.query([[physician], [spanish]], undefined, 10).total).toBe(1);

    expect(index.remove(mentor(2, []).userId)).toBe(true);
    expect(index.remove(mentor(2, []).userId)).toBe(false);
    expect(index.count).toBe(1);
    expect(index.query([], undefined, 10).userIds).toEqual([mentor(1, []).userId]);
  });

  it("keeps each value's count through repeated keys, re-upserts and removals", () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse, spanish, spanish]));
    index.upsert(mentor(2, [nurse]));
    index.upsert(mentor(1, [nurse, spanish]));
    expect(index.query([[nurse]], undefined, 10).total).toBe(2);
    expect(index.query([[spanish]], undefined, 10).total).toBe(1);
    index.upsert(mentor(2, [spanish]));
    index.remove(mentor(1, []).userId);
    expect(index.query([[nurse]], undefined, 10)).toEqual({ total: 0, userIds: [] });
    expect(index.query([[spanish]], undefined, 10)).toEqual({
      total: 1,
      userIds: [mentor(2, []).userId],
    });
    expect(index.query([], undefined, 10).total).toBe(1);
  });

  it('places a mentor who arrives late by its created_at, and reuses freed slots', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse]));
    index.upsert(mentor(3, [nurse]));
    index.remove(mentor(1, []).userId);
    index.upsert(mentor(2, [nurse]));
    index.upsert(mentor(0, [nurse]));
    expect(index.query([], undefined, 10).userIds).toEqual(
      [3, 2, 0].map((n) => mentor(n, []).userId),
    );
  });

  it('moves a mentor whose created_at changed', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, [nurse]));
    index.upsert(mentor(2, [nurse]));
    index.upsert({ ...mentor(1, [nurse]), time: T0 + 10 });
    expect(index.query([], undefined, 10).userIds).toEqual([1, 2].map((n) => mentor(n, []).userId));
  });

  it('agrees with a brute-force scan over thousands of mentors, on both page strategies', () => {
    // Deterministic pseudo-random data: arrival order differs from created_at order, some
    // mentors are updated and some removed, and values range from common to rare.
    const random = seededRandom(42);
    const values = ['a', 'b', 'c', 'd', 'rare'];
    const pick = (): string[] => {
      const keys = [facetKey('track', values[Math.floor(random() * 4)])];
      for (const language of values) {
        const share = language === 'rare' ? 0.002 : 0.35;
        if (random() < share) keys.push(facetKey('language', language));
      }
      return keys;
    };
    const index = new MentorIndex();
    const truth = new Map<string, IndexedMentor>();
    for (let n = 0; n < 12_000; n += 1) {
      const time = T0 + Math.floor(random() * 5_000) * 1000;
      const item = mentor(n, pick(), time);
      index.upsert(item);
      truth.set(item.userId, item);
      if (random() < 0.05) {
        const victim = mentor(Math.floor(random() * n), []).userId;
        if (truth.delete(victim)) index.remove(victim);
      }
      if (random() < 0.05) {
        const changed = truth.get(mentor(Math.floor(random() * n), []).userId);
        if (changed) {
          const updated = { ...changed, keys: pick() };
          index.upsert(updated);
          truth.set(updated.userId, updated);
        }
      }
    }
    const scenarios: FacetGroups[] = [
      [],
      [[facetKey('track', 'a')]],
      [[facetKey('track', 'a'), facetKey('track', 'b'), facetKey('track', 'c')]],
      [[facetKey('track', 'a'), facetKey('track', 'b')], [facetKey('language', 'c')]],
      [[facetKey('language', 'rare')]],
      [[facetKey('language', 'rare')], [facetKey('track', 'd')]],
      [[facetKey('language', 'missing')]],
      [[facetKey('language', 'missing'), facetKey('language', 'rare')]],
      [[facetKey('track', 'b')], [facetKey('language', 'a')], [facetKey('language', 'b')]],
      [
        [facetKey('language', 'a'), facetKey('language', 'rare')],
        [facetKey('track', 'c'), facetKey('track', 'd')],
        [facetKey('language', 'd')],
      ],
    ];
    for (const groups of scenarios) {
      const expected = [...truth.values()]
        .filter((item) => groups.every((group) => group.some((key) => item.keys.includes(key))))
        .sort((x, y) => compareKeys(y, x));
      let after: SortKey | undefined;
      const seen: string[] = [];
      for (;;) {
        const page = index.query(groups, after, 500);
        expect(page.total).toBe(expected.length);
        if (page.userIds.length === 0) break;
        seen.push(...page.userIds);
        const last = truth.get(page.userIds.at(-1)!)!;
        after = { time: last.time, userId: last.userId };
      }
      expect(seen).toEqual(expected.map((item) => item.userId));
    }
  });
});

describe('MentorIndex: unions of facets kept between queries', () => {
  it('answers as a brute-force scan while mentors change between the same queries', () => {
    const random = seededRandom(7);
    const stages = ['s1', 's2', 's3', 's4', 's5'].map((stage) => facetKey('stage', stage));
    const tracks = ['a', 'b', 'c'].map((track) => facetKey('track', track));
    const pick = (): string[] => [
      stages[Math.floor(random() * stages.length)],
      tracks[Math.floor(random() * tracks.length)],
    ];
    // The same multi-value groups again and again, as matching asks for a mentee's stages.
    const scenarios: FacetGroups[] = [
      [[stages[1], stages[2], stages[3]]],
      [
        [stages[0], stages[4]],
        [tracks[0], tracks[2]],
      ],
      [[tracks[1]], [stages[2], stages[3], stages[4]]],
    ];
    const index = new MentorIndex();
    const truth = new Map<string, IndexedMentor>();
    const check = (): void => {
      for (const groups of scenarios) {
        const expected = [...truth.values()].filter((item) =>
          groups.every((group) => group.some((key) => item.keys.includes(key))),
        ).length;
        expect(index.query(groups, undefined, 1).total).toBe(expected);
        const within = new SlotSet();
        let visited = 0;
        if (index.select([], undefined, within)) {
          index.forEachWithin(within, groups, () => (visited += 1));
        }
        expect(visited).toBe(expected);
      }
    };
    for (let n = 0; n < 3_000; n += 1) {
      const item = mentor(n, pick());
      index.upsert(item);
      truth.set(item.userId, item);
      if (random() < 0.3) {
        const changed = truth.get(mentor(Math.floor(random() * n), []).userId);
        if (changed) {
          const updated = { ...changed, keys: pick() };
          index.upsert(updated);
          truth.set(updated.userId, updated);
        }
      }
      if (random() < 0.1) {
        const victim = mentor(Math.floor(random() * n), []).userId;
        if (truth.delete(victim)) index.remove(victim);
      }
      // Mostly a few changes between queries; now and then more than the index keeps track of.
      if (n % 37 === 0 || n === 2_999) check();
    }
    for (let n = 0; n < 12_000; n += 1) {
      const changed = truth.get(mentor(Math.floor(random() * 3_000), []).userId);
      if (!changed) continue;
      const updated = { ...changed, keys: pick() };
      index.upsert(updated);
      truth.set(updated.userId, updated);
    }
    check();
  });
});

describe('MentorIndex.select and forEachWithin', () => {
  const sorted = (ids: string[]): string[] => [...ids].sort();
  /** The ids `select(groups)` then `forEachWithin(…, also)` visit; null when select found none. */
  const selectedIds = (
    index: MentorIndex,
    groups: FacetGroups,
    also: FacetGroups = [],
    text?: string[],
    within = new SlotSet(),
  ): string[] | null => {
    if (!index.select(groups, text, within)) return null;
    const ids: string[] = [];
    index.forEachWithin(within, also, (slot) => ids.push(index.userIdOf(slot)));
    return ids;
  };

  const index = new MentorIndex();
  // Enough mentors to span several bitmap words, with removals leaving free slots.
  for (let n = 1; n <= 200; n += 1) {
    index.add(mentor(n, [n % 2 === 0 ? nurse : physician, n % 3 === 0 ? spanish : english]));
  }
  for (let n = 1; n <= 200; n += 7) index.remove(mentor(n, []).userId);
  const groups: FacetGroups[] = [
    [],
    [[nurse]],
    [[nurse, physician], [spanish]],
    [[nurse], [spanish, english]],
  ];

  const rare = facetKey('specialty', 7);
  const other = facetKey('chosen', 7);
  /** 40,000 mentors (some removed), where `rare` and `other` fill under an eighth of the words. */
  const largeIndex = (): MentorIndex => {
    const large = new MentorIndex();
    for (let n = 1; n <= 40_000; n += 1) {
      const keys = [n % 2 === 0 ? nurse : physician, n % 3 === 0 ? spanish : english];
      if (n % 997 === 0) keys.push(rare);
      if (n % 1499 === 0) keys.push(other);
      large.add(mentor(n, keys));
    }
    for (let n = 1; n <= 40_000; n += 1994) large.remove(mentor(n, []).userId);
    return large;
  };

  it('selects every live match of the groups, with the same semantics as query', () => {
    for (const group of groups) {
      const page = index.query(group, undefined, 1000);
      const ids = selectedIds(index, group)!;
      expect(ids).toHaveLength(page.total);
      expect(sorted(ids)).toEqual(sorted(page.userIds));
    }
  });

  it('visits only the selected mentors that also match the extra groups', () => {
    for (const group of groups) {
      // One to five extra groups: up to three are read in the visiting pass, more ANDed first.
      for (const also of [
        [[spanish]],
        [[english], [nurse, physician]],
        [[physician]],
        [[nurse, physician], [spanish, english], [nurse]],
        [[nurse, physician], [spanish, english], [nurse], [spanish], [nurse, spanish]],
      ]) {
        const page = index.query([...group, ...also], undefined, 1000);
        expect(sorted(selectedIds(index, group, also)!)).toEqual(sorted(page.userIds));
      }
    }
  });

  it('finds nobody for a value no mentor has', () => {
    expect(selectedIds(index, [[facetKey('track', 'PHARMACY')]])).toBeNull();
    expect(selectedIds(index, [[nurse]], [[facetKey('track', 'PHARMACY')]])).toEqual([]);
  });

  it('applies text prefixes like query', () => {
    const texts = new MentorIndex();
    texts.add({ ...mentor(1, [nurse]), words: ['icu', 'charge'] });
    texts.add({ ...mentor(2, [nurse]), words: ['oncology'] });
    texts.add({ ...mentor(3, [physician]), words: ['icu'] });
    expect(selectedIds(texts, [[nurse]], [], ['ic'])).toEqual([mentor(1, []).userId]);
  });

  it('visits a sparse set by its listed words with the same result', () => {
    const large = largeIndex();
    const within = new SlotSet();
    for (const group of [[[rare]], [[rare, other]], [[rare, other], [spanish]]]) {
      for (const also of [[], [[spanish]], [[english], [nurse, physician]], [[physician]]]) {
        const ids = selectedIds(large, group, also, undefined, within)!;
        expect(within.wordCount).toBeGreaterThan(0);
        const page = large.query([...group, ...also], undefined, 1000);
        expect(sorted(ids)).toEqual(sorted(page.userIds));
        expect(ids).toHaveLength(page.total);
      }
    }
    // A dense set keeps to the bitmap.
    expect(selectedIds(large, [[nurse]], [[spanish]], undefined, within)).toHaveLength(
      large.query([[nurse], [spanish]], undefined, 1).total,
    );
    expect(within.wordCount).toBe(-1);
  });

  it('narrows a selected set, dense or sparse, to the same mentors as query', () => {
    const large = largeIndex();
    const within = new SlotSet();
    const narrowed = new SlotSet();
    const cases: [FacetGroups, FacetGroups, boolean][] = [
      [[[nurse]], [[rare, other]], false],
      [[[spanish]], [[nurse]], false],
      [[[rare, other]], [[spanish]], true],
      [[[rare, other]], [[english], [nurse, physician]], true],
    ];
    for (const [first, then, sparse] of cases) {
      expect(large.select(first, undefined, within)).toBe(true);
      expect(within.wordCount >= 0).toBe(sparse);
      expect(large.selectWithin(within, then, narrowed)).toBe(true);
      const ids: string[] = [];
      large.forEachWithin(narrowed, [], (slot) => ids.push(large.userIdOf(slot)));
      const page = large.query([...first, ...then], undefined, 100_000);
      expect(ids).toHaveLength(page.total);
      expect(sorted(ids)).toEqual(sorted(page.userIds));
    }
    // Narrowed to nobody, or by a value nobody has.
    large.select([[rare]], undefined, within);
    expect(large.selectWithin(within, [[facetKey('track', 'PHARMACY')]], narrowed)).toBe(false);
  });
});
