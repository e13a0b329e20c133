/**
 * The taxonomy as plain data: tracks, career stages, growth areas and the specialty catalog,
 * without the Nest module, entity or GraphQL models. Pure cores (matching) import this entry so
 * they load without Nest or TypeORM; everything here is also exported from `@preceptor/taxonomy`.
 */
export * from './career-stages.js';
export * from './growth-areas.js';
export * from './specialties.js';
export * from './tracks.js';
