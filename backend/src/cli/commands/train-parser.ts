import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../common/repo-root';
import {
  HELD_OUT_DATES,
  defaultTrainingSets,
  scoreLines,
  trainHeadingModels,
  weightsModule,
} from '../../imports/evaluation/train-heading-model';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

const USAGE =
  'usage: train-parser [--dry-run]\n' +
  '  retrains the headline model from tests/fixtures/pages-dev (all but the held-out dates) and the\n' +
  '  synthetic pages, prints line-level precision and recall on the training and held-out pages, and\n' +
  '  writes backend/src/imports/parser/model/heading-weights.ts (not with --dry-run)';

export const trainParserCommand: CliCommand = {
  name: 'train-parser',
  summary: "retrain the import parser's headline model from the development pages",
  async run(args: string[], io: CliIo): Promise<number> {
    let dryRun = false;
    try {
      const { values } = parseArgs({
        args,
        strict: true,
        options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      });
      if (values.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      dryRun = values['dry-run'] === true;
    } catch (err) {
      io.stderr(`train-parser: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const root = repoRoot();
    const sets = defaultTrainingSets(root);
    io.stderr('train-parser: training on the development pages (held-out dates excluded) …\n');
    const models = trainHeadingModels(sets);
    const dev = join(root, 'tests/fixtures/pages-dev');
    const scores = [
      scoreLines('training pages', sets[0] ?? { dir: dev }, models),
      scoreLines(
        `held-out dates (${HELD_OUT_DATES.join(', ')})`,
        {
          dir: dev,
          filter: (p) => HELD_OUT_DATES.includes(p.issueDate ?? ''),
        },
        models,
      ),
      scoreLines('sample pages', { dir: join(root, 'tests/fixtures/pages') }, models),
    ];
    for (const s of scores)
      io.stdout(
        `${s.name}: ${s.examples} lines, title lines P ${(100 * s.precision).toFixed(1)}% R ${(100 * s.recall).toFixed(1)}%\n`,
      );
    if (!dryRun) {
      const file = join(root, 'backend/src/imports/parser/model/heading-weights.ts');
      writeFileSync(file, weightsModule(models));
      io.stdout(`wrote ${file}\n`);
    }
    return 0;
  },
};
