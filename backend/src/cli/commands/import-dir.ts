import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportPreview, ImportResult } from '@jianbao/contracts';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import type { FilingSession } from '../filing-session';
import { readPageFile } from '../../imports/page-file';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';
import { isIsoDate, type PageImportRequest } from './import-page';
import { normalizePageLabel, pageLabelFromFileName } from '@jianbao/contracts';

const USAGE =
  'usage: import-dir DIR --publication NAME --date YYYY-MM-DD [--page LABEL]\n' +
  '  files every *.txt of DIR (sorted), one transaction per page; the page label comes from the file\n' +
  '  name (A3.txt, 第三版.txt, page-2.txt, 2024-10-22_A03.txt) unless --page gives it';

/** Where the CLI files: the environment's database (DATABASE_PATH …), and whether stderr is a terminal. */
export interface FilingEnv {
  env?: NodeJS.ProcessEnv;
  tty?: boolean;
}

async function openSession(
  io: CliIo,
  env: NodeJS.ProcessEnv,
  command: string,
): Promise<FilingSession | null> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`${command}: ${e.message}\n`);
      return null;
    }
    throw e;
  }
  const { openFilingSession } = await import('../filing-session');
  return openFilingSession(config);
}

async function publicationId(
  session: FilingSession,
  name: string,
  io: CliIo,
  command: string,
): Promise<number> {
  const p = await session.publication(name);
  if (p.created) {
    io.stderr(
      `${command}: created publication ${JSON.stringify(p.name)} (#${p.id}, home region ${p.homeRegionCode ?? 'unknown'})\n`,
    );
  }
  return p.id;
}

/** Human summary of one filed page. */
export function formatFiled(result: ImportResult, publication: string): string {
  const imp = result.import;
  const lines = [
    `filed import #${imp.id}: ${result.clippings.length} clippings — ${publication} ${imp.issueDate} page ${imp.pageLabel}`,
  ];
  for (const c of result.clippings) {
    const regions = c.regions.map((r) => r.name).join('、');
    lines.push(`  #${c.id} [${c.kind}] ${c.title ?? '(no title)'}${regions ? ` — ${regions}` : ''}`);
  }
  if (result.links.length > 0) lines.push(`continuation links: ${result.links.length}`);
  return `${lines.join('\n')}\n`;
}

/** The filing step of `import-page` (without --dry-run): files into DATABASE_PATH; 409 → exit 1. */
export function fileImportHook(options: FilingEnv = {}) {
  return async (request: PageImportRequest, _preview: ImportPreview, io: CliIo): Promise<number> => {
    const session = await openSession(io, options.env ?? process.env, 'import-page');
    if (!session) return 1;
    try {
      const id = await publicationId(session, request.publication, io, 'import-page');
      const outcome = await session.file({
        text: request.text,
        publicationId: id,
        issueDate: request.date,
        pageLabel: request.page,
      });
      switch (outcome.status) {
        case 'filed':
          io.stdout(formatFiled(outcome.result, request.publication));
          return 0;
        case 'duplicate':
          io.stderr(
            `import-page: ${outcome.message}; not filed again (the API's replace option re-files it)\n`,
          );
          return 1;
        case 'failed':
          io.stderr(`import-page: not filed: ${outcome.message}\n`);
          return 1;
      }
    } finally {
      await session.close();
    }
  };
}

/** One line of progress: `[#####.....] 3/10 A3.txt`. */
export function progressLine(done: number, total: number, name: string, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`;
}

interface PageReport {
  file: string;
  status: 'filed' | 'duplicate' | 'failed';
  detail: string;
  clippings: number;
}

/** The end-of-run summary: counts, then every skipped and failed file with its reason. */
export function formatSummary(reports: readonly PageReport[]): string {
  const filed = reports.filter((r) => r.status === 'filed');
  const skipped = reports.filter((r) => r.status === 'duplicate');
  const failed = reports.filter((r) => r.status === 'failed');
  const clippings = filed.reduce((n, r) => n + r.clippings, 0);
  const lines = [
    `filed ${filed.length} page(s) (${clippings} clippings), skipped ${skipped.length} duplicate(s), failed ${failed.length}`,
  ];
  for (const r of skipped) lines.push(`  skipped ${r.file}: ${r.detail}`);
  for (const r of failed) lines.push(`  failed  ${r.file}: ${r.detail}`);
  return `${lines.join('\n')}\n`;
}

/** `import-dir`: resolves to 0 when every page was filed or skipped as a duplicate, 1 when any failed. */
export async function runImportDir(args: string[], io: CliIo, options: FilingEnv = {}): Promise<number> {
  const usage = (message: string): number => {
    io.stderr(`import-dir: ${message}\n${USAGE}\n`);
    return EXIT_USAGE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        publication: { type: 'string' },
        date: { type: 'string' },
        page: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) return usage('exactly one DIR expected');
  const dir = positionals[0] ?? '';
  const publication = (values.publication ?? '').trim();
  const date = values.date ?? '';
  if (!publication) return usage('--publication NAME is required');
  if (!isIsoDate(date))
    return usage(`--date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const pageFlag = values.page?.trim();
  if (pageFlag !== undefined && normalizePageLabel(pageFlag) === null) {
    return usage(`--page must be a page label such as 2, A3 or 第三版, got ${JSON.stringify(pageFlag)}`);
  }
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.txt$/i.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch (e) {
    return usage(`cannot read ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (files.length === 0) return usage(`no *.txt files in ${dir}`);
  if (pageFlag !== undefined && files.length > 1) {
    io.stderr(`import-dir: --page ${pageFlag} applies to all ${files.length} files\n`);
  }

  const session = await openSession(io, options.env ?? process.env, 'import-dir');
  if (!session) return 1;
  const tty = options.tty ?? process.stderr.isTTY === true;
  const reports: PageReport[] = [];
  try {
    const pubId = await publicationId(session, publication, io, 'import-dir');
    for (const [i, file] of files.entries()) {
      if (tty) io.stderr(`\r${progressLine(i, files.length, file)}\x1b[K`);
      const report = await fileOne(session, join(dir, file), { publicationId: pubId, date, page: pageFlag });
      reports.push(report);
      if (!tty) {
        io.stderr(`${progressLine(i + 1, files.length, file)} ${report.status}: ${report.detail}\n`);
      }
    }
    if (tty) io.stderr(`\r${progressLine(files.length, files.length, 'done')}\x1b[K\n`);
  } finally {
    await session.close();
  }
  io.stdout(formatSummary(reports));
  return reports.some((r) => r.status === 'failed') ? 1 : 0;
}

async function fileOne(
  session: FilingSession,
  path: string,
  page: { publicationId: number; date: string; page: string | undefined },
): Promise<PageReport> {
  const file = basename(path);
  const failed = (detail: string): PageReport => ({ file, status: 'failed', detail, clippings: 0 });
  const label = page.page ?? pageLabelFromFileName(file);
  if (label === null) return failed('no page label in the file name (name it like A3.txt, or pass --page)');
  const read = readPageFile(path);
  if (!read.ok) return failed(read.reason);
  const outcome = await session.file({
    text: read.text,
    publicationId: page.publicationId,
    issueDate: page.date,
    pageLabel: label,
  });
  switch (outcome.status) {
    case 'filed':
      return {
        file,
        status: 'filed',
        detail: `import #${outcome.result.import.id}, page ${label}, ${outcome.result.clippings.length} clippings`,
        clippings: outcome.result.clippings.length,
      };
    case 'duplicate':
      return { file, status: 'duplicate', detail: outcome.message, clippings: 0 };
    case 'failed':
      return failed(outcome.message);
  }
}

export const importDirCommand: CliCommand = {
  name: 'import-dir',
  summary: 'file every *.txt page of a folder into the database (progress on stderr, summary on stdout)',
  run: (args, io) => runImportDir(args, io),
};
