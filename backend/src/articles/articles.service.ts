import type { Article, ArticleSummary, Page } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { pageWindow } from '../common/page.query';
import { validationFailed } from '../common/validation';
import { ChainReader } from '../clippings/read/chain-reader';
import type { ClippingRow } from '../clippings/read/clipping-reader';
import { mapChainPart } from '../continuations/continuation.mapper';
import { type ReassembledArticle, reassemble, toMarkdown, toPlainText } from '../continuations/matching';
import { type ExportFormat, exportFileName } from './article-export';
import type { ListArticlesQueryDto } from './dto/list-articles.query';

type ArticlePart = ClippingRow;

/** A file to download. */
export interface ArticleFile {
  contentType: string;
  fileName: string;
  body: string;
}

/** Articles reassembled from their parts: the body without jump markers, seams joined. */
@Injectable()
export class ArticlesService {
  constructor(private readonly chains: ChainReader) {}

  /** The articles index: a page of continued articles, newest issue first, each with its parts' pages. */
  async list(query: ListArticlesQueryDto): Promise<Page<ArticleSummary>> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed([{ field: 'to', errors: ['to must not be before from'] }]);
    }
    const window = pageWindow(query);
    const { articleIds, parts, total } = await this.chains.articleIndex(query, window);
    const byArticle = new Map<number, ArticlePart[]>();
    for (const part of parts) {
      if (part.articleId === null) continue;
      const list = byArticle.get(part.articleId) ?? [];
      list.push(part);
      byArticle.set(part.articleId, list);
    }
    const items: ArticleSummary[] = [];
    for (const id of articleIds) {
      const ordered = orderChain(byArticle.get(id) ?? []);
      const head = ordered[0];
      if (!head) continue;
      items.push({
        id,
        title: head.title,
        subtitle: head.subtitle,
        byline: head.byline,
        publicationId: head.publicationId,
        publicationName: head.publicationName,
        issueDate: head.issueDate,
        parts: ordered.map((p) => ({
          clippingId: p.id,
          publicationName: p.publicationName,
          issueDate: p.issueDate,
          pageLabel: p.pageLabel,
        })),
      });
    }
    return { items, total, page: window.page, pageSize: window.pageSize };
  }

  async get(id: number): Promise<Article> {
    const { parts, head, text } = await this.load(id);
    return {
      id,
      kicker: head.kicker,
      title: head.title,
      subtitle: head.subtitle,
      byline: head.byline,
      publicationId: head.publicationId,
      publicationName: head.publicationName,
      issueDate: head.issueDate,
      parts: parts.map(mapChainPart),
      body: text.body,
      boundaries: text.boundaries.map((b, i) => ({
        clippingId: Number(b.partId),
        pageLabel: parts[i]?.pageLabel ?? b.pageLabel,
        start: b.start,
        end: b.end,
      })),
    };
  }

  async export(id: number, format: ExportFormat): Promise<ArticleFile> {
    const { head, text } = await this.load(id);
    const fileName = exportFileName(id, head.title, format);
    return format === 'md'
      ? { contentType: 'text/markdown; charset=utf-8', fileName, body: toMarkdown(text) }
      : { contentType: 'text/plain; charset=utf-8', fileName, body: toPlainText(text) };
  }

  private async load(
    id: number,
  ): Promise<{ parts: ArticlePart[]; head: ArticlePart; text: ReassembledArticle }> {
    const parts = orderChain(await this.chains.articleParts(id));
    const head = parts[0];
    if (!head) throw new NotFoundException(`Article ${id} not found`);
    const text = reassemble(parts, {
      title: head.title,
      kicker: head.kicker,
      subtitle: head.subtitle,
      byline: head.byline,
      dateline: head.dateline,
      publication: head.publicationName === '' ? null : head.publicationName,
      issueDate: head.issueDate,
    });
    return { parts, head, text };
  }
}

/** The parts of one article in reading order: from the part without a previous one among them, along next. */
export function orderChain<
  T extends { id: number; previousPartId: number | null; nextPartId: number | null },
>(parts: readonly T[]): T[] {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const first = parts.find((p) => p.previousPartId === null || !byId.has(p.previousPartId));
  const out: T[] = [];
  for (
    let cur = first;
    cur && !out.includes(cur);
    cur = cur.nextPartId === null ? undefined : byId.get(cur.nextPartId)
  ) {
    out.push(cur);
  }
  return out;
}
