/**
 * Layouts of local papers the development pages (人民日报) do not print, each met on real pages of city
 * and county papers (the texts here are made up): credits set off by spaces at the end of a caption,
 * credits over two lines, source lines (`据央视`), headlines of two lines or with a comma, `——`
 * subtitles, indented paragraphs, photo numbers.
 */
import type { PreviewClipping } from '@jianbao/contracts';
import { parsePage } from './page-parser';
import { bannerKind, isBylineText, isNamesOnly } from './text-rules';

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '');
const titles = (cs: PreviewClipping[]): Array<string | null> => cs.map((c) => c.title);
/** An article after two blank lines, opening with its headline: what follows the item under test. */
const NEXT_ARTICLE = [
  '',
  '',
  '河口村修好了出村路',
  '本报讯 河口村新修的出村路日前通车，',
  '全长三公里，村民出行更加方便。',
];
/** The text under the 【】-kicked headlines of two examples below. */
const RINK_TEXT = ['2月10日，和往常一样，退休民警张永东带领', '志愿者来到雪场，为滑雪爱好者穿雪具、递雪杖。'];

describe('local papers: column breaks', () => {
  it('two full column lines stopping mid-word, a blank line after them, are the text going on, not a headline', () => {
    const p = parsePage(
      [
        '河口村修好了出村路',
        '本报讯 河口村新修的出村路日前通车，全长三',
        '公里，村民出行更加方便，运输成本明显降低。',
        '',
        '新路通车以来，村里的果园和养殖场迎来了客',
        '商，去年全村水果销售额比上年增长了将近三',
        '',
        '成，村民们说这条路是致富路、幸福路。',
        '',
        '',
        '江城大道改造完工',
        '本报讯 江城大道改造工程昨天全线完工。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['河口村修好了出村路', '江城大道改造完工']);
    expect(p.clippings[0]?.body).toContain('迎来了客商，去年全村水果销售额比上年增长了将近三成，村民们说');
  });

  it('… also where each line holds a comma and ends on a closing quote, whatever the headline model says', () => {
    const p = parsePage(
      [
        '河口村修好了出村路',
        '本报讯 河口村新修的出村路日前通车，全长三公',
        '里，村民出行更加方便，运输成本明显降低。',
        '',
        '记者了解到，福利镇于2016年建立了“蔗香甜园”',
        '示范区，并于2018年成功通过自治区级现代农业核',
        '',
        '心示范区认定，取得了显著的经济效益。',
        '',
        '',
        '江城大道改造完工',
        '本报讯 江城大道改造工程昨天全线完工。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['河口村修好了出村路', '江城大道改造完工']);
  });
});

describe('local papers: continued articles', () => {
  it('the lines right above a 下转 marker are the text it sends on, not the next headline', () => {
    const p = parsePage(
      [
        '一梦越山海',
        '□新华社记者 黄全权',
        '一块极尽柔美又无比刚强的土地，穿越千年，',
        '始终将一种坚韧与不屈深深镌刻。',
        '',
        '——“缺水、少土、石头缝里种苞谷”，一',
        '语道破石山群众生活的艰辛……',
        '（下转第六版）',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[0]).toMatchObject({ title: '一梦越山海', kicker: null, subtitle: null });
    expect(p.clippings[0]?.body).toContain('一语道破石山群众生活的艰辛……');
    expect(p.clippings[0]?.continuesTo?.page).toBe('6');
  });
});

describe('local papers: page furniture', () => {
  it("the paper's serial number and a line of hotlines are furniture; a headline's own doubled words are no banner", () => {
    const p = parsePage(
      [
        '江城日报',
        '国内统一刊号：CN51-0004  江城日报社出版',
        '2025年1月25日 星期六',
        '',
        '从清源涓涓到战旗飘飘',
        '看公园城市城乡新变',
        '',
        '4月的江城，春意盎然，处处都在不断上“新”。',
        '新打造的文化墙和乡村绿道都是为了百姓。',
        '',
        '党报热线：962211  广告热线：86623932  订阅热线：86511231',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]).toMatchObject({ kicker: null, title: '从清源涓涓到战旗飘飘看公园城市城乡新变' });
    expect(p.unassigned).toEqual(
      expect.arrayContaining([
        '国内统一刊号：CN51-0004  江城日报社出版',
        '党报热线：962211  广告热线：86623932  订阅热线：86511231',
      ]),
    );
  });
});

describe('local papers: headlines', () => {
  it('a headline wrapped after 的 (`坚决守护好人民群众的` / `“生命之源”`) stays a headline', () => {
    const p = parsePage(
      [
        '江城日报   2023年5月8日   3',
        '',
        '坚决守护好人民群众的',
        '“生命之源”',
        '',
        '本报讯 记者从谢家集区了解到，为切实保障',
        '汛期居民饮水安全，区生态环境分局多措并举',
        '，全面加强饮用水源地巡查监管。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['坚决守护好人民群众的“生命之源”', '河口村修好了出村路']);
  });

  it('a headline of two phrases set apart by a space, right above its text, may come close to its width', () => {
    const p = parsePage(
      [
        'A04',
        '2017年4月11日 星期二 江城晚报',
        '',
        '“乡村周末大舞台” 点亮村民文化生活',
        '9月7日，市博物馆和世知堂博物馆在鲁西新',
        '区穆李村联合举办乡村周末大舞台活动。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['“乡村周末大舞台” 点亮村民文化生活', '河口村修好了出村路']);
  });
});

describe('local papers: credits', () => {
  it("a picture credited to a paper (`《春城晚报》供图`) is a photo of its own; a lead names the paper's brand after a dot", () => {
    const p = parsePage(
      [
        '来自全国各地的近百家主流媒体的社长',
        '走进国立西南联合大学旧址。',
        '《春城晚报》供图',
        '',
        '江城晚报·山河+讯（记者 刘明巍）10',
        '月29日，晚报工作者协会年会在昆明举行。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.dateline, c.byline])).toEqual([
      ['photo', null, '《春城晚报》供图'],
      ['article', '江城晚报·山河+讯', '记者 刘明巍'],
      ['article', '本报讯', null],
    ]);
  });

  it('an official signing an article under its headline (`江城县委书记 祝显成`) is its byline', () => {
    const p = parsePage(
      [
        '打好“主动仗”',
        '筑牢“硬支撑”',
        '江城县委书记 祝显成',
        '全市项目建设大会聚焦“产业兴市”发展战略，',
        '对全市上下全力以赴抓项目提出了明确要求。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({
      title: '打好“主动仗”筑牢“硬支撑”',
      byline: '江城县委书记 祝显成',
    });
    expect(p.clippings[0]?.body.startsWith('全市项目建设大会')).toBe(true);
  });

  it('a closing credit with 向 in a given name and a southern surname (`高向荣`, `赖君茹`), and one cut inside its role word', () => {
    const p = parsePage(
      [
        '外来居民融入社区',
        '社区活动提升了每一位外来居民的价值。',
        '江城晚报记者 高向荣 通讯员 赖君茹 苏昱竹',
        '',
        '',
        '老旧小区加装电梯',
        '部分居民还就小区管理细节提出具体建议。  见习记',
        '者邢知洁 通讯员季永健 盛金花',
        '',
        '',
        ...NEXT_ARTICLE.slice(2),
      ].join('\n'),
    );
    expect(p.clippings.map((c) => squash(c.byline))).toEqual([
      '江城晚报记者高向荣通讯员赖君茹苏昱竹',
      '见习记者邢知洁通讯员季永健盛金花',
      '',
    ]);
    expect(p.clippings[1]?.body).toBe('部分居民还就小区管理细节提出具体建议。');
  });

  it('a closing credit between middle dots (`·刘俪君 姚依·`), whole or cut after its first dot, ends the item', () => {
    const p = parsePage(
      [
        '老旧小区蝶变“焕新”',
        '曙光新村因年久失修，存在外墙剥落等问题。',
        '目前，所有项目预计于12月完成。 ·',
        '刘俪君 姚依·',
        '',
        '',
        '滨江公园绿廊建成',
        '滨江公园至姚港河生态绿廊施工快速推进。',
        '·许丛军·',
        '',
        '2020年9月22日拍摄的施工现场画面。',
        '记者 许丛军摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.byline])).toEqual([
      ['老旧小区蝶变“焕新”', '刘俪君 姚依'],
      ['滨江公园绿廊建成', '许丛军'],
      [null, '记者 许丛军摄'],
    ]);
  });

  it("a lead retelling another paper's report (`据《江城日报》消息（记者…）`) opens its item under its headline", () => {
    const p = parsePage(
      [
        '（上接第二版）村民用竹子编起一条天梯，',
        '洞壁上的大字是他们改变命运的渴望。',
        '',
        '',
        '两项目入选',
        '全国城市更新典型案例',
        '据《江城日报》消息（记者郭亚琼 通讯',
        '员黄诗谊）近日，住房城乡建设部公布第',
        '二批城市更新典型案例，两个项目入选。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[1]).toMatchObject({
      title: '两项目入选全国城市更新典型案例',
      dateline: '据《江城日报》消息',
      byline: '记者郭亚琼 通讯员黄诗谊',
    });
  });

  it('two short lines ending in ！ set apart above a credit that opens the text are one headline', () => {
    const p = parsePage(
      [
        '交警上路保畅通',
        '本报讯 连日降雪，交警及时上路疏导交通。',
        '',
        '我们愿为文明创建出力，',
        '江城加油！',
        '',
        '（记者林玉琦）都说“月是故乡明”，在土生',
        '土长的江城人眼里，这里处处都是好风景。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[1]).toMatchObject({
      kicker: null,
      title: '我们愿为文明创建出力，江城加油！',
      byline: '记者林玉琦',
    });
  });

  it('a bracketed credit of text and pictures (`（苏晓 文/图）`) opening the text, a space after it, is the byline', () => {
    const p = parsePage(
      [
        '交警上路保畅通',
        '',
        '（苏明 文/图） 3月12日至13日，市区出现',
        '长时间降雪天气，交警及时上路疏导交通。',
        '',
        '',
        '交警清理道路积水',
        '（记者 王晓刚文/图） 由于受到施工的影',
        '响，辖区路段道路坑洼不平，积水严重。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.byline])).toEqual([
      ['交警上路保畅通', '苏明 文/图'],
      ['交警清理道路积水', '记者 王晓刚文/图'],
      ['河口村修好了出村路', null],
    ]);
    expect(p.clippings[0]?.body.startsWith('3月12日至13日')).toBe(true);
  });

  it('a news brand of any name before 讯, reporters in 【】, a day-and-hour date, a site newsroom (`…网记者`)', () => {
    const p = parsePage(
      [
        '社区开展志愿服务活动',
        '',
        '新江城讯【记者林闻】7月12日，社区组织',
        '志愿者清扫了小区的楼道和空地。',
        '',
        '',
        '银杏叶黄满街金',
        '',
        '江城在线网15日16时讯 【记者 王雪梅',
        '张超】初冬降临，城区街头的银杏树叶',
        '便成为了一道风景。',
        '',
        '',
        '环湖赛上的外国记者',
        '',
        '●江城在线网记者 杨璟',
        '“这里山美、水美。”7月14日上午，参加',
        '环湖赛报道工作的外国记者这样说。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.dateline, c.byline])).toEqual([
      ['社区开展志愿服务活动', '新江城讯', '记者林闻'],
      ['银杏叶黄满街金', '江城在线网15日16时讯', '记者 王雪梅 张超'],
      ['环湖赛上的外国记者', null, '江城在线网记者 杨璟'],
      ['河口村修好了出村路', '本报讯', null],
    ]);
  });

  it('wire copy dated by the day alone (`新华社北京15日电`)', () => {
    const p = parsePage('新华社北京15日电 国务院新闻办公室15日发布白皮书。\n');
    expect(p.clippings[0]?.dateline).toBe('新华社北京15日电');
  });

  it("a picture between headline and text, credited on its caption's line after two spaces, stays the article's", () => {
    const p = parsePage(
      [
        '垃圾已清理',
        '古墓石像重获“自由”',
        '',
        '昨日，工作人员清理垃圾  记者 于明 摄',
        '',
        '本报昨日以《石像被垃圾埋到脖子》为题，',
        '报道了古墓石像被垃圾覆盖的景象。昨日上',
        '午，街道办组织村民清理了石像周边的垃圾。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    const [c] = p.clippings;
    expect(titles(p.clippings)).toEqual(['垃圾已清理古墓石像重获“自由”', '河口村修好了出村路']);
    expect(c).toMatchObject({ kind: 'article', byline: '记者 于明 摄' });
    // the caption is a paragraph of its own, the credit in no paragraph
    expect(c?.body.split('\n')).toEqual([
      '昨日，工作人员清理垃圾',
      '本报昨日以《石像被垃圾埋到脖子》为题，报道了古墓石像被垃圾覆盖的景象。昨日上午，街道办组织村民清理了石像周边的垃圾。',
    ]);
  });

  it("a headline right above a paper's lead (`…快报讯（记者…`) is not glued to it as the paper's name", () => {
    const p = parsePage(
      [
        '江边发现受伤白鹭',
        '快报讯（记者 王明）昨天，市民在江边',
        '公园里发现一只受伤的白鹭。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({ title: '江边发现受伤白鹭', dateline: '快报讯' });
  });

  it("a paper's dateline with the place after the date (`江城快报5月8日南京电`) and a newsroom spaced from the role", () => {
    const p = parsePage(
      [
        '小伙欲跳桥轻生被救下',
        '',
        '江城快报5月8日南京电（记者 丁明）昨',
        '晚8点30，一年轻男子在长江大桥上欲跳',
        '桥轻生，路过的公交司机紧急停车救援。',
        '',
        '',
        '春节假期公园游人如织',
        '本报讯（林晓 杜娟 江城日报社融媒体',
        '记者 兰建新）春节七天假期，城区六大',
        '公园共接待游客超80万人次。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.dateline, squash(c.byline)])).toEqual([
      ['江城快报5月8日南京电', '记者丁明'],
      ['本报讯', '林晓杜娟江城日报社融媒体记者兰建新'],
      ['本报讯', ''],
    ]);
  });

  it("a lead's bracket of reporters cut over three lines with a column break inside a name", () => {
    const text = [
      '化工园区事故搜救结束',
      '',
      '本报江城3月26日电 （记者 张明',
      '华 李宋',
      '',
      '男 王刚）记者在26日举行的发布会上',
      '获悉，现场搜救工作已经完毕。',
      ...NEXT_ARTICLE,
    ].join('\n');
    const p = parsePage(text);
    const [c] = p.clippings;
    expect(c?.dateline).toBe('本报江城3月26日电');
    expect(squash(c?.byline)).toBe('记者张明华李宋男王刚');
    expect(c?.body).toContain('记者在26日举行的发布会上获悉');
    // every printed line of the lead is the clipping's, the blank line inside it none's
    expect(c?.lines.filter((l) => l.line <= 5).map((l) => l.line)).toEqual(expect.arrayContaining([2, 3, 5]));
    expect(c?.lines.some((l) => l.line === 4)).toBe(false);
  });

  it("a reader's tip thanked under the story (`（孔先生报料奖60元）`) closes it; it is not the next item's headline", () => {
    const p = parsePage(
      [
        '江边发现受伤白鹭',
        '快报讯（记者 王明）昨天，市民在江边',
        '公园里发现一只受伤的白鹭，随即报警。',
        '（孔先生报料奖60元）',
        '',
        '快报讯（记者 李华）凌晨，一女子的呼喊',
        '声打破小区的宁静，两名司机闻声赶来。',
        '（郭女士爆料奖50元）',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['江边发现受伤白鹭', null, '河口村修好了出村路']);
  });

  it('a lead of any paper ending in 报讯 (`快报讯`, `生活报讯`) opens an item, however the paper is called', () => {
    const p = parsePage(
      [
        '江城快报  2024年5月9日  星期四',
        '',
        '快报讯（记者 王明）昨天，市民在江边',
        '公园里发现一只受伤的白鹭，随即报警。',
        '',
        '□快报讯（记者 李华）凌晨，一女子的呼喊',
        '声打破小区的宁静，两名司机闻声赶来。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.dateline, squash(c.byline)])).toEqual([
      ['快报讯', '记者王明'],
      ['快报讯', '记者李华'],
      ['本报讯', ''],
    ]);
  });

  it('a credit set off by spaces after the caption, cut by the column, closes the photo', () => {
    const p = parsePage(
      [
        '白云镇大葱喜获丰收',
        '近日，白云镇的万亩大葱进入收获期，',
        '葱农们忙着采收装车，一派丰收景象。',
        '图为葱农与客商品评大葱品质。  本报通讯员',
        '周明远 韩晓丽 摄影报道',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['白云镇大葱喜获丰收', '河口村修好了出村路']);
    expect(squash(p.clippings[0]?.byline)).toBe('本报通讯员周明远韩晓丽摄影报道');
    expect(p.clippings[0]?.body).not.toContain('周明远');
  });

  it('a wire photo credit (`新华社发`) after the caption ends it; the headline under it is its title', () => {
    const p = parsePage(
      [
        '十二日，小将在短道速滑男子一千米决赛中',
        '以一分二十秒的成绩夺得冠军。  新华社发',
        '',
        '短道速滑小将夺冠',
        '',
        '',
        '城南公园新添健身步道',
        '本报讯 城南公园新修的健身步道日前开放，',
        '全长两千米，市民锻炼更加方便。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['短道速滑小将夺冠', '城南公园新添健身步道']);
    expect(p.clippings[0]?.byline).toBe('新华社发');
  });

  it('a byline over two lines, each with its role, is one byline', () => {
    const p = parsePage(
      [
        '东关街道开展消防演练',
        '■ 本报记者 赵长远',
        '本报通讯员 钱小雨',
        '本报讯 日前，东关街道组织辖区商户开展消防',
        '演练，提升群众应急处置能力。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.byline)).toBe('本报记者赵长远本报通讯员钱小雨');
  });

  it('a credit right under a finished caption, with blank lines after it, closes that caption', () => {
    const p = parsePage(
      [
        '金秋时节，西湖村的苹果迎来丰收，果农',
        '忙着采摘，脸上洋溢着喜悦的笑容。',
        '■ 周晓梅',
        '',
        '',
        '晚上，城北广场上的舞龙表演吸引了众多',
        '市民驻足观看，现场气氛热烈。',
        '■ 本报记者 孙立群',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => squash(c.byline))).toEqual(['周晓梅', '本报记者孙立群']);
  });
});

describe('local papers: headlines', () => {
  it('a source line (`据央视`) closes the item; the headline under it is its title', () => {
    const p = parsePage(
      [
        '县城二十个小区完成了老旧管网改造，',
        '居民用水更加稳定，水压明显提高。',
        '            据央视',
        '老旧管网改造惠及两万居民',
        '',
        '',
        '  春日里，湖畔的柳树抽出新芽，游人',
        '纷纷来到湖边踏青赏景，感受春天气息。',
        '  本报记者 马文涛 摄',
      ].join('\n'),
    );
    expect(p.clippings[0]?.title).toBe('老旧管网改造惠及两万居民');
    // the source line is the item's trailing note: it ends the body, never the headline
    expect(squash(p.clippings[0]?.body).endsWith('据央视')).toBe(true);
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[1]?.title).toBeNull();
  });

  it('a headline of two short lines above its body', () => {
    const p = parsePage(
      [
        '春耕备耕正当时',
        '',
        '',
        '清理沟渠杂物',
        '保障春灌用水',
        '为了保障春灌用水，河东乡组织人员',
        '清理沟渠杂物，疏通灌溉渠道十余条。',
      ].join('\n'),
    );
    const last = p.clippings[p.clippings.length - 1];
    expect(squash(last?.title)).toBe('清理沟渠杂物保障春灌用水');
  });

  it('after a blank line, a short line with a comma above a fuller one is a headline', () => {
    const p = parsePage(
      [
        '全县新建改建农村公路一百二十公里。',
        '',
        '',
        '小院“菜园子”，家家的菜篮子',
        '3月2日，一辆辆满载新鲜蔬菜的货车从批发',
        '市场出发，当天就能送到周边县市的超市。',
      ].join('\n'),
    );
    const last = p.clippings[p.clippings.length - 1];
    expect(last?.title).toBe('小院“菜园子”，家家的菜篮子');
    expect(last?.body.startsWith('3月2日')).toBe(true);
  });

  it('a `——` subtitle under a headline is the subtitle, and the headline opens a new article', () => {
    const p = parsePage(
      [
        '全县秋粮收获进度过半',
        '本报讯 截至10月20日，全县秋粮已收获过半，',
        '秋种工作同步推进。',
        '',
        '',
        '小镇有了新图书馆',
        '——城关镇综合文化站建成开放',
        '本报讯 10月18日，城关镇综合文化站建成',
        '开放，藏书两万余册，免费向群众开放。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.subtitle])).toEqual([
      ['全县秋粮收获进度过半', null],
      ['小镇有了新图书馆', '——城关镇综合文化站建成开放'],
    ]);
  });

  it('two headlines between two bodies: the wider gap divides them', () => {
    const p = parsePage(
      [
        '本报讯 日前，石门乡新修的生产道路全部完工，',
        '彻底解决了近万亩耕地的生产道路难题。',
        '',
        '“致富路”修到田间地头',
        '',
        '',
        '小院“菜园子”，家家的菜篮子',
        '3月2日，一辆辆满载新鲜蔬菜的货车从批发',
        '市场出发，当天就能送到周边县市的超市。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['“致富路”修到田间地头', '小院“菜园子”，家家的菜篮子']);
  });

  it('on a page that indents its paragraphs, an indented line before a column break is body text', () => {
    const p = parsePage(
      [
        '社区网格员：',
        '小小网格里的大管家',
        '本报记者 刘长青 通讯员 王丽',
        '　　在城西街道青石社区，网格员王',
        '',
        '芳每天穿梭于大街小巷，哪里有需要，哪里就',
        '有她忙碌的身影。',
        '　　她负责的网格多是老旧小区，基础设施问题',
        '不断，她总是第一时间赶到现场。',
        '　　居民们都说，有事找网格员，心里踏实。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.title)).toMatch(/小小网格里的大管家$/);
    expect(squash(p.clippings[0]?.body)).toContain('网格员王芳每天');
  });

  it('a photo number after the caption is set aside; the headline under it closes the item', () => {
    const p = parsePage(
      [
        '表彰会上，驻村工作队与村民畅所欲言，',
        '为乡村建设献言献策。  ②22',
        '开在村委会里的表彰会',
        '',
        '',
        '城北路面塌陷多日，热心市民插上树枝',
        '提醒过往行人注意。',
        '晚报记者 李国强 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual(['开在村委会里的表彰会', null]);
    expect(p.unassigned).toContain('②22');
  });
});

describe('local papers: more credits and headline blocks', () => {
  it('a credit line whose names run on to the next line is one byline', () => {
    const p = parsePage(
      [
        '　　活动由市文明办主办，城东街道承办，',
        '志愿者为环卫工人送上热腾腾的饺子。',
        '□融媒体记者 周明 李红梅 王强 赵刚',
        ' 孙悦 实习生 钱多多 文/图',
        '转2版',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.continuesTo?.page).toBe('2');
    expect(squash(p.clippings[0]?.byline)).toBe('融媒体记者周明李红梅王强赵刚孙悦实习生钱多多文/图');
  });

  it('a photo credit run on after the caption and cut inside the newsroom name closes the caption', () => {
    const p = parsePage(
      [
        '改造后的青石社区内，居民们正在长廊里休',
        '闲观景、运动健身。长',
        '沙晚报记者 李飞 摄',
        '',
        '',
        '城南新建三座口袋公园',
        '本报讯 城南片区新建的三座口袋公园日前',
        '开放，市民家门口多了休闲好去处。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, squash(c.byline)])).toEqual([
      ['photo', '长沙晚报记者李飞摄'],
      ['article', ''],
    ]);
  });

  it('a photo credit in brackets closes a caption that has no full stop', () => {
    const p = parsePage(
      [
        '文化会客厅免费为市民游客提供南音、',
        '木偶戏等表演 （融媒体记者陈晓',
        '东 摄）',
        '',
        '品味千年古韵',
        '畅享美好生活',
        '半城烟火半城仙，千古风华千古情。古城的夜',
        '晚，灯火璀璨，游人如织。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, squash(c.byline)])).toEqual([
      ['photo', null, '融媒体记者陈晓东摄'],
      ['article', '品味千年古韵畅享美好生活', ''],
    ]);
  });

  it('the lines above a lead are its headline, a deck wrapped at a comma included', () => {
    const p = parsePage(
      [
        '城晚报　2017年9月8日　星期五',
        '',
        '“睦邻长廊”里，居民笑敞心门',
        '青石社区提质提档大变样，',
        '居民自治构筑“邻里圈”',
        '城晚报讯（记者 王小红）阳光从高楼间穿过，',
        '照在社区的露天舞台上，居民们唱起了快板。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.body)).toMatch(/^城晚报讯/);
    expect(squash([p.clippings[0]?.kicker, p.clippings[0]?.title, p.clippings[0]?.subtitle].join(''))).toBe(
      '“睦邻长廊”里，居民笑敞心门青石社区提质提档大变样，居民自治构筑“邻里圈”',
    );
  });

  it('after two blank lines, a headline wrapped at a comma above its body', () => {
    const p = parsePage(
      [
        '城区多条道路完成提质改造。',
        '',
        '',
        '雨水继续“霸屏”，全市还将迎来降温，',
        '最低降至14℃左右',
        '秋雨绵绵，不能出去运动、不能出去游玩，近几日',
        '的秋雨将市民“困”在了室内。',
      ].join('\n'),
    );
    const last = p.clippings[p.clippings.length - 1];
    expect(squash([last?.kicker, last?.title].join(''))).toBe(
      '雨水继续“霸屏”，全市还将迎来降温，最低降至14℃左右',
    );
    expect(squash(last?.body)).toMatch(/^秋雨绵绵/);
  });

  it('a short line above a headline alone is its kicker, not an author', () => {
    const p = parsePage(
      [
        '本报讯 昨日是小长假第一天，全省纳入统计监测的',
        '旅游区共接待游客九十余万人次。',
        '',
        '景区热',
        '小长假首日 迎客九十余万',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.byline).toBeNull();
    expect(squash([p.clippings[0]?.kicker, p.clippings[0]?.title].join(''))).toBe(
      '景区热小长假首日迎客九十余万',
    );
  });
});

describe('local papers: names and column kickers', () => {
  it('a lead whose bracket holds names alone names the reporters', () => {
    const p = parsePage(
      '玉米收购价格稳中有升\n本报讯（边远）11月17日，县里的玉米收购点前排起了\n长队，收购价格稳中有升。\n',
    );
    expect(p.clippings[0]?.byline).toBe('边远');
    expect(p.clippings[0]?.dateline).toBe('本报讯');
  });

  it('an essay author after a bullet, a given name holding 向 included', () => {
    const p = parsePage(
      [
        '春到小城正当时',
        '◎吕向阳',
        '时光飞逝。那年春天，我第一次走进报社的大门，',
        '转眼已经三十多年了。',
      ].join('\n'),
    );
    expect(p.clippings[0]?.title).toBe('春到小城正当时');
    expect(p.clippings[0]?.byline).toBe('吕向阳');
  });

  it('a column kicker in 【】 and a headline wrapped at a comma open the next article', () => {
    const p = parsePage(
      [
        '本报讯（记者 霍光）日前，有市民反映，幸福路几个',
        '垃圾桶影响周边环境卫生，城管部门已经受理。',
        '幸福路垃圾桶影响环境',
        '',
        '【“志愿蓝”在行动】',
        '南山雪场里，有一群',
        '默默服务滑雪爱好者的志愿者',
        ...RINK_TEXT,
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[0]?.title).toBe('幸福路垃圾桶影响环境');
    expect(squash([p.clippings[1]?.kicker, p.clippings[1]?.title].join(''))).toBe(
      '【“志愿蓝”在行动】南山雪场里，有一群默默服务滑雪爱好者的志愿者',
    );
  });
});

describe('local papers: newsrooms', () => {
  it('a credit naming a paper and its app before the role is a byline', () => {
    const p = parsePage(
      [
        '3月21日，市工人文化宫项目施工现场，工人正在加紧',
        '作业。该项目是市重点民生工程。',
        '湖南日报·新湖南客户端记者 童小明 报道',
      ].join('\n'),
    );
    expect(p.clippings[0]?.byline).toBe('湖南日报·新湖南客户端记者 童小明 报道');
  });
});

describe('local papers: a headline wrapped mid-phrase', () => {
  it('under a kicker, a headline line ending on 为 goes on in the next headline line', () => {
    const p = parsePage(
      [
        '全市新增三处便民服务点。',
        '',
        '【“志愿蓝”在行动】',
        '南山雪场，有群默默为',
        '滑雪爱好者服务的志愿者',
        ...RINK_TEXT,
      ].join('\n'),
    );
    const last = p.clippings[p.clippings.length - 1];
    expect(squash([last?.kicker, last?.title].join(''))).toBe(
      '【“志愿蓝”在行动】南山雪场，有群默默为滑雪爱好者服务的志愿者',
    );
  });
});

describe('local papers: headline blocks above an opening credit', () => {
  it('the lines above a credit on its own line, text right under it, are the headline', () => {
    const p = parsePage(
      [
        '晚报　A1　2010年9月17日　星期五',
        '',
        '粗心女士挎包被偷之后……',
        '行人见义勇为，俩贼弃包而逃，包内现金一分没丢',
        '□本报记者 孙明亮',
        '通讯员 翟小阳 李辉',
        '昨日上午，一名女士在公交站台等车时，挎包被两名',
        '小偷盯上，路过的行人见状大声呼喊。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    const c = p.clippings[0];
    expect(squash([c?.kicker, c?.title, c?.subtitle].join(''))).toBe(
      '粗心女士挎包被偷之后……行人见义勇为，俩贼弃包而逃，包内现金一分没丢',
    );
    expect(squash(c?.byline)).toBe('本报记者孙明亮通讯员翟小阳李辉');
  });
});

describe('local papers: credits of reporting teams and newsrooms', () => {
  it('a bracketed lead credit naming a 县委报道组 or a newsroom between reporters is the byline', () => {
    const p = parsePage(
      [
        '青石镇荷田灾后复产',
        '　　本报青石8月21日电（县委报道组 李',
        '明远 王小雨 记者 陈立新）今天上午，洪水退去',
        '后的青石镇荷田一片狼藉，干部群众紧急生产自救。',
        '',
        '',
        '北部产业园项目开工',
        '　　本报讯（记者 周海涛 东江融媒体中心 吴文博）',
        '日前，记者走进北部产业园项目一期施工现场，工人们',
        '正在各自岗位上绑扎钢筋、浇筑混凝土。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['青石镇荷田灾后复产', '北部产业园项目开工']);
    expect(squash(p.clippings[0]?.byline)).toBe('县委报道组李明远王小雨记者陈立新');
    expect(squash(p.clippings[1]?.byline)).toBe('记者周海涛东江融媒体中心吴文博');
  });

  it("a second credit line right under a photo's closing credit stays with the photo", () => {
    const p = parsePage(
      [
        '船闸忙',
        '近日，运河船闸采取连续过闸方式，满载物资的船只',
        '依次驶入运河。',
        '本报记者 周明远',
        '通讯员 韩晓丽 摄',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(squash(p.clippings[0]?.byline)).toBe('本报记者周明远通讯员韩晓丽摄');
    expect(p.clippings.every((c) => c.body.trim().length > 0)).toBe(true);
  });
});

describe("local papers: a reporter's credit run on after the last sentence", () => {
  const page = (lines: string[]): string =>
    [
      '山城迎来外地游客',
      '　　朱清河说，这座城市直辖八年，变化叹为观止！',
      ...lines,
      '',
      '',
      '河口村修好了出村路',
      '　　本报讯 河口村新修的出村路日前通车，全长三公里，',
      '村民出行更加方便。',
    ].join('\n');

  it('is the byline, also when the column cuts the name', () => {
    for (const lines of [['我祝福这座城市！”本报记者赵君辉'], ['我祝福这座城市！”本报记者赵', '君辉']]) {
      const p = parsePage(page(lines));
      expect(squash(p.clippings[0]?.byline)).toBe('本报记者赵君辉');
      expect(squash(p.clippings[0]?.body).endsWith('我祝福这座城市！”')).toBe(true);
      // the line cut across body and byline is kept whole among the unassigned texts
      expect(p.unassigned.map(squash)).toContain(squash(lines[0]));
    }
  });

  it('with two newsrooms before the role (沈阳晚报、沈阳网记者 / 李庆海)', () => {
    const p = parsePage(
      ['　　社区近日将对事发地进行简单处理。沈阳晚报、沈阳网记者', '李庆海', ...NEXT_ARTICLE].join('\n'),
    );
    expect(p.clippings[0]?.byline).toBe('沈阳晚报、沈阳网记者 李庆海');
  });

  it('a reader signing with a bullet, the workplace before the name', () => {
    const p = parsePage(
      [
        '　　我会一直看下去，学做事，学做人。',
        '□首发集团八达岭分公司京新收费所　吕文静',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(squash(p.clippings[0]?.byline)).toBe('首发集团八达岭分公司京新收费所吕文静');
  });

  it("with a newsroom before the role and the names alone on the caption's last line", () => {
    const p = parsePage(
      [
        '　　11月2日上午，生态捕捞宣传周在峡山',
        '湖畔开幕。活动将持续至11月10日。图为生态捕',
        '捞现场。 潍坊日报社全媒体记者',
        ' 窦浩智 吴晓强',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]?.byline).toBe('潍坊日报社全媒体记者 窦浩智 吴晓强');
    expect(squash(p.clippings[0]?.body).endsWith('图为生态捕捞现场。')).toBe(true);
  });

  it('a headline of two lines at the top, the second three characters, is no author (芒种将至 / 农事忙)', () => {
    const p = parsePage(
      [
        '芒种将至',
        '农事忙',
        '芒种节气将至，连日来，我市各地小麦迎来丰收，',
        '农民们抢抓晴好天气开展小麦收割工作。',
      ].join('\n'),
    );
    expect(squash([p.clippings[0]?.kicker, p.clippings[0]?.title].join(''))).toBe('芒种将至农事忙');
    expect(p.clippings[0]?.byline ?? null).toBeNull();
  });

  it('is not taken from inside an article, where the sentence goes on', () => {
    const p = parsePage(page(['变化很大。记者李明', '说，这是真的。']));
    expect(p.clippings[0]?.byline ?? null).toBeNull();
    expect(squash(p.clippings[0]?.body)).toContain('记者李明说，这是真的。');
  });
});

describe("local papers: a cartoon's credit", () => {
  it('(`文` for the writer, `画` for the artist) run on after the text closes it; the headline under it is its title', () => {
    const p = parsePage(
      [
        '楼内邻居议论纷纷，小区场地本来就是公共资',
        '源，先到先停，岂容一家独霸。这次如果酿成',
        '大祸，整幢楼的居民都要遭殃了。陆坚敏',
        ' 文 孙绍波 画',
        '',
        '抢车位',
        '',
        '',
        '牡丹盛开艺术宫',
        '长假里，来艺术宫的观众都能看见南广场大台阶上',
        '“盛开”着一朵硕大的红牡丹。',
        '本报记者 王凯 摄影报道',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(squash(p.clippings[0]?.byline)).toBe('陆坚敏文孙绍波画');
    expect(p.clippings[0]?.title).toBe('抢车位');
    expect(p.clippings[1]?.title).toBe('牡丹盛开艺术宫');
  });

  it('is no headline such as 年画, and 绍 is a given name, not prose', () => {
    expect(isBylineText('年画')).toBe(false);
    expect(isBylineText('本报记者 孙绍波')).toBe(true);
  });

  it('a bracket of names printed without a space (（邓亚金马莉）) credits the article above', () => {
    expect(isNamesOnly('邓亚金马莉')).toBe(true);
    expect(isNamesOnly('经济发展大会')).toBe(false);
    const p = parsePage(
      [
        '　　该基地种植山楂1000亩，是全市山楂种植面积',
        '最大的基地，每人每天平均工资120元左右。',
        '（邓亚金马莉）',
        '',
        '山楂红了村民笑了',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(squash(p.clippings[0]?.byline)).toBe('邓亚金马莉');
    expect(p.clippings[0]?.kicker ?? null).toBeNull();
  });

  it("a wire photo's credit alone on its line (新华社发) and a column's host (栏目主持 洪虹) are credits", () => {
    expect(isBylineText('新华社发')).toBe(true);
    expect(isBylineText('新华社记者 王鹏 发')).toBe(true);
    expect(isBylineText('栏目主持　洪虹')).toBe(true);
    const p = parsePage(
      [
        '2月8日，在项目工地的职工书屋，33岁的水电工',
        '隋振在读书。今年他将留在工地过年。',
        '新华社发',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({ kind: 'photo', title: null, byline: '新华社发' });
    expect(p.clippings[1]?.title).toBe('河口村修好了出村路');
  });
});

describe("local papers: a photo's caption set apart", () => {
  it("of two lines, after the last sentence of the page's last article, is a photo of its own", () => {
    const p = parsePage(
      [
        '□本报记者 殷 英',
        '10月的信阳秋高气爽，果实飘香。24日，在雄伟壮丽的鸡公',
        '山上，出现了一群两鬓发白却精神矍铄的老同志。',
        '',
        '图为省五建承建的信阳市百花',
        '之声工程。',
        '本报记者 肖 胜 摄',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[1]).toMatchObject({ kind: 'photo' });
    expect(squash(p.clippings[1]?.body)).toBe('图为省五建承建的信阳市百花之声工程。');
    expect(squash(p.clippings[0]?.byline)).toBe('本报记者殷英');
  });

  it('with its bracketed credit, between two articles, is a photo of its own, not a title', () => {
    const p = parsePage(
      [
        '长出田园的诗行',
        '　　说起来，我与晚报有缘。上高中时，我的职业',
        '理想是当记者，与晚报的工作配合就更密切了。',
        '',
        '九十九溪田园风光（邱华复 摄）',
        '',
        '',
        '　　连日来，短视频在网络上热播、热传，为“五一”',
        '假期文旅市场引来了大量的游客。',
        '体验千年文化魅力',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(3);
    expect(p.clippings[1]).toMatchObject({ kind: 'photo', title: null });
    expect(squash(p.clippings[1]?.body)).toBe('九十九溪田园风光');
    expect(squash(p.clippings[1]?.byline)).toBe('邱华复摄');
    expect(squash(p.clippings[0]?.body)).not.toContain('九十九溪');
  });
});

describe('local papers: a photo printed between the headline and the text', () => {
  it('its caption and credit stay inside the article the headline opens, the lead still read', () => {
    const p = parsePage(
      [
        '省报社长来我市考察',
        '图为社长（右一）在一家企业内参观。',
        '本报记者 韩坚 摄',
        '本报讯（记者 徐芳）冒着尚显冰凉的密集春雨，',
        '昨天，报业集团社长一行来我市考察经济社会发展',
        '情况，并对本报今后发展思路进行指导。市委书记、',
        '市委副书记、宣传部长和副市长及本报社主要领导陪同',
        '考察。考察组一行先后来到开发区和三家企业，详细',
        '了解企业生产经营和技术创新情况。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[0]).toMatchObject({
      kind: 'article',
      title: '省报社长来我市考察',
      dateline: '本报讯',
    });
    expect(squash(p.clippings[0]?.byline)).toBe('记者徐芳');
    expect(squash(p.clippings[0]?.body)).toContain('冒着尚显冰凉的密集春雨');
  });
});

describe('local papers: short lines set apart above an indented paragraph', () => {
  it('are a headline on a page that indents its paragraphs (a kicker with quotes, then the title)', () => {
    const p = parsePage(
      [
        '　　昨日下午，玉林东路的居民打进',
        '本报热线反映，游园里的三位科学家',
        '塑像，竟然耸立在一个垃圾场中。',
        '　　记者在现场看到，在塑像周围遍',
        '地是垃圾，距离塑像约5米的地方是',
        '一个垃圾回收站，街面上污水四溢，',
        '恶臭难闻。',
        '',
        '是谁？',
        '让垃圾包围科学家！',
        '',
        '贺“五一”黄金周',
        '成都第二大广场正式亮相',
        '　　今日，成都市的建设者们向全市',
        '人民献上几个月来辛勤建设的成果：',
        '成都市第二大广场正式开放，洞子口',
        '亲水生态广场也同时开放；拓宽改造',
        '后的大业路今起通车。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    const c = p.clippings[1];
    expect(squash([c?.kicker, c?.title].join(''))).toBe('贺“五一”黄金周成都第二大广场正式亮相');
    expect(squash(c?.body).startsWith('今日，成都市')).toBe(true);
  });
});

describe('local papers: a headline asking a question', () => {
  it('set apart, not indented, above an indented paragraph on a page that indents its paragraphs', () => {
    const p = parsePage(
      [
        '向工社区：居住区？商业区？',
        '　　好端端的绿地被改成蹦床乐园，新栽的',
        '小树林里支起铁皮亭子，怎一“乱”字了得！',
        '　　一位老人告诉记者，干洗店前身是一个',
        '家庭幼儿园，后来改成了干洗店。',
        '',
        '公园设施遭破坏　我招惹谁了？',
        '　　今年铁西区对劳动公园投入巨资进行了',
        '重新修建，吸引了众多市民到这里休闲娱乐。',
        '　　然而，公园内的一些公共设施被肆意破坏，',
        '很多已无法使用。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['向工社区：居住区？商业区？', '公园设施遭破坏　我招惹谁了？']);
  });
});

describe("local papers: a headline and its author's name right after the last sentence of the text above", () => {
  it('open the next article (no blank line between), the name being the byline', () => {
    const p = parsePage(
      [
        '（上接1版）为有效打击街面犯罪，春节期间，市公',
        '安局屯警街面，加大了城区街面道路的巡逻力度。节',
        '日期间，全市各类案件较往年有了大幅下降。',
        '五夫游子叙乡情',
        '杜其昌',
        '说起五夫，人们也许还不大熟悉，因为这里是',
        '上虞东陲的一个小地方，并不十分显眼。然而，自',
        '古以来，这里却是镇的建制，人文并茂，名贤辈出。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[1]).toMatchObject({ title: '五夫游子叙乡情', byline: '杜其昌' });
    expect(squash(p.clippings[0]?.body).endsWith('大幅下降。')).toBe(true);
  });
});

describe('local papers: a column of briefs (■区域快讯)', () => {
  it('each brief under a place-labelled headline, the last with its headline under its text', () => {
    const p = parsePage(
      [
        '■区域快讯',
        '江溪：老小区人防工程 标识牌换新颜',
        '日前，江溪街道朗诗天萃苑的居',
        '民发现单元楼门口多了一块标牌，',
        '上面清楚地标明了疏散路线。',
        '',
        '硕放：《老娘舅做寿》',
        '获市“群芳奖”银奖',
        '近日，硕放街道精心编排的无锡',
        '评曲《老娘舅做寿》获得无锡市',
        '“群芳奖”银奖。',
        '',
        '将环保理念化作实际行动。6月',
        '6日，梅村街道社区治理项目在',
        '香梅一社区开展，引导社区居民用实',
        '际行动保护环境。',
        '',
        '梅村：引导居民',
        '将环保理念化作行动',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['brief', 'brief', 'brief']);
    expect(p.clippings.map((c) => squash([c.kicker, c.title].join('')))).toEqual([
      '江溪：老小区人防工程标识牌换新颜',
      '硕放：《老娘舅做寿》获市“群芳奖”银奖',
      '梅村：引导居民将环保理念化作行动',
    ]);
    expect(p.clippings.every((c) => c.byline === null)).toBe(true);
  });
});

describe("local papers: the author's name between headline and lead", () => {
  it("credited again in the lead's bracket is no headline line", () => {
    const p = parsePage(
      [
        '淇河禁泳牌下泳者众',
        '莫拿生命当儿戏',
        '肖广军',
        '本报讯（记者 肖广军）6月12日，记者在淇河新区段发现，',
        '多处“禁止游泳”的警示牌下仍有多人在此游泳。',
      ].join('\n'),
    );
    expect(squash([p.clippings[0]?.kicker, p.clippings[0]?.title].join(''))).toBe(
      '淇河禁泳牌下泳者众莫拿生命当儿戏',
    );
    expect(squash(p.clippings[0]?.byline)).toContain('肖广军');
  });

  it('a column named 短信直通车 after a bullet is a briefs banner, not a title', () => {
    expect(bannerKind('■短信直通车')).toBe('brief');
  });
});

describe('local papers: a staff credit', () => {
  it('(本版制图 李梦源) is page furniture: the article above ends at its last sentence', () => {
    const p = parsePage(
      [
        '《政府工作报告》图解',
        '2019年是新中国成立70周年，是全面建成小康社会的',
        '关键之年。我们必须全心全意、尽心尽力抓好贯彻落实。',
        '本版制图 李梦源',
        '',
        '',
        '12月7日，市政工人正在清理城市污水管网中的垃圾，',
        '以疏通城市“血管”。',
        '本报记者 乔利峰 摄',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[1]).toMatchObject({ kind: 'photo', title: null });
    expect(p.unassigned).toContain('本版制图 李梦源');
  });

  it('under a finished article, a blank line after it, ends the article: the caption after is a photo', () => {
    const p = parsePage(
      [
        '龙舟文化代代相传',
        '在荔湾泮塘，村民乐此不疲地与大家分享龙舟文化；',
        '在海珠龙潭，扒仔回忆起儿时被抱上龙舟的往事。',
        '系列报道策划：秦晖、肖桂来 本篇统筹：夏强',
        '',
        '猎德龙舟文化尽显魅力。',
        '本报记者莫伟浓摄',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(squash(p.clippings[0]?.body)).not.toContain('猎德');
    expect(p.clippings[1]?.kind).toBe('photo');
    expect(squash(p.clippings[1]?.body)).toBe('猎德龙舟文化尽显魅力。');
  });
});

describe('local papers: a short last line', () => {
  it("finishes the sentence of the line above it, not the next article's headline", () => {
    const p = parsePage(
      [
        '　　今年以来，河口村新修出村路三公里，',
        '村民出行更加方便。',
        '',
        '',
        '　　昨日，老职工参观人民大',
        '礼堂',
        '记者 周明远 摄',
        '',
        '老职工珍藏特刊',
        '带回香港给家人看',
        '　　本报讯（记者李双全）昨日，20名老职工在',
        '城里短暂游览一天后，纷纷感叹变化太大了。',
      ].join('\n'),
    );
    const photo = p.clippings.find((c) => c.kind === 'photo');
    expect(squash(photo?.body)).toBe('昨日，老职工参观人民大礼堂');
    const last = p.clippings[p.clippings.length - 1];
    expect(squash([last?.kicker, last?.title].join(''))).toBe('老职工珍藏特刊带回香港给家人看');
  });
});

describe('local papers: a headline with a deck of clauses under its body', () => {
  it('closes the article above when a blank line follows it', () => {
    const p = parsePage(
      [
        '　　市里还将支持改善性住房需求，力争实现房屋交易',
        '总面积不低于两千万平方米。',
        '全市着力推进3条',
        '过江通道建设',
        '今年，南湖路隧道完成建设，东联路大桥竣工，',
        '北洲大桥通车',
        '',
        '',
        '代表们认真听取大会报告，结合政府工作报告反复讨论',
        '修改建议。 晚报记者 张小目 摄',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    const c = p.clippings[0];
    expect(squash([c?.kicker, c?.title, c?.subtitle].join(''))).toBe(
      '全市着力推进3条过江通道建设今年，南湖路隧道完成建设，东联路大桥竣工，北洲大桥通车',
    );
    expect(p.clippings[1]?.kind).toBe('photo');
  });
});

describe('local papers: credits and leads of city papers (set I)', () => {
  it('a byline cut by a column break inside its last name (`文/李明 王` / `` / `晓晓`) is one byline', () => {
    const p = parsePage(
      [
        '文/李明 王',
        '',
        '晓晓',
        '　　金秋时节，东坡村的果园里果实累累，',
        '村民们忙着采摘装箱，发往各地。',
        '',
        '东坡村果园迎来丰收',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['东坡村果园迎来丰收', '河口村修好了出村路']);
    expect(squash(p.clippings[0]?.byline)).toBe('文/李明王晓晓');
  });

  it('a credit whose names run onto the next line (`□ 文/图 记者 张三 李四` / `王五 赵六`) keeps them all', () => {
    const p = parsePage(
      [
        '秋色满城',
        '□ 文/图 记者 张三 李四',
        '王五 赵六',
        '　　时值深秋，城区的公园里层林尽染，',
        '吸引市民前来赏景拍照。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(squash(p.clippings[0]?.byline)).toBe('文/图记者张三李四王五赵六');
    expect(p.clippings[0]?.body.startsWith('时值深秋')).toBe(true);
  });

  it("a paper's own reporters (`某某都市报记者…`) and a photo credit with 和 in a name (`邓和平`) are credits, not headlines", () => {
    expect(isBylineText('江城都市报记者张明李华')).toBe(true);
    expect(isBylineText('特约通讯员 邓和平摄')).toBe(true);
    expect(isBylineText('特约通讯员 饶方其摄')).toBe(true);
    // prose with 和 stays prose
    expect(isBylineText('记者和市民说')).toBe(false);
    const p = parsePage(
      [
        '▼10月31日，在东坡村，农民驾驶收割机',
        '在高标准农田里抢收晚稻。',
        '特约通讯员 邓和平摄',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual([null, '河口村修好了出村路']);
    expect(p.clippings[0]?.byline).toBe('特约通讯员 邓和平摄');
  });

  it("a lead naming the paper's news app (`…都市报极目新闻讯`) whose reporters run over three lines", () => {
    const p = parsePage(
      [
        '学校周边除雪保开学',
        '江城都市报极目新闻讯（记者张明 ',
        '通讯员李华 王强 赵刚 刘伟',
        ' 陈东）2月24日，多个部门在校园内外',
        '全力除雪融冰，确保学生平安返校。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    const [c] = p.clippings;
    expect(c?.title).toBe('学校周边除雪保开学');
    expect(c?.dateline).toBe('江城都市报极目新闻讯');
    expect(squash(c?.byline)).toBe('记者张明通讯员李华王强赵刚刘伟陈东');
    expect(c?.body).toContain('2月24日，多个部门');
  });

  it("a section name right under the page's running header (`3　视觉`) is page furniture, not the first headline", () => {
    const p = parsePage(
      [
        '江城日报　2022年11月4日　星期五',
        '3　视觉',
        '',
        '',
        '▲11月1日，东坡村的果园里果实累累，',
        '村民们忙着采摘装箱。',
        '通讯员 张明摄',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual([null, '河口村修好了出村路']);
    expect(p.unassigned).toContain('3　视觉');
  });
});

describe('local papers: a headline after its body, a notice after it', () => {
  it("the headline closes the article above; the notice's own headline opens the notice", () => {
    const p = parsePage(
      [
        '　　本报讯（通讯员 张明）前不久，回乡探亲的',
        '村民告诉笔者：“村里的路干净了，',
        '房前屋后也整洁亮堂。”',
        '',
        '村庄变了样　住得更舒心',
        '',
        '',
        '江城日报社严正声明',
        '　　长期以来，部分自媒体未经本报社授权，',
        '擅自转载本报记者采写的新闻稿件。现声明',
        '如下：凡本报记者署名的作品，版权均属本报社。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['村庄变了样　住得更舒心', '江城日报社严正声明']);
    expect(p.clippings[1]?.kind).toBe('notice');
  });
});

describe('local papers: mastheads, leads and headlines of city papers (set I)', () => {
  it("the paper's name with its Latin name beside it is the masthead, not a credit", () => {
    const p = parsePage(
      ['江城晚报　JIANGCHENG EVENING NEWS', '2025年6月11日　星期三　要闻　01', '', ...NEXT_ARTICLE].join(
        '\n',
      ),
    );
    expect(p.clippings.map((c) => c.byline)).toEqual([null]);
    expect(p.unassigned).toContain('江城晚报　JIANGCHENG EVENING NEWS');
  });

  it("a lead of the paper's name and its reporters in brackets, without 讯 (`江城晚报（记者张明）今起…`)", () => {
    const p = parsePage(
      [
        '热线换号啦',
        '　　江城晚报（记者张明）今起，城市管理',
        '问题投诉热线更换为12319。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({ title: '热线换号啦', dateline: '江城晚报', byline: '记者张明' });
  });

  it('a headline listing with 、 right above an indented paragraph is a headline', () => {
    const p = parsePage(
      [
        '　　东坡村的果园里果实累累，村民们忙着采摘',
        '装箱，发往各地。',
        '',
        '社区行走进兴业社区',
        '“赏、享、购”让市民收获满满',
        '　　5月24日晚，广场上人头攒动，社区活动火',
        '热开展，千余居民共同参与。',
        '　　本次活动由社区主办，商业街承办。',
      ].join('\n'),
    );
    expect(squash(p.clippings[1]?.title)).toBe('社区行走进兴业社区“赏、享、购”让市民收获满满');
  });
});

describe('local papers: reporters in brackets opening the text, no dateline (set I)', () => {
  it('credit the item and, after a finished item, start a new one', () => {
    const p = parsePage(
      [
        '　　“东门路路面坑洼，下雨天积水严重，希望有关',
        '部门能整平路面。”今天上午，读者拨打热线反映。',
        '　　随后，记者拨打市长专线反映此事。',
        '',
        '　　（张明）地铁4号线A出口外，非机动车道上',
        '粪水横流，路人只好踩着绿地绕行。',
        '　　记者核实发现，现场粪水依旧，相关部门表示将',
        '马上处理。',
        '',
        '地铁口污水横流',
        '乘客绕道踩秃绿地',
        '',
        '',
        '临江大道一带公交线临时调整',
        '（记者 刘明 通讯员 王强）国际横渡长江活动',
        '7月16日举行，部分公交路线临时调整。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(3);
    expect(p.clippings.map((c) => c.byline)).toEqual([null, '张明', '记者 刘明 通讯员 王强']);
    expect(squash(p.clippings[1]?.title)).toBe('地铁口污水横流乘客绕道踩秃绿地');
    expect(p.clippings[2]?.title).toBe('临江大道一带公交线临时调整');
    expect(p.clippings[2]?.body.startsWith('国际横渡长江活动')).toBe(true);
  });
});

describe('local papers: bullets (set K)', () => {
  it('a credit behind two bullets (`○○全媒体记者　李明`) is a credit', () => {
    expect(isBylineText('○○全媒体记者　李明')).toBe(true);
    const p = parsePage(
      [
        '城管服务进社区',
        '○○全媒体记者　李明',
        '　　晚报讯　今年的3月19日是第14个城市',
        '管理日，执法人员走进社区。',
        ...NEXT_ARTICLE,
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({ title: '城管服务进社区', byline: '全媒体记者　李明' });
  });

  it('a bullet label over a one-line headline is its kicker; over the text, not a headline', () => {
    const p = parsePage(
      [
        '　　志愿者们携带喷壶、铲刀，对背街小巷张贴的',
        '小广告进行清理，累计清除小广告200余处。',
        '',
        '●东坡社区',
        '除“癣”墙面净　志愿护文明',
        '',
        '',
        '■读者热线',
        '江城市东坡区惠民小区居民胡先',
        '生反映，每天上班要走的人行道',
        '坑洼不平，希望有关部门修整。',
      ].join('\n'),
    );
    expect(p.clippings[0]).toMatchObject({ kicker: '●东坡社区', title: '除“癣”墙面净　志愿护文明' });
    expect(p.clippings[1]?.title).toBeNull();
  });
});

describe('local papers: a headline set wider than the text column (set K)', () => {
  it('with a `——` subtitle wrapped mid-phrase, over an indented paragraph, is the headline', () => {
    const p = parsePage(
      [
        '　　小记者代表分享成长的喜悦，数十',
        '名小学生认真聆听。',
        '',
        '',
        '让老旧小区变成宜居小区',
        '——记东坡区“夕阳红”志愿服务队的',
        '“银发”志愿者',
        '　　什么是志愿者？东坡区佳力',
        '小区的志愿服务队用实际行动给',
        '出了答案。',
        '　　他们组织志愿巡逻队，定期在',
        '小区内巡逻。',
      ].join('\n'),
    );
    expect(p.clippings[1]).toMatchObject({
      title: '让老旧小区变成宜居小区',
      subtitle: '——记东坡区“夕阳红”志愿服务队的“银发”志愿者',
    });
    expect(p.clippings[1]?.body.startsWith('什么是志愿者？')).toBe(true);
  });
});

describe('local papers: a photo caption between the headline and the credit (set K)', () => {
  it('belongs to the article the headline opens', () => {
    const p = parsePage(
      [
        '　　志愿者们携带喷壶、铲刀、清洁剂等工具，',
        '对辖区背街小巷、沿街商铺等区域张贴的小广',
        '告进行清理。同时，志愿者还向居民宣传文明',
        '理念，累计清除小广告200余处。',
        '',
        '',
        '各城区开展“3·19”服务活动',
        '与市民共享城市治理成果',
        '执法人员与市民交流。',
        '○○全媒体记者　李明',
        '　　晚报讯　今年的3月19日是第14个城市',
        '管理日。当天，各城区城管执法部门纷纷走进',
        '社区、广场开展服务活动，与市民共享城市治',
        '理成果。',
        '　　在城中区，执法人员将普法“大篷车”开',
        '进广场，向市民讲解城市管理法规。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(squash(p.clippings[1]?.title)).toBe('各城区开展“3·19”服务活动与市民共享城市治理成果');
    expect(p.clippings[1]).toMatchObject({ byline: '全媒体记者　李明', dateline: '晚报讯' });
  });
});

describe('local papers: briefs signed at their end (set L)', () => {
  it('by a name after a slash, or a name alone on the line under the text, a blank line after it', () => {
    const p = parsePage(
      [
        '■消防简讯',
        '',
        '　　近日，东坡区消防救援大队联合街道办',
        '深入辖区开展消防安全检查，提高了管理人',
        '的消防安全意识。　/褚明峰',
        '',
        '　　为深入推进火灾防控工作，12月4日，',
        '河口大队联合应急局对辖区场所开展消防安',
        '全检查，为辖区消防安全奠定基础。/房明',
        '',
        '河口消防联合多部门　开展安全检查',
        '',
        '',
        '　　7月20日，西山消防救援大队监督人员',
        '对重点单位开展消防安全检查，严防隐患问',
        '题留存。',
        '王宏明',
        '',
        '　　春季到来，13路驾驶员把手绘的赏花地图',
        '搬上了公交车，把一份美好传递给乘客。',
        '/梁罡',
        '',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.byline)).toEqual(['褚明峰', '房明', '王宏明', '梁罡']);
    expect(p.clippings[1]?.title).toBe('河口消防联合多部门　开展安全检查');
    expect(p.clippings[0]?.body).not.toContain('褚明峰');
  });
});

describe('local papers: a credit run on after the last sentence, its name cut onto the next line (set L)', () => {
  it('closes the article; the next one starts after the blank lines', () => {
    const p = parsePage(
      [
        '　　根据老人断断续续提供的信息，民警逐栋',
        '询问周围居民，终于找到了老人的儿媳，将老',
        '人送回家中。江城晚报全媒体记者',
        '　李明',
        '',
        '',
        '　　近日，东坡派出所民警正准备入户走访，',
        '刚到小区门口就发现一名老人神情迷茫，立',
        '刻上前询问，帮助老人找到了家人。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[0]?.byline).toBe('江城晚报全媒体记者 李明');
    expect(p.clippings[0]?.body.endsWith('人送回家中。')).toBe(true);
  });
});

describe('local papers: a photo group credited as a whole (set M)', () => {
  it('(`文/图 李明（除署名外）` under its pictures) stays one item, each picture credited with it', () => {
    const p = parsePage(
      [
        '　　今年春节，侨乡年味别样浓，各处张灯结彩，',
        '各大公园花团锦簇，市民游客纷纷出门赏景。',
        '潮头公园游人如织。',
        '许多市民到步行街感受节日的',
        '氛围。　张明　摄',
        '东坡公园，人们用舞蹈庆祝新年',
        '的到来。　王强　摄',
        '新年到来，不少市民在江边散步。',
        '文/图　李明（除署名外）',
        '',
        '侨乡过新年　幸福满心田',
        '',
        '',
        ...NEXT_ARTICLE.slice(2),
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['侨乡过新年　幸福满心田', '河口村修好了出村路']);
    const byline = squash(p.clippings[0]?.byline);
    for (const name of ['张明', '王强', '李明']) expect(byline).toContain(name);
  });
});

describe('local papers: two headlines between two untitled briefs (set R)', () => {
  it('each brief takes one: the one above its headline under it, the one below its headline over it', () => {
    const p = parsePage(
      [
        '河口村修好了出村路',
        '本报讯 河口村新修的出村路日前通车，全长三',
        '公里，村民出行更加方便，运输成本明显降低。',
        '',
        '本报讯 近日，东坝镇组织各部门工作人员和志',
        '愿者开展集体植树活动，共建美丽家园。大家',
        '挖坑、培土、浇水，半天共植树三百多棵。',
        '',
        '守护生态环境',
        '春风又吹新绿',
        '',
        '中秋出游 与文明相伴',
        '',
        '本报讯 中秋假期，西山景区举行赏月活动，',
        '并用宣传栏、广播宣传文明旅游知识，让游客',
        '在游览中做到不乱丢垃圾、不随意攀折花木。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [squash(c.title), squash(c.subtitle)])).toEqual([
      ['河口村修好了出村路', ''],
      ['守护生态环境春风又吹新绿', ''],
      ['中秋出游与文明相伴', ''],
    ]);
  });
});

describe('local papers: a county paper’s page of signed briefs (set S)', () => {
  const page = [
    '第02版：综合新闻',
    '2013年09月01日 星期日',
    '今日东坝',
    '',
    '今年的10月8日是东坝小学的百年华诞',
    '。连日来，东坝小学开展了联系校友等',
    '活动，积极筹办百年校庆。',
    '据东坝小学负责人介绍，现已联系到近',
    '千名校友，征集到了老校歌和老校徽。',
    '徐柏 任仁',
    '',
    '东坝小学紧锣密鼓',
    '筹办百年校庆',
    '',
    '（上接一版）今年秋季学期开学，全市共有4所',
    '农村中小学校的新校舍投入使用，进一步改善',
    '了农村学生的学习环境。',
    '',
    '◆27日上午，市城建局领导班子成员集中察看由该',
    '局承担的重点工程项目建设现场，了解项目建设进',
    '展情况。今年该局共承担19项工程建设任务。 夏慧',
    '',
    '◆27日下午，市姓氏文化研究会在三垛镇文化中心',
    '召开家族文化座谈会，介绍了三垛四大家族的来历',
    '和培养出的杰出人才。 王庆山 姜',
    '长荣',
    '',
    '◆近日从全省社区医生高血压防治知识小品比赛上',
    '传来捷报，我市参赛小品《都是血压惹的祸》荣获',
    '二等奖。 徐凤勇 夏慧',
    '',
    '新闻线索：0514-84683100',
  ].join('\n');

  it('the page header and the paper’s name are furniture; the headline under the signed text is its title', () => {
    const p = parsePage(page);
    expect(p.unassigned).toEqual(expect.arrayContaining(['第02版：综合新闻', '今日东坝']));
    expect(p.clippings[0]).toMatchObject({ title: '东坝小学紧锣密鼓筹办百年校庆', byline: '徐柏 任仁' });
  });

  it('each bulleted paragraph signed at its end is a brief of its own, its credit cut or not', () => {
    const p = parsePage(page);
    expect(p.clippings.map((c) => squash(c.body).slice(0, 6))[1]).toBe('今年秋季学期');
    expect(p.clippings.slice(2, 5).map((c) => [c.title, c.byline, squash(c.body).slice(0, 8)])).toEqual([
      [null, '夏慧', '◆27日上午，市'],
      [null, '王庆山 姜长荣', '◆27日下午，市'],
      [null, '徐凤勇 夏慧', '◆近日从全省社区'],
    ]);
    expect(p.clippings.some((c) => c.title?.includes('0514'))).toBe(false);
  });
});

describe('local papers: a headline set apart by blank lines under a text whose paragraphs run on (set S)', () => {
  const page = [
    '本报讯 徐金星报道  近日，东坝市总工会',
    '为全市困难职工带去了浓浓暖意。',
    '为让每一个职工家庭过好年，市总工会拨',
    '出资金近50万元，对190名困难职工进行逐',
    '个慰问，送上了慰问金。',
    '',
    '东坝工会慰问困难职工',
    '',
    '爱心年货连续送了20年',
    '',
    '市贸易局与市总工会在日前举行的年货展销',
    '会上，向1800名困难职工发放爱心年货。',
  ].join('\n');

  it('closes the text above, whose headline it is; the next headline opens the next item', () => {
    const p = parsePage(page);
    expect(p.clippings.map((c) => [c.title, c.byline, c.dateline])).toEqual([
      ['东坝工会慰问困难职工', '徐金星', '本报讯'],
      ['爱心年货连续送了20年', null, null],
    ]);
  });

  it('a subhead set apart the same way in a text whose paragraphs are all set apart stays a subhead', () => {
    const spaced = [
      '东坝交警护航学生上学路',
      '',
      '本报讯 东坝交警在全县学校周边设置护学岗。',
      '',
      '干部实干，群众认可。交警的工作作风被当地',
      '百姓称赞为“脚步作风”。',
      '',
      '齐抓共管——建立一套好机制',
      '',
      '今年3月，东坝县开始实施校园周边道路交通',
      '整治提升工程。',
    ].join('\n');
    const p = parsePage(spaced);
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.subheads).toEqual(['齐抓共管——建立一套好机制']);
  });
});

describe('local papers: a city paper’s furniture, notices and cut credits (set T)', () => {
  it('the lunar date alone and `第02版:02` are furniture, not the first article’s headline', () => {
    const p = parsePage(
      [
        '东坝日报',
        '2025年1月6日  星期一',
        '甲辰年腊月初七',
        '第02版:02',
        '',
        '旅客出行更方便',
        '',
        '本报讯 改造提升后的东坝火车站昨日通车运营，',
        '候车厅里聚集了许多旅客。',
      ].join('\n'),
    );
    expect(p.unassigned).toEqual(expect.arrayContaining(['甲辰年腊月初七', '第02版:02']));
    // … and so is the page's label with its section named after it (`第1版 一版要闻`)
    const first = parsePage(
      ['东坝日报', '第1版 一版要闻', '', '旅客出行更方便', '', '本报讯 东坝火车站昨日通车运营。'].join('\n'),
    );
    expect(first.clippings.map((c) => [c.kicker, c.title])).toEqual([[null, '旅客出行更方便']]);
    expect(p.clippings.map((c) => c.title)).toEqual(['旅客出行更方便']);
  });

  it('a notice’s keyed line (`邮 寄：…`) ends its text and is no headline; the next headline opens the next article', () => {
    const p = parsePage(
      [
        '本报讯（记者赵明）日前，市大运河办面向社会征集',
        '大运河两岸的老照片。',
        '此次征集内容不限，拍摄角度不限，鼓励提供同',
        '角度的新旧对比。',
        '投稿邮箱：dyh@example.com',
        '邮 寄：东坝市运河区解放西路7号市大运河办收',
        '',
        '一河明月游古城',
        '',
        '京杭大运河东坝段全长216公里，从主城区穿城而过。',
        '她不仅是东坝的母亲河，更是东坝文化的“根”与“魂”。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual([null, '一河明月游古城']);
    expect(squash(p.clippings[1]?.body)).toMatch(/^京杭大运河/);
  });

  it('a credit after the last sentence, its last name cut by a column break, closes the item', () => {
    const p = parsePage(
      [
        '本报讯 1月10日，东坝乡组织志愿者开展爱国卫生',
        '活动，清理卫生死角200余处、坑塘漂浮物4处。 记者 吴',
        '',
        '丹',
        '',
        '卫都路东延道路项目是我市旧城更新改造项目的重要',
        '组成部分，目前正在进行路面施工。',
      ].join('\n'),
    );
    expect(p.clippings[0]?.byline).toBe('记者 吴丹');
    expect(squash(p.clippings[0]?.body)).toMatch(/4处。$/);
    expect(p.clippings).toHaveLength(2);
  });
});

describe('local papers: an article’s last paragraph after two blank lines (set Q)', () => {
  const article = [
    '东坝举办活动纪念世界环境日',
    '',
    '东坝网讯 昨天是世界环境日，我市在南山风景区',
    '北入口举办了“践行绿色生活”的纪念活动。',
    '',
    '昨天上午，300多名志愿者来到南山风景区北入口，',
    '用自己的方式倡导大家爱护环境。',
    '',
    '',
    '启动仪式上，六个公益分队接受了旗帜，“环保号”',
    '公共交通也同时开通，呼吁市民参与环境保护行动。',
  ];

  it('closed by the article’s credit, is the article’s end', () => {
    const p = parsePage([...article, '（李溟 李媛）'].join('\n'));
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]).toMatchObject({ title: '东坝举办活动纪念世界环境日', byline: '李溟 李媛' });
    expect(squash(p.clippings[0]?.body)).toMatch(/环境保护行动。$/);
  });

  it('a photo credited on its own after the gap stays a photo', () => {
    const p = parsePage([...article, '记者 郭书武 摄'].join('\n'));
    expect(p.clippings).toHaveLength(2);
  });
});

describe('local papers: a 副刊 essay (set T)', () => {
  it('authors set apart under the headline, a pen name among them; its last paragraph after two blank lines stays in it', () => {
    const p = parsePage(
      [
        '一河明月游古城',
        '',
        '木月水 胡长江',
        '',
        '京杭大运河东坝段全长216公里，从主城区穿城而',
        '过。她不仅是东坝的母亲河，更是东坝文化的“根”',
        '与“魂”，孕育了一座座历史悠久的名城名镇。',
        '',
        '近两年，东坝大运河可谓是“火出圈”了，夜间美景',
        '频频亮相主流媒体，吸引着越来越多的游客。',
        '',
        '',
        '从园博园北停车场下车，首先进入了园博园。它是在',
        '老厂区和几个村庄的基础上改造建设的，原本鸡犬相',
        '闻的村落，已成为“千里通波、大美运河”的园林大观。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]).toMatchObject({
      title: '一河明月游古城',
      subtitle: null,
      byline: '木月水 胡长江',
    });
    expect(squash(p.clippings[0]?.body)).toMatch(/园林大观。$/);
  });
});

describe('local papers: a page that indents its paragraphs, and a photo page (set V)', () => {
  it('a headline block set apart over an indented paragraph, a blank line between, its kicker ending on a colon', () => {
    const p = parsePage(
      [
        '东坝日报',
        '2026年1月28日  星期三',
        'A01  要闻',
        '有奖新闻热线：88881111',
        '',
        '郭明在东坝代表团开放团组活动上诚邀：',
        '欢迎各地朋友走进东坝感受美丽的山水',
        '',
        '　　1月27日，省人大会议东坝代表团举行会',
        '议，继续审议省政府工作报告，并面向媒体',
        '开放。省人大代表、市委书记郭明回答了提问。',
        '　　新华社记者提问：东坝如何把握新要求新',
        '定位，在融合发展上走在前、作表率？',
        '',
        '省人大代表石兵亮相代表通道：',
        '推动民营企业参与重大科技攻关',
        '',
        '　　立足深厚的制造业基础，东坝加快建设现',
        '代化产业体系，不断强化企业科技创新主体地',
        '位。一批市场主体已成为新质生产力的引擎。',
        '》》》下转02版',
        '',
        '有奖新闻热线：88881111',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [squash(c.title), c.continuesTo?.page ?? null])).toEqual([
      ['郭明在东坝代表团开放团组活动上诚邀：欢迎各地朋友走进东坝感受美丽的山水', null],
      ['省人大代表石兵亮相代表通道：推动民营企业参与重大科技攻关', '2'],
    ]);
    expect(p.clippings.every((c) => c.kicker === null)).toBe(true);
    expect(p.unassigned).toContain('有奖新闻热线：88881111');
  });

  it('a caption set apart under an article’s credit stays in the article; a picture’s long text after it is a photo', () => {
    const p = parsePage(
      [
        '“太美了，东坝真是个好地方”',
        '——国际友人采风活动侧记',
        '',
        '本报记者 刘晓峰',
        '',
        '国际友人在东坝农民画馆参观农民画作者现场',
        '作画。 本报记者 夏景明 摄',
        '',
        '“太美了，东坝真是个好地方！”这是采风活动成员、肯',
        '尼亚友人伊莎贝拉参观家庭农场时发出的感叹。副市长',
        '侯永峰陪同参观。',
        '',
        '声声花儿情，传递着新生活的祥和；阵阵锣鼓声，奏响',
        '着群众文化的赞歌。近日，东坝区首届群众文化艺术节',
        '在人民广场举行。舞蹈、情景歌等13个反映群众文化生',
        '活的文艺节目，为东坝人民奉献了一场精彩纷呈的消夏',
        '文化盛宴。',
        '本报记者 刘鹰 魏利军 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['article', '“太美了，东坝真是个好地方”', '本报记者 刘晓峰'],
      ['photo', null, '本报记者 刘鹰 魏利军 摄'],
    ]);
    expect(squash(p.clippings[0]?.body)).toMatch(/侯永峰陪同参观。$/);
  });
});

describe('local papers: a publisher’s masthead line and a news site’s dated lead (set U)', () => {
  it('a photo’s source set off after its caption and cut onto the next line closes the photo; the headline under it opens the next article', () => {
    const p = parsePage(
      [
        '履职在一线 协商在田间',
        '本报讯 东坝县政协开展“双百行动”，助推乡村发展。',
        '如今，东坝肉兔年出栏量突破500万只。',
        '',
        '东坝县政协组织委员视察种兔养殖车间  东坝',
        '县政协供图',
        '',
        '打通“大动脉” 畅通微循环',
        '——西坝县政协专题协商交通规划建设',
        '',
        '本报讯 “我县交通规划建设工作虽然取得了成效，但',
        '还存在不少短板。”委员们说。',
        '',
        '党报热线：0731-58266666',
        '广告热线：0731-58221120',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['article', '履职在一线 协商在田间', null],
      ['photo', null, '东坝县政协供图'],
      ['article', '打通“大动脉” 畅通微循环', null],
    ]);
    expect(p.unassigned).toEqual(
      expect.arrayContaining(['党报热线：0731-58266666', '广告热线：0731-58221120']),
    );
  });

  it('`…报刊社 …集团 出版` is furniture; `东坝在线1月3日讯（东坝日报记者 张…）` a lead with its reporters', () => {
    const p = parsePage(
      [
        '东坝日报',
        '东坝日报报刊社 东坝日报当代融媒体集团 出版',
        '2022年7月28日 星期四',
        '',
        '东坝在线1月3日讯（东坝日报记者 张',
        '建明 曾明辉）作为精美东坝项目中最具历史',
        '人文特色的项目，窑湾历史文化街区建设备受',
        '关注。工人们仍在热火朝天地施工。',
      ].join('\n'),
    );
    expect(p.unassigned).toContain('东坝日报报刊社 东坝日报当代融媒体集团 出版');
    // … and a paper of any kind named beside the date (`东坝政协报 2025年1月21日`)
    const q = parsePage(
      ['02', '综合', '东坝政协报 2025年1月21日', '', '(上接1版)程丽华、李静在主席台就座。'].join('\n'),
    );
    expect(q.clippings.map((c) => c.title)).toEqual([null]);
    expect(p.clippings.map((c) => [c.title, c.dateline, c.byline])).toEqual([
      [null, '东坝在线1月3日讯', '东坝日报记者 张建明 曾明辉'],
    ]);
  });
});

describe('local papers: a photo page whose credits are cut inside a name (set P)', () => {
  it('`…振兴。 记者 李` / `若生 摄` closes the picture; the next picture’s headline opens the next', () => {
    const p = parsePage(
      [
        '图片新闻',
        '',
        '多元养殖助增收',
        '日前，东坝区胡集镇一处养殖基地内，工作人员在',
        '喂养绵羊。近年来，该镇大力发展养殖业，带动农',
        '民增收，助力乡村振兴。 记者 李',
        '若生 摄',
        '',
        '',
        '项目建设助就业',
        '日前，东坝区吴店镇一处产业园内，工作人员正在',
        '向客商介绍产品，项目投产后可吸纳就业100人。',
        '记者 李若生 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['photo', '多元养殖助增收', '记者 李若生 摄'],
      ['photo', '项目建设助就业', '记者 李若生 摄'],
    ]);
  });
});

describe('local papers: credits at an article’s end and another paper’s lead (set V)', () => {
  it('two credit lines set apart under the text close it, not open an item of their own', () => {
    const p = parsePage(
      [
        '东坝市督导组走访多个社区',
        '8月28日下午，东坝市创文督导组一行走访多个社区，',
        '督导社区文明创建工作，指出存在的不足。',
        '',
        '文/记者 李玮玮',
        '图/记者 李玮玮 王云',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.byline).toContain('李玮玮');
  });

  it('a photo `图为…` under an article, credited with names run together, stays the article’s', () => {
    const p = parsePage(
      [
        '蓝天劲舞 梦想起航',
        '第十届东坝国际飞行大会昨日开幕，本届大会期间共有70余',
        '架国内外通用航空器参演动态展示，令人应接不暇。',
        '',
        '图为飞行大会开幕式上的特技飞行表演。',
        '（东坝日报记者徐丹伟赵敬东摄）',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.byline).toBe('东坝日报记者徐丹伟赵敬东摄');
  });

  it('another paper’s name in title marks leads the text (`《东坝日报》讯（特派记者 黄鹭）`)', () => {
    const p = parsePage('《东坝日报》讯（特派记者 黄鹭）3月10日下午，我省代表团召开代表小组会议。');
    expect(p.clippings.map((c) => [c.dateline, c.byline])).toEqual([['《东坝日报》讯', '特派记者 黄鹭']]);
  });
});

describe('local papers: a 热线 page (set W)', () => {
  it('on an indented page a headline of clauses (`业主投诉，物业委屈…——` / title) over a blank line and the text', () => {
    const p = parsePage(
      [
        '业主投诉，物业委屈，街道一直在努力——',
        '期待真正的“桃花源”出现',
        '',
        '　　陶渊明笔下的桃花源是人间美好的向往，市区',
        '也有一处“桃花源”，可它却接连不断地被投诉。',
        '　　桃花源小区位于光明路南段，有19栋楼1351户',
        '住户，业主反映联系不到物业。',
        '　　记者随后联系了所在街道。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kicker, c.title])).toEqual([
      ['业主投诉，物业委屈，街道一直在努力——', '期待真正的“桃花源”出现'],
    ]);
  });

  it('a section’s name between the masthead’s date and the paper’s name is furniture, not the tail’s title', () => {
    const p = parsePage(
      [
        'A3',
        '2020年2月12日 星期三',
        '特别报道',
        '东坝日报',
        '',
        '（上接A1版）在华光城社区，一位居民搬着一个大纸箱走进社区居委会。',
      ].join('\n'),
    );
    expect(p.unassigned).toContain('特别报道');
    expect(p.clippings.map((c) => c.title)).toEqual([null]);
  });

  it('the place keyed under a headline, then the credit, then the text: one article; the contact line at the foot is furniture', () => {
    const p = parsePage(
      [
        '喷泉无水、花盆无花、杂草乱长',
        '小区门口好好的游园荒废了',
        '地点：光明路南段桃花源小区附近',
        '',
        '□记者 杨岸萌/文 张鹏/图',
        '',
        '　　本报讯 路边游园本来可以成为附近居民',
        '休闲娱乐的好去处，可如今游园里杂草丛生。',
        '　　记者随后将此事反映给了相关部门。',
        '',
        '联系电话:0375-4973575 传真:0375-4973608',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]).toMatchObject({
      title: '喷泉无水、花盆无花、杂草乱长小区门口好好的游园荒废了',
      byline: '记者 杨岸萌/文 张鹏/图',
      dateline: '本报讯',
    });
    expect(p.unassigned).toContain('联系电话:0375-4973575 传真:0375-4973608');
  });
});

describe('local papers: a continued tail, a name cut by a column and a photo story (set X)', () => {
  it('a headline under a tail is the next article’s; a name cut by a column break is no signature; a photo story set apart after a credited article is its own', () => {
    const p = parsePage(
      [
        '（上接第一版）城市的文明，归根到底是人的文明。东',
        '坝大力弘扬社会主义核心价值观，让崇德向善蔚然成风。',
        '',
        '邻里守望共度佳节',
        '别样亲情温暖“空巢”',
        '',
        '本报讯（记者 叶四青）近日，在北门口社区举办的',
        '庆中秋活动中，社区居民冯欣茹老人拉住社区工作人员',
        '的手，激动地说。',
        '冯欣',
        '',
        '茹老伴去世多年，儿女们也由于工作原因不在身边。',
        '社区人员就像子女一样关心她，常来看望。',
        '',
        '《魅力中国城》网络投票火热进行中，7月7日，记者来',
        '到八一敬老院，老人们表示也要为东坝出份力。图为89',
        '岁老八路在工作人员指导下进行网络投票。',
        '',
        '本报记者 申宇 摄',
        '',
        '我是老八路我也投一票',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, squash(c.title), c.byline])).toEqual([
      ['article', '', null],
      ['article', '邻里守望共度佳节别样亲情温暖“空巢”', '记者 叶四青'],
      ['photo', '我是老八路我也投一票', '本报记者 申宇 摄'],
    ]);
    expect(squash(p.clippings[1]?.body)).toContain('冯欣茹老伴去世多年');
  });
});

describe('local papers: credits that name the name first (set W)', () => {
  it('`（张骞/文 张梦珠/图）` closing a text is its credit', () => {
    const p = parsePage(
      [
        '漫话',
        '不明之水',
        '',
        '楼上漏水，楼下遭殃，物业说不是自家的责任，那就让水',
        '流一会儿，看看真正的责任者到底是谁？',
        '',
        '（张骞/文 张梦珠/图）',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.byline)).toEqual(['张骞/文 张梦珠/图']);
  });

  it('names alone between blank lines under a credited photo are the next text’s authors', () => {
    const p = parsePage(
      [
        '图为4名志愿者向87岁的伤残军人送上冬日里的慰问。（刘波 毛一波 摄）',
        '',
        '刘波 毛一波',
        '',
        '　　“大爷，您好，最近天气冷，买菜也不方便，我们给您',
        '送点菜来。”社区志愿者一早就来到老人家中。',
        '',
        '从噪声扰民到暖心帮民',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['photo', null, '刘波 毛一波 摄'],
      ['article', '从噪声扰民到暖心帮民', '刘波 毛一波'],
    ]);
  });
});

describe('local papers: picture stories told by their last sentence (set U)', () => {
  it('after a credited photo story, an uncredited one ending `图为…` is a photo of its own, and ends at the blank line after it', () => {
    const p = parsePage(
      [
        '葡萄采摘正当时',
        '',
        '东坝日报记者 翟培声 摄影报道',
        '初秋时节，东坝市新兰村葡萄园里的阳光玫瑰葡萄',
        '成熟上市，吸引大批客商前来订购。',
        '',
        '进入3月，东坝市各地油菜花争相绽放，引来众多市',
        '民游客踏青赏花，“花经济”顺势而兴。近年来，东坝',
        '大力推广“稻油轮作”种植模式。',
        '图为游客到海龙坝区踏青赏花。',
        '',
        '2月9日，游客在东坝县乾艺梅园观梅赏景。近日，随',
        '着各类梅花进入盛花期，该园单日游客量达1.5万余人次。',
        '东坝日报记者 陈慧 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.byline, squash(c.body).slice(0, 6)])).toEqual([
      ['葡萄采摘正当时', '东坝日报记者 翟培声 摄影报道', '初秋时节，东'],
      [null, null, '进入3月，东'],
      [null, '东坝日报记者 陈慧 摄', '2月9日，游'],
    ]);
  });
});

describe('local papers: a news app’s lead and credits with colons (set Z)', () => {
  it('`掌上东坝讯` leads the text; `东坝日报记者：何梓瑜  通讯员：廖` / `荣荣` closes it', () => {
    const p = parsePage(
      [
        '掌上东坝讯 4月18日上午，市委台港澳办到东坝区鸿都社',
        '区开展同心服务队系列活动，助力基层社会治理。',
        '东坝日报记者：何梓瑜  通讯员：廖',
        '荣荣',
        '',
        '编辑：罗欢欢',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.dateline, c.byline])).toEqual([
      [null, '掌上东坝讯', '东坝日报记者 何梓瑜  通讯员 廖荣荣'],
    ]);
  });
});

describe('local papers: a photo group credited with its note first, a picture credited to an agency (set Z)', () => {
  it('`文/图（除署名外） 东坝日报记者庄灏 通讯员李健鹏` is the credit; `…图片社供图` closes a picture', () => {
    expect(isBylineText('文/图（除署名外） 东坝日报记者庄灏 通讯员李健鹏')).toBe(true);
    const p = parsePage(
      [
        '见证东坝30年变迁',
        '东坝大桥建成通车的那一天，两岸群众自发前来观看。',
        '东坝报业传媒集团东江图片社供图',
        '',
        '',
        '龙舟竞渡迎端午',
        '本报讯 昨日，东坝江北龙舟赛在东江举行。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['photo', '见证东坝30年变迁', '东坝报业传媒集团东江图片社供图'],
      ['article', '龙舟竞渡迎端午', null],
    ]);
  });
});

describe('local papers: labels at the page’s head and a column’s photo note (set Y, Z)', () => {
  it('`图说东坝` over the masthead’s date, `2019全国两会` over the page number: furniture; so is `本栏图片由…摄`', () => {
    const a = parsePage(
      [
        '图说东坝',
        '2018年4月11日 星期三',
        '东坝日报',
        '7',
        '',
        '沙滩倩影',
        '游客在东湖沙滩上拍照留念。',
        '记者 李明 摄',
      ].join('\n'),
    );
    expect(a.unassigned).toContain('图说东坝');
    expect(a.clippings.map((c) => c.title)).toEqual(['沙滩倩影']);
    const b = parsePage(
      [
        '2019全国两会',
        '11',
        '2019年3月6日  星期三',
        '',
        '这个春天，与“四”字结缘',
        '本报讯 今年两会期间，记者走访了多位代表委员。',
      ].join('\n'),
    );
    expect(b.unassigned).toContain('2019全国两会');
    const c = parsePage(
      [
        '小记者忙不停。',
        '',
        '本栏图片由本报记者 丁友明 许大桥 摄',
        '',
        '本报讯（记者 裴其娟）国庆期间，公园安排了一系列活动。',
      ].join('\n'),
    );
    expect(c.unassigned).toContain('本栏图片由本报记者 丁友明 许大桥 摄');
  });
});

describe('local papers: credits of a county paper’s briefs (set AB)', () => {
  it('`本报通讯员 黄琪 报道 近日，…` opening the text: the byline, and the text after it the body', () => {
    const p = parsePage(
      [
        '■区县简讯',
        '',
        '本报通讯员 黄琪 报道 近日，东坝',
        '茶场的春茶即将进入采摘期，茶园一',
        '片绿意盎然。',
        '',
        '□本报通讯员 徐宋晓 报道 近日，',
        '青石乡的生姜种植基地迎来收获季。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.byline)).toEqual(['本报通讯员 黄琪 报道', '本报通讯员 徐宋晓 报道']);
    expect(squash(p.clippings[0]?.body)).toBe('近日，东坝茶场的春茶即将进入采摘期，茶园一片绿意盎然。');
    expect(squash(p.clippings[1]?.body)).toBe('近日，青石乡的生姜种植基地迎来收获季。');
  });

  it('a closing credit whose 全媒体 the column cut (`（东坝报业全媒` / `体记者 王九亮 …报道）`) is the byline', () => {
    const p = parsePage(
      [
        '千亩白菜喜获丰收',
        '',
        '近日，青石街道种植的上千亩白菜进入采收期。',
        '丰收的白菜将运往外地。（东坝报业全媒',
        '体记者 王九亮 通讯员 徐晓洁 报道）',
      ].join('\n'),
    );
    expect(squash(p.clippings[0]?.byline)).toBe('东坝报业全媒体记者王九亮通讯员徐晓洁报道');
    expect(squash(p.clippings[0]?.body)).toBe(
      '近日，青石街道种植的上千亩白菜进入采收期。丰收的白菜将运往外地。',
    );
  });
});

describe('local papers: a 城事 page with readers’ messages (set AA)', () => {
  const page = [
    '近日，有读者致电晚报热线反映，东山二',
    '巷北口的人行道成了一些人的“露天小便',
    '池”，卫生状况令人堪忧。',
    '就此，城东区环卫处工作人员说，他们会',
    '立即派人将尿渍清理干净，并加大保洁力',
    '度，避免此类问题再次发生。',
    '记者 俪臻',
    '',
    '东坝市民心里有底',
    '',
    '笔者来到了学校、来到了社区、来到了超市、来到',
    '了农贸市场。东坝市民反应平静，秩序井然。东坝',
    '市民说，我们心里有底，笔者对战胜疫情信心陡',
    '',
    '增！',
    '',
    '■市民留言',
    '',
    '◆青山小区的居民去乘坐公交车，需要经',
    '过一条石板便道，建议有关部门修整一下',
    '这条便道。',
    '留言人：张女士',
    '',
    '◆她住在多巴镇，每天要乘坐803路公交',
    '车上班，建议公交部门增设站点。',
    '留言人：宋女士',
  ].join('\n');

  it('a reporter’s line under the last sentence (`记者 俪臻`, a pen name) closes the text before a headline set apart', () => {
    const p = parsePage(page);
    expect(p.clippings[0]?.byline).toBe('记者 俪臻');
    expect(p.clippings[1]?.title).toBe('东坝市民心里有底');
  });

  it('a sentence’s last characters set apart by a column break (`…信心陡` / blank / `增！`) are no headline', () => {
    const p = parsePage(page);
    expect(titles(p.clippings)).not.toContain('增！');
    expect(squash(p.clippings[1]?.body)).toContain('信心陡增！');
  });

  it('`■市民留言` is a column’s label; each message signed `留言人：…` is a brief of its own, untitled', () => {
    const p = parsePage(page);
    expect(p.unassigned).toContain('■市民留言');
    expect(p.clippings.slice(2).map((c) => [c.kind, c.title, c.byline])).toEqual([
      ['brief', null, null],
      ['brief', null, null],
    ]);
    expect(squash(p.clippings[3]?.body)).toMatch(/^◆她住在多巴镇.*增设站点。留言人：宋女士$/);
  });
});

describe('local papers: columns two cells apart (set AA)', () => {
  /** A titled article set 18 cells wide, a blank line, an untitled one set 20 cells wide (digits half a cell). */
  const page = [
    '东坝：凝聚“新力量” 激活“微治理”',
    '',
    '外卖骑手送餐途中随手拍照上报安全隐患',
    '，社工和志愿者为搬迁社区群众提供常态',
    '化服务，网络主播在直播间隙收集村民诉',
    '求……在东坝的大街小巷、城镇社区，这',
    '些看似不同的身份，正悄然融入基层治理',
    '的日常，成为便民服务体系中活跃的“微',
    '细胞”。',
    '骑手助力，变身“移动探头”',
    '“送餐路上看到消防通道被堵，拍个照上',
    '传到社区群，马上就有回应。”青山县社',
    '区治理模范骑手张庆，如今多了一个“移',
    '动网格员”的身份。在东坝，像张庆这样',
    '受聘参与社区治理的“移动网格员”已有',
    '1950余名，他们利用走街串巷的优势，随',
    '手将发现的楼道堆物、路灯损坏等问题上',
    '报，实现了问题及时发现、快速处置。',
    '',
    '12月21日，东坝大地迎来了一个艳阳天。河口',
    '区凤凰街道南温泉社区二组的村民陈正友早早',
    '地吃完早点，打开自己的临街门面，打扫门前',
    '及室内的卫生，整理洗车工具，开始了一天的',
    '生活。陈正友一家居住在公路旁，2019年，他',
    '将房屋进行了重建，新居占地90余平方米。他',
    '家门前这段公路曾经是出城入乡的交通主干道',
    '，后来成为了东坝城区与农村的接合部。',
  ];

  it('a blank line between texts set 18 and 20 cells wide, sharing few words, parts two items', () => {
    const p = parsePage(page.join('\n'));
    expect(p.clippings.map((c) => c.title)).toEqual(['东坝：凝聚“新力量” 激活“微治理”', null]);
    expect(squash(p.clippings[1]?.body)).toMatch(/^12月21日，东坝大地/);
  });

  it('two cells apart where a line of the narrower text reaches the wider width: one text', () => {
    const text = page.map((l) => (l === '受聘参与社区治理的“移动网格员”已有' ? `${l}超过` : l)).join('\n');
    expect(text).toContain('已有超过');
    expect(parsePage(text).clippings).toHaveLength(1);
  });
});

describe('local papers: a caption without a full stop over its credit (set AA)', () => {
  it('a block wrapped at the column’s width right above `… 摄` is the photo’s caption, not the next article’s headline', () => {
    const p = parsePage(
      [
        '设的方方面面。',
        '',
        '越来越好是所有生活在东坝的人们对这座城',
        '市的美好期盼与祝福',
        '东坝日报记者 曾永洪 摄',
        '',
        '8月15日至19日，20多家中央和省、市级主流媒',
        '体齐聚东坝，开展“主流媒体东坝行”活动，将笔',
        '头、镜头对准东坝民族团结进步创建工作。',
        '',
        '主流媒体东坝行活动聚焦民族团结',
      ].join('\n'),
    );
    const photo = p.clippings.find((c) => c.kind === 'photo');
    expect(photo?.title ?? null).toBeNull();
    expect(squash(photo?.body)).toBe('越来越好是所有生活在东坝的人们对这座城市的美好期盼与祝福');
    expect(p.clippings.map((c) => c.title)).toContain('主流媒体东坝行活动聚焦民族团结');
  });
});

describe('local papers: photo credits printed above their captions (set AD)', () => {
  it('on a photo page each `… 摄` line after a blank line opens the caption under it', () => {
    const p = parsePage(
      [
        '东坝日报',
        '',
        '本报通讯员 邹文庆 摄',
        '2014年3月22日，天鹅在市区西郊的凤栖',
        '湖畅游。近年来，东坝加强生态环境建设。',
        '',
        '本报通讯员 杨建发 摄',
        '2018年2月21日，魔鬼城景区冬景如画。',
        '',
        '本报全媒体记者 蒋剑 摄',
        '2021年1月15日，云计算产业园区的员工在机房巡检。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.byline, squash(c.body).slice(0, 10)])).toEqual([
      ['photo', '本报通讯员 邹文庆 摄', '2014年3月22日'],
      ['photo', '本报通讯员 杨建发 摄', '2018年2月21日'],
      ['photo', '本报全媒体记者 蒋剑 摄', '2021年1月15日'],
    ]);
  });
});

describe('local papers: an author over the first item, headed briefs broken by a column (set AD)', () => {
  it('a name set apart under the page’s furniture is the first item’s author, not its headline', () => {
    const p = parsePage(
      [
        '东坝日报',
        '2021年3月29日 星期一',
        '',
        '陈晓丹',
        '',
        '3月28日11时30分，2020年东坝十大新闻评选活动',
        '揭晓仪式在东坝日报社新闻发布厅举行。',
        '',
        '2020东坝十大新闻昨揭晓',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, c.byline])).toEqual([['2020东坝十大新闻昨揭晓', '陈晓丹']]);
  });

  it('under a briefs banner, a brief led by its dateline goes on past a blank line (a column break)', () => {
    const p = parsePage(
      [
        '工作动态',
        '',
        '第十七社区',
        '整治环境卫生',
        '',
        '日报讯（全媒体记者 刘哲）“目前，小区环境卫生得到',
        '有效整治。”3月12日，第十七社区党委书记邓平说。',
        '',
        '据了解，制定“1+1”帮带活动方案，主要是为了解决',
        '社区“牛皮癣”现象频发等问题。',
        '',
        '南泉社区',
        '举办趣味活动',
        '',
        '日报讯（全媒体记者 武海丽）3月20日，南泉社区举办',
        '趣味运动会。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual(['第十七社区整治环境卫生', '南泉社区举办趣味活动']);
    expect(squash(p.clippings[0]?.body)).toContain('据了解，制定');
  });
});

describe('local papers: a 副刊 page (set AD)', () => {
  const page = [
    '东坝日报',
    '2025年12月4日 星期四 农历乙巳年十月十五',
    '第07版 副刊',
    '',
    '古建凝岁月，胜迹铸辉煌',
    '',
    '杨金贵',
    '',
    '　　踏足新绛，便如走进铺展千年的水墨长卷，',
    '整个纹理都镌刻岁月痕迹，每一处古迹都流淌文',
    '明芬芳。',
    '',
    '',
    '水调歌头·马岁黄河浮桥',
    '（词配画）',
    '',
    '王振虎 作',
    '',
    '释文：马岁春潮涌，佳节映长河。洽吴浮',
    '桥横卧，雄跨两州波。',
  ].join('\n');

  it('one name set apart between the headline (right under the furniture) and the text is its author', () => {
    const p = parsePage(page);
    expect(p.clippings[0]).toMatchObject({ title: '古建凝岁月，胜迹铸辉煌', byline: '杨金贵' });
  });

  it('`王振虎 作` credits a poem; `（词配画）` under its title is no credit', () => {
    const p = parsePage(page);
    expect(p.clippings[1]?.byline).toBe('王振虎 作');
    expect(p.clippings[1]?.title).toBe('水调歌头·马岁黄河浮桥');
    expect(isBylineText('王振虎 作')).toBe(true);
    expect(isBylineText('工作 作')).toBe(false);
  });
});

describe('local papers: names run together after a role (set AD)', () => {
  it('`日报讯（全媒体记者 刘哲 通讯员` / `王映霏李佳瑞）…`: the credit names all three', () => {
    const p = parsePage(
      [
        '第十七社区整治环境卫生',
        '',
        '日报讯（全媒体记者 刘哲 通讯员',
        '王映霏李佳瑞）“目前，小区环境卫',
        '生得到有效整治。”3月12日，社区党委',
        '书记邓平说。',
      ].join('\n'),
    );
    expect(squash(p.clippings[0]?.byline)).toBe('全媒体记者刘哲通讯员王映霏李佳瑞');
    expect(p.clippings[0]?.dateline).toBe('日报讯');
    expect(isBylineText('通讯员 王映霏李佳瑞')).toBe(true);
    expect(isBylineText('通讯员 了解到情况')).toBe(false);
  });
});

describe('local papers: a jump marker cut by a column break (set AC)', () => {
  it('`…杨冬说。（下转第` / blank / `2版）` is the article’s marker to page 2', () => {
    const p = parsePage(
      [
        '惠定村的新面貌',
        '',
        '本报讯（记者 李明）“面子有了，我们要让里子也美',
        '起来。”惠定村驻村工作队队长杨冬说。（下转第',
        '',
        '2版）',
        '',
        '',
        '河口村修好了出村路',
        '本报讯 河口村新修的出村路日前通车。',
      ].join('\n'),
    );
    expect(p.clippings[0]?.continuesTo).toMatchObject({ page: '2' });
    expect(p.clippings).toHaveLength(2);
    expect(p.unassignedLines).toEqual([]);
  });

  it('`…休息。（下转第二版` / blank / `）` too (set AG); a bracket closing after a blank line is no marker otherwise', () => {
    const p = parsePage(
      ['文明行为不能丢', '', '本报讯 有市民衣衫不整地坐在一旁休息。（下转第二版', '', '）'].join('\n'),
    );
    expect(p.clippings[0]?.continuesTo).toMatchObject({ page: '2' });
    const q = parsePage(
      ['文明行为不能丢', '', '本报讯 有市民衣衫不整地坐在一旁休息。（下转', '', '）'].join('\n'),
    );
    expect(q.clippings[0]?.continuesTo ?? null).toBeNull();
  });
});

describe('local papers: a last paragraph between its article and the headline after it (set AC)', () => {
  it('after two blank lines, an untitled paragraph above the headline that the article above takes is that article’s end', () => {
    const p = parsePage(
      [
        '春节期间，东坝丰富的旅游资源和良好的旅游',
        '环境吸引了众多游客前来游览。据假日办统计，',
        '春节黄金周7天，全市共接待中外游客59.56万',
        '人次，与上年同期相比增长27.21%；旅游综合',
        '收入2.26亿元，同比增长35.06%。东坝旅游呈',
        '现出强劲的恢复增长趋势。',
        '',
        '',
        '另外，休闲度假旅游成为景区最有潜力的主打',
        '产品。今年游客最高峰出现在初三、初四、初',
        '五，团队游客出游开始复苏，节日期间，景区',
        '共计接待217个旅游团队。',
        '',
        '春节黄金周',
        '东坝旅游强劲恢复增长',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual(['春节黄金周东坝旅游强劲恢复增长']);
    expect(squash(p.clippings[0]?.body)).toMatch(/^春节期间.*共计接待217个旅游团队。$/);
  });
});

describe('local papers: a lead’s bracket cut by a column break (set AC)', () => {
  it('`本报讯 （见习记者  侯本艳  记者  彭` / blank / `国平） 为让…`: the credit names both, the text goes on', () => {
    const p = parsePage(
      [
        '东坝市今年“三下乡”活动启动',
        '',
        '本报讯 （见习记者  侯本艳  记者  彭',
        '',
        '国平） 为让广大群众过上一个温暖、祥',
        '和、喜庆的春节，昨日上午，东坝市在',
        '河口镇启动“三下乡”活动。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.byline)).toBe('见习记者侯本艳记者彭国平');
    expect(p.clippings[0]?.dateline).toBe('本报讯');
    expect(squash(p.clippings[0]?.body)).toContain('为让广大群众过上');
  });
});

describe('local papers: a caption printed over an article (set AD)', () => {
  it('a short sentence alone between blank lines above a headline is an item of its own; the headline is the article’s', () => {
    const p = parsePage(
      [
        '东坝日报',
        '第06版',
        '',
        '王吉中和他的微缩农具。',
        '',
        '王吉中老人的“掌中记忆”',
        '',
        '　　青山县里望乡上井村的一户人家，常常',
        '成为村民的聚会点。乡亲们来探望这位在十',
        '里八乡声名远扬的老木工王吉中。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.title, squash(c.body).slice(0, 6)])).toEqual([
      [null, '王吉中和他的'],
      ['王吉中老人的“掌中记忆”', '青山县里望乡'],
    ]);
  });
});

describe('local papers: captions of one sentence each after a credited item (set AF)', () => {
  it('each short sentence set apart after a credited article is a photo’s caption of its own', () => {
    const p = parsePage(
      [
        '东坝日报社4月7日讯 中山公园的单樱刚刚进入初花期，',
        '兴义路的单樱已完全盛开。',
        '（东坝日报记者 邢志峰）',
        '',
        '漫步樱花树下，步入粉色的春天。',
        '',
        '居民楼下就是赏樱好去处。',
        '',
        '在东坝说起海鸥，很多人首先会想到栈桥景区海鸥',
        '飞舞的场面，不过最近在白沙河的入海口处，也聚',
        '集了近千只海鸥。（东坝日报记者 于滈 摄影报道）',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => squash(c.body).slice(0, 6))).toEqual([
      '东坝日报社4',
      '漫步樱花树下',
      '居民楼下就是',
      '在东坝说起海',
    ]);
  });
});

describe('local papers: a caption and its credit on one line (set AE)', () => {
  it('`喜笑颜开  张永晴摄` set apart is a photo: the words its caption, the name its credit', () => {
    const p = parsePage(
      [
        '农民们忙活个不停。',
        '',
        '喜笑颜开  张永晴摄',
        '',
        '采摘苹果  马国庆摄',
        '',
        '沙地小西瓜',
        '致富大产业',
        '',
        '今年以来，在政府奖补政策的推动下，青山镇的',
        '沙地西瓜种植面积突破1万亩。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [squash(c.body), c.byline])).toEqual([
      ['农民们忙活个不停。', null],
      ['喜笑颜开', '张永晴摄'],
      ['采摘苹果', '马国庆摄'],
      ['今年以来，在政府奖补政策的推动下，青山镇的沙地西瓜种植面积突破1万亩。', null],
    ]);
  });
});

describe('local papers: a section named with a plus among the masthead’s lines (set AF)', () => {
  it('`新闻+ 本地` between the page number and the date is furniture, not the tail’s headline', () => {
    const p = parsePage(
      [
        '4',
        '新闻+ 本地',
        '2025年7月27日 星期日',
        '东坝日报',
        '',
        '（上接第1版）随后，东坝饼业有限公司通过宣传片展示了',
        '其36年坚守的匠心。',
      ].join('\n'),
    );
    expect(p.unassigned).toContain('新闻+ 本地');
    expect(p.clippings[0]?.title ?? null).toBeNull();
  });
});

describe('local papers: an unnamed credit over a roundup (set AH)', () => {
  it('`□本报记者综合报道` alone on its line opens the text under it; it is no subhead of the item above', () => {
    const p = parsePage(
      [
        '新华社北京3月6日电 国家主席习近平6日下午看望了',
        '参加全国政协会议的委员。',
        '',
        '□本报记者综合报道',
        '“圆满实现‘十四五’发展目标，经济大省',
        '要挑大梁。”总书记的讲话在全市广大干部',
        '群众中引发热烈反响。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.byline)).toEqual([null, '本报记者综合报道']);
    expect(squash(p.clippings[1]?.body)).toMatch(/^“圆满实现/);
  });
});

describe('local papers: a photo page credited to its photographers (set AH)', () => {
  it('`…助力乡村振兴。特约摄影 吕华` closes a photo: the role, then the name, after the last sentence', () => {
    const p = parsePage(
      [
        '▲近日，青山乡红星村农户正在收获红薯。该乡大',
        '力发展红薯产业，助力乡村振兴。特约摄影 吕华',
        '',
        '▲近日，石沛镇周岗村农户正在加工板栗。该村',
        '大力发展精果林产业，促进农民增收。通讯员 范循林/摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, c.byline])).toEqual([
      ['photo', '特约摄影 吕华'],
      ['photo', '通讯员 范循林/摄'],
    ]);
    expect(squash(p.clippings[0]?.body).endsWith('助力乡村振兴。')).toBe(true);
  });
});

describe('local papers: a photo group whose credits run on after each caption (set AF)', () => {
  it('a run-on credit cut inside 日报社 (`…气氛。茂名日报` / `社全媒体记者丘立贺摄`) closes its caption', () => {
    const p = parsePage(
      [
        '我们的节日·国庆、中秋',
        '',
        '图一、昨晚，一批青年人身穿汉服，为市民演奏乐曲',
        '表演歌舞，营造出浓浓的喜庆欢乐气氛。东坝日报',
        '社全媒体记者丘立贺摄',
        '',
        '图二、前日，在海洋公园，不少外地游客在栈道欣',
        '赏红树林景观。东坝日报社全媒体记者岑稳摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => squash(c.byline))).toEqual([
      '东坝日报社全媒体记者丘立贺摄',
      '东坝日报社全媒体记者岑稳摄',
    ]);
  });
});

describe('local papers: a column of news and comment (set AJ)', () => {
  it('under `■一周新闻点评` each report with its 点评 is an item of its own, the banner no headline', () => {
    const p = parsePage(
      [
        '■一周新闻点评',
        '',
        '本报3月4日报道：连日来，记者走访市区部分星级酒店',
        '发现，多数餐饮企业采取措施抵制舌尖上的浪费。',
        '点评：反对浪费，不仅要管住花钱的手，更要管住发热的大脑。',
        '',
        '本报3月5日报道：新版《药品经营质量管理规范》正式发布。',
        '点评：我们只能拭目以待。',
      ].join('\n'),
    );
    expect(p.unassigned).toContain('■一周新闻点评');
    expect(p.clippings.map((c) => [c.kind, c.title])).toEqual([
      ['brief', null],
      ['brief', null],
    ]);
  });
});

describe('local papers: a notice titled `公  告` under a tail (set AJ)', () => {
  it('`公  告` alone mid-page is the notice’s title, not a section label: the tail above ends there', () => {
    const p = parsePage(
      [
        '2013年8月27日  星期二  综合  03',
        '',
        '（上接01版）河源要充分发挥地区生态优势，努力把短板',
        '变成“潜力板”。',
        '',
        '公  告',
        '',
        '尊敬的广大市民、游客：',
        '根据工作部署要求，将对烈士陵园进行保护修缮，施工',
        '期间闭园闭馆管理。',
        '特此公告。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => [c.kind, squash(c.title)])).toEqual([
      ['article', ''],
      ['notice', '公告'],
    ]);
  });
});

describe('local papers: a compiler’s credit (set AI)', () => {
  it('`组稿：马国省 张乾阳` is a credit, never a headline', () => {
    expect(isBylineText('组稿：马国省 张乾阳')).toBe(true);
    expect(isBylineText('组织部门 调研')).toBe(false);
    const p = parsePage(
      ['盘古园里春意浓', '', '春日的盘古园游人如织，花开满园。', '', '组稿：马国省 张乾阳'].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual(['盘古园里春意浓']);
  });
});

describe('local papers: set AK and AL layouts', () => {
  it('`作者：` with the names closes the article above it; the captions after it are photos of their own', () => {
    const p = parsePage(
      [
        '东坝区：梨园花开 游人如织',
        '',
        '时下正值梨花盛开的季节，在东坝区河口镇李家',
        '庄村的梨园里，近百亩梨花竞相开放，吸引了大',
        '批游客前来观赏。',
        '近年来，河口镇依托良好的生态环境发展乡村旅',
        '游，带领村民增收致富。',
        '作者：王小明 李大伟',
        '',
        '梨园里游人如织，孩子们在花下嬉戏',
        '。王小明 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['article', 'photo']);
    expect(squash(p.clippings[0]?.byline)).toBe('作者：王小明李大伟');
    expect(squash(p.clippings[0]?.body).endsWith('带领村民增收致富。')).toBe(true);
    expect(isBylineText('作者：我们的时代')).toBe(false);
  });

  it('a headline set apart and wider than the caption above it is the next article’s, not a subhead of the caption', () => {
    const p = parsePage(
      [
        '3月17日，初春时节，天气渐暖，东',
        '坝市区河畔柳树长出了嫩芽，各种',
        '鲜花竞相开放，处处春意盎然，生',
        '机勃勃。',
        '',
        '王大明在参加市政协六届五次会议小组讨论时强调',
        '围绕中心 履职尽责 为东坝发展增共识',
        '',
        '2月1日下午，东坝市长王大明参加市政协会议小组',
        '的讨论。委员们先后发言，对政府工作报告给予高',
        '度评价，结合自身工作提出意见建议。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(squash(p.clippings[0]?.body)).toBe(
      '3月17日，初春时节，天气渐暖，东坝市区河畔柳树长出了嫩芽，各种鲜花竞相开放，处处春意盎然，生机勃勃。',
    );
    expect(squash(p.clippings[1]?.title)).toContain('围绕中心履职尽责为东坝发展增共识');
  });

  it('a page number and a section name spaced out (`003  综 合`) are furniture, not a headline', () => {
    const p = parsePage(
      [
        '东坝日报',
        '003  综 合',
        '',
        '昨日，在城关镇瓦西村边的卧龙沟里，清澈的溪',
        '水碧波荡漾，成群的鱼儿在小溪里畅游。',
        '',
        '本报记者 陈大举 摄',
        '',
        '卧龙沟的美丽变迁',
        '',
        '',
        '江城大道改造完工',
        '本报讯 江城大道改造工程昨天全线完工。',
      ].join('\n'),
    );
    expect(titles(p.clippings)).toEqual(['卧龙沟的美丽变迁', '江城大道改造完工']);
    expect(p.unassigned).toContain('003  综 合');
  });

  it('a bare photographer’s name cut across lines after the caption (`…游人来。 程` / `俊杰 摄`) is its credit', () => {
    const p = parsePage(
      ['汝阳西山，杜鹃花开游人来。 程', '俊杰 摄', '', '夜游龙门，景如梦幻人如痴。记者 陈', '占举 摄'].join(
        '\n',
      ),
    );
    expect(p.clippings.map((c) => squash(c.byline))).toEqual(['程俊杰摄', '记者陈占举摄']);
    expect(p.clippings.map((c) => squash(c.body))).toEqual([
      '汝阳西山，杜鹃花开游人来。',
      '夜游龙门，景如梦幻人如痴。',
    ]);
  });

  it('a lead box’s label (`◆核心提示`, `■编者按`) is neither headline nor credit; its text opens the article', () => {
    const p = parsePage(
      [
        '◆核心提示',
        '“秋收如打仗”。六十多年间，东坝大地的秋',
        '收方式发生了翻天覆地的变化。',
        '秋收，是农民一年中最期盼的时刻，我市今年',
        '秋收工作画上了圆满的句号。（下转第四版）',
        '',
        '■编者按',
        '故土情深。人们对自己脚下的土地都有着血脉相连',
        '的浓烈情感。',
        '',
        '年初，家门口的公园再次响起了“施工交响曲”。',
      ].join('\n'),
    );
    expect(p.unassigned).toEqual(expect.arrayContaining(['◆核心提示', '■编者按']));
    expect(p.clippings.map((c) => c.title)).toEqual([null, null]);
    expect(p.clippings.map((c) => c.byline)).toEqual([null, null]);
    expect(squash(p.clippings[0]?.body).startsWith('“秋收如打仗”')).toBe(true);
    // (the editor's note and the text under it are one article)
    expect(squash(p.clippings[1]?.body)).toBe(
      '故土情深。人们对自己脚下的土地都有着血脉相连的浓烈情感。年初，家门口的公园再次响起了“施工交响曲”。',
    );
  });

  it('a two-line headline broken after its comma is a headline; a column-wide clause under it is the text', () => {
    const p = parsePage(
      [
        '张大连打枣，爱人翠娥在捡枣',
        '',
        '东县：“圪蹴起”的红枣，',
        '富起来的枣农',
        '',
        '骑上我心爱的小摩托，东县木头峪镇王宁',
        '',
        '山村村民张大连把两个空筐子架好，第三',
        '趟往返自家的枣园。爱人在地里打枣忙得',
        '紧，张大连也是个勤快人。24岁他接过父',
        '亲的班开始种枣树，一种就是三十年。小',
        '时候家里枣树只有十几株，如今有了四百',
        '多株，每年能卖两万多元。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.title)).toBe('东县：“圪蹴起”的红枣，富起来的枣农');
    expect(p.clippings[0]?.subtitle ?? null).toBeNull();
    expect(squash(p.clippings[0]?.body).startsWith('骑上我心爱的小摩托，东县木头峪镇王宁山村村民')).toBe(
      true,
    );
  });

  it('a long place label ending in its village or estate (`东坝区河口镇李家村：`) heads a two-line headline', () => {
    const p = parsePage(
      [
        '东坝日报',
        '04  专题',
        '',
        '东坝区河口镇李家村：',
        '垃圾堆在渠边群众呼吁整治',
        '',
        '4月7日下午，记者在东坝区河口镇李家村看到，',
        '村里有一个垃圾台，但垃圾却堆在垃圾台下方，',
        '有些垃圾被风吹到渠里。附近群众说，这个地方',
        '有人乱倒垃圾，清理也不及时。',
        '本报记者 马大昆',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(squash(p.clippings[0]?.title)).toBe('东坝区河口镇李家村：垃圾堆在渠边群众呼吁整治');
    expect(squash(p.clippings[0]?.body).startsWith('4月7日下午')).toBe(true);
    // … and so does a body there (`东坝市开发区公用事业局：`)
    const q = parsePage(
      [
        '东坝晚报',
        '',
        '东坝市开发区公用事业局：',
        '清理“菜园”有难度',
        '',
        '□晚报记者 朱大龙',
        '本报讯 昨天，本报报道了东坝市区太昊路绿化带被毁',
        '种菜一事。昨天，记者再次来到该路段，发现菜园仍在。',
      ].join('\n'),
    );
    expect(squash(q.clippings[0]?.title)).toBe('东坝市开发区公用事业局：清理“菜园”有难度');
  });

  it('a run-on credit whose glued name is cut (`…道谢。本报记者张敏` / `涛`), the photo’s credit under it, closes the item', () => {
    const p = parsePage(
      [
        '本报讯 6月9日下午，天气骤变。在东县体育场上，',
        '刚收获的小麦还在晾晒，该县体育运动中心工作人',
        '员火速支援，让小麦及时归了仓。“太感谢你们了',
        '。”看着收拾好的小麦，村民朱芳丽连声向工作人',
        '员道谢。本报记者张敏',
        '涛',
        '颜永莉供图',
        '',
        '干部伸援手新麦免雨淋',
        '',
        '252吨高山蔬菜运抵灾区',
        '',
        '本报讯 7月24日，运载着252吨高山蔬菜的22辆货车',
        '抵达灾区。本报记者 李一珂',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => squash(c.byline))).toEqual(['本报记者张敏涛颜永莉供图', '本报记者李一珂']);
    expect(titles(p.clippings)).toEqual(['干部伸援手新麦免雨淋', '252吨高山蔬菜运抵灾区']);
    expect(squash(p.clippings[0]?.body).endsWith('员道谢。')).toBe(true);
  });

  it('a kicker leading into the title by a dash at its end, commas and all, is the kicker of a headline', () => {
    const p = parsePage(
      [
        '东坝日报',
        '第01版  要闻',
        '',
        '千里多彩画卷，一城浪漫山水，美丽东坝诚邀八方宾朋——',
        '在美景之中，邂逅绚烂秋色',
        '',
        '■本报记者 张丽萍',
        '旅游，一直是黄金周的关键词。眼下，人们翘首',
        '期盼的国庆中秋长假即将到来，东坝各景区已做',
        '好准备，迎接八方游客。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.kicker).toBe('千里多彩画卷，一城浪漫山水，美丽东坝诚邀八方宾朋——');
    expect(p.clippings[0]?.title).toBe('在美景之中，邂逅绚烂秋色');
    expect(squash(p.clippings[0]?.byline)).toBe('本报记者张丽萍');
  });

  it('on a photo page, captions set apart by blank lines and sharing one credit are pictures of their own', () => {
    const p = parsePage(
      [
        '东坝晚报',
        '08  图片新闻',
        '',
        '昨日是中秋佳节。记者走访市区看到，城区处处洋',
        '溢着节日的氛围。图为在市区老城长塘路，一位妈',
        '妈为宝宝买中秋节的小灯笼。',
        '',
        '中秋嘉年华主题乐园吸引了众多的市民',
        '',
        '文化广场坐满了席地而坐的市民，阖家共',
        '赏中秋明月',
        '',
        '本报记者 陈大平 见习记者 朱小冀 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['photo', 'photo', 'photo']);
    expect(p.clippings.map((c) => squash(c.body))).toEqual([
      '昨日是中秋佳节。记者走访市区看到，城区处处洋溢着节日的氛围。图为在市区老城长塘路，一位妈妈为宝宝买中秋节的小灯笼。',
      '中秋嘉年华主题乐园吸引了众多的市民',
      '文化广场坐满了席地而坐的市民，阖家共赏中秋明月',
    ]);
    // each picture carries the group's credit; its line stays where it is printed, with the last picture
    expect(p.clippings.map((c) => squash(c.byline))).toEqual(Array(3).fill('本报记者陈大平见习记者朱小冀摄'));
    expect(p.clippings.map((c) => c.lines.some((l) => l.role === 'byline'))).toEqual([false, false, true]);
  });

  it('the page’s photographer line (`摄影（除署名外）陈仕平`) is furniture, not a headline', () => {
    const p = parsePage(
      [
        '农民趣味运动会上的呐喊声，广场上市民休闲运动的欢笑',
        '声，到处充满喜庆气氛。',
        '摄影（除署名外）陈大平',
        '',
        '骏马奔月（二次曝光拍摄）。',
      ].join('\n'),
    );
    expect(p.unassigned).toContain('摄影（除署名外）陈大平');
    expect(p.clippings.every((c) => c.title === null)).toBe(true);
  });

  it('on a photo page, captions read as subheads of the first picture are pictures of their own too', () => {
    const p = parsePage(
      [
        '东坝晚报',
        '08  图片新闻',
        '',
        '昨日是中秋佳节。昨日上午，记者走访市区看到，',
        '城区处处洋溢着节日的氛围，街头巷尾、广场、公',
        '园随处可见一家老小享受节日欢乐的场景。图为在',
        '市区老城长塘路，一位妈妈为宝宝买中秋节的小灯',
        '笼，让孩子也感受到节日的欢乐。',
        '',
        '中秋嘉年华主题乐园吸引了众多的市民',
        '',
        '文化广场坐满了席地而坐的市民，阖家共',
        '赏中秋明月',
        '',
        '文化广场游乐园的摩天轮与天上的明月交',
        '相辉映',
        '',
        '东坝特色中秋美食月光饼，因该饼为圆形，故',
        '又取团圆之意，象征着圆满、平安的节日祝福',
        '',
        '本报记者 陈大平 见习记者 朱小冀 摄',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['photo', 'photo', 'photo', 'photo', 'photo']);
    expect(p.clippings.map((c) => c.title)).toEqual([null, null, null, null, null]);
    expect(squash(p.clippings[3]?.body)).toBe('文化广场游乐园的摩天轮与天上的明月交相辉映');
    expect(squash(p.clippings[4]?.byline)).toBe('本报记者陈大平见习记者朱小冀摄');
  });

  it('authors’ names alone between blank lines, under a finished text and over the next, are the next text’s authors', () => {
    const p = parsePage(
      [
        '对于传统农业区东坝来说，秋粮的收获和归仓，历',
        '来意义重大。',
        '',
        '陈大康 陈月振',
        '',
        '怡水园坐落于东坝市区内交通便捷地段，环境宜人',
        '。走进怡水园，首先映入眼帘的是那开阔而清澈的',
        '湖面，岸边的水草随着水波轻轻摇曳。',
        '',
        '东坝怡水园',
        '——怡水园里的惬意时光',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(2);
    expect(p.clippings[0]?.byline ?? null).toBeNull();
    expect(squash(p.clippings[1]?.byline)).toBe('陈大康陈月振');
    expect(squash(p.clippings[1]?.title)).toBe('东坝怡水园');
  });

  it('a one-sentence caption under a headline, after a credited item, keeps the credited text after it in its item', () => {
    const p = parsePage(
      [
        '疯狂抽沙 掏空河床',
        '',
        '由于缺乏管理，河道抽沙现象严重，足见掏空河床之',
        '严重程度。',
        '通讯员 项大轩 摄',
        '',
        '货车侧翻 民警化身“搬运工”紧急救援',
        '',
        '民警帮助司机转运散落货物。',
        '',
        '寒风凛冽，雨夹雪漫天飞舞。12月12日12时许，',
        '一辆轻型货车在高速公路上发生侧翻，货物散落',
        '至超车道和行车道。民警第一时间化解险情，事故',
        '路段很快恢复畅通。 通讯员 郭大军 摄',
        '',
        '海鸥结伴飞翔。',
        '',
        '市民在岸边投喂海鸥。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual([
      '疯狂抽沙 掏空河床',
      '货车侧翻 民警化身“搬运工”紧急救援',
      null,
      null,
    ]);
    expect(squash(p.clippings[1]?.body)).toBe(
      '民警帮助司机转运散落货物。寒风凛冽，雨夹雪漫天飞舞。12月12日12时许，一辆轻型货车在高速公路上发生侧翻，货物散落至超车道和行车道。民警第一时间化解险情，事故路段很快恢复畅通。',
    );
    expect(squash(p.clippings[1]?.byline)).toBe('通讯员郭大军摄');
  });

  it('a report led by its dateline ends a photo column: it is an article, not a picture', () => {
    const p = parsePage(
      [
        '图片新闻',
        '',
        '1月26日，旅客在东坝站候车大厅排队检票。',
        'YMG全媒体记者 唐大克 摄',
        '',
        '春运首日发送旅客6.22万人次',
        '',
        '本报讯（YMG全媒体记者 杨春娜）1月26日，2024年春运大幕',
        '开启，东坝站当天发送旅客6.22万人次，同比增长一倍多。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.kind)).toEqual(['photo', 'article']);
    expect(p.clippings[1]?.title).toBe('春运首日发送旅客6.22万人次');
  });

  it('deck clauses under a headline, then a blank line and the lead, belong to the headline', () => {
    const p = parsePage(
      [
        '暴雨突降 白昼如夜',
        '昨日下午，我市遭遇今年以来最猛烈的短时降雨',
        '今日白天，降雨将逐渐减弱或停止，气温下降明显',
        '',
        '本报讯 （记者 刘大彬） 昨日16时40分前后，暴雨倾盆',
        '而下，这是今年以来我市出现的最为猛烈的一场短时降雨。',
      ].join('\n'),
    );
    expect(p.clippings).toHaveLength(1);
    expect(p.clippings[0]?.title).toBe('暴雨突降 白昼如夜');
    expect(squash(p.clippings[0]?.subtitle)).toBe(
      '昨日下午，我市遭遇今年以来最猛烈的短时降雨今日白天，降雨将逐渐减弱或停止，气温下降明显',
    );
    expect(squash(p.clippings[0]?.body).startsWith('本报讯')).toBe(true);
  });

  it('one name between a role and 摄 is a credit whatever its family name (`记者 光辉 摄`)', () => {
    expect(isBylineText('记者 光辉 摄')).toBe(true);
    expect(isBylineText('光辉 摄')).toBe(false);
  });

  it('a deck over the report’s credit, a clause alone over it, and a reader’s tip note closing the item above', () => {
    const p = parsePage(
      [
        '初一到十六 庙会热洛城',
        '地点在遗址植物园，设8个活动专区；15场传统戏和75场儿童木偶剧共同演绎“老少乐”',
        '',
        '□记者 韩大栓',
        '逛庙会、尝小吃、赏绝活、看歌舞。一年一度的春节',
        '文化庙会，现在成了许多市民在春节期间的一项集体',
        '观光活动。',
        '',
        '（王女士获线索奖80元券）',
        '',
        '环境美了，秩序好了， 小区住着舒心了',
        '',
        '□记者 郑大玲 实习生 杨小琴',
        '提起湖北路办事处，联盟社区35号院的居民都竖起了',
        '大拇指。居民的一致称赞，是有原因的。',
      ].join('\n'),
    );
    expect(p.clippings.map((c) => c.title)).toEqual([
      '初一到十六 庙会热洛城',
      '环境美了，秩序好了， 小区住着舒心了',
    ]);
    expect(squash(p.clippings[0]?.subtitle).startsWith('地点在遗址植物园')).toBe(true);
    expect(squash(p.clippings[0]?.body).endsWith('（王女士获线索奖80元券）')).toBe(true);
    expect(p.clippings.map((c) => squash(c.byline))).toEqual(['记者韩大栓', '记者郑大玲实习生杨小琴']);
  });
});
