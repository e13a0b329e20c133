/**
 * The words of every mentor's name, headline and bio (see words.ts), inverted: word → the slots of the mentors using it. A free-text filter
 * becomes a bitmap over slots that the mentor index ANDs with its facet bitmaps, so a search
 * gets an exact count and its newest page without walking the timeline in SQL.
 *
 * A word's mentors are held as an unsorted list of slots while they are few, and as a bitmap
 * once the list would be larger than one (more than N/32 mentors). Order never matters: a
 * search turns lists into bits.
 *
 * Edits cannot be applied in place, because the words a mentor had before are not kept (a
 * per-mentor word list would double the memory). A mentor whose words changed (or whose slot
 * was freed or reused) is an "override": the lists may still name its slot under old words, so
 * every search clears its bit and decides it from its current words instead. `compact()` drops
 * the stale entries and folds the overrides back into the lists.
 *
 * Pure data structure: no database, no framework.
 */

import { popcount } from '@preceptor/core/bits';
import { widened } from './bitmaps.js';

interface Term {
  word: string;
  /** Slots using this word while it is sparse (the first `length` entries). */
  slots: Uint32Array;
  /** Entries appended, stale ones included (the size of the list, or bits set once dense). */
  length: number;
  /** Set once the word is dense; `slots` is then empty. */
  bits: Uint32Array | null;
}

const NO_SLOTS = new Uint32Array(0);
const NO_WORDS: readonly string[] = [];

/** FNV-1a over the words, to tell whether a mentor's words changed. */
export function wordsHash(words: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const word of words) {
    for (let i = 0; i < word.length; i += 1) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x20;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class TextPostings {
  private readonly terms = new Map<string, Term>();
  /** Terms sorted by word, for prefix ranges; `unsorted` holds terms added since. */
  private sorted: Term[] = [];
  private unsorted: Term[] = [];
  /** Slots whose list entries may be stale, with their current words. */
  private readonly overrides = new Map<number, readonly string[]>();
  private hashes: Uint32Array;
  private wordScratch: Uint32Array;

  constructor(private capacity: number) {
    this.hashes = new Uint32Array(capacity);
    this.wordScratch = new Uint32Array(capacity / 32);
  }

  /** Distinct words held. */
  get vocabulary(): number {
    return this.terms.size;
  }

  /** Bytes held in typed arrays (word lists, bitmaps and per-slot hashes). */
  get bytes(): number {
    let total = this.hashes.byteLength + this.wordScratch.byteLength;
    for (const term of this.terms.values())
      total += term.slots.byteLength + (term.bits?.byteLength ?? 0);
    return total;
  }

  /** Mentors searched by their current words until the next `compact()`. */
  get overridden(): number {
    return this.overrides.size;
  }

  /**
   * Sets the words of a slot. `fresh` says the slot has never held a mentor, so no list names it
   * yet; otherwise unchanged words cost nothing and changed ones make the slot an override.
   */
  set(slot: number, words: readonly string[], fresh: boolean): void {
    const hash = wordsHash(words);
    if (fresh) {
      this.hashes[slot] = hash;
      this.append(slot, words);
      return;
    }
    if (!this.overrides.has(slot) && this.hashes[slot] === hash) return;
    this.hashes[slot] = hash;
    this.overrides.set(slot, words);
  }

  /** The slot no longer holds a mentor: whatever the lists say of it is stale. */
  forget(slot: number): void {
    this.hashes[slot] = 0;
    this.overrides.set(slot, NO_WORDS);
  }

  /**
   * Sets in `into` (the first `words` words) the slots whose words start with every prefix,
   * possibly including free slots: callers AND the result with live mentors. Returns false when
   * some prefix matches no word at all (nothing can match).
   */
  match(prefixes: readonly string[], words: number, into: Uint32Array): boolean {
    this.sortNewTerms();
    const ranges = prefixes.map((prefix) => this.range(prefix));
    if (ranges.some((range) => range.length === 0) && this.overrides.size === 0) return false;
    // The rarest prefix first: the first is written, the others ANDed in.
    const order = ranges
      .map((terms, i) => ({ terms, cost: terms.reduce((sum, term) => sum + term.length, 0), i }))
      .sort((a, b) => a.cost - b.cost);
    order.forEach(({ terms }, step) => {
      const target = step === 0 ? into : this.wordScratch;
      this.union(terms, words, target);
      if (step > 0) for (let i = 0; i < words; i += 1) into[i] &= target[i];
    });
    for (const [slot, current] of this.overrides) {
      if (slot >= words * 32) continue;
      const bit = 1 << (slot & 31);
      const hit = prefixes.every((prefix) => current.some((word) => word.startsWith(prefix)));
      if (hit) into[slot >>> 5] |= bit;
      else into[slot >>> 5] &= ~bit;
    }
    return true;
  }

  /**
   * Drops the list entries of overridden slots and files their current words in the lists, so
   * searches stop checking them one by one; words no mentor uses any more are forgotten. Costs
   * one pass over every entry.
   */
  compact(): void {
    if (this.overrides.size === 0) return;
    const stale = new Uint32Array(this.capacity / 32);
    for (const slot of this.overrides.keys()) stale[slot >>> 5] |= 1 << (slot & 31);
    for (const term of this.terms.values()) {
      if (term.bits) {
        let count = 0;
        for (let i = 0; i < term.bits.length; i += 1) {
          const kept = term.bits[i] & ~stale[i];
          term.bits[i] = kept;
          if (kept !== 0) count += popcount(kept);
        }
        term.length = count;
        continue;
      }
      let kept = 0;
      for (let i = 0; i < term.length; i += 1) {
        const slot = term.slots[i];
        if ((stale[slot >>> 5] & (1 << (slot & 31))) === 0) term.slots[kept++] = slot;
      }
      term.length = kept;
      // A list that emptied out gives its room back.
      if (term.slots.length > 4 && kept * 4 < term.slots.length) {
        term.slots = term.slots.slice(0, Math.max(4, kept * 2));
      }
    }
    for (const [slot, words] of this.overrides) this.append(slot, words);
    this.overrides.clear();
    for (const [word, term] of this.terms) if (term.length === 0) this.terms.delete(word);
    this.sorted = this.sorted.filter((term) => term.length > 0);
    this.unsorted = this.unsorted.filter((term) => term.length > 0);
  }

  /**
   * Room for more slots: dense words widen their bitmaps, and words that are no longer dense
   * at the new size go back to lists (else every word that was common among the first thousand
   * mentors would keep a bitmap of a million bits).
   */
  grow(capacity: number): void {
    for (const term of this.terms.values()) {
      if (!term.bits) continue;
      if (term.length * 32 < capacity) {
        const slots = new Uint32Array(Math.max(4, term.length));
        let n = 0;
        term.bits.forEach((bits, i) => {
          let rest = bits;
          while (rest !== 0) {
            const bit = 31 - Math.clz32(rest);
            rest ^= 1 << bit;
            slots[n++] = i * 32 + bit;
          }
        });
        term.slots = slots;
        term.length = n;
        term.bits = null;
        continue;
      }
      term.bits = widened(term.bits, capacity);
    }
    const hashes = new Uint32Array(capacity);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.wordScratch = new Uint32Array(capacity / 32);
    this.capacity = capacity;
  }

  private append(slot: number, words: readonly string[]): void {
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    for (const text of words) {
      let term = this.terms.get(text);
      if (!term) {
        term = { word: text, slots: NO_SLOTS, length: 0, bits: null };
        this.terms.set(text, term);
        this.unsorted.push(term);
      }
      if (term.bits) {
        if ((term.bits[word] & bit) === 0) {
          term.bits[word] |= bit;
          term.length += 1;
        }
        continue;
      }
      if (term.length === term.slots.length) this.widen(term);
      if (term.bits) {
        (term.bits as Uint32Array)[word] |= bit;
        term.length += 1;
      } else {
        term.slots[term.length] = slot;
        term.length += 1;
      }
    }
  }

  /** A full list doubles, or becomes a bitmap when that would be smaller. */
  private widen(term: Term): void {
    const next = Math.max(4, term.slots.length * 2);
    if (next * 32 < this.capacity) {
      const slots = new Uint32Array(next);
      slots.set(term.slots);
      term.slots = slots;
      return;
    }
    const bits = new Uint32Array(this.capacity / 32);
    let count = 0;
    for (let i = 0; i < term.length; i += 1) {
      const slot = term.slots[i];
      if ((bits[slot >>> 5] & (1 << (slot & 31))) === 0) count += 1;
      bits[slot >>> 5] |= 1 << (slot & 31);
    }
    term.bits = bits;
    term.slots = NO_SLOTS;
    term.length = count;
  }

  /** ORs the terms' slots into `into`, which it clears first. */
  private union(terms: readonly Term[], words: number, into: Uint32Array): void {
    into.fill(0, 0, words);
    for (const term of terms) {
      const bits = term.bits;
      if (bits) {
        for (let i = 0; i < words; i += 1) into[i] |= bits[i];
        continue;
      }
      const slots = term.slots;
      for (let i = 0; i < term.length; i += 1) {
        const slot = slots[i];
        into[slot >>> 5] |= 1 << (slot & 31);
      }
    }
  }

  /** Terms starting with `prefix`. */
  private range(prefix: string): Term[] {
    const sorted = this.sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle].word < prefix) low = middle + 1;
      else high = middle;
    }
    const found: Term[] = [];
    for (let i = low; i < sorted.length && sorted[i].word.startsWith(prefix); i += 1) {
      found.push(sorted[i]);
    }
    return found;
  }

  private sortNewTerms(): void {
    if (this.unsorted.length === 0) return;
    if (this.unsorted.length > 64) {
      this.sorted = this.sorted.concat(this.unsorted);
      this.sorted.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    } else {
      for (const term of this.unsorted) {
        let low = 0;
        let high = this.sorted.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (this.sorted[middle].word < term.word) low = middle + 1;
          else high = middle;
        }
        this.sorted.splice(low, 0, term);
      }
    }
    this.unsorted = [];
  }
}
