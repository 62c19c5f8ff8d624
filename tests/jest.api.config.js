/** API tests: the real Nest app over HTTP on a real temporary SQLite file with the real migrations. */
module.exports = {
  displayName: 'api',
  rootDir: '..',
  roots: ['<rootDir>/tests/api'],
  testEnvironment: 'node',
  testMatch: ['**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': require('../jest.swc.js') },
  moduleNameMapper: {
    '^@jianbao/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@jianbao/backend$': '<rootDir>/backend/src/index.ts',
  },
  testTimeout: 60000,
};
