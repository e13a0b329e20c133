import { SPECIALTIES } from '@preceptor/taxonomy/reference';
import type { SeedSpecialty } from '../synthetic-people.js';

/** The shipped taxonomy with ids numbered in order, as the migration's first sync assigns them. */
export function catalogFromReference(): SeedSpecialty[] {
  const ids = new Map(SPECIALTIES.map((s, i) => [s.slug, i + 1]));
  const bySlug = new Map(SPECIALTIES.map((s) => [s.slug, s]));
  return SPECIALTIES.map((s) => {
    const lineage: number[] = [];
    for (let current: typeof s | undefined = s; current;) {
      lineage.unshift(ids.get(current.slug)!);
      current = current.parentSlug ? bySlug.get(current.parentSlug) : undefined;
    }
    return {
      id: ids.get(s.slug)!,
      name: s.name,
      parentId: s.parentSlug ? ids.get(s.parentSlug)! : null,
      tracks: s.tracks,
      lineage,
    };
  });
}
