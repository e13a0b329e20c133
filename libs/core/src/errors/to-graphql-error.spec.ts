import { describe, expect, it, jest } from '@jest/globals';
import { BadRequestException, type LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphqlError } from '../graphql/format-error.js';
import { CommonError } from './domain-error.js';
import { BUSY_RETRY_AFTER_SECONDS, toGraphQLError } from './to-graphql-error.js';

function aLogger(): LoggerService & { error: jest.Mock; warn: jest.Mock } {
  return { log: jest.fn(), error: jest.fn(), warn: jest.fn() };
}

function pgError(code: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO users ...',
    [],
    Object.assign(new Error('duplicate key'), { code }),
  );
}

describe('toGraphQLError', () => {
  it('keeps a domain error message and adds code, reason and details', () => {
    const error = toGraphQLError(
      CommonError.invalidInput([{ field: 'email', message: 'is empty' }]),
      'req-1',
      aLogger(),
    );
    expect(error.message).toBe('Invalid input. email: is empty');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      field: 'email',
      fields: [{ field: 'email', message: 'is empty' }],
    });
  });

  it('asks for a Retry-After header when the error says when to retry', () => {
    const error = toGraphQLError(CommonError.rateLimited(7), 'req-1', aLogger());
    expect(error.message).toBe('Too many attempts. Try again in 7 seconds.');
    expect(error.extensions).toEqual({
      code: 'TOO_MANY_REQUESTS',
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 7,
      // Apollo sets the header from this and removes it from the error the client sees.
      http: { headers: new Map([['retry-after', '7']]) },
    });
  });

  it.each([
    ['a lock timeout', pgError('55P03')],
    ['a statement timeout', pgError('57014')],
    ['a deadlock that outlasted the retries', pgError('40P01')],
    ['a serialization failure that outlasted the retries', pgError('40001')],
    ['a server out of connections', pgError('53300')],
    ['a server starting up', pgError('57P03')],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    [
      'a connection that did not open in time',
      new Error('Connection terminated due to connection timeout'),
    ],
  ])('answers %s with SERVICE_UNAVAILABLE and Retry-After, logged as a warning', (_what, cause) => {
    const logger = aLogger();
    const error = toGraphQLError(cause, 'req-5', logger);
    expect(error.message).toBe('The service is busy; try again in a few seconds.');
    expect(error.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'SERVICE_BUSY',
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      http: { headers: new Map([['retry-after', String(BUSY_RETRY_AFTER_SECONDS)]]) },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ err: cause, requestId: 'req-5' }),
      expect.any(String),
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('does not take other connection errors for a busy database', () => {
    const error = toGraphQLError(new Error('connect ECONNREFUSED 10.0.0.5:5432'), 'r', aLogger());
    expect(error.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('names the first invalid field', () => {
    const error = toGraphQLError(
      CommonError.invalidInput([{ field: 'email', message: 'must be a valid email address' }]),
      undefined,
      aLogger(),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(error.message).toContain('email: must be a valid email address');
  });

  it('maps unique violations to CONFLICT without SQL', () => {
    const error = toGraphQLError(pgError('23505'), 'req-2', aLogger());
    expect(error.extensions['code']).toBe('CONFLICT');
    expect(error.message).not.toMatch(/INSERT|duplicate/);
  });

  it('maps check violations to BAD_USER_INPUT', () => {
    expect(toGraphQLError(pgError('23514'), 'req-3', aLogger()).extensions['code']).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('maps HTTP exceptions by status', () => {
    expect(toGraphQLError(new BadRequestException('nope'), 'r', aLogger()).extensions['code']).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('logs the unexpected in full and masks it, quoting the request id', () => {
    const logger = aLogger();
    const boom = new TypeError("Cannot read properties of undefined (reading 'x')");
    const error = toGraphQLError(boom, 'req-9', logger);
    expect(error.message).toBe(
      'Something went wrong on our side. Quote request id req-9 if it persists.',
    );
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-9' });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: boom, requestId: 'req-9' }),
      expect.any(String),
    );
  });

  it('passes GraphQL errors that already carry a client code through', () => {
    const original = new GraphQLError('Syntax Error', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(toGraphQLError(original, 'r', aLogger())).toBe(original);
  });
});

describe('formatGraphqlError', () => {
  it('drops stack traces and response headers', () => {
    const formatted = formatGraphqlError({
      message: 'password: too short',
      extensions: {
        code: 'BAD_USER_INPUT',
        stacktrace: ['Error: at x'],
        http: { headers: new Map([['retry-after', '3']]) },
      },
    });
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('masks errors that carry no code, or an unmasked internal error', () => {
    for (const extensions of [undefined, { code: 'INTERNAL_SERVER_ERROR' }]) {
      const formatted = formatGraphqlError({
        message: 'relation "users" does not exist',
        extensions,
      });
      expect(formatted).toEqual({
        message: 'Something went wrong on our side.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
  });
});
