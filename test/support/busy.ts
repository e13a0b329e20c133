import { expect } from '@jest/globals';
import { onlyError, type GraphqlResponse } from './graphql-client.js';

/** The answer when the database could not serve a request in time. */
export function expectBusy(result: GraphqlResponse<unknown>): void {
  const error = onlyError(result);
  expect(error.message).toBe('The service is busy; try again in a few seconds.');
  expect(error.extensions).toEqual({
    code: 'SERVICE_UNAVAILABLE',
    reason: 'SERVICE_BUSY',
    retryAfterSeconds: 3,
  });
  expect(result.headers.get('retry-after')).toBe('3');
}
