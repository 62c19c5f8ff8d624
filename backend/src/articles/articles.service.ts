import type { Article } from '@jianbao/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ChainReader } from '../clippings/read/chain-reader';
import type { ClippingRow } from '../clippings/read/clipping-reader';
import { mapChainPart } from '../continuations/continuation.mapper';
import { type ReassembledArticle, reassemble, toMarkdown, toPlainText } from '../continuations/matching';
import { type ExportFormat, exportFileName } from './article-export';

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

  async get(id: number): Promise<Article> {
    const { parts, head, text } = await this.load(id);
    return {
      id,
      title: head.title,
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
