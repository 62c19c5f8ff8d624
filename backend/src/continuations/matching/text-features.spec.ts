import {
  charGrams,
  compact,
  sentenceEnd,
  stripLeadingMarker,
  stripTrailingMarker,
  tailStart,
} from './text-features';

describe('markers in text', () => {
  it('strips the given or any jump marker at the ends', () => {
    expect(stripLeadingMarker('（上接1版A）清风扬帆')).toBe('清风扬帆');
    expect(stripLeadingMarker('(上接一版)2000名左右大国工匠')).toBe('2000名左右大国工匠');
    expect(stripLeadingMarker('【接上版】正文', { page: '1', label: null, marker: '【接上版】' })).toBe(
      '正文',
    );
    expect(stripTrailingMarker('全县31所中小学校的48个校区（下转第二版）\n')).toBe(
      '全县31所中小学校的48个校区',
    );
    expect(stripTrailingMarker('正文（转2版）')).toBe('正文');
    expect(stripTrailingMarker('他说（记者 张三）')).toBe('他说（记者 张三）');
  });
});

describe('sentenceEnd', () => {
  it.each([
    ['加强产业工人队伍建设改革课题研究。', 'closed'],
    ['“现在学校周边的交通环境令人放心了。”', 'closed'],
    ['真好！）', 'closed'],
    ['全县31所中小学校的48个校区', 'open'],
    ['充分发挥人大代表的，', 'open'],
    ['他们称之为“脚步作风”', 'open'],
  ])('%s → %s', (text, expected) => expect(sentenceEnd(text)).toBe(expected));
});

describe('tailStart', () => {
  it.each([
    ['（上接第一版），带动农民增收致富。', 'fragment'],
    ['（上接第一版）、劳动精神', 'fragment'],
    ['（上接1版B）\n“近年来，我们相继出台', 'sentence'],
    ['（上接第一版）“近年来，我们', 'sentence'],
    ['（上接第一版）（三）大力弘扬劳模精神', 'sentence'],
    ['（上接第一版）近年来，梁山县积极创新', 'sentence'],
    ['（上接一版）供需对接活动14场次', 'unknown'],
  ])('%s → %s', (text, expected) => expect(tailStart(text)).toBe(expected));
});

describe('n-grams', () => {
  it('compacts to letters and digits and counts bigrams and trigrams', () => {
    expect(compact('李璐 说：“ＡＥＯ认证。”')).toBe('李璐说aeo认证');
    const g = charGrams('李璐说李璐');
    expect(g.get('李璐')).toBe(2);
    expect(g.get('李璐说')).toBe(1);
  });
});
