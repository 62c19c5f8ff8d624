/** The structure of the code: the layer rule fails on a wrong-way import, no two folders import each other. */
module.exports = {
  displayName: 'structure',
  rootDir: '..',
  roots: ['<rootDir>/tests/structure'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/fixtures/'],
  transform: { '^.+\\.ts$': require('../jest.swc.js') },
  testTimeout: 60000,
};
