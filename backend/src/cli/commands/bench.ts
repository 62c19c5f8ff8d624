import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { previewBench } from '../../bench/preview-bench';
import { repoRoot } from '../../common/repo-root';
import { EXIT_USAGE, type CliCommand } from './command';

/** The two real sample pages (the ones `gold.json` segments), from which synthetic corpora are built. */
export function samplePages(): string[] {
  const dir = join(repoRoot(), 'tests', 'fixtures', 'pages');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { pages: Array<{ file: string }> };
  return gold.pages.map((p) => readFileSync(join(dir, p.file), 'utf8'));
}

/** Extra benchmark sections registered by features (filing, rules, …), run after the preview one. */
export type BenchSection = (opts: { pages: number; samples: string[] }) => Promise<string>;
const sections: Array<{ name: string; run: BenchSection }> = [];
export function registerBenchSection(name: string, run: BenchSection): void {
  sections.push({ name, run });
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'print speed tables: import preview, filing, rules, regions (--pages N, --only NAME)',
  async run(args, io) {
    let values: { pages?: string; only?: string };
    try {
      ({ values } = parseArgs({ args, options: { pages: { type: 'string' }, only: { type: 'string' } } }));
    } catch (e) {
      io.stderr(`bench: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    const pages = values.pages === undefined ? 1000 : Number(values.pages);
    if (!Number.isInteger(pages) || pages < 1) {
      io.stderr('bench: --pages takes a whole number ≥ 1\n');
      return EXIT_USAGE;
    }
    const samples = samplePages();
    if (!values.only || values.only === 'preview') io.stdout(previewBench(samples, pages));
    for (const s of sections) {
      if (values.only && values.only !== s.name) continue;
      io.stdout(await s.run({ pages, samples }));
    }
    return 0;
  },
};
