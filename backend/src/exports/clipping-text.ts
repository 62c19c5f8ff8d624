import type { Clipping, TextExportFormat } from '@jianbao/contracts';
import { reassemble, toMarkdown, toPlainText } from '../continuations/matching';

/** A file to download. */
export interface ExportFile {
  contentType: string;
  fileName: string;
  body: string;
}

/** Formats one clipping can be downloaded in (as an article: `GET /api/articles/:id/export`). */
export const TEXT_EXPORT_FORMATS = ['md', 'txt'] as const satisfies readonly TextExportFormat[];

export function isTextExportFormat(value: unknown): value is TextExportFormat {
  return typeof value === 'string' && (TEXT_EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `clipping-12-<title>.md`: the title kept (Chinese included), characters unsafe in file names dropped. */
export function clippingFileName(id: number, title: string | null, extension: string): string {
  const safe = [...(title ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return `clipping-${id}${safe ? `-${safe}` : ''}.${extension}`;
}

/**
 * One clipping as Markdown or plain text, laid out as an article of one part is (kicker, title,
 * subtitle, publication · date · page, byline, dateline, then the body's paragraphs).
 */
export function clippingText(c: Clipping, format: TextExportFormat): ExportFile {
  const text = reassemble(
    [
      {
        id: c.id,
        pageLabel: c.pageLabel,
        body: c.body,
        continuesFrom: c.continuesFrom,
        continuesTo: c.continuesTo,
      },
    ],
    {
      kicker: c.kicker,
      title: c.title,
      subtitle: c.subtitle,
      byline: c.byline,
      dateline: c.dateline,
      publication: c.publicationName === '' ? null : c.publicationName,
      issueDate: c.issueDate,
    },
  );
  const fileName = clippingFileName(c.id, c.title, format);
  return format === 'md'
    ? { contentType: 'text/markdown; charset=utf-8', fileName, body: toMarkdown(text) }
    : { contentType: 'text/plain; charset=utf-8', fileName, body: toPlainText(text) };
}
