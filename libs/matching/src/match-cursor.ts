import { decodeCursor, encodeCursor, isCanonicalUuid } from '@preceptor/core';
import type { MatchCursor } from './retrieval/top-matches.js';

interface EncodedMatchCursor {
  /** score */
  s: number;
  /** the other side's user id */
  u: string;
}

function isEncodedMatchCursor(value: unknown): value is EncodedMatchCursor {
  const cursor = value as EncodedMatchCursor;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof cursor.s === 'number' &&
    Number.isFinite(cursor.s) &&
    typeof cursor.u === 'string' &&
    isCanonicalUuid(cursor.u)
  );
}

/** Opaque: (score, user id) of an edge; the next page starts strictly after it. */
export function encodeMatchCursor(cursor: MatchCursor): string {
  return encodeCursor({ s: cursor.score, u: cursor.id } satisfies EncodedMatchCursor);
}

/** BAD_USER_INPUT for anything not made by encodeMatchCursor. */
export function decodeMatchCursor(text: string | null | undefined): MatchCursor | undefined {
  // GraphQL sends an explicit null for "from the start".
  if (text === undefined || text === null) return undefined;
  const { s, u } = decodeCursor(text, isEncodedMatchCursor);
  return { score: s, id: u };
}
