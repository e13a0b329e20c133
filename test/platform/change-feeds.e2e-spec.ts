import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ME, signUp } from '../support/accounts.js';
import { onlyError } from '../support/graphql-client.js';
import { PgProxy } from '../support/pg-proxy.js';
import { aMentor } from '../support/profiles.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';

const MENTOR_IDS = `query Mentors($filter: MentorFilter) {
  mentors(filter: $filter, first: 50) { edges { node { userId } } }
}`;

type Details = Record<string, unknown>;
interface Readiness {
  status: number;
  info: { sessionFeed: Details; mentorFeed: Details; mentorIndex: Details; database: Details };
}

// The session cache and the mentor index trust their LISTEN connections. Here those connections
// go silent, as behind a NAT or proxy that forgets them: no reset, no close, nothing delivered.
// The API reaches PostgreSQL through a proxy that can do that to the feeds' connections alone.
describe('change feeds that go silent (FEED_HEARTBEAT_MS=200)', () => {
  let proxy: PgProxy;
  let api: TestApp;

  beforeAll(async () => {
    proxy = await PgProxy.start(process.env['PRECEPTOR_TEST_SERVER_URL']!);
    api = await startTestApp(
      // A session cache that would trust a silent feed for five minutes.
      { FEED_HEARTBEAT_MS: '200', SESSION_CACHE_TTL_MS: '300000' },
      { connectVia: (url) => proxy.url(url) },
    );
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  const readiness = async (): Promise<Readiness> => {
    const response = await fetch(`${api.url}/health/ready`);
    const body = (await response.json()) as { info: Readiness['info'] };
    return { status: response.status, info: body.info };
  };
  const me = (token: string) => api.gql.request<{ me: { id: string } | null }>(ME, {}, { token });
  const mentorsMatching = async (text: string, token: string): Promise<string[]> => {
    const data = await api.gql.ok<{ mentors: { edges: { node: { userId: string } }[] } }>(
      MENTOR_IDS,
      { filter: { text } },
      { token },
    );
    return data.mentors.edges.map((edge) => edge.node.userId);
  };

  it('reports each feed and the mentor index in /health/ready', async () => {
    const { status, info } = await readiness();
    expect(status).toBe(200);
    for (const feed of [info.sessionFeed, info.mentorFeed]) {
      expect(feed).toMatchObject({
        status: 'up',
        state: 'listening',
        heartbeatMs: 200,
        lastHeartbeatAgeMs: expect.any(Number),
        lostForMs: null,
        losses: 0,
      });
    }
    expect(info.mentorIndex).toMatchObject({
      state: 'current',
      mentors: expect.any(Number),
      ageSeconds: expect.any(Number),
    });
  });

  it('counts a silent feed as lost, stops trusting it, and catches up once it is back', async () => {
    const account = await signUp(api.gql);
    // Answered from the database, then remembered: from now on trusted from memory.
    expect((await me(account.accessToken)).data?.me?.id).toBe(account.user.id);
    const mentor = await aMentor(api.gql, { headline: 'Flight nurse' });
    const indexBefore = (await readiness()).info.mentorIndex;

    proxy.silence('preceptor-session-feed', 'preceptor-mentor-index');
    // Three heartbeats missed: both feeds are lost (and cannot reconnect while silenced). With
    // heartbeats this short a busy machine can also lose and restore a feed just before the
    // silence; the reload such a restore starts must be over before the changes below.
    await eventually(async () => {
      const { info } = await readiness();
      return (
        info.sessionFeed['state'] === 'reconnecting' &&
        info.mentorFeed['state'] === 'reconnecting' &&
        info.mentorIndex['state'] === 'current'
      );
    });
    // Changes made elsewhere meanwhile: their notifications go nowhere.
    await api.sql('UPDATE sessions SET ended_at = now() WHERE user_id = $1', [account.user.id]);
    await api.sql(
      `UPDATE profiles SET headline = 'Rotorcraft transport nurse' WHERE user_id = $1`,
      [mentor.user.id],
    );
    const lost = await readiness();
    // Readiness stays about the database and draining: the API still serves, from the database.
    expect(lost.status).toBe(200);
    expect(lost.info.sessionFeed).toMatchObject({
      lastHeartbeatAgeMs: null,
      lostForMs: expect.any(Number),
    });
    // At least once: on a loaded machine a reconnect attempt made while silenced can count too.
    expect(lost.info.sessionFeed['losses']).toBeGreaterThanOrEqual(1);
    // The session cache is off: the session ended elsewhere is refused at once.
    expect(onlyError(await me(account.accessToken)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
    // The index missed the change and knows it cannot hear of it yet.
    expect(await mentorsMatching('rotorcraft', mentor.token)).toEqual([]);

    proxy.heal();
    // Back: the index is reloaded from the table, which holds what it missed.
    await eventually(
      async () => (await mentorsMatching('rotorcraft', mentor.token)).includes(mentor.user.id),
      20_000,
    );
    await eventually(async () => {
      const { info } = await readiness();
      return info.sessionFeed['state'] === 'listening' && info.mentorFeed['state'] === 'listening';
    }, 20_000);
    const back = await readiness();
    expect(Date.parse(back.info.mentorIndex['loadedAt'] as string)).toBeGreaterThan(
      Date.parse(indexBefore['loadedAt'] as string),
    );
    expect(back.info.sessionFeed).toMatchObject({ lostForMs: null });
    expect(back.info.sessionFeed['losses']).toBeGreaterThanOrEqual(1);
  });
});
