import type { ClippingFilterValues, ListExportFormat, TextExportFormat } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ClippingSelection } from '../clippings/clipping-selection';
import { ClippingViewLoader } from '../clippings/read/clipping-view.loader';
import { PublicationsRepository } from '../publications/publications.repository';
import { TagsRepository } from '../tags/tags.repository';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-check';
import { toArchiveClipping, toArchivePublication, toArchiveTag } from './archive.mapper';
import { type CsvLanguage, UTF8_BOM, clippingCsvRecord, csvHeader } from './clipping-csv';
import { type ExportFile, clippingText } from './clipping-text';

/** Clippings read (and written out) per batch: a large export never holds more than this many in memory. */
export const EXPORT_BATCH = 200;

/** What to export: an explicit selection, or everything the list's filter selects in the list's order. */
export type ExportSelection = { ids: number[] } | { filter: ClippingFilterValues; sort?: string };

/** A streamed download: its type, its name, and its text in pieces. */
export interface ExportStream {
  contentType: string;
  fileName: string;
  chunks: AsyncIterable<string>;
}

/**
 * Exports: the list (or a selection) as CSV or as the JSON archive file, read in batches of
 * {@link EXPORT_BATCH} and written out as they come; one clipping as Markdown or plain text.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly selection: ClippingSelection,
    private readonly views: ClippingViewLoader,
    private readonly publications: PublicationsRepository,
    private readonly tags: TagsRepository,
  ) {}

  /**
   * The export of a list or a selection. Which clippings is settled (and bad input refused) before the
   * first byte is written; the rows are then read batch by batch while the answer streams.
   */
  async list(
    what: ExportSelection,
    format: ListExportFormat,
    lang: CsvLanguage = 'zh-CN',
    now = new Date(),
  ): Promise<ExportStream> {
    const ids =
      'ids' in what
        ? await this.selection.selected(what.ids)
        : await this.selection.matching(what.filter, what.sort);
    const stamp = now.toISOString().slice(0, 10);
    if (format === 'csv') {
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `clippings-${stamp}.csv`,
        chunks: this.csv(ids, lang),
      };
    }
    return {
      contentType: 'application/json; charset=utf-8',
      fileName: `clippings-${stamp}.json`,
      chunks: this.archive(ids, now),
    };
  }

  /** One clipping as Markdown or plain text. */
  async clipping(id: number, format: TextExportFormat): Promise<ExportFile> {
    const clipping = await this.views.loadOne(id);
    if (!clipping) throw new NotFoundException(`Clipping ${id} not found`);
    return clippingText(clipping, format);
  }

  private async *csv(ids: number[], lang: CsvLanguage): AsyncGenerator<string> {
    yield UTF8_BOM + csvHeader(lang);
    for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
      const batch = await this.views.load(ids.slice(i, i + EXPORT_BATCH));
      yield batch.map((c) => clippingCsvRecord(c, lang)).join('');
    }
  }

  /** The archive file: every publication and tag (small tables), then the clippings, one per line. */
  private async *archive(ids: number[], now: Date): AsyncGenerator<string> {
    const publications = (await this.publications.findAll()).map(toArchivePublication);
    const tags = (await this.tags.findAll()).map(toArchiveTag);
    yield (
      `{"format":${JSON.stringify(ARCHIVE_FORMAT)},"version":${ARCHIVE_VERSION},` +
      `"exportedAt":${JSON.stringify(now.toISOString())},\n` +
      `"publications":${JSON.stringify(publications)},\n"tags":${JSON.stringify(tags)},\n"clippings":[`
    );
    let written = 0;
    for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
      // A clipping deleted since the ids were read is skipped.
      const batch = await this.views.load(ids.slice(i, i + EXPORT_BATCH));
      if (batch.length === 0) continue;
      const lines = batch.map((c) => `\n${JSON.stringify(toArchiveClipping(c))}`);
      yield (written > 0 ? ',' : '') + lines.join(',');
      written += batch.length;
    }
    yield '\n]}\n';
  }
}
