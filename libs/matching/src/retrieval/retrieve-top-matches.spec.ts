import { describe, expect, it } from '@jest/globals';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { parseMatchWeights, type MatchWeights } from '../scoring/match-weights.js';
import { matchScore } from '../scoring/score-match.js';
import type { SpecialtyGraph } from '../scoring/specialty-graph.js';
import { graph } from '../scoring/testing/match-people.js';
import { RandomPeople } from '../scoring/testing/random-people.js';
import { hardRuleFacets } from './hard-rule-facets.js';
import {
  retrieveTopMatches,
  type CandidateTier,
  type LoadedMentor,
} from './retrieve-top-matches.js';
import { specialtyTiers } from './specialty-tiers.js';
import { compareScored, TopMatches, type Scored } from './top-matches.js';

/**
 * The production retrieval (hard-rule facets, specialty tiers, batches, bounded heap, cursor,
 * early stop) over an in-memory stand-in for the mentor index, against brute force: scoring
 * every mentor and sorting.
 */

function lineageOf(g: SpecialtyGraph, ids: readonly number[]): Set<number> {
  const lineage = new Set<number>();
  for (const id of ids) {
    for (
      let node = g.node(id);
      node;
      node = node.parentId === null ? undefined : g.node(node.parentId)
    ) {
      lineage.add(node.id);
    }
  }
  return lineage;
}

/** What the mentor index does with facets, over plain objects. */
class InMemoryIndex {
  private readonly lineage: Map<string, Set<number>>;
  private readonly byId: Map<string, MatchMentor>;

  constructor(private readonly mentors: readonly MatchMentor[]) {
    this.lineage = new Map(mentors.map((m) => [m.userId, lineageOf(graph, m.specialtyIds)]));
    this.byId = new Map(mentors.map((m) => [m.userId, m]));
  }

  tiers(mentee: MatchMentee): CandidateTier[] {
    const facets = hardRuleFacets(mentee);
    const candidates = this.mentors.filter(
      (m) =>
        facets.accepting.includes(m.accepting) &&
        m.languages.some((code) => facets.language.includes(code)) &&
        facets.stage.includes(m.careerStage),
    );
    return specialtyTiers(mentee, graph).map(({ specialty, lineageIds }) => ({
      specialty,
      ids: () =>
        candidates
          .filter(
            (m) =>
              lineageIds === null || lineageIds.some((id) => this.lineage.get(m.userId)!.has(id)),
          )
          .map((m) => m.userId),
    }));
  }

  /** The row read: drops mentors at capacity, like the SQL does. */
  load = (ids: readonly string[]): Promise<LoadedMentor<null>[]> =>
    Promise.resolve(
      ids
        .map((id) => this.byId.get(id)!)
        .filter((m) => m.activeMenteeCount < m.capacity)
        .map((mentor) => ({ mentor, row: null })),
    );
}

function bruteForce(
  mentee: MatchMentee,
  mentors: readonly MatchMentor[],
  weights: MatchWeights | undefined,
): Scored[] {
  return mentors
    .flatMap((mentor) => {
      const score = matchScore(mentee, mentor, { graph, weights });
      return score === null ? [] : [{ id: mentor.userId, score }];
    })
    .sort(compareScored);
}

const ids = (list: readonly Scored[]): string[] => list.map((m) => `${m.id}@${m.score}`);

describe('TopMatches', () => {
  it('keeps the best k in listing order whatever the arrival order', () => {
    const people = new RandomPeople(3);
    const items = Array.from({ length: 500 }, (_, n) => ({
      id: `m-${String(people.int(300)).padStart(3, '0')}-${n}`,
      score: people.int(20) / 2,
    }));
    const top = new TopMatches<Scored>(25);
    for (const item of items) top.offer(item);
    expect(top.sorted()).toEqual([...items].sort(compareScored).slice(0, 25));
  });
});

describe('retrieveTopMatches equals brute force', () => {
  const people = new RandomPeople(20260511);
  const mentors = Array.from({ length: 20_000 }, () => people.mentor());
  const index = new InMemoryIndex(mentors);
  // 60 mentees keep this spec near 25 s on a shared 2-core machine (scoring every pair for the
  // brute force is the cost); raise it locally when changing retrieval.
  const mentees = Array.from({ length: 60 }, () => people.mentee());

  it('over 20,000 mentors and 60 mentees, first and second pages, with early stops', async () => {
    let stopped = 0;
    let scored = 0;
    for (const [n, mentee] of mentees.entries()) {
      // A quarter of the mentees with other weights, so the bound is tested beyond the defaults.
      const weights = n % 4 === 3 ? parseMatchWeights({ specialty: 50, goals: 10 }) : undefined;
      const truth = bruteForce(mentee, mentors, weights);
      const size = 1 + (n % 12);
      const first = await retrieveTopMatches(mentee, index.tiers(mentee), index.load, {
        graph,
        weights,
        limit: size,
        batchSize: 500,
      });
      expect(ids(first.matches)).toEqual(ids(truth.slice(0, size)));
      // Every retrieval here finds matches (the population is large): page on from the last.
      const second = await retrieveTopMatches(mentee, index.tiers(mentee), index.load, {
        graph,
        weights,
        limit: size,
        after: first.matches.at(-1),
      });
      expect(ids(second.matches)).toEqual(ids(truth.slice(size, 2 * size)));
      if (first.tiersScanned < index.tiers(mentee).length) stopped += 1;
      scored += first.candidatesScored;
    }
    // The tiers must actually save work for a good share of mentees.
    expect(stopped).toBeGreaterThan(5);
    expect(scored).toBeLessThan(mentees.length * mentors.length);
  });
});
