import type { Clipping, ClippingListItem, Page, Publication, Region, Tag } from '@jianbao/contracts';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { naiveMatches, normalizeDocument, parseSearchQuery } from '@jianbao/backend';
import { buildClipping } from '../fixtures/builders';
import { createClipping, createPublication, createTag, createZhejiang } from '../fixtures/seed';
import { listInFull, startTestApp, StoryGroupingQueue, type TestApp } from '../fixtures/test-app';

/**
 * Hostile input over every route: each case must answer a shaped 4xx (or an explicitly expected 2xx where
 * the input is legitimate data), never a 500, and a refused write must leave the database exactly as it was.
 */

interface Seed {
  pub: Publication;
  pub2: Publication;
  tag: Tag;
  child: Tag;
  ruleTag: Tag;
  hangzhou: Region;
  xihu: Region;
  /** Title holds a literal `%` and `_`. */
  wild: Clipping;
  plain: Clipping;
  other: Clipping;
  articleId: number;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Dyn<T> = T | ((s: Seed) => T);
/** Whether `q` matches the clipping by the definition of a full-text match (docs/search.md). */
function fullTextMatch(q: string, c: Clipping): boolean {
  return naiveMatches(parseSearchQuery(q), normalizeDocument(c));
}

/** A JSON body, or one built from the seeded rows. */
type BodyOf = ((s: Seed) => unknown) | object | string | number | boolean | null;
/** '4xx': any status 400–499 with the error shape; a number: exactly that status. */
type Expect = '4xx' | number;

interface Case {
  name: string;
  method: Method;
  /** `:pub`, `:pub2`, `:tag`, `:child`, `:ruleTag`, `:region`, `:clip`, `:article` are replaced by seeded ids. */
  path: string;
  query?: Dyn<Record<string, unknown> | string>;
  body?: BodyOf;
  /** Sent as is (with `contentType`, default application/json) instead of `body`. */
  raw?: string | Buffer;
  contentType?: string;
  expect?: Expect;
  /** Extra checks of a successful answer. */
  check?: (res: Response, s: Seed, t: TestApp) => Promise<void> | void;
}

const TABLES = [
  'publication',
  'region',
  'tag',
  'page_import',
  'clipping',
  'clipping_tag',
  'clipping_region',
  'article',
  'continuation_suggestion',
  'clipping_tag_exclusion',
  'clipping_revision',
  'trash_item',
  'saved_view',
  'story_group',
  'story_group_member',
  'story_rejection',
  'import_unassigned',
];

const MB3 = '长'.repeat(1024 * 1024); // 3 MB of UTF-8, 1 M characters
const MB6 = 'x'.repeat(6 * 1024 * 1024); // above the 5 MB body limit
const SQL = [`' OR 1=1 --`, `"; DROP TABLE clipping; --`];
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const TRAVERSAL = '../../../../etc/passwd';
const NUL = 'a\u0000b';
const CONTROL = 'a\u0001\u0007\u001b[31mb\u007f';
const LONE = 'a\ud800b';

const BAD_IDS = ['-1', '0', '1.5', '99999999999999999999', 'abc', '1e2', '0x10', '2147483648'];
const MISSING_ID = '2147483647';

/** Every route with an `:id`, with a body that would otherwise be valid. */
const ID_ROUTES: { method: Method; path: string; body?: BodyOf; query?: Record<string, unknown> }[] = [
  { method: 'get', path: '/api/publications/{id}' },
  { method: 'patch', path: '/api/publications/{id}', body: { notes: 'x' } },
  { method: 'delete', path: '/api/publications/{id}' },
  { method: 'get', path: '/api/clippings/{id}' },
  { method: 'patch', path: '/api/clippings/{id}', body: { title: 'x' } },
  { method: 'delete', path: '/api/clippings/{id}' },
  { method: 'get', path: '/api/clippings/{id}/keywords' },
  { method: 'get', path: '/api/clippings/{id}/stories' },
  { method: 'get', path: '/api/clippings/{id}/continuation' },
  { method: 'put', path: '/api/clippings/{id}/continuation', body: { previousPartId: null } },
  { method: 'post', path: '/api/continuations/suggestions/{id}/accept' },
  { method: 'post', path: '/api/continuations/suggestions/{id}/reject' },
  { method: 'get', path: '/api/imports/{id}' },
  { method: 'delete', path: '/api/imports/{id}' },
  { method: 'post', path: '/api/imports/{id}/unassigned/review' },
  { method: 'get', path: '/api/articles/{id}' },
  { method: 'get', path: '/api/articles/{id}/export', query: { format: 'md' } },
  { method: 'get', path: '/api/clippings/{id}/export', query: { format: 'md' } },
  { method: 'get', path: '/api/tags/{id}' },
  { method: 'patch', path: '/api/tags/{id}', body: { description: 'x' } },
  { method: 'delete', path: '/api/tags/{id}' },
  { method: 'post', path: '/api/tags/{id}/merge', body: (s) => ({ intoId: s.tag.id }) },
  { method: 'post', path: '/api/tags/{id}/apply', body: { dryRun: true } },
  { method: 'get', path: '/api/regions/{id}' },
  { method: 'patch', path: '/api/regions/{id}', body: { name: 'x' } },
  { method: 'delete', path: '/api/regions/{id}' },
  { method: 'get', path: '/api/clippings/{id}/history' },
  { method: 'post', path: '/api/clippings/{id}/restore', body: { version: 1, currentVersion: 1 } },
  { method: 'post', path: '/api/trash/{id}/restore' },
  { method: 'delete', path: '/api/trash/{id}' },
  { method: 'get', path: '/api/saved-views/{id}' },
  { method: 'patch', path: '/api/saved-views/{id}', body: { name: '视图' } },
  { method: 'delete', path: '/api/saved-views/{id}' },
  { method: 'get', path: '/api/stories/{id}' },
  { method: 'post', path: '/api/stories/{id}/confirm' },
  { method: 'post', path: '/api/stories/{id}/reject', body: {} },
  { method: 'post', path: '/api/stories/{id}/split', body: { clippingIds: [1] } },
  { method: 'put', path: '/api/stories/{id}/main', body: { clippingId: 1 } },
];

const idCases: Case[] = ID_ROUTES.flatMap((r) => [
  ...BAD_IDS.map((id): Case => ({
    name: `${r.method.toUpperCase()} ${r.path} id=${id}`,
    method: r.method,
    path: r.path.replace('{id}', encodeURIComponent(id)),
    body: r.body,
    query: r.query,
    expect: 400,
  })),
  {
    name: `${r.method.toUpperCase()} ${r.path} unknown id`,
    method: r.method,
    path: r.path.replace('{id}', MISSING_ID),
    body: r.body,
    query: r.query,
    expect: 404,
  },
]);

/** A 2xx answer that must give back exactly what was sent. */
const echoes =
  (field: string, value: string) =>
  (res: Response): void => {
    expect((res.body as Record<string, unknown>)[field]).toBe(value);
  };

/** A stored text field, refetched: still exactly what was sent. */
const storedVerbatim =
  (base: string, field: string, value: string) =>
  async (res: Response, _s: Seed, t: TestApp): Promise<void> => {
    const id = (res.body as { id: number }).id;
    const again = await t.http().get(`${base}/${id}`).expect(200);
    expect((again.body as Record<string, unknown>)[field]).toBe(value);
  };

/** Text a client may legitimately store: it must be 201 and come back byte for byte. */
const textAsData = (value: string, label: string): Case[] => [
  {
    name: `publication name as data: ${label}`,
    method: 'post',
    path: '/api/publications',
    body: { name: `${value} ${label}` },
    expect: 201,
    check: storedVerbatim('/api/publications', 'name', `${value} ${label}`),
  },
  {
    name: `clipping title/body as data: ${label}`,
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { title: value, body: value, subheads: [value] }),
    expect: 201,
    check: async (res, s, t) => {
      await storedVerbatim('/api/clippings', 'title', value)(res, s, t);
      await storedVerbatim('/api/clippings', 'body', value)(res, s, t);
    },
  },
  {
    name: `tag description as data: ${label}`,
    method: 'post',
    path: '/api/tags',
    body: { name: `标签 ${label}`, description: value },
    expect: 201,
    check: storedVerbatim('/api/tags', 'description', value),
  },
];

/** Text that cannot be stored faithfully (it would come back altered): refused with a 400. */
const unstorableText = (value: string, label: string): Case[] => [
  { name: `publication name ${label}`, method: 'post', path: '/api/publications', body: { name: value } },
  {
    name: `clipping body ${label}`,
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { body: value }),
  },
  {
    name: `clipping subheads ${label}`,
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { subheads: [value] }),
  },
  {
    name: `PATCH clipping title ${label}`,
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: value },
  },
  { name: `tag name ${label}`, method: 'post', path: '/api/tags', body: { name: value } },
  {
    name: `region name ${label}`,
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: value, level: 'prefecture' },
  },
  {
    name: `import preview text ${label}`,
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => ({
      text: `第一段\n${value}`,
      publicationId: s.pub.id,
      issueDate: '2024-10-22',
      pageLabel: '2',
    }),
  },
];

const publicationCases: Case[] = [
  { name: 'POST publication: empty body', method: 'post', path: '/api/publications', body: {} },
  { name: 'POST publication: name number', method: 'post', path: '/api/publications', body: { name: 123 } },
  {
    name: 'POST publication: name array',
    method: 'post',
    path: '/api/publications',
    body: { name: ['钱江'] },
  },
  {
    name: 'POST publication: name object',
    method: 'post',
    path: '/api/publications',
    body: { name: { a: 1 } },
  },
  { name: 'POST publication: name boolean', method: 'post', path: '/api/publications', body: { name: true } },
  { name: 'POST publication: name null', method: 'post', path: '/api/publications', body: { name: null } },
  { name: 'POST publication: name empty', method: 'post', path: '/api/publications', body: { name: '' } },
  { name: 'POST publication: name 3 MB', method: 'post', path: '/api/publications', body: { name: MB3 } },
  {
    name: 'POST publication: notes 3 MB',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', notes: MB3 },
  },
  {
    name: 'POST publication: body over 5 MB',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', notes: MB6 },
    expect: 413,
  },
  {
    name: 'POST publication: unknown field',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', colour: 'red' },
  },
  {
    name: 'POST publication: id given',
    method: 'post',
    path: '/api/publications',
    body: { id: 1, name: '大报' },
  },
  {
    name: 'POST publication: homeRegionCode number',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', homeRegionCode: 330100 },
  },
  {
    name: 'POST publication: homeRegionCode SQL',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', homeRegionCode: `330100' OR 1=1 --` },
  },
  {
    name: 'POST publication: language empty',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', language: '' },
  },
  {
    name: 'POST publication: language object',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', language: {} },
  },
  {
    name: 'POST publication: shortName too long',
    method: 'post',
    path: '/api/publications',
    body: { name: '大报', shortName: '短'.repeat(101) },
  },
  {
    name: 'POST publication: duplicate name',
    method: 'post',
    path: '/api/publications',
    body: { name: '钱江晚报' },
    expect: 409,
  },
  {
    name: 'POST publication: invalid JSON',
    method: 'post',
    path: '/api/publications',
    raw: '{"name": "大报",',
  },
  { name: 'POST publication: JSON null', method: 'post', path: '/api/publications', raw: 'null' },
  { name: 'POST publication: JSON string', method: 'post', path: '/api/publications', raw: '"大报"' },
  {
    name: 'POST publication: JSON array',
    method: 'post',
    path: '/api/publications',
    raw: '[{"name":"大报"}]',
  },
  {
    name: 'POST publication: text/plain',
    method: 'post',
    path: '/api/publications',
    raw: 'name=大报',
    contentType: 'text/plain',
  },
  {
    name: 'POST publication: XML',
    method: 'post',
    path: '/api/publications',
    raw: '<name>大报</name>',
    contentType: 'application/xml',
  },
  {
    name: 'POST publication: form with array name',
    method: 'post',
    path: '/api/publications',
    raw: 'name[]=a&name[]=b',
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'POST publication: prototype pollution',
    method: 'post',
    path: '/api/publications',
    raw: '{"name":"大报P","__proto__":{"admin":true}}',
  },
  {
    name: 'PATCH publication: name null',
    method: 'patch',
    path: '/api/publications/:pub',
    body: { name: null },
  },
  {
    name: 'PATCH publication: name empty',
    method: 'patch',
    path: '/api/publications/:pub',
    body: { name: '' },
  },
  {
    name: 'PATCH publication: language null',
    method: 'patch',
    path: '/api/publications/:pub',
    body: { language: null },
  },
  {
    name: 'PATCH publication: unknown field',
    method: 'patch',
    path: '/api/publications/:pub',
    body: { notes: 'x', id: 99 },
  },
  {
    name: 'PATCH publication: name taken',
    method: 'patch',
    path: '/api/publications/:pub',
    body: (s) => ({ name: s.pub2.name }),
    expect: 409,
  },
  {
    name: 'PATCH publication: text/plain',
    method: 'patch',
    path: '/api/publications/:pub',
    raw: '{"notes":"x"}',
    contentType: 'text/plain',
  },
  {
    name: 'DELETE publication still referenced',
    method: 'delete',
    path: '/api/publications/:pub',
    expect: 409,
  },
];

const clippingCases: Case[] = [
  { name: 'POST clipping: empty body', method: 'post', path: '/api/clippings', body: {} },
  {
    name: 'POST clipping: publicationId string',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(String(s.pub.id) as unknown as number),
  },
  {
    name: 'POST clipping: publicationId float',
    method: 'post',
    path: '/api/clippings',
    body: buildClipping(1.5),
  },
  {
    name: 'POST clipping: publicationId negative',
    method: 'post',
    path: '/api/clippings',
    body: buildClipping(-1),
  },
  {
    name: 'POST clipping: publicationId huge',
    method: 'post',
    path: '/api/clippings',
    body: buildClipping(1e20),
  },
  {
    name: 'POST clipping: publicationId unknown',
    method: 'post',
    path: '/api/clippings',
    body: buildClipping(2147483647),
  },
  {
    name: 'POST clipping: publicationId object',
    method: 'post',
    path: '/api/clippings',
    body: buildClipping({ id: 1 } as unknown as number),
  },
  {
    name: 'POST clipping: issueDate 2024-02-30',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { issueDate: '2024-02-30' }),
  },
  {
    name: 'POST clipping: issueDate 2024-13-45',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { issueDate: '2024-13-45' }),
  },
  {
    name: 'POST clipping: issueDate 20241022',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { issueDate: '20241022' }),
  },
  {
    name: 'POST clipping: issueDate number',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), issueDate: 20241022 }),
  },
  {
    name: 'POST clipping: issueDate with time',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { issueDate: '2024-10-22T00:00:00Z' }),
  },
  {
    name: 'POST clipping: kind bad',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), kind: 'editorial' }),
  },
  {
    name: 'POST clipping: status bad',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), status: 'gone' }),
  },
  {
    name: 'POST clipping: kind SQL',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), kind: SQL[0] }),
  },
  {
    name: 'POST clipping: title 3 MB',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { title: MB3 }),
  },
  {
    name: 'POST clipping: body 3 MB',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { body: MB3 }),
  },
  {
    name: 'POST clipping: rawText 3 MB',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { rawText: MB3 }),
  },
  {
    name: 'POST clipping: subheads 3 MB',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { subheads: [MB3] }),
  },
  {
    name: 'POST clipping: 10 000 subheads',
    method: 'post',
    path: '/api/clippings',
    body: (s) =>
      buildClipping(s.pub.id, { subheads: Array.from({ length: 10_000 }, (_, i) => `小标题${i}`) }),
  },
  {
    name: 'POST clipping: title array',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), title: ['a'] }),
  },
  {
    name: 'POST clipping: body null',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), body: null }),
  },
  {
    name: 'POST clipping: subheads string',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), subheads: '一' }),
  },
  {
    name: 'POST clipping: subheads numbers',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), subheads: [1, 2] }),
  },
  {
    name: 'POST clipping: tagIds strings',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), tagIds: [String(s.tag.id)] }),
  },
  {
    name: 'POST clipping: tagIds unknown',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { tagIds: [s.tag.id, 2147483647] }),
  },
  {
    name: 'POST clipping: tagIds huge',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { tagIds: [1e20] }),
  },
  {
    name: 'POST clipping: tagIds duplicate',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { tagIds: [s.tag.id, s.tag.id] }),
  },
  {
    name: 'POST clipping: regionCodes numbers',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), regionCodes: [330106] }),
  },
  {
    name: 'POST clipping: regionCodes unknown',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { regionCodes: ['330106', '999999'] }),
  },
  {
    name: 'POST clipping: regionCodes SQL',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { regionCodes: [SQL[0]] }),
  },
  {
    name: 'POST clipping: unknown field',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), articleId: 1 }),
  },
  {
    name: 'POST clipping: pageLabel empty',
    method: 'post',
    path: '/api/clippings',
    body: (s) => buildClipping(s.pub.id, { pageLabel: '' }),
  },
  {
    name: 'POST clipping: pageLabel object',
    method: 'post',
    path: '/api/clippings',
    body: (s) => ({ ...buildClipping(s.pub.id), pageLabel: { a: 1 } }),
  },
  {
    name: 'POST clipping: invalid JSON',
    method: 'post',
    path: '/api/clippings',
    raw: '{"publicationId": 1, "body": "\\x"}',
  },
  {
    name: 'PATCH clipping: version string',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { version: 'abc', title: 'x' },
  },
  {
    name: 'PATCH clipping: version 0',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { version: 0, title: 'x' },
  },
  {
    name: 'PATCH clipping: version stale',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { version: 999, title: 'x' },
    expect: 409,
  },
  { name: 'PATCH clipping: body null', method: 'patch', path: '/api/clippings/:clip', body: { body: null } },
  {
    name: 'PATCH clipping: publicationId null',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { publicationId: null },
  },
  {
    name: 'PATCH clipping: publicationId unknown',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: '改', publicationId: 2147483647 },
  },
  {
    name: 'PATCH clipping: pageLabel empty',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { pageLabel: '' },
  },
  {
    name: 'PATCH clipping: issueDate bad',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { issueDate: '2024-02-30' },
  },
  {
    name: 'PATCH clipping: kind bad',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { kind: 'editorial' },
  },
  {
    name: 'PATCH clipping: status bad',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { status: true },
  },
  { name: 'PATCH clipping: title 3 MB', method: 'patch', path: '/api/clippings/:clip', body: { title: MB3 } },
  { name: 'PATCH clipping: body 3 MB', method: 'patch', path: '/api/clippings/:clip', body: { body: MB3 } },
  {
    name: 'PATCH clipping: subheads 3 MB',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { subheads: [MB3] },
  },
  // All or nothing: the title change must not land when a tag or region is refused.
  {
    name: 'PATCH clipping: title + unknown tag',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: '不该保存', tagIds: [2147483647] },
  },
  {
    name: 'PATCH clipping: title + unknown region',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: '不该保存', regionCodes: ['999999'] },
  },
  {
    name: 'PATCH clipping: unknown field',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: 'x', continuesFrom: null },
  },
  {
    name: 'PATCH clipping: array body',
    method: 'patch',
    path: '/api/clippings/:clip',
    raw: '[{"title":"x"}]',
  },
];

const listClippingCases: Case[] = [
  ...[
    'page=0',
    'page=-1',
    'page=abc',
    'page=1.5',
    'page=99999999999999999999',
    'pageSize=0',
    'pageSize=201',
    'pageSize=1e2x',
    'publicationId=abc',
    'publicationId=0',
    'publicationId=1.5',
    'from=2024-02-30',
    'from=2024-13-45',
    'to=20241022',
    'kind=editorial',
    'status=gone',
    'tagId=-1',
    'regionId=abc',
    'sort=title;DROP TABLE clipping',
    'sort=title%20desc',
    'sort=rowid',
    `q=${'字'.repeat(201)}`,
    'q[]=a&q[]=b',
    'q[a]=1',
    'page[]=1',
    'kind[]=article',
    'unknown=1',
  ].map((query): Case => ({
    name: `GET /api/clippings?${query.slice(0, 40)}`,
    method: 'get',
    path: '/api/clippings',
    query,
  })),
  ...[...SQL, '%', '_', '%%', '\\', '%_%'].flatMap((q): Case[] => [
    {
      name: `GET /api/clippings q=${q} treated as data`,
      method: 'get',
      path: '/api/clippings',
      query: { q },
      expect: 200,
      check: async (res, _s, t) => {
        const all = { items: await listInFull(t) };
        const literal = all.items.filter((c) => fullTextMatch(q, c));
        const page = res.body as Page<Clipping>;
        expect(page.items.map((c) => c.id).sort()).toEqual(literal.map((c) => c.id).sort());
        expect(page.total).toBe(literal.length);
      },
    },
    {
      name: `GET /api/clippings pageLabel=${q} treated as data`,
      method: 'get',
      path: '/api/clippings',
      query: { pageLabel: q },
      expect: 200,
      check: (res) => {
        expect((res.body as Page<Clipping>).total).toBe(0);
      },
    },
  ]),
];

const bulkCases: Case[] = [
  { name: 'bulk: empty body', method: 'post', path: '/api/clippings/bulk', body: {} },
  {
    name: 'bulk: no action',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id] }),
  },
  {
    name: 'bulk: ids empty',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { ids: [], status: 'reviewed' },
  },
  {
    name: 'bulk: ids strings',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { ids: ['1'], status: 'reviewed' },
  },
  {
    name: 'bulk: ids not array',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { ids: 1, status: 'reviewed' },
  },
  {
    name: 'bulk: ids and filter',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], filter: {}, status: 'reviewed' }),
  },
  {
    name: 'bulk: ids with unknown id',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id, 2147483647], status: 'reviewed' }),
  },
  {
    name: 'bulk: addTagIds unknown',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id, s.plain.id], addTagIds: [2147483647], status: 'reviewed' }),
  },
  {
    name: 'bulk: addRegionCodes unknown',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], addRegionCodes: ['999999'], status: 'reviewed' }),
  },
  {
    name: 'bulk: publicationId unknown',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], publicationId: 2147483647 }),
  },
  {
    name: 'bulk: kind bad',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], kind: 'x' }),
  },
  {
    name: 'bulk: status bad',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], status: 'deleted' }),
  },
  {
    name: 'bulk: dryRun string',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], status: 'reviewed', dryRun: 'yes' }),
  },
  {
    name: 'bulk: filter unknown field',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: { colour: 'red' }, status: 'reviewed' },
  },
  {
    name: 'bulk: filter page',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: { page: 1 }, status: 'reviewed' },
  },
  {
    name: 'bulk: filter bad date',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: { from: '2024-02-30' }, status: 'reviewed' },
  },
  {
    name: 'bulk: filter not object',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: 'all', status: 'reviewed' },
  },
  {
    name: 'bulk: filter array of filters',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: [{ q: '没有' }], status: 'reviewed' },
  },
  {
    name: 'bulk: filter null',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: null, status: 'reviewed' },
  },
  {
    name: 'bulk: ids null',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { ids: null, status: 'reviewed' },
  },
  {
    name: 'bulk: kind null',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], kind: null }),
  },
  {
    name: 'bulk: publicationId null',
    method: 'post',
    path: '/api/clippings/bulk',
    body: (s) => ({ ids: [s.wild.id], publicationId: null }),
  },
  ...['q', 'pageLabel', 'kind', 'status', 'publicationId', 'tagId', 'regionId', 'from', 'to', 'sort'].map(
    (field): Case => ({
      name: `bulk: filter ${field} null`,
      method: 'post',
      path: '/api/clippings/bulk',
      body: { filter: { [field]: null }, status: 'reviewed' },
    }),
  ),
  {
    name: 'bulk: filter array',
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: [{}], status: 'reviewed' },
  },
  ...[...SQL, '%', '_'].map((q): Case => ({
    name: `bulk: filter q=${q} treated as data`,
    method: 'post',
    path: '/api/clippings/bulk',
    body: { filter: { q }, status: 'reviewed', dryRun: true },
    expect: 200,
    check: (res, s) => {
      const expected = [s.wild, s.plain, s.other].filter((c) => fullTextMatch(q, c)).length;
      expect(res.body).toEqual({ matched: expected, updated: 0 });
    },
  })),
];

const continuationCases: Case[] = [
  ...[
    'publicationId=abc',
    'publicationId=-1',
    'from=2024-02-30',
    'to=20241022',
    'from=2024-10-23&to=2024-10-22',
    'from[]=2024-01-01',
    'x=1',
  ].map((query): Case => ({
    name: `GET waiting?${query}`,
    method: 'get',
    path: '/api/continuations/waiting',
    query,
  })),
  {
    name: 'PUT continuation: to itself',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: (s) => ({ nextPartId: s.wild.id }),
  },
  {
    name: 'PUT continuation: across publications',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: (s) => ({ nextPartId: s.other.id }),
  },
  {
    name: 'PUT continuation: unknown part',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: { nextPartId: 2147483647 },
  },
  {
    name: 'PUT continuation: id string',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: { nextPartId: '2' },
  },
  {
    name: 'PUT continuation: id float',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: { previousPartId: 1.5 },
  },
  {
    name: 'PUT continuation: id huge',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: { previousPartId: 1e20 },
  },
  {
    name: 'PUT continuation: unknown field',
    method: 'put',
    path: '/api/clippings/:clip/continuation',
    body: { next: 2 },
  },
];

const importPage = (s: Seed, extra: object = {}): object => ({
  text: '本报讯 西湖区首家社区食堂昨天开业。\n食堂每天供应三餐。',
  publicationId: s.pub.id,
  issueDate: '2024-10-22',
  pageLabel: '2',
  ...extra,
});

const importCases: Case[] = [
  { name: 'preview: empty body', method: 'post', path: '/api/imports/preview', body: {} },
  {
    name: 'preview: text blank',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { text: '  \n ' }),
  },
  {
    name: 'preview: text number',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { text: 42 }),
  },
  {
    name: 'preview: text array',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { text: ['a'] }),
  },
  {
    name: 'preview: text 3 MB',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { text: MB3 }),
  },
  {
    name: 'preview: publicationId string',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { publicationId: String(s.pub.id) }),
  },
  {
    name: 'preview: publicationId unknown',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { publicationId: 2147483647 }),
  },
  {
    name: 'preview: publicationId huge',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { publicationId: 1e20 }),
  },
  {
    name: 'preview: issueDate 2024-02-30',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { issueDate: '2024-02-30' }),
  },
  {
    name: 'preview: issueDate 20241022',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { issueDate: '20241022' }),
  },
  {
    name: 'preview: pageLabel traversal',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { pageLabel: TRAVERSAL }),
  },
  {
    name: 'preview: pageLabel SQL',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { pageLabel: SQL[1] }),
  },
  {
    name: 'preview: pageLabel number',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { pageLabel: 2 }),
  },
  {
    name: 'preview: unknown field',
    method: 'post',
    path: '/api/imports/preview',
    body: (s) => importPage(s, { fileName: TRAVERSAL }),
  },
  {
    name: 'preview: text/plain page',
    method: 'post',
    path: '/api/imports/preview',
    raw: '本报讯 食堂开业',
    contentType: 'text/plain',
  },
  {
    name: 'file: clippings not array',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: { kind: 'article' } }),
  },
  {
    name: 'file: clipping kind bad',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'x', body: 'a' }] }),
  },
  {
    name: 'file: clipping body missing',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'article' }] }),
  },
  {
    name: 'file: clipping unknown field',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'article', body: 'a', id: 3 }] }),
  },
  {
    name: 'file: clipping lines negative',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'article', body: 'a', lines: [-1] }] }),
  },
  {
    name: 'file: clipping lines beyond page',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'article', body: 'a', lines: [0, 99999] }] }),
  },
  {
    name: 'file: continuesFrom page number',
    method: 'post',
    path: '/api/imports',
    body: (s) =>
      importPage(s, {
        clippings: [{ kind: 'article', body: 'a', continuesFrom: { page: 1, label: null, marker: 'x' } }],
      }),
  },
  {
    name: 'file: continuesFrom array',
    method: 'post',
    path: '/api/imports',
    body: (s) =>
      importPage(s, {
        clippings: [{ kind: 'article', body: 'a', continuesFrom: [{ page: '1', label: null, marker: 'x' }] }],
      }),
  },
  {
    name: 'file: continuesFrom string',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { clippings: [{ kind: 'article', body: 'a', continuesFrom: '1版' }] }),
  },
  // All or nothing: the first clipping is fine, the second names a missing tag.
  {
    name: 'file: second clipping has unknown tag',
    method: 'post',
    path: '/api/imports',
    body: (s) =>
      importPage(s, {
        clippings: [
          { kind: 'article', body: '第一篇' },
          { kind: 'article', body: '第二篇', tagIds: [2147483647] },
        ],
      }),
  },
  {
    name: 'file: second clipping has unknown region',
    method: 'post',
    path: '/api/imports',
    body: (s) =>
      importPage(s, {
        clippings: [
          { kind: 'article', body: '第一篇' },
          { kind: 'article', body: '第二篇', regionCodes: ['999999'] },
        ],
      }),
  },
  {
    name: 'file: replace string',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { replace: 'yes' }),
  },
  {
    name: 'file: publicationId unknown',
    method: 'post',
    path: '/api/imports',
    body: (s) => importPage(s, { publicationId: 2147483647 }),
  },
  ...['page=0', 'pageSize=201', 'page=abc', 'publicationId=abc', 'publicationId=0', 'x=1'].map(
    (query): Case => ({ name: `GET /api/imports?${query}`, method: 'get', path: '/api/imports', query }),
  ),
];

// The work queue of filed pages with unassigned lines (import-bins.e2e-spec.ts).
const importBinCases: Case[] = [
  ...['page=0', 'pageSize=0', 'pageSize=201', 'page=abc', 'page=1e2x', 'x=1'].map((query): Case => ({
    name: `GET /api/imports/unassigned?${query}`,
    method: 'get',
    path: '/api/imports/unassigned',
    query,
  })),
  {
    name: 'mark reviewed: a body is ignored, the unknown import still 404',
    method: 'post',
    path: `/api/imports/${MISSING_ID}/unassigned/review`,
    body: { reviewed: 'yes', lines: SQL },
    expect: 404,
  },
  {
    name: 'mark reviewed: a body that is not JSON',
    method: 'post',
    path: '/api/imports/1/unassigned/review',
    raw: 'not json',
    expect: '4xx',
  },
];

const articleCases: Case[] = [
  ...[
    {},
    { format: 'pdf' },
    { format: TRAVERSAL },
    { format: 'MD' },
    'format[]=md',
    'format=md&format=txt',
    { format: SQL[0] },
  ].map((query): Case => ({
    name: `export ${JSON.stringify(query)}`,
    method: 'get',
    path: '/api/articles/:article/export',
    query,
  })),
];

// Exports and the archive import (issue 14): bad formats, selections, filters and archive files.
const EMPTY_ARCHIVE = { format: 'jianbao-archive', version: 1, publications: [], tags: [], clippings: [] };
const exportCases: Case[] = [
  ...[
    {},
    { format: 'xlsx' },
    'format[]=csv',
    'format=csv&format=json',
    { format: 'csv', ids: '0' },
    { format: 'csv', ids: '1,,2' },
    { format: 'csv', ids: '-1' },
    { format: 'csv', ids: Array.from({ length: 1001 }, (_, i) => i + 1).join(',') },
    { format: 'csv', ids: MISSING_ID },
    { format: 'csv', lang: 'fr' },
    { format: 'json', sort: 'body' },
    { format: 'csv', from: '2024-13-01' },
    { format: 'csv', from: '2024-10-23', to: '2024-10-01' },
    { format: 'csv', kind: 'poem' },
  ].map((query): Case => ({
    name: `list export ${JSON.stringify(query).slice(0, 80)}`,
    method: 'get',
    path: '/api/exports/clippings',
    query,
    expect: 400,
  })),
  ...[{}, { format: 'pdf' }, 'format[]=md', { format: TRAVERSAL }].map((query): Case => ({
    name: `clipping export ${JSON.stringify(query)}`,
    method: 'get',
    path: '/api/clippings/:clip/export',
    query,
    expect: 400,
  })),
  ...[
    {},
    [],
    'archive',
    null,
    { ...EMPTY_ARCHIVE, format: 'other' },
    { ...EMPTY_ARCHIVE, version: 2 },
    { ...EMPTY_ARCHIVE, publications: 'x' },
    { ...EMPTY_ARCHIVE, clippings: [{ id: 1 }] },
    {
      ...EMPTY_ARCHIVE,
      tags: [{ id: 1, parentId: 1, name: '环', color: null, description: null, rule: null }],
    },
  ].map((body, i): Case => ({
    name: `archive import: malformed file ${i}`,
    method: 'post',
    path: '/api/exports/import',
    body,
    expect: 400,
  })),
  {
    name: 'archive import: a well-formed file into a database that holds clippings',
    method: 'post',
    path: '/api/exports/import',
    body: EMPTY_ARCHIVE,
    expect: 409,
  },
];

const tagCases: Case[] = [
  { name: 'POST tag: empty body', method: 'post', path: '/api/tags', body: {} },
  { name: 'POST tag: name number', method: 'post', path: '/api/tags', body: { name: 1 } },
  { name: 'POST tag: name too long', method: 'post', path: '/api/tags', body: { name: '签'.repeat(101) } },
  {
    name: 'POST tag: parentId string',
    method: 'post',
    path: '/api/tags',
    body: { name: '新', parentId: '1' },
  },
  {
    name: 'POST tag: parentId unknown',
    method: 'post',
    path: '/api/tags',
    body: { name: '新', parentId: 2147483647 },
  },
  { name: 'POST tag: color word', method: 'post', path: '/api/tags', body: { name: '新', color: 'red' } },
  {
    name: 'POST tag: color number',
    method: 'post',
    path: '/api/tags',
    body: { name: '新', color: 0xcc3333 },
  },
  {
    name: 'POST tag: color XSS',
    method: 'post',
    path: '/api/tags',
    body: { name: '新', color: `#fff;background:url(javascript:alert(1))` },
  },
  {
    name: 'POST tag: description 3 MB',
    method: 'post',
    path: '/api/tags',
    body: { name: '新', description: MB3 },
  },
  {
    name: 'POST tag: duplicate name',
    method: 'post',
    path: '/api/tags',
    body: { name: '民生' },
    expect: 409,
  },
  ...(
    [
      ['rule string', 'any'],
      ['rule array', [{ mode: 'any', terms: ['a'] }]],
      ['rule number', 1],
      ['rule mode bad', { mode: 'soundex', terms: ['a'] }],
      ['rule mode missing', { terms: ['a'] }],
      ['rule terms string', { mode: 'any', terms: '梁山县' }],
      ['rule terms numbers', { mode: 'any', terms: [1, 2] }],
      ['rule terms empty', { mode: 'all', terms: [] }],
      ['rule terms blank', { mode: 'any', terms: [''] }],
      ['rule terms 10 000', { mode: 'any', terms: Array.from({ length: 10_000 }, (_, i) => `词${i}`) }],
      ['rule term 3 MB', { mode: 'any', terms: [MB3] }],
      ['rule caseSensitive string', { mode: 'any', terms: ['a'], caseSensitive: 'yes' }],
      ['rule unknown key', { mode: 'any', terms: ['a'], weight: 3 }],
      ['regex missing pattern', { mode: 'regex', terms: [] }],
      ['regex pattern number', { mode: 'regex', terms: [], pattern: 1 }],
      ['regex unbalanced', { mode: 'regex', terms: [], pattern: '(' }],
      ['regex bad class', { mode: 'regex', terms: [], pattern: '[z-a]' }],
      ['regex bad escape under u', { mode: 'regex', terms: [], pattern: '\\q' }],
      ['regex (a+)+$', { mode: 'regex', terms: [], pattern: '(a+)+$' }],
      ['regex (.*)*x', { mode: 'regex', terms: [], pattern: '(.*)*x' }],
      ['regex (a|a)*$', { mode: 'regex', terms: [], pattern: '(a|a)*$' }],
      ['regex (a|aa)+$', { mode: 'regex', terms: [], pattern: '(a|aa)+$' }],
      ['regex (\\w+\\s?)+$', { mode: 'regex', terms: [], pattern: '(\\w+\\s?)+$' }],
      ['regex backreference', { mode: 'regex', terms: [], pattern: '(a*)\\1*b' }],
      ['regex matches empty', { mode: 'regex', terms: [], pattern: '.*' }],
      ['regex 100 KB', { mode: 'regex', terms: [], pattern: 'a'.repeat(100_000) }],
    ] as const
  ).flatMap(([label, rule]): Case[] => [
    { name: `POST tag: ${label}`, method: 'post', path: '/api/tags', body: { name: `规则${label}`, rule } },
    { name: `PATCH tag: ${label}`, method: 'patch', path: '/api/tags/:ruleTag', body: { rule } },
    { name: `preview: ${label}`, method: 'post', path: '/api/tags/rules/preview', body: { rule } },
  ]),
  { name: 'preview: rule missing', method: 'post', path: '/api/tags/rules/preview', body: {} },
  { name: 'preview: rule null', method: 'post', path: '/api/tags/rules/preview', body: { rule: null } },
  {
    name: 'preview: unknown field',
    method: 'post',
    path: '/api/tags/rules/preview',
    body: { rule: { mode: 'any', terms: ['a'] }, dryRun: true },
  },
  {
    name: 'preview: SQL and wildcards in terms are data',
    method: 'post',
    path: '/api/tags/rules/preview',
    body: { rule: { mode: 'any', terms: [...SQL, '%', '_'] } },
    expect: 200,
    check: (res, s) => {
      // Only the clipping whose title holds a literal % and _ matches.
      expect((res.body as { matched: number }).matched).toBe(1);
      expect((res.body as { sample: { id: number }[] }).sample.map((c) => c.id)).toEqual([s.wild.id]);
    },
  },
  {
    name: 'PATCH tag: parent itself',
    method: 'patch',
    path: '/api/tags/:tag',
    body: (s) => ({ parentId: s.tag.id }),
  },
  {
    name: 'PATCH tag: parent its child (cycle)',
    method: 'patch',
    path: '/api/tags/:tag',
    body: (s) => ({ parentId: s.child.id }),
  },
  {
    name: 'PATCH tag: parent unknown',
    method: 'patch',
    path: '/api/tags/:tag',
    body: { parentId: 2147483647 },
  },
  { name: 'PATCH tag: name null', method: 'patch', path: '/api/tags/:tag', body: { name: null } },
  {
    name: 'PATCH tag: name taken',
    method: 'patch',
    path: '/api/tags/:ruleTag',
    body: { name: '民生' },
    expect: 409,
  },
  {
    name: 'merge: into itself',
    method: 'post',
    path: '/api/tags/:tag/merge',
    body: (s) => ({ intoId: s.tag.id }),
  },
  {
    name: 'merge: into its child',
    method: 'post',
    path: '/api/tags/:tag/merge',
    body: (s) => ({ intoId: s.child.id }),
  },
  { name: 'merge: into unknown', method: 'post', path: '/api/tags/:tag/merge', body: { intoId: 2147483647 } },
  {
    name: 'merge: intoId string',
    method: 'post',
    path: '/api/tags/:tag/merge',
    body: (s) => ({ intoId: String(s.child.id) }),
  },
  { name: 'merge: no body', method: 'post', path: '/api/tags/:tag/merge', body: {} },
  {
    name: 'apply: dryRun string',
    method: 'post',
    path: '/api/tags/:ruleTag/apply',
    body: { dryRun: 'true' },
  },
  { name: 'apply: tag without rule', method: 'post', path: '/api/tags/:tag/apply', body: {} },
  { name: 'apply: unknown field', method: 'post', path: '/api/tags/:ruleTag/apply', body: { force: true } },
  ...[
    'clippings=bad',
    'clippings=DETACH',
    'clippings[]=detach',
    `clippings=${encodeURIComponent(SQL[0])}`,
    'x=1',
  ].map((query): Case => ({
    name: `DELETE tag ?${query}`,
    method: 'delete',
    path: '/api/tags/:child',
    query,
  })),
];

const regionCases: Case[] = [
  { name: 'POST region: empty', method: 'post', path: '/api/regions', body: {} },
  {
    name: 'POST region: code 5 digits',
    method: 'post',
    path: '/api/regions',
    body: { code: '33030', name: '温州市', level: 'prefecture' },
  },
  {
    name: 'POST region: code number',
    method: 'post',
    path: '/api/regions',
    body: { code: 330300, name: '温州市', level: 'prefecture' },
  },
  {
    name: 'POST region: code SQL',
    method: 'post',
    path: '/api/regions',
    body: { code: SQL[0], name: '温州市', level: 'prefecture' },
  },
  {
    name: 'POST region: level city',
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: '温州市', level: 'city' },
  },
  {
    name: 'POST region: name empty',
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: '', level: 'prefecture' },
  },
  {
    name: 'POST region: name 3 MB',
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: MB3, level: 'prefecture' },
  },
  {
    name: 'POST region: parentId unknown',
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: '温州市', level: 'prefecture', parentId: 2147483647 },
  },
  {
    name: 'POST region: parentId string',
    method: 'post',
    path: '/api/regions',
    body: { code: '330300', name: '温州市', level: 'prefecture', parentId: '1' },
  },
  {
    name: 'POST region: duplicate code',
    method: 'post',
    path: '/api/regions',
    body: { code: '330106', name: '西湖区', level: 'county' },
    expect: 409,
  },
  {
    name: 'PATCH region: parent itself',
    method: 'patch',
    path: '/api/regions/:region',
    body: (s) => ({ parentId: s.hangzhou.id }),
  },
  {
    name: 'PATCH region: parent its child',
    method: 'patch',
    path: '/api/regions/:region',
    body: (s) => ({ parentId: s.xihu.id }),
  },
  { name: 'PATCH region: code null', method: 'patch', path: '/api/regions/:region', body: { code: null } },
  { name: 'PATCH region: level bad', method: 'patch', path: '/api/regions/:region', body: { level: 'town' } },
  { name: 'DELETE region with children', method: 'delete', path: '/api/regions/:region', expect: 409 },
  ...[
    'parentId=abc',
    'parentId=0',
    'level=city',
    'page=0',
    'pageSize=201',
    `q=${'名'.repeat(101)}`,
    'q[]=a',
    'x=1',
  ].map((query): Case => ({
    name: `GET /api/regions?${query.slice(0, 30)}`,
    method: 'get',
    path: '/api/regions',
    query,
  })),
  ...['parentId=abc', 'parentId=-1', 'parentId=1.5', 'level=county'].map((query): Case => ({
    name: `GET /api/regions/tree?${query}`,
    method: 'get',
    path: '/api/regions/tree',
    query,
  })),
  ...[...SQL, '%', '_', '杭%'].map((q): Case => ({
    name: `GET /api/regions q=${q} treated as data`,
    method: 'get',
    path: '/api/regions',
    query: { q },
    expect: 200,
    check: (res) => {
      expect((res.body as Page<Region>).total).toBe(0);
    },
  })),
];

const historyTrashCases: Case[] = [
  ...[
    ['version as text', { version: '一', currentVersion: 1 }],
    ['version missing', { currentVersion: 1 }],
    ['currentVersion null', { version: 1, currentVersion: null }],
    ['version zero', { version: 0, currentVersion: 1 }],
    ['version fractional', { version: 1.5, currentVersion: 1 }],
    ['version beyond integer', { version: 2147483648, currentVersion: 1 }],
    ['version as SQL', { version: SQL[0], currentVersion: 1 }],
    ['unknown key', { version: 1, currentVersion: 1, snapshot: { title: XSS } }],
    ['array body', [1, 1]],
  ].map(([label, body]): Case => ({
    name: `restore a revision: ${String(label)}`,
    method: 'post',
    path: '/api/clippings/:clip/restore',
    body: body as object,
    expect: 400,
  })),
  {
    name: 'restore a revision: stale currentVersion',
    method: 'post',
    path: '/api/clippings/:clip/restore',
    body: { version: 1, currentVersion: 2147483647 },
    expect: 409,
  },
  { name: 'trash: page as text', method: 'get', path: '/api/trash', query: { page: 'abc' }, expect: 400 },
  {
    name: 'trash: page size too big',
    method: 'get',
    path: '/api/trash',
    query: { pageSize: 100000 },
    expect: 400,
  },
  { name: 'trash: page as SQL', method: 'get', path: '/api/trash', query: { page: SQL[0] }, expect: 400 },
  {
    name: 'empty the trash: text/plain body',
    method: 'delete',
    path: '/api/trash',
    raw: '全部删除',
    contentType: 'text/plain',
    expect: 415,
  },
  // Bulk restore from the trash (all or none).
  {
    name: 'bulk restore: no ids',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: [] },
    expect: 400,
  },
  {
    name: 'bulk restore: ids as text',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: '1,2' },
    expect: 400,
  },
  {
    name: 'bulk restore: a negative id',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: [-1] },
    expect: 400,
  },
  {
    name: 'bulk restore: an id as SQL',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: [SQL[0]] },
    expect: 400,
  },
  {
    name: 'bulk restore: more than 500 ids',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: Array.from({ length: 501 }, (_, i) => i + 1) },
    expect: 400,
  },
  {
    name: 'bulk restore: an unknown id (409 naming it, nothing restored)',
    method: 'post',
    path: '/api/trash/restore',
    body: { ids: [2147483647] },
    expect: 409,
  },
];

const otherCases: Case[] = [
  { name: 'unknown route', method: 'get', path: '/api/nope', expect: 404 },
  { name: 'wrong method', method: 'put', path: '/api/health', body: {}, expect: 404 },
  { name: 'traversal in the path', method: 'get', path: '/api/..%2f..%2fetc%2fpasswd', expect: 404 },
];

const textCases: Case[] = [
  ...[...SQL, '%', '_', XSS, TRAVERSAL, CONTROL, '\t换行\r\n'].flatMap((v, i) => textAsData(v, `#${i}`)),
  {
    name: 'XSS in a publication name comes back verbatim as JSON',
    method: 'post',
    path: '/api/publications',
    body: { name: XSS },
    expect: 201,
    check: (res) => {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      echoes('name', XSS)(res);
    },
  },
  {
    name: 'traversal in a title stays out of the export file name',
    method: 'patch',
    path: '/api/clippings/:clip',
    body: { title: `${TRAVERSAL}\\..\\x"y` },
    expect: 200,
    check: async (res, s, t) => {
      echoes('title', `${TRAVERSAL}\\..\\x"y`)(res);
      const file = await t
        .http()
        .get(`/api/articles/${s.articleId}/export`)
        .query({ format: 'txt' })
        .expect(200);
      const disposition = String(file.headers['content-disposition']);
      const ascii = /filename="([^"]*)"/.exec(disposition)?.[1] ?? '';
      expect(ascii).not.toMatch(/[/\\]/);
      expect(disposition).not.toContain('../');
    },
  },
  ...unstorableText(NUL, 'with NUL byte'),
  ...unstorableText(LONE, 'with lone surrogate'),
  { name: 'clippings q with NUL byte', method: 'get', path: '/api/clippings', query: { q: NUL } },
  {
    // A URL carries UTF-8, so a lone surrogate arrives replaced: it must match nothing, not everything.
    name: 'clippings q with lone surrogate',
    method: 'get',
    path: '/api/clippings',
    query: { q: LONE },
    expect: 200,
    check: (res) => {
      expect((res.body as Page<Clipping>).total).toBe(0);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The hostile-input matrix: every free-text field of every write route, each category of bad input.
// "Rejected" cases must answer a shaped 4xx and leave the database unchanged; "accepted as text" cases
// carry strings that are legitimate content (SQL, FTS query syntax, markup, bidi controls are just text
// in a clipping) and must be stored verbatim and come back as JSON text — with no effect as SQL.

const FTS = [`"foo" NEAR/3 bar*`, `title:(x OR`];
const AS_TEXT: Array<[string, string]> = [
  ['SQL', `'; DROP TABLE clipping;--`],
  ['FTS NEAR', FTS[0] ?? ''],
  ['FTS column', FTS[1] ?? ''],
  ['XSS', '<img src=x onerror=alert(1)>'],
  ['bidi override', '\u202e反转文字\u202c'],
  ['bell', '响铃\u0007字符'],
];
const REJECTED: Array<[string, unknown]> = [
  ['number', 42],
  ['array', ['文字']],
  ['object', { text: '文字' }],
  ['boolean', true],
  ['NUL byte', 'a\u0000b'],
  ['3 MB string', MB3],
];
/** Byte sequences that are not UTF-8: a bad continuation, 0xFF, an overlong '/', an encoded surrogate, a cut-off character. */
const INVALID_UTF8: Array<[string, number[]]> = [
  ['C3 28', [0xc3, 0x28]],
  ['FF', [0xff]],
  ['overlong C0 AF', [0xc0, 0xaf]],
  ['surrogate ED A0 80', [0xed, 0xa0, 0x80]],
  ['truncated E4 B8', [0xe4, 0xb8]],
];

interface TextField {
  route: string;
  method: Method;
  path: string;
  field: string;
  /** A valid body without the field; `u` makes unique names unique. */
  base: (s: Seed, u: string) => Record<string, unknown>;
  /** Where the stored row is read back (POST: `${readBack}/${id}`; PATCH: the path itself). */
  readBack?: string;
  /** Names must be unique: the payload gets a suffix. */
  unique?: boolean;
}

const TEXT_FIELDS: TextField[] = [
  ...['name', 'shortName', 'notes'].map((field): TextField => ({
    route: 'POST publication',
    method: 'post',
    path: '/api/publications',
    field,
    base: (_s, u) => ({ name: `矩阵报${u}` }),
    readBack: '/api/publications',
    unique: field === 'name',
  })),
  {
    route: 'PATCH publication',
    method: 'patch',
    path: '/api/publications/:pub2',
    field: 'notes',
    base: () => ({}),
  },
  ...['kicker', 'title', 'subtitle', 'byline', 'dateline', 'body'].map((field): TextField => ({
    route: 'POST clipping',
    method: 'post',
    path: '/api/clippings',
    field,
    base: (s) => buildClipping(s.pub2.id) as unknown as Record<string, unknown>,
    readBack: '/api/clippings',
  })),
  ...['title', 'body', 'byline'].map((field): TextField => ({
    route: 'PATCH clipping',
    method: 'patch',
    path: '/api/clippings/:other',
    field,
    base: () => ({}),
  })),
  ...['name', 'description'].map((field): TextField => ({
    route: 'POST tag',
    method: 'post',
    path: '/api/tags',
    field,
    base: (_s, u) => ({ name: `矩阵标签${u}` }),
    readBack: '/api/tags',
    unique: field === 'name',
  })),
  {
    route: 'PATCH tag',
    method: 'patch',
    path: '/api/tags/:child',
    field: 'description',
    base: () => ({}),
  },
];

let uniqueCounter = 0;
const matrixTextCases: Case[] = TEXT_FIELDS.flatMap((f) => [
  ...REJECTED.map(([label, value]): Case => ({
    name: `rejected: ${f.route} ${f.field} as ${label}`,
    method: f.method,
    path: f.path,
    body: (s) => ({ ...f.base(s, `拒${(uniqueCounter += 1)}`), [f.field]: value }),
  })),
  ...AS_TEXT.map(([label, raw]): Case => {
    const value = f.unique ? `${raw} 矩阵${label}` : raw;
    return {
      name: `accepted as text: ${f.route} ${f.field} with ${label}`,
      method: f.method,
      path: f.path,
      body: (s) => ({ ...f.base(s, `收${(uniqueCounter += 1)}`), [f.field]: value }),
      expect: f.method === 'post' ? 201 : 200,
      check: async (res, s, t) => {
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect((res.body as Record<string, unknown>)[f.field]).toBe(value);
        const id = (res.body as { id: number }).id;
        const again = await t
          .http()
          .get(f.readBack ? `${f.readBack}/${id}` : `/api/${f.path.split('/')[2]}/${id}`)
          .expect(200);
        expect((again.body as Record<string, unknown>)[f.field]).toBe(value);
        // The SQL was data: every table is still there and the seeded rows are untouched.
        await t.http().get(`/api/clippings/${s.plain.id}`).expect(200);
      },
    };
  }),
]);

/** Every write route with a JSON body, given a JSON text with a bad UTF-8 sequence in a string. */
const BODY_ROUTES: Array<{ method: Method; path: string; json: (bad: string) => string }> = [
  { method: 'post', path: '/api/publications', json: (b) => `{"name":"报${b}"}` },
  { method: 'patch', path: '/api/publications/:pub2', json: (b) => `{"notes":"${b}"}` },
  {
    method: 'post',
    path: '/api/clippings',
    json: (b) => `{"publicationId":1,"issueDate":"2024-10-22","pageLabel":"1","body":"正文${b}"}`,
  },
  { method: 'patch', path: '/api/clippings/:other', json: (b) => `{"title":"标题${b}"}` },
  { method: 'post', path: '/api/clippings/bulk', json: (b) => `{"ids":[1],"set":{"byline":"${b}"}}` },
  { method: 'post', path: '/api/tags', json: (b) => `{"name":"标签${b}"}` },
  { method: 'patch', path: '/api/tags/:child', json: (b) => `{"description":"${b}"}` },
  {
    method: 'post',
    path: '/api/regions',
    json: (b) => `{"code":"330300","name":"温州${b}","level":"prefecture"}`,
  },
  {
    method: 'post',
    path: '/api/imports/preview',
    json: (b) => `{"text":"本报讯 ${b}","publicationId":1,"issueDate":"2024-10-22","pageLabel":"2"}`,
  },
  {
    method: 'post',
    path: '/api/imports',
    json: (b) => `{"text":"本报讯 ${b}","publicationId":1,"issueDate":"2024-10-22","pageLabel":"2"}`,
  },
  { method: 'post', path: '/api/auth/login', json: (b) => `{"username":"用户${b}","password":"x"}` },
];

const invalidUtf8Cases: Case[] = BODY_ROUTES.flatMap((r) =>
  INVALID_UTF8.map(([label, bytes]): Case => ({
    name: `rejected: invalid UTF-8 (${label}) in ${r.method.toUpperCase()} ${r.path}`,
    method: r.method,
    path: r.path,
    raw: Buffer.concat(
      r
        .json('\u0001')
        .split('\u0001')
        .flatMap((part, i) => [...(i > 0 ? [Buffer.from(bytes)] : []), Buffer.from(part, 'utf8')]),
    ),
    expect: 400,
  })),
);

/** File-name-like fields of imports: the page label is the only name a page carries through the API. */
const TRAVERSALS = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'A3\u0000.txt',
  '..%2f..%2fetc',
];
const traversalCases: Case[] = TRAVERSALS.flatMap((name) =>
  ['/api/imports/preview', '/api/imports'].map((path): Case => ({
    name: `rejected: path traversal ${JSON.stringify(name)} as the page label of ${path}`,
    method: 'post',
    path,
    body: (s) => importPage(s, { pageLabel: name }),
  })),
);

/** Search text is data too: SQL or FTS syntax in `q` is text to find, never an error. */
const queryTextCases: Case[] = [...AS_TEXT, ['LIKE wildcards', '%_%']].map(([label, value]): Case => ({
  name: `accepted as text: clippings q with ${label}`,
  method: 'get',
  path: '/api/clippings',
  query: { q: value },
  expect: 200,
  check: async (res, _s, t) => {
    // Only clippings holding the text (the matrix above stored some in any field) as full-text search
    // reads it (docs/search.md: terms, phrases, exclusions, invisible characters dropped), nothing else.
    const page = res.body as Page<ClippingListItem>;
    expect(page.total).toBeLessThan(20);
    for (const { id } of page.items) {
      const c = (await t.http().get(`/api/clippings/${id}`).expect(200)).body as Clipping;
      expect(fullTextMatch(value, c)).toBe(true);
    }
  },
}));

// Full-text search (issue 13): engine syntax and punctuation in q are text to find, never an error.
const SEARCH_SYNTAX = [
  '"',
  '*',
  'NEAR(',
  ')',
  "'",
  '\\',
  '-',
  '！'.repeat(100) + '.,;:?!()[]{}<>'.repeat(7).slice(0, 100),
];
const searchCases: Case[] = [
  ...SEARCH_SYNTAX.flatMap((q): Case[] => [
    {
      name: `GET /api/clippings q=${q.slice(0, 20)} (search syntax) gives the naive matches`,
      method: 'get',
      path: '/api/clippings',
      query: { q, pageSize: 200 },
      expect: 200,
      check: async (res, _s, t) => {
        const all = { items: await listInFull(t) };
        const page = res.body as Page<Clipping>;
        const expected = all.items.filter((c) => fullTextMatch(q, c)).map((c) => c.id);
        expect(page.items.map((c) => c.id).sort()).toEqual(expected.sort());
        expect(page.total).toBe(expected.length);
      },
    },
    {
      name: `GET /api/search/facets q=${q.slice(0, 20)} counts the naive matches`,
      method: 'get',
      path: '/api/search/facets',
      query: { q },
      expect: 200,
      check: async (res, _s, t) => {
        const all = { items: await listInFull(t) };
        expect((res.body as { counted: number }).counted).toBe(
          all.items.filter((c) => fullTextMatch(q, c)).length,
        );
      },
    },
    {
      name: `GET /api/search/suggest q=${q.slice(0, 20)} answers`,
      method: 'get',
      path: '/api/search/suggest',
      query: { q },
      expect: 200,
      check: (res) => {
        expect(Object.keys(res.body as object).sort()).toEqual(['publications', 'regions', 'tags', 'titles']);
      },
    },
  ]),
  {
    name: 'GET /api/clippings q of 200 punctuation characters gives the naive matches (none)',
    method: 'get',
    path: '/api/clippings',
    query: { q: '，。！？；：“”（）、—…《》'.repeat(15).slice(0, 200) },
    expect: 200,
    check: (res) => {
      expect((res.body as Page<Clipping>).total).toBe(0);
    },
  },
  { name: 'GET /api/search/suggest without q', method: 'get', path: '/api/search/suggest' },
  {
    name: 'GET /api/search/suggest q too long',
    method: 'get',
    path: '/api/search/suggest',
    query: { q: '字'.repeat(201) },
  },
  { name: 'GET /api/search/suggest q[]', method: 'get', path: '/api/search/suggest', query: 'q[]=a&q[]=b' },
  {
    name: 'GET /api/search/facets q too long',
    method: 'get',
    path: '/api/search/facets',
    query: { q: '字'.repeat(201) },
  },
  { name: 'GET /api/search/facets tagId=abc', method: 'get', path: '/api/search/facets', query: 'tagId=abc' },
  { name: 'GET /api/search/facets unknown=1', method: 'get', path: '/api/search/facets', query: 'unknown=1' },
  {
    name: 'GET /api/clippings sort=relevance,title',
    method: 'get',
    path: '/api/clippings',
    query: 'q=a&sort=relevance,title',
  },
];

/** Saved views (a stored list query is checked as the list checks its own) and the issue map. */
const savedViewCases: Case[] = [
  { name: 'GET saved views', method: 'get', path: '/api/saved-views', expect: 200 },
  { name: 'POST saved view: empty body', method: 'post', path: '/api/saved-views', body: {} },
  {
    name: 'POST saved view: name number',
    method: 'post',
    path: '/api/saved-views',
    body: { name: 1, query: '' },
  },
  {
    name: 'POST saved view: name empty',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '', query: '' },
  },
  {
    name: 'POST saved view: name blank',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '\u3000 ', query: '' },
  },
  {
    name: 'POST saved view: name of 81 characters',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视'.repeat(81), query: '' },
  },
  {
    name: 'POST saved view: query missing',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图' },
  },
  {
    name: 'POST saved view: query object',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图', query: { kind: 'article' } },
  },
  {
    name: 'POST saved view: query over 2000 characters',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图', query: `q=${'x'.repeat(2000)}` },
  },
  {
    name: 'POST saved view: shared as a string',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图', query: '', shared: 'yes' },
  },
  {
    name: 'POST saved view: unknown field',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图', query: '', ownerId: 1 },
  },
  ...(
    [
      ['unknown kind', 'kind=poem'],
      ['unknown parameter', 'colour=red'],
      ['impossible date', 'from=2024-02-30'],
      ['to before from', 'from=2024-10-31&to=2024-10-01'],
      ['repeated filter', 'status=draft&status=reviewed'],
      ['bad sort', 'sort=title;DROP TABLE clipping'],
      ['id as text', 'tagId=abc'],
      ['q too long', `q=${'长'.repeat(201)}`],
      ['NUL byte', 'q=a%00b'],
      ['prototype key', '__proto__=1'],
      ['prototype key twice', '__proto__=a&__proto__=b'],
    ] as const
  ).map(([label, query]): Case => ({
    name: `POST saved view: stored query with ${label}`,
    method: 'post',
    path: '/api/saved-views',
    body: { name: `视图 ${label}`, query },
    expect: 400,
  })),
  {
    name: 'POST saved view: SQL in q is data',
    method: 'post',
    path: '/api/saved-views',
    body: { name: '视图 SQL', query: `q=${encodeURIComponent(SQL[0] ?? '')}` },
    expect: 201,
    // Counted as the list counts the same text (the cases above store it literally in some clippings).
    check: async (res, _s, t) => {
      const list = await t.http().get('/api/clippings').query({ q: SQL[0] }).expect(200);
      expect((res.body as { count: number }).count).toBe((list.body as Page<Clipping>).total);
    },
  },
  {
    name: 'PATCH saved view: name null',
    method: 'patch',
    path: `/api/saved-views/${MISSING_ID}`,
    body: { name: null },
  },
  {
    name: 'PATCH saved view: stored query refused',
    method: 'patch',
    path: `/api/saved-views/${MISSING_ID}`,
    body: { query: 'kind=poem' },
    expect: 400,
  },
  {
    name: 'GET issue map: publication id text',
    method: 'get',
    path: '/api/issues/abc/2024-10-22',
    expect: 400,
  },
  { name: 'GET issue map: impossible date', method: 'get', path: '/api/issues/:pub/2024-02-30', expect: 400 },
  {
    name: 'GET issue map: date as SQL',
    method: 'get',
    path: `/api/issues/:pub/${encodeURIComponent(SQL[0] ?? '')}`,
    expect: 400,
  },
  {
    name: 'GET issue map: unknown publication',
    method: 'get',
    path: `/api/issues/${MISSING_ID}/2024-10-22`,
    expect: 404,
  },
  {
    name: 'GET issue map: a day without clippings',
    method: 'get',
    path: '/api/issues/:pub/1999-01-01',
    expect: 200,
  },
];

/** Story groups: the list's query and the review bodies. */
const storyCases: Case[] = [
  ...['status=maybe', 'status[]=proposed', 'page=0', 'pageSize=201', 'pageSize=abc', 'x=1'].map(
    (query): Case => ({ name: `GET stories?${query}`, method: 'get', path: '/api/stories', query }),
  ),
  ...[
    ['split: no body', undefined],
    ['split: empty list', { clippingIds: [] }],
    ['split: not a list', { clippingIds: 1 }],
    ['split: id string', { clippingIds: ['1'] }],
    ['split: id float', { clippingIds: [1.5] }],
    ['split: id huge', { clippingIds: [1e20] }],
    ['split: unknown field', { clippingIds: [1], all: true }],
  ].map(([name, body]): Case => ({
    name: `POST stories/:id/${String(name)}`,
    method: 'post',
    path: '/api/stories/1/split',
    body: body as object | undefined,
  })),
  {
    name: 'POST stories/:id/reject: empty list',
    method: 'post',
    path: '/api/stories/1/reject',
    body: { clippingIds: [] },
  },
  {
    name: 'POST stories/:id/reject: id zero',
    method: 'post',
    path: '/api/stories/1/reject',
    body: { clippingIds: [0] },
  },
  { name: 'PUT stories/:id/main: no id', method: 'put', path: '/api/stories/1/main', body: {} },
  {
    name: 'PUT stories/:id/main: id string',
    method: 'put',
    path: '/api/stories/1/main',
    body: { clippingId: 'a' },
  },
];

/** Story marks of a list page: `ids` must be 1 to 200 comma-separated clipping ids. */
const storyMarkCases: Case[] = [
  ...['', 'a', '0', '-1', '1.5', '1e2', '0x10', '1,,2', '1,', '2147483648', '99999999999', ' 1'].map(
    (ids): Case => ({
      name: `GET stories/marks?ids=${ids}`,
      method: 'get',
      path: '/api/stories/marks',
      query: { ids },
    }),
  ),
  { name: 'GET stories/marks: no ids', method: 'get', path: '/api/stories/marks' },
  { name: 'GET stories/marks: ids twice', method: 'get', path: '/api/stories/marks', query: 'ids=1&ids=2' },
  { name: 'GET stories/marks: ids[]', method: 'get', path: '/api/stories/marks', query: 'ids[]=1' },
  {
    name: 'GET stories/marks: 201 ids',
    method: 'get',
    path: '/api/stories/marks',
    query: { ids: Array.from({ length: 201 }, (_, i) => i + 1).join(',') },
  },
  {
    name: 'GET stories/marks: unknown field',
    method: 'get',
    path: '/api/stories/marks',
    query: { ids: '1', x: '1' },
  },
];

const CASES: Case[] = [
  ...idCases,
  ...publicationCases,
  ...clippingCases,
  ...listClippingCases,
  ...bulkCases,
  ...continuationCases,
  ...importCases,
  ...importBinCases,
  ...articleCases,
  ...exportCases,
  ...tagCases,
  ...regionCases,
  ...historyTrashCases,
  ...otherCases,
  ...textCases,
  ...matrixTextCases,
  ...invalidUtf8Cases,
  ...traversalCases,
  ...queryTextCases,
  ...searchCases,
  ...savedViewCases,
  ...storyCases,
  ...storyMarkCases,
];

describe('bad input, every route', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Seed;

  const snapshot = async (): Promise<string> => {
    // Story grouping runs after the write that asked for it: an earlier case's must be done, or it
    // could land between this case's two snapshots (on PostgreSQL reads do not wait for writes).
    await t.app.get(StoryGroupingQueue).settled();
    const parts: string[] = [];
    for (const table of TABLES) {
      const rows = (await db.query(`SELECT * FROM ${table}`)) as unknown[];
      parts.push(
        `${table}:${rows
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n')}`,
      );
    }
    return parts.join('\n\n');
  };

  const resolvePath = (path: string): string =>
    path
      .replace(':pub2', String(s.pub2.id))
      .replace(':pub', String(s.pub.id))
      .replace(':ruleTag', String(s.ruleTag.id))
      .replace(':child', String(s.child.id))
      .replace(':tag', String(s.tag.id))
      .replace(':region', String(s.hangzhou.id))
      .replace(':clip', String(s.wild.id))
      .replace(':other', String(s.other.id))
      .replace(':article', String(s.articleId));

  const send = async (c: Case): Promise<Response> => {
    let req = t.http()[c.method](resolvePath(c.path));
    const query = typeof c.query === 'function' ? c.query(s) : c.query;
    if (query !== undefined) req = req.query(query);
    if (c.raw !== undefined) return req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
    const body: unknown = typeof c.body === 'function' ? (c.body as (s: Seed) => unknown)(s) : c.body;
    return body === undefined ? req : req.send(body as object);
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const pub = await createPublication(t, { name: '钱江晚报' });
    const pub2 = await createPublication(t, { name: '济宁日报' });
    const tag = await createTag(t, { name: '民生' });
    const child = await createTag(t, { name: '食堂', parentId: tag.id });
    const ruleTag = await createTag(t, { name: '规则', rule: { mode: 'any', terms: ['食堂'] } });
    const { hangzhou, xihu } = await createZhejiang(t);
    const wild = await createClipping(t, pub.id, {
      title: '物价涨幅 100% 的_下划线',
      tagIds: [tag.id],
      regionCodes: ['330106'],
    });
    const plain = await createClipping(t, pub.id, { title: '西湖边新开了一家社区食堂', pageLabel: '4' });
    const other = await createClipping(t, pub2.id, { title: '济宁新闻', body: '梁山县' });
    const chained = await t
      .http()
      .put(`/api/clippings/${wild.id}/continuation`)
      .send({ nextPartId: plain.id })
      .expect(200);
    void chained;
    const head = (await t.http().get(`/api/clippings/${wild.id}`).expect(200)).body as Clipping;
    if (head.articleId === null) throw new Error('the chain should make an article');
    s = {
      pub,
      pub2,
      tag,
      child,
      ruleTag,
      hangzhou,
      xihu,
      wild: head,
      plain,
      other,
      articleId: head.articleId,
    };
  });

  afterAll(async () => {
    await t.close();
  });

  it('covers every documented route', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, object> };
    const covered = new Set(
      CASES.map(
        (c) => `${c.method} ${c.path.split('?')[0]?.replace(/\/(-?[\w.%]+|:[a-z0-9]+)(?=\/|$)/gi, '/{}')}`,
      ),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path.replace(/\{[^}]+\}/g, '{}')}`),
    );
    const missing = documented.filter((d) => {
      const [method, path] = d.split(' ');
      if (method === 'get' && path === '/api/health') return false;
      // A route is covered when some case hits it with any segment in place of each `{}`.
      return ![...covered].some((c) => {
        const [cm, cp] = c.split(' ');
        if (cm !== method || !cp || !path) return false;
        const a = cp.split('/');
        const b = path.split('/');
        return a.length === b.length && a.every((seg, i) => seg === b[i] || b[i] === '{}' || seg === '{}');
      });
    });
    expect(missing).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const expected = c.expect ?? '4xx';
    const before = await snapshot();
    const res = await send(c);
    const text = res.text ?? '';
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (expected === '4xx' || expected >= 400) {
      const ok = expected === '4xx' ? res.status >= 400 && res.status < 500 : res.status === expected;
      if (!ok) throw new Error(`expected ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.body as Record<string, unknown>;
      expect(body['statusCode']).toBe(res.status);
      expect(typeof body['error']).toBe('string');
      expect(typeof body['message']).toBe('string');
      expect(Object.keys(body).every((k) => ['statusCode', 'error', 'message', 'details'].includes(k))).toBe(
        true,
      );
      expect(await snapshot()).toBe(before);
    } else {
      if (res.status !== expected)
        throw new Error(`expected ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
      await c.check?.(res, s, t);
    }
    // The app still answers, and nothing was dropped.
    await t.http().get('/api/clippings').query({ pageSize: 1 }).expect(200);
  });
});
