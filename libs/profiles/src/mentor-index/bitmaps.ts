/** Bitmaps over mentor slots as Uint32Arrays (bit `slot & 31` of word `slot >>> 5`). */

import { popcount } from '@preceptor/core/bits';

/** Set bits in the first `words` words. */
export function countBits(bits: Uint32Array, words: number): number {
  let total = 0;
  for (let i = 0; i < words; i += 1) if (bits[i] !== 0) total += popcount(bits[i]);
  return total;
}

/** A copy of `bitmap` with room for `capacity` slots. */
export function widened(bitmap: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const wider = new Uint32Array(capacity / 32);
  wider.set(bitmap);
  return wider;
}
