import { sideBySide } from './side-by-side';

const read = (segments: { text: string }[]): string => segments.map((s) => s.text).join('');

describe('sideBySide', () => {
  it('marks, character by character, what only one version has, each column reading as its own text', () => {
    const left = '新华社北京10月21日电 产业工人是工人阶级的主体力量。';
    const right = '产业工人是工人阶级的主体力量，是创造社会财富的中坚力量。';
    const view = sideBySide(left, right);
    expect(read(view.left)).toBe(left);
    expect(read(view.right)).toBe(right);
    expect(view.left.filter((s) => s.kind === 'own').map((s) => s.text)).toContain('新华社北京10月21日电 ');
    expect(
      view.right
        .filter((s) => s.kind === 'own')
        .map((s) => s.text)
        .join(''),
    ).toBe('，是创造社会财富的中坚力量');
    expect(view.onlyLeft).toBe(Array.from('新华社北京10月21日电 。').length - 1);
    expect(view.onlyRight).toBe(Array.from('，是创造社会财富的中坚力量').length);
  });

  it('shows two equal texts with nothing marked', () => {
    const view = sideBySide('同一篇稿子。', '同一篇稿子。');
    expect(view.left).toEqual([{ kind: 'same', text: '同一篇稿子。' }]);
    expect(view.onlyLeft + view.onlyRight).toBe(0);
  });
});
