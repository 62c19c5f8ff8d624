import {
  type ArchiveClipping,
  type ArchiveFile,
  type ArchivePublication,
  type ArchiveTag,
  CLIPPING_KINDS,
  CLIPPING_STATUSES,
  type JumpRef,
  type LinkSource,
  type TagRule,
} from '@jianbao/contracts';
import { isIsoCalendarDate } from '../common/is-iso-date';
import type { FieldError } from '../common/validation';
import { validateRule } from '../tags/rules';

/** The `format` an archive file declares. */
export const ARCHIVE_FORMAT = 'jianbao-archive';
/** The version of the archive file this code writes and reads. */
export const ARCHIVE_VERSION = 1;
/** Problems listed at most (the first ones, in the file's order). */
const MAX_PROBLEMS = 50;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const LINK_SOURCES: readonly LinkSource[] = ['manual', 'rule'];

/** Collects the problems of one archive file, each at its path (`clippings[3].issueDate`). */
class Checker {
  readonly problems: FieldError[] = [];

  add(field: string, error: string): void {
    const known = this.problems.find((p) => p.field === field);
    if (known) known.errors.push(error);
    else if (this.problems.length < MAX_PROBLEMS) this.problems.push({ field, errors: [error] });
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  id(o: Obj, key: string, at: string): number {
    const v = o[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return v;
    this.add(`${at}.${key}`, `${key} must be a positive integer`);
    return -1;
  }

  idOrNull(o: Obj, key: string, at: string): number | null {
    return o[key] === null || o[key] === undefined ? null : this.id(o, key, at);
  }

  text(o: Obj, key: string, at: string, max: number, required = true): string {
    const v = o[key];
    if (typeof v !== 'string') {
      this.add(`${at}.${key}`, `${key} must be a string`);
      return '';
    }
    if (required && v.trim() === '') this.add(`${at}.${key}`, `${key} must not be empty`);
    if (v.length > max) this.add(`${at}.${key}`, `${key} must be at most ${max} characters`);
    if (v.includes('\u0000')) this.add(`${at}.${key}`, `${key} must not contain NUL characters`);
    return v;
  }

  textOrNull(o: Obj, key: string, at: string, max: number): string | null {
    return o[key] === null || o[key] === undefined ? null : this.text(o, key, at, max, false);
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, values: readonly T[]): T {
    const v = o[key];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.add(`${at}.${key}`, `${key} must be one of: ${values.join(', ')}`);
    return values[0] as T;
  }

  list(o: Obj, key: string, at: string): unknown[] {
    const v = o[key];
    if (Array.isArray(v)) return v;
    this.add(at ? `${at}.${key}` : key, `${key} must be an array`);
    return [];
  }

  jump(o: Obj, key: string, at: string): JumpRef | null {
    const v = o[key];
    if (v === null || v === undefined) return null;
    if (!isObj(v) || typeof v['page'] !== 'string' || typeof v['marker'] !== 'string') {
      this.add(`${at}.${key}`, `${key} must be null or {page, label, marker}`);
      return null;
    }
    const label = v['label'];
    const edition = v['edition'];
    const ref = { page: v['page'], label: typeof label === 'string' ? label : null, marker: v['marker'] };
    return typeof edition === 'string' && edition !== '' ? { ...ref, edition } : ref;
  }
}

function checkPublication(c: Checker, v: unknown, at: string): ArchivePublication | null {
  if (!isObj(v)) {
    c.add(at, 'must be an object');
    return null;
  }
  return {
    id: c.id(v, 'id', at),
    name: c.text(v, 'name', at, 200),
    shortName: c.textOrNull(v, 'shortName', at, 100),
    homeRegionCode: c.textOrNull(v, 'homeRegionCode', at, 20),
    language: v['language'] === undefined ? 'zh-CN' : c.text(v, 'language', at, 20),
    notes: c.textOrNull(v, 'notes', at, 2000),
  };
}

function checkTag(c: Checker, v: unknown, at: string): ArchiveTag | null {
  if (!isObj(v)) {
    c.add(at, 'must be an object');
    return null;
  }
  let rule: TagRule | null = null;
  if (v['rule'] !== null && v['rule'] !== undefined) {
    const errors = validateRule(v['rule']);
    for (const e of errors) c.add(`${at}.rule${e.field ? `.${e.field}` : ''}`, e.message);
    if (errors.length === 0) rule = v['rule'] as TagRule;
  }
  return {
    id: c.id(v, 'id', at),
    parentId: c.idOrNull(v, 'parentId', at),
    name: c.text(v, 'name', at, 100),
    color: c.textOrNull(v, 'color', at, 20),
    description: c.textOrNull(v, 'description', at, 2000),
    rule,
  };
}

function checkClipping(c: Checker, v: unknown, at: string): ArchiveClipping | null {
  if (!isObj(v)) {
    c.add(at, 'must be an object');
    return null;
  }
  const issueDate = v['issueDate'];
  if (!isIsoCalendarDate(issueDate))
    c.add(`${at}.issueDate`, 'issueDate must be a real date written YYYY-MM-DD');
  const subheads = c.list(v, 'subheads', at);
  subheads.forEach((s, i) => {
    if (typeof s !== 'string') c.add(`${at}.subheads[${i}]`, 'must be a string');
  });
  const tags = c.list(v, 'tags', at).map((t, i) => {
    const where = `${at}.tags[${i}]`;
    if (!isObj(t)) {
      c.add(where, 'must be {id, source}');
      return { id: -1, source: 'manual' as const };
    }
    return { id: c.id(t, 'id', where), source: c.oneOf(t, 'source', where, LINK_SOURCES) };
  });
  const regions = c.list(v, 'regions', at).map((r, i) => {
    const where = `${at}.regions[${i}]`;
    if (!isObj(r)) {
      c.add(where, 'must be {code, source}');
      return { code: '', source: 'manual' as const };
    }
    return { code: c.text(r, 'code', where, 20), source: c.oneOf(r, 'source', where, LINK_SOURCES) };
  });
  const time = (key: string): string => (typeof v[key] === 'string' ? (v[key] as string) : '');
  return {
    id: c.id(v, 'id', at),
    publicationId: c.id(v, 'publicationId', at),
    issueDate: typeof issueDate === 'string' ? issueDate : '',
    pageLabel: c.text(v, 'pageLabel', at, 50),
    kind: c.oneOf(v, 'kind', at, CLIPPING_KINDS),
    kicker: c.textOrNull(v, 'kicker', at, 500),
    title: c.textOrNull(v, 'title', at, 500),
    subtitle: c.textOrNull(v, 'subtitle', at, 500),
    byline: c.textOrNull(v, 'byline', at, 500),
    dateline: c.textOrNull(v, 'dateline', at, 500),
    body: c.text(v, 'body', at, 1_000_000, false),
    subheads: subheads.filter((s): s is string => typeof s === 'string'),
    rawText: c.textOrNull(v, 'rawText', at, 2_000_000),
    status: c.oneOf(v, 'status', at, CLIPPING_STATUSES),
    continuesFrom: c.jump(v, 'continuesFrom', at),
    continuesTo: c.jump(v, 'continuesTo', at),
    articleId: c.idOrNull(v, 'articleId', at),
    previousPartId: c.idOrNull(v, 'previousPartId', at),
    nextPartId: c.idOrNull(v, 'nextPartId', at),
    tags,
    regions,
    createdAt: time('createdAt'),
    updatedAt: time('updatedAt'),
  };
}

/** Ids unique within their list, references pointing inside the file, the tag tree without loops, chains mirrored. */
function checkReferences(c: Checker, file: ArchiveFile): void {
  const unique = (items: { id: number }[], name: string): void => {
    const seen = new Set<number>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) c.add(`${name}[${i}].id`, `id ${item.id} appears twice`);
      seen.add(item.id);
    });
  };
  unique(file.publications, 'publications');
  unique(file.tags, 'tags');
  unique(file.clippings, 'clippings');
  const publications = new Set(file.publications.map((p) => p.id));
  const tags = new Map(file.tags.map((t) => [t.id, t]));
  const clippings = new Map(file.clippings.map((k) => [k.id, k]));
  file.tags.forEach((t, i) => {
    if (t.parentId === null) return;
    if (!tags.has(t.parentId)) {
      c.add(`tags[${i}].parentId`, `tag ${t.parentId} is not in the file`);
      return;
    }
    const seen = new Set<number>([t.id]);
    for (let p = tags.get(t.parentId); p; p = p.parentId === null ? undefined : tags.get(p.parentId)) {
      if (seen.has(p.id)) {
        c.add(`tags[${i}].parentId`, `the tag tree loops through tag ${p.id}`);
        break;
      }
      seen.add(p.id);
    }
  });
  file.clippings.forEach((k, i) => {
    const at = `clippings[${i}]`;
    if (!publications.has(k.publicationId)) {
      c.add(`${at}.publicationId`, `publication ${k.publicationId} is not in the file`);
    }
    k.tags.forEach((t, j) => {
      if (!tags.has(t.id)) c.add(`${at}.tags[${j}].id`, `tag ${t.id} is not in the file`);
    });
    if (k.nextPartId !== null) {
      const next = clippings.get(k.nextPartId);
      if (!next) c.add(`${at}.nextPartId`, `clipping ${k.nextPartId} is not in the file`);
      else if (next.previousPartId !== k.id) {
        c.add(`${at}.nextPartId`, `clipping ${k.nextPartId} does not name ${k.id} as its previous part`);
      }
    }
    if (k.previousPartId !== null) {
      const previous = clippings.get(k.previousPartId);
      if (!previous) c.add(`${at}.previousPartId`, `clipping ${k.previousPartId} is not in the file`);
      else if (previous.nextPartId !== k.id) {
        c.add(`${at}.previousPartId`, `clipping ${k.previousPartId} does not name ${k.id} as its next part`);
      }
    }
  });
  // Every linked part must be reached from the first part of its chain: a chain that loops has none.
  const reached = new Set<number>();
  for (const k of file.clippings) {
    if (k.previousPartId !== null) continue;
    for (let cur: typeof k | undefined = k; cur && !reached.has(cur.id);) {
      reached.add(cur.id);
      cur = cur.nextPartId === null ? undefined : clippings.get(cur.nextPartId);
    }
  }
  file.clippings.forEach((k, i) => {
    if (!reached.has(k.id)) c.add(`clippings[${i}].nextPartId`, `the chain through clipping ${k.id} loops`);
  });
}

/**
 * An archive file checked whole before anything is written: the file, or every problem found (up to
 * 50), each named by its path. Region codes are checked against the database by the importer.
 */
export function checkArchive(input: unknown): { file: ArchiveFile } | { problems: FieldError[] } {
  const c = new Checker();
  if (!isObj(input)) return { problems: [{ field: '', errors: ['the archive must be a JSON object'] }] };
  if (input['format'] !== ARCHIVE_FORMAT) c.add('format', `format must be "${ARCHIVE_FORMAT}"`);
  if (input['version'] !== ARCHIVE_VERSION) c.add('version', `version must be ${ARCHIVE_VERSION}`);
  const read = <T>(key: string, one: (c: Checker, v: unknown, at: string) => T | null): T[] => {
    const out: T[] = [];
    c.list(input, key, '').forEach((v, i) => {
      if (c.full) return;
      const item = one(c, v, `${key}[${i}]`);
      if (item) out.push(item);
    });
    return out;
  };
  const file: ArchiveFile = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: typeof input['exportedAt'] === 'string' ? input['exportedAt'] : '',
    publications: read('publications', checkPublication),
    tags: read('tags', checkTag),
    clippings: read('clippings', checkClipping),
  };
  if (c.problems.length === 0) checkReferences(c, file);
  return c.problems.length > 0 ? { problems: c.problems } : { file };
}
