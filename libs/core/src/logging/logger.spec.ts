import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { createHttpLogger, createRootLogger, PinoLoggerService, redactUrl } from './logger.js';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('logging', () => {
  it('never writes credentials', () => {
    const { lines, stream } = capture();
    const logger = createRootLogger('info', stream);
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer eyJhbGciOi.secret',
            cookie: 'sid=1',
            'user-agent': 'app',
          },
        },
        input: { email: 'a@example.org', password: 'correct horse battery staple' },
        payload: { accessToken: 'eyJ.secret', refreshToken: 'opaque-secret' },
      },
      'signed in',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/secret|correct horse|sid=1/);
    expect(lines[0]).toMatchObject({
      msg: 'signed in',
      service: 'preceptor-api',
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'user-agent': 'app' } },
      input: { email: 'a@example.org', password: '[redacted]' },
    });
  });

  it('never writes a calendar feed token from a request path', () => {
    expect(redactUrl('/calendar/Zm9vYmFyLXNlY3JldC10b2tlbi1vZi00My1jaGFycy4.ics')).toBe(
      '/calendar/[redacted]',
    );
    expect(redactUrl('/calendar/abc.ics?x=1')).toBe('/calendar/[redacted]?x=1');
    expect(redactUrl('/events/0b6f3f6e-2f0a-4c59-9a51-6d1f0a7f3c11.ics')).toBe(
      '/events/0b6f3f6e-2f0a-4c59-9a51-6d1f0a7f3c11.ics',
    );
    expect(redactUrl('/graphql')).toBe('/graphql');
  });

  it('logs a database error by its SQLSTATE and constraint, never its SQL or values', () => {
    const { lines, stream } = capture();
    const logger = createRootLogger('info', stream);
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_users_email"'),
      {
        code: '23505',
        constraint: 'uq_users_email',
        table: 'users',
        detail: 'Key (email)=(amara@example.org) already exists.',
      },
    );
    const error = new QueryFailedError(
      'INSERT INTO users (email, password_hash) VALUES ($1, $2)',
      ['amara@example.org', '$argon2id$v=19$m=19456,t=2,p=1$secret-hash'],
      driverError,
    );
    logger.error({ err: error, requestId: 'req-1' }, 'unexpected error');
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/amara@example.org|argon2id|INSERT INTO|already exists/);
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      err: { sqlState: '23505', constraint: 'uq_users_email', table: 'users' },
    });
  });

  it('logs other errors in full', () => {
    const { lines, stream } = capture();
    createRootLogger('info', stream).error({ err: new TypeError('boom') }, 'failed');
    expect(lines[0]).toMatchObject({ err: { type: 'TypeError', message: 'boom' } });
  });

  it('writes Nest log calls as JSON with their context and errors', () => {
    const { lines, stream } = capture();
    const nest = new PinoLoggerService(createRootLogger('info', stream));
    nest.log('Mapped {/graphql, POST} route', 'RouterExplorer');
    nest.error({ err: new Error('boom'), requestId: 'r-1' }, 'unexpected error', 'GraphQL');
    expect(lines[0]).toMatchObject({
      level: 30,
      context: 'RouterExplorer',
      msg: 'Mapped {/graphql, POST} route',
    });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'GraphQL',
      requestId: 'r-1',
      msg: 'unexpected error',
    });
    expect((lines[1]['err'] as { message: string }).message).toBe('boom');
  });

  describe.each(['info', 'warn'] as const)('request ids at level %s', (level) => {
    function run(headers: Record<string, string>): { id: unknown; echoed: unknown; lines: number } {
      const { lines, stream } = capture();
      const middleware = createHttpLogger(createRootLogger(level, stream));
      const response: Record<string, unknown> = {};
      const res = {
        setHeader: (name: string, value: unknown) => (response[name] = value),
        on: () => res,
        removeListener: () => res,
      } as unknown as ServerResponse;
      const req = { headers, url: '/graphql', method: 'POST' } as unknown as IncomingMessage;
      let called = false;
      middleware(req, res, () => (called = true));
      expect(called).toBe(true);
      return {
        id: (req as { id?: unknown }).id,
        echoed: response['x-request-id'],
        lines: lines.length,
      };
    }

    it('keeps a sane caller id and echoes it', () => {
      const { id, echoed } = run({ 'x-request-id': 'client-42.a' });
      expect(id).toBe('client-42.a');
      expect(echoed).toBe('client-42.a');
    });

    it('replaces an unsafe caller id with a fresh one', () => {
      const { id, echoed } = run({ 'x-request-id': 'bad id\n{"forged":1}' });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(echoed).toBe(id);
    });
  });
});
