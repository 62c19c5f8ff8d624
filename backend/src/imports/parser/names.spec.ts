import { isBareNameLine, isPersonalName, namesOnLine, startsWithSurname } from './names';

describe('personal names on a line of their own', () => {
  it('reads a common family name and one or two given characters as a name', () => {
    for (const n of [
      '常晋',
      '何昭宇',
      '包大为',
      '欧阳修文',
      '李舒',
      '傅亦武',
      '洪虹',
      '赖君茹',
      '贝晓东',
      '钮小明',
    ])
      expect(isPersonalName(n)).toBe(true);
  });

  it('refuses places, particles and rare openings', () => {
    // a place word at the end, a particle inside, no family name
    for (const n of ['金溪县', '梁山县', '张的', '绘画', '新大众']) expect(isPersonalName(n)).toBe(false);
  });

  it('pairs single characters padded with spaces into two-character names', () => {
    expect(namesOnLine('何昭宇  李  舒')).toEqual(['何昭宇', '李舒']);
    expect(namesOnLine('常  晋')).toEqual(['常晋']);
    expect(namesOnLine('回  信')).toBeNull();
  });

  it('takes a place written before a reader’s name', () => {
    expect(isBareNameLine('贵州省贵阳市  程铭袁')).toBe(true);
    expect(isBareNameLine('湖北省武汉市  王咏琪')).toBe(true);
    expect(isBareNameLine('会议在北京举行。')).toBe(false);
    expect(isBareNameLine('（作者为一级编剧）')).toBe(false);
  });

  it('knows compound family names', () => {
    expect(startsWithSurname('欧阳')).toBe(true);
    expect(startsWithSurname('司马光')).toBe(true);
    expect(startsWithSurname('歌曲')).toBe(false);
  });
});
