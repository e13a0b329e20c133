import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CommonError } from '@preceptor/core';
import type { Repository } from 'typeorm';
import type { SpecialtyModel } from './models/taxonomy.models.js';
import type { SpecialtyRow } from './specialties.js';
import { TaxonomyError } from './taxonomy.errors.js';
import { SpecialtyEntity } from './specialty.entity.js';

export interface CatalogSpecialty {
  id: number;
  lineage: readonly number[];
  model: SpecialtyModel;
}

/**
 * The specialty taxonomy, read once from the database (where migrations keep it) and served
 * from memory: a few hundred rows that every profile read and filter needs.
 */
@Injectable()
export class SpecialtyCatalog implements OnModuleInit {
  private bySlug = new Map<string, CatalogSpecialty>();
  private byId = new Map<number, CatalogSpecialty>();
  private sorted: CatalogSpecialty[] = [];
  private rows: SpecialtyRow[] = [];

  constructor(
    @InjectRepository(SpecialtyEntity) private readonly specialties: Repository<SpecialtyEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const rows = await this.specialties.find();
    const models = new Map<number, SpecialtyModel>(
      rows.map((row) => [
        row.id,
        {
          slug: row.slug,
          name: row.name,
          parent: null,
          parentSlug: null,
          children: [],
          childSlugs: [],
          tracks: row.tracks,
          related: [],
          relatedSlugs: [],
          nuccCode: row.nuccCode,
        },
      ]),
    );
    for (const row of rows) {
      const model = models.get(row.id)!;
      model.parent = row.parentId === null ? null : (models.get(row.parentId) ?? null);
      model.parentSlug = model.parent?.slug ?? null;
      model.parent?.children.push(model);
      model.related = row.relatedIds.flatMap((id) => models.get(id) ?? []);
      model.relatedSlugs = model.related.map((related) => related.slug);
    }
    for (const model of models.values()) {
      model.children.sort(byName);
      model.childSlugs = model.children.map((child) => child.slug);
    }
    const entries = rows.map((row) => ({
      id: row.id,
      lineage: row.lineage,
      model: models.get(row.id)!,
    }));
    this.bySlug = new Map(entries.map((entry) => [entry.model.slug, entry]));
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.sorted = [...entries].sort((a, b) => byName(a.model, b.model));
    this.rows = rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      parentId: row.parentId,
      relatedIds: row.relatedIds,
      tracks: row.tracks,
    }));
  }

  /** Every specialty with its links as ids (loaded at start-up). */
  specialtyRows(): readonly SpecialtyRow[] {
    return this.rows;
  }

  find(slug: string): CatalogSpecialty | undefined {
    return this.bySlug.get(slug);
  }

  byIdOrUndefined(id: number): CatalogSpecialty | undefined {
    return this.byId.get(id);
  }

  /** Resolves slugs a client sent in `field`, naming any that do not exist. */
  resolve(slugs: readonly string[], field: string): CatalogSpecialty[] {
    const unknown = slugs.filter((slug) => !this.bySlug.has(slug));
    if (unknown.length > 0) {
      throw CommonError.invalidInput([
        {
          field,
          message: `unknown specialty ${unknown.map((s) => `"${s}"`).join(', ')}; list them with specialties(search: ...)`,
        },
      ]);
    }
    return slugs.map((slug) => this.bySlug.get(slug)!);
  }

  /** Specialties matching `search` in name or slug, or the children of `parentSlug`; all if neither. */
  list(search: string | undefined, parentSlug: string | undefined): SpecialtyModel[] {
    let entries = this.sorted;
    if (parentSlug !== undefined) {
      const parent = this.bySlug.get(parentSlug);
      if (!parent) throw TaxonomyError.specialtyNotFound(parentSlug);
      entries = entries.filter((entry) => entry.model.parent === parent.model);
    }
    const words = (search ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length > 0) {
      entries = entries.filter((entry) => {
        const haystack = `${entry.model.name} ${entry.model.slug}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
    }
    return entries.map((entry) => entry.model);
  }
}

function byName(a: SpecialtyModel, b: SpecialtyModel): number {
  return a.name.localeCompare(b.name, 'en');
}
