import { suggestKeywords } from './keyword-suggester';

const LIANGSHAN =
  '近日，梁山县红旗社区文明实践志愿者张冰倩来到即将举办婚礼的居民王卫红家中，为他们送去祝福。9月份以来，梁山县梁山街道共为50多对新人送去了新婚祝福，' +
  '50余份饱含祝福的明信片中，暖心贴心的移风易俗宣传语也让这份祝福得到了升华。近年来，梁山县积极创新移风易俗工作方法，借助村（社区）红白理事会，摸排掌握喜事信息。' +
  '为确保移风易俗工作有章可循、有序推进，梁山县成立了由多部门组成的移风易俗突出问题综合整治领导小组。';

describe('suggestKeywords', () => {
  it('suggests topic keywords, best first', () => {
    const kws = suggestKeywords(LIANGSHAN).map((k) => k.keyword);
    expect(kws[0]).toBe('移风易俗');
    expect(kws).toEqual(expect.arrayContaining(['明信片']));
    expect(kws.length).toBeLessThanOrEqual(8);
  });

  it('filters place names, boilerplate and numbers', () => {
    const kws = suggestKeywords(`${LIANGSHAN}本报记者报道，济宁市、山东省、鱼台县、北京、安康2024年`, {
      topK: 30,
    }).map((k) => k.keyword);
    for (const banned of [
      '梁山县',
      '梁山',
      '济宁市',
      '济宁',
      '山东省',
      '鱼台县',
      '北京',
      '安康',
      '记者',
      '本报记者',
      '2024',
      '工作',
    ]) {
      expect(kws).not.toContain(banned);
    }
  });

  it('honours topK and exclude', () => {
    expect(suggestKeywords(LIANGSHAN, { topK: 3 })).toHaveLength(3);
    expect(suggestKeywords(LIANGSHAN, { exclude: ['移风易俗'] }).map((k) => k.keyword)).not.toContain(
      '移风易俗',
    );
  });

  it('returns weights as numbers and [] for blank text', () => {
    for (const k of suggestKeywords(LIANGSHAN)) expect(k.weight).toBeGreaterThan(0);
    expect(suggestKeywords('   \n')).toEqual([]);
  });
});
