/**
 * Rejoins hard-wrapped newspaper lines into paragraphs. CJK text is glued without spaces; a space is
 * kept only where a wrap would otherwise glue two Latin words together; spaces inside a source line
 * stay as printed. Paragraph breaks (`\n`) are kept where a line ends a sentence and the next line
 * visibly starts a new paragraph.
 */
import { isNumberedHeading } from './numbering';
import { endsSentence } from './sentence';
import { visibleLength } from './width';

export interface WrappedLine {
  text: string;
  /** A blank line preceded this one (column break or paragraph break). */
  gapBefore: boolean;
}

const LATIN = /[A-Za-z]/;

/**
 * A line ending a sentence that is shorter than this share of the column width ends its paragraph (the
 * writer ended the line, not the column). The parser and the wizard's line moves both join with it.
 */
export const PARAGRAPH_LINE_SHARE = 0.85;

/** Glues two wrapped pieces: `AEO认` + `证培育` → `AEO认证培育`; `the` + `quick` → `the quick`. */
export function joinWrapped(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  if (LATIN.test(last) && LATIN.test(first)) return `${a} ${b}`;
  return a + b;
}

const PARAGRAPH_START =
  /^(?:[“「『【]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,3}、|[■●▲◆□◎★☆▶►◇○△▼])/;

/**
 * Whether a paragraph ends between `prev` and `next`: `prev` must end a sentence, and either a blank
 * line separates them, `prev` is visibly shorter than the column, or `next` opens like a paragraph.
 */
export function isParagraphBreak(prev: string, next: WrappedLine, columnWidth: number): boolean {
  if (!endsSentence(prev)) return false;
  if (next.gapBefore) return true;
  if (visibleLength(prev) < Math.max(4, Math.floor(columnWidth * PARAGRAPH_LINE_SHARE))) return true;
  return PARAGRAPH_START.test(next.text.trimStart()) || isNumberedHeading(next.text);
}

/** Joins lines into paragraph text: paragraphs separated by `\n`, wraps glued. Linear in the input. */
export function joinParagraphs(lines: readonly WrappedLine[]): string {
  const out: string[] = [];
  // the current paragraph as pieces, joined once it ends: gluing each line onto the paragraph so far
  // (`joinWrapped(current, text)`) made V8 flatten the growing string at every line (its trimEnd reads
  // it), a copy of the paragraph per line. The pieces are trimmed lines, so joinWrapped's trims are no-ops
  // and its glue is a space exactly between two Latin letters.
  const current: string[] = [];
  let prevLine = '';
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const text = line.text.trim();
    if (text.length === 0) continue;
    const len = visibleLength(text);
    if (current.length === 0) {
      current.push(text);
      prevLine = text;
      width = len;
      continue;
    }
    const nextLen = visibleLength(lines[i + 1]?.text ?? '');
    const columnWidth = Math.max(width, len, nextLen);
    if (isParagraphBreak(prevLine, line, columnWidth)) {
      out.push(current.join(''));
      current.length = 0;
      current.push(text);
      width = len;
    } else {
      if (LATIN.test(prevLine.charAt(prevLine.length - 1)) && LATIN.test(text.charAt(0))) current.push(' ');
      current.push(text);
      width = Math.max(width, len);
    }
    prevLine = text;
  }
  if (current.length > 0) out.push(current.join(''));
  return out.join('\n');
}
