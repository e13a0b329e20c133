import { describe, expect, it } from '@jest/globals';
import { searchOf } from './apollo-express.js';

describe('searchOf: the query string Apollo reads (as url.parse gives it)', () => {
  it.each([
    ['/graphql', ''],
    ['/graphql?', '?'],
    ['/graphql?query=%7B__typename%7D', '?query=%7B__typename%7D'],
    ['/graphql?a=1&b=2#frag', '?a=1&b=2'],
    ['/graphql#frag?not=query', ''],
  ])('%s → %j', (path, search) => {
    expect(searchOf(path)).toBe(search);
  });
});
