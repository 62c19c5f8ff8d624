/**
 * Text normalisation for same-story detection.
 *
 * Two papers print the same wire story with different line wraps, full- or half-width brackets
 * (`（一）` vs `(一)`), different quote styles and the odd changed comma. Everything that is layout
 * rather than wording is removed so that only letters and digits remain:
 *
 * 1. NFKC folds full-width ASCII (`２０２４`, `（`, `Ａ`) to half-width and compatibility forms.
 * 2. Latin letters are lower-cased.
 * 3. Whitespace (including line breaks and U+3000), punctuation (`\p{P}`) and symbols (`\p{S}`) are
 *    dropped. Digits are kept: numbers (`2000名`, `60%`) are among the strongest evidence.
 *
 * The output is a plain string of code units; CJK characters outside the BMP stay as surrogate pairs,
 * which is consistent on both sides of a comparison.
 */

const DROP = /[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu;

export function normaliseForShingles(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DROP, '');
}
