/**
 * Unions of facet bitmaps that queries ask for again and again (a specialty's neighbourhood in
 * matching, a set of career stages), kept between queries and brought up to date from the slots
 * changed since, instead of ORing every facet's N/32 words each time.
 *
 * Pure data structure: the mentor index owns the facets and tells this which slots changed.
 */

/** A facet value's bitmap as the index holds it; `id` is never reused by another facet. */
export interface UnionFacet {
  readonly id: number;
  readonly bits: Uint32Array;
}

/**
 * The slots whose facets changed, most recent last, in a ring: a union made at change c is
 * brought up to date by re-reading the slots of changes c to now, while the ring still holds
 * them (else it is made again).
 */
export class ChangedSlots {
  private readonly slots: Int32Array;
  /** Changes ever noted. */
  count = 0;

  constructor(readonly size: number) {
    this.slots = new Int32Array(size);
  }

  note(slot: number): void {
    this.slots[this.count % this.size] = slot;
    this.count += 1;
  }

  /** The slot of change `change` (one of the last `size`). */
  slotAt(change: number): number {
    return this.slots[change % this.size];
  }
}

interface KeptUnion {
  readonly facets: readonly UnionFacet[];
  bits: Uint32Array;
  /** `ChangedSlots.count` when `bits` was last current. */
  upTo: number;
}

/**
 * At most `most` unions, least recently used out first (its bitmap is reused by the next). A
 * union is named by its facets' ids: a facet freed and made again gets a new id, so a kept union
 * never stands for another set of facets.
 */
export class FacetUnions {
  private readonly kept = new Map<string, KeptUnion>();

  constructor(
    private readonly most: number,
    private readonly changes: ChangedSlots,
  ) {}

  /** Bytes of the unions kept. */
  get bytes(): number {
    let total = 0;
    for (const union of this.kept.values()) total += union.bits.byteLength;
    return total;
  }

  /** Forgets every union (their bitmaps no longer fit the index's slots). */
  clear(): void {
    this.kept.clear();
  }

  /**
   * The union of `facets` (two or more) over bitmaps of `capacityWords` words, current; its
   * first `words` words are read. Valid until the next call.
   */
  unionOf(facets: readonly UnionFacet[], words: number, capacityWords: number): Uint32Array {
    const name = nameOf(facets);
    const union = this.kept.get(name);
    if (union) {
      // Most recently used last.
      this.kept.delete(name);
      this.kept.set(name, union);
      this.catchUp(union, words);
      return union.bits;
    }
    return this.make(name, facets, words, capacityWords).bits;
  }

  /** A kept union of `facets`, current, or null when none is kept (making one costs a pass). */
  keptUnion(facets: readonly UnionFacet[], words: number): Uint32Array | null {
    const union = this.kept.get(nameOf(facets));
    if (!union) return null;
    this.catchUp(union, words);
    return union.bits;
  }

  private make(
    name: string,
    facets: readonly UnionFacet[],
    words: number,
    capacityWords: number,
  ): KeptUnion {
    let bits: Uint32Array | undefined;
    if (this.kept.size >= this.most) {
      const [oldest, evicted] = this.kept.entries().next().value as [string, KeptUnion];
      this.kept.delete(oldest);
      if (evicted.bits.length === capacityWords) bits = evicted.bits;
    }
    bits ??= new Uint32Array(capacityWords);
    const union: KeptUnion = { facets, bits, upTo: this.changes.count };
    remake(union, words);
    this.kept.set(name, union);
    return union;
  }

  private catchUp(union: KeptUnion, words: number): void {
    const changes = this.changes;
    if (union.upTo === changes.count) return;
    if (changes.count - union.upTo > changes.size) {
      remake(union, words);
    } else {
      for (let change = union.upTo; change < changes.count; change += 1) {
        const slot = changes.slotAt(change);
        const word = slot >>> 5;
        const bit = 1 << (slot & 31);
        let any = 0;
        for (const facet of union.facets) any |= facet.bits[word] & bit;
        union.bits[word] = any !== 0 ? union.bits[word] | bit : union.bits[word] & ~bit;
      }
    }
    union.upTo = changes.count;
  }
}

function nameOf(facets: readonly UnionFacet[]): string {
  let name = '';
  for (const facet of facets) name += `${facet.id},`;
  return name;
}

/** Writes the OR of a union's facets' first `words` words into its bitmap. */
function remake(union: KeptUnion, words: number): void {
  const { bits, facets } = union;
  bits.set(facets[0].bits.subarray(0, words));
  for (let f = 1; f < facets.length; f += 1) {
    const more = facets[f].bits;
    for (let i = 0; i < words; i += 1) bits[i] |= more[i];
  }
  // Words past `words` belong to slots not handed out yet: changes will set them.
  bits.fill(0, words);
}
