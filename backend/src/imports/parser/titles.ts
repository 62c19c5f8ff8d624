/** Headline blocks into kicker (引题), title (主题) and subtitle (副题). */
import type { HeadingAtom } from './atoms';
import { isBalanced, visibleLength } from './text-rules';
import type { LineAssignment, LineRole } from '@jianbao/contracts';
import { joinWrapped } from '@jianbao/contracts';

export interface HeadingPart {
  text: string;
  lines: number[];
  sub: boolean;
}

/** Splits a headline group into printed parts: blocks separated by blank lines; bracketed/dash lines apart. */
export function headingParts(h: HeadingAtom): HeadingPart[] {
  if (h.inlineParts && h.inlineParts.length > 0) {
    const line = h.lines[0]?.line ?? 0;
    const inline: HeadingPart[] = [];
    for (const text of h.inlineParts) inline.push({ text, lines: [line], sub: isSubtitleLine(text) });
    return inline; // (pushed, not `map`: see rejoinCutSignals)
  }
  const parts: HeadingPart[] = [];
  let cur: HeadingPart | null = null;
  const tall = isTallBlock(h);
  for (const l of h.lines) {
    const sub = isSubtitleLine(l.text);
    if (sub) {
      const part = { text: l.text, lines: [l.line], sub: true };
      parts.push(part);
      // a subtitle goes on over the lines under it, no blank line between (`——记柳州市“刘三姐”志愿服务队的` /
      // `“桑榆”志愿者`): the headline's last part
      cur = part;
      continue;
    }
    // a deck printed on its own line — `【关注城市更新】`, or a sentence with a comma — is a part of its own
    const deck = isDeckLine(l.text, tall);
    if (cur?.sub && !l.gapBefore) {
      cur.text = joinWrapped(cur.text, l.text);
      cur.lines.push(l.line);
      continue;
    }
    if (cur === null || l.gapBefore || deck) {
      cur = { text: l.text, lines: [l.line], sub: false };
      parts.push(cur);
      // (a line that stops on a comma goes on in the next: `我们愿为文明创建出力，` / `兰州加油！`)
      if (deck && h.lines.length > 1 && !/[，,]$/.test(l.text.trim())) cur = null;
    } else {
      cur.text = joinWrapped(cur.text, l.text);
      cur.lines.push(l.line);
    }
  }
  return parts;
}

/**
 * A deck line: `【关注城市更新】`, a sentence with a comma, or — in a block of three or more lines that
 * also has plain lines — a two-phrase line (`坚持项目为王 奋力攻坚冲刺`, `王建国出席并讲话 李红梅主持`).
 */
const BULLET_LABEL_MAX = 8;

export function isDeckLine(text: string, tall: boolean): boolean {
  const t = text.trim();
  return (
    (/^[【〖]/.test(t) && /[】〗]$/.test(t)) ||
    /[，,]/.test(t) ||
    (tall && /\S[ \u3000]+\S/.test(t)) ||
    // a column label behind a bullet (`■记者手记`, `●丽都社区`): a kicker of its own
    (/^[■●▲◆□◎★☆◇○]/.test(t) && visibleLength(t) <= BULLET_LABEL_MAX)
  );
}

/** Three or more headline lines, at least one of them without spaces or commas (the wrapped main title). */
export function isTallBlock(h: HeadingAtom): boolean {
  return h.lines.length >= 3 && h.lines.some((l) => !/[\s，,]/.test(l.text.trim()));
}

export function isSubtitleLine(text: string): boolean {
  const t = text.trim();
  return /^[—–-]{1,2}/.test(t) || (/^[（(]/.test(t) && /[）)]$/.test(t) && isBalanced(t.slice(1, -1)));
}

export interface TitleFields {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  roles: LineAssignment[];
}

/** Kicker (引题) / title (主题) / subtitle (副题): the longest plain part is the title. */
export function titleFields(h: HeadingAtom | null): TitleFields {
  if (!h) return { kicker: null, title: null, subtitle: null, roles: [] };
  const parts = headingParts(h);
  const tall = isTallBlock(h);
  // the title is the longest plain part; a deck (bracketed or a sentence with a comma) only when nothing else is
  let t = -1;
  for (const decksToo of [false, true]) {
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      if (!p || p.sub || (!decksToo && parts.length > 1 && isDeckLine(p.text, tall))) continue;
      // (a part ending in a dash leads into the title after it: the kicker, `…诚邀八方宾朋——`)
      if (k < parts.length - 1 && p.text.trim().endsWith('——')) continue;
      const best = t >= 0 ? parts[t] : undefined;
      if (best === undefined || visibleLength(p.text) > visibleLength(best.text)) t = k;
    }
    if (t >= 0) break;
  }
  if (t < 0) t = 0;
  const kick: string[] = [];
  const sub: string[] = [];
  const roles: LineAssignment[] = [];
  parts.forEach((p, k) => {
    const role: LineRole = k === t ? 'title' : k < t ? 'kicker' : 'subtitle';
    if (k < t) kick.push(p.text);
    else if (k > t) sub.push(p.text);
    for (const line of p.lines) roles.push({ line, role });
  });
  return {
    kicker: kick.length > 0 ? kick.join(' ') : null,
    title: parts[t]?.text ?? null,
    subtitle: sub.length > 0 ? sub.join(' ') : null,
    roles,
  };
}

export function subheadText(h: HeadingAtom): string {
  let s = '';
  let prevGap = false;
  for (const l of h.lines) {
    s = s.length === 0 ? l.text : prevGap || l.gapBefore ? `${s} ${l.text}` : joinWrapped(s, l.text);
    prevGap = false;
  }
  return s;
}
