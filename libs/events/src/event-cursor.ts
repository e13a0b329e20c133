import { decodeCursor, encodeCursor, isCanonicalUuid } from '@preceptor/core';

/** A place in a list ordered by the event's start, then an id (events, or RSVPs by event). */
export interface StartCursor {
  readonly startsAt: Date;
  readonly id: string;
}

interface EncodedStartCursor {
  /** The event's start, ISO (stored to the millisecond, so exact). */
  s: string;
  /** The event's or RSVP's id. */
  i: string;
}

function isEncodedStartCursor(value: unknown): value is EncodedStartCursor {
  const cursor = value as EncodedStartCursor;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof cursor.s === 'string' &&
    !Number.isNaN(Date.parse(cursor.s)) &&
    typeof cursor.i === 'string' &&
    isCanonicalUuid(cursor.i)
  );
}

/** Opaque: the next page starts strictly after (startsAt, id). */
export function encodeStartCursor(startsAt: Date, id: string): string {
  return encodeCursor({ s: startsAt.toISOString(), i: id } satisfies EncodedStartCursor);
}

/** BAD_USER_INPUT for anything not made by encodeStartCursor; undefined for no cursor. */
export function decodeStartCursor(text: string | null | undefined): StartCursor | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  const { s, i } = decodeCursor(text, isEncodedStartCursor);
  return { startsAt: new Date(s), id: i };
}
