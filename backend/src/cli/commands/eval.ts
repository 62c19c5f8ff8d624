import { parseArgs } from 'node:util';
import { evaluateDir, type EvalOptions, type EvalReport } from '../../imports/evaluation/evaluate';
import { evaluateRegionsDir, type RegionEvalReport } from '../../imports/evaluation/evaluate-regions';
import { ratios, summaryLine, type ScoreCounts } from '../../imports/evaluation/score-preview';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';

const USAGE =
  'usage: eval DIR [--json] [--verbose] [--regions-only] [--publication NAME] [--only-dates D1,D2] [--except-dates D1,D2]\n' +
  '  DIR holds page texts and a gold.json (the schema of the sample pages);\n' +
  '  prints one line per page and a total line (segmentation F1, titles, continuation markers, bylines,\n' +
  '  datelines, regions, lines lost) and the continuation links made between pages of one issue;\n' +
  '  --regions-only scores region detection on the reference clippings cut out of each page (no parser)';

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

function regionLine(c: ScoreCounts): string {
  const q = ratios(c);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const strict = c.regTP / Math.max(1, c.regTP + c.regFP + c.regUnjudged);
  return (
    `regions P ${pct(q.regionsPrecision)} R ${pct(q.regionsRecall)} (${c.regTP} found, ${c.regFP} wrong, ` +
    `${c.regFN} missing); ${c.regUnjudged} not judged, strict P ${pct(strict)}`
  );
}

function formatRegionReport(r: RegionEvalReport, verbose: boolean): string {
  const out: string[] = [];
  for (const p of r.pages) {
    out.push(`${p.file}: ${regionLine(p.counts)}`);
    if (verbose) for (const m of p.misses) out.push(`  - ${m}`);
  }
  out.push(`reference clippings, no parser: ${regionLine(r.total)}`);
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
          'regions-only': { type: 'boolean', default: false },
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
    const dir = positionals[0] ?? '';
    const options: EvalOptions = {
      ...(values.publication !== undefined ? { publication: values.publication } : {}),
      ...(values['only-dates'] !== undefined ? { onlyDates: dates(values['only-dates']) ?? [] } : {}),
      ...(values['except-dates'] !== undefined ? { exceptDates: dates(values['except-dates']) ?? [] } : {}),
    };
    let text: string;
    try {
      if (values['regions-only']) {
        const report = evaluateRegionsDir(dir, options);
        text = values.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : formatRegionReport(report, values.verbose);
      } else {
        const report: EvalReport = evaluateDir(dir, options);
        text = values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, values.verbose);
      }
    } catch (err) {
      io.stderr(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(text);
    return 0;
  },
};
