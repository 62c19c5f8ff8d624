import {
  joinedByline,
  bannerKind,
  doubledCharCount,
  endsSentence,
  findKvKeys,
  hasHeadingShape,
  isBylineText,
  isFurniture,
  isMastheadName,
  isNamesOnly,
  isNumberedHeading,
  matchDatelineOnly,
  matchLeadDateline,
  splitTrailingByline,
  splitTrailingDateline,
  nonSpaceLength,
  withoutSpaces,
  isBalanced,
} from './text-rules';
import { startsWithSurname } from './names';

describe('datelines of local papers', () => {
  it('a paper calling itself by its kind (导报讯, 晚报讯), a dated lead with its reporters in brackets, 据 before a wire dateline, a newsroom and 全媒体 before 记者', () => {
    expect(matchLeadDateline('导报讯 70年栉风沐雨')).toMatchObject({ dateline: '导报讯', byline: null });
    expect(matchLeadDateline('晚报讯（记者 张三）昨日')).toMatchObject({
      dateline: '晚报讯',
      byline: '记者 张三',
    });
    expect(matchLeadDateline('本报6月13日（见习记者 张晓琳）“百姓城市')).toMatchObject({
      dateline: '本报6月13日',
      byline: '见习记者 张晓琳',
    });
    expect(matchLeadDateline('据新华社北京12月1日电 记者从国家医保局了解到')).toMatchObject({
      dateline: '据新华社北京12月1日电',
    });
    expect(isBylineText('潍坊日报社全媒体记者 张驰')).toBe(true);
    // a two-character name padded with a space in a lead's bracket
    expect(matchLeadDateline('本报讯（商 闻）近日，省里')).toMatchObject({
      dateline: '本报讯',
      byline: '商 闻',
    });
    // a photo credited to a pen name in brackets after the caption's last sentence
    expect(splitTrailingByline('品质优雅的城市“门户”新形象。（新宣 摄）')).toMatchObject({
      byline: '新宣 摄',
    });
    // a date alone, without reporters after it, is no lead
    expect(matchLeadDateline('本报6月13日（星期五）举行')).toBeNull();
    expect(matchLeadDateline('网讯号很差')).toBeNull();
  });
});

describe('datelines', () => {
  it('reads a lead dateline with a bracketed byline', () => {
    expect(matchLeadDateline('新华社北京10月21日电（记者 于文静）目前，全国秋收秋')).toMatchObject({
      dateline: '新华社北京10月21日电',
      byline: '记者 于文静',
    });
  });

  it.each(['本报讯', '本报10月21日讯', '本报济宁讯', '安康日报讯', '央视网消息', '中新社北京10月20日电'])(
    '%s',
    (d) => {
      expect(matchLeadDateline(`${d} 10月19日，考核组一行来我县。`)?.dateline).toBe(d);
    },
  );

  it('does not read bylines or prose as datelines', () => {
    expect(matchLeadDateline('本报记者 鲍童 本报通讯员 张洋')).toBeNull();
    expect(matchLeadDateline('全省电网供电能力持续提升。')).toBeNull();
  });

  it('recognises a closing bracketed dateline and a glued trailing one', () => {
    expect(matchDatelineOnly('(新华社北京10月21日电)')).toEqual({
      dateline: '新华社北京10月21日电',
      closing: true,
    });
    expect(splitTrailingDateline('革课题研究。 新华社北京10月21日电')).toMatchObject({
      before: '革课题研究。',
      dateline: '新华社北京10月21日电',
    });
    expect(splitTrailingDateline('他说新华社北京10月21日电')).toBeNull();
  });
});

describe('a byline over two lines', () => {
  it('glues a name the column cut to one character, also before a credit that is a byline itself', () => {
    expect(joinedByline('N本报记者 陈锟 毛朝青 实习生 吴', '凌静 文/图')).toBe(
      'N本报记者 陈锟 毛朝青 实习生 吴凌静 文/图',
    );
    expect(joinedByline('■本报记者 贾新伟', '本报通讯员 王奕明')).toBe('■本报记者 贾新伟 本报通讯员 王奕明');
  });
});

describe('bylines', () => {
  it.each([
    '■本报记者 鲍童 本报通讯员 张洋',
    '记者 刘项清 通讯员 包庆淼 廉渊博 摄',
    '新华社记者郭绪雷摄',
    '本报记者鲍童本报通讯员张洋',
    '文/图 张三',
    '张三 李四 摄',
  ])('%s is a byline', (b) => expect(isBylineText(b)).toBe(true));

  it.each(['记者从市农业农村局了解到', '记者了解到，市交警支队已于9月6日', '中共中央 国务院', '小小明信片'])(
    '%s is not a byline',
    (b) => expect(isBylineText(b)).toBe(false),
  );

  it('splits credits glued to the end of a paragraph', () => {
    expect(splitTrailingByline('意义。 ■新华社记者 郭绪雷 摄')).toMatchObject({
      before: '意义。',
      byline: '新华社记者 郭绪雷 摄',
    });
    expect(splitTrailingByline('考核组给予肯定。（李明）')).toMatchObject({
      before: '考核组给予肯定。',
      byline: '李明',
    });
    expect(splitTrailingByline('现场。记者 张三 摄')).toMatchObject({
      before: '现场。',
      byline: '记者 张三 摄',
    });
    expect(splitTrailingByline('分职业（工种、岗位）')).toBeNull();
  });

  it('names-only brackets', () => {
    expect(isNamesOnly('张三 李四')).toBe(true);
    expect(isNamesOnly('含技工院校，下同')).toBe(false);
    expect(isNamesOnly('2024年10月12日')).toBe(false);
  });
});

describe('furniture and banners', () => {
  it.each([
    '2024年10月22日 星期二',
    '责任编辑：王明 版式：李华',
    '第2版',
    'A3',
    'A3 综合新闻',
    '要闻',
    '济宁日报',
  ])('%s', (t) => expect(isFurniture(t)).toBe(true));

  it.each(['全国秋收秋种稳步推进', '2024年10月21日，全县召开会议。'])('%s is not furniture', (t) =>
    expect(isFurniture(t)).toBe(false),
  );

  it('detects brief/photo banners and OCR-doubled slogan banners', () => {
    expect(bannerKind('简讯')).toBe('brief');
    expect(bannerKind('图片新闻')).toBe('photo');
    expect(bannerKind('深化移移风易俗 倡树文明新新风')).toBe('banner');
    expect(bannerKind('小小明信片')).toBeNull();
    expect(doubledCharCount('红红火火过大年')).toBe(0);
  });
});

describe('headline shape', () => {
  it.each([
    '一、总体要求',
    '关于深化产业工人队伍建设改革的意见',
    '（2024年10月12日）',
    '向“新”而进 聚力前行',
    '梁山',
  ])('%s', (t) => expect(hasHeadingShape(t)).toBe(true));

  it.each([
    '出如下意见。',
    '“近年来，我们相继出台多项助力，其中',
    '，续行',
    '同时，我市实施科技赋能，优化发展环境，',
  ])('%s is body text', (t) => expect(hasHeadingShape(t)).toBe(false));

  it('numbered subheads', () => {
    expect(isNumberedHeading('二、强化思想政治引领')).toBe(true);
    expect(isNumberedHeading('（十二）畅通产业工人向上发展通道')).toBe(true);
    expect(isNumberedHeading('二十四节气')).toBe(false);
  });

  it('sentence ends', () => {
    expect(endsSentence('说。”')).toBe(true);
    expect(endsSentence('坚定')).toBe(false);
  });
});

describe('key–value lines', () => {
  it('finds distinct keys and where the first starts', () => {
    const line = '2024消费促进年 市政府站 时间：10月23日 地点：市政府院内 主办单位：市商务局';
    const kv = findKvKeys(line);
    expect(kv.keys).toEqual(['时间', '地点', '主办单位']);
    expect(line.slice(kv.firstAt)).toMatch(/^时间：/);
  });
});

describe('rules for other papers (masthead, imprint, glued leads)', () => {
  it.each([
    'LINCHUAN DAILY',
    '中共临川市委主管主办',
    '今日8版 第12876期',
    '国内统一连续出版物号 CN36-0021 邮发代号43-18',
    '2024.10.22 星期二',
    '— 2 —',
    '城市·民生',
    '县域经济',
    '第2版  综合新闻   2024年10月22日',
    '本报地址：临川市赣东大道1号 邮编：344000 广告经营许可证：赣临工商广字001号 印刷：临川日报社印务中心',
  ])('%s is furniture', (t) => expect(isFurniture(t)).toBe(true));

  it.each(['2024年10月21日', '地址：市国际会展中心', '全市 35 家', '城市“美容师”的一天'])(
    '%s is not furniture on its own',
    (t) => expect(isFurniture(t)).toBe(false),
  );

  it('reads a paper and its site after a slash (`青岛日报社/观海新闻4月7日讯`, `日照日报/日照新闻网讯`)', () => {
    expect(matchLeadDateline('东坝日报社/观海新闻4月7日讯 中山公园')?.dateline).toBe(
      '东坝日报社/观海新闻4月7日讯',
    );
    expect(matchLeadDateline('东坝日报/东坝新闻网讯 近日')?.dateline).toBe('东坝日报/东坝新闻网讯');
    expect(matchLeadDateline('东坝日报/社区居民说，近日')).toBeNull();
  });

  it('reads 本报讯 记者X报道 leads', () => {
    expect(matchLeadDateline('本报讯 记者陈晓报道 眼下正值中')).toMatchObject({
      dateline: '本报讯',
      byline: '记者陈晓',
    });
    expect(matchLeadDateline('本报讯 记者王五 通讯员李四报道')).toMatchObject({
      dateline: '本报讯',
      byline: '记者王五 通讯员李四',
    });
    expect(matchLeadDateline('本报讯 记者走进田间地头报道了')?.byline ?? null).toBeNull();
  });

  it('an unnamed commentator is a byline', () => {
    expect(isBylineText('本报评论员')).toBe(true);
    expect(isBylineText('人民日报评论员')).toBe(true);
  });

  it('a date-led clause is not a headline', () => {
    expect(hasHeadingShape('10月20日，市民在赣东大道人行道上')).toBe(false);
    expect(hasHeadingShape('金秋时节稻谷香')).toBe(true);
  });
});

describe('the cheap first checks keep every answer', () => {
  it('furniture: a line with prose marks is still a serial number, an imprint or staff line', () => {
    expect(isFurniture('邮发代号：43-18。')).toBe(true);
    expect(isFurniture('国内统一连续出版物号，CN37-0001')).toBe(true);
    expect(isFurniture('本报地址：济宁市太白楼路 邮编：272000，印刷：日报印务')).toBe(true);
    expect(isFurniture('责任编辑：张三，美编：李四')).toBe(true);
    expect(isFurniture('网址 www.jnrb.cn，欢迎访问')).toBe(true);
    expect(isFurniture('本报地址：济宁市。邮编：272000')).toBe(false);
    expect(isFurniture('第2版，综合新闻')).toBe(false);
    expect(isFurniture('第2版  综合新闻')).toBe(true);
  });

  it('bylines: no role, photo or report character, no credit', () => {
    expect(isBylineText('张三 李四')).toBe(false);
    expect(isBylineText('张三 李四 摄')).toBe(true);
    expect(isBylineText('本报评论员')).toBe(true);
    expect(isBylineText('记者 张三 报道')).toBe(true);
  });

  it('banners: punctuation anywhere is no banner; doubled glyphs side by side are', () => {
    expect(bannerKind('简讯，')).toBeNull();
    expect(bannerKind('■ 简 讯')).toBe('brief');
    expect(bannerKind('移移风易俗俗')).toBe('banner');
    expect(bannerKind('移风移风易俗')).toBeNull();
  });

  it('a credit after the last bullet, one to sixty characters before the end', () => {
    expect(splitTrailingByline('今年秋粮丰收。■新华社记者 郭绪雷 摄')?.byline).toBe('新华社记者 郭绪雷 摄');
    expect(splitTrailingByline('今年秋粮丰收。■')).toBeNull();
    expect(splitTrailingByline('今年秋粮丰收。■记者 张三■')).toBeNull();
  });

  it('masthead names end in 报 or 新闻, spaces aside', () => {
    expect(isMastheadName('南城 新闻  ')).toBe(true);
    expect(isMastheadName('南城新闻社')).toBe(false);
  });

  it('datelines alone end in 电, 讯, 消息 or a closing bracket', () => {
    expect(matchDatelineOnly('（新华社北京10月21日电）')?.closing).toBe(true);
    expect(matchDatelineOnly('本报讯  ')?.dateline).toBe('本报讯');
    expect(matchDatelineOnly('新华社北京10月21日电 记者')).toBeNull();
    expect(matchLeadDateline('本报讯（记者 黄婷）目前')?.byline).toBe('记者 黄婷');
    expect(matchLeadDateline('本报记者黄婷')).toBeNull();
  });
});

describe('headline shape and sentence ends, read character by character', () => {
  it('a numbered subhead may run longer and hold commas; other lines may not', () => {
    const long = '全国秋收秋种稳步推进'.repeat(4) + '1';
    expect(hasHeadingShape(long)).toBe(false);
    expect(hasHeadingShape(`一、${long}`)).toBe(true);
    expect(hasHeadingShape('一、总体要求，坚持，推进')).toBe(true);
    expect(hasHeadingShape('总体要求，坚持，推进')).toBe(false);
    expect(hasHeadingShape('标题！好，的')).toBe(false);
    expect(hasHeadingShape('标题！')).toBe(true);
    expect(hasHeadingShape('abc 12')).toBe(false);
    expect(hasHeadingShape('10月20日，市民在')).toBe(false);
  });

  it('any JavaScript whitespace after the sentence end is skipped, nothing else', () => {
    expect(endsSentence('好。\u2028')).toBe(true);
    expect(endsSentence('好。\ufeff')).toBe(true);
    expect(endsSentence('好。”）」\u3000')).toBe(true);
    expect(endsSentence('好。\u0085')).toBe(false);
  });
});

describe('whitespace without regular expressions', () => {
  it.each([
    '',
    '要闻',
    '第2版  综合新闻\t2024年10月22日',
    ' 南城\u3000新闻 ',
    '\uFEFF本报\u00a0地址\r',
    '\u2028',
  ])('withoutSpaces and nonSpaceLength read %j as the regular expression does', (text) => {
    expect(withoutSpaces(text)).toBe(text.replace(/\s+/g, ''));
    expect(nonSpaceLength(text)).toBe(text.replace(/\s+/g, '').length);
  });

  it('withoutSpaces returns a text without spaces as it is', () => {
    const text = '全国秋粮已收获76.5%';
    expect(withoutSpaces(text)).toBe(text);
  });

  it('isBalanced: brackets, quotes and book-title marks closed in order, by code unit as by character', () => {
    // the definition it replaced, over characters (code points)
    const reference = (text: string): boolean => {
      let paren = 0;
      let quote = 0;
      let book = 0;
      for (const ch of text) {
        if (ch === '（' || ch === '(') paren++;
        else if (ch === '）' || ch === ')') paren--;
        else if (ch === '“') quote++;
        else if (ch === '”') quote--;
        else if (ch === '《') book++;
        else if (ch === '》') book--;
        if (paren < 0 || quote < 0 || book < 0) return false;
      }
      return paren === 0 && quote === 0 && book === 0;
    };
    const alphabet = [
      '（',
      '）',
      '(',
      ')',
      '“',
      '”',
      '《',
      '》',
      '字',
      'a',
      ' ',
      '\ud840\udc00',
      '\ud83d',
      '\ude00',
    ];
    const next = lcg(7);
    for (let n = 0; n < 5000; n++) {
      let t = '';
      for (let i = next() % 9; i > 0; i--) t += alphabet[next() % alphabet.length];
      expect([t, isBalanced(t)]).toEqual([t, reference(t)]);
    }
    expect(isBalanced('《人民日报》（海外版）')).toBe(true);
    expect(isBalanced('）（')).toBe(false);
  });

  it('isNamesOnly: its quick refusal never refuses what the split-and-match definition accepts', () => {
    const reference = (text: string): boolean => {
      const names = text
        .trim()
        .split(/[\s、,，]+/)
        .filter((x) => x.length > 0);
      if (names.length === 0 || names.length > 4) return false;
      const prose = /[从了到在的是对向说表示介获悉解访问据为将与把被让们这那其并和及等]/;
      // names glued without a space (`邓亚金马莉`): one run of 5–8 characters cut into surname-led names
      const glued = (run: string): boolean => {
        if (!/^[\u3400-\u9fff]{5,8}$/.test(run) || prose.test(run)) return false;
        const cuts = (at: number): boolean =>
          at === run.length ||
          [2, 3, 4].some(
            (len) => at + len <= run.length && startsWithSurname(run.slice(at, at + len)) && cuts(at + len),
          );
        return cuts(0);
      };
      return names.every(
        (n) => (/^[\u3400-\u9fff·]{2,4}$/.test(n) && !prose.test(n)) || (names.length === 1 && glued(n)),
      );
    };
    const alphabet = [
      '张',
      '三',
      '李',
      '四',
      '欧阳',
      '·',
      '的',
      '、',
      '，',
      ',',
      ' ',
      '\u3000',
      '\t',
      'a',
      '1',
      '。',
      '\ud840\udc00',
    ];
    const next = lcg(3);
    let accepted = 0;
    for (let n = 0; n < 20000; n++) {
      let t = '';
      for (let i = next() % 14; i > 0; i--) t += alphabet[next() % alphabet.length];
      const want = reference(t);
      if (want) accepted++;
      expect([t, isNamesOnly(t)]).toEqual([t, want]);
    }
    expect(accepted).toBeGreaterThan(100);
    expect(isNamesOnly('张三 李四、王五，赵六')).toBe(true);
    expect(isNamesOnly('张三李四王五赵六钱七孙八')).toBe(false);
  });
});

/** A small deterministic random sequence (a linear congruential generator) for the agreement checks. */
function lcg(start: number): () => number {
  let seed = start;
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
}
