import { dictionary } from '@zxcvbn-ts/language-common';

/** ~49,000 passwords seen most often in breaches (the zxcvbn-ts common dictionary). */
const COMMON = new Set<string>(dictionary['passwords-common']);

/** Repeats of one unit, e.g. "qwertyqwerty" → "qwerty". */
function repeatedUnit(value: string): string | null {
  for (let size = 1; size <= value.length / 2; size += 1) {
    if (value.length % size === 0 && value.slice(0, size).repeat(value.length / size) === value) {
      return value.slice(0, size);
    }
  }
  return null;
}

/** True for a known-common password, also padded with digits/symbols or repeated. */
export function isCommonPassword(lowered: string): boolean {
  const stripped = lowered.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const unit = repeatedUnit(stripped);
  return (
    COMMON.has(lowered) ||
    (stripped.length > 0 && COMMON.has(stripped)) ||
    (unit !== null && (unit.length < 4 || COMMON.has(unit)))
  );
}
