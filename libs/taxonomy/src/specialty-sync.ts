import type { QueryRunner } from 'typeorm';
import type { SpecialtyDefinition } from './specialties.js';

/**
 * Writes the shipped specialty taxonomy into the database, keeping existing ids (profiles refer
 * to them) and giving new slugs the next free ids. Called from migrations: each release that
 * changes reference/specialties.ts ships a migration that runs this again. Slugs are never
 * deleted, because profiles may still use them.
 */
export async function syncSpecialties(
  runner: QueryRunner,
  definitions: readonly SpecialtyDefinition[],
): Promise<void> {
  const existing = (await runner.query('SELECT id, slug FROM specialties')) as {
    id: number;
    slug: string;
  }[];
  const ids = new Map(existing.map((row) => [row.slug, row.id]));
  let nextId = Math.max(0, ...existing.map((row) => row.id)) + 1;
  for (const definition of definitions) {
    if (!ids.has(definition.slug)) ids.set(definition.slug, nextId++);
  }
  const idOf = (slug: string): number => {
    const id = ids.get(slug);
    if (id === undefined) throw new Error(`Unknown specialty slug in reference data: ${slug}`);
    return id;
  };
  const bySlug = new Map(definitions.map((d) => [d.slug, d]));
  const lineageOf = (definition: SpecialtyDefinition): number[] => {
    const chain: number[] = [];
    for (let current: SpecialtyDefinition | undefined = definition; current;) {
      chain.unshift(idOf(current.slug));
      current = current.parentSlug ? bySlug.get(current.parentSlug) : undefined;
    }
    return chain;
  };

  const rows = definitions.map((d) => ({
    id: idOf(d.slug),
    slug: d.slug,
    name: d.name,
    parent_id: d.parentSlug ? idOf(d.parentSlug) : null,
    tracks: d.tracks,
    nucc_code: d.nuccCode,
    lineage: lineageOf(d),
    related_ids: d.related.map(idOf),
  }));
  await runner.query(
    `INSERT INTO specialties (id, slug, name, parent_id, tracks, nucc_code, lineage, related_ids)
     SELECT id, slug, name, parent_id, tracks::track[], nucc_code, lineage, related_ids
       FROM jsonb_to_recordset($1::jsonb) AS r(
         id smallint, slug varchar, name varchar, parent_id smallint, tracks text[],
         nucc_code varchar, lineage smallint[], related_ids smallint[])
     ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
       parent_id = EXCLUDED.parent_id, tracks = EXCLUDED.tracks, nucc_code = EXCLUDED.nucc_code,
       lineage = EXCLUDED.lineage, related_ids = EXCLUDED.related_ids`,
    [JSON.stringify(rows)],
  );
}
