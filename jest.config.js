// Jest runs in ESM mode (Nest 12 is ESM-only); see docs/testing.md.
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  // An app, not a library: listed before the generic library mapping.
  '^@preceptor/seed$': '<rootDir>/apps/seed/src/index.ts',
  '^@preceptor/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  // A library's extra entry point, e.g. @preceptor/taxonomy/reference (plain data, no Nest).
  '^@preceptor/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // Hooks start real APIs and databases: on a busy 2-core machine they can take seconds.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
      testTimeout: 30000,
    },
    {
      // Headless Chromium against the real API; not part of `npm test` (npm run test:browser).
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
      testTimeout: 60000,
    },
  ],
};
