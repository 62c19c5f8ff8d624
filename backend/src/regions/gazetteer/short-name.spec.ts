import { nameAliases, shortName } from './short-name';

describe('shortName', () => {
  it.each([
    ['山东省', '山东'],
    ['济宁市', '济宁'],
    ['梁山县', '梁山'],
    ['宁陕县', '宁陕'],
    ['朝阳区', '朝阳'],
    ['北京市', '北京'],
    ['阿克苏地区', '阿克苏'],
    ['兴安盟', '兴安'],
    ['敖汉旗', '敖汉'],
    ['六枝特区', '六枝'],
    ['神农架林区', '神农架'],
    ['香港特别行政区', '香港'],
    ['内蒙古自治区', '内蒙古'],
    ['西藏自治区', '西藏'],
    ['广西壮族自治区', '广西'],
    ['宁夏回族自治区', '宁夏'],
    ['新疆维吾尔自治区', '新疆'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['克孜勒苏柯尔克孜自治州', '克孜勒苏'],
    ['大厂回族自治县', '大厂'],
    ['双江拉祜族佤族布朗族傣族自治县', '双江'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['龙胜各族自治县', '龙胜'],
    ['东乡族自治县', '东乡'],
    ['河南蒙古族自治县', '河南'],
    ['鄂伦春自治旗', '鄂伦春'],
    ['鄂温克族自治旗', '鄂温克'],
    ['莫力达瓦达斡尔族自治旗', '莫力达瓦'],
  ])('%s → %s', (full, short) => {
    expect(shortName(full)).toBe(short);
  });

  it.each([
    '沙县',
    '城区',
    '郊区',
    '单县',
    '万柏林区',
    '碑林区',
    '科尔沁左翼中旗',
    '乌拉特前旗',
    '达尔罕茂明安联合旗',
  ])('keeps %s whole rather than producing a one-character or mangled short name', (name) => {
    const s = shortName(name);
    expect(s.length).toBeGreaterThanOrEqual(2);
    if (['沙县', '城区', '郊区', '单县', '科尔沁左翼中旗', '乌拉特前旗', '达尔罕茂明安联合旗'].includes(name))
      expect(s).toBe(name);
  });

  it('strips 林区 only from 神农架-like names, not from 万柏林区/碑林区', () => {
    expect(shortName('万柏林区')).toBe('万柏林');
    expect(shortName('碑林区')).toBe('碑林');
    expect(shortName('新林区')).toBe('新林');
  });
});

describe('nameAliases', () => {
  it('gives the plain-suffix form of autonomous units', () => {
    expect(nameAliases('黄南藏族自治州')).toEqual(['黄南州']);
    expect(nameAliases('大厂回族自治县')).toEqual(['大厂县']);
    expect(nameAliases('鄂伦春自治旗')).toEqual(['鄂伦春旗']);
  });

  it("gives a banner's abbreviation by side and part, by East/West, and 达茂旗", () => {
    expect(nameAliases('土默特右旗')).toEqual(['土右旗']);
    expect(nameAliases('科尔沁左翼中旗')).toEqual(['科左中旗']);
    expect(nameAliases('察哈尔右翼后旗')).toEqual(['察右后旗']);
    expect(nameAliases('东乌珠穆沁旗')).toEqual(['东乌旗']);
    expect(nameAliases('达尔罕茂明安联合旗')).toEqual(['达茂旗']);
    expect(nameAliases('正镶白旗')).toEqual([]);
    expect(nameAliases('乌拉特前旗')).toEqual([]);
  });

  it('gives nothing for ordinary units', () => {
    expect(nameAliases('梁山县')).toEqual([]);
    expect(nameAliases('广西壮族自治区')).toEqual([]);
  });
});
