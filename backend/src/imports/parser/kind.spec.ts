import { classifyKind, type KindInput } from './kind';

const base: KindInput = { kicker: null, title: null, body: '', byline: null, section: null, keyValue: false };

describe('classifyKind', () => {
  it('photo: a short caption credited with 摄', () => {
    expect(
      classifyKind({ ...base, body: '连日来，泗水县地瓜陆续成熟。图为收获现场。', byline: '记者 刘项清 摄' }),
    ).toBe('photo');
  });

  it('article: advertising words in a credited report’s text are its subject, not an ad', () => {
    expect(classifyKind({ ...base, body: '17日，一场食盐抢购风刮到我市。', byline: '陈曦' })).toBe('article');
    expect(classifyKind({ ...base, body: '新品上市，限时优惠，欢迎来电。' })).toBe('ad');
  });

  it('article: a long text even with a photo credit', () => {
    expect(classifyKind({ ...base, body: '会议指出，'.repeat(120), byline: '本报记者 张三 摄' })).toBe(
      'article',
    );
  });

  it('notice: by title or closing formula', () => {
    expect(
      classifyKind({ ...base, title: '关于G318线施工期间交通管制的通告', body: '现将有关事项通告如下。' }),
    ).toBe('notice');
    expect(classifyKind({ ...base, body: '请相关单位按时参加。特此通知。' })).toBe('notice');
    expect(classifyKind({ ...base, title: '遗失声明', body: '不慎遗失公章一枚，声明作废。' })).toBe('notice');
  });

  it('ad: key–value event lines or advertising words', () => {
    expect(classifyKind({ ...base, body: '时间：10月23日 地点：市政府院内', keyValue: true })).toBe('ad');
    expect(classifyKind({ ...base, body: '新品上市，欢迎垂询。' })).toBe('ad');
  });

  it('brief: short items under a 简讯 banner', () => {
    expect(classifyKind({ ...base, body: '10月18日，青山镇开展消防演练。', section: 'brief' })).toBe('brief');
  });

  it('article otherwise', () => {
    expect(classifyKind({ ...base, title: '小麦播种进度过半', body: '近日，记者走进东山镇。' })).toBe(
      'article',
    );
  });
});
