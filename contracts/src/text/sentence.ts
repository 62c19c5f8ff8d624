/** Where a sentence ends in Chinese print: the one rule the parser, the wizard and continuation matching share. */
import { isJsSpace } from './whitespace';

/** Characters after which a sentence (and possibly a paragraph) is complete. */
export const SENTENCE_TERMINALS = '。！？!?…．';

/** Closing quotes and brackets that may follow the sentence-final mark: `……。”` `！）`. */
export const SENTENCE_CLOSERS = '”’」』）)》"\'';

const TERMINAL = new Set([...SENTENCE_TERMINALS]);
const CLOSERS = new Set([...SENTENCE_CLOSERS]);

/** True when the text ends a sentence: `。`, `！`, `？`, `…`, optionally followed by up to three closers. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isJsSpace(text.charCodeAt(i))) i--;
  let closers = 0;
  while (i >= 0 && CLOSERS.has(text[i] ?? '') && closers < 3) {
    i--;
    closers++;
  }
  return i >= 0 && TERMINAL.has(text[i] ?? '');
}
