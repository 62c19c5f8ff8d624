import type { ClippingRegionLink, ClippingTagLink, Tag } from '@jianbao/contracts';
import {
  addRegionLink,
  addTagLink,
  containmentPercent,
  linksChanged,
  linksToBody,
  regionTitle,
  removeRegionLink,
  removeTagLink,
} from './clipping-links';

const tag = (id: number, name: string): Tag => ({
  id,
  name,
  parentId: null,
  color: '#336699',
  description: null,
  createdAt: '',
  updatedAt: '',
});
const ruleLink: ClippingTagLink = { id: 1, name: '文明', color: null, source: 'rule' };
const county: ClippingRegionLink = {
  code: '370832',
  name: '梁山县',
  level: 'county',
  path: ['山东省', '济宁市'],
  source: 'rule',
};

describe('clipping links', () => {
  it('adds a tag as manual, once, and keeps an existing rule link as it is', () => {
    const links = addTagLink([ruleLink], tag(2, '明信片'));
    expect(links).toEqual([ruleLink, { id: 2, name: '明信片', color: '#336699', source: 'manual' }]);
    expect(addTagLink(links, tag(1, '文明'))).toEqual(links);
    expect(removeTagLink(links, 1).map((l) => l.id)).toEqual([2]);
  });

  it('adds and removes regions by code', () => {
    const links = addRegionLink([county], { code: '370800', name: '济宁市', level: 'prefecture' }, [
      '山东省',
    ]);
    expect(links[1]).toEqual({
      code: '370800',
      name: '济宁市',
      level: 'prefecture',
      path: ['山东省'],
      source: 'manual',
    });
    expect(addRegionLink(links, county)).toHaveLength(2);
    expect(removeRegionLink(links, '370832').map((l) => l.code)).toEqual(['370800']);
  });

  it('sends the full sets', () => {
    expect(linksToBody([ruleLink], [county])).toEqual({ tagIds: [1], regionCodes: ['370832'] });
    expect(linksToBody([], [])).toEqual({ tagIds: [], regionCodes: [] });
  });

  it('formats a region path and containment', () => {
    expect(regionTitle(county)).toBe('山东省 / 济宁市 / 梁山县');
    expect(containmentPercent(0.874)).toBe(87);
    expect(containmentPercent(0.999)).toBe(99);
    expect(containmentPercent(1)).toBe(100);
    expect(containmentPercent(-1)).toBe(0);
    expect(containmentPercent(Number.NaN)).toBe(0);
  });

  it('tells whether the edited links differ from the saved ones, whatever their order', () => {
    const saved = { tags: [ruleLink], regions: [county] };
    expect(linksChanged(saved, [ruleLink], [county])).toBe(false);
    const more = addTagLink([ruleLink], tag(2, '明信片'));
    expect(linksChanged(saved, more, [county])).toBe(true);
    expect(linksChanged({ tags: more, regions: [county] }, [...more].reverse(), [county])).toBe(false);
    expect(linksChanged(saved, [ruleLink], [])).toBe(true);
  });
});
