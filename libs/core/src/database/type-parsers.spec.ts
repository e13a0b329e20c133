import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { fastTypeParsers, parseUtcTimestamp } from './type-parsers.js';

const TIMESTAMPTZ = pg.types.builtins.TIMESTAMPTZ;
const INT2_ARRAY = 1005;
const INT4_ARRAY = 1007;
const TEXT_ARRAY = 1009;

const ours = (oid: number) => fastTypeParsers.getTypeParser(oid, 'text') as (t: string) => unknown;
const theirs = (oid: number) => pg.types.getTypeParser(oid, 'text') as (t: string) => unknown;

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** How PostgreSQL writes a timestamptz in UTC: trailing zeros of the fraction dropped. */
function pgText(date: Date, micros: number): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('fast type parsers', () => {
  it('read UTC timestamps as node-postgres does, to the millisecond, across years', () => {
    const next = random(7);
    for (let i = 0; i < 5_000; i += 1) {
      const time = Date.UTC(1900, 0, 1) + Math.floor(next() * 250 * 365.25 * 86_400_000);
      const text = pgText(new Date(time), Math.floor(next() * 1000));
      const parsed = ours(TIMESTAMPTZ)(text) as Date;
      expect(parsed.getTime()).toBe(time);
      // node-postgres multiplies the fraction in floating point, then truncates: it can land
      // a millisecond low (.009 → 8 ms); ours reads the digits.
      expect(
        Math.abs(parsed.getTime() - (theirs(TIMESTAMPTZ)(text) as Date).getTime()),
      ).toBeLessThanOrEqual(1);
    }
  });

  it('read whole seconds and every fraction length', () => {
    for (const text of [
      '2026-12-01 09:00:00+00',
      '2026-12-01 09:00:00.5+00',
      '2026-12-01 09:00:00.25+00',
      '2026-12-01 09:00:00.125+00',
      '2026-12-01 09:00:00.1254+00',
      '2026-12-01 09:00:00.999999+00',
      '2024-02-29 23:59:59.001+00',
    ]) {
      expect(ours(TIMESTAMPTZ)(text)).toEqual(theirs(TIMESTAMPTZ)(text));
    }
  });

  it('leave other shapes to node-postgres', () => {
    for (const text of [
      '2026-12-01 09:00:00-05',
      '2026-12-01 09:00:00+05:30',
      '0044-03-15 12:00:00+00',
      '0044-03-15 12:00:00+00 BC',
      'infinity',
      '-infinity',
      '12026-01-01 00:00:00+00',
    ]) {
      expect(parseUtcTimestamp(text)).toBeUndefined();
      expect(ours(TIMESTAMPTZ)(text)).toEqual(theirs(TIMESTAMPTZ)(text));
    }
  });

  it('read arrays as node-postgres does', () => {
    const cases: [number, string][] = [
      [INT2_ARRAY, '{}'],
      [INT2_ARRAY, '{1}'],
      [INT2_ARRAY, '{3,-17,32767,0}'],
      [INT2_ARRAY, '{1,NULL,3}'],
      [INT4_ARRAY, '{2147483647,-2147483648}'],
      [TEXT_ARRAY, '{}'],
      [TEXT_ARRAY, '{NURSING,PHYSICIAN}'],
      [TEXT_ARRAY, '{LEADERSHIP_MANAGEMENT}'],
      [TEXT_ARRAY, '{a,NULL,b}'],
      [TEXT_ARRAY, '{"NULL",""}'],
      [TEXT_ARRAY, '{"a,b","say \\"hi\\"",c}'],
      [TEXT_ARRAY, '{"with space",x}'],
      [TEXT_ARRAY, '{{a,b},{c,d}}'],
      [INT4_ARRAY, '{{1,2},{3,4}}'],
      [TEXT_ARRAY, '{é,日本}'],
    ];
    for (const [oid, text] of cases) {
      expect({ text, value: ours(oid)(text) }).toEqual({ text, value: theirs(oid)(text) });
    }
  });

  it('hand every other type to node-postgres', () => {
    for (const oid of [pg.types.builtins.INT8, pg.types.builtins.JSON, pg.types.builtins.DATE]) {
      expect(fastTypeParsers.getTypeParser(oid, 'text')).toBe(pg.types.getTypeParser(oid, 'text'));
    }
    expect(fastTypeParsers.getTypeParser(TIMESTAMPTZ, 'binary')).toBe(
      pg.types.getTypeParser(TIMESTAMPTZ, 'binary'),
    );
  });
});
