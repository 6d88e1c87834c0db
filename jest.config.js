/** Jest in native ESM mode: ts-jest transpiles only (isolatedModules); `npm run typecheck` type-checks. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // A translation key missing in either language fails the test that used it.
  setupFilesAfterEnv: ['<rootDir>/test/support/failOnMissingTranslations.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 30000,
};
