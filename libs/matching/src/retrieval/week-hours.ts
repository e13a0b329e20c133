import { utcWeek, type WeekSource } from '../scoring/criteria/availability.js';
import type { MatchMentee } from '../scoring/match-profiles.js';
import type { WeekInterval } from '../scoring/weekly-time.js';
import type { CandidatePool } from './retrieve-top-matches.js';

/** Index 0: the week says nothing; then the sources (as stored per slot). */
export const WEEK_SOURCES: readonly (WeekSource | null)[] = [null, 'windows', 'shift'];

const HOURS_PER_WEEK = 168;
const WORDS = Math.ceil(HOURS_PER_WEEK / 32);

/** The hours of the week (UTC) an interval list touches, as bits. */
function hoursOf(utc: readonly WeekInterval[], into: Uint32Array, at: number): void {
  into.fill(0, at, at + WORDS);
  for (const [start, end] of utc) {
    for (let hour = Math.floor(start / 60); hour * 60 < end && hour < HOURS_PER_WEEK; hour += 1) {
      into[at + (hour >>> 5)] |= 1 << (hour & 31);
    }
  }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Each mentor's week as the hours (UTC) it touches, kept per slot and rebuilt only when the
 * slot's card changes (its stamp): two weeks share at most an hour for each hour both touch,
 * which bounds the availability score without building either mentor. Computed on first use, so
 * the first requests after start-up pay for the mentors they reach.
 */
export class WeekHours {
  private hours = new Uint32Array(0);
  private stamps = new Uint32Array(0);
  private sources = new Uint8Array(0);
  private referenceTime = NaN;
  private readonly mentee = new Uint32Array(WORDS);

  /** The mentee's week as hours, or null when it says nothing (no bound from weeks then). */
  menteeHours(mentee: MatchMentee, referenceDate: Date): Uint32Array | null {
    const week = utcWeek(mentee, referenceDate);
    if (!week) return null;
    hoursOf(week.utc, this.mentee, 0);
    return this.mentee;
  }

  /** Where a slot's week comes from (an index into WEEK_SOURCES), once `sharedHours` has seen it. */
  sourceOf(slot: number): number {
    return this.sources[slot];
  }

  /** How many hours of a mentor's week the mentee's week touches too. */
  sharedHours(
    slot: number,
    pool: CandidatePool,
    menteeHours: Uint32Array,
    referenceDate: Date,
  ): number {
    this.fit(pool.slotCount, referenceDate);
    const stamp = pool.facts.stamp[slot];
    const at = slot * WORDS;
    if (this.stamps[slot] !== stamp) {
      const week = utcWeek(pool.mentor(slot), referenceDate);
      this.sources[slot] = WEEK_SOURCES.indexOf(week?.source ?? null);
      hoursOf(week?.utc ?? [], this.hours, at);
      this.stamps[slot] = stamp;
    }
    let hours = 0;
    for (let w = 0; w < WORDS; w += 1) hours += popcount(this.hours[at + w] & menteeHours[w]);
    return hours;
  }

  private fit(slotCount: number, referenceDate: Date): void {
    if (referenceDate.getTime() !== this.referenceTime) {
      this.referenceTime = referenceDate.getTime();
      this.stamps.fill(0);
    }
    if (this.stamps.length >= slotCount) return;
    const size = Math.max(slotCount, this.stamps.length * 2);
    const hours = new Uint32Array(size * WORDS);
    hours.set(this.hours);
    this.hours = hours;
    const stamps = new Uint32Array(size);
    stamps.set(this.stamps);
    this.stamps = stamps;
    const sources = new Uint8Array(size);
    sources.set(this.sources);
    this.sources = sources;
  }
}
