/**
 * Page labels as printed in Chinese newspapers (`第三版`, `A3版`, `３`, `一版`) normalised to
 * Arabic numerals plus any edition letter (`3`, `A3`, `1`), and a sort key for ordering them.
 */

import { toHalfWidth } from './width';

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `三` → 3, `十二` → 12, `二十` → 20, `一百零五` → 105; null when the string is not a Chinese numeral. */
export function chineseNumeralToNumber(text: string): number | null {
  if (text.length === 0 || text.length > 8) return null;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch] ?? 0;
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      return null;
    }
  }
  if (digit >= 0) total += digit;
  return total;
}

/** A number written in Arabic or Chinese digits, or null. */
export function parseNumber(text: string): number | null {
  const t = toHalfWidth(text).trim();
  if (/^[0-9]{1,4}$/.test(t)) return Number(t);
  return chineseNumeralToNumber(t);
}

const LABEL_RE =
  /^第?\s*([A-Z]{0,2})\s*([0-9]{1,4}|[零〇一二两三四五六七八九十百]{1,8})\s*([A-Z]?)\s*(?:版|页|面)?$/;

/**
 * Normalises a printed page label: `第三版` → `3`, `A3版` → `A3`, `ａ０３` → `A3`, `一版` → `1`.
 * An edition letter printed after the number (`3A版`) stays after it (`3A`). Null when unreadable.
 */
export function normalizePageLabel(raw: string): string | null {
  const t = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  const m = LABEL_RE.exec(t);
  if (!m) return null;
  const n = parseNumber(m[2] ?? '');
  if (n === null || n <= 0) return null;
  return `${m[1] ?? ''}${n}${m[3] ?? ''}`;
}

/**
 * Sort key so that pages order as printed: all un-lettered pages by number, then edition A by number,
 * then B… (`1 < 2 < 10 < A1 < A2 < B1`). Unreadable labels sort last, by their text.
 */
export function pageSortKey(label: string): string {
  const norm = normalizePageLabel(label);
  if (norm === null) return `~${label}`;
  const m = /^([A-Z]{0,2})([0-9]+)([A-Z]?)$/.exec(norm);
  if (!m) return `~${label}`;
  return `${(m[1] ?? '').padEnd(2, ' ')}${(m[2] ?? '').padStart(5, '0')}${m[3] ?? ''}`;
}

/** Comparator for page labels, consistent with {@link pageSortKey}. */
export function comparePageLabels(a: string, b: string): number {
  const ka = pageSortKey(a);
  const kb = pageSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
