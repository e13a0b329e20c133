import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MENTEE_INDEX_APPLICATION_NAME } from '@preceptor/profiles';
import { signUp } from '../support/accounts.js';
import {
  aMentor,
  aProfileInput,
  UPDATE_MENTEE_GOALS,
  UPDATE_PROFILE,
  type Person,
} from '../support/profiles.js';
import { PgProxy } from '../support/pg-proxy.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const SUGGESTED = `query Suggested($first: Int) {
  suggestedMentees(first: $first) { edges { node { score mentee { userId } } } }
}`;

type Details = Record<string, unknown>;

// Suggestions bound every mentee from the API's in-memory mentee index, which follows the
// profiles table through its own change feed: the API's writes are in it before the mutation
// returns, other writers' within the feed's delay, and a mentee whose row is gone is never
// suggested.
describe('the mentee index behind suggestedMentees', () => {
  let proxy: PgProxy;
  let api: TestApp;
  let mentor: Person;

  beforeAll(async () => {
    proxy = await PgProxy.start(process.env['PRECEPTOR_TEST_SERVER_URL']!);
    api = await startTestApp({}, { connectVia: (url) => proxy.url(url) });
    mentor = await aMentor(
      api.gql,
      { careerStage: 'LEADER', specialtySlugs: ['oncology-nursing'] },
      { offers: ['LEADERSHIP_MANAGEMENT'], capacity: 10 },
    );
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  const suggested = async (): Promise<Map<string, number>> => {
    const data = await api.gql.ok<{
      suggestedMentees: { edges: { node: { score: number; mentee: { userId: string } } }[] };
    }>(SUGGESTED, { first: 50 }, { token: mentor.token });
    return new Map(data.suggestedMentees.edges.map(({ node }) => [node.mentee.userId, node.score]));
  };

  const indexed = async (): Promise<number> => {
    const { info } = (await (await fetch(`${api.url}/health/ready`)).json()) as {
      info: Record<string, Details>;
    };
    return info['menteeIndex']['mentees'] as number;
  };

  const aMentee = async (goals: string[], profile: Record<string, unknown> = {}) => {
    const account = await signUp(api.gql, { roles: ['MENTEE'] });
    const token = account.accessToken;
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ careerStage: 'EARLY_CAREER', ...profile }) },
      { token },
    );
    await api.gql.ok(UPDATE_MENTEE_GOALS, { input: { goals } }, { token });
    return { id: account.user.id, token };
  };

  it('reports its feed and what it holds in /health/ready', async () => {
    await aMentee(['NETWORKING']);
    const response = await fetch(`${api.url}/health/ready`);
    const { info } = (await response.json()) as { info: Record<string, Details> };
    expect(response.status).toBe(200);
    expect(info['menteeFeed']).toMatchObject({ status: 'up', state: 'listening' });
    expect(info['menteeIndex']).toMatchObject({
      state: 'current',
      mentees: expect.any(Number),
      bytes: expect.any(Number),
    });
    expect(info['menteeIndex']['mentees']).toBeGreaterThanOrEqual(1);
  });

  it('follows writes made outside the API through the feed', async () => {
    const mentee = await aMentee(['TECHNOLOGY'], {
      specialtySlugs: ['pharmacy'],
      track: 'PHARMACY',
    });
    const before = (await suggested()).get(mentee.id)!;
    expect(before).toBeDefined();
    // Another process moves them into the mentor's specialty and goal.
    await api.sql(
      `UPDATE profiles SET track = 'NURSING',
         specialty_ids = ARRAY[(SELECT id FROM specialties WHERE slug = 'oncology-nursing')],
         mentee_goals = '{LEADERSHIP_MANAGEMENT}' WHERE user_id = $1`,
      [mentee.id],
    );
    await eventually(async () => ((await suggested()).get(mentee.id) ?? 0) > before);
    // And makes them someone who is no longer looking for a mentor.
    await api.sql('UPDATE profiles SET is_mentee = false WHERE user_id = $1', [mentee.id]);
    await eventually(async () => !(await suggested()).has(mentee.id));
  });

  it('never suggests a mentee whose account is gone, and drops them from the index', async () => {
    const mentee = await aMentee(['LEADERSHIP_MANAGEMENT']);
    expect((await suggested()).has(mentee.id)).toBe(true);
    const held = await indexed();
    await api.sql('DELETE FROM users WHERE id = $1', [mentee.id]);
    // Their row is gone at once, whatever the index still holds.
    expect((await suggested()).has(mentee.id)).toBe(false);
    await eventually(async () => (await indexed()) === held - 1);
  });
  it('suggests a mentee the moment their profile and goals are saved, feed or not, and follows their edits', async () => {
    // The feed goes silent: only the API's own word can reach the index now.
    proxy.silence(MENTEE_INDEX_APPLICATION_NAME);
    const mentee = await aMentee(['TECHNOLOGY']);
    const before = (await suggested()).get(mentee.id);
    expect(before).toBeDefined();
    // Their top goal is now what the mentor offers: at once, no waiting on the feed.
    await api.gql.ok(
      UPDATE_MENTEE_GOALS,
      { input: { goals: ['LEADERSHIP_MANAGEMENT'] } },
      { token: mentee.token },
    );
    expect((await suggested()).get(mentee.id)).toBeGreaterThan(before!);
    // No language in common any more: a hard rule rules them out, at once too.
    await api.gql.ok(
      UPDATE_PROFILE,
      { input: aProfileInput({ careerStage: 'EARLY_CAREER', languages: ['de'] }) },
      { token: mentee.token },
    );
    expect((await suggested()).has(mentee.id)).toBe(false);
  });
});
