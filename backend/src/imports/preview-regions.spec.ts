import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from './parser/page-parser';
import { homeFromPublicationName, inferHomeRegion, withRegions } from './preview-regions';
import { defaultRegionMatcher } from '../regions/gazetteer';

const PAGES = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'pages');
const page = (f: string): string => readFileSync(join(PAGES, f), 'utf8');

describe('preview regions', () => {
  const matcher = defaultRegionMatcher();

  it('infers the home region from what the page mentions most', () => {
    expect(inferHomeRegion(parsePage(page('000_7bc5541b3fe100b2.txt')), matcher)).toBe('370800');
    expect(inferHomeRegion(parsePage(page('004_425bbb1547604c11.txt')), matcher)).toBe('610900');
  });

  it('infers no home region from one clipping about a place, however often it names it', () => {
    const page = [
      '庆阳建设算力枢纽',
      '',
      '本报记者 张三',
      '近年来，庆阳市大力发展数据中心。庆阳建成国内首个百万千瓦级算力基地，庆阳的算力还在增长。',
      '',
      '全国秋收秋种稳步推进',
      '',
      '本报记者 李四',
      '目前，全国秋收秋种正稳步推进，各地抢抓农时。',
    ].join('\n');
    expect(inferHomeRegion(parsePage(page), matcher)).toBeNull();
  });

  it('infers no home region from a page without places', () => {
    expect(inferHomeRegion(parsePage('今天天气很好。\n大家都出门了。'), matcher)).toBeNull();
  });

  it('reads the home region from a publication name', () => {
    expect(homeFromPublicationName('济宁日报', matcher)).toBe('370800');
    expect(homeFromPublicationName('安康日报', matcher)).toBe('610900');
    expect(homeFromPublicationName('样例报', matcher)).toBeNull();
    // a county paper's home is its county, a province paper's its province
    expect(homeFromPublicationName('上虞日报', matcher)).toBe('330604');
    expect(homeFromPublicationName('浙江日报', matcher)).toBe('330000');
    // a county paper named `今日` + its place
    expect(homeFromPublicationName('今日梁山', matcher)).toBe('370832');
    // papers of other kinds than 日报/晚报 (`济宁政协报`, `济宁青年报`)
    expect(homeFromPublicationName('济宁政协报', matcher)).toBe('370800');
    // papers whose names name no place
    expect(homeFromPublicationName('新晚报', matcher)).toBe('230100');
    expect(homeFromPublicationName('海峡都市报', matcher)).toBe('350100');
    expect(homeFromPublicationName('人民日报', matcher)).toBeNull();
  });

  it('fills each clipping with the county it is about and its ancestors', () => {
    const preview = withRegions(parsePage(page('000_7bc5541b3fe100b2.txt')), matcher, null);
    const liangshan = preview.clippings.find((c) => c.body.includes('王姐，恭喜啊'));
    expect(liangshan?.regions).toEqual([{ code: '370832', name: '梁山县', path: ['山东省', '济宁市'] }]);
    const policy = preview.clippings.find((c) => c.body.startsWith('产业工人是工人阶级的主体力量'));
    expect(policy?.regions).toEqual([]);
  });
});
