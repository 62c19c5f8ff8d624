/**
 * Rejoining the wrapped lines of a pasted page when an editor moves lines in the wizard: the parser's
 * own rules (`@jianbao/contracts` text rules), so that a line move rebuilds a body exactly as the
 * parser would.
 */
import {
  endsSentence,
  joinParagraphs as joinWrappedParagraphs,
  joinWrapped,
  stripJumpMarkers,
} from '@jianbao/contracts';

export { endsSentence, stripJumpMarkers };

/**
 * Join wrapped lines of one field into one string: no separator, except a single space between two
 * Latin letters (`AEO` / `认证` → `AEO认证`, `by` / `Xinhua` → `by Xinhua`). Lines are trimmed and blank
 * ones skipped.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line) out = joinWrapped(out, line);
  }
  return out;
}

/** One source line: its 0-based index in the page and its text. */
export interface NumberedLine {
  index: number;
  text: string;
}

/**
 * Body text from its source lines: paragraphs separated by `\n`. A gap in the line numbers (a blank or
 * foreign line between) or an indented line counts as a blank line before it, as in the parser.
 */
export function joinParagraphs(lines: readonly NumberedLine[]): string {
  const kept = lines.filter((l) => l.text.trim() !== '');
  return joinWrappedParagraphs(
    kept.map((line, i) => {
      const prev = kept[i - 1];
      const gap = prev !== undefined && line.index > prev.index + 1;
      return { text: line.text, gapBefore: gap || /^[\s\u3000]/.test(line.text) };
    }),
  );
}
