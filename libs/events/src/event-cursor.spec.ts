import { describe, expect, it } from '@jest/globals';
import { encodeCursor } from '@preceptor/core';
import { decodeStartCursor, encodeStartCursor } from './event-cursor.js';

describe('start cursors (events, RSVPs)', () => {
  const startsAt = new Date('2027-03-04T15:30:00.123Z');
  const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

  it('round-trips the start to the millisecond and the id', () => {
    expect(decodeStartCursor(encodeStartCursor(startsAt, id))).toEqual({ startsAt, id });
  });

  it('reads no cursor as the first page', () => {
    for (const none of [undefined, null, '']) expect(decodeStartCursor(none)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'bm90IGEgY3Vyc29y'],
    ['a start that is no date', encodeCursor({ s: 'soon', i: id })],
    ['an id in capitals (ids compare as text)', encodeCursor({ s: startsAt, i: id.toUpperCase() })],
    ['no id', encodeCursor({ s: startsAt })],
    ['another list’s cursor', encodeCursor({ s: 12.5, u: id })],
  ])('refuses %s as BAD_USER_INPUT on `after`', (_, text) => {
    expect(() => decodeStartCursor(text)).toThrow(
      expect.objectContaining({ apiCode: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' }),
    );
  });
});
