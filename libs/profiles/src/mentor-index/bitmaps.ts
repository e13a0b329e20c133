/** Bitmaps over mentor slots as Uint32Arrays (bit `slot & 31` of word `slot >>> 5`). */

/** Set bits in a 32-bit word. */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

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
