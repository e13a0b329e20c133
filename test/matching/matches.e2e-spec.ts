import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import {
  aMentor,
  aProfileInput,
  UPDATE_MENTEE_GOALS,
  UPDATE_MENTOR_SETTINGS,
  UPDATE_PROFILE,
  type Person,
} from '../support/profiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MATCH_FIELDS = `score eligible exclusions reasons caveats
  breakdown { criterion weight value contribution detail }
  mentor { userId fullName contact { email } }`;

const MATCHES = `query Matches($filter: MentorFilter, $first: Int, $after: String) {
  matches(filter: $filter, first: $first, after: $after) {
    candidatesScored
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { ${MATCH_FIELDS} } }
  }
}`;
const MATCH_SCORE = `query MatchScore($mentorId: ID!) { matchScore(mentorId: $mentorId) { ${MATCH_FIELDS} } }`;
const SUGGESTED = `query Suggested($first: Int, $after: String) {
  suggestedMentees(first: $first, after: $after) {
    candidatesScored
    pageInfo { hasNextPage endCursor }
    edges { cursor node { score reasons caveats breakdown { contribution }
      mentee { userId contact { email } mentee { goals } } } }
  }
}`;

interface MatchResult {
  score: number;
  eligible: boolean;
  exclusions: string[];
  reasons: string[];
  caveats: string[];
  breakdown: { criterion: string; contribution: number }[];
  mentor: { userId: string; fullName: string; contact: unknown };
}
interface MatchesResult {
  matches: {
    candidatesScored: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: MatchResult }[];
  };
}

const tenths = (n: number): number => Math.round(n * 10);

describe('matching API', () => {
  let api: TestApp;
  let menteeToken: string;
  let menteeId: string;
  const m: Record<string, Person> = {};

  beforeAll(async () => {
    api = await startTestApp();
    // Both roles, with mentor settings: the caller must still never be matched with themselves.
    const mentee = await signUp(api.gql, { roles: ['MENTEE', 'MENTOR'] });
    menteeToken = mentee.accessToken;
    menteeId = mentee.user.id;
    const token = menteeToken;
    await api.gql.ok(
      UPDATE_PROFILE,
      {
        input: aProfileInput({
          careerStage: 'EARLY_CAREER',
          languages: ['en', 'es'],
          meetingFormats: ['VIRTUAL'],
          contact: { email: 'mentee.private@example.test' },
        }),
      },
      { token },
    );
    await api.gql.ok(
      UPDATE_MENTEE_GOALS,
      { input: { goals: ['LEADERSHIP_MANAGEMENT', 'SPECIALIZATION'] } },
      { token },
    );
    await api.gql.ok(UPDATE_MENTOR_SETTINGS, { input: { offers: ['NETWORKING'] } }, { token });

    m.best = await aMentor(
      api.gql,
      { careerStage: 'SENIOR', meetingFormats: ['VIRTUAL'] },
      { offers: ['LEADERSHIP_MANAGEMENT', 'SPECIALIZATION'] },
    );
    m.spanish = await aMentor(
      api.gql,
      { careerStage: 'MID_CAREER', languages: ['es'], meetingFormats: ['VIRTUAL'] },
      { offers: ['LEADERSHIP_MANAGEMENT'] },
    );
    m.physician = await aMentor(
      api.gql,
      { track: 'PHYSICIAN', careerStage: 'SENIOR', specialtySlugs: ['pediatrics'] },
      { offers: ['NETWORKING'] },
    );
    m.inPerson = await aMentor(api.gql, { careerStage: 'SENIOR', meetingFormats: ['IN_PERSON'] });
    m.closed = await aMentor(api.gql, { careerStage: 'SENIOR' }, { acceptingMentees: false });
    m.full = await aMentor(api.gql, { careerStage: 'SENIOR' }, { capacity: 1 });
    await api.sql('UPDATE profiles SET mentor_active_mentee_count = 1 WHERE user_id = $1', [
      m.full.user.id,
    ]);
    m.french = await aMentor(api.gql, { careerStage: 'SENIOR', languages: ['fr'] });
    m.junior = await aMentor(api.gql, { careerStage: 'STUDENT' });
  });
  afterAll(async () => {
    await api.close();
  });

  const matches = async (variables: Record<string, unknown> = {}, token = menteeToken) =>
    (await api.gql.ok<MatchesResult>(MATCHES, variables, { token })).matches;
  const mentorIds = (result: MatchesResult['matches']): string[] =>
    result.edges.map((edge) => edge.node.mentor.userId);
  const idsOf = (...keys: string[]): string[] => keys.map((key) => m[key].user.id);

  describe('matches', () => {
    it('ranks eligible mentors best first, with scores that add up and reasons', async () => {
      const result = await matches({ first: 50 });
      expect(new Set(mentorIds(result))).toEqual(new Set(idsOf('best', 'spanish', 'physician')));
      expect(mentorIds(result)[0]).toBe(m.best.user.id);
      const scores = result.edges.map((edge) => edge.node.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const { node } of result.edges) {
        expect(node.eligible).toBe(true);
        expect(node.exclusions).toEqual([]);
        expect(node.score).toBeGreaterThan(0);
        expect(node.score).toBeLessThanOrEqual(100);
        expect(node.breakdown.reduce((sum, line) => sum + tenths(line.contribution), 0)).toBe(
          tenths(node.score),
        );
        expect(node.reasons.length).toBeGreaterThan(0);
        expect(node.mentor.contact).toBeNull();
      }
      expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      expect(result.candidatesScored).toBeGreaterThanOrEqual(3);
    });

    it('leaves out the caller, not-accepting, full, no-common-language, behind and no-common-format mentors', async () => {
      const ids = mentorIds(await matches({ first: 50 }));
      expect(ids).not.toContain(menteeId);
      for (const id of idsOf('closed', 'full', 'french', 'junior', 'inPerson')) {
        expect(ids).not.toContain(id);
      }
    });

    it('narrows by the mentors filter, keeping the score order', async () => {
      expect(mentorIds(await matches({ filter: { languages: ['es'] } }))).toEqual(idsOf('spanish'));
      const virtual = mentorIds(await matches({ filter: { meetingFormats: ['VIRTUAL'] } }));
      expect(new Set(virtual)).toEqual(new Set(idsOf('best', 'spanish')));
      expect(virtual[0]).toBe(m.best.user.id);
      expect(mentorIds(await matches({ filter: { tracks: ['PHYSICIAN'] } }))).toEqual(
        idsOf('physician'),
      );
    });

    it('pages with after: no duplicates, no gaps', async () => {
      const all = mentorIds(await matches({ first: 50 }));
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await matches({ first: 1, after });
        paged.push(...mentorIds(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('refuses a page size out of 1–50 and a foreign cursor', async () => {
      for (const first of [0, 51]) {
        const error = onlyError(await api.gql.request(MATCHES, { first }, { token: menteeToken }));
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const error = onlyError(
        await api.gql.request(MATCHES, { after: 'bm90IGEgY3Vyc29y' }, { token: menteeToken }),
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('who may ask', () => {
    it('needs a signed-in caller', async () => {
      expect(onlyError(await api.gql.request(MATCHES)).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('matches and matchScore need MENTEE; suggestedMentees needs MENTOR', async () => {
      const mentorOnly = (await signUp(api.gql, { roles: ['MENTOR'] })).accessToken;
      const menteeOnly = (await signUp(api.gql, { roles: ['MENTEE'] })).accessToken;
      const code = async (query: string, token: string, variables = {}) =>
        onlyError(await api.gql.request(query, variables, { token })).extensions?.code;
      expect(await code(MATCHES, mentorOnly)).toBe('FORBIDDEN');
      expect(await code(MATCH_SCORE, mentorOnly, { mentorId: m.best.user.id })).toBe('FORBIDDEN');
      expect(await code(SUGGESTED, menteeOnly)).toBe('FORBIDDEN');
    });

    it('says what to fill in first when there is no profile or no goals', async () => {
      const account = await signUp(api.gql, { roles: ['MENTEE'] });
      const token = account.accessToken;
      const noProfile = onlyError(await api.gql.request(MATCHES, {}, { token }));
      expect(noProfile.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROFILE_NOT_FOUND',
      });
      expect(noProfile.message).toMatch(/updateProfile.*updateMenteeGoals/);
      await api.gql.ok(UPDATE_PROFILE, { input: aProfileInput() }, { token });
      const noGoals = onlyError(await api.gql.request(MATCHES, {}, { token }));
      expect(noGoals.extensions?.['reason']).toBe('PROFILE_NOT_FOUND');

      const mentor = (await signUp(api.gql, { roles: ['MENTOR'] })).accessToken;
      const noSettings = onlyError(await api.gql.request(SUGGESTED, {}, { token: mentor }));
      expect(noSettings.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROFILE_NOT_FOUND',
      });
      expect(noSettings.message).toMatch(/updateMentorSettings/);
    });
  });

  describe('matchScore', () => {
    const score = async (mentorId: string) =>
      api.gql.request<{ matchScore: MatchResult }>(
        MATCH_SCORE,
        { mentorId },
        { token: menteeToken },
      );

    it('gives an eligible mentor the score matches gives', async () => {
      const listed = (await matches({ first: 50 })).edges.find(
        (edge) => edge.node.mentor.userId === m.spanish.user.id,
      )!.node;
      const { data } = await score(m.spanish.user.id);
      expect(data?.matchScore).toEqual(listed);
    });

    it('explains an ineligible mentor', async () => {
      const { data } = await score(m.closed.user.id);
      expect(data?.matchScore).toMatchObject({
        eligible: false,
        score: 0,
        breakdown: [],
        exclusions: ['Not accepting mentees'],
      });
    });

    it('is NOT_FOUND for an unknown id or a non-mentor, BAD_USER_INPUT for a malformed one', async () => {
      const unknown = onlyError(await score('00000000-0000-4000-8000-000000000000'));
      expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'MENTOR_NOT_FOUND' });
      const nonMentor = (await signUp(api.gql, { roles: ['MENTEE'] })).user.id;
      expect(onlyError(await score(nonMentor)).extensions?.code).toBe('NOT_FOUND');
      expect(onlyError(await score('not-an-id')).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('suggestedMentees', () => {
    it('ranks mentees for the signed-in mentor, without their contact details', async () => {
      const other = await signUp(api.gql, { roles: ['MENTEE'] });
      await api.gql.ok(
        UPDATE_PROFILE,
        { input: aProfileInput({ careerStage: 'STUDENT', languages: ['fr'] }) },
        { token: other.accessToken },
      );
      await api.gql.ok(
        UPDATE_MENTEE_GOALS,
        { input: { goals: ['NETWORKING'] } },
        { token: other.accessToken },
      );
      const { suggestedMentees } = await api.gql.ok<{
        suggestedMentees: {
          candidatesScored: number;
          edges: {
            node: {
              score: number;
              reasons: string[];
              breakdown: { contribution: number }[];
              mentee: { userId: string; contact: unknown; mentee: { goals: string[] } | null };
            };
          }[];
        };
      }>(SUGGESTED, {}, { token: m.best.token });
      const ids = suggestedMentees.edges.map((edge) => edge.node.mentee.userId);
      expect(ids).toContain(menteeId);
      // No language in common with this mentor.
      expect(ids).not.toContain(other.user.id);
      const ours = suggestedMentees.edges.find((edge) => edge.node.mentee.userId === menteeId)!;
      expect(ours.node.mentee.contact).toBeNull();
      expect(ours.node.mentee.mentee?.goals).toEqual(['LEADERSHIP_MANAGEMENT', 'SPECIALIZATION']);
      // The same score the mentee sees for this mentor.
      const seen = (await matches({ first: 50 })).edges.find(
        (edge) => edge.node.mentor.userId === m.best.user.id,
      )!.node.score;
      expect(ours.node.score).toBe(seen);
      expect(ours.node.reasons.length).toBeGreaterThan(0);
    });
  });

  describe('suggestedMentees across goals and specialties', () => {
    // A page of one stops reading as early as the mentees' bounds allow; a page of 50 holds every
    // mentee. Pages of one must add up to the same list: a mentee bounded too low (by their
    // goals or their specialty) would be missed or come out of order.
    it('gives, one page at a time, exactly the whole ranking', async () => {
      const mentor = await aMentor(
        api.gql,
        { careerStage: 'LEADER', specialtySlugs: ['pediatric-nursing'] },
        { offers: ['SPECIALIZATION', 'NETWORKING'], capacity: 10 },
      );
      const mentees = [
        // Top goal offered, same specialty.
        { goals: ['SPECIALIZATION', 'TECHNOLOGY'], specialtySlugs: ['pediatric-nursing'] },
        // Another goal offered, not the top one.
        { goals: ['TECHNOLOGY', 'NETWORKING'], specialtySlugs: ['pediatric-nursing'] },
        // None offered, same specialty: still suggested, last among these.
        { goals: ['TECHNOLOGY'], specialtySlugs: ['pediatric-nursing'] },
        // Top goal offered, another specialty and track.
        { goals: ['NETWORKING'], specialtySlugs: ['pharmacy'], track: 'PHARMACY' },
      ];
      const ids: string[] = [];
      for (const { goals, ...profile } of mentees) {
        const person = await signUp(api.gql, { roles: ['MENTEE'] });
        await api.gql.ok(
          UPDATE_PROFILE,
          { input: aProfileInput({ careerStage: 'EARLY_CAREER', ...profile }) },
          { token: person.accessToken },
        );
        await api.gql.ok(UPDATE_MENTEE_GOALS, { input: { goals } }, { token: person.accessToken });
        ids.push(person.user.id);
      }
      type Page = {
        suggestedMentees: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { score: number; mentee: { userId: string } } }[];
        };
      };
      const whole = (await api.gql.ok<Page>(SUGGESTED, { first: 50 }, { token: mentor.token }))
        .suggestedMentees;
      expect(whole.pageInfo.hasNextPage).toBe(false);
      const ranking = whole.edges.map((edge) => edge.node.mentee.userId);
      expect(ranking).toEqual(expect.arrayContaining(ids));
      const scores = whole.edges.map((edge) => edge.node.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const byId = new Map(whole.edges.map((edge) => [edge.node.mentee.userId, edge.node.score]));
      expect(byId.get(ids[2])!).toBeLessThan(byId.get(ids[0])!);

      const oneByOne: string[] = [];
      let after: string | null = null;
      for (let page = 0; page <= ranking.length; page += 1) {
        const { suggestedMentees: one }: Page = await api.gql.ok<Page>(
          SUGGESTED,
          { first: 1, after },
          { token: mentor.token },
        );
        oneByOne.push(...one.edges.map((edge) => edge.node.mentee.userId));
        if (!one.pageInfo.hasNextPage) break;
        after = one.pageInfo.endCursor;
      }
      expect(oneByOne).toEqual(ranking);
    });
  });

  describe('after a mentor stops accepting', () => {
    it('drops them from matches at once', async () => {
      expect(mentorIds(await matches({ first: 50 }))).toContain(m.best.user.id);
      await api.gql.ok(
        UPDATE_MENTOR_SETTINGS,
        { input: { offers: ['LEADERSHIP_MANAGEMENT'], acceptingMentees: false } },
        { token: m.best.token },
      );
      expect(mentorIds(await matches({ first: 50 }))).not.toContain(m.best.user.id);
    });
  });
});
