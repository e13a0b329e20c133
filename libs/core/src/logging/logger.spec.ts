import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createRootLogger, PinoLoggerService } from './logger.js';

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
});
