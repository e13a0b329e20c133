import { utcWeek, type WeekSource } from '../scoring/criteria/availability.js';
import type { MatchMentee } from '../scoring/match-profiles.js';
import type { WeekInterval } from '../scoring/weekly-time.js';
import type { CandidatePool } from './retrieve-top-matches.js';

/** Index 0: the week says nothing; then the sources (as stored per slot). */
export const WEEK_SOURCES: readonly (WeekSource | null)[] = [null, 'windows', 'shift'];

/**
 * The week cut into half hours: most windows people give and nearly every time zone fall on
 * them, so the bound is usually the exact overlap. Any other window still gets a bound, only a
 * looser one (a touched half hour counts whole).
 */
const WEEK_GRID_MINUTES = 30;
const CELLS_PER_WEEK = (7 * 24 * 60) / WEEK_GRID_MINUTES;
const WORDS = Math.ceil(CELLS_PER_WEEK / 32);

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

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Each mentor's week as the half hours (UTC) it touches, kept per slot and rebuilt only when
 * the slot's card changes (its stamp): two weeks share at most half an hour for each half hour
 * both touch, which bounds the availability score without building either mentor. Computed on
 * first use, so the first requests after start-up pay for the mentors they reach.
 */
export class WeekGrid {
  private cells = new Uint32Array(0);
  private stamps = new Uint32Array(0);
  private sources = new Uint8Array(0);
  private referenceTime = NaN;
  private readonly mentee = new Uint32Array(WORDS);

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
    return this.sources[slot];
  }

  /** At most how many minutes a week a mentor's week shares with the mentee's. */
  sharedMinutesAtMost(
    slot: number,
    pool: CandidatePool,
    menteeCells: Uint32Array,
    referenceDate: Date,
  ): number {
    this.fit(pool.slotCount, referenceDate);
    const stamp = pool.facts.stamp[slot];
    const at = slot * WORDS;
    if (this.stamps[slot] !== stamp) {
      const week = utcWeek(pool.mentor(slot), referenceDate);
      this.sources[slot] = WEEK_SOURCES.indexOf(week?.source ?? null);
      cellsOf(week?.utc ?? [], this.cells, at);
      this.stamps[slot] = stamp;
    }
    let cells = 0;
    for (let w = 0; w < WORDS; w += 1) cells += popcount(this.cells[at + w] & menteeCells[w]);
    return cells * WEEK_GRID_MINUTES;
  }

  private fit(slotCount: number, referenceDate: Date): void {
    if (referenceDate.getTime() !== this.referenceTime) {
      this.referenceTime = referenceDate.getTime();
      this.stamps.fill(0);
    }
    if (this.stamps.length >= slotCount) return;
    const size = Math.max(slotCount, this.stamps.length * 2);
    const cells = new Uint32Array(size * WORDS);
    cells.set(this.cells);
    this.cells = cells;
    const stamps = new Uint32Array(size);
    stamps.set(this.stamps);
    this.stamps = stamps;
    const sources = new Uint8Array(size);
    sources.set(this.sources);
    this.sources = sources;
  }
}
