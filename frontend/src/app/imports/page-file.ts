/**
 * A page file's text, or null when its bytes are not UTF-8 (a GBK export, a PDF, an image): decoded
 * leniently they would fill the text box with replacement characters and the preview with nonsense.
 * A leading BOM is dropped.
 */
export function pageFileText(bytes: ArrayBuffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    // A NUL is never in a page's text: the file is binary even if its bytes happen to be UTF-8.
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}
