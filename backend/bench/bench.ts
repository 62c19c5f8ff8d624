import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { previewBench } from './preview-bench';
import { repoRoot } from '../src/common/repo-root';
import { EXIT_USAGE, type CliCommand, type CliIo } from '../src/cli/commands/command';

/** The two real sample pages (the ones `gold.json` segments), from which synthetic corpora are built. */
export function samplePages(): string[] {
  const dir = join(repoRoot(), 'tests', 'fixtures', 'pages');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { pages: Array<{ file: string }> };
  return gold.pages.map((p) => readFileSync(join(dir, p.file), 'utf8'));
}

/** A benchmark section after the preview one: builds its own data, answers its table. */
type BenchSection = (opts: { pages: number; samples: string[] }) => Promise<string>;
// Loaded only when run: each needs the database (and filing the Nest context).
const sections: Array<{ name: string; run: BenchSection }> = [
  { name: 'filing', run: async (opts) => (await import('./filing-bench')).filingBench(opts) },
  { name: 'rules', run: async (opts) => (await import('./rules-bench')).rulesBench(opts) },
  { name: 'regions', run: async (opts) => (await import('./regions-bench')).regionsBench(opts) },
];

/** A whole number ≥ 1 from a flag, or null. */
function wholeNumber(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

/** `bench --load`: one load run per size; tables (or one JSON document) on stdout, progress on stderr. */
async function runLoadBench(
  values: {
    sizes?: string;
    duration?: string;
    connections?: string;
    json?: boolean;
    pages?: string;
    only?: string;
    db?: string;
    'database-url'?: string;
  },
  io: CliIo,
): Promise<number> {
  if (values.pages !== undefined || values.only !== undefined) {
    io.stderr(
      'bench: --load takes --sizes, --duration, --connections, --db, --database-url and --json, not --pages/--only\n',
    );
    return EXIT_USAGE;
  }
  const sizes = (values.sizes ?? '100000').split(',').map((s) => wholeNumber(s.trim(), 0));
  const duration = wholeNumber(values.duration, 60);
  const connections = wholeNumber(values.connections, 50);
  if (sizes.some((s) => s === null || s === 0) || duration === null || connections === null) {
    io.stderr(
      'bench: --sizes takes whole numbers ≥ 1 (comma-separated), --duration and --connections one each\n',
    );
    return EXIT_USAGE;
  }
  // --db (or DB_TYPE) postgres: on a new database of the server of --database-url (or TEST_DATABASE_URL).
  const dbType = values.db ?? process.env['DB_TYPE'] ?? 'sqlite';
  if (dbType !== 'sqlite' && dbType !== 'postgres') {
    io.stderr(`bench: --db takes sqlite or postgres, not ${dbType}\n`);
    return EXIT_USAGE;
  }
  const url = values['database-url'] ?? process.env['TEST_DATABASE_URL'] ?? '';
  if (dbType === 'postgres' && url === '') {
    io.stderr(
      'bench: --db postgres needs --database-url or TEST_DATABASE_URL: a PostgreSQL server and a user allowed to create databases (node scripts/pg-local.js start)\n',
    );
    return EXIT_USAGE;
  }
  const db = dbType === 'postgres' ? ({ type: 'postgres', url } as const) : ({ type: 'sqlite' } as const);
  const { runLoad, formatLoadReport, compareSizes, formatComparison } = await import('./load-run');
  const reports = [];
  for (const size of sizes as number[]) {
    const report = await runLoad({
      db,
      size,
      duration,
      connections,
      log: (l: string) => io.stderr(`${l}\n`),
    });
    reports.push(report);
    if (!values.json) io.stdout(formatLoadReport(report));
  }
  // Several sizes: each larger one against the smallest of the same run (same machine, same minutes).
  const scale = compareSizes(reports);
  if (values.json) {
    io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : { reports, scale }, null, 2)}\n`);
  } else if (scale.length > 0) {
    io.stdout(`\n${formatComparison(reports, scale)}`);
  }
  // The smallest size meets the absolute target; every larger one the scale target.
  const smallest = Math.min(...reports.map((r) => r.size));
  const base = reports.find((r) => r.size === smallest);
  return base?.meetsTarget && scale.every((c) => c.meetsTarget) ? 0 : 1;
}

/** `bench --search`: the search bench (backend/bench/search), one report per size. */
async function runSearchBench(values: { sizes?: string; json?: boolean }, io: CliIo): Promise<number> {
  const sizes = (values.sizes ?? '100000').split(',').map((s) => wholeNumber(s.trim(), 0));
  if (sizes.some((s) => s === null || s === 0)) {
    io.stderr('bench: --sizes takes whole numbers ≥ 1 (comma-separated)\n');
    return EXIT_USAGE;
  }
  const { runSearchBench: run, formatSearchReport } = await import('./search/search-bench');
  const reports = [];
  for (const size of sizes as number[]) {
    const report = await run({ size, pages: samplePages(), log: (l: string) => io.stderr(`${l}\n`) });
    reports.push(report);
    if (!values.json) io.stdout(formatSearchReport(report));
  }
  if (values.json) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return reports.every((r) => r.meetsTargets) ? 0 : 1;
}

/** `bench --stories`: same-story checking per new clipping and recall (backend/bench/stories), one report per size. */
async function runStoriesBench(values: { sizes?: string; json?: boolean }, io: CliIo): Promise<number> {
  const sizes = (values.sizes ?? '100000').split(',').map((s) => wholeNumber(s.trim(), 0));
  if (sizes.some((s) => s === null || s === 0)) {
    io.stderr('bench: --sizes takes whole numbers ≥ 1 (comma-separated)\n');
    return EXIT_USAGE;
  }
  const { runStoriesBench: run, formatStoriesReport } = await import('./stories/stories-bench');
  const reports = [];
  for (const size of sizes as number[]) {
    const report = run({
      size,
      sample: Math.min(size, 5000),
      timed: Math.min(size, 1000),
      log: (l: string) => io.stderr(`${l}\n`),
    });
    reports.push(report);
    if (!values.json) io.stdout(formatStoriesReport(report));
  }
  if (values.json) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return reports.every((r) => r.meetsTargets) ? 0 : 1;
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary:
    'print speed tables: import preview, filing, rules, regions (--pages N, --only NAME); ' +
    '--load [--sizes N] [--duration S] [--connections C] [--db sqlite|postgres] [--database-url URL] [--json] drives the running server; ' +
    '--search [--sizes N,M] [--json] times full-text search against the LIKE scan; ' +
    '--stories [--sizes N] [--json] times checking a new clipping for the same story and its recall',
  async run(args, io) {
    let values: {
      pages?: string;
      only?: string;
      load?: boolean;
      search?: boolean;
      stories?: boolean;
      sizes?: string;
      duration?: string;
      connections?: string;
      json?: boolean;
      db?: string;
      'database-url'?: string;
    };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          pages: { type: 'string' },
          only: { type: 'string' },
          load: { type: 'boolean' },
          search: { type: 'boolean' },
          stories: { type: 'boolean' },
          sizes: { type: 'string' },
          duration: { type: 'string' },
          connections: { type: 'string' },
          json: { type: 'boolean' },
          db: { type: 'string' },
          'database-url': { type: 'string' },
        },
      }));
    } catch (e) {
      io.stderr(`bench: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    if (values.load) return runLoadBench(values, io);
    if (values.search) {
      if (values.pages !== undefined || values.only !== undefined || values.duration || values.connections) {
        io.stderr('bench: --search takes --sizes and --json only\n');
        return EXIT_USAGE;
      }
      return runSearchBench(values, io);
    }
    if (values.stories) {
      if (values.pages !== undefined || values.only !== undefined || values.duration || values.connections) {
        io.stderr('bench: --stories takes --sizes and --json only\n');
        return EXIT_USAGE;
      }
      return runStoriesBench(values, io);
    }
    if (
      values.sizes ||
      values.duration ||
      values.connections ||
      values.json ||
      values.db ||
      values['database-url']
    ) {
      io.stderr(
        'bench: --sizes, --duration, --connections, --db, --database-url and --json go with --load\n',
      );
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
