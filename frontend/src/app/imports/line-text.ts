/** Rejoining the wrapped lines of a pasted page: CJK text has no spaces at a line wrap, Latin text does. */

const LATIN_OR_DIGIT = /[A-Za-z0-9\u00C0-\u024F]/;
/** Sentence-final punctuation, looked for after any closing quotes or brackets. */
const SENTENCE_END = /[。！？!?…；]$/;
const CLOSERS = /[”’」』》）)"'\]]+$/;
/** `（上接1版A）`, `(下转第二版)`, `（转A4版）`: jump markers as printed. */
const JUMP_MARKER = /[（(]\s*(?:上接|下转|接|转)[^（()）]{0,16}[）)]/g;

/**
 * Join wrapped lines of one field into one string: no separator, except a single space between two
 * Latin letters or digits (`AEO` / `认证` → `AEO认证`, `by` / `Xinhua` → `by Xinhua`). Lines are
 * trimmed and blank ones skipped.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out && LATIN_OR_DIGIT.test(out.slice(-1)) && LATIN_OR_DIGIT.test(line[0] ?? '')) out += ' ';
    out += line;
  }
  return out;
}

/** Whether `text` ends a sentence (`。`, `！`, `？`, also before closing quotes: `。”`). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim().replace(CLOSERS, ''));
}

/** The text without its jump markers (`（上接1版A）清风扬帆` → `清风扬帆`). */
export function stripJumpMarkers(text: string): string {
  return text.replace(JUMP_MARKER, '').trim();
}

/** One source line: its 0-based index in the page and its text. */
export interface NumberedLine {
  index: number;
  text: string;
}

/**
 * Body text from its source lines: paragraphs separated by `\n`, each joined with {@link joinLines}.
 * A paragraph ends after a sentence-final line that is followed by a gap (a blank or foreign line),
 * by an indented line, or that is clearly shorter than the column — the way print columns wrap.
 */
export function joinParagraphs(lines: readonly NumberedLine[]): string {
  const kept = lines.filter((l) => l.text.trim() !== '');
  if (!kept.length) return '';
  const width = Math.max(...kept.map((l) => Array.from(l.text.trim()).length));
  const paragraphs: string[][] = [];
  let current: string[] = [];
  kept.forEach((line, i) => {
    const prev = kept[i - 1];
    if (prev && current.length && endsSentence(prev.text)) {
      const gap = line.index > prev.index + 1;
      const indented = /^[\s\u3000]/.test(line.text);
      const short = Array.from(prev.text.trim()).length < width * 0.8;
      if (gap || indented || short) {
        paragraphs.push(current);
        current = [];
      }
    }
    current.push(line.text);
  });
  paragraphs.push(current);
  return paragraphs.map((p) => joinLines(p)).join('\n');
}
