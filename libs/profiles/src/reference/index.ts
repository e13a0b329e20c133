export * from './tracks.js';
export * from './career-stages.js';
export * from './growth-areas.js';
export * from './specialties.js';
