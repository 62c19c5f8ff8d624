/** Unit specs of the Angular app (jest-preset-angular, zoneless, jsdom), beside the code. */
const { createCjsPreset } = require('jest-preset-angular/presets');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/frontend/tsconfig.spec.json' }),
  displayName: 'frontend',
  rootDir: '..',
  roots: ['<rootDir>/frontend/src'],
  testMatch: ['**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/frontend/src/test-setup.ts'],
  moduleNameMapper: { '^@jianbao/contracts$': '<rootDir>/contracts/src/index.ts' },
};
