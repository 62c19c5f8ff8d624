/** Unit specs of the backend: pure domain cores and services, beside the code. */
module.exports = {
  displayName: 'backend',
  rootDir: '..',
  roots: ['<rootDir>/backend/src', '<rootDir>/backend/bench', '<rootDir>/migrations'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': require('../jest.swc.js') },
  moduleNameMapper: { '^@jianbao/contracts$': '<rootDir>/contracts/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
