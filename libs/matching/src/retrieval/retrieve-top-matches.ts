import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { DEFAULT_MATCH_WEIGHTS } from '../scoring/match-weights.js';
import { maxPossibleScore } from '../scoring/retrieval-bound.js';
import { matchScore, type MatchOptions } from '../scoring/score-match.js';
import type { SpecialtyProximity } from '../scoring/specialty-graph.js';
import { isAfter, TopMatches, type MatchCursor, type Scored } from './top-matches.js';

/**
 * One group of candidate mentors, scanned in turn. `specialty` is the best proximity class any
 * mentor not already seen in an earlier tier can have (undefined: no bound), so the scan can stop
 * before a tier whose best possible score is below the k-th score found.
 */
export interface CandidateTier {
  readonly specialty?: SpecialtyProximity;
  /** The tier's mentors; ids of earlier tiers may repeat (they are skipped). */
  ids(): readonly string[];
}

/** A candidate as loaded: what scoring needs, plus whatever the caller wants back (its row). */
export interface LoadedMentor<Row> {
  readonly mentor: MatchMentor;
  readonly row: Row;
}

export interface RetrievalOptions extends MatchOptions {
  /** How many matches to return (a page size plus one, to know whether more follow). */
  readonly limit: number;
  /** Only matches strictly after this one, in listing order. */
  readonly after?: MatchCursor;
  /** Mentors loaded per call to `load`. */
  readonly batchSize?: number;
}

export interface RankedMentor<Row> extends Scored {
  readonly mentor: MatchMentor;
  readonly row: Row;
}

export interface Retrieval<Row> {
  /** The best `limit` eligible mentors after the cursor, best first. */
  readonly matches: RankedMentor<Row>[];
  /** Mentors loaded and scored. */
  readonly candidatesScored: number;
  /** Tiers scanned before the bound stopped the scan (or all of them). */
  readonly tiersScanned: number;
}

const DEFAULT_BATCH = 2_000;

/**
 * The exact top of scoring every eligible candidate: each tier's new mentors are loaded in
 * batches and scored with matchScore (excluded ones drop out), keeping the best `limit` after
 * the cursor in a bounded heap. Before a tier, when the heap is full and no mentor left can
 * reach the k-th score (the tier's bound is strictly lower), the scan stops: an equal bound may
 * still win the id tiebreak, so it is scanned.
 */
export async function retrieveTopMatches<Row>(
  mentee: MatchMentee,
  tiers: readonly CandidateTier[],
  load: (ids: readonly string[]) => Promise<readonly LoadedMentor<Row>[]>,
  options: RetrievalOptions,
): Promise<Retrieval<Row>> {
  const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const top = new TopMatches<RankedMentor<Row>>(options.limit);
  // Each tier bounds every mentor of the tiers after it too: take the running maximum.
  const bounds = tiers.map((tier) =>
    tier.specialty === undefined
      ? Infinity
      : maxPossibleScore(mentee, { specialty: tier.specialty }, weights),
  );
  for (let t = bounds.length - 2; t >= 0; t -= 1) bounds[t] = Math.max(bounds[t], bounds[t + 1]);

  const seen = new Set<string>();
  let candidatesScored = 0;
  let tiersScanned = 0;
  for (const [t, tier] of tiers.entries()) {
    const worst = top.full ? top.worst : undefined;
    if (worst && bounds[t] < worst.score) break;
    if (options.limit <= 0) break;
    tiersScanned += 1;
    const fresh = tier.ids().filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    for (let start = 0; start < fresh.length; start += batchSize) {
      const loaded = await load(fresh.slice(start, start + batchSize));
      candidatesScored += loaded.length;
      for (const { mentor, row } of loaded) {
        const score = matchScore(mentee, mentor, options);
        if (score === null) continue;
        const candidate = { id: mentor.userId, score };
        if (!isAfter(candidate, options.after) || !top.admits(candidate)) continue;
        top.offer({ ...candidate, mentor, row });
      }
    }
  }
  return { matches: top.sorted(), candidatesScored, tiersScanned };
}
