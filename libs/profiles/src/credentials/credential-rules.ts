/**
 * Professional credentials: licences, NPI, board id. Pure: no Nest, no database.
 */
import type { FieldProblem } from '@preceptor/core';

export const CREDENTIAL_LIMITS = {
  licences: 20,
  profession: 80,
  licenceNumber: 40,
  boardId: 40,
} as const;

/**
 * A US National Provider Identifier: ten digits whose last is a Luhn check digit computed over
 * the first nine prefixed with 80840 (the card issuer prefix CMS uses), as CMS specifies.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  // Luhn from the right of the payload: every second digit, starting with the rightmost, doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

export interface Licence {
  profession: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 3166-2 ("US-FL") for a state's or province's licence; null for a national one. */
  region: string | null;
  number: string;
}

/** What class-validator cannot see: the NPI's check digit, a licence listed twice. */
export function credentialProblems(credentials: {
  licences: readonly Licence[];
  npi: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (credentials.npi !== null && !isValidNpi(credentials.npi)) {
    problems.push({
      field: 'npi',
      message: 'must be a 10-digit NPI whose last digit is its check digit (look it up in NPPES)',
    });
  }
  const seen = new Set<string>();
  credentials.licences.forEach((licence, index) => {
    const key = `${licence.region ?? licence.country}|${licence.number.toUpperCase()}`;
    if (seen.has(key)) {
      problems.push({
        field: `licences[${index}].number`,
        message: `the licence ${licence.number} in ${licence.region ?? licence.country} is listed twice`,
      });
    }
    seen.add(key);
  });
  return problems;
}
