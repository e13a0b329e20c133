/**
 * The ledger as the CSV people upload to state CE trackers (CE Broker's columns first). The
 * columns are declared once here: the header, the values and the docs' table follow this list.
 * Pure.
 */
import type { CreditType } from '../event-enums.js';
import { toCsv, type CsvCell } from './csv.js';
import { completedOn } from './ledger-rules.js';

/** One ledger entry as the export reads it. */
export interface CsvEntry {
  type: CreditType;
  hours: number;
  accreditor: string;
  activityId: string | null;
  providerNumber: string | null;
  providerName: string;
  title: string;
  completedAt: Date;
  timeZone: string;
}

/** One licence of the person exporting. */
export interface CsvLicence {
  profession: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 3166-2 ("US-FL"), when the licence is a state's or province's. */
  region: string | null;
  number: string;
}

/** The person's identifiers that some boards ask for besides the licence. */
export interface CsvPerson {
  npi: string | null;
  boardId: string | null;
}

interface CsvRow {
  entry: CsvEntry;
  licence: CsvLicence | null;
  person: CsvPerson;
}

/**
 * The licence's jurisdiction as trackers write it: the state or province code without the
 * country ("FL" for US-FL), or the country code for a national licence.
 */
export function jurisdictionOf(licence: { country: string; region: string | null }): string {
  return licence.region ? licence.region.slice(licence.region.indexOf('-') + 1) : licence.country;
}

/** The completion date (`completedOn`) as CE Broker's upload writes dates: MM/DD/YYYY. */
export function completionDate(entry: { completedAt: Date; timeZone: string }): string {
  const [year, month, day] = completedOn(entry).split('-');
  return `${month}/${day}/${year}`;
}

export const CREDIT_CSV_COLUMNS: readonly { header: string; value: (row: CsvRow) => CsvCell }[] = [
  { header: 'Provider Number', value: ({ entry }) => entry.providerNumber },
  { header: 'Provider Name', value: ({ entry }) => entry.providerName },
  { header: 'Course Number', value: ({ entry }) => entry.activityId },
  { header: 'Course Title', value: ({ entry }) => entry.title },
  { header: 'Completion Date', value: ({ entry }) => completionDate(entry) },
  { header: 'Hours', value: ({ entry }) => entry.hours },
  { header: 'Credit Type', value: ({ entry }) => entry.type },
  { header: 'Accreditor', value: ({ entry }) => entry.accreditor },
  { header: 'License Number', value: ({ licence }) => licence?.number ?? null },
  { header: 'State', value: ({ licence }) => (licence ? jurisdictionOf(licence) : null) },
  { header: 'Profession', value: ({ licence }) => licence?.profession ?? null },
  { header: 'NPI', value: ({ person }) => person.npi },
  { header: 'Board ID', value: ({ person }) => person.boardId },
];

/**
 * One row per entry and licence (a nurse licensed in two states reports each course to both);
 * one row per entry with the licence columns empty when the person has no licence on file.
 */
export function creditsCsv(
  entries: readonly CsvEntry[],
  licences: readonly CsvLicence[],
  person: CsvPerson,
): string {
  const perEntry: (CsvLicence | null)[] = licences.length > 0 ? [...licences] : [null];
  const rows = entries.flatMap((entry) =>
    perEntry.map((licence) =>
      CREDIT_CSV_COLUMNS.map((column) => column.value({ entry, licence, person })),
    ),
  );
  return toCsv([CREDIT_CSV_COLUMNS.map((column) => column.header), ...rows]);
}
