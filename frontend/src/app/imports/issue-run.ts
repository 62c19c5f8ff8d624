import type { ImportResult } from '@jianbao/contracts';
import { pageLabelFromFileName } from '@jianbao/contracts';
import type { ErrorText } from '../shared/api-error';

/**
 * Where one file of a whole-issue import stands. `skipped`: not a `.txt` (listed, never filed);
 * `notText`: not UTF-8 text; `unreadable`: the browser could not read it; `pending`: waiting to be
 * filed; `filing`: its request is out; `filed`; `duplicate`: the API answered 409 (the editor skips or
 * replaces it); `skippedDuplicate`: the editor chose to skip it; `failed`: refused for another reason.
 */
export type IssueRowState =
  | 'skipped'
  | 'notText'
  | 'unreadable'
  | 'pending'
  | 'filing'
  | 'filed'
  | 'duplicate'
  | 'skippedDuplicate'
  | 'failed';

/** What filing one page gave. */
export interface IssueRowResult {
  importId: number;
  /** Where it was filed (its issue's page map). */
  publicationId: number;
  issueDate: string;
  clippings: number;
  /** Continuation links made while filing, and those proposed for an editor to confirm. */
  linked: number;
  proposed: number;
  /** The earlier filing this one replaced, if any. */
  replacedImportId: number | null;
}

/** One picked file: a row of the whole-issue import. */
export interface IssueRow {
  key: number;
  name: string;
  size: number;
  /** The page label it is filed under: read from the name, editable. */
  label: string;
  /** The page text (null for a row never filed: skipped, not text, unreadable). */
  text: string | null;
  state: IssueRowState;
  result: IssueRowResult | null;
  /** The earlier import of the same page text (`duplicate`, `skippedDuplicate`). */
  duplicateOf: number | null;
  /** Why it was refused (`failed`): the sentence and the field messages. */
  error: { text: ErrorText; details: string[] } | null;
}

/** What reading a picked file gave: the text, or why there is none. */
export type FileRead = { kind: 'text'; text: string } | { kind: 'notText' } | { kind: 'unreadable' };

/** The outcome of one `POST /api/imports`. */
export type FilingOutcome =
  | { kind: 'filed'; result: ImportResult }
  | { kind: 'duplicate'; importId: number | null }
  | { kind: 'failed'; text: ErrorText; details: string[] };

/** Only `.txt` files are page texts; the rest of a folder (PDFs, scans) is listed as skipped. */
export function isPageFileName(name: string): boolean {
  return /\.txt$/i.test(name);
}

/** A row for a picked file; `read` is absent for a file that is not a `.txt` (it is not read). */
export function newRow(key: number, file: { name: string; size: number }, read?: FileRead): IssueRow {
  const base = {
    key,
    name: file.name,
    size: file.size,
    label: pageLabelFromFileName(file.name) ?? '',
    text: null,
    result: null,
    duplicateOf: null,
    error: null,
  };
  if (!read || !isPageFileName(file.name)) return { ...base, label: '', state: 'skipped' };
  switch (read.kind) {
    case 'text':
      return { ...base, text: read.text, state: 'pending' };
    case 'notText':
      return { ...base, state: 'notText' };
    case 'unreadable':
      return { ...base, state: 'unreadable' };
  }
}

/** Rows in the order the command line files a folder: by name, numbers compared as numbers. */
export function sortRows(rows: readonly IssueRow[]): IssueRow[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Keys of the rows a "file all" would send, in order. */
export function pendingKeys(rows: readonly IssueRow[]): number[] {
  return rows.filter((r) => r.state === 'pending').map((r) => r.key);
}

/** Keys of the pending rows that have no page label yet: filing refuses to start until they do. */
export function missingLabels(rows: readonly IssueRow[]): number[] {
  return rows.filter((r) => r.state === 'pending' && r.label.trim() === '').map((r) => r.key);
}

/** The rows with `key` changed by `change`. */
export function updateRow(
  rows: readonly IssueRow[],
  key: number,
  change: (row: IssueRow) => IssueRow,
): IssueRow[] {
  return rows.map((r) => (r.key === key ? change(r) : r));
}

/** A row whose label the editor typed (only while it may still be filed). */
export function withLabel(row: IssueRow, label: string): IssueRow {
  return row.state === 'pending' || row.state === 'failed' ? { ...row, label } : row;
}

/** A failed or duplicate row sent back to the queue (retry, replace). */
export function requeued(row: IssueRow): IssueRow {
  return row.state === 'failed' || row.state === 'duplicate'
    ? { ...row, state: 'pending', error: null }
    : row;
}

/** A duplicate row the editor chose not to file. */
export function skippedDuplicate(row: IssueRow): IssueRow {
  return row.state === 'duplicate' ? { ...row, state: 'skippedDuplicate' } : row;
}

/** The row once its request answered. */
export function withOutcome(row: IssueRow, outcome: FilingOutcome): IssueRow {
  switch (outcome.kind) {
    case 'filed':
      return {
        ...row,
        state: 'filed',
        error: null,
        duplicateOf: null,
        result: {
          importId: outcome.result.import.id,
          publicationId: outcome.result.import.publicationId,
          issueDate: outcome.result.import.issueDate,
          clippings: outcome.result.clippings.length,
          linked: outcome.result.links.filter((l) => l.status === 'linked').length,
          proposed: outcome.result.links.filter((l) => l.status === 'proposed').length,
          replacedImportId: outcome.result.replaced?.importId ?? null,
        },
      };
    case 'duplicate':
      return { ...row, state: 'duplicate', error: null, duplicateOf: outcome.importId };
    case 'failed':
      return { ...row, state: 'failed', error: { text: outcome.text, details: outcome.details } };
  }
}

/** How far a run got: the rows it set out to file, and where they stand now. */
export interface RunProgress {
  /** Rows the run set out to file. */
  total: number;
  /** Of those, answered (filed, duplicate, failed). */
  done: number;
  filed: number;
  duplicates: number;
  failed: number;
  /** Sent back to wait (the run was stopped before them). */
  waiting: number;
  /** The file being filed now. */
  current: string | null;
}

/** The progress of the run over `keys` (the rows it set out to file). */
export function runProgress(rows: readonly IssueRow[], keys: readonly number[]): RunProgress {
  const inRun = new Set(keys);
  const progress: RunProgress = {
    total: keys.length,
    done: 0,
    filed: 0,
    duplicates: 0,
    failed: 0,
    waiting: 0,
    current: null,
  };
  for (const row of rows) {
    if (!inRun.has(row.key)) continue;
    switch (row.state) {
      case 'filed':
        progress.filed += 1;
        progress.done += 1;
        break;
      case 'duplicate':
      case 'skippedDuplicate':
        progress.duplicates += 1;
        progress.done += 1;
        break;
      case 'failed':
        progress.failed += 1;
        progress.done += 1;
        break;
      case 'filing':
        progress.current = row.name;
        break;
      case 'pending':
        progress.waiting += 1;
        break;
      case 'skipped':
      case 'notText':
      case 'unreadable':
        break;
    }
  }
  return progress;
}

/** `12.3 KB`, `850 B`: a file's size for the row. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The 409's `details.importId`: the earlier import of the same page text. */
export function duplicateImportId(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const id = (details as { importId?: unknown }).importId;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
