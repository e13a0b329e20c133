import { describe, expect, it } from '@jest/globals';
import { plainArrayElements, plainArrayNumbers } from './pg-array-text.js';

describe('plain PostgreSQL array text', () => {
  it.each([
    ['{}', []],
    ['{en}', ['en']],
    ['{en,es,tl}', ['en', 'es', 'tl']],
    ['{VIRTUAL,IN_PERSON}', ['VIRTUAL', 'IN_PERSON']],
  ])('splits %s', (literal, expected) => {
    expect(plainArrayElements(literal)).toEqual(expected);
  });

  it('reads integers', () => {
    expect(plainArrayNumbers('{1,7,312}')).toEqual([1, 7, 312]);
    expect(plainArrayNumbers('{}')).toEqual([]);
  });
});
