import { describe, expect, it } from '@jest/globals';
import { csvField, toCsv } from './csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are, null empty', () => {
    expect(csvField('Pediatric sepsis')).toBe('Pediatric sepsis');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('Sepsis, early')).toBe('"Sepsis, early"');
    expect(csvField('The "golden" hour')).toBe('"The ""golden"" hour"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('defuses formulas with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,\r\n');
  });
});
