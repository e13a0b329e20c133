/**
 * Every mentor's filterable facets as one bitmap per facet value, plus the mentors in
 * "newest first" order. Counting any combination of filters is a few ANDs and ORs over
 * N/32 words (about 0.1 ms at a million mentors), exact at any size, and a page is found
 * without touching the database; only the page's rows are then read by primary key.
 *
 * Pure data structure: no database, no framework. Slots are assigned in arrival order and
 * reused after removal; `order` keeps slots sorted by (created_at, user_id) ascending.
 */

import { SlotIds, uuidWords } from './slot-ids.js';
import { countBits, widened } from './bitmaps.js';
import { MentorCards, type MentorCard, type MentorCardRow } from './mentor-cards.js';
import { TextPostings } from './text-postings.js';
import { ChangedSlots, FacetUnions } from './facet-unions.js';

/** created_at in microseconds since the epoch, then user_id: the keyset order of mentors. */
export interface SortKey {
  time: number;
  userId: string;
}

export interface IndexedMentor extends SortKey {
  /** Facet keys this mentor has, as built by `facetKey` (e.g. "track:NURSING"). */
  keys: readonly string[];
  /** The words of name, headline and bio (see words.ts). */
  words?: readonly string[];
  /** What ranking reads of this mentor (see mentor-cards.ts). */
  card?: MentorCardRow;
}

/** Filter groups: a mentor matches when, for every group, it has at least one of its keys. */
export type FacetGroups = readonly (readonly string[])[];

/** Word prefixes of a free-text filter: a mentor matches when each starts one of its words. */
export type TextPrefixes = readonly string[];

export interface IndexPage {
  /** Every mentor matching the groups, whatever the cursor. */
  total: number;
  /** Up to `limit` matching user ids after the cursor, newest first. */
  userIds: string[];
}

/** Below this many matches a page sorts the matches; above, it walks the timeline. */
const EXTRACT_BELOW = 4096;
const INITIAL_SLOTS = 1024;
/**
 * Unions of facets kept between queries (a matching request asks for a few: its specialties'
 * neighbourhood, its stages), each N/32 words, and how many changed slots they can catch up on
 * before being made again.
 */
const UNIONS_KEPT = 64;
const CHANGED_SLOTS_KEPT = 8192;
/**
 * Mentors whose words changed that searches check one by one before the word lists are
 * compacted (each costs a search a few string comparisons; compacting costs one pass over every
 * list, ~20 ms at a million mentors).
 */
const MAX_TEXT_OVERRIDES = 1024;

const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\+00$/;

/** Whether text is PostgreSQL's text form of a UTC timestamptz, as cursors carry it. */
export function isUtcTimestamp(text: string): boolean {
  return UTC_TIMESTAMP.test(text);
}

/** PostgreSQL's text form of a UTC timestamptz ("2026-11-25 11:36:24.123456+00") in µs. */
export function timestampMicros(text: string): number {
  const match = UTC_TIMESTAMP.exec(text);
  if (!match) throw new Error(`Not a UTC timestamp: ${text}`);
  const [, y, mo, d, h, mi, s, fraction = ''] = match;
  const millis = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return millis * 1000 + Number(fraction.padEnd(6, '0'));
}

/** The keyset order of mentors (ascending); the index applies it slot by slot. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** The mentors having one facet value, and how many they are (kept as bits change). */
interface Facet {
  bits: Uint32Array;
  count: number;
  /** Never reused: names the facet in kept unions. */
  readonly id: number;
}

export class MentorIndex {
  private capacity = INITIAL_SLOTS;
  /** Slots handed out so far (live or free); bitmaps are only read up to here. */
  private highWater = 0;
  private readonly facets = new Map<string, Facet>();
  private facetIds = 0;
  private readonly changed = new ChangedSlots(CHANGED_SLOTS_KEPT);
  private readonly unions = new FacetUnions(UNIONS_KEPT, this.changed);
  private alive = new Uint32Array(INITIAL_SLOTS / 32);
  private slotTime = new Float64Array(INITIAL_SLOTS);
  private readonly ids = new SlotIds(INITIAL_SLOTS);
  private readonly freeSlots: number[] = [];
  /** Live slots sorted by (time, userId) ascending; the newest mentor is last. */
  private order = new Int32Array(INITIAL_SLOTS);
  private size = 0;
  /** Mentors were added in bulk since `order` was last sorted. */
  private unordered = false;
  /** Reused per query: queries run synchronously, one at a time. */
  private scratch = new Uint32Array(INITIAL_SLOTS / 32);
  private textScratch = new Uint32Array(INITIAL_SLOTS / 32);
  private readonly text = new TextPostings(INITIAL_SLOTS);
  private readonly keyId = new Uint32Array(4);
  /** Per slot, what ranking reads (read through `card` and the scan methods). */
  readonly cards = new MentorCards(INITIAL_SLOTS);

  get count(): number {
    return this.size;
  }

  /** Distinct words of names, headlines and bios. */
  get vocabulary(): number {
    return this.text.vocabulary;
  }

  /** Bytes the words take (lists, bitmaps, per-slot hashes). */
  get textBytes(): number {
    return this.text.bytes;
  }

  /**
   * Adds a mentor not yet indexed, in any order: for loading everyone at once. The order is
   * sorted once, by the first call that needs it, instead of an insertion per mentor.
   */
  add(mentor: IndexedMentor): void {
    const fresh = this.freeSlots.length === 0;
    const slot = this.takeSlot();
    this.slotTime[slot] = mentor.time;
    this.ids.assign(slot, mentor.userId);
    this.alive[slot >>> 5] |= 1 << (slot & 31);
    this.order[this.size] = slot;
    this.size += 1;
    this.unordered = true;
    this.text.set(slot, mentor.words ?? [], fresh);
    this.setFacets(slot, mentor.keys);
    if (mentor.card) this.cards.set(slot, mentor.card);
  }

  /** Adds a mentor or replaces its facets. */
  upsert(mentor: IndexedMentor): void {
    let slot = this.ids.find(mentor.userId);
    if (slot !== -1 && this.slotTime[slot] !== mentor.time) {
      this.remove(mentor.userId);
      slot = -1;
    }
    if (slot === -1) {
      const fresh = this.freeSlots.length === 0;
      slot = this.takeSlot();
      this.slotTime[slot] = mentor.time;
      this.ids.assign(slot, mentor.userId);
      this.alive[slot >>> 5] |= 1 << (slot & 31);
      this.insertInOrder(slot, mentor);
      this.text.set(slot, mentor.words ?? [], fresh);
    } else {
      this.clearFacets(slot);
      this.text.set(slot, mentor.words ?? [], false);
    }
    if (this.text.overridden > MAX_TEXT_OVERRIDES) this.text.compact();
    this.setFacets(slot, mentor.keys);
    if (mentor.card) this.cards.set(slot, mentor.card);
  }

  /** Folds edited words back into the word lists now, forgetting words nobody uses. */
  compact(): void {
    this.text.compact();
  }

  /** Facet values held (each a bitmap); values no mentor has are freed. */
  get facetValues(): number {
    return this.facets.size;
  }

  /** Bytes of typed arrays held: facet bitmaps and kept unions, order, ids, words and scratch space. */
  get bytes(): number {
    let total =
      this.alive.byteLength +
      this.slotTime.byteLength +
      this.order.byteLength +
      this.scratch.byteLength * 2 +
      this.ids.bytes +
      this.text.bytes +
      this.cards.bytes +
      this.unions.bytes;
    for (const facet of this.facets.values()) total += facet.bits.byteLength;
    return total;
  }

  /** Forgets a mentor (no longer a mentor, or deleted); false when it was not indexed. */
  remove(userId: string): boolean {
    const slot = this.ids.find(userId);
    if (slot === -1) return false;
    this.ensureOrdered();
    const position = this.positionOf({ time: this.slotTime[slot], userId });
    this.order.copyWithin(position, position + 1, this.size);
    this.size -= 1;
    this.clearFacets(slot);
    this.alive[slot >>> 5] &= ~(1 << (slot & 31));
    this.ids.release(slot);
    this.text.forget(slot);
    this.cards.clear(slot);
    this.freeSlots.push(slot);
    if (this.text.overridden > MAX_TEXT_OVERRIDES) this.text.compact();
    return true;
  }

  /**
   * Matches of `groups` and, when given, of every text prefix (exact count), and one page of
   * them after `after`, newest first.
   */
  query(
    groups: FacetGroups,
    after: SortKey | undefined,
    limit: number,
    text?: TextPrefixes,
  ): IndexPage {
    const found = this.match(groups, text);
    if (!found || found.total === 0 || limit <= 0) return { total: found?.total ?? 0, userIds: [] };
    const { matches, total, words } = found;

    this.ensureOrdered();
    const end = after ? this.positionOf(after) : this.size;
    const slots =
      total < EXTRACT_BELOW
        ? this.newestBySorting(matches, words, after, limit)
        : this.newestByWalking(matches, end, limit);
    return { total, userIds: slots.map((slot) => this.ids.idOf(slot)) };
  }

  /**
   * Writes the slots matching `groups` (and the text prefixes) into `into`, for a caller that
   * visits one set several times under more conditions (matching's tiers). False when nobody
   * matches (`into` is then unspecified).
   */
  select(groups: FacetGroups, text: TextPrefixes | undefined, into: SlotSet): boolean {
    const words = Math.ceil(this.highWater / 32);
    into.fit(words);
    const bits = into.bits;
    if (text?.length) {
      const found = this.match(groups, text);
      if (!found || found.total === 0) return false;
      bits.set(found.matches.subarray(0, found.words));
    } else {
      // No count wanted: combine straight into `into`.
      const resolved = this.resolve(groups);
      if (!resolved) return false;
      if (resolved.length === 0) bits.set(this.alive.subarray(0, words));
      else this.combine(resolved, words, bits);
    }
    return into.listWords(words);
  }

  /** Writes the slots of a `select`ed set that match each of `groups` into `into`; false when none. */
  selectWithin(within: SlotSet, groups: FacetGroups, into: SlotSet): boolean {
    const words = Math.ceil(this.highWater / 32);
    const resolved = this.resolve(groups);
    if (!resolved) return false;
    into.fit(words);
    if (within.wordCount < 0) {
      into.bits.set(within.bits.subarray(0, words));
      this.andGroups(resolved, words, into.bits);
      return into.listWords(words);
    }
    // A subset of a sparse set is sparse: list its words as they are found.
    this.andGroupsAt(within, resolved, words);
    const bits = into.bits;
    bits.fill(0, 0, words);
    let count = 0;
    for (let j = 0; j < within.wordCount; j += 1) {
      const word = within.matches[j];
      if (word === 0) continue;
      const at = within.words[j];
      bits[at] = word;
      into.words[count] = at;
      count += 1;
    }
    into.wordCount = count;
    return count > 0;
  }

  /**
   * Visits the slots of `within` (from `select`, with no slot added since) that match every
   * group too, in slot order. `visit` must not query the index.
   */
  forEachWithin(within: SlotSet, groups: FacetGroups, visit: (slot: number) => void): void {
    const words = Math.ceil(this.highWater / 32);
    const resolved = this.resolve(groups);
    if (!resolved) return;
    if (within.wordCount >= 0) {
      this.andGroupsAt(within, resolved, words);
      visitListed(within, visit);
      return;
    }
    // Up to three groups are read in the one pass that visits; any more are ANDed first.
    let bits = within.bits;
    if (resolved.length > FUSED_GROUPS) {
      bits = this.scratch;
      bits.set(within.bits.subarray(0, words));
      this.andGroups(resolved.slice(FUSED_GROUPS), words, bits);
    }
    const maps = resolved.slice(0, FUSED_GROUPS).map((group) => this.unionOf(group, words));
    visitAnded(bits, maps, words, visit);
  }

  /** Slots handed out so far: every slot a scan visits is below this. */
  get slotCount(): number {
    return this.highWater;
  }

  userIdOf(slot: number): string {
    return this.ids.idOf(slot);
  }

  /** A live slot's card, as a plain object. */
  card(slot: number): MentorCard {
    return this.cards.card(slot, this.ids.idOf(slot));
  }

  /**
   * The bitmap of mentors matching the groups and text, and how many they are; null when a group
   * names only values nobody has. The bitmap may be a facet's own or scratch space: read it
   * before the next query.
   */
  private match(
    groups: FacetGroups,
    text: TextPrefixes | undefined,
  ): { matches: Uint32Array; total: number; words: number } | null {
    const words = Math.ceil(this.highWater / 32);
    const resolved = this.resolve(groups);
    if (!resolved) return null;

    // No filter, or one value: the live set or that value's bitmap already is the answer, and
    // its size is kept as bits change, so only the page costs anything. Facet bitmaps never
    // hold a removed slot.
    if (text?.length) {
      // Word lists may name free slots: live mentors (or the facets, which hold only live
      // ones) decide.
      const matches = this.textScratch;
      if (!this.text.match(text, words, matches)) return null;
      return { matches, total: this.restrict(matches, resolved, words), words };
    }
    if (resolved.length === 0) return { matches: this.alive, total: this.size, words };
    if (resolved.length === 1 && resolved[0].length === 1) {
      return { matches: resolved[0][0].bits, total: resolved[0][0].count, words };
    }
    const matches = this.scratch;
    this.combine(resolved, words, matches);
    return { matches, total: countBits(matches, words), words };
  }

  /** Each group's facets that someone has; null when a group has none (nobody matches). */
  private resolve(groups: FacetGroups): Facet[][] | null {
    const resolved: Facet[][] = [];
    for (const group of groups) {
      const facets: Facet[] = [];
      for (const key of group) {
        const facet = this.facets.get(key);
        if (facet && facet.count > 0) facets.push(facet);
      }
      if (facets.length === 0) return null;
      resolved.push(facets);
    }
    return resolved;
  }

  /**
   * ANDs the groups (each an OR of its facets) into `into`; callers count what remains.
   * Each step is a tight loop over the words, which V8 runs several times faster than one loop
   * visiting every bitmap per word.
   */
  private combine(groups: Facet[][], words: number, into: Uint32Array): void {
    const [first, ...rest] = groups;
    into.set(this.unionOf(first, words).subarray(0, words));
    this.andGroups(rest, words, into);
  }

  /** ANDs each group (an OR of its facets) into what `into` already holds. */
  private andGroups(groups: readonly Facet[][], words: number, into: Uint32Array): void {
    for (const group of groups) {
      const bits = this.unionOf(group, words);
      for (let i = 0; i < words; i += 1) into[i] &= bits[i];
    }
  }

  /** A group's bitmap: its one facet's, or the kept union of its facets. */
  private unionOf(group: readonly Facet[], words: number): Uint32Array {
    return group.length === 1
      ? group[0].bits
      : this.unions.unionOf(group, words, this.capacity / 32);
  }

  /**
   * A sparse set's listed words ANDed with each group, word by listed word, into
   * `within.matches`. A group's kept union is read when there is one; else its facets are (making
   * a union would cost a pass over every word).
   */
  private andGroupsAt(within: SlotSet, groups: readonly Facet[][], words: number): void {
    const list = within.words;
    const count = within.wordCount;
    const matches = within.matches;
    const bits = within.bits;
    for (let j = 0; j < count; j += 1) matches[j] = bits[list[j]];
    for (const group of groups) {
      const anded = group.length === 1 ? group[0].bits : this.unions.keptUnion(group, words);
      if (anded) {
        for (let j = 0; j < count; j += 1) matches[j] &= anded[list[j]];
        continue;
      }
      const union = within.union;
      const first = group[0].bits;
      for (let j = 0; j < count; j += 1) union[j] = first[list[j]];
      for (let f = 1; f < group.length; f += 1) {
        const more = group[f].bits;
        for (let j = 0; j < count; j += 1) union[j] |= more[list[j]];
      }
      for (let j = 0; j < count; j += 1) matches[j] &= union[j];
    }
  }

  /**
   * Few matches: scan them all, keeping the newest `limit` before the cursor in a small sorted
   * list (most candidates are rejected by one comparison with its oldest entry).
   */
  private newestBySorting(
    matches: Uint32Array,
    words: number,
    after: SortKey | undefined,
    limit: number,
  ): number[] {
    const best: number[] = [];
    const cursorTime = after?.time ?? 0;
    if (after) uuidWords(after.userId, this.keyId);
    // Highest slots first: slots are handed out as mentors arrive, mostly newest last, so the
    // list fills with new mentors early and most later candidates fail the first comparison.
    for (let i = words - 1; i >= 0; i -= 1) {
      let word = matches[i];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word);
        word ^= 1 << bit;
        const slot = i * 32 + bit;
        if (after && this.compareSlot(slot, cursorTime, this.keyId) >= 0) continue;
        if (best.length === limit && this.compareSlots(slot, best[limit - 1]) < 0) continue;
        let at = best.length === limit ? limit - 1 : best.length;
        while (at > 0 && this.compareSlots(slot, best[at - 1]) > 0) {
          best[at] = best[at - 1];
          at -= 1;
        }
        best[at] = slot;
      }
    }
    return best;
  }

  /** ANDs `matches` with the live mentors and every group in place; returns how many remain. */
  private restrict(matches: Uint32Array, groups: Facet[][], words: number): number {
    if (groups.length === 0) {
      for (let i = 0; i < words; i += 1) matches[i] &= this.alive[i];
    } else {
      this.combine(groups, words, this.scratch);
      const facets = this.scratch;
      for (let i = 0; i < words; i += 1) matches[i] &= facets[i];
    }
    return countBits(matches, words);
  }

  /** Many matches: walk the timeline back from the cursor until the page is full. */
  private newestByWalking(matches: Uint32Array, end: number, limit: number): number[] {
    const found: number[] = [];
    for (let i = end - 1; i >= 0 && found.length < limit; i -= 1) {
      const slot = this.order[i];
      if ((matches[slot >>> 5] & (1 << (slot & 31))) !== 0) found.push(slot);
    }
    return found;
  }

  /** Orders a slot against a key (its id as words): negative when the slot is older. */
  private compareSlot(slot: number, time: number, id: Uint32Array): number {
    const slotTime = this.slotTime[slot];
    if (slotTime !== time) return slotTime < time ? -1 : 1;
    return this.ids.compare(slot, id);
  }

  private compareSlots(a: number, b: number): number {
    const timeA = this.slotTime[a];
    const timeB = this.slotTime[b];
    if (timeA !== timeB) return timeA < timeB ? -1 : 1;
    return this.ids.compareSlots(a, b);
  }

  /** The first position in `order` whose key is not below `key`. */
  private positionOf(key: SortKey): number {
    uuidWords(key.userId, this.keyId);
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareSlot(this.order[middle], key.time, this.keyId) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private insertInOrder(slot: number, key: SortKey): void {
    this.ensureOrdered();
    // Mentors mostly arrive newest last: append without searching.
    const position =
      this.size === 0 || this.compareSlots(this.order[this.size - 1], slot) < 0
        ? this.size
        : this.positionOf(key);
    this.order.copyWithin(position + 1, position, this.size);
    this.order[position] = slot;
    this.size += 1;
  }

  /** Sorts the mentors added in bulk into the newest-first order (else the next search does). */
  settle(): void {
    this.ensureOrdered();
  }

  private ensureOrdered(): void {
    if (!this.unordered) return;
    this.unordered = false;
    this.order.subarray(0, this.size).sort((a, b) => this.compareSlots(a, b));
  }

  private setFacets(slot: number, keys: readonly string[]): void {
    this.changed.note(slot);
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    for (const key of keys) {
      let facet = this.facets.get(key);
      if (!facet) {
        this.facetIds += 1;
        facet = { bits: new Uint32Array(this.capacity / 32), count: 0, id: this.facetIds };
        this.facets.set(key, facet);
      }
      if ((facet.bits[word] & bit) === 0) {
        facet.bits[word] |= bit;
        facet.count += 1;
      }
    }
  }

  /** Takes a slot out of every facet; a value left with no mentor is freed. */
  private clearFacets(slot: number): void {
    this.changed.note(slot);
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    for (const [key, facet] of this.facets) {
      if ((facet.bits[word] & bit) !== 0) {
        facet.bits[word] &= ~bit;
        facet.count -= 1;
        if (facet.count === 0) this.facets.delete(key);
      }
    }
  }

  private takeSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.highWater === this.capacity) this.grow();
    const slot = this.highWater;
    this.highWater += 1;
    return slot;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (const facet of this.facets.values()) facet.bits = widened(facet.bits, capacity);
    this.alive = widened(this.alive, capacity);
    const time = new Float64Array(capacity);
    time.set(this.slotTime);
    this.slotTime = time;
    const order = new Int32Array(capacity);
    order.set(this.order);
    this.order = order;
    this.scratch = new Uint32Array(capacity / 32);
    this.textScratch = new Uint32Array(capacity / 32);
    this.text.grow(capacity);
    this.cards.grow(capacity);
    this.ids.grow(capacity, this.order.subarray(0, this.size));
    this.capacity = capacity;
    this.unions.clear();
  }
}

/** Calls `visit` with each set bit of the first `words` words, in order. */
/**
 * A set of slots chosen once and visited several times: a bitmap and, when few of its words are
 * set, the list of those words, so that later conditions cost per word listed instead of per
 * word of the index (a specialty's mentors are a few thousand words of a million mentors' 31k).
 */
export class SlotSet {
  bits = new Uint32Array(0);
  /** Indexes of the non-zero words of `bits`, ascending: `wordCount` of them, or -1 when dense. */
  words = new Int32Array(0);
  wordCount = -1;
  /** The listed words, and their union with a group's facets, per pass. */
  matches = new Uint32Array(0);
  union = new Uint32Array(0);

  fit(words: number): void {
    if (this.bits.length >= words) return;
    const size = Math.max(words, this.bits.length * 2);
    this.bits = new Uint32Array(size);
    this.words = new Int32Array(size);
    this.matches = new Uint32Array(size);
    this.union = new Uint32Array(size);
  }

  /** Lists the non-zero words when they are few; false when there are none. */
  listWords(words: number): boolean {
    const bits = this.bits;
    const list = this.words;
    const most = words >>> SPARSE_SHARE;
    let count = 0;
    for (let i = 0; i < words; i += 1) {
      if (bits[i] === 0) continue;
      if (count === most) {
        this.wordCount = -1;
        return true;
      }
      list[count] = i;
      count += 1;
    }
    this.wordCount = count;
    return count > 0;
  }
}

/**
 * Below 1/2^SPARSE_SHARE of the words set, a set's passes read only its listed words: gathering a
 * word costs a few times more than streaming one.
 */
const SPARSE_SHARE = 3;

/** Visits the slots of `within.matches`, as `andGroupsAt` left them. */
function visitListed(within: SlotSet, visit: (slot: number) => void): void {
  const list = within.words;
  const matches = within.matches;
  for (let j = 0; j < within.wordCount; j += 1) {
    const word = matches[j];
    if (word !== 0) visitWord(word, list[j] * 32, visit);
  }
}

/** The most bitmaps `visitAnded` combines in its one pass over the words. */
const FUSED_GROUPS = 3;

/**
 * Visits the slots set in `bits` and in each of `more` (at most FUSED_GROUPS), in one pass over
 * the words: at a million mentors that is one read of each bitmap where copying, ANDing each in
 * turn and then scanning read the words five times. V8 keeps such a loop fast only over a fixed
 * few arrays held in locals (a loop over a list of arrays per word measured slower than the
 * passes), hence one loop per count.
 */
function visitAnded(
  bits: Uint32Array,
  more: readonly Uint32Array[],
  words: number,
  visit: (slot: number) => void,
): void {
  const [b, c, d] = more;
  switch (more.length) {
    case 0:
      return visitBits(bits, words, visit);
    case 1:
      for (let i = 0; i < words; i += 1) {
        const word = bits[i] & b[i];
        if (word !== 0) visitWord(word, i * 32, visit);
      }
      return;
    case 2:
      for (let i = 0; i < words; i += 1) {
        const word = bits[i] & b[i] & c[i];
        if (word !== 0) visitWord(word, i * 32, visit);
      }
      return;
    default:
      for (let i = 0; i < words; i += 1) {
        const word = bits[i] & b[i] & c[i] & d[i];
        if (word !== 0) visitWord(word, i * 32, visit);
      }
  }
}

/** Visits the slots of one word's set bits, from slot `base`, highest first. */
function visitWord(word: number, base: number, visit: (slot: number) => void): void {
  while (word !== 0) {
    const bit = 31 - Math.clz32(word);
    word ^= 1 << bit;
    visit(base + bit);
  }
}

function visitBits(bits: Uint32Array, words: number, visit: (slot: number) => void): void {
  for (let i = 0; i < words; i += 1) {
    const word = bits[i];
    if (word !== 0) visitWord(word, i * 32, visit);
  }
}
