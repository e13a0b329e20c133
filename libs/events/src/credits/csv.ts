/**
 * RFC 4180 CSV, written by hand because it is small: fields separated by commas, records by
 * CRLF, a field quoted when it holds a comma, a quote, CR or LF, and quotes doubled inside.
 * Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or CR, per
 * OWASP's CSV injection advice) gets a leading apostrophe, so it shows as text.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The records, each ending with CRLF (the header is the first record). */
export function toCsv(records: readonly (readonly CsvCell[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
