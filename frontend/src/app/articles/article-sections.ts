import type { Article } from '@jianbao/contracts';

/** A stretch of the reassembled body printed on one page, split into paragraphs. */
export interface ArticleSection {
  clippingId: number | null;
  pageLabel: string;
  paragraphs: string[];
  /** Whether a page divider goes before this section (the page changed). */
  newPage: boolean;
}

function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The body cut at its page boundaries (offsets into `body`), so the reader can print
 * "— 第2版 —" where the article jumps. Adjacent parts of one page need no divider between them.
 */
export function articleSections(article: Pick<Article, 'body' | 'boundaries'>): ArticleSection[] {
  const bounds = [...article.boundaries].sort((a, b) => a.start - b.start);
  if (!bounds.length) {
    return [{ clippingId: null, pageLabel: '', paragraphs: paragraphs(article.body), newPage: false }];
  }
  return bounds.map((b, i) => ({
    clippingId: b.clippingId,
    pageLabel: b.pageLabel,
    paragraphs: paragraphs(article.body.slice(b.start, b.end)),
    newPage: i > 0 && b.pageLabel !== bounds[i - 1]?.pageLabel,
  }));
}

/** File name for a download: the server's `Content-Disposition` one, else `article-<id>.<ext>`. */
export function downloadName(contentDisposition: string | null, id: number, ext: string): string {
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition ?? '');
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Malformed percent-encoding: fall back to the plain parameter or the default.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition ?? '');
  return plain?.[1]?.trim() || `article-${id}.${ext}`;
}
