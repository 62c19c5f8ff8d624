import { parseArgs } from 'node:util';
import { evaluateDir, type EvalReport } from '../../imports/evaluation/evaluate';
import { summaryLine } from '../../imports/evaluation/score-preview';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

const USAGE =
  'usage: eval DIR [--json] [--verbose] [--publication NAME] [--only-dates D1,D2] [--except-dates D1,D2]\n' +
  '  DIR holds page texts and a gold.json (the schema of the sample pages);\n' +
  '  prints one line per page and a total line (segmentation F1, titles, continuation markers, bylines,\n' +
  '  datelines, regions, lines lost) and the continuation links made between pages of one issue';

function dates(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function formatReport(r: EvalReport, verbose: boolean): string {
  const out: string[] = [];
  for (const p of r.pages) {
    const c = p.counts;
    out.push(
      `${p.file}: ${c.matched}/${c.gold} reference clippings found, ${c.pred} proposed, ${c.linesLost} input lines lost`,
    );
    if (verbose) {
      for (const m of p.misses) out.push(`  - ${m}`);
      for (const l of p.lostLines.slice(0, 10)) out.push(`  - lost line: ${l}`);
    }
  }
  out.push(summaryLine(r.total));
  out.push(
    `continuation links: ${r.links.right} right of ${r.links.made} made; ${r.links.pairs} reference pairs`,
  );
  if (verbose) for (const m of r.links.misses) out.push(`  - ${m}`);
  return `${out.join('\n')}\n`;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score the import preview against a folder of pages with a gold.json (--json for one object)',
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: 'boolean', default: false },
          verbose: { type: 'boolean', short: 'v', default: false },
          publication: { type: 'string' },
          'only-dates': { type: 'string' },
          'except-dates': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (err) {
      io.stderr(`eval: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) {
      io.stderr(`eval: exactly one DIR expected\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    let report: EvalReport;
    try {
      report = evaluateDir(positionals[0] ?? '', {
        ...(values.publication !== undefined ? { publication: values.publication } : {}),
        ...(values['only-dates'] !== undefined ? { onlyDates: dates(values['only-dates']) ?? [] } : {}),
        ...(values['except-dates'] !== undefined ? { exceptDates: dates(values['except-dates']) ?? [] } : {}),
      });
    } catch (err) {
      io.stderr(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, values.verbose));
    return 0;
  },
};
