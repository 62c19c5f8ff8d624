/** Reads one page file for filing, refusing what is not page text: a folder, empty, binary, not UTF-8, too big. */
import { readFileSync, statSync } from 'node:fs';
import { MAX_PAGE_BYTES } from './page-text';

export type PageFileResult = { ok: true; text: string } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Checks the bytes of a page file; the reason is one short English phrase. */
export function decodePageBytes(bytes: Uint8Array): PageFileResult {
  if (bytes.length > MAX_PAGE_BYTES) return { ok: false, reason: `larger than 2 MB (${bytes.length} bytes)` };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (NUL bytes)' };
  if (text.replace(/^\uFEFF/, '').trim().length === 0) return { ok: false, reason: 'empty file' };
  return { ok: true, text };
}

export function readPageFile(path: string): PageFileResult {
  try {
    if (statSync(path).isDirectory()) return { ok: false, reason: 'a directory, not a file' };
    return decodePageBytes(readFileSync(path));
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}
