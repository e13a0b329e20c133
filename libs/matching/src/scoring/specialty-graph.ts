import {
  SPECIALTIES,
  type SpecialtyDefinition,
  type SpecialtyRow,
} from '@preceptor/taxonomy/reference';

/** One specialty as the API's catalog holds it. */
export type SpecialtyCatalogRow = SpecialtyRow;

export interface SpecialtyNode extends SpecialtyCatalogRow {
  readonly childIds: readonly number[];
}

/**
 * How two specialties sit in the taxonomy, closest first. "Of" reads from the first specialty
 * to the second: PARENT means the first is the second's parent.
 */
export type SpecialtyRelation =
  | 'SAME'
  | 'PARENT'
  | 'CHILD'
  | 'SIBLING'
  | 'RELATED'
  | 'GRANDPARENT'
  | 'GRANDCHILD'
  | 'SAME_TRACK'
  | 'NONE';

/**
 * The proximity classes scoring and retrieval share. NEARBY holds siblings, an explicit related
 * link, and specialties two levels apart on one branch (a broad field and a niche within it).
 */
export type SpecialtyProximity = 'SAME' | 'PARENT_OR_CHILD' | 'NEARBY' | 'SAME_TRACK' | 'NONE';

export const SPECIALTY_PROXIMITIES: readonly SpecialtyProximity[] = [
  'SAME',
  'PARENT_OR_CHILD',
  'NEARBY',
  'SAME_TRACK',
  'NONE',
];

export function proximityOf(relation: SpecialtyRelation): SpecialtyProximity {
  switch (relation) {
    case 'SAME':
      return 'SAME';
    case 'PARENT':
    case 'CHILD':
      return 'PARENT_OR_CHILD';
    case 'SIBLING':
    case 'RELATED':
    case 'GRANDPARENT':
    case 'GRANDCHILD':
      return 'NEARBY';
    case 'SAME_TRACK':
      return 'SAME_TRACK';
    case 'NONE':
      return 'NONE';
  }
}

/** The specialty tree with its cross-links, for distances between specialties. */
export class SpecialtyGraph {
  private readonly byId: ReadonlyMap<number, SpecialtyNode>;
  private readonly idBySlug: ReadonlyMap<string, number>;

  private constructor(nodes: readonly SpecialtyNode[]) {
    this.byId = new Map(nodes.map((node) => [node.id, node]));
    this.idBySlug = new Map(nodes.map((node) => [node.slug, node.id]));
  }

  /**
   * From the API's catalog rows. Links to ids the catalog does not hold are dropped, so a stale
   * reference degrades one distance instead of failing every match.
   */
  static fromCatalog(rows: readonly SpecialtyCatalogRow[]): SpecialtyGraph {
    const ids = new Set(rows.map((row) => row.id));
    if (ids.size !== rows.length) throw new Error('Specialty catalog repeats an id');
    const children = new Map<number, number[]>();
    for (const row of rows) {
      if (row.parentId !== null && ids.has(row.parentId)) {
        const siblings = children.get(row.parentId) ?? [];
        siblings.push(row.id);
        children.set(row.parentId, siblings);
      }
    }
    return new SpecialtyGraph(
      rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        parentId: row.parentId !== null && ids.has(row.parentId) ? row.parentId : null,
        relatedIds: row.relatedIds.filter((id) => ids.has(id)),
        tracks: row.tracks,
        childIds: children.get(row.id) ?? [],
      })),
    );
  }

  get size(): number {
    return this.byId.size;
  }

  node(id: number): SpecialtyNode | undefined {
    return this.byId.get(id);
  }

  nodes(): IterableIterator<SpecialtyNode> {
    return this.byId.values();
  }

  /** The id of a slug; throws for an unknown slug (for fixtures and tooling, not requests). */
  idOf(slug: string): number {
    const id = this.idBySlug.get(slug);
    if (id === undefined) throw new Error(`Unknown specialty slug "${slug}"`);
    return id;
  }

  /** How `from` sits relative to `to`; unknown ids are NONE. */
  relation(from: number, to: number): SpecialtyRelation {
    const a = this.byId.get(from);
    const b = this.byId.get(to);
    if (!a || !b) return 'NONE';
    if (a.id === b.id) return 'SAME';
    if (b.parentId === a.id) return 'PARENT';
    if (a.parentId === b.id) return 'CHILD';
    if (a.parentId !== null && a.parentId === b.parentId) return 'SIBLING';
    if (a.relatedIds.includes(b.id)) return 'RELATED';
    if (b.parentId !== null && this.byId.get(b.parentId)?.parentId === a.id) return 'GRANDPARENT';
    if (a.parentId !== null && this.byId.get(a.parentId)?.parentId === b.id) return 'GRANDCHILD';
    if (a.tracks.some((track) => b.tracks.includes(track))) return 'SAME_TRACK';
    return 'NONE';
  }

  proximity(from: number, to: number): SpecialtyProximity {
    return proximityOf(this.relation(from, to));
  }
}

/** From the API's catalog rows (ids as stored). */
export function buildSpecialtyGraph(rows: readonly SpecialtyCatalogRow[]): SpecialtyGraph {
  return SpecialtyGraph.fromCatalog(rows);
}

/**
 * From the shipped taxonomy with ids 1, 2, … in definition order: the ids a fresh database gets
 * (syncSpecialties gives new slugs the next free id in that order). For tests and tooling; the
 * API builds its graph from the catalog it loaded.
 */
export function specialtyGraphFromTaxonomy(
  definitions: readonly SpecialtyDefinition[] = SPECIALTIES,
): SpecialtyGraph {
  const idBySlug = new Map(definitions.map((definition, index) => [definition.slug, index + 1]));
  const idOf = (slug: string): number | undefined => idBySlug.get(slug);
  return SpecialtyGraph.fromCatalog(
    definitions.map((definition, index) => ({
      id: index + 1,
      slug: definition.slug,
      name: definition.name,
      parentId: definition.parentSlug === null ? null : (idOf(definition.parentSlug) ?? null),
      relatedIds: definition.related.flatMap((slug) => idOf(slug) ?? []),
      tracks: definition.tracks,
    })),
  );
}
