import type { CareerStage, GrowthArea, Track } from '@preceptor/taxonomy/reference';
import { stageGap } from '../scoring/criteria/stage.js';
import { trackRelation } from '../scoring/criteria/track.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '../scoring/match-weights.js';
import type { MentorPlace, TierFacts } from '../scoring/assessment.js';
import type { WeekPerson } from '../scoring/criteria/availability.js';
import { hasPlaceLeft, shareAFormat } from '../scoring/hard-rules.js';
import { boundTenths } from '../scoring/retrieval-bound.js';
import { specialtyValue } from '../scoring/criteria/specialty.js';
import { contributionTenths, matchScore, type MatchOptions } from '../scoring/score-match.js';
import { DEFAULT_REFERENCE_DATE } from '../scoring/weekly-time.js';
import {
  WEEK_GRID_MINUTES,
  WEEK_SOURCE_STEP,
  WEEK_SOURCES,
  WeekGrid,
  type WeekSlots,
} from './week-grid.js';
import type { Criterion } from '../scoring/score-components.js';
import { SPECIALTY_PROXIMITIES, type SpecialtyProximity } from '../scoring/specialty-graph.js';
import { SpecialtyRingCache, type SpecialtyRing, type SpecialtySet } from './specialty-rings.js';
import { isAfter, TopMatches, type MatchCursor, type Scored } from './top-matches.js';

/**
 * What a candidate is known by without building it: codes per slot into the lists beside them
 * (the mentor index's cards, read in place).
 */
export interface CandidateFacts {
  readonly tracks: readonly Track[];
  readonly track: ArrayLike<number>;
  readonly stages: readonly CareerStage[];
  readonly stage: ArrayLike<number>;
  /** Bit i of a slot's mask: offers `offerAreas[i]`. */
  readonly offerAreas: readonly GrowthArea[];
  readonly offers: ArrayLike<number>;
  /** `specialtiesPerSlot` ids per slot, 0 after the last. */
  readonly specialties: ArrayLike<number>;
  readonly specialtiesPerSlot: number;
  /** Codes of formats, country and region (equal codes, equal values), and what they mean. */
  readonly formats: ArrayLike<number>;
  readonly country: ArrayLike<number>;
  readonly region: ArrayLike<number>;
  place(slot: number): MentorPlace;
  readonly capacity: ArrayLike<number>;
  readonly activeMenteeCount: ArrayLike<number>;
  /** Per slot, a number that changes whenever the slot's mentor does (0: none). */
  readonly stamp: ArrayLike<number>;
}

/** The mentors a retrieval reads from: the mentor index, through a narrow window. */
export interface CandidatePool {
  /** Every visited slot is below this. */
  readonly slotCount: number;
  readonly facts: CandidateFacts;
  /**
   * Visits the candidates of `specialties` (null: everyone) that meet `conditions`, already
   * narrowed by the caller's filter and the hard rules the index knows. Slots may repeat across
   * calls.
   */
  forEachCandidate(
    specialties: SpecialtySet | null,
    conditions: CandidateConditions,
    visit: (slot: number) => void,
  ): void;
  /** The whole mentor, to score exactly. */
  mentor(slot: number): MatchMentor;
  /** Just what the mentor's week is made from. */
  week(slot: number): WeekPerson;
  userId(slot: number): string;
}

/**
 * What every candidate of one pass has: a stage and a track among those listed (when listed),
 * and for each list of `offersAnyOf`, at least one of its growth areas. Derived from the
 * bounds: mentors without them cannot reach the pass's threshold, so the index leaves them out
 * before anything is read.
 */
export interface CandidateConditions {
  readonly stages?: readonly CareerStage[];
  readonly tracks?: readonly Track[];
  readonly offersAnyOf?: readonly (readonly GrowthArea[])[];
}

export interface RetrievalOptions extends MatchOptions {
  /** How many matches to return (a page size plus one, to know whether more follow). */
  readonly limit: number;
  /** Only matches strictly after this one, in listing order. */
  readonly after?: MatchCursor;
  /** Score every candidate, with no tiers or bounds: the reference the tiers are held to. */
  readonly exhaustive?: boolean;
}

export interface RankedMentor extends Scored {
  readonly mentor: MatchMentor;
}

export interface Retrieval {
  /** The best `limit` eligible mentors after the cursor, best first. */
  readonly matches: RankedMentor[];
  /** Candidates scored in full. */
  readonly candidatesScored: number;
  /** Candidates looked at (bounded from their facts, most never scored). */
  readonly candidatesSeen: number;
  /** Tiers scanned before the bound stopped the scan (or all of them). */
  readonly tiersScanned: number;
  readonly tiers: number;
}

/** A candidate's upper bound in tenths of a point, in two parts: the week's share comes last. */
interface CandidateBounds {
  /**
   * Everything but the week (whose share counts at its most), for `count` slots into `into`; a
   * bound may stop early below `worstTenths`.
   */
  withoutWeek(slots: Int32Array, count: number, worstTenths: number, into: Int16Array): void;
  /** What the candidate's week takes off that bound (0 or less). */
  weekShare(slot: number): number;
  /** `weekShare` of `count` slots, into `into`. */
  weekShares(slots: Int32Array, count: number, into: Int16Array): void;
}

/**
 * A pass's week check: a candidate of the ring can be bounded at `ceiling` tenths at most before
 * their week is known, and is below the pass's `floor` (points) when their week's share takes
 * them under it.
 */
interface WeekCheck {
  readonly ceiling: number;
  readonly floor: number;
}

const NO_BOUND = 1000;
/** The bound of a candidate a hard rule excludes: below every k-th score, even with none yet. */
const EXCLUDED = -0x4000;
/** Not learnt yet, in a table of week shares (a share is 0 or less, above -NO_BOUND). */
const NO_SHARE = -0x8000;
/**
 * How far below a tier's best score each pass over it reaches, in points; the last pass goes
 * down to the k-th score found. Small steps first: the higher the threshold, the fewer mentors
 * meet its conditions, and a k-th score found above a threshold ends the tier there.
 */
const PASS_DEPTHS = [4, 8, 13, 19, 26];

/**
 * The exact top of scoring every eligible candidate, scoring few of them. Tiers by specialty
 * proximity come first (each tier's best score bounds the rest); within a tier every candidate
 * gets an upper bound from its facts (specialty, stage gap, track, goals offered: the same
 * `maxPossibleScore` the tiers use, as a sum of `BoundShares`), and candidates are scored in
 * full best bound first until the k-th score found beats every bound left. A bound equal to
 * the k-th score is still scored: it may win the mentor-id tiebreak.
 *
 * Holds reusable scratch space: one retrieval at a time, synchronously.
 */
export class TopMatchRetrieval {
  /** The slots looked at in this retrieval, a bit each. */
  private seen = new Uint32Array(0);
  private readonly rings = new SpecialtyRingCache();
  private readonly weeks = new WeekGrid();
  private slots = new Int32Array(1024);
  private bounds = new Int16Array(1024);
  private weekShares = new Int16Array(1024);
  /** `byBound`'s counting sort: where each level starts, the next free place, the result. */
  private readonly starts = new Int32Array(NO_BOUND + 2);
  private readonly next = new Int32Array(NO_BOUND + 2);
  private order = new Int32Array(1024);
  /** The last pass's candidates its week check held back (not marked seen). */
  private heldBack = new Int32Array(1024);
  private heldBackCount = 0;
  /** Keeps the cards' first reads (see `withoutWeek`) from being optimised away. */
  private touched = 0;

  /** Builds the weeks of slots `from` to `to` ahead of the requests that would (`WeekGrid.warm`). */
  warmWeeks(pool: WeekSlots, from: number, to: number, referenceDate?: Date): void {
    this.weeks.warm(pool, referenceDate ?? DEFAULT_REFERENCE_DATE, from, to);
  }

  retrieve(mentee: MatchMentee, pool: CandidatePool, options: RetrievalOptions): Retrieval {
    const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    const found = options.exhaustive ? undefined : this.rings.ringsOf(mentee, options.graph);
    const tiers: readonly (Omit<SpecialtyRing, 'specialty'> & {
      specialty: SpecialtyProximity | undefined;
    })[] = found?.rings ?? [{ specialty: undefined, set: null }];
    const top = new TopMatches<RankedMentor>(options.limit);
    const shares = new BoundShares(mentee, weights, pool.facts);
    // Each tier's ceiling in tenths (its class's `maxPossibleScore`, from the shares); each tier
    // bounds every mentor of the tiers after it too: take the running maximum.
    const ceilings = tiers.map((tier) =>
      tier.specialty === undefined ? Infinity : shares.ceiling(tier.specialty),
    );
    for (let t = ceilings.length - 2; t >= 0; t -= 1) {
      ceilings[t] = Math.max(ceilings[t], ceilings[t + 1]);
    }
    const tierBounds = ceilings.map((tenths) => tenths / 10);
    const bounds: CandidateBounds = found
      ? this.bounder(mentee, pool, shares, found.classRank.length, options)
      : {
          withoutWeek: (_slots, count, _worst, into) => into.fill(NO_BOUND, 0, count),
          weekShare: () => 0,
          weekShares: (_slots, count, into) => into.fill(0, 0, count),
        };
    this.freshSeen(pool.slotCount);
    const counts = { seen: 0, scored: 0 };
    let tiersScanned = 0;
    for (const [t, tier] of tiers.entries()) {
      if (options.limit <= 0) break;
      if (top.full && tierBounds[t] < top.worst!.score) break;
      tiersScanned += 1;
      // Passes over the tier with falling thresholds: the first visits only mentors whose
      // stage, track and offers can still reach near the tier's best; each later one lowers the
      // bar, until the k-th score found is above it (the rest cannot get in) or none is left.
      let previous = '';
      this.heldBackCount = 0;
      for (const optimistic of [...PASS_DEPTHS.map((depth) => tierBounds[t] - depth), -1]) {
        const worst = top.full ? top.worst!.score : -1;
        const floor = Math.max(optimistic, worst);
        const conditions = options.exhaustive
          ? {}
          : passConditions(shares, tier.specialty, floor, pool.facts);
        // A candidate whose week alone takes them below the floor waits for a later pass (the
        // week is no pass condition). Checked only where some week could: losing it all.
        const weekCheck =
          (ceilings[t] - shares.weekUnknown) / 10 < floor ? { ceiling: ceilings[t], floor } : null;
        // The same conditions as the pass before: only those their week held back can be new.
        const key = JSON.stringify(conditions);
        const again = key === previous;
        if (conditions && (!again || this.heldBackCount > 0)) {
          this.scorePass(
            mentee,
            pool,
            tier.set,
            conditions,
            top,
            bounds,
            options,
            counts,
            weekCheck,
            again,
          );
        }
        previous = key;
        // Every mentor not visited yet is below the floor: done once the k-th score reaches it.
        if (top.full && top.worst!.score >= floor) break;
      }
    }
    return {
      matches: top.sorted(),
      candidatesScored: counts.scored,
      candidatesSeen: counts.seen,
      tiersScanned,
      tiers: tiers.length,
    };
  }

  /** Visits one pass's candidates, bounds each, and scores them best bound first. */
  private scorePass(
    mentee: MatchMentee,
    pool: CandidatePool,
    specialties: SpecialtySet | null,
    conditions: CandidateConditions,
    top: TopMatches<RankedMentor>,
    bounds: CandidateBounds,
    options: RetrievalOptions,
    counts: { seen: number; scored: number },
    weekCheck: WeekCheck | null,
    heldBackOnly: boolean,
  ): void {
    const seen = this.seen;
    const worstTenths = top.full ? Math.round(top.worst!.score * 10) : -1;
    // Collect first, bound after: one tight loop over the candidates' cards lets the processor
    // fetch several of them at once, where bounding inside the index's walk waited for each.
    let visited = 0;
    if (heldBackOnly) {
      // The index would bring the same candidates again: take those the week held back.
      while (this.slots.length < this.heldBackCount) this.widen();
      this.slots.set(this.heldBack.subarray(0, this.heldBackCount));
      visited = this.heldBackCount;
    } else {
      pool.forEachCandidate(specialties, conditions, (slot) => {
        if (visited === this.slots.length) this.widen();
        this.slots[visited] = slot;
        visited += 1;
      });
    }
    this.heldBackCount = 0;
    // Each step runs over the whole list before the next, so that the cards' reads (cache misses
    // at a million mentors) of many candidates are in flight at once.
    const slots = this.slots;
    let fresh = 0;
    for (let i = 0; i < visited; i += 1) {
      const slot = slots[i];
      if ((seen[slot >>> 5] & (1 << (slot & 31))) === 0) slots[fresh++] = slot;
    }
    // Below this pass's floor on their week alone: not marked seen, so a later pass with a lower
    // floor takes them. Most candidates share no half hour with the mentee.
    let kept = fresh;
    if (weekCheck) {
      const weekShares = this.weekShares;
      bounds.weekShares(slots, fresh, weekShares);
      kept = 0;
      for (let i = 0; i < fresh; i += 1) {
        if ((weekCheck.ceiling + weekShares[i]) / 10 < weekCheck.floor) this.holdBack(slots[i]);
        else slots[kept++] = slots[i];
      }
    }
    for (let i = 0; i < kept; i += 1) seen[slots[i] >>> 5] |= 1 << (slots[i] & 31);
    counts.seen += kept;
    const allBounds = this.bounds;
    bounds.withoutWeek(slots, kept, worstTenths, allBounds);
    let count = 0;
    for (let i = 0; i < kept; i += 1) {
      if (allBounds[i] < worstTenths) continue;
      slots[count] = slots[i];
      allBounds[count] = allBounds[i];
      count += 1;
    }
    const { order, starts } = this.byBound(count);
    // Candidates sit at the level of their bound without the week; the week's share is learnt
    // when their level comes up and, when it lowers the bound, they move down to wait there.
    // Most candidates are never reached, and never pay for their week.
    const later = new Map<number, number[]>();
    for (let level = 0; level <= NO_BOUND; level += 1) {
      const from = starts[level];
      const to = starts[level + 1];
      const waiting = later.size === 0 ? undefined : later.get(level);
      if (from === to && !waiting) continue;
      const bound = NO_BOUND - level;
      const worst = top.full ? top.worst! : undefined;
      if (worst && bound < Math.round(worst.score * 10)) break;
      const here: number[] = waiting ?? [];
      for (let i = from; i < to; i += 1) {
        const slot = order[i];
        const full = bound + bounds.weekShare(slot);
        if (full === bound) here.push(slot);
        else if (!worst || full >= Math.round(worst.score * 10)) {
          const at = NO_BOUND - full;
          const list = later.get(at);
          if (list) list.push(slot);
          else later.set(at, [slot]);
        }
      }
      // Once the k-th score is this level's (at the start, or as the heap fills), only a lower
      // mentor id can still get in: the rest go in id order, stopping at the first id above
      // the k-th's.
      let slots = here;
      let inIdOrder = false;
      for (let i = 0; i < slots.length; i += 1) {
        const kth = top.full ? top.worst! : undefined;
        if (kth && Math.round(kth.score * 10) === bound) {
          if (!inIdOrder) {
            slots = this.inIdOrder(slots.slice(i), pool);
            inIdOrder = true;
            i = 0;
          }
          if (pool.userId(slots[i]) > kth.id) break;
        }
        const slot = slots[i];
        const mentor = pool.mentor(slot);
        counts.scored += 1;
        const score = matchScore(mentee, mentor, options);
        if (score === null) continue;
        const candidate = { id: mentor.userId, score };
        if (!isAfter(candidate, options.after) || !top.admits(candidate)) continue;
        top.offer({ ...candidate, mentor });
      }
    }
  }

  /**
   * A candidate's upper bound in tenths of a point, from its facts: its specialties' share, the
   * mentee's `BoundShares` for its stage and track and goals offered, then its own place and load.
   */
  private bounder(
    mentee: MatchMentee,
    pool: CandidatePool,
    shares: BoundShares,
    specialtyIdLimit: number,
    options: RetrievalOptions,
  ): CandidateBounds {
    const facts = pool.facts;
    const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    // A candidate's specialty share is exactly what scoring gives: the largest of its
    // specialties' (a class bounds a mentor in the specialty a mentee with a target is leaving
    // at the full class value, where scoring gives them 0.9 of it). Learnt per specialty id.
    const specialtyTenths = (ids: readonly number[]): number =>
      contributionTenths(weights.specialty, specialtyValue(options.graph, mentee, ids));
    const noSpecialty = specialtyTenths([]);
    const byId = new Int16Array(specialtyIdLimit).fill(-1);
    // Place and load are learnt per candidate, after the cheaper facts: their share of the
    // bound starts at its most and is swapped for the candidate's own.
    const unknownPlace = shares.placeUnknown;
    const unknownLoad = shares.loadUnknown;
    const placeTenths = new Map<number, number>();
    const loadTenths = new Map<number, number>();
    const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
    const menteeCells = this.weeks.menteeCells(mentee, referenceDate);
    const unknownWeek = shares.weekUnknown;
    const weeks = this.weeks;
    const goalBits = shares.goals.map((goal) => {
      const at = facts.offerAreas.indexOf(goal);
      return at < 0 ? 0 : 1 << at;
    });
    const perSlot = facts.specialtiesPerSlot;
    const metOf = (offers: number): number => {
      let met = 0;
      for (let g = 0; g < goalBits.length; g += 1) if ((offers & goalBits[g]) !== 0) met |= 1 << g;
      return met;
    };
    // Which goals an offers mask meets, looked up rather than counted (8 growth areas: 256).
    const metTable =
      facts.offerAreas.length <= 12
        ? Uint8Array.from({ length: 1 << facts.offerAreas.length }, (_, offers) => metOf(offers))
        : null;
    const boundOf = (slot: number, worstTenths: number): number => {
      let specialty = noSpecialty;
      for (let i = slot * perSlot, end = i + perSlot; i < end; i += 1) {
        const id = facts.specialties[i];
        if (id === 0) break;
        // Ids past the table are not in the taxonomy: worth what no specialty is.
        if (id >= byId.length) continue;
        let tenths = byId[id];
        if (tenths < 0) {
          tenths = specialtyTenths([id]);
          byId[id] = tenths;
        }
        if (tenths > specialty) specialty = tenths;
      }
      const offers = facts.offers[slot];
      const stageTrack = shares.stageTrack(facts.stage[slot], facts.track[slot]);
      // Behind the mentee's stage: `maxPossibleScore` is 0 (the passes never list that stage).
      const bound =
        stageTrack < 0
          ? 0
          : specialty +
            stageTrack +
            shares.goalSet(metTable ? metTable[offers] : metOf(offers)) +
            shares.rest;
      if (bound < worstTenths) return bound;
      // No format in common, or no place left: excluded by a hard rule, never scored.
      const placeKey = placeKeyOf(facts.formats[slot], facts.country[slot], facts.region[slot]);
      let place = placeTenths.get(placeKey);
      if (place === undefined) {
        const where = facts.place(slot);
        place = shareAFormat(mentee, where)
          ? boundTenths('location', mentee, { place: where }, weights)
          : EXCLUDED;
        placeTenths.set(placeKey, place);
      }
      const loadKey = facts.capacity[slot] * 0x10000 + facts.activeMenteeCount[slot];
      let load = loadTenths.get(loadKey);
      if (load === undefined) {
        const taken = {
          capacity: facts.capacity[slot],
          activeMenteeCount: facts.activeMenteeCount[slot],
        };
        load = hasPlaceLeft(taken)
          ? boundTenths('load', mentee, { load: taken }, weights)
          : EXCLUDED;
        loadTenths.set(loadKey, load);
      }
      if (place === EXCLUDED || load === EXCLUDED) return EXCLUDED;
      return bound + place + load - unknownPlace - unknownLoad;
    };
    const withoutWeek = (
      slots: Int32Array,
      count: number,
      worstTenths: number,
      into: Int16Array,
    ): void => {
      // A first loop reads one field of each card so that their cache misses overlap.
      let touched = 0;
      for (let i = 0; i < count; i += 1) {
        const slot = slots[i];
        touched ^= facts.specialties[slot * perSlot] ^ facts.offers[slot] ^ facts.stage[slot];
        touched ^= facts.track[slot] ^ facts.formats[slot] ^ facts.capacity[slot];
      }
      this.touched = touched;
      for (let i = 0; i < count; i += 1) into[i] = boundOf(slots[i], worstTenths);
    };
    // The week: at most half an hour for each half hour of the week both touch. Its share by
    // the grid's code (source and half hours shared), learnt as codes come.
    const byCode = new Int16Array(WEEK_SOURCES.length * WEEK_SOURCE_STEP).fill(NO_SHARE);
    const shareOf = (code: number): number => {
      let share = byCode[code];
      if (share === NO_SHARE) {
        const source = Math.floor(code / WEEK_SOURCE_STEP);
        const minutesAtMost = (code - source * WEEK_SOURCE_STEP) * WEEK_GRID_MINUTES;
        share =
          boundTenths(
            'availability',
            mentee,
            { week: { source: WEEK_SOURCES[source], minutesAtMost } },
            weights,
          ) - unknownWeek;
        byCode[code] = share;
      }
      return share;
    };
    const weekShare = (slot: number): number =>
      menteeCells === null ? 0 : shareOf(weeks.codeOf(slot, pool, menteeCells, referenceDate));
    let codes = new Uint16Array(1024);
    const weekShares = (slots: Int32Array, count: number, into: Int16Array): void => {
      if (menteeCells === null) {
        into.fill(0, 0, count);
        return;
      }
      if (codes.length < count) codes = new Uint16Array(slots.length);
      weeks.sharedCellsOf(slots, count, pool, menteeCells, referenceDate, codes);
      for (let i = 0; i < count; i += 1) into[i] = shareOf(codes[i]);
    };
    return { withoutWeek, weekShare, weekShares };
  }

  /**
   * The first `count` collected slots grouped by bound, highest first (a counting sort over
   * tenths of a point): level L (bound NO_BOUND − L) is order[starts[L]] to order[starts[L + 1]].
   */
  private byBound(count: number): { order: Int32Array; starts: Int32Array } {
    const starts = this.starts.fill(0);
    for (let i = 0; i < count; i += 1) starts[NO_BOUND - this.bounds[i] + 1] += 1;
    for (let level = 1; level < starts.length; level += 1) starts[level] += starts[level - 1];
    if (this.order.length < count) this.order = new Int32Array(this.slots.length);
    const order = this.order;
    const next = this.next;
    next.set(starts);
    for (let i = 0; i < count; i += 1) order[next[NO_BOUND - this.bounds[i]]++] = this.slots[i];
    return { order, starts };
  }

  private inIdOrder(slots: readonly number[], pool: CandidatePool): number[] {
    return [...slots]
      .map((slot) => ({ slot, id: pool.userId(slot) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ slot }) => slot);
  }

  private freshSeen(slotCount: number): Uint32Array {
    const words = Math.ceil(slotCount / 32);
    if (this.seen.length < words)
      this.seen = new Uint32Array(Math.max(words, this.seen.length * 2));
    else this.seen.fill(0, 0, words);
    return this.seen;
  }

  private holdBack(slot: number): void {
    if (this.heldBackCount === this.heldBack.length) {
      const heldBack = new Int32Array(this.heldBack.length * 2);
      heldBack.set(this.heldBack);
      this.heldBack = heldBack;
    }
    this.heldBack[this.heldBackCount] = slot;
    this.heldBackCount += 1;
  }

  private widen(): void {
    const slots = new Int32Array(this.slots.length * 2);
    slots.set(this.slots);
    this.slots = slots;
    const bounds = new Int16Array(this.bounds.length * 2);
    bounds.set(this.bounds);
    this.bounds = bounds;
    this.weekShares = new Int16Array(this.weekShares.length * 2);
  }
}

/**
 * One number per combination of formats, country and region codes: a small integer for the
 * codes a national index holds (V8 looks those up in a Map several times faster), unique
 * negative otherwise.
 */
function placeKeyOf(formats: number, country: number, region: number): number {
  return formats < 8 && country < 0x4000 && region < 0x2000
    ? (region << 17) | (country << 3) | formats
    : -((formats * 0x10000 + country) * 0x10000 + region) - 1;
}

/**
 * One mentee's `maxPossibleScore` as the sum of its components' shares in tenths, each share
 * computed once per fact value: a request's pass conditions then cost additions instead of
 * thousands of component bounds. Sums are divided by 10 before comparing, as `maxPossibleScore`
 * does, so every comparison is the same.
 */
export class BoundShares {
  /** The unique goals, top first: bit g of a goal set stands for goals[g]. */
  readonly goals: GrowthArea[];
  /** Stage and track shares with nothing known about either. */
  readonly stageTrackUnknown: number;
  /** The goals share with what a mentor offers unknown. */
  readonly goalsUnknown: number;
  /** Each of these at its most, until a candidate's own is learnt. */
  readonly placeUnknown: number;
  readonly loadUnknown: number;
  readonly weekUnknown: number;
  /** Availability, location and load at their most. */
  readonly rest: number;
  private readonly stageTracks: Int16Array;
  private readonly goalSets: Int16Array;
  /** By index into SPECIALTY_PROXIMITIES, then one more for an unknown class. */
  private readonly specialties: Int16Array;

  constructor(
    private readonly mentee: MatchMentee,
    private readonly weights: MatchWeights,
    private readonly facts: CandidateFacts,
  ) {
    const tenths = (criterion: Criterion, known: TierFacts) =>
      boundTenths(criterion, mentee, known, weights);
    this.goals = [...new Set(mentee.goals)];
    this.stageTrackUnknown = tenths('stage', {}) + tenths('track', {});
    this.goalsUnknown = tenths('goals', {});
    this.placeUnknown = tenths('location', {});
    this.loadUnknown = tenths('load', {});
    this.weekUnknown = tenths('availability', {});
    this.rest = this.weekUnknown + this.placeUnknown + this.loadUnknown;
    this.specialties = Int16Array.from([
      ...SPECIALTY_PROXIMITIES.map((specialty) => tenths('specialty', { specialty })),
      tenths('specialty', {}),
    ]);
    const tracks = facts.tracks.length;
    this.stageTracks = new Int16Array(facts.stages.length * tracks);
    for (const [s, careerStage] of facts.stages.entries()) {
      const gap = stageGap(mentee, { careerStage } as MatchMentor);
      for (const [t, track] of facts.tracks.entries()) {
        this.stageTracks[s * tracks + t] =
          gap < 0
            ? -1
            : tenths('stage', { stageGap: gap }) +
              tenths('track', { trackRelation: trackRelation(track, careerStage, mentee.track) });
      }
    }
    this.goalSets = new Int16Array(1 << this.goals.length).fill(-1);
  }

  /**
   * The most a mentor of this specialty class can be bounded at before their facts are read:
   * `maxPossibleScore` with only the class known, in tenths.
   */
  ceiling(specialty: SpecialtyProximity): number {
    return this.specialty(specialty) + this.stageTrackUnknown + this.goalsUnknown + this.rest;
  }

  specialty(specialty: SpecialtyProximity | undefined): number {
    return this.specialtyAt(
      specialty === undefined
        ? SPECIALTY_PROXIMITIES.length
        : SPECIALTY_PROXIMITIES.indexOf(specialty),
    );
  }

  /** The specialty share of class SPECIALTY_PROXIMITIES[rank]. */
  specialtyAt(rank: number): number {
    return this.specialties[rank];
  }

  /** Stage and track shares of a mentor at facts.stages[s] on facts.tracks[t]; -1 when behind. */
  stageTrack(s: number, t: number): number {
    return this.stageTracks[s * this.facts.tracks.length + t];
  }

  /** The goals share when a mentor offers the goals of `set` (bits over `goals`). */
  goalSet(set: number): number {
    let share = this.goalSets[set];
    if (share < 0) {
      const offers = this.goals.filter((_, g) => (set & (1 << g)) !== 0);
      share = boundTenths('goals', this.mentee, { offers }, this.weights);
      this.goalSets[set] = share;
    }
    return share;
  }
}

/**
 * Conditions a candidate of this specialty class needs to reach `threshold`, from the same
 * bounds as everything else: stages and tracks whose best combination reaches it, and each goal
 * without which the bound falls below it. Null when no candidate can. Stages behind the mentee's
 * are never listed: this is where the index applies that hard rule, the last pass (a negative
 * threshold) included.
 */
function passConditions(
  shares: BoundShares,
  specialty: SpecialtyProximity | undefined,
  threshold: number,
  facts: CandidateFacts,
): CandidateConditions | null {
  const stages = new Set<CareerStage>();
  const tracks = new Set<Track>();
  const others = shares.specialty(specialty) + shares.goalsUnknown + shares.rest;
  for (const [t, track] of facts.tracks.entries()) {
    for (const [s, careerStage] of facts.stages.entries()) {
      const stageTrack = shares.stageTrack(s, t);
      if (stageTrack < 0) continue;
      if ((others + stageTrack) / 10 >= threshold) {
        stages.add(careerStage);
        tracks.add(track);
      }
    }
  }
  if (stages.size === 0) return null;
  const offersAnyOf = threshold < 0 ? [] : goalConditions(shares, specialty, threshold);
  if (offersAnyOf === null) return null;
  return {
    ...(stages.size < facts.stages.length ? { stages: [...stages] } : {}),
    ...(tracks.size < facts.tracks.length ? { tracks: [...tracks] } : {}),
    ...(offersAnyOf.length > 0 ? { offersAnyOf } : {}),
  };
}

/**
 * The goals a candidate must offer to reach `threshold`, as "at least one of" lists: for each
 * largest set of goals whose offer still leaves the bound below it, one of the other goals.
 * (The goals' share of the bound only grows with each goal offered, so a mentor passes every
 * list exactly when what they offer is no such set.) Null when even every goal is not enough.
 */
function goalConditions(
  shares: BoundShares,
  specialty: SpecialtyProximity | undefined,
  threshold: number,
): GrowthArea[][] | null {
  const goals = shares.goals;
  const sets = 1 << goals.length;
  const others = shares.specialty(specialty) + shares.stageTrackUnknown + shares.rest;
  const short = new Array<boolean>(sets);
  for (let set = 0; set < sets; set += 1) {
    short[set] = (others + shares.goalSet(set)) / 10 < threshold;
  }
  if (short[sets - 1]) return null;
  const lists: GrowthArea[][] = [];
  for (let set = 0; set < sets; set += 1) {
    if (!short[set]) continue;
    // Only the largest short sets: a smaller one's list is implied by a larger one's.
    let largest = true;
    for (let g = 0; g < goals.length; g += 1) {
      if ((set & (1 << g)) === 0 && short[set | (1 << g)]) largest = false;
    }
    if (largest) lists.push(goals.filter((_, g) => (set & (1 << g)) === 0));
  }
  return lists;
}
