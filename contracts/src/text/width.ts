/** Character width rules: what counts as a visible character, and full-width forms folded to half-width. */

/** Full-width ASCII (`Ａ３`, `１２`) to half-width; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Length ignoring whitespace (what a reader counts as a line's width); a surrogate pair counts once. */
export function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}
