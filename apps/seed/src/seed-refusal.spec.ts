import { describe, expect, it } from '@jest/globals';
import { refuseSeedingInProduction, SeedRefusedError } from './seed-loader.js';

describe('refuseSeedingInProduction', () => {
  it('refuses production, naming the shared password as the reason', () => {
    expect(() => refuseSeedingInProduction({ isProduction: true })).toThrow(SeedRefusedError);
    expect(() => refuseSeedingInProduction({ isProduction: true })).toThrow(/NODE_ENV=production/);
  });

  it('lets development and staging seed', () => {
    expect(() => refuseSeedingInProduction({ isProduction: false })).not.toThrow();
  });
});
