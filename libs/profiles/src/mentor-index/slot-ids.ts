/**
 * The user id of every slot of the mentor index, and the slot of every user id, held in typed
 * arrays: a UUID as four 32-bit words, and an open-addressing hash table (linear probing) from
 * id to slot. A million ids as strings in an array and a Map are ~100 MB of small objects that
 * every full garbage collection traces; here they are two buffers it never looks into.
 *
 * Ids compare as 128-bit numbers, which is PostgreSQL's order for uuid (and the text order of
 * lowercase UUIDs).
 */

import { isUuid } from '@preceptor/core/ids';

const EMPTY = -1;

/** A UUID as four 32-bit words (most significant first); throws on anything else. */
export function uuidWords(text: string, into: Uint32Array, at = 0): void {
  if (!isUuid(text)) throw new Error(`Not a UUID: ${text}`);
  into[at] = parseInt(text.slice(0, 8), 16);
  into[at + 1] = parseInt(text.slice(9, 13) + text.slice(14, 18), 16);
  into[at + 2] = parseInt(text.slice(19, 23) + text.slice(24, 28), 16);
  into[at + 3] = parseInt(text.slice(28, 36), 16);
}

function hex(word: number, digits: number): string {
  return word.toString(16).padStart(digits, '0');
}

/** murmur3's 32-bit finalizer: seeded ids differ only in a few low bits. */
function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function hashWords(words: Uint32Array, at: number): number {
  return fmix(words[at + 3] ^ fmix(words[at + 2] ^ fmix(words[at + 1] ^ fmix(words[at]))));
}

export class SlotIds {
  /** Four words per slot. */
  private words: Uint32Array;
  /** Slot per table position, or EMPTY; at most half full. */
  private table: Int32Array;
  private mask: number;
  /** The id being looked up, parsed once. */
  private readonly probe = new Uint32Array(4);

  constructor(capacity: number) {
    this.words = new Uint32Array(capacity * 4);
    this.table = new Int32Array(capacity * 2).fill(EMPTY);
    this.mask = capacity * 2 - 1;
  }

  get bytes(): number {
    return this.words.byteLength + this.table.byteLength;
  }

  /** The slot holding `userId`, or -1. */
  find(userId: string): number {
    uuidWords(userId, this.probe);
    for (let at = hashWords(this.probe, 0) & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.table[at];
      if (slot === EMPTY || this.sameId(slot, this.probe)) return slot;
    }
  }

  /** Records `userId` in `slot`, which must be free and must fit the capacity. */
  assign(slot: number, userId: string): void {
    uuidWords(userId, this.words, slot * 4);
    let at = hashWords(this.words, slot * 4) & this.mask;
    while (this.table[at] !== EMPTY) at = (at + 1) & this.mask;
    this.table[at] = slot;
  }

  /** Forgets the id of `slot` (backward-shift deletion, so lookups need no tombstones). */
  release(slot: number): void {
    let hole = hashWords(this.words, slot * 4) & this.mask;
    while (this.table[hole] !== slot) hole = (hole + 1) & this.mask;
    for (let at = (hole + 1) & this.mask; this.table[at] !== EMPTY; at = (at + 1) & this.mask) {
      const moved = this.table[at];
      const home = hashWords(this.words, moved * 4) & this.mask;
      // `moved` may fill the hole unless its home lies cyclically in (hole, at].
      const between = hole <= at ? home > hole && home <= at : home > hole || home <= at;
      if (!between) {
        this.table[hole] = moved;
        hole = at;
      }
    }
    this.table[hole] = EMPTY;
  }

  /** The id of `slot` as lowercase UUID text. */
  idOf(slot: number): string {
    const w = this.words;
    const at = slot * 4;
    return `${hex(w[at], 8)}-${hex(w[at + 1] >>> 16, 4)}-${hex(w[at + 1] & 0xffff, 4)}-${hex(w[at + 2] >>> 16, 4)}-${hex(w[at + 2] & 0xffff, 4)}${hex(w[at + 3], 8)}`;
  }

  /** Orders the id of `slot` against `id` (four words at `idAt`): negative when it is lower. */
  compare(slot: number, id: Uint32Array, idAt = 0): number {
    const w = this.words;
    const at = slot * 4;
    for (let i = 0; i < 4; i += 1) {
      if (w[at + i] !== id[idAt + i]) return w[at + i] < id[idAt + i] ? -1 : 1;
    }
    return 0;
  }

  /** Orders the ids of two slots. */
  compareSlots(a: number, b: number): number {
    return this.compare(a, this.words, b * 4);
  }

  /** Room for `capacity` slots; ids and slots stay as they are. */
  grow(capacity: number, liveSlots: Iterable<number>): void {
    const words = new Uint32Array(capacity * 4);
    words.set(this.words);
    this.words = words;
    this.table = new Int32Array(capacity * 2).fill(EMPTY);
    this.mask = capacity * 2 - 1;
    for (const slot of liveSlots) {
      let at = hashWords(this.words, slot * 4) & this.mask;
      while (this.table[at] !== EMPTY) at = (at + 1) & this.mask;
      this.table[at] = slot;
    }
  }

  private sameId(slot: number, id: Uint32Array): boolean {
    return this.compare(slot, id) === 0;
  }
}
