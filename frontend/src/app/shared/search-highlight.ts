/**
 * A search highlight from the API (`SearchHighlight`: the server escapes every character of the text
 * and writes `<mark>…</mark>` around hits) made safe to bind as `[innerHTML]` whatever it holds: the
 * exact tags `<mark>` and `</mark>` stay markup, any other `<` or `>` is escaped again. So only the
 * server's highlight can ever be HTML, even if a bug let raw text through.
 */
export function markOnly(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part) =>
      part === '<mark>' || part === '</mark>' ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}
