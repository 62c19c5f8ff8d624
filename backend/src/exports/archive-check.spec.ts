import type { ArchiveFile } from '@jianbao/contracts';
import { checkArchive } from './archive-check';

const clipping = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  publicationId: 1,
  issueDate: '2024-10-22',
  pageLabel: '2',
  kind: 'article',
  kicker: null,
  title: `标题${id}`,
  subtitle: null,
  byline: null,
  dateline: null,
  body: '正文',
  subheads: [],
  rawText: null,
  status: 'draft',
  continuesFrom: null,
  continuesTo: null,
  articleId: null,
  previousPartId: null,
  nextPartId: null,
  tags: [],
  regions: [],
  createdAt: '2024-10-22T00:00:00.000Z',
  updatedAt: '2024-10-22T00:00:00.000Z',
  ...extra,
});

const file = (extra: Record<string, unknown> = {}) => ({
  format: 'jianbao-archive',
  version: 1,
  exportedAt: '2024-10-22T00:00:00.000Z',
  publications: [
    { id: 1, name: '济宁日报', shortName: null, homeRegionCode: null, language: 'zh-CN', notes: null },
  ],
  tags: [
    { id: 5, parentId: null, name: '民生', color: null, description: null, rule: null },
    {
      id: 6,
      parentId: 5,
      name: '教育',
      color: null,
      description: null,
      rule: { mode: 'any', terms: ['学校'] },
    },
  ],
  clippings: [
    clipping(1, { nextPartId: 2, tags: [{ id: 6, source: 'rule' }] }),
    clipping(2, { previousPartId: 1 }),
  ],
  ...extra,
});

const fields = (input: unknown): string[] => {
  const r = checkArchive(input);
  return 'problems' in r ? r.problems.map((p) => p.field) : [];
};

describe('checkArchive', () => {
  it('accepts a well-formed file', () => {
    const r = checkArchive(file());
    expect('file' in r && (r.file as ArchiveFile).clippings).toHaveLength(2);
  });

  it('names every bad field by its path', () => {
    expect(fields([])).toEqual(['']);
    expect(fields(file({ format: 'other', version: 2 }))).toEqual(['format', 'version']);
    expect(
      fields(
        file({
          clippings: [clipping(1, { issueDate: '2023-02-29', kind: 'poem', body: 3, tags: [{ id: 6 }] })],
        }),
      ),
    ).toEqual([
      'clippings[0].issueDate',
      'clippings[0].tags[0].source',
      'clippings[0].kind',
      'clippings[0].body',
    ]);
    expect(fields(file({ tags: [{ id: 5, parentId: null, name: '民生', rule: { mode: 'nope' } }] }))).toEqual(
      ['tags[0].rule.mode'],
    );
  });

  it('refuses references outside the file, duplicate ids, loops and one-sided links', () => {
    expect(fields(file({ clippings: [clipping(1, { publicationId: 9 })] }))).toEqual([
      'clippings[0].publicationId',
    ]);
    expect(fields(file({ clippings: [clipping(1), clipping(1)] }))).toEqual(['clippings[1].id']);
    expect(fields(file({ clippings: [clipping(1, { nextPartId: 2 }), clipping(2)] }))).toContain(
      'clippings[0].nextPartId',
    );
    const loop = [
      clipping(1, { nextPartId: 2, previousPartId: 2 }),
      clipping(2, { nextPartId: 1, previousPartId: 1 }),
    ];
    expect(fields(file({ clippings: loop }))).toEqual(['clippings[0].nextPartId', 'clippings[1].nextPartId']);
    const tags = [
      { id: 5, parentId: 6, name: '甲', color: null, description: null, rule: null },
      { id: 6, parentId: 5, name: '乙', color: null, description: null, rule: null },
    ];
    expect(fields(file({ tags, clippings: [] }))).toEqual(['tags[0].parentId', 'tags[1].parentId']);
  });
});
