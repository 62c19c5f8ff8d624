/**
 * The page text as filed: the same bytes give the same SHA-256 whatever editor saved them, so a
 * byte-order mark is dropped and Windows line ends become `\n` (line numbers do not change).
 */
import { createHash } from 'node:crypto';

/** Largest page text accepted, in UTF-8 bytes. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export function normalizePageText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** Lowercase hex SHA-256 of the UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The page's lines as the parser numbers them (`LineAssignment.line`), without a trailing `\r`. */
export function pageLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

/** The given source lines, in page order, joined with `\n`; null when there are none. */
export function rawTextOf(lineNumbers: Iterable<number>, lines: readonly string[]): string | null {
  const picked = [...new Set(lineNumbers)]
    .filter((n) => Number.isInteger(n) && n >= 0 && n < lines.length)
    .sort((a, b) => a - b)
    .map((n) => lines[n] ?? '');
  return picked.length > 0 ? picked.join('\n') : null;
}
