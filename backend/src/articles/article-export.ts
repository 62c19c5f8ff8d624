/** Formats an article can be downloaded in. */
export const EXPORT_FORMATS = ['md', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `article-12-<title>.md`: the title kept (Chinese included), characters unsafe in file names dropped. */
export function exportFileName(id: number, title: string | null, format: ExportFormat): string {
  const safe = [...(title ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return `article-${id}${safe ? `-${safe}` : ''}.${format}`;
}

/** RFC 6266 header: an ASCII fallback plus the UTF-8 name for browsers that read `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
