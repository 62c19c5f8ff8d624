import { RegionEntity } from '../regions/region.entity';
import { TagEntity } from '../tags/tag.entity';
import { ClippingRegionEntity } from './clipping-region.entity';
import { ClippingTagEntity } from './clipping-tag.entity';
import { ClippingEntity } from './clipping.entity';
import {
  EXCERPT_LENGTH,
  excerptOf,
  excerptOfStart,
  LISTED_BODY_CHARS,
  mapClipping,
  mapListItem,
  mapRegionLink,
  mapTagLink,
} from './clipping.mapper';

function clipping(): ClippingEntity {
  return Object.assign(new ClippingEntity(), {
    id: 5,
    publicationId: 1,
    issueDate: '2024-03-15',
    pageLabel: '第三版',
    pageSort: '  00003',
    kind: 'article',
    kicker: null,
    title: '西湖边新开了一家社区食堂',
    subtitle: null,
    byline: '本报记者 王小明',
    dateline: null,
    body: '昨天上午……',
    subheads: ['一碗面只要八元'],
    rawText: null,
    status: 'draft',
    continuesFrom: null,
    continuesTo: { page: '5', label: null, marker: '（下转第五版）' },
    importId: null,
    articleId: null,
    previousPartId: null,
    nextPartId: 9,
    version: 3,
    createdAt: new Date('2024-03-15T01:02:03Z'),
    updatedAt: new Date('2024-03-16T01:02:03Z'),
  });
}

describe('clipping mapper', () => {
  it('maps a tag link', () => {
    const link = Object.assign(new ClippingTagEntity(), {
      clippingId: 5,
      tagId: 2,
      source: 'rule',
      tag: Object.assign(new TagEntity(), { id: 2, name: '民生', color: '#cc3333' }),
    });
    expect(mapTagLink(link)).toEqual({ id: 2, name: '民生', color: '#cc3333', source: 'rule' });
  });

  it('maps a region link with its path', () => {
    const zhejiang = Object.assign(new RegionEntity(), {
      id: 1,
      code: '330000',
      name: '浙江省',
      level: 'province',
      parentId: null,
    });
    const hangzhou = Object.assign(new RegionEntity(), {
      id: 2,
      code: '330100',
      name: '杭州市',
      level: 'prefecture',
      parentId: 1,
    });
    const link = Object.assign(new ClippingRegionEntity(), {
      clippingId: 5,
      regionId: 2,
      source: 'manual',
      region: hangzhou,
    });
    expect(
      mapRegionLink(
        link,
        new Map<number, RegionEntity>([
          [1, zhejiang],
          [2, hangzhou],
        ]),
      ),
    ).toEqual({
      code: '330100',
      name: '杭州市',
      level: 'prefecture',
      path: ['浙江省'],
      source: 'manual',
    });
    expect(mapRegionLink(Object.assign(new ClippingRegionEntity(), { regionId: 2 }), new Map())).toBeNull();
  });

  it('maps a clipping with its relations, tags by name and regions by code', () => {
    const mapped = mapClipping(clipping(), {
      publicationName: '钱江晚报',
      tags: [
        { id: 2, name: '社会', color: null, source: 'manual' },
        { id: 1, name: '民生', color: null, source: 'manual' },
      ],
      regions: [
        { code: '330106', name: '西湖区', level: 'county', path: ['浙江省', '杭州市'], source: 'manual' },
        { code: '330100', name: '杭州市', level: 'prefecture', path: ['浙江省'], source: 'rule' },
      ],
    });
    expect(mapped).toMatchObject({
      id: 5,
      publicationName: '钱江晚报',
      pageLabel: '第三版',
      continuesTo: { page: '5', label: null, marker: '（下转第五版）' },
      nextPartId: 9,
      version: 3,
      createdAt: '2024-03-15T01:02:03.000Z',
    });
    expect(mapped.tags.map((t) => t.name)).toEqual(['民生', '社会']);
    expect(mapped.regions.map((r) => r.code)).toEqual(['330100', '330106']);
  });

  it('excerpts a body: whitespace folded, the first 80 characters, … only where cut', () => {
    expect(excerptOf('  梁山县\n开展\t志愿  服务 ')).toBe('梁山县 开展 志愿 服务');
    const long = '鱼台'.repeat(60);
    expect(excerptOf(long)).toBe(`${long.slice(0, EXCERPT_LENGTH)}…`);
    expect(excerptOf(long.slice(0, EXCERPT_LENGTH))).toBe(long.slice(0, EXCERPT_LENGTH));
    // From the start of a body only: a body that goes on is cut even when its start fits.
    expect(excerptOfStart('短短一句', true)).toBe('短短一句…');
    expect(excerptOfStart('短短一句', false)).toBe('短短一句');
    // Characters outside the BMP count as one and are never split.
    expect(excerptOf('𠀀'.repeat(EXCERPT_LENGTH + 1))).toBe(`${'𠀀'.repeat(EXCERPT_LENGTH)}…`);
  });

  it('maps a list row: the excerpt of the body read so far, without body or rawText', () => {
    const { body: _body, rawText: _raw, ...listed } = clipping();
    const relations = { publicationName: '钱江晚报', tags: [], regions: [] };
    const spaced = `${'　\n'.repeat(LISTED_BODY_CHARS / 2)}`;
    // The start read holds only whitespace, and the body goes on (one character more than asked for).
    const cut = mapListItem({ ...listed, bodyStart: `${spaced}下` }, relations);
    expect(cut.excerpt).toBe('…');
    expect(cut).not.toHaveProperty('body');
    expect(cut).not.toHaveProperty('rawText');
    const whole = mapListItem({ ...listed, bodyStart: '昨天上午，\n社区食堂开张。' }, relations);
    expect(whole).toMatchObject({
      id: 5,
      title: '西湖边新开了一家社区食堂',
      excerpt: '昨天上午， 社区食堂开张。',
    });
    expect(mapClipping(clipping(), relations)).toMatchObject({ body: '昨天上午……', rawText: null });
  });
});
