/** Escapes LIKE wildcards (with `\` as the ESCAPE character) so a user's `%` or `_` matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
