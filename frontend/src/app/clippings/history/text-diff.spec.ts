import { type DiffSegment, collapseUnchanged, diffStats, diffText } from './text-diff';

const before = (segs: DiffSegment[]) =>
  segs
    .filter((s) => s.op !== 'insert')
    .map((s) => s.text)
    .join('');
const after = (segs: DiffSegment[]) =>
  segs
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('finds a one-character change inside Chinese text', () => {
    const segs = diffText('梁山县文明办发行明信片', '梁山县文明委发行明信片');
    expect(segs).toEqual([
      { op: 'equal', text: '梁山县文明' },
      { op: 'delete', text: '办' },
      { op: 'insert', text: '委' },
      { op: 'equal', text: '发行明信片' },
    ]);
  });

  it('handles insertions, deletions and empty sides', () => {
    expect(diffText('', '本报讯')).toEqual([{ op: 'insert', text: '本报讯' }]);
    expect(diffText('本报讯', '')).toEqual([{ op: 'delete', text: '本报讯' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
    expect(diffText('近日梁山县', '近日，梁山县')).toEqual([
      { op: 'equal', text: '近日' },
      { op: 'insert', text: '，' },
      { op: 'equal', text: '梁山县' },
    ]);
  });

  it('is a minimal edit script that rebuilds both sides', () => {
    const a = '济宁日报记者王丽报道：梁山县近日开展文明城市创建活动，市民积极参与。';
    const b = '济宁日报记者李强报道：梁山县日前开展文明城市创建工作，广大市民积极参与。';
    const segs = diffText(a, b);
    expect(before(segs)).toBe(a);
    expect(after(segs)).toBe(b);
    const { inserted, deleted } = diffStats(segs);
    // 王丽→李强, 近→前 (日 shared), 活动→工作, +广大
    expect(deleted).toBe(5);
    expect(inserted).toBe(7);
  });

  it('keeps astral characters whole', () => {
    const segs = diffText('𠀀甲', '𠀁甲');
    expect(segs).toEqual([
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: '甲' },
    ]);
  });

  it('rebuilds both sides for random edits', () => {
    const alphabet = Array.from('的一是在不了有和人这中大为上个国我以要他\n');
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 200; i++) {
      const a = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      const chars = Array.from(a);
      for (let e = rand(6); e > 0; e--) {
        const at = rand(chars.length + 1);
        if (rand(2)) chars.splice(at, 1);
        else chars.splice(at, 0, alphabet[rand(alphabet.length)]!);
      }
      const b = chars.join('');
      const segs = diffText(a, b);
      expect(before(segs)).toBe(a);
      expect(after(segs)).toBe(b);
    }
  });

  it('falls back to lines, then to a whole replacement, when the texts differ too much', () => {
    const a = '第一行\n第二行\n第三行\n';
    const b = '第一行\n第二行改\n第三行\n';
    const byLines = diffText('甲' + a, '乙' + b, { maxCharEdits: 1 });
    expect(before(byLines)).toBe('甲' + a);
    expect(after(byLines)).toBe('乙' + b);
    expect(byLines.some((s) => s.op === 'delete' && s.text.includes('第二行\n'))).toBe(true);
    const whole = diffText('甲乙丙', '丁戊己', { maxCharEdits: 1, maxLineEdits: 1 });
    expect(whole).toEqual([
      { op: 'delete', text: '甲乙丙' },
      { op: 'insert', text: '丁戊己' },
    ]);
  });

  it('finds one insertion in a long body', () => {
    const a = '本报讯 近日，梁山县文明办发行一套明信片，倡导市民争做文明人。'.repeat(200);
    const b = a.slice(0, 3000) + '（记者 王丽）' + a.slice(3000);
    const segs = diffText(a, b);
    expect(diffStats(segs)).toEqual({ inserted: 7, deleted: 0 });
  });
  it('gives up on characters for two unrelated long bodies and still rebuilds both', () => {
    const a = Array.from({ length: 5000 }, (_, i) => '的一是在不了有和人这'[(i * 7) % 10]).join('');
    const b = Array.from({ length: 5000 }, (_, i) => '中大为上个国我以要他'[(i * 3) % 10]).join('');
    const segs = diffText(a, b);
    expect(before(segs)).toBe(a);
    expect(after(segs)).toBe(b);
  });
});

describe('collapseUnchanged', () => {
  it('hides the middle of long unchanged runs and keeps context around changes', () => {
    const a = '甲'.repeat(50) + '乙' + '丙'.repeat(50);
    const b = '甲'.repeat(50) + '丁' + '丙'.repeat(50);
    const shown = collapseUnchanged(diffText(a, b), 5);
    expect(shown).toEqual([
      { op: 'gap', hidden: 45 },
      { op: 'equal', text: '甲甲甲甲甲' },
      { op: 'delete', text: '乙' },
      { op: 'insert', text: '丁' },
      { op: 'equal', text: '丙丙丙丙丙' },
      { op: 'gap', hidden: 45 },
    ]);
  });

  it('keeps short runs whole and collapses a long run between two changes on both sides', () => {
    const segs: DiffSegment[] = [
      { op: 'insert', text: '甲' },
      { op: 'equal', text: '一二三四五六七八九十' },
      { op: 'delete', text: '乙' },
      { op: 'equal', text: '短' },
    ];
    expect(collapseUnchanged(segs, 2)).toEqual([
      { op: 'insert', text: '甲' },
      { op: 'equal', text: '一二' },
      { op: 'gap', hidden: 6 },
      { op: 'equal', text: '九十' },
      { op: 'delete', text: '乙' },
      { op: 'equal', text: '短' },
    ]);
  });
});
