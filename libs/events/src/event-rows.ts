import type { EntityMetadata } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Reading entities with plain SQL on hot paths, without the ORM's per-row hydration, while the
 * entity stays the one definition of its columns: the select list is derived from the entity's
 * metadata, each column under its property name, so a row arrives in the entity's shape and goes
 * to the domain's mapper as it is.
 */

/** Enum arrays come from node-postgres as '{A,B}' text unless cast to text[], which it parses. */
function columnExpression(alias: string, column: ColumnMetadata): string {
  const expression = `${alias}."${column.databaseName}"`;
  return column.type === 'enum' && column.isArray ? `${expression}::text[]` : expression;
}

/** The entity's readable columns (not `select: false` ones), in its own order. */
function readableColumns(metadata: EntityMetadata, except: readonly string[]): ColumnMetadata[] {
  return metadata.columns.filter(
    (column) => column.isSelect && !except.includes(column.propertyName),
  );
}

/**
 * A select list of the entity's readable columns from `alias` (but the properties in `except`),
 * each as its property name (prefixed with `prefix`, for a joined entity: see `unprefixed`).
 */
export function selectColumns(
  metadata: EntityMetadata,
  alias: string,
  { prefix = '', except = [] }: { prefix?: string; except?: readonly string[] } = {},
): string {
  return readableColumns(metadata, except)
    .map((column) => `${columnExpression(alias, column)} AS "${prefix}${column.propertyName}"`)
    .join(', ');
}

/**
 * A select list of the chosen properties of the entity from `alias`, each as its property name
 * (for a subquery whose rows json_agg turns into objects keyed by property name).
 */
export function selectProperties(
  metadata: EntityMetadata,
  alias: string,
  properties: readonly string[],
): string {
  return properties
    .map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return `${columnExpression(alias, column)} AS "${property}"`;
    })
    .join(', ');
}

/**
 * The fields of `row` selected with `prefix` (see selectColumns), without it; undefined when the
 * joined row is missing (its key, `keyProperty`, is null).
 */
export function unprefixed<T>(
  row: Record<string, unknown>,
  prefix: string,
  keyProperty: string,
): T | undefined {
  if (row[`${prefix}${keyProperty}`] === null || row[`${prefix}${keyProperty}`] === undefined) {
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) fields[key.slice(prefix.length)] = value;
  }
  return fields as T;
}
