import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ImportPreview } from '@jianbao/contracts';
import { parsePage } from '../../imports/parser/page-parser';
import { homeFromPublicationName, withRegions } from '../../imports/preview-regions';
import { defaultRegionMatcher } from '../../regions/gazetteer';
import { EXIT_USAGE, type CliCommand, type CliIo } from './command';
import { jumpTargetPage, normalizePageLabel } from '@jianbao/contracts';

/** What the page is: the arguments every import needs besides the text. */
export interface PageImportRequest {
  file: string;
  publication: string;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  /** Page label as given, and normalised (`第三版` → `3`). */
  page: string;
  pageNormalized: string;
  text: string;
}

/**
 * Files a parsed page into the archive. Not wired yet: the database layer registers it with
 * {@link setFileImportHook}; resolves to the exit code.
 */
export type FileImportHook = (
  request: PageImportRequest,
  preview: ImportPreview,
  io: CliIo,
) => Promise<number>;

let fileImport: FileImportHook | null = null;

/** Plugs in the filing step used when `--dry-run` is absent. */
export function setFileImportHook(hook: FileImportHook | null): void {
  fileImport = hook;
}

const USAGE =
  'usage: import-page FILE --publication NAME --date YYYY-MM-DD --page LABEL [--dry-run] [--json] [--home-region CODE]\n' +
  '  --dry-run  parse and print the proposed clippings without filing them\n' +
  '  --json     print the preview as one JSON object (the import preview contract)';

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`import-page: ${message}\n${USAGE}\n`);
  return EXIT_USAGE;
}

/** Human-readable summary for `--dry-run` without `--json`. */
function formatPreview(preview: ImportPreview): string {
  const out: string[] = [];
  preview.clippings.forEach((c, i) => {
    const head = [c.kicker, c.title, c.subtitle].filter((x) => x !== null).join(' / ') || '(no title)';
    out.push(`#${i + 1} [${c.kind}] ${head}`);
    if (c.byline) out.push(`    byline:   ${c.byline}`);
    if (c.dateline) out.push(`    dateline: ${c.dateline}`);
    if (c.continuesFrom)
      out.push(
        `    from:     page ${jumpTargetPage(c.continuesFrom)}${c.continuesFrom.label ? ` (${c.continuesFrom.label})` : ''}`,
      );
    if (c.continuesTo)
      out.push(
        `    to:       page ${jumpTargetPage(c.continuesTo)}${c.continuesTo.label ? ` (${c.continuesTo.label})` : ''}`,
      );
    out.push(
      `    body:     ${c.body.length} chars, ${c.subheads.length} subheads — ${c.body.slice(0, 40).replace(/\n/g, ' ')}…`,
    );
  });
  out.push(`unassigned lines: ${preview.unassignedLines.length}`);
  for (const u of preview.unassignedLines) out.push(`    ${u.line + 1}: ${u.text}`);
  return `${out.join('\n')}\n`;
}

export const importPageCommand: CliCommand = {
  name: 'import-page',
  summary: 'parse one newspaper page into proposed clippings (--dry-run --json prints the preview)',
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (err) {
      return usageError(io, err instanceof Error ? err.message : String(err));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1)
      return usageError(io, positionals.length === 0 ? 'FILE is required' : 'exactly one FILE expected');
    const file = positionals[0] ?? '';
    const publication = (values.publication ?? '').trim();
    const date = values.date ?? '';
    const page = (values.page ?? '').trim();
    if (!publication) return usageError(io, '--publication NAME is required');
    if (!isIsoDate(date))
      return usageError(io, `--date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    const pageNormalized = normalizePageLabel(page);
    if (pageNormalized === null)
      return usageError(
        io,
        `--page must be a page label such as 2, A3 or 第三版, got ${JSON.stringify(page)}`,
      );
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return usageError(io, `cannot read ${file} (${code})`);
    }
    const matcher = defaultRegionMatcher();
    const home = values['home-region'] ?? homeFromPublicationName(publication, matcher);
    const preview = withRegions(parsePage(text), matcher, home);
    if (values['dry-run']) {
      io.stdout(values.json ? `${JSON.stringify(preview)}\n` : formatPreview(preview));
      return 0;
    }
    if (fileImport === null) {
      io.stderr('import-page: filing not available yet; use --dry-run to preview the clippings\n');
      return EXIT_USAGE;
    }
    return fileImport({ file, publication, date, page, pageNormalized, text }, preview, io);
  },
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      publication: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'home-region': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
