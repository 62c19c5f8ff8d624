/** Browser tests: playwright-core driving Debian's Chromium against the built app served by the real backend. */
module.exports = {
  displayName: 'ui',
  rootDir: '..',
  roots: ['<rootDir>/tests/ui'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': require('../jest.swc.js') },
  moduleNameMapper: { '^@jianbao/contracts$': '<rootDir>/contracts/src/index.ts' },
  testTimeout: 120000,
};
