import { CAREER_STAGES, FORMATS, GROWTH_AREAS, maskOf, TRACKS } from '@preceptor/profiles';
import type { TierFacts } from '../scoring/assessment.js';
import { stageGap } from '../scoring/criteria/stage.js';
import { trackRelation } from '../scoring/criteria/track.js';
import { takesMentees } from '../scoring/hard-rules.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '../scoring/match-weights.js';
import { boundTenths } from '../scoring/retrieval-bound.js';
import { SCORE_COMPONENTS, type Criterion } from '../scoring/score-components.js';
import { contributionTenths, matchScore, type MatchOptions } from '../scoring/score-match.js';
import { SPECIALTY_PROXIMITIES } from '../scoring/specialty-graph.js';
import {
  ANY_FORMAT,
  MENTEE_LANGUAGES,
  MENTEE_SPECIALTIES,
  GOAL_BITS,
  STANDINGS,
  type MenteeFacts,
} from '../mentee-index/mentee-facts.js';
import { isAfter, TopMatches, type MatchCursor, type Scored } from './top-matches.js';

/** The whole of a mentee read for scoring, with whatever else the caller keeps of them. */
export interface LoadedMentee {
  readonly mentee: MatchMentee;
}

export interface MenteeRetrievalOptions extends MatchOptions {
  /** How many to return (a page size plus one, to know whether more follow). */
  readonly limit: number;
  readonly after?: MatchCursor;
}

export interface RankedMentee<T extends LoadedMentee> extends Scored {
  readonly loaded: T;
}

export interface MenteeRetrieval<T extends LoadedMentee> {
  /** The best `limit` mentees after the cursor, best first. */
  readonly ranked: RankedMentee<T>[];
  /** Mentees read and scored in full. */
  readonly candidatesScored: number;
  /** Mentees bounded from their facts (of the standings that could reach the page) and allowed. */
  readonly candidatesBounded: number;
}

/**
 * Mentees read per round trip: the first a few pages' worth (it usually settles the page), each
 * next one twice as many, up to the last.
 */
const FIRST_LOAD_PAGES = 4;
const LAST_LOAD_BATCH = 1024;
const NO_BOUND = 1000;
const GOAL_MASK = 2 ** GOAL_BITS - 1;
/** Stands in for a mentee in the bound functions; each known fact is set over it. */
const SOMEONE: MatchMentee = {
  userId: '',
  track: TRACKS[0],
  careerStage: CAREER_STAGES[0],
  specialtyIds: [],
  targetSpecialtyId: null,
  goals: [],
  languages: [],
  meetingFormats: [],
  country: null,
  region: null,
  timeZone: 'UTC',
  shiftPattern: null,
  availability: [],
};
/** Components a mentee's facts decide (with the mentor's own load); the others count in full. */
const KNOWN: ReadonlySet<Criterion> = new Set(['specialty', 'goals', 'stage', 'track', 'load']);

/**
 * The most each mentee can score with one mentor, from the mentee index's facts alone: goals,
 * stage gap, track and the mentor's load as scoring sees them, specialty at its proximity class,
 * availability and location at their most. Every share comes from the criteria's own upper
 * bounds (`boundTenths`), in tenths of a point; -1 for a mentee the hard rules exclude.
 */
export class MenteeBounds {
  private readonly rankOf: Int8Array;
  private readonly specialtyTenths: Int16Array;
  private readonly unknownSpecialtyTenths: number;
  /** By stage index × TRACKS.length + track index; -1 when the mentee is ahead of the mentor. */
  private readonly stageTrackTenths: Int16Array;
  /** By goals ranked (n) × 256 + which ranks the mentor offers (bits); -1 until computed. */
  private readonly goalsTenths = new Int16Array((GROWTH_AREAS.length + 1) * 256).fill(-1);
  private readonly goalsOffered: (key: number) => number;
  /** By a packed goal's code (index into GROWTH_AREAS plus one): 1 when the mentor offers it. */
  private readonly offered: Uint8Array;
  private readonly restTenths: number;
  /** The goals' share at its most (every goal a mentee ranks offered). */
  private readonly goalsAtMost: number;
  private readonly speaks: Uint8Array;
  private readonly formats: number;
  private readonly self: number;

  constructor(
    mentor: MatchMentor,
    private readonly facts: MenteeFacts,
    options: MatchOptions,
  ) {
    const weights: MatchWeights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    const graph = options.graph;
    const none = SPECIALTY_PROXIMITIES.length - 1;
    // Every id a slot can hold (16 bits): ids past the taxonomy are no closer than NONE.
    this.rankOf = new Int8Array(2 ** 16).fill(none);
    for (const node of graph.nodes()) {
      for (const mentorId of mentor.specialtyIds) {
        const rank = SPECIALTY_PROXIMITIES.indexOf(graph.proximity(mentorId, node.id));
        if (rank < this.rankOf[node.id]) this.rankOf[node.id] = rank;
      }
    }
    const tenths = (criterion: Criterion, mentee: MatchMentee, known: TierFacts) =>
      boundTenths(criterion, mentee, known, weights);
    // Any chosen specialty makes the class count; none at all is its own value.
    const chosen = { ...SOMEONE, specialtyIds: [0] };
    this.specialtyTenths = Int16Array.from(SPECIALTY_PROXIMITIES, (specialty) =>
      tenths('specialty', chosen, { specialty }),
    );
    this.unknownSpecialtyTenths = tenths('specialty', SOMEONE, {});
    this.stageTrackTenths = new Int16Array(STANDINGS);
    for (const [s, careerStage] of CAREER_STAGES.entries()) {
      for (const [t, track] of TRACKS.entries()) {
        const mentee = { ...SOMEONE, careerStage, track };
        const gap = stageGap(mentee, mentor);
        this.stageTrackTenths[s * TRACKS.length + t] =
          gap < 0
            ? -1
            : tenths('stage', mentee, { stageGap: gap }) +
              tenths('track', mentee, {
                trackRelation: trackRelation(mentor.track, mentor.careerStage, track),
              });
      }
    }
    this.goalsAtMost = contributionTenths(weights.goals, 1);
    this.restTenths = SCORE_COMPONENTS.reduce(
      (sum, { criterion }) =>
        sum +
        (criterion === 'load'
          ? tenths('load', SOMEONE, { load: mentor })
          : KNOWN.has(criterion)
            ? 0
            : contributionTenths(weights[criterion], 1)),
      0,
    );
    // The goals' value depends only on how many are ranked and which ranks are offered.
    this.goalsOffered = (key) => {
      const goals = GROWTH_AREAS.slice(0, key >>> 8);
      const offers = goals.filter((_, rank) => (key & (1 << rank)) !== 0);
      return tenths('goals', { ...SOMEONE, goals }, { offers });
    };
    this.offered = Uint8Array.from({ length: GROWTH_AREAS.length + 1 }, (_, code) =>
      code > 0 && mentor.offers.includes(GROWTH_AREAS[code - 1]) ? 1 : 0,
    );
    // Every code a slot can hold (16 bits).
    this.speaks = new Uint8Array(2 ** 16);
    for (const language of mentor.languages) {
      const code = facts.languageCode(language);
      if (code > 0) this.speaks[code] = 1;
    }
    this.formats = maskOf(FORMATS, mentor.meetingFormats) || ANY_FORMAT;
    this.self = facts.slotOf(mentor.userId);
  }

  /**
   * The most any mentee of each standing (stage index × TRACKS.length + track index) can be
   * bounded at: their stage and track's share, every other fact at its best; -1 when the hard
   * rules exclude the standing.
   */
  standingCeilings(): Int16Array {
    const specialtyAtMost = Math.max(this.unknownSpecialtyTenths, ...this.specialtyTenths);
    return this.stageTrackTenths.map((stageTrack) =>
      stageTrack < 0 ? -1 : stageTrack + specialtyAtMost + this.goalsAtMost + this.restTenths,
    );
  }

  /**
   * The bound in tenths of a point of every mentee of the standings flagged in `standings` (every
   * standing when left out) into `into` (one per slot below `facts.slotCount`; other slots are
   * left as they are), -1 for a mentee the hard rules exclude; the slots bounded are listed in
   * `found` when given. Returns how many were bounded. Loops over the standings' members, reading
   * the typed arrays through locals.
   */
  boundEvery(into: Int16Array, standings?: Uint8Array, found?: Int32Array): number {
    const { formats, languages, target, specialties, goals } = this.facts;
    const { stageTrackTenths, speaks, rankOf, specialtyTenths, offered, goalsTenths } = this;
    const mentorFormats = this.formats;
    const unknownRank = SPECIALTY_PROXIMITIES.length;
    let bounded = 0;
    for (let standing = 0; standing < STANDINGS; standing += 1) {
      if (standings !== undefined && standings[standing] === 0) continue;
      const stageTrack = stageTrackTenths[standing];
      const members = this.facts.membersOf(standing);
      for (let m = 0; m < members.length; m += 1) {
        const slot = members[m];
        into[slot] = -1;
        if (stageTrack < 0 || slot === this.self) continue;
        if (((formats[slot] || ANY_FORMAT) & mentorFormats) === 0) continue;
        let speaksOne = false;
        for (let i = slot * MENTEE_LANGUAGES, end = i + MENTEE_LANGUAGES; i < end; i += 1) {
          const code = languages[i];
          if (code === 0) break;
          if (speaks[code] === 1) {
            speaksOne = true;
            break;
          }
        }
        if (!speaksOne) continue;
        let rank = unknownRank;
        if (target[slot] !== 0) rank = rankOf[target[slot]];
        for (let i = slot * MENTEE_SPECIALTIES, end = i + MENTEE_SPECIALTIES; i < end; i += 1) {
          const id = specialties[i];
          if (id === 0) break;
          if (rankOf[id] < rank) rank = rankOf[id];
        }
        const specialty =
          rank === unknownRank ? this.unknownSpecialtyTenths : specialtyTenths[rank];
        let ranked = 0;
        let met = 0;
        for (let rest = goals[slot]; rest !== 0; rest >>>= GOAL_BITS) {
          if (offered[rest & GOAL_MASK] === 1) met |= 1 << ranked;
          ranked += 1;
        }
        const key = (ranked << 8) | met;
        let goalShare = goalsTenths[key];
        if (goalShare < 0) {
          goalShare = this.goalsOffered(key);
          goalsTenths[key] = goalShare;
        }
        into[slot] = specialty + stageTrack + goalShare + this.restTenths;
        if (found !== undefined) found[bounded] = slot;
        bounded += 1;
      }
    }
    return bounded;
  }
}

/**
 * The exact top of scoring every mentee for one mentor, reading few of them. Mentees are bounded
 * from the mentee index's facts (`MenteeBounds`), a standing (stage and track) at a time, once the
 * scan gets down to what that standing can reach; they are read (`load`) and scored best bound
 * first, in id order within a bound, until the k-th score found is above every bound left and
 * every standing not yet bounded (at a bound equal to it, only a lower id can get in).
 */
export async function retrieveTopMentees<T extends LoadedMentee>(
  mentor: MatchMentor,
  facts: MenteeFacts,
  load: (slots: readonly number[]) => Promise<Map<number, T>>,
  options: MenteeRetrievalOptions,
): Promise<MenteeRetrieval<T>> {
  const none = { ranked: [], candidatesScored: 0, candidatesBounded: 0 };
  if (options.limit <= 0 || !takesMentees(mentor)) return none;
  const bounds = new MenteeBounds(mentor, facts, options);
  const slotCount = facts.slotCount;
  const boundOf = new Int16Array(slotCount).fill(-1);
  // Mentees are bounded a standing (stage and track) at a time, highest ceiling first, each
  // only once the scan gets down to its ceiling: standings below the k-th score never are.
  const ceilings = bounds.standingCeilings();
  const tiers = [...new Set(ceilings)].filter((ceiling) => ceiling >= 0).sort((x, y) => y - x);
  let tiersBounded = 0;
  let bounded = 0;
  const found = new Int32Array(slotCount);
  // The slots at each level (bound NO_BOUND − level), as linked lists.
  const head = new Int32Array(NO_BOUND + 1).fill(-1);
  const nextAtLevel = new Int32Array(slotCount);
  const boundDownTo = (bound: number): void => {
    while (tiersBounded < tiers.length && tiers[tiersBounded] >= bound) {
      const ceiling = tiers[tiersBounded++];
      const standings = Uint8Array.from(ceilings, (c) => (c === ceiling ? 1 : 0));
      const count = bounds.boundEvery(boundOf, standings, found);
      bounded += count;
      for (let i = 0; i < count; i += 1) {
        const slot = found[i];
        const level = NO_BOUND - boundOf[slot];
        nextAtLevel[slot] = head[level];
        head[level] = slot;
      }
    }
  };

  const top = new TopMatches<RankedMentee<T>>(options.limit);
  let scored = 0;
  let level = 0;
  /** The current level's slots, lowest id first, and how far they have been taken. */
  let here: number[] = [];
  let at = 0;
  let batchSize = Math.min(LAST_LOAD_BATCH, options.limit * FIRST_LOAD_PAGES);
  let started = false;
  for (;;) {
    const batch: number[] = [];
    const worst = top.full ? top.worst! : undefined;
    const worstTenths = worst ? Math.round(worst.score * 10) : -1;
    while (batch.length < batchSize && level <= NO_BOUND) {
      const bound = NO_BOUND - level;
      if (bound < worstTenths) break;
      if (!started) {
        // Every standing that can reach this bound is bounded before its level is taken.
        boundDownTo(bound);
        here = [];
        for (let slot = head[level]; slot >= 0; slot = nextAtLevel[slot]) here.push(slot);
        // Within a bound, lower ids first: at the k-th score only they can win the tiebreak.
        here.sort((x, y) => facts.ids.compareSlots(x, y));
        at = 0;
        started = true;
      }
      if (at >= here.length) {
        level += 1;
        started = false;
        continue;
      }
      const slot = here[at];
      if (worst && bound === worstTenths && facts.userIdOf(slot) > worst.id) {
        level += 1;
        started = false;
        continue;
      }
      batch.push(slot);
      at += 1;
    }
    if (batch.length === 0) break;
    batchSize = Math.min(LAST_LOAD_BATCH, batchSize * 2);
    const loaded = await load(batch);
    for (const slot of batch) {
      const item = loaded.get(slot);
      // Gone since the facts were read (no longer a mentee, or deleted).
      if (!item) continue;
      scored += 1;
      const score = matchScore(item.mentee, mentor, options);
      if (score === null) continue;
      const candidate = { id: item.mentee.userId, score };
      if (!isAfter(candidate, options.after) || !top.admits(candidate)) continue;
      top.offer({ ...candidate, loaded: item });
    }
  }
  return { ranked: top.sorted(), candidatesScored: scored, candidatesBounded: bounded };
}
