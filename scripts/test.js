// `npm test`: every test, in order of cost — lint, formatting, type checks, the structure (layers, folder dependencies), unit specs (backend, frontend), API tests on real
// SQLite, the same API tests on PostgreSQL (when TEST_DATABASE_URL is set: CI sets it, `npm run test:pg` starts a
// throwaway server), then the browser tests on the built app. Stops at the first failing step and closes with
// one plain summary line ("N passed, N failed") counted from jest's JSON reports.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const os = require('node:os');

const reports = mkdtempSync(join(os.tmpdir(), 'jianbao-test-'));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const jest = (name, config, extra = []) => ({
  name,
  cmd: 'npx',
  args: ['jest', '-c', config, '--json', `--outputFile=${join(reports, name + '.json')}`, ...extra],
  report: join(reports, name + '.json'),
});
const steps = [
  { name: 'lint', cmd: 'npx', args: ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'] },
  {
    name: 'format',
    cmd: 'npx',
    args: [
      'prettier',
      '--check',
      'backend/**/*.ts',
      'frontend/src/**/*.{ts,html,scss}',
      'tests/**/*.ts',
      'migrations/*.ts',
      'contracts/**/*.ts',
      'scripts/*.js',
    ],
  },
  // jest transpiles without type checks, so specs and tests are type-checked here once
  {
    name: 'typecheck',
    cmd: 'sh',
    args: [
      '-c',
      'npx tsc -p backend/tsconfig.json --noEmit && npx tsc -p contracts/tsconfig.json --noEmit && npx tsc -p tests/tsconfig.json --noEmit && npx tsc -p frontend/tsconfig.spec.json --noEmit',
    ],
  },
  // The layer rule fails on a wrong-way import, and no two folders import each other (eslint.layers.js).
  jest('structure', 'tests/jest.structure.config.js'),
  jest('contracts', 'contracts/jest.config.js'),
  // The search core's property spec runs in a process of its own: in the shared workers, after the other
  // files, it twice ran a worker out of its 4 GB heap in CI (2026-12-07; never alone: 30 runs of the spec,
  // 50,000 of its properties' cases and four full backend runs stayed under 610 MB).
  jest('backend', 'backend/jest.config.js', [
    '--testPathIgnorePatterns',
    '/node_modules/',
    'search-core\\.property',
  ]),
  jest('backend-search-properties', 'backend/jest.config.js', [
    '--runInBand',
    'backend/src/search/core/search-core.property.spec.ts',
  ]),
  jest('frontend', 'frontend/jest.config.js'),
  { ...jest('api', 'tests/jest.api.config.js', ['--runInBand']), env: { TEST_DATABASE_URL: '' } },
  // On PostgreSQL, in China's time zone: timestamps must not depend on the process's zone.
  {
    ...jest('api-pg', 'tests/jest.api.config.js', ['--runInBand']),
    needs: 'TEST_DATABASE_URL',
    env: { TZ: 'Asia/Shanghai' },
  },
  { name: 'build', cmd: 'npx', args: ['nx', 'run-many', '-t', 'build', '--outputStyle=static'] },
  { ...jest('ui', 'tests/jest.ui.config.js', ['--runInBand']), needsFile: 'CHROMIUM_PATH' },
];
/** The browser the UI step drives (Debian's Chromium unless CHROMIUM_PATH says otherwise). */
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let ok = true;
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  if (step.needs && !process.env[step.needs]) {
    console.log(`${step.name}: SKIPPED — ${step.needs} is not set (CI sets it)`);
    if (process.env.CI === 'true') {
      console.log(`step ${step.name} failed: CI must not skip it`);
      failed += 1;
      ok = false;
      break;
    }
    continue;
  }
  if (step.needsFile && !existsSync(chromium)) {
    // one line instead of every browser test failing on the missing executable
    console.log(
      `${step.name}: SKIPPED — no Chromium at ${chromium}; install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH)`,
    );
    if (process.env.CI === 'true') {
      console.log(`step ${step.name} failed: CI must not skip it`);
      failed += 1;
      ok = false;
      break;
    }
    continue;
  }
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...env, ...step.env } });
  if (step.report && existsSync(step.report)) {
    const j = JSON.parse(readFileSync(step.report, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  }
  if (r.status !== 0) {
    console.log(`step ${step.name} failed (exit ${r.status ?? r.signal})`);
    ok = false;
    break;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
