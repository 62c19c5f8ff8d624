// `npm run bench -- …`: compile the backend together with the benchmarks (backend/bench, which the production
// build leaves out) incrementally, compiler output on stderr, then run them.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'backend/tsconfig.bench.json')], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (built.status !== 0) {
  process.stderr.write('bench: the backend or the benchmarks have type errors (listed above)\n');
  process.exit(1);
}
require(join(root, 'dist/backend/backend/bench/main.js'));
