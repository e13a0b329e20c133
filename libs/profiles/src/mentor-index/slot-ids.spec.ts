import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@preceptor/core/random';
import { SlotIds, uuidWords } from './slot-ids.js';

function seededId(n: number): string {
  // The seed's layout: a constant prefix, ids differing only in their last hex digits.
  return `5eed5eed-0001-8000-8000-${n.toString(16).padStart(12, '0')}`;
}

describe('uuidWords', () => {
  it('reads a UUID as four words, most significant first', () => {
    const words = new Uint32Array(4);
    uuidWords('01234567-89ab-cdef-0123-456789ABCDEF', words);
    expect([...words]).toEqual([0x01234567, 0x89abcdef, 0x01234567, 0x89abcdef]);
  });

  it.each(['', 'not-a-uuid', '-'.repeat(36), '01234567-89ab-cdef-0123-456789abcdeg'])(
    'refuses %p',
    (text) => {
      expect(() => uuidWords(text, new Uint32Array(4))).toThrow('Not a UUID');
    },
  );
});

describe('SlotIds', () => {
  it('gives back the id of a slot in lowercase', () => {
    const ids = new SlotIds(8);
    ids.assign(3, 'FFFFFFFF-0000-4000-8000-00000000000A');
    expect(ids.idOf(3)).toBe('ffffffff-0000-4000-8000-00000000000a');
    expect(ids.find('ffffffff-0000-4000-8000-00000000000a')).toBe(3);
    expect(ids.find(seededId(1))).toBe(-1);
  });

  it('orders ids as the text of lowercase UUIDs sorts', () => {
    const texts = [
      '00000000-0000-0000-0000-000000000001',
      '00000000-0000-0000-0001-000000000000',
      '7fffffff-ffff-ffff-ffff-ffffffffffff',
      '80000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-fffffffffffe',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    const ids = new SlotIds(8);
    texts.forEach((text, slot) => ids.assign(slot, text));
    const probe = new Uint32Array(4);
    for (let a = 0; a < texts.length; a += 1) {
      for (let b = 0; b < texts.length; b += 1) {
        const expected = texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0;
        expect(Math.sign(ids.compareSlots(a, b))).toBe(expected);
        uuidWords(texts[b], probe);
        expect(Math.sign(ids.compare(a, probe))).toBe(expected);
      }
    }
  });

  it('agrees with a Map through assignments, releases, reuse and growth', () => {
    const random = seededRandom(7);
    let capacity = 64;
    const ids = new SlotIds(capacity);
    const truth = new Map<string, number>();
    const free: number[] = [];
    const disagreements: string[] = [];
    const disagreementsWith = (expected: Map<string, number>, step: number): string[] => {
      const found: string[] = [];
      for (const [id, slot] of expected) {
        if (ids.find(id) !== slot) found.push(`step ${step}: ${id} not found in slot ${slot}`);
        if (ids.idOf(slot) !== id) found.push(`step ${step}: slot ${slot} holds ${ids.idOf(slot)}`);
      }
      const absent = seededId(60_000 + step);
      if (ids.find(absent) !== -1) found.push(`step ${step}: ${absent} found`);
      return found;
    };
    let highWater = 0;
    for (let step = 0; step < 20_000; step += 1) {
      if (truth.size > 0 && random() < 0.3) {
        const victims = [...truth.keys()];
        const victim = victims[Math.floor(random() * victims.length)];
        const slot = truth.get(victim)!;
        ids.release(slot);
        truth.delete(victim);
        free.push(slot);
      } else {
        const id = seededId(Math.floor(random() * 50_000));
        if (truth.has(id)) continue;
        let slot = free.pop();
        if (slot === undefined) {
          if (highWater === capacity) {
            capacity *= 2;
            ids.grow(capacity, truth.values());
          }
          slot = highWater;
          highWater += 1;
        }
        ids.assign(slot, id);
        truth.set(id, slot);
      }
      if (step % 1_000 === 0) disagreements.push(...disagreementsWith(truth, step));
    }
    disagreements.push(...disagreementsWith(truth, 20_000));
    expect(disagreements).toEqual([]);
    expect(truth.size).toBeGreaterThan(1_000);
  });
});
