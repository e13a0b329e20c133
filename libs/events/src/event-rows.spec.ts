import { describe, expect, it } from '@jest/globals';
import type { EntityMetadata } from 'typeorm';
import { selectColumns, selectProperties, unprefixed } from './event-rows.js';

interface FakeColumn {
  propertyName: string;
  databaseName: string;
  type: string;
  isArray: boolean;
  isSelect: boolean;
}

/** The part of TypeORM's metadata these helpers read. */
function metadataOf(columns: FakeColumn[]): EntityMetadata {
  return {
    name: 'Thing',
    columns,
    findColumnWithPropertyName: (property: string) =>
      columns.find((column) => column.propertyName === property),
  } as unknown as EntityMetadata;
}

const column = (propertyName: string, databaseName: string, more: Partial<FakeColumn> = {}) => ({
  propertyName,
  databaseName,
  type: 'varchar',
  isArray: false,
  isSelect: true,
  ...more,
});

const things = metadataOf([
  column('id', 'id', { type: 'uuid' }),
  column('startsAt', 'starts_at', { type: 'timestamptz' }),
  column('growthAreas', 'growth_areas', { type: 'enum', isArray: true }),
  column('kind', 'kind', { type: 'enum' }),
  column('specialtyIds', 'specialty_ids', { type: 'smallint', isArray: true }),
  column('searchWords', 'search_words', { type: 'tsvector', isSelect: false }),
]);

describe('selectColumns', () => {
  it('reads every column under its property name, in the entity’s order', () => {
    expect(selectColumns(things, 'e')).toBe(
      'e."id" AS "id", e."starts_at" AS "startsAt", e."growth_areas"::text[] AS "growthAreas", ' +
        'e."kind" AS "kind", e."specialty_ids" AS "specialtyIds"',
    );
  });

  it('casts enum arrays to text[] only (node-postgres parses those, not enum arrays)', () => {
    const list = selectColumns(things, 'e');
    expect(list).toContain('e."growth_areas"::text[]');
    expect(list).not.toContain('e."kind"::');
    expect(list).not.toContain('e."specialty_ids"::');
  });

  it('leaves out columns the entity never selects', () => {
    expect(selectColumns(things, 'e')).not.toContain('search_words');
  });

  it('leaves out the properties it is told to', () => {
    expect(selectColumns(things, 'e', { except: ['growthAreas', 'kind'] })).toBe(
      'e."id" AS "id", e."starts_at" AS "startsAt", e."specialty_ids" AS "specialtyIds"',
    );
  });

  it('prefixes the names of a joined entity’s columns', () => {
    expect(selectColumns(metadataOf([column('id', 'id')]), 'r', { prefix: 'rsvp.' })).toBe(
      'r."id" AS "rsvp.id"',
    );
  });
});

describe('selectProperties', () => {
  it('reads the chosen properties in the order asked', () => {
    expect(selectProperties(things, 'c', ['kind', 'startsAt'])).toBe(
      'c."kind" AS "kind", c."starts_at" AS "startsAt"',
    );
  });

  it('refuses a property the entity does not have', () => {
    expect(() => selectProperties(things, 'c', ['nope'])).toThrow('Thing has no column nope');
  });
});

describe('unprefixed', () => {
  it('takes the prefixed fields of a row, without the prefix', () => {
    const row = { id: 'event', title: 'T', 'rsvp.id': 'rsvp', 'rsvp.status': 'GOING' };
    expect(unprefixed(row, 'rsvp.', 'id')).toEqual({ id: 'rsvp', status: 'GOING' });
  });

  it('is undefined when the joined row is missing (its key null) or not selected', () => {
    expect(unprefixed({ id: 'event', 'rsvp.id': null, 'rsvp.status': null }, 'rsvp.', 'id')).toBe(
      undefined,
    );
    expect(unprefixed({ id: 'event' }, 'rsvp.', 'id')).toBe(undefined);
  });
});
