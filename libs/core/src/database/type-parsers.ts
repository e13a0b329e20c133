import pg from 'pg';

/**
 * Faster text parsers for the column types every page reads, for the API's own connections
 * (which work in UTC: see data-source-options.ts). node-postgres parses each timestamptz with
 * regular expressions and each array character by character; on a page of 20 events that was a
 * quarter of the API's time reading rows. Each parser here handles the common shape exactly as
 * node-postgres does and hands anything else (other offsets, BC, infinity, NULL elements, quoted
 * elements) to node-postgres's own parser, so the values are the same either way.
 */

const { builtins } = pg.types;
/** Array type oids (pg_type.typarray) of the element types below. */
const INT2_ARRAY = 1005;
const INT4_ARRAY = 1007;
const TEXT_ARRAY = 1009;

const ZERO = 48;

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * `YYYY-MM-DD HH:MM:SS[.f…]+00`, as PostgreSQL writes a timestamptz in UTC; milliseconds are
 * truncated, as node-postgres does. Undefined for any other shape.
 */
export function parseUtcTimestamp(text: string): Date | undefined {
  const end = text.length - 3;
  if (
    end < 19 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(10) !== 32 || // space
    text.charCodeAt(end) !== 43 || // +
    text.charCodeAt(end + 1) !== ZERO ||
    text.charCodeAt(end + 2) !== ZERO
  ) {
    return undefined;
  }
  let ms = 0;
  if (end > 19) {
    if (text.charCodeAt(19) !== 46 || end === 20) return undefined; // .
    const fraction = digits(text, 20, Math.min(end, 23));
    ms = fraction * 10 ** (3 - (Math.min(end, 23) - 20));
    if (end > 23 && Number.isNaN(digits(text, 23, end))) return undefined;
  }
  const year = digits(text, 0, 4);
  // Years below 100 would be read as 19xx by Date.UTC; node-postgres's parser handles them.
  if (year < 100) return undefined;
  const time = Date.UTC(
    year,
    digits(text, 5, 7) - 1,
    digits(text, 8, 10),
    digits(text, 11, 13),
    digits(text, 14, 16),
    digits(text, 17, 19),
    ms,
  );
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** `{a,b}` without quotes, escapes or NULLs, split; undefined for any other shape. */
function plainArrayElements(text: string): string[] | undefined {
  if (text.length < 2 || text.charCodeAt(0) !== 123 || text.charCodeAt(text.length - 1) !== 125) {
    return undefined;
  }
  if (text.length === 2) return [];
  if (text.includes('"') || text.includes('\\') || text.includes('{', 1)) return undefined;
  const elements = text.slice(1, -1).split(',');
  return elements.includes('NULL') ? undefined : elements;
}

function integerArray(fallback: (text: string) => unknown): (text: string) => unknown {
  return (text) => {
    const elements = plainArrayElements(text);
    if (!elements) return fallback(text);
    const values = elements.map(Number);
    return values.every(Number.isInteger) ? values : fallback(text);
  };
}

function textArray(fallback: (text: string) => unknown): (text: string) => unknown {
  return (text) => plainArrayElements(text) ?? fallback(text);
}

function withFallback<T>(
  parse: (text: string) => T | undefined,
  fallback: (text: string) => unknown,
): (text: string) => unknown {
  return (text) => parse(text) ?? fallback(text);
}

const defaults = (oid: number): ((text: string) => unknown) =>
  pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;

const fast = new Map<number, (text: string) => unknown>([
  [builtins.TIMESTAMPTZ, withFallback(parseUtcTimestamp, defaults(builtins.TIMESTAMPTZ))],
  [INT2_ARRAY, integerArray(defaults(INT2_ARRAY))],
  [INT4_ARRAY, integerArray(defaults(INT4_ARRAY))],
  [TEXT_ARRAY, textArray(defaults(TEXT_ARRAY))],
]);

/** node-postgres's `types` option: the parsers above, node-postgres's own for the rest. */
export const fastTypeParsers = {
  getTypeParser(oid: number, format: 'text' | 'binary' = 'text'): unknown {
    return (format === 'text' && fast.get(oid)) || pg.types.getTypeParser(oid, format);
  },
};
