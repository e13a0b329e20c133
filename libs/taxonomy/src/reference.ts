/**
 * The taxonomy as plain data: tracks, career stages, growth areas, the specialty catalog, ISO
 * regions and time zones, without the Nest module, entity or GraphQL models. Pure cores
 * (matching, event rules) import this entry so they load without Nest or TypeORM; everything
 * here is also exported from `@preceptor/taxonomy`.
 */
export * from './career-stages.js';
export * from './growth-areas.js';
export * from './regions.js';
export * from './specialties.js';
export * from './time-zones.js';
export * from './tracks.js';
