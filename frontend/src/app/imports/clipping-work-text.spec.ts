import type { ClippingWork } from '@jianbao/contracts';
import { interpolate } from '../shared/i18n/i18n';
import { EN, ZH_CN } from '../shared/i18n/messages';
import { type Translate, describeEditors, describeMatch, describeWork } from './clipping-work-text';

const zh: Translate = (key, params) => interpolate(ZH_CN[key], params);
const en: Translate = (key, params) => interpolate(EN[key], params);

const work: ClippingWork = {
  fields: ['title', 'body'],
  status: 'reviewed',
  tagsAdded: [{ id: 9, name: '秋粮收购' }],
  tagsRemoved: [],
  regionsAdded: [],
  regionsRemoved: [{ code: '370832', name: '梁山县' }],
  links: [
    { state: 'linked', side: 'next', otherId: 12 },
    { state: 'rejected', side: 'previous', otherId: 4 },
  ],
  editors: ['编辑甲', '编辑乙'],
  changedAt: '2024-10-22T06:03:00.000Z',
};

describe('clipping work text', () => {
  it('says what was done, in the UI language', () => {
    expect(describeWork(work, zh)).toBe(
      '改了标题、正文；标为“已审”；加了标签 秋粮收购；去掉了地区 梁山县；手动续接到 #12；手动取消了与 #4 的续接',
    );
    expect(describeWork(work, en)).toBe(
      'edited Title, Body; marked “Reviewed”; tagged 秋粮收购; removed regions 梁山县; linked by hand on to #12; link with #4 cut by hand',
    );
  });

  it('says who and when, or nothing when nobody is known', () => {
    expect(describeEditors(work, zh, (iso) => iso.slice(0, 10))).toBe('编辑甲、编辑乙，2024-10-22');
    expect(describeEditors({ ...work, editors: [] }, zh, (iso) => iso)).toBe('');
  });

  it('says where the work goes', () => {
    expect(describeMatch({ match: 2, matchedBy: 'body' }, zh)).toBe('→ 剪报 3（正文相同）');
    expect(describeMatch({ match: 0, matchedBy: 'title' }, en)).toBe('→ clipping 1 (same title)');
    expect(describeMatch({ match: null, matchedBy: null }, zh)).toBe('没有对应的新剪报：会保留原剪报');
    expect(describeMatch({ match: 2, matchedBy: 'body' }, zh, 'keep')).toBe(
      '保留原剪报，对应的剪报 3 不归档',
    );
  });
});
