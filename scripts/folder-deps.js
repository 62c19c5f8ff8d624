// `node scripts/folder-deps.js [--list] [--json]`: counts the pairs of top-level folders that import each other
// (A imports B and B imports A, through any production file) in backend/src and frontend/src/app. Production
// files are the .ts files that are not specs (*.spec.ts) or test helpers (*.testing.ts, *-testing.ts,
// test-setup.ts); files directly in the root count as the folder "(root)". Imports are read with the
// TypeScript compiler's own pre-processor (static imports, re-exports, import(), require()); only relative
// paths are followed. Exits 1 when any pair is found; tests/structure/folder-deps.spec.ts keeps the figure at 0.
const { readdirSync, readFileSync, statSync, existsSync } = require('node:fs');
const { join, relative, resolve, dirname, sep } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '..');
const TREES = ['backend/src', 'frontend/src/app'];

const isProduction = (file) =>
  file.endsWith('.ts') &&
  !file.endsWith('.d.ts') &&
  !/\.spec\.ts$|\.testing\.ts$|-testing\.ts$|(^|\/)test-setup\.ts$/.test(file);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function resolveImport(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base + '.ts', join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Folder pairs `[a, b]` (a < b) that import each other, with one example file edge each way. */
function twoWayPairs(treeDir) {
  const folderOf = (file) => {
    const parts = relative(treeDir, file).split(sep);
    return parts.length === 1 ? '(root)' : parts[0];
  };
  const edges = new Map(); // "a→b" → first example "file → file"
  for (const file of walk(treeDir).filter((f) => isProduction(relative(treeDir, f).split(sep).join('/')))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = resolveImport(file, ref.fileName);
      if (!target || !target.startsWith(treeDir + sep)) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const key = `${from}→${to}`;
      if (!edges.has(key)) edges.set(key, `${relative(root, file)} → ${relative(root, target)}`);
    }
  }
  const pairs = [];
  for (const key of edges.keys()) {
    const [a, b] = key.split('→');
    if (a < b && edges.has(`${b}→${a}`))
      pairs.push({ pair: [a, b], ab: edges.get(key), ba: edges.get(`${b}→${a}`) });
  }
  return pairs.sort((x, y) => x.pair.join().localeCompare(y.pair.join()));
}

module.exports = { TREES, twoWayPairs };

if (require.main === module) {
  const list = process.argv.includes('--list');
  const result = TREES.map((tree) => ({ tree, pairs: twoWayPairs(join(root, tree)) }));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result.map((r) => ({ tree: r.tree, count: r.pairs.length, pairs: r.pairs }))));
  } else {
    for (const { tree, pairs } of result) {
      console.log(`${tree}: ${pairs.length} two-way folder dependencies (production files)`);
      if (list) for (const p of pairs) console.log(`  ${p.pair.join(' ↔ ')}\n    ${p.ab}\n    ${p.ba}`);
    }
  }
  process.exit(result.some((r) => r.pairs.length > 0) ? 1 : 0);
}
