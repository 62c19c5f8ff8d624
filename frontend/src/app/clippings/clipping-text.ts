/** Textarea with one subhead per line ↔ the API's `string[]` (blank lines dropped). */
export function linesToList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
