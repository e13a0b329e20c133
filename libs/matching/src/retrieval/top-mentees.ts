import { CAREER_STAGES, TRACKS } from '@preceptor/profiles';
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
  FORMAT_BITS,
  MENTEE_LANGUAGES,
  MENTEE_SPECIALTIES,
  unpackGoals,
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
  /** Mentees the hard rules allow, each bounded from their facts. */
  readonly candidatesBounded: number;
}

/**
 * Mentees read per round trip: the first a few pages' worth (it usually settles the page), each
 * next one twice as many, up to the last.
 */
const FIRST_LOAD_PAGES = 4;
const LAST_LOAD_BATCH = 1024;
const NO_BOUND = 1000;
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
  private readonly goalsTenths = new Map<number, number>();
  private readonly goalsOffered: (packed: number) => number;
  private readonly restTenths: number;
  private readonly speaks: Uint8Array;
  private readonly formats: number;
  private readonly self: number;

  constructor(
    private readonly mentor: MatchMentor,
    private readonly facts: MenteeFacts,
    options: MatchOptions,
  ) {
    const weights: MatchWeights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    const graph = options.graph;
    const none = SPECIALTY_PROXIMITIES.length - 1;
    let maxId = 0;
    for (const node of graph.nodes()) maxId = Math.max(maxId, node.id);
    this.rankOf = new Int8Array(maxId + 1).fill(none);
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
    this.stageTrackTenths = new Int16Array(CAREER_STAGES.length * TRACKS.length);
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
    this.goalsOffered = (packed) =>
      tenths('goals', { ...SOMEONE, goals: unpackGoals(packed) }, { offers: mentor.offers });
    const codes = mentor.languages.map((language) => facts.languageCode(language));
    this.speaks = new Uint8Array(Math.max(0, ...codes) + 1);
    for (const code of codes) if (code > 0) this.speaks[code] = 1;
    this.formats = mentor.meetingFormats.reduce(
      (bits, format) => bits | (FORMAT_BITS[format] ?? 0),
      0,
    );
    if (this.formats === 0) this.formats = ANY_FORMAT;
    this.self = facts.slotOf(mentor.userId);
  }

  /** The slot's bound in tenths of a point, or -1 when a hard rule excludes the mentee. */
  tenths(slot: number): number {
    const facts = this.facts;
    if (slot === this.self) return -1;
    const stageTrack = this.stageTrackTenths[facts.stage[slot] * TRACKS.length + facts.track[slot]];
    if (stageTrack < 0) return -1;
    if (((facts.formats[slot] || ANY_FORMAT) & this.formats) === 0) return -1;
    let speaks = false;
    for (let i = slot * MENTEE_LANGUAGES, end = i + MENTEE_LANGUAGES; i < end; i += 1) {
      const code = facts.languages[i];
      if (code === 0) break;
      if (code < this.speaks.length && this.speaks[code] === 1) {
        speaks = true;
        break;
      }
    }
    if (!speaks) return -1;
    let rank = SPECIALTY_PROXIMITIES.length;
    const target = facts.target[slot];
    if (target !== 0) rank = this.rankAt(target);
    for (let i = slot * MENTEE_SPECIALTIES, end = i + MENTEE_SPECIALTIES; i < end; i += 1) {
      const id = facts.specialties[i];
      if (id === 0) break;
      const idRank = this.rankAt(id);
      if (idRank < rank) rank = idRank;
    }
    const specialty =
      rank === SPECIALTY_PROXIMITIES.length
        ? this.unknownSpecialtyTenths
        : this.specialtyTenths[rank];
    const packed = facts.goals[slot];
    let goals = this.goalsTenths.get(packed);
    if (goals === undefined) {
      goals = this.goalsOffered(packed);
      this.goalsTenths.set(packed, goals);
    }
    return specialty + stageTrack + goals + this.restTenths;
  }

  /** Ids past the taxonomy are no closer than NONE. */
  private rankAt(id: number): number {
    return id < this.rankOf.length ? this.rankOf[id] : SPECIALTY_PROXIMITIES.length - 1;
  }
}

/**
 * The exact top of scoring every mentee for one mentor, reading few of them. Every mentee the
 * hard rules allow is bounded from the mentee index's facts (`MenteeBounds`); the mentees are
 * then read (`load`) and scored best bound first, in id order within a bound, until the k-th
 * score found is above every bound left (at a bound equal to it, only a lower id can get in).
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
  // Counting sort of the allowed slots by bound, highest first.
  const slotCount = facts.slotCount;
  const boundOf = new Int16Array(slotCount);
  const starts = new Int32Array(NO_BOUND + 2);
  let bounded = 0;
  for (let slot = 0; slot < slotCount; slot += 1) {
    const tenths = facts.live[slot] === 1 ? bounds.tenths(slot) : -1;
    boundOf[slot] = tenths;
    if (tenths < 0) continue;
    bounded += 1;
    starts[NO_BOUND - tenths + 1] += 1;
  }
  for (let level = 1; level < starts.length; level += 1) starts[level] += starts[level - 1];
  const order = new Int32Array(bounded);
  const next = starts.slice();
  for (let slot = 0; slot < slotCount; slot += 1) {
    const tenths = boundOf[slot];
    if (tenths >= 0) order[next[NO_BOUND - tenths]++] = slot;
  }

  const top = new TopMatches<RankedMentee<T>>(options.limit);
  let scored = 0;
  let level = 0;
  let at = 0;
  let sortedLevel = -1;
  let batchSize = Math.min(LAST_LOAD_BATCH, options.limit * FIRST_LOAD_PAGES);
  for (;;) {
    const batch: number[] = [];
    const worst = top.full ? top.worst! : undefined;
    const worstTenths = worst ? Math.round(worst.score * 10) : -1;
    while (batch.length < batchSize && level <= NO_BOUND) {
      const from = starts[level];
      const to = starts[level + 1];
      const bound = NO_BOUND - level;
      if (bound < worstTenths) break;
      if (at < from) at = from;
      if (at >= to) {
        level += 1;
        continue;
      }
      if (sortedLevel !== level) {
        // Within a bound, lower ids first: at the k-th score only they can win the tiebreak.
        order.subarray(from, to).sort((a, b) => facts.ids.compareSlots(a, b));
        sortedLevel = level;
      }
      const slot = order[at];
      if (worst && bound === worstTenths && facts.userIdOf(slot) > worst.id) {
        level += 1;
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
