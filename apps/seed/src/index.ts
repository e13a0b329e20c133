// What the API and the tests use of the seeder; the CLI (main.ts) is not exported.
export * from './demo-seed.module.js';
export * from './demo-seed.service.js';
export * from './seed-loader.js';
export * from './synthetic-people.js';
export * from './event-seed-loader.js';
export * from './synthetic-events.js';
