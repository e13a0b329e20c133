import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import { facetKey } from './mentor-facets.js';
import {
  compareKeys,
  MentorIndex,
  timestampMicros,
  type FacetGroups,
  type IndexedMentor,
  type SortKey,
} from './mentor-index.js';
import { TextPostings, wordsHash } from './text-postings.js';

const T0 = timestampMicros('2026-01-01 00:00:00+00');
const nurse = facetKey('track', 'NURSING');
const physician = facetKey('track', 'PHYSICIAN');

function idOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function mentor(
  n: number,
  words: string[],
  keys: string[] = [nurse],
  time = T0 + n,
): IndexedMentor {
  return { userId: idOf(n), time, keys, words };
}

/** Whether every prefix starts one of a mentor's words. */
function matchesAll(words: readonly string[], prefixes: readonly string[]): boolean {
  return prefixes.every((prefix) => words.some((word) => word.startsWith(prefix)));
}

describe('wordsHash', () => {
  it('tells word lists apart, including where words split', () => {
    expect(wordsHash(['ab', 'c'])).not.toBe(wordsHash(['a', 'bc']));
    expect(wordsHash(['nurse'])).toBe(wordsHash(['nurse']));
    expect(wordsHash([])).not.toBe(wordsHash(['']));
  });
});

describe('TextPostings', () => {
  function matched(postings: TextPostings, prefixes: string[], slots = 64): number[] {
    const bits = new Uint32Array(slots / 32);
    if (!postings.match(prefixes, slots / 32, bits)) return [];
    const found: number[] = [];
    for (let slot = 0; slot < slots; slot += 1) {
      if ((bits[slot >>> 5] & (1 << (slot & 31))) !== 0) found.push(slot);
    }
    return found;
  }

  it('matches each prefix against any word, and all prefixes together', () => {
    const postings = new TextPostings(64);
    postings.set(0, ['cardiac', 'icu', 'nurse'], true);
    postings.set(1, ['cardiology', 'fellow'], true);
    postings.set(2, ['icu', 'pharmacist'], true);
    expect(matched(postings, ['card'])).toEqual([0, 1]);
    expect(matched(postings, ['card', 'icu'])).toEqual([0]);
    expect(matched(postings, ['icu'])).toEqual([0, 2]);
    expect(matched(postings, ['cardiac'])).toEqual([0]);
    expect(matched(postings, ['cardiacs'])).toEqual([]);
    expect(matched(postings, ['zebra'])).toEqual([]);
    expect(matched(postings, ['card', 'zebra'])).toEqual([]);
  });

  it('answers from current words after an edit, before and after compacting', () => {
    const postings = new TextPostings(64);
    postings.set(0, ['garcia', 'nurse'], true);
    postings.set(1, ['garcia', 'pharmacist'], true);
    postings.set(0, ['lee', 'nurse'], false);
    expect(postings.overridden).toBe(1);
    expect(matched(postings, ['garcia'])).toEqual([1]);
    expect(matched(postings, ['lee'])).toEqual([0]);
    postings.compact();
    expect(postings.overridden).toBe(0);
    expect(matched(postings, ['garcia'])).toEqual([1]);
    expect(matched(postings, ['lee'])).toEqual([0]);
    expect(matched(postings, ['nurse'])).toEqual([0]);
  });

  it('costs nothing when a mentor is saved with the same words', () => {
    const postings = new TextPostings(64);
    postings.set(3, ['garcia', 'nurse'], true);
    postings.set(3, ['garcia', 'nurse'], false);
    expect(postings.overridden).toBe(0);
    expect(matched(postings, ['gar'])).toEqual([3]);
  });

  it('forgets a freed slot and gives a reused one only its new words', () => {
    const postings = new TextPostings(64);
    postings.set(5, ['garcia'], true);
    postings.forget(5);
    expect(matched(postings, ['garcia'])).toEqual([]);
    postings.set(5, ['okafor'], false);
    expect(matched(postings, ['garcia'])).toEqual([]);
    expect(matched(postings, ['okafor'])).toEqual([5]);
    postings.compact();
    expect(matched(postings, ['garcia'])).toEqual([]);
    expect(matched(postings, ['okafor'])).toEqual([5]);
  });

  it('finds a word first seen after the vocabulary was sorted', () => {
    const postings = new TextPostings(64);
    postings.set(0, ['nurse'], true);
    expect(matched(postings, ['nur'])).toEqual([0]);
    postings.set(1, ['nursing', 'aardvark'], true);
    expect(matched(postings, ['nur'])).toEqual([0, 1]);
    expect(matched(postings, ['aard'])).toEqual([1]);
  });
});

describe('MentorIndex with free text', () => {
  it('ANDs words with facets and counts exactly', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, ['maria', 'garcia', 'icu'], [nurse]));
    index.upsert(mentor(2, ['jose', 'garcia', 'oncology'], [physician]));
    index.upsert(mentor(3, ['amara', 'okafor', 'icu'], [nurse]));
    expect(index.query([], undefined, 10, ['garcia'])).toEqual({
      total: 2,
      userIds: [idOf(2), idOf(1)],
    });
    expect(index.query([[nurse]], undefined, 10, ['garcia'])).toEqual({
      total: 1,
      userIds: [idOf(1)],
    });
    expect(index.query([[physician]], undefined, 10, ['icu']).total).toBe(0);
    expect(index.query([], undefined, 10, ['zzz']).total).toBe(0);
  });

  it('leaves out mentors who stopped mentoring, even before the lists are compacted', () => {
    const index = new MentorIndex();
    index.upsert(mentor(1, ['garcia']));
    index.upsert(mentor(2, ['garcia']));
    index.remove(idOf(1));
    expect(index.query([], undefined, 10, ['garcia'])).toEqual({ total: 1, userIds: [idOf(2)] });
    // The freed slot goes to a newcomer with other words.
    index.upsert(mentor(3, ['lee']));
    expect(index.query([], undefined, 10, ['garcia']).userIds).toEqual([idOf(2)]);
    expect(index.query([], undefined, 10, ['lee']).userIds).toEqual([idOf(3)]);
  });

  it('agrees with a brute-force scan through edits, removals, reuse, growth and compaction', () => {
    const random = seededRandom(7);
    // A Zipf-like vocabulary: a few words everyone uses, many that few do.
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x${i % 7}`);
    const pickWord = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
    const pickWords = (): string[] => {
      const words = new Set<string>();
      const count = 1 + Math.floor(random() * 12);
      for (let i = 0; i < count; i += 1) words.add(pickWord());
      return [...words].sort();
    };
    const pickKeys = (): string[] => [random() < 0.5 ? nurse : physician];

    const index = new MentorIndex();
    const truth = new Map<string, IndexedMentor>();
    // Enough edits to compact the word lists several times (every 1,024 overrides).
    for (let n = 0; n < 20_000; n += 1) {
      const item = mentor(n, pickWords(), pickKeys(), T0 + Math.floor(random() * 8_000) * 1000);
      index.upsert(item);
      truth.set(item.userId, item);
      if (random() < 0.1) {
        const victim = idOf(Math.floor(random() * n));
        if (truth.delete(victim)) index.remove(victim);
      }
      if (random() < 0.2) {
        const changed = truth.get(idOf(Math.floor(random() * n)));
        if (changed) {
          const updated = { ...changed, words: random() < 0.2 ? changed.words : pickWords() };
          index.upsert(updated);
          truth.set(updated.userId, updated);
        }
      }
    }
    const scenarios: { groups: FacetGroups; text: string[] }[] = [
      { groups: [], text: [vocabulary[0]] },
      { groups: [], text: ['w1'] },
      { groups: [], text: ['w'] },
      { groups: [[nurse]], text: ['w2'] },
      { groups: [], text: [vocabulary[350]] },
      { groups: [[physician]], text: [vocabulary[300]] },
      { groups: [], text: ['w1', 'x3'] },
      { groups: [[nurse]], text: [vocabulary[3], vocabulary[5]] },
      { groups: [], text: ['nothing'] },
    ];
    for (const { groups, text } of scenarios) {
      const expected = [...truth.values()]
        .filter((item) => groups.every((group) => group.some((key) => item.keys.includes(key))))
        .filter((item) => matchesAll(item.words ?? [], text))
        .sort((x, y) => compareKeys(y, x));
      let after: SortKey | undefined;
      const seen: string[] = [];
      for (;;) {
        const page = index.query(groups, after, 700, text);
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
