/**
 * The continuing-education ledger's arithmetic: periods and totals. Pure.
 */
import type { FieldProblem } from '@preceptor/core';
import { DateTime } from 'luxon';
import { CreditType } from '../event-enums.js';

/** [from, to): entries completed at or after `from` and before `to`; either end may be open. */
export interface CreditPeriod {
  from: Date | null;
  to: Date | null;
}

export function periodProblems(period: CreditPeriod): FieldProblem[] {
  const { from, to } = period;
  if (from && to && to.getTime() <= from.getTime()) {
    return [
      {
        field: 'to',
        message: `must be after from (${from.toISOString()}); the period is from ≤ completion < to`,
      },
    ];
  }
  return [];
}

export function inPeriod(completedAt: Date, period: CreditPeriod): boolean {
  const at = completedAt.getTime();
  return (!period.from || at >= period.from.getTime()) && (!period.to || at < period.to.getTime());
}

export interface CreditTotal {
  type: CreditType;
  /** Sum of the entries' hours, exact to the hundredth (hours are stored to two decimals). */
  hours: number;
  entryCount: number;
}

/**
 * Hours per credit type, in the enum's order, for the types that have entries. Summed in
 * hundredths so that 0.1 + 0.2 is 0.3, as on the certificates.
 */
export function creditTotals(
  entries: readonly { type: CreditType; hours: number }[],
): CreditTotal[] {
  const hundredths = new Map<CreditType, { sum: number; count: number }>();
  for (const entry of entries) {
    const total = hundredths.get(entry.type) ?? { sum: 0, count: 0 };
    total.sum += Math.round(entry.hours * 100);
    total.count += 1;
    hundredths.set(entry.type, total);
  }
  return Object.values(CreditType).flatMap((type) => {
    const total = hundredths.get(type);
    return total ? [{ type, hours: total.sum / 100, entryCount: total.count }] : [];
  });
}

/**
 * The day credit was completed, as the certificate states it: the event's end read in the
 * event's own zone (an evening webinar in Chicago ends "today" there, "tomorrow" in UTC).
 * ISO "YYYY-MM-DD".
 */
export function completedOn(entry: { completedAt: Date; timeZone: string }): string {
  return DateTime.fromJSDate(entry.completedAt, { zone: entry.timeZone }).toISODate()!;
}
