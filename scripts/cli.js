// `npm run cli -- …`: compile the backend incrementally (compiler output goes to stderr so that
// stdout stays the command's own, e.g. one JSON object), then run the CLI.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'backend/tsconfig.app.json')], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (built.status !== 0) {
  process.stderr.write('cli: the backend has type errors (listed above); running the last emitted build\n');
}
require(join(root, 'dist/backend/backend/src/cli/main.js'));
