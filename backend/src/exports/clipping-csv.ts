import type { Clipping } from '@jianbao/contracts';

/** The byte order mark that makes spreadsheet programs read the file as UTF-8 (Chinese intact). */
export const UTF8_BOM = '\uFEFF';

/** Languages the CSV's header and labels are written in. */
export const CSV_LANGUAGES = ['zh-CN', 'en'] as const;
export type CsvLanguage = (typeof CSV_LANGUAGES)[number];

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'publication',
  'issueDate',
  'page',
  'kind',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'tags',
  'regions',
  'continuation',
  'status',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Where a clipping stands in a continued article. */
export type ContinuationState = 'none' | 'linked' | 'waiting-head' | 'waiting-tail';

const HEADERS: Record<CsvLanguage, Record<CsvColumn, string>> = {
  'zh-CN': {
    id: '编号',
    publication: '报纸',
    issueDate: '出版日期',
    page: '版面',
    kind: '类型',
    kicker: '引题',
    title: '标题',
    subtitle: '副题',
    byline: '作者',
    dateline: '电头',
    body: '正文',
    tags: '标签',
    regions: '地区',
    continuation: '续接',
    status: '状态',
  },
  en: {
    id: 'id',
    publication: 'publication',
    issueDate: 'issue date',
    page: 'page',
    kind: 'kind',
    kicker: 'kicker',
    title: 'title',
    subtitle: 'subtitle',
    byline: 'byline',
    dateline: 'dateline',
    body: 'body',
    tags: 'tags',
    regions: 'regions',
    continuation: 'continuation',
    status: 'status',
  },
};

const LABELS: Record<CsvLanguage, Record<string, string>> = {
  'zh-CN': {
    article: '文章',
    photo: '图片',
    brief: '简讯',
    ad: '广告',
    notice: '公告',
    draft: '草稿',
    reviewed: '已审核',
    none: '',
    linked: '已续接',
    'waiting-head': '待接上文',
    'waiting-tail': '待接下文',
  },
  en: {
    article: 'article',
    photo: 'photo',
    brief: 'brief',
    ad: 'ad',
    notice: 'notice',
    draft: 'draft',
    reviewed: 'reviewed',
    none: '',
    linked: 'linked',
    'waiting-head': 'waiting for its head',
    'waiting-tail': 'waiting for its tail',
  },
};

/** Separator of several tags or regions in one cell (a Chinese text never needs quoting for it). */
const LIST_SEPARATOR = '；';

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or leading or
 * trailing spaces, quotes doubled inside. A cell starting with `=`, `+`, `-`, `@` is prefixed with an
 * apostrophe so that a spreadsheet shows the text instead of running it as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRecord(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The header record. */
export function csvHeader(lang: CsvLanguage): string {
  return csvRecord(CSV_COLUMNS.map((c) => HEADERS[lang][c]));
}

/** Linked into an article, waiting for the part it continues from or into, or neither. */
export function continuationState(
  c: Pick<Clipping, 'articleId' | 'continuesFrom' | 'continuesTo' | 'previousPartId' | 'nextPartId'>,
): ContinuationState {
  if (c.continuesFrom !== null && c.previousPartId === null) return 'waiting-head';
  if (c.continuesTo !== null && c.nextPartId === null) return 'waiting-tail';
  if (c.articleId !== null) return 'linked';
  return 'none';
}

/** A clipping's record. */
export function clippingCsvRecord(c: Clipping, lang: CsvLanguage): string {
  const labels = LABELS[lang];
  const label = (key: string): string => labels[key] ?? key;
  const state = continuationState(c);
  const continuation =
    state === 'linked' && c.articleId !== null ? `${label(state)} #${c.articleId}` : label(state);
  const row: Record<CsvColumn, string | number | null> = {
    id: c.id,
    publication: c.publicationName,
    issueDate: c.issueDate,
    page: c.pageLabel,
    kind: label(c.kind),
    kicker: c.kicker,
    title: c.title,
    subtitle: c.subtitle,
    byline: c.byline,
    dateline: c.dateline,
    body: c.body,
    tags: c.tags.map((t) => t.name).join(LIST_SEPARATOR),
    regions: c.regions.map((r) => [...r.path, r.name].join('')).join(LIST_SEPARATOR),
    continuation,
    status: label(c.status),
  };
  return csvRecord(CSV_COLUMNS.map((col) => row[col]));
}

export function isCsvLanguage(value: unknown): value is CsvLanguage {
  return typeof value === 'string' && (CSV_LANGUAGES as readonly string[]).includes(value);
}
