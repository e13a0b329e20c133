import { describe, expect, it } from '@jest/globals';
import {
  copyBoolean,
  copyChunks,
  copyLine,
  copyNumber,
  copyText,
  copyTimestamp,
  plainArray,
  quotedArray,
} from './copy-text.js';

describe('COPY text fields', () => {
  it('writes NULL as \\N and plain text as it is', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyNumber(null)).toBe('\\N');
    expect(copyText('Amara Okafor, RN')).toBe('Amara Okafor, RN');
    expect(copyNumber(12)).toBe('12');
  });

  it('escapes backslashes, tabs and line breaks, and only those', () => {
    expect(copyText('a\\b\tc\nd\re "q" \\N')).toBe('a\\\\b\\tc\\nd\\re "q" \\\\N');
  });

  it('writes booleans and timestamps as PostgreSQL reads them', () => {
    expect([copyBoolean(true), copyBoolean(false)]).toEqual(['t', 'f']);
    expect(copyTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe(
      '2026-01-02T03:04:05.006Z',
    );
  });

  it('writes arrays of labels bare and arrays of strings quoted', () => {
    expect(plainArray([])).toBe('{}');
    expect(plainArray(['MENTOR', 'MENTEE'])).toBe('{MENTOR,MENTEE}');
    expect(plainArray([1, 7, 12])).toBe('{1,7,12}');
    expect(quotedArray([])).toBe('{}');
    // Quoted and backslash-escaped for the array, then COPY-escaped as a whole.
    expect(quotedArray(['https://a.example/x,y', 'say "hi"\\'])).toBe(
      '{"https://a.example/x,y","say \\\\"hi\\\\"\\\\\\\\"}',
    );
  });

  it('ends each row with a line break', () => {
    expect(copyLine(['1', '\\N', 'x'])).toBe('1\t\\N\tx\n');
  });
});

describe('copyChunks', () => {
  it('joins rows into chunks of 250 lines and reports each chunk once it is taken', () => {
    const reported: number[] = [];
    const rows = Array.from({ length: 600 }, (_, i) => i);
    const chunks = [
      ...copyChunks(
        rows,
        (n) => `${n}\n`,
        (n) => reported.push(n),
      ),
    ];
    expect(chunks.map((chunk) => chunk.split('\n').length - 1)).toEqual([250, 250, 100]);
    expect(chunks.join('')).toBe(rows.map((n) => `${n}\n`).join(''));
    expect(reported).toEqual([250, 250, 100]);
  });

  it('yields nothing for no rows', () => {
    expect([...copyChunks([], String)]).toEqual([]);
  });
});
