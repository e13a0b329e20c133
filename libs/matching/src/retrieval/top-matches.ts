/**
 * Keeping the best k of a stream of scored candidates, in the order the API lists them: score
 * descending, then id ascending (compareMatches' order for eligible matches), so ties break the
 * same way on every page. Pure: no Nest, no database.
 */

/** A scored candidate: the id of the other side and its score. */
export interface Scored {
  readonly id: string;
  readonly score: number;
}

/** Where the last page ended: the next page starts strictly after it. */
export type MatchCursor = Scored;

/** Negative when `a` is listed before `b` (better score, or same score and lower id). */
export function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** Whether `candidate` comes strictly after the cursor (always, without one). */
export function isAfter(candidate: Scored, cursor: MatchCursor | undefined): boolean {
  return cursor === undefined || compareScored(candidate, cursor) > 0;
}

/**
 * A bounded heap of the best `limit` candidates seen: the worst kept sits at the root, so most
 * candidates are turned away by one comparison. O(log k) per candidate that gets in.
 */
export class TopMatches<T extends Scored> {
  private readonly heap: T[] = [];

  constructor(readonly limit: number) {}

  get size(): number {
    return this.heap.length;
  }

  get full(): boolean {
    return this.heap.length >= this.limit;
  }

  /** The worst candidate kept: the k-th best once full. */
  get worst(): T | undefined {
    return this.heap[0];
  }

  /** Whether a candidate with this score and id would get in (without building it). */
  admits(candidate: Scored): boolean {
    if (this.limit <= 0) return false;
    return !this.full || compareScored(candidate, this.heap[0]) < 0;
  }

  offer(candidate: T): void {
    if (!this.admits(candidate)) return;
    if (!this.full) {
      this.heap.push(candidate);
      this.up(this.heap.length - 1);
    } else {
      this.heap[0] = candidate;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.heap].sort(compareScored);
  }

  // The root is the worst: a parent is always listed after its children.
  private up(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (compareScored(heap[at], heap[parent]) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }

  private down(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && compareScored(heap[left], heap[worst]) > 0) worst = left;
      if (right < heap.length && compareScored(heap[right], heap[worst]) > 0) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  }
}
