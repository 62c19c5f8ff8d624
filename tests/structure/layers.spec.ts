import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as importPlugin from 'eslint-plugin-import';
import { parser } from 'typescript-eslint';

// The layer rule exactly as eslint.config.mjs applies it (CommonJS, so jest loads it without ESM).
// eslint-disable-next-line @nx/enforce-module-boundaries -- a workspace file, not a project
const layers = require('../../eslint.layers.js') as { layerConfigs: () => Linter.Config[] };

const ROOT = join(__dirname, '..', '..');

/** The layer rule's findings for `code` as if it were the file at `path` (nothing is written). */
async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as Linter.Parser },
        plugins: { import: importPlugin as unknown as ESLint.Plugin },
        settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
      },
      ...layers.layerConfigs(),
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result?.messages ?? [];
}

const rules = (messages: Linter.LintMessage[]): (string | null)[] => messages.map((m) => m.ruleId);

describe('layer rule (eslint.layers.js)', () => {
  it('fails on a wrong-way import, naming the rule and the layers', async () => {
    const messages = await lint(
      'backend/src/clippings/wrong-way.ts',
      "import { ImportsService } from '../imports/imports.service';\nexport type S = ImportsService;\n",
    );
    expect(rules(messages)).toEqual(['import/no-restricted-paths']);
    expect(messages[0]?.message).toContain('Layers: backend/src/clippings');
    expect(messages[0]?.message).toContain('backend/src/imports is not one');
  });

  it('passes the same import the right way round', async () => {
    const messages = await lint(
      'backend/src/imports/right-way.ts',
      "import { ClippingStore } from '../clippings/store/clipping-store';\nexport type S = ClippingStore;\n",
    );
    expect(messages).toEqual([]);
  });

  it('fails on an import between two folders of the same layer', async () => {
    const messages = await lint(
      'backend/src/audit/sideways.ts',
      "import { PublicationsService } from '../publications/publications.service';\nexport type S = PublicationsService;\n",
    );
    expect(rules(messages)).toEqual(['import/no-restricted-paths']);
  });

  it('keeps database free of features', async () => {
    const messages = await lint(
      'backend/src/database/hub.ts',
      "import { ClippingEntity } from '../clippings/clipping.entity';\nexport const ENTITIES = [ClippingEntity];\n",
    );
    expect(rules(messages)).toEqual(['import/no-restricted-paths']);
  });

  it('lets any layer use a pure core, and a core only other cores and no framework', async () => {
    expect(
      await lint(
        'backend/src/clippings/uses-core.ts',
        "export { defaultRegionMatcher } from '../regions/gazetteer';\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'backend/src/tags/rules/uses-core.ts',
        "export { loadGazetteer } from '../../regions/gazetteer';\n",
      ),
    ).toEqual([]);
    const reachingUp = await lint(
      'backend/src/tags/rules/reaches-up.ts',
      "export { sameClipping } from '../../clippings/clipping-match';\n",
    );
    expect(rules(reachingUp)).toEqual(['import/no-restricted-paths']);
    expect(reachingUp[0]?.message).toContain('is a pure core');
    const framework = await lint(
      'backend/src/stories/shingling/framework.ts',
      "import { Injectable } from '@nestjs/common';\nexport const I = Injectable;\n",
    );
    expect(rules(framework)).toEqual(['no-restricted-imports']);
  });

  it('fails on a wrong-way import in the frontend', async () => {
    const messages = await lint(
      'frontend/src/app/shared/wrong-way.ts',
      "import { AuthService } from '../auth/auth.service';\nexport type S = AuthService;\n",
    );
    expect(rules(messages)).toEqual(['import/no-restricted-paths']);
    expect(messages[0]?.message).toContain('Layers: frontend/src/app/shared');
  });

  it('leaves specs out of the layers', async () => {
    const messages = await lint(
      'backend/src/clippings/anything.spec.ts',
      "import { ImportsService } from '../imports/imports.service';\nexport type S = ImportsService;\n",
    );
    expect(messages).toEqual([]);
  });
});
