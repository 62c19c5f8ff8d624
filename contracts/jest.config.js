/** Unit specs of the shared contracts (the text rules), beside the code. */
module.exports = {
  displayName: 'contracts',
  rootDir: '..',
  roots: ['<rootDir>/contracts/src'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': require('../jest.swc.js') },
  moduleNameMapper: { '^@jianbao/contracts$': '<rootDir>/contracts/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
