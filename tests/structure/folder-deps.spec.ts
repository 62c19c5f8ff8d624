import { join } from 'node:path';

// The counter is plain Node (scripts/), run by hand too: `node scripts/folder-deps.js --list`.
// eslint-disable-next-line @nx/enforce-module-boundaries -- a workspace file, not a project
const { TREES, twoWayPairs } = require('../../scripts/folder-deps.js') as {
  TREES: string[];
  twoWayPairs: (treeDir: string) => Array<{ pair: [string, string]; ab: string; ba: string }>;
};

const ROOT = join(__dirname, '..', '..');

describe('two-way folder dependencies (production files)', () => {
  it('counts a pair of folders that import each other, and not what only a spec imports', () => {
    const pairs = twoWayPairs(join(__dirname, 'fixtures', 'two-way'));
    expect(pairs.map((p) => p.pair)).toEqual([['a', 'b']]);
  });

  it.each(TREES)('finds none in %s', (tree) => {
    const pairs = twoWayPairs(join(ROOT, tree));
    expect(pairs.map((p) => `${p.pair.join(' ↔ ')}: ${p.ab} / ${p.ba}`)).toEqual([]);
  });
});
