import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { HttpDrain } from './http-drain.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

/** A server whose requests wait until the test answers them. */
async function serve(): Promise<{
  server: http.Server;
  drain: HttpDrain;
  url: string;
  /** Resolves with the server's side of the next request. */
  nextRequest(): Promise<ServerResponse>;
}> {
  const waiting: ((response: ServerResponse) => void)[] = [];
  const arrived: ServerResponse[] = [];
  const server = http.createServer((_request, response) => {
    const taker = waiting.shift();
    if (taker) taker(response);
    else arrived.push(response);
  });
  // So long that only closing idle connections ourselves lets a test end in time.
  server.keepAliveTimeout = 600_000;
  const drain = new HttpDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    drain,
    url: `http://127.0.0.1:${port}/`,
    nextRequest: () =>
      new Promise((resolve) => {
        const response = arrived.shift();
        if (response) resolve(response);
        else waiting.push(resolve);
      }),
  };
}

function get(url: string, agent: http.Agent | false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers }),
        );
      })
      .once('error', reject);
  });
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

describe('HttpDrain', () => {
  it('answers a request in flight, asks its client to close, then stops', async () => {
    const { server, drain, url, nextRequest } = await serve();
    servers.push(server);
    const answer = get(url, false);
    const response = await nextRequest();
    expect(drain.requestsInFlight).toBe(1);

    const closed = drain.close();
    await drain.stopAccepting();
    await expect(get(url, false)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    response.end('done');

    expect(await answer).toMatchObject({ status: 200, headers: { connection: 'close' } });
    await closed;
    expect(drain.requestsInFlight).toBe(0);
  });

  it('keeps accepting while draining, each answer closing its connection', async () => {
    const { server, drain, url, nextRequest } = await serve();
    servers.push(server);
    drain.beginDraining();
    const answer = get(url, false);
    (await nextRequest()).end();
    expect(await answer).toMatchObject({ status: 200, headers: { connection: 'close' } });
    await drain.close();
  });

  it('closes an idle keep-alive connection without waiting for its keep-alive timeout', async () => {
    const { server, drain, url, nextRequest } = await serve();
    servers.push(server);
    const agent = new http.Agent({ keepAlive: true });
    const answer = get(url, agent);
    (await nextRequest()).end();
    expect(await answer).toMatchObject({ headers: { connection: 'keep-alive' } });

    await drain.close();
    agent.destroy();
  });

  it('closes a connection whose answer began before the drain once that answer ends', async () => {
    const { server, drain, url, nextRequest } = await serve();
    servers.push(server);
    const agent = new http.Agent({ keepAlive: true });
    const answer = get(url, agent);
    const response = await nextRequest();
    response.writeHead(200);
    response.flushHeaders();

    const closed = drain.close();
    await drain.stopAccepting();
    response.end('done');
    expect(await answer).toMatchObject({ headers: { connection: 'keep-alive' } });
    await closed;
    agent.destroy();
  });

  it('destroys connections still waiting for an answer when forced', async () => {
    const { server, drain, url, nextRequest } = await serve();
    servers.push(server);
    const answer = get(url, false);
    await nextRequest();

    const closed = drain.close();
    await drain.stopAccepting();
    drain.forceClose();
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
    await closed;
  });
});
