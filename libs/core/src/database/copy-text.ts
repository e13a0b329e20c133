/**
 * Bulk writes with `COPY … FROM STDIN` in PostgreSQL's text format: one line per row, fields
 * separated by tabs, `\N` for NULL, backslash escapes. The encoders below turn values into
 * fields; `copyChunks` turns rows into lines, and `copyInto` streams them to the database.
 */
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The NULL field. */
export const COPY_NULL = '\\N';
/** Rows per write to the COPY stream: large enough to amortise calls, small enough to interleave. */
const ROWS_PER_CHUNK = 250;
/** Produced ahead of what PostgreSQL has read (a few hundred milliseconds of its work). */
const COPY_BUFFER_BYTES = 8 * 1024 * 1024;

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

export function copyText(value: string | null): string {
  if (value === null) return COPY_NULL;
  // Most text needs no escaping: test first, replace only when it does.
  return COPY_SPECIAL.test(value)
    ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c] ?? c)
    : value;
}

export function copyNumber(value: number | null): string {
  return value === null ? COPY_NULL : String(value);
}

export function copyBoolean(value: boolean): string {
  return value ? 't' : 'f';
}

/** A `timestamptz` field, in UTC. */
export function copyTimestamp(value: Date): string {
  return value.toISOString();
}

/** Array of enum labels, codes or numbers: no element needs quoting. */
export function plainArray(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/** Array of arbitrary strings: every element quoted (then COPY-escaped as a whole). */
export function quotedArray(values: readonly string[]): string {
  return copyText(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}

/** One row of encoded fields, as a line. */
export function copyLine(fields: readonly string[]): string {
  return fields.join('\t') + '\n';
}

/**
 * The rows as COPY lines, a few hundred to a chunk, each row encoded by `line`. `onRows` hears
 * how many rows each chunk held once the chunk has been taken.
 */
export function* copyChunks<T>(
  rows: Iterable<T>,
  line: (row: T) => string,
  onRows?: (rows: number) => void,
): Generator<string> {
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    chunk += line(row);
    if (++count === ROWS_PER_CHUNK) {
      yield chunk;
      onRows?.(count);
      chunk = '';
      count = 0;
    }
  }
  if (count > 0) {
    yield chunk;
    onRows?.(count);
  }
}

/**
 * Hands the event loop back between chunks, so the socket keeps taking data while the next chunk
 * is produced: otherwise producing and PostgreSQL's parsing take turns instead of overlapping.
 */
async function* paced(chunks: Iterable<string>): AsyncGenerator<string> {
  for (const chunk of chunks) {
    yield chunk;
    await setImmediate();
  }
}

/**
 * `COPY table (columns) FROM STDIN`, fed with `chunks` (whole lines each) as they are produced.
 * Runs on the caller's connection, so it joins the caller's transaction.
 */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string>,
): Promise<void> {
  const stream = client.query(
    copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, {
      highWaterMark: COPY_BUFFER_BYTES,
    }),
  );
  await pipeline(paced(chunks), stream);
}
