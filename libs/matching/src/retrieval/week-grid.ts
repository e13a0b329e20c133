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

/**
 * A slot's record, in 16-bit words (32 bytes, so that a candidate costs one cache miss): a
 * header (where the week comes from, and how many ranges of half hours follow), the stamp of the
 * card it was built from (two words), then the ranges, each [first, end) in half hours. A week
 * of more ranges than fit (a shift pattern's, say) is kept once for every slot that has it.
 */
const STAMP = 1;
const RANGES = 3;
const INLINE_RANGES = 6;
const RECORD = 16;
const SOURCE_MASK = 0b11;
const COUNT_SHIFT = 2;
/** The count that says the ranges are kept apart, their number in the two words after the stamp. */
const KEPT_APART = 7;

/** What `sharedCellsOf` gives per slot: the half hours shared, plus the source times this. */
export const WEEK_SOURCE_STEP = 512;

/**
 * The half hours (UTC) an interval list touches, as sorted ranges [first, end) with no two
 * touching the same half hour (intervals that end and start within one half hour share it).
 */
function rangesOf(utc: readonly WeekInterval[]): number[] {
  const ranges: number[] = [];
  for (const [start, end] of utc) {
    const first = Math.floor(start / WEEK_GRID_MINUTES);
    const last = Math.min(CELLS_PER_WEEK, Math.ceil(end / WEEK_GRID_MINUTES));
    if (last <= first) continue;
    if (ranges.length > 0 && first <= ranges[ranges.length - 1]) {
      ranges[ranges.length - 1] = Math.max(ranges[ranges.length - 1], last);
    } else ranges.push(first, last);
  }
  return ranges;
}

/**
 * The mentee's week as a running count: entry c is how many of the half hours before c it
 * touches, so the half hours a range shares with it are two lookups.
 */
export type MenteeCells = Uint16Array;

/**
 * Each mentor's week as the half hours (UTC) it touches, kept per slot and rebuilt only when
 * the slot's card changes (its stamp): two weeks share at most half an hour for each half hour
 * both touch, which bounds the availability score without building either mentor. Built for
 * every slot by `warm` at start-up; a slot whose card changed since is rebuilt when next read.
 */
export class WeekGrid {
  private records = new Uint16Array(0);
  private slots = 0;
  private referenceTime = NaN;
  /** Weeks of more ranges than a record holds, each kept once, by their ranges. */
  private readonly apart: Uint16Array[] = [];
  private readonly apartIds = new Map<string, number>();
  private readonly mentee = new Uint16Array(CELLS_PER_WEEK + 1);
  /** Keeps the first loop's reads (see `sharedCellsOf`) from being optimised away. */
  private touched = 0;

  /** The mentee's week as half hours, or null when it says nothing (no bound from weeks then). */
  menteeCells(mentee: MatchMentee, referenceDate: Date): MenteeCells | null {
    const week = utcWeek(mentee, referenceDate);
    if (!week) return null;
    const cells = this.mentee;
    cells.fill(0);
    const ranges = rangesOf(week.utc);
    for (let r = 0; r < ranges.length; r += 2) {
      for (let cell = ranges[r]; cell < ranges[r + 1]; cell += 1) cells[cell + 1] = 1;
    }
    for (let cell = 1; cell <= CELLS_PER_WEEK; cell += 1) cells[cell] += cells[cell - 1];
    return cells;
  }

  /**
   * Where a slot's week comes from (an index into WEEK_SOURCES), once `sharedMinutesAtMost` has
   * seen it.
   */
  sourceOf(slot: number): number {
    return this.records[slot * RECORD] & SOURCE_MASK;
  }

  /** At most how many minutes a week a mentor's week shares with the mentee's. */
  sharedMinutesAtMost(
    slot: number,
    pool: WeekSlots,
    menteeCells: MenteeCells,
    referenceDate: Date,
  ): number {
    const code = this.codeOf(slot, pool, menteeCells, referenceDate);
    return (code % WEEK_SOURCE_STEP) * WEEK_GRID_MINUTES;
  }

  /** One slot's `sharedCellsOf` code. */
  codeOf(slot: number, pool: WeekSlots, menteeCells: MenteeCells, referenceDate: Date): number {
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
    menteeCells: MenteeCells,
    referenceDate: Date,
    codes: Uint16Array,
  ): void {
    this.fit(pool.slotCount, referenceDate);
    let touched = 0;
    for (let i = 0; i < count; i += 1) {
      const slot = slots[i];
      if (this.current(slot, pool, referenceDate)) touched ^= this.records[slot * RECORD + RANGES];
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
    const records = this.records;
    const stamp = pool.facts.stamp[slot];
    if ((records[at + STAMP] | (records[at + STAMP + 1] << 16)) >>> 0 === stamp) return true;
    const week = utcWeek(pool.week(slot), referenceDate);
    const ranges = rangesOf(week?.utc ?? []);
    const source = WEEK_SOURCES.indexOf(week?.source ?? null);
    records.fill(0, at, at + RECORD);
    if (ranges.length <= 2 * INLINE_RANGES) {
      records[at] = source | ((ranges.length / 2) << COUNT_SHIFT);
      records.set(ranges, at + RANGES);
    } else {
      const id = this.keptApart(ranges);
      records[at] = source | (KEPT_APART << COUNT_SHIFT);
      records[at + RANGES] = id & 0xffff;
      records[at + RANGES + 1] = id >>> 16;
    }
    records[at + STAMP] = stamp & 0xffff;
    records[at + STAMP + 1] = stamp >>> 16;
    return false;
  }

  private keptApart(ranges: readonly number[]): number {
    const key = ranges.join(',');
    let id = this.apartIds.get(key);
    if (id === undefined) {
      id = this.apart.length;
      this.apart.push(Uint16Array.from(ranges));
      this.apartIds.set(key, id);
    }
    return id;
  }

  /**
   * A record's code: its source, and the half hours both touch (the mentee's running count read
   * at each range's ends).
   */
  private codeAt(at: number, menteeCells: MenteeCells): number {
    const records = this.records;
    const header = records[at];
    const count = header >>> COUNT_SHIFT;
    let cells = 0;
    if (count === KEPT_APART) {
      const ranges = this.apart[records[at + RANGES] | (records[at + RANGES + 1] << 16)];
      for (let r = 0; r < ranges.length; r += 2) {
        cells += menteeCells[ranges[r + 1]] - menteeCells[ranges[r]];
      }
    } else {
      for (let r = at + RANGES, end = r + 2 * count; r < end; r += 2) {
        cells += menteeCells[records[r + 1]] - menteeCells[records[r]];
      }
    }
    return (header & SOURCE_MASK) * WEEK_SOURCE_STEP + cells;
  }

  private fit(slotCount: number, referenceDate: Date): void {
    if (referenceDate.getTime() !== this.referenceTime) {
      this.referenceTime = referenceDate.getTime();
      // Stamp 0 stands for no card: nothing is kept.
      for (let slot = 0; slot < this.slots; slot += 1) {
        this.records[slot * RECORD + STAMP] = 0;
        this.records[slot * RECORD + STAMP + 1] = 0;
      }
    }
    if (this.slots >= slotCount) return;
    this.slots = Math.max(slotCount, this.slots * 2);
    const records = new Uint16Array(this.slots * RECORD);
    records.set(this.records);
    this.records = records;
  }
}
