import { describe, expect, it } from '@jest/globals';
import { credentialProblems, isValidNpi } from './credential-rules.js';

const licence = (number: string, region: string | null = 'US-FL', country = 'US') => ({
  profession: 'Registered Nurse',
  country,
  region,
  number,
});

describe('isValidNpi', () => {
  it('accepts NPIs with a correct check digit (CMS’s example and published ones)', () => {
    // CMS's worked example in "Requirements for the NPI check digit": 123456789 → 3.
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1245319599')).toBe(true);
    expect(isValidNpi('1003000126')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    const wrong = [0, 1, 2, 4, 5, 6, 7, 8, 9].map((digit) => isValidNpi(`123456789${digit}`));
    expect(wrong).toEqual(Array.from({ length: 9 }, () => false));
  });

  it('refuses anything but ten digits', () => {
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678933')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
    expect(isValidNpi(' 1234567893')).toBe(false);
    expect(isValidNpi('')).toBe(false);
  });
});

describe('credentialProblems', () => {
  it('accepts no credentials at all, and distinct licences', () => {
    expect(credentialProblems({ licences: [], npi: null })).toEqual([]);
    expect(
      credentialProblems({
        licences: [licence('RN1'), licence('RN1', 'US-GA'), licence('RN1', null, 'IE')],
        npi: '1234567893',
      }),
    ).toEqual([]);
  });

  it('names a bad NPI', () => {
    expect(credentialProblems({ licences: [], npi: '1234567890' })).toEqual([
      expect.objectContaining({ field: 'npi' }),
    ]);
  });

  it('names the second copy of a licence, whatever its case', () => {
    const problems = credentialProblems({
      licences: [licence('rn1'), licence('RN2'), licence('RN1')],
      npi: null,
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'licences[2].number' })]);
  });
});
