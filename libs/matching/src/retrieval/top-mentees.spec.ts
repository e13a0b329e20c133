import { describe, expect, it } from '@jest/globals';
import { TRACKS } from '@preceptor/profiles';
import { MenteeFacts } from '../mentee-index/mentee-facts.js';
import { isMatchable } from '../scoring/hard-rules.js';
import type { MatchMentee, MatchMentor } from '../scoring/match-profiles.js';
import { GrowthArea, Track } from '@preceptor/taxonomy/reference';
import { parseMatchWeights, type MatchWeights } from '../scoring/match-weights.js';
import { matchScore, type MatchOptions } from '../scoring/score-match.js';
import { aMentee, aMentor, graph, weekly } from '../scoring/testing/match-people.js';
import { RandomPeople } from '../scoring/testing/random-people.js';
import { compareScored, type Scored } from './top-matches.js';
import { MenteeBounds, retrieveTopMentees } from './top-mentees.js';

/** Ids as the index keeps them (UUIDs), in the same order as the people were made. */
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface Population {
  facts: MenteeFacts;
  bySlot: Map<number, MatchMentee>;
  all: Map<string, MatchMentee>;
}

function population(people: RandomPeople, count: number, from = 0): Population {
  const facts = new MenteeFacts();
  const all = new Map<string, MatchMentee>();
  const bySlot = new Map<number, MatchMentee>();
  const population = { facts, all, bySlot };
  for (let n = 1; n <= count; n += 1)
    put(population, { ...people.mentee(), userId: uuid(from + n) });
  return population;
}

function put(population: Population, mentee: MatchMentee): void {
  population.facts.upsert(mentee);
  population.all.set(mentee.userId, mentee);
  population.bySlot.set(population.facts.slotOf(mentee.userId), mentee);
}

function drop(population: Population, userId: string): void {
  population.bySlot.delete(population.facts.slotOf(userId));
  population.facts.remove(userId);
  population.all.delete(userId);
}

/** Reads the population by slot, as the service reads rows; counts what was read. */
function loader(population: Population, reads: { count: number }) {
  return (slots: readonly number[]) => {
    reads.count += slots.length;
    const loaded = new Map<number, { mentee: MatchMentee }>();
    for (const slot of slots) {
      const mentee = population.bySlot.get(slot);
      if (mentee) loaded.set(slot, { mentee });
    }
    return Promise.resolve(loaded);
  };
}

/** Every mentee scored: the reference. */
function bruteForce(population: Population, mentor: MatchMentor, options: MatchOptions): Scored[] {
  const scored: Scored[] = [];
  for (const mentee of population.all.values()) {
    const score = matchScore(mentee, mentor, options);
    if (score !== null) scored.push({ id: mentee.userId, score });
  }
  return scored.sort(compareScored);
}

let mentors = 0;
/** A random mentor with room for mentees (and a UUID, as the index needs). */
const accepting = (mentor: MatchMentor): MatchMentor => ({
  ...mentor,
  userId: uuid(1_000_000 + (mentors += 1)),
  accepting: true,
  activeMenteeCount: 0,
});

describe('MenteeBounds', () => {
  it.each([
    ['default weights', undefined],
    ['specialty-heavy weights', parseMatchWeights({ specialty: 60, goals: 10 })],
    ['goals-heavy weights', parseMatchWeights({ goals: 80 })],
  ])(
    'never bounds a mentee below their score or above their standing, and excludes exactly whom the hard rules do (%s)',
    (_, weights?: MatchWeights) => {
      const people = new RandomPeople(21);
      const options = { graph, ...(weights && { weights }) };
      const { facts, bySlot } = population(people, 600);
      let scored = 0;
      let tight = 0;
      for (let m = 0; m < 40; m += 1) {
        const mentor = accepting(people.mentor());
        const bound = new Int16Array(facts.slotCount);
        const bounds = new MenteeBounds(mentor, facts, options);
        bounds.boundEvery(bound);
        const ceilings = bounds.standingCeilings();
        for (const [slot, mentee] of bySlot) {
          const tenths = bound[slot];
          expect(tenths >= 0).toBe(isMatchable(mentee, mentor));
          // No mentee is bounded above their standing's ceiling.
          expect(tenths).toBeLessThanOrEqual(
            ceilings[facts.stage[slot] * TRACKS.length + facts.track[slot]],
          );
          const score = matchScore(mentee, mentor, options);
          if (score === null) continue;
          scored += 1;
          expect(tenths).toBeGreaterThanOrEqual(Math.round(score * 10));
          if (tenths === Math.round(score * 10)) tight += 1;
        }
      }
      // Random pairs are mostly matchable, and the bound is often the score itself.
      expect(scored).toBeGreaterThan(3000);
      expect(tight).toBeGreaterThan(0);
    },
  );
});

describe('retrieveTopMentees', () => {
  it('lists exactly the top of scoring every mentee, reading far fewer', async () => {
    const people = new RandomPeople(5);
    const pop = population(people, 20_000);
    const options = { graph };
    const reads = { count: 0 };
    let asked = 0;
    for (let m = 0; m < 60; m += 1) {
      const mentor = accepting(people.mentor());
      const expected = bruteForce(pop, mentor, options).slice(0, 21);
      const found = await retrieveTopMentees(mentor, pop.facts, loader(pop, reads), {
        ...options,
        limit: 21,
      });
      expect(found.ranked.map(({ id, score }) => ({ id, score }))).toEqual(expected);
      expect(found.candidatesScored).toBeLessThanOrEqual(found.candidatesBounded);
      asked += 1;
    }
    expect(asked).toBe(60);
    // Bounded: on average a small share of the 20,000 is read.
    expect(reads.count / asked).toBeLessThan(2_000);
  });

  it('pages through the same list one cursor at a time', async () => {
    const people = new RandomPeople(8);
    const pop = population(people, 3_000);
    const options = { graph };
    for (let m = 0; m < 10; m += 1) {
      const mentor = accepting(people.mentor());
      const expected = bruteForce(pop, mentor, options).slice(0, 60);
      const paged: Scored[] = [];
      let after: Scored | undefined;
      while (paged.length < 60) {
        const found = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
          ...options,
          limit: 7,
          after,
        });
        if (found.ranked.length === 0) break;
        paged.push(...found.ranked.map(({ id, score }) => ({ id, score })));
        after = paged.at(-1);
      }
      expect(paged.slice(0, 60)).toEqual(expected);
    }
  });

  it('stays exact through edits, arrivals and departures', async () => {
    const people = new RandomPeople(13);
    const pop = population(people, 4_000);
    const options = { graph };
    const ids = [...pop.all.keys()];
    for (let round = 0; round < 20; round += 1) {
      // Some mentees change everything, some leave, some arrive (reusing freed slots).
      for (let i = 0; i < 50; i += 1) {
        const id = people.pick(ids);
        if (pop.all.has(id)) put(pop, { ...people.mentee(), userId: id });
      }
      for (let i = 0; i < 20; i += 1) {
        const id = people.pick(ids);
        if (pop.all.has(id)) drop(pop, id);
      }
      for (let i = 0; i < 20; i += 1) {
        const id = uuid(10_000 + round * 20 + i);
        put(pop, { ...people.mentee(), userId: id });
        ids.push(id);
      }
      const mentor = accepting(people.mentor());
      const found = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
        ...options,
        limit: 11,
      });
      expect(found.ranked.map(({ id, score }) => ({ id, score }))).toEqual(
        bruteForce(pop, mentor, options).slice(0, 11),
      );
    }
  });

  it('leaves out mentees whose rows are gone since their facts were read', async () => {
    const people = new RandomPeople(3);
    const pop = population(people, 500);
    const mentor = accepting(people.mentor());
    const first = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
      graph,
      limit: 5,
    });
    const gone = first.ranked[0].id;
    // The row is gone, the facts not yet.
    pop.bySlot.delete(pop.facts.slotOf(gone));
    pop.all.delete(gone);
    const after = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
      graph,
      limit: 5,
    });
    expect(after.ranked.map(({ id }) => id)).not.toContain(gone);
    expect(after.ranked.map(({ id, score }) => ({ id, score }))).toEqual(
      bruteForce(pop, mentor, { graph }).slice(0, 5),
    );
  });

  it('takes a lower id at the k-th score from a lower bound, past the first read', async () => {
    const mentor = aMentor({
      userId: uuid(1_000_000),
      offers: [GrowthArea.LEADERSHIP_MANAGEMENT],
      availability: weekly(['MONDAY'], '18:00', '20:00'),
    });
    const goals = [GrowthArea.LEADERSHIP_MANAGEMENT];
    // More than one read's worth of mentees whose facts promise 100 but who never overlap the
    // mentor's week, then one whose facts promise what they score, with the lowest id.
    const promising = Array.from({ length: 600 }, (_, i) =>
      aMentee({
        userId: uuid(1_000 + i),
        goals,
        availability: weekly(['SUNDAY'], '06:00', '07:00'),
      }),
    );
    const steady = aMentee({
      userId: uuid(1),
      track: Track.PHYSICIAN,
      goals,
      availability: weekly(['MONDAY'], '18:00', '20:00'),
    });
    const pop = population(new RandomPeople(1), 0);
    for (const mentee of [...promising, steady]) put(pop, mentee);
    const bound = new Int16Array(pop.facts.slotCount);
    new MenteeBounds(mentor, pop.facts, { graph }).boundEvery(bound);
    const score = (mentee: MatchMentee) => matchScore(mentee, mentor, { graph });
    // The setting: all score the same; only the steady one's bound says so.
    expect(score(steady)).toBe(score(promising[0]));
    expect(bound[pop.facts.slotOf(promising[0].userId)]).toBe(1000);
    expect(bound[pop.facts.slotOf(steady.userId)]).toBe(Math.round(score(steady)! * 10));
    expect(score(steady)).toBeLessThan(100);

    const found = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
      graph,
      limit: 1,
    });
    expect(found.ranked.map(({ id }) => id)).toEqual([steady.userId]);
  });

  it('never suggests mentors to themselves', async () => {
    const people = new RandomPeople(6);
    const pop = population(people, 300);
    // A mentee who mentors too: the best match for themselves, were it allowed.
    const [self] = pop.all.values();
    const mentor = { ...accepting(people.mentor()), ...self };
    const found = await retrieveTopMentees(mentor, pop.facts, loader(pop, { count: 0 }), {
      graph,
      limit: 300,
    });
    expect(found.ranked.map(({ id }) => id)).not.toContain(self.userId);
    expect(found.ranked.length).toBe(bruteForce(pop, mentor, { graph }).length);
  });

  it('suggests nobody to a mentor who is not accepting or is full, and reads nobody', async () => {
    const people = new RandomPeople(4);
    const pop = population(people, 500);
    const mentor = accepting(people.mentor());
    for (const closed of [
      { ...mentor, accepting: false },
      { ...mentor, activeMenteeCount: mentor.capacity },
    ]) {
      const reads = { count: 0 };
      const found = await retrieveTopMentees(closed, pop.facts, loader(pop, reads), {
        graph,
        limit: 5,
      });
      expect(found.ranked).toEqual([]);
      expect(reads.count).toBe(0);
    }
  });
});
