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
  // On two cores Jest runs the suite in band, in one process that keeps every module it loaded (about
  // 700 MB by the end). CI's backend step once aborted at the 4 GB heap limit, and the search core's
  // property spec once did alone (one in six runs, not reproduced since; cause not found). Two workers,
  // each restarted between test files past 1 GB, keep what one file inherits from the others small.
  // `npm test` runs the search core's property spec in a process of its own (scripts/test.js): it ran a
  // shared worker out of heap twice more in CI on 2026-12-07, and never alone.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
