import { describe, expect, it } from '@jest/globals';
import { CreditType } from '../event-enums.js';
import { creditTotals, inPeriod, periodProblems } from './ledger-rules.js';

const at = (iso: string) => new Date(iso);

describe('periodProblems', () => {
  it('accepts open ends and a forward range', () => {
    expect(periodProblems({ from: null, to: null })).toEqual([]);
    expect(periodProblems({ from: at('2026-01-01T00:00:00Z'), to: null })).toEqual([]);
    expect(periodProblems({ from: null, to: at('2026-01-01T00:00:00Z') })).toEqual([]);
    expect(
      periodProblems({ from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') }),
    ).toEqual([]);
  });

  it('refuses to before from, and an empty range, naming to', () => {
    for (const to of ['2025-12-31T00:00:00Z', '2026-01-01T00:00:00Z']) {
      const problems = periodProblems({ from: at('2026-01-01T00:00:00Z'), to: at(to) });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.field).toBe('to');
      expect(problems[0]?.message).toContain('must be after from');
    }
  });
});

describe('inPeriod', () => {
  const year = { from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') };
  it('includes from and excludes to', () => {
    expect(inPeriod(at('2026-01-01T00:00:00Z'), year)).toBe(true);
    expect(inPeriod(at('2026-12-31T23:59:59.999Z'), year)).toBe(true);
    expect(inPeriod(at('2027-01-01T00:00:00Z'), year)).toBe(false);
    expect(inPeriod(at('2025-12-31T23:59:59.999Z'), year)).toBe(false);
  });
  it('open ends take everything on that side', () => {
    expect(inPeriod(at('1990-01-01T00:00:00Z'), { from: null, to: year.to })).toBe(true);
    expect(inPeriod(at('2090-01-01T00:00:00Z'), { from: year.from, to: null })).toBe(true);
  });
});

describe('creditTotals', () => {
  it('sums hours per type in the enum order, exactly to the hundredth', () => {
    expect(
      creditTotals([
        { type: CreditType.CNE, hours: 0.1 },
        { type: CreditType.CME, hours: 1.5 },
        { type: CreditType.CNE, hours: 0.2 },
        { type: CreditType.CME, hours: 0.75 },
      ]),
    ).toEqual([
      { type: CreditType.CME, hours: 2.25, entryCount: 2 },
      { type: CreditType.CNE, hours: 0.3, entryCount: 2 },
    ]);
  });

  it('is empty without entries', () => {
    expect(creditTotals([])).toEqual([]);
  });
});
