import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ShutdownState } from '@preceptor/core';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('health endpoints', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports live', async () => {
    const response = await fetch(`${api.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('reports ready when the database answers', async () => {
    const response = await fetch(`${api.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
  });

  it('turns unready once draining starts, while still serving requests', async () => {
    api.app.get(ShutdownState).beginDraining();
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    expect((await api.gql.request('{ __typename }')).errors).toBeUndefined();
  });
});
