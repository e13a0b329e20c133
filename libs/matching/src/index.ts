export * from './scoring/index.js';
