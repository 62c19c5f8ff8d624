import { normalizePageLabel } from './page-label';

const DATE = /(?:19|20)\d{2}[-_.]?\d{1,2}[-_.]?\d{1,2}/g;
/** `page2`, `p12`, `pg3`: a word for page before the number, not an edition letter. */
const PREFIX = /^(?:page|pg|p|版面|版)(?=\d)/i;

/**
 * The page label a file name carries: `A3.txt` → `A3`, `第三版.txt` → `3`, `page-2.txt` → `2`,
 * `02.txt` → `2`, `2024-10-22_A03.txt` → `A3` — the last page-like token, after dropping dates;
 * null when none is. One rule for the `import-dir` command and the UI's whole-issue import.
 */
export function pageLabelFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const tokens = base
    .replace(DATE, ' ')
    .split(/[\s_\-.,，、()（）[\]【】]+/)
    .filter((t) => t.length > 0);
  for (let i = tokens.length - 1; i >= 0; i -= 1) {
    const token = tokens[i] ?? '';
    const label = PREFIX.test(token)
      ? normalizePageLabel(token.replace(PREFIX, ''))
      : normalizePageLabel(token);
    if (label !== null) return label;
  }
  return null;
}
