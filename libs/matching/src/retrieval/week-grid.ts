import { popcount } from '@preceptor/core/bits';
import { utcWeek, type WeekPerson, type WeekSource } from '../scoring/criteria/availability.js';
import type { MatchMentee } from '../scoring/match-profiles.js';
import type { WeekInterval } from '../scoring/weekly-time.js';

/** What the grid reads of the mentors: each slot's stamp, and its week when that changes. */
export interface WeekSlots {
  /** Every slot is below this. */
  readonly slotCount: number;
  readonly facts: { readonly stamp: ArrayLike<number> };
  week(slot: number): WeekPerson;
}

/** Index 0: the week says nothing; then the sources (as stored per slot). */
export const WEEK_SOURCES: readonly (WeekSource | null)[] = [null, 'windows', 'shift'];

/**
 * The week cut into half hours: most windows people give and nearly every time zone fall on
 * them, so the bound is usually the exact overlap. Any other window still gets a bound, only a
 * looser one (a touched half hour counts whole).
 */
export const WEEK_GRID_MINUTES = 30;
const CELLS_PER_WEEK = (7 * 24 * 60) / WEEK_GRID_MINUTES;
const WORDS = Math.ceil(CELLS_PER_WEEK / 32);

/**
 * A slot's record: the half hours in `WORDS` words (the last one's upper bits unused by cells
 * hold where the week comes from), then the stamp of the card it was built from. One record, so
 * that a candidate costs one cache miss rather than one per array.
 */
const SOURCE_SHIFT = CELLS_PER_WEEK - (WORDS - 1) * 32;
const STAMP = WORDS;
const RECORD = WORDS + 1;

/** What `sharedCellsOf` gives per slot: the half hours shared, plus the source times this. */
export const WEEK_SOURCE_STEP = 512;

/** The half hours of the week (UTC) an interval list touches, as bits. */
function cellsOf(utc: readonly WeekInterval[], into: Uint32Array, at: number): void {
  into.fill(0, at, at + WORDS);
  for (const [start, end] of utc) {
    for (
      let cell = Math.floor(start / WEEK_GRID_MINUTES);
      cell * WEEK_GRID_MINUTES < end && cell < CELLS_PER_WEEK;
      cell += 1
    ) {
      into[at + (cell >>> 5)] |= 1 << (cell & 31);
    }
  }
}

/**
 * Each mentor's week as the half hours (UTC) it touches, kept per slot and rebuilt only when
 * the slot's card changes (its stamp): two weeks share at most half an hour for each half hour
 * both touch, which bounds the availability score without building either mentor. Built for
 * every slot by `warm` at start-up; a slot whose card changed since is rebuilt when next read.
 */
export class WeekGrid {
  private records = new Uint32Array(0);
  private slots = 0;
  private referenceTime = NaN;
  private readonly mentee = new Uint32Array(WORDS);
  /** Keeps the first loop's reads (see `sharedCellsOf`) from being optimised away. */
  private touched = 0;

  /** The mentee's week as half hours, or null when it says nothing (no bound from weeks then). */
  menteeCells(mentee: MatchMentee, referenceDate: Date): Uint32Array | null {
    const week = utcWeek(mentee, referenceDate);
    if (!week) return null;
    cellsOf(week.utc, this.mentee, 0);
    return this.mentee;
  }

  /**
   * Where a slot's week comes from (an index into WEEK_SOURCES), once `sharedMinutesAtMost` has
   * seen it.
   */
  sourceOf(slot: number): number {
    return this.records[slot * RECORD + WORDS - 1] >>> SOURCE_SHIFT;
  }

  /** At most how many minutes a week a mentor's week shares with the mentee's. */
  sharedMinutesAtMost(
    slot: number,
    pool: WeekSlots,
    menteeCells: Uint32Array,
    referenceDate: Date,
  ): number {
    const code = this.codeOf(slot, pool, menteeCells, referenceDate);
    return (code % WEEK_SOURCE_STEP) * WEEK_GRID_MINUTES;
  }

  /** One slot's `sharedCellsOf` code. */
  codeOf(slot: number, pool: WeekSlots, menteeCells: Uint32Array, referenceDate: Date): number {
    this.fit(pool.slotCount, referenceDate);
    this.current(slot, pool, referenceDate);
    return this.codeAt(slot * RECORD, menteeCells);
  }

  /**
   * For `count` slots at once, into `codes`: the half hours each shares with the mentee at most,
   * plus `WEEK_SOURCE_STEP` times where its week comes from. At a million mentors each slot's
   * record is a cache miss: a first loop with little work per slot has many of them in flight
   * at once, where computing each in turn waited for each.
   */
  sharedCellsOf(
    slots: Int32Array,
    count: number,
    pool: WeekSlots,
    menteeCells: Uint32Array,
    referenceDate: Date,
    codes: Uint16Array,
  ): void {
    this.fit(pool.slotCount, referenceDate);
    let touched = 0;
    for (let i = 0; i < count; i += 1) {
      const slot = slots[i];
      if (this.current(slot, pool, referenceDate)) touched ^= this.records[slot * RECORD];
    }
    this.touched = touched;
    for (let i = 0; i < count; i += 1) codes[i] = this.codeAt(slots[i] * RECORD, menteeCells);
  }

  /**
   * Builds the weeks of slots `from` to `to` not built yet (or changed since), so that requests
   * do not pay for them: a process warms every slot after start-up, a chunk at a time.
   */
  warm(pool: WeekSlots, referenceDate: Date, from: number, to: number): void {
    this.fit(pool.slotCount, referenceDate);
    const end = Math.min(to, pool.slotCount);
    // Stamp 0: no card in the slot, nothing to build.
    for (let slot = from; slot < end; slot += 1) {
      if (pool.facts.stamp[slot] !== 0) this.current(slot, pool, referenceDate);
    }
  }

  /** Builds a slot's record unless it is of the slot's card already; true when it was. */
  private current(slot: number, pool: WeekSlots, referenceDate: Date): boolean {
    const at = slot * RECORD;
    const stamp = pool.facts.stamp[slot];
    if (this.records[at + STAMP] === stamp) return true;
    const week = utcWeek(pool.week(slot), referenceDate);
    cellsOf(week?.utc ?? [], this.records, at);
    this.records[at + WORDS - 1] |= WEEK_SOURCES.indexOf(week?.source ?? null) << SOURCE_SHIFT;
    this.records[at + STAMP] = stamp;
    return false;
  }

  /**
   * A record's code: its source, and the half hours both touch (the mentee's cells leave the
   * source bits out).
   */
  private codeAt(at: number, menteeCells: Uint32Array): number {
    const records = this.records;
    let cells = 0;
    for (let w = 0; w < WORDS; w += 1) cells += popcount(records[at + w] & menteeCells[w]);
    return (records[at + WORDS - 1] >>> SOURCE_SHIFT) * WEEK_SOURCE_STEP + cells;
  }

  private fit(slotCount: number, referenceDate: Date): void {
    if (referenceDate.getTime() !== this.referenceTime) {
      this.referenceTime = referenceDate.getTime();
      // Stamp 0 stands for no card: nothing is kept.
      for (let slot = 0; slot < this.slots; slot += 1) this.records[slot * RECORD + STAMP] = 0;
    }
    if (this.slots >= slotCount) return;
    this.slots = Math.max(slotCount, this.slots * 2);
    const records = new Uint32Array(this.slots * RECORD);
    records.set(this.records);
    this.records = records;
  }
}
