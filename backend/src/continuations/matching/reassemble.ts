import type { JumpRef } from '@jianbao/contracts';
import { normalisePageLabel } from './page-refs';
import { sentenceEnd, stripLeadingMarker, stripTrailingMarker } from './text-features';
import type { PartId } from './types';

/** One part of an article, in reading order. */
export interface ReassemblyPart {
  id: PartId;
  pageLabel: string;
  body: string;
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
}

export interface PageBoundary {
  partId: PartId;
  pageLabel: string;
  /** Offsets into ReassembledArticle.body: [start, end). */
  start: number;
  end: number;
}

export interface ArticleMeta {
  title?: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  dateline?: string | null;
  publication?: string | null;
  issueDate?: string | null;
}

export interface ReassembledArticle extends ArticleMeta {
  body: string;
  /** One boundary per part; parts of one page are adjacent, the reader UI marks `start` of each. */
  boundaries: PageBoundary[];
  /** How each seam (between part i and i+1) was joined. */
  seams: ('inline' | 'paragraph')[];
}

/** Separators that must not be doubled at a seam. */
const SEPARATORS = '，。、；：！？,.;:!?';
const LATIN = /[A-Za-z]/;

/**
 * Joins the parts of a continued article: the jump markers are removed, whitespace at the seam is
 * trimmed, and the parts are joined directly when the previous part stops mid-sentence (no paragraph
 * break, no space between CJK characters), else with a line break. A separator duplicated across the
 * seam (`，|，`) is printed once (the tail's is kept); nothing else is dropped. A space is put only
 * between two Latin letters (`New|York`).
 */
export function reassemble(parts: readonly ReassemblyPart[], meta: ArticleMeta = {}): ReassembledArticle {
  let body = '';
  const boundaries: PageBoundary[] = [];
  const seams: ('inline' | 'paragraph')[] = [];
  parts.forEach((p, i) => {
    let text = p.body;
    if (i > 0) text = stripLeadingMarker(text, p.continuesFrom);
    if (i < parts.length - 1) text = stripTrailingMarker(text, p.continuesTo);
    text = i > 0 ? text.replace(/^\s+/, '') : text.replace(/^\s*\n/, '');
    if (i === parts.length - 1) text = text.replace(/\s+$/, '');
    if (i > 0) {
      body = body.replace(/\s+$/, '');
      if (sentenceEnd(body) === 'closed' || body.length === 0) {
        seams.push('paragraph');
        if (body.length > 0) body += '\n';
      } else {
        seams.push('inline');
        const last = body[body.length - 1] ?? '';
        const first = text[0] ?? '';
        if (last && SEPARATORS.includes(last) && SEPARATORS.includes(first)) body = body.slice(0, -1);
        else if (LATIN.test(last) && LATIN.test(first)) body += ' ';
      }
      boundaries[i - 1]!.end = body.length;
    }
    boundaries.push({
      partId: p.id,
      pageLabel: normalisePageLabel(p.pageLabel),
      start: body.length,
      end: body.length + text.length,
    });
    body += text;
  });
  if (boundaries.length > 0) boundaries[boundaries.length - 1]!.end = body.length;
  return { ...meta, body, boundaries, seams };
}

function pageName(label: string): string {
  return `第${label}版`;
}

function metaLine(a: ReassembledArticle): string {
  const pages = [...new Set(a.boundaries.map((b) => b.pageLabel))];
  return [
    a.publication,
    a.issueDate,
    pages.length
      ? pages
          .map(pageName)
          .join('、')
          .replace(/版、第/g, '、')
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The dateline (`本报讯`) opens the first paragraph, as printed; `mark` formats it (bold in Markdown). */
function datelined(a: ReassembledArticle, body: string, mark: (dateline: string) => string): string {
  const dateline = a.dateline?.trim();
  return dateline ? `${mark(dateline)} ${body.replace(/^\s+/, '')}` : body;
}

/** Body pieces with a page-change marker before every part that starts a new page. */
function pieces(a: ReassembledArticle, marker: (page: string) => string): string {
  let out = '';
  let page: string | null = null;
  a.boundaries.forEach((b, i) => {
    const text = a.body.slice(b.start, b.end);
    if (i > 0 && b.pageLabel !== page) out = `${out.replace(/\s+$/, '')}\n${marker(b.pageLabel)}\n`;
    page = b.pageLabel;
    out += text;
  });
  return a.boundaries.length ? out : a.body;
}

/** Plain text: title lines, a meta line, a blank line, the body with `——第2版——` at page changes. */
export function toPlainText(a: ReassembledArticle): string {
  const head = [a.kicker, a.title, a.subtitle].filter((x): x is string => !!x && x.trim() !== '');
  const meta = metaLine(a);
  const byline = a.byline?.trim() ? [a.byline] : [];
  const lines = [...head, ...(meta ? [meta] : []), ...byline];
  const body = datelined(
    a,
    pieces(a, (p) => `——${pageName(p)}——`),
    (d) => d,
  );
  return (lines.length ? `${lines.join('\n')}\n\n` : '') + body + '\n';
}

/** Escapes what Markdown would otherwise interpret (`*`, `_`, `#` at a line start, …). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)([#+-]|\d+\.)(?=\s|$)/gm, '$1\\$2');
}

/** Markdown: `# title`, the kicker/subtitle and meta in italics, paragraphs, `*（第2版）*` at page changes. */
export function toMarkdown(a: ReassembledArticle): string {
  const out: string[] = [];
  if (a.kicker) out.push(`*${md(a.kicker)}*`, '');
  if (a.title) out.push(`# ${md(a.title)}`, '');
  if (a.subtitle) out.push(`## ${md(a.subtitle)}`, '');
  const meta = metaLine(a);
  if (meta) out.push(`*${md(meta)}*`, '');
  if (a.byline) out.push(md(a.byline), '');
  const body = datelined(
    a,
    pieces(a, (p) => `\u0000${p}`),
    (d) => `\u0001${d}\u0001`,
  );
  const paragraphs = body
    .split('\n')
    .map((line) => (line.startsWith('\u0000') ? `*（${pageName(line.slice(1))}）*` : md(line.trim())))
    // eslint-disable-next-line no-control-regex -- U+0001 marks the dateline here; stored text never holds it
    .map((line) => line.replace(/^\u0001([^\u0001]*)\u0001/, '**$1**'))
    .filter((line) => line !== '');
  out.push(paragraphs.join('\n\n'));
  return out.join('\n') + '\n';
}
