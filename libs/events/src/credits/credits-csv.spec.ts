import { describe, expect, it } from '@jest/globals';
import { CreditType } from '../event-enums.js';
import {
  completionDate,
  CREDIT_CSV_COLUMNS,
  creditsCsv,
  jurisdictionOf,
  type CsvEntry,
} from './credits-csv.js';

const entry: CsvEntry = {
  type: CreditType.CNE,
  hours: 1.5,
  accreditor: 'ANCC',
  activityId: 'ACT-77',
  providerNumber: '50-1234',
  providerName: 'Lakeside Children’s',
  title: 'Sepsis, the first hour',
  // 21:00 in Chicago on 14 March, already the 15th in UTC.
  completedAt: new Date('2026-03-15T02:00:00Z'),
  timeZone: 'America/Chicago',
};
const florida = {
  profession: 'Registered Nurse',
  country: 'US',
  region: 'US-FL',
  number: 'RN9999',
};
const georgia = { profession: 'Registered Nurse', country: 'US', region: 'US-GA', number: 'RN123' };
const person = { npi: '1234567893', boardId: null };

const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

describe('jurisdictionOf', () => {
  it('writes a state without its country, a national licence as its country', () => {
    expect(jurisdictionOf(florida)).toBe('FL');
    expect(jurisdictionOf({ country: 'GB', region: 'GB-ENG' })).toBe('ENG');
    expect(jurisdictionOf({ country: 'IE', region: null })).toBe('IE');
  });
});

describe('completionDate', () => {
  it('is the event’s local date at its end', () => {
    expect(completionDate(entry)).toBe('03/14/2026');
    expect(completionDate({ ...entry, timeZone: 'Europe/Berlin' })).toBe('03/15/2026');
  });
});

describe('creditsCsv', () => {
  it('starts with the documented header', () => {
    expect(lines(creditsCsv([], [], person))).toEqual([
      CREDIT_CSV_COLUMNS.map((column) => column.header).join(','),
    ]);
    expect(CREDIT_CSV_COLUMNS.map((column) => column.header)).toEqual([
      'Provider Number',
      'Provider Name',
      'Course Number',
      'Course Title',
      'Completion Date',
      'Hours',
      'Credit Type',
      'Accreditor',
      'License Number',
      'State',
      'Profession',
      'NPI',
      'Board ID',
    ]);
  });

  it('writes one row per entry and licence', () => {
    const rows = lines(creditsCsv([entry], [florida, georgia], person)).slice(1);
    expect(rows).toEqual([
      '50-1234,Lakeside Children’s,ACT-77,"Sepsis, the first hour",03/14/2026,1.5,CNE,ANCC,RN9999,FL,Registered Nurse,1234567893,',
      '50-1234,Lakeside Children’s,ACT-77,"Sepsis, the first hour",03/14/2026,1.5,CNE,ANCC,RN123,GA,Registered Nurse,1234567893,',
    ]);
  });

  it('writes one row per entry with empty licence columns when none is on file', () => {
    const rows = lines(creditsCsv([entry, { ...entry, type: CreditType.CME }], [], person)).slice(
      1,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(
      '50-1234,Lakeside Children’s,ACT-77,"Sepsis, the first hour",03/14/2026,1.5,CME,ANCC,,,,1234567893,',
    );
  });

  it('defuses an organizer’s formula in a title', () => {
    const rows = lines(creditsCsv([{ ...entry, title: '=cmd|calc' }], [], person));
    expect(rows[1]).toContain(",'=cmd|calc,");
  });
});
