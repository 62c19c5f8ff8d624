/** Numbered subheads: `一、总体要求`, `（三）…`, `第二部分`, `3．`. */

const NUMBERED_RE =
  /^(?:[一二三四五六七八九十百]{1,4}\s{0,2}[、.．]|[（(]\s{0,2}[一二三四五六七八九十百]{1,4}\s{0,2}[）)]|第[一二三四五六七八九十百]{1,4}[章节部分条]|[0-9]{1,2}\s{0,2}[、．])/;

/** `一、总体要求`, `（三）…`, `第二部分` — an in-article subhead by its numbering. */
export function isNumberedHeading(text: string): boolean {
  return NUMBERED_RE.test(text.trim());
}
