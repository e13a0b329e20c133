/**
 * Elements of a PostgreSQL array in its text form, for arrays of plain words or numbers
 * ("{1,7,12}", "{en,es}", "{VIRTUAL}"): PostgreSQL quotes an element only when it holds commas,
 * quotes, braces, spaces or backslashes, which enum labels, language codes and integers never do.
 * Splitting is much cheaper than the driver's general array parser on hot paths.
 */
export function plainArrayElements(literal: string): string[] {
  return literal.length <= 2 ? [] : literal.slice(1, -1).split(',');
}

export function plainArrayNumbers(literal: string): number[] {
  return plainArrayElements(literal).map(Number);
}
