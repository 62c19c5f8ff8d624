// The layers of backend/src and frontend/src/app, bottom first (docs/architecture.md, "Layers"). A folder
// may import only from folders of lower layers (its own folder aside); the pure cores, which live inside
// some feature folders, may import only other pure cores and may be imported from any layer. Enforced
// with import/no-restricted-paths on production files (eslint.config.mjs); tests/structure proves that a
// wrong-way import fails. CommonJS, so that the spec can load it without ESM support in jest.
const { join } = require('node:path');

const ROOT = __dirname;

/** Pure domain cores: plain TypeScript, no Nest or TypeORM, only other cores (and contracts) imported. */
const BACKEND_CORES = [
  'imports/parser',
  'regions/gazetteer',
  'tags/rules',
  'continuations/matching',
  'stories/shingling',
  'search/core',
];

/** backend/src, bottom first; `.` names the entry files directly in backend/src. */
const BACKEND_LAYERS = [
  { name: 'configuration', folders: ['config'] },
  { name: 'database', folders: ['database'] },
  { name: 'common', folders: ['common'] },
  // Below the clippings store and every feature, so each write records its event in its own transaction.
  { name: 'audit log', folders: ['audit'] },
  { name: 'catalog (reference data, read-only)', folders: ['catalog'] },
  { name: 'search index (written by the clippings store)', folders: ['search'] },
  {
    name: 'clippings (the one owner of clipping, link, chain, article and revision rows)',
    folders: ['clippings'],
  },
  {
    name: 'features',
    folders: ['publications', 'regions', 'stories', 'tags', 'health', 'saved-views', 'issue-map'],
  },
  { name: 'features on features', folders: ['users', 'continuations'] },
  { name: 'features on features', folders: ['auth', 'articles', 'history', 'trash', 'dashboard'] },
  { name: 'filing and exports', folders: ['imports', 'exports'] },
  { name: 'start-up data', folders: ['demo'] },
  { name: 'app', folders: ['app'] },
  { name: 'command line', folders: ['cli'] },
  { name: 'entry points', folders: ['.'] },
];

/** frontend/src/app, bottom first. */
const FRONTEND_LAYERS = [
  { name: 'shared', folders: ['shared'] },
  { name: 'session', folders: ['auth'] },
  { name: 'features', folders: ['publications', 'regions', 'tags', 'articles'] },
  { name: 'features on features', folders: ['continuations'] },
  { name: 'clippings', folders: ['clippings'] },
  { name: 'pages on clippings', folders: ['imports', 'admin', 'issue-map', 'stories', 'dashboard'] },
  { name: 'app', folders: ['.'] },
];

/** The entry files directly in a tree (the `.` layer). */
const ROOT_FILES = {
  'backend/src': ['main.ts', 'index.ts'],
  'frontend/src/app': ['app.ts', 'app.routes.ts', 'app.config.ts'],
};

function pathsOf(tree, folder) {
  return folder === '.' ? ROOT_FILES[tree].map((f) => join(ROOT, tree, f)) : [join(ROOT, tree, folder)];
}

/**
 * import/no-restricted-paths zones for one tree: for every folder, every folder of its own or a higher
 * layer is off limits (the cores inside them excepted); every core may import nothing of the tree but
 * other cores.
 */
function layerZones(tree, layers, cores = []) {
  const zones = [];
  const where = (i) => `layer ${i + 1} of ${layers.length}, ${layers[i].name}`;
  layers.forEach((layer, i) => {
    for (const folder of layer.folders) {
      const above = layers
        .slice(i)
        .flatMap((l) => l.folders)
        .filter((f) => f !== folder);
      for (const other of above) {
        for (const from of pathsOf(tree, other)) {
          const except = cores
            .filter((c) => c.startsWith(`${other}/`))
            .map((c) => `./${c.slice(other.length + 1)}`);
          zones.push({
            target: pathsOf(tree, folder),
            from,
            except,
            message:
              `Layers: ${tree}/${folder} (${where(i)}) may import only from lower layers, ` +
              `and ${tree}/${other} is not one (see docs/architecture.md, "Layers").`,
          });
        }
      }
    }
  });
  for (const core of cores) {
    zones.push({
      target: join(ROOT, tree, core),
      from: join(ROOT, tree),
      except: cores.map((c) => `./${c}`),
      message: `Layers: ${tree}/${core} is a pure core and may import only other pure cores (see docs/architecture.md, "Layers").`,
    });
  }
  return zones;
}

/** Test code is not layered: specs and test helpers may reach anywhere. */
const NOT_PRODUCTION = ['**/*.spec.ts', '**/*.testing.ts', '**/*-testing.ts', '**/test-setup.ts'];

/** Flat-config objects that enforce the layers (the `import` plugin must be registered by the caller). */
function layerConfigs() {
  return [
    {
      files: ['backend/src/**/*.ts'],
      ignores: NOT_PRODUCTION,
      rules: {
        'import/no-restricted-paths': [
          'error',
          { zones: layerZones('backend/src', BACKEND_LAYERS, BACKEND_CORES) },
        ],
      },
    },
    {
      files: BACKEND_CORES.map((c) => `backend/src/${c}/**/*.ts`),
      ignores: NOT_PRODUCTION,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['@nestjs/*', 'typeorm', 'typeorm/*'],
                message: 'Pure cores import no framework (Nest, TypeORM).',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['frontend/src/app/**/*.ts'],
      ignores: NOT_PRODUCTION,
      rules: {
        'import/no-restricted-paths': ['error', { zones: layerZones('frontend/src/app', FRONTEND_LAYERS) }],
      },
    },
  ];
}

module.exports = { BACKEND_CORES, BACKEND_LAYERS, FRONTEND_LAYERS, layerZones, layerConfigs };
