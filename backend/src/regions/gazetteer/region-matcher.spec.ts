import fc from 'fast-check';
import { loadGazetteer } from './load-gazetteer';
import { normalizeForRegions, RegionMatcher, type DetectOptions } from './region-matcher';

describe('RegionMatcher', () => {
  let matcher: RegionMatcher;
  const names = (text: string, opts?: DetectOptions): string[] =>
    matcher.detect(text, opts).map((r) => r.name);

  beforeAll(() => {
    matcher = new RegionMatcher(loadGazetteer());
  });

  describe('full names', () => {
    it('finds county, prefecture and province full names', () => {
      expect(names('梁山县积极创新移风易俗工作方法')).toEqual(['梁山县']);
      expect(names('宁陕县人大常委会主任刘爱军表示')).toEqual(['宁陕县']);
      expect(names('济宁市召开全市会议')).toEqual(['济宁市']);
      expect(names('陕西省出台新规')).toEqual(['陕西省']);
    });

    it('reports path and ancestors from the province down', () => {
      const [r] = matcher.detect('梁山县开展婚俗改革');
      expect(r).toMatchObject({
        code: '370832',
        name: '梁山县',
        level: 'county',
        path: ['山东省', '济宁市'],
        ancestors: ['370000', '370800'],
        mentions: 1,
      });
      expect(r.evidence[0]).toContain('梁山县');
    });

    it('reports a place implied by a descendant only through the descendant', () => {
      expect(names('济宁市梁山县人民政府印发通知，梁山县各镇街要抓好落实')).toEqual(['梁山县']);
    });

    it('finds a banner by its abbreviation (土右旗) under its city', () => {
      expect(names('包头市土右旗一处民房发生爆炸，土右旗应急管理局赶赴现场')).toEqual(['土默特右旗']);
    });

    it('matches names broken across lines', () => {
      expect(names('连日来，泗\n水县15万亩地瓜陆续成熟')).toEqual(['泗水县']);
    });

    it('does not read 吉林市场 as 吉林市 or 朝阳区域 as 朝阳区', () => {
      expect(names('吉林市场监管部门开展检查')).not.toContain('吉林市');
      expect(names('朝阳区域内的学校')).toEqual([]);
    });

    it('does not take 南山区 from 终南山区', () => {
      expect(names('终南山区的村民')).toEqual([]);
    });

    it('never matches a 2-character full name inside another word', () => {
      expect(names('发展现代县域经济')).toEqual([]); // 代县
      expect(names('加强管理县级财政')).toEqual([]); // 理县
    });
  });

  describe('short names and traps from the sample pages', () => {
    it('finds short names the text supports', () => {
      expect(names('鱼台交警经过反复研究论证', { homeRegionCode: '370800' })).toEqual(['鱼台县']);
      expect(names('梁山', { homeRegionCode: '370800' })).toEqual(['梁山县']);
      expect(names('宁陕', { homeRegionCode: '610900' })).toEqual(['宁陕县']);
      expect(names('山东德州的企业')).toEqual(['德州市']);
    });

    it('finds well-known prefecture short names without support', () => {
      expect(names('新建潍坊至烟台高铁开通运营').sort()).toEqual(['潍坊市', '烟台市']);
    });

    it('红旗社区 is not 红旗区', () => {
      expect(names('梁山县红旗社区文明实践志愿者')).toEqual(['梁山县']);
      expect(names('红旗社区居民', { homeRegionCode: '410700' })).toEqual([]);
    });

    it('`乡村振兴先进镇`, `示范镇` rank a township: no 振兴区 vouched for by a township after it (set AC)', () => {
      expect(names('建成省级乡村振兴先进镇、省级乡村治理示范镇各1个')).toEqual([]);
      expect(names('建成省级乡村振兴先进镇', { homeRegionCode: '511100' })).not.toContain('振兴区');
      // a township's own name after a short name still vouches for it (`梁山拳铺镇`)
      expect(names('梁山拳铺镇举办农民丰收节')).toEqual(['梁山县']);
    });

    it('江口镇 is not 江口县', () => {
      expect(names('江口镇人大主席团将群众反映的诉求纳入清单', { homeRegionCode: '610900' })).toEqual([]);
      expect(names('江口集镇道路年久失修', { homeRegionCode: '610900' })).toEqual([]);
    });

    it('龙城公馆 is not 龙城区', () => {
      expect(names('鱼台第二实验中学对面的龙城公馆小区', { homeRegionCode: '370800' })).toEqual(['鱼台县']);
    });

    it('复兴号 is not 复兴区', () => {
      expect(names('潍烟高铁复兴号G9227首发列车', { homeRegionCode: '130400' })).toEqual([]);
    });

    it.each([
      ['梁山街道', '370800'],
      ['莱州站', '370600'],
      ['安康路', '610900'],
      ['梁山中学', '370800'],
      ['泗水河畔', '370800'],
    ])('%s names a street/station/school, not the county', (text, home) => {
      expect(names(text, { homeRegionCode: home })).toEqual([]);
    });

    it('never tags from inside another word (jieba boundaries)', () => {
      expect(names('新华社记者郭绪雷摄')).toEqual([]); // 新华区
      expect(names('孙中山先生')).toEqual([]);
      expect(names('中山大学')).toEqual([]);
      expect(names('祝您身体安康')).toEqual([]);
      expect(names('沙县小吃')).toEqual([]);
      expect(names('德州扑克比赛')).toEqual([]);
    });

    it('county short names need support from the text or the home region', () => {
      expect(names('江口')).toEqual([]);
      expect(names('贵州铜仁江口')).toEqual(['江口县']);
      expect(names('福建沙县')).toEqual(['沙县区']);
    });

    it('accepts a unique county-level city short name', () => {
      expect(names('莱州')).toEqual(['莱州市']);
    });

    it('generic words are not regions', () => {
      expect(names('全国秋粮已收获76.5%，中国式现代化')).toEqual([]);
      expect(names('城区学校交通压力大', { homeRegionCode: '370800' })).toEqual([]);
    });
  });

  describe('county short names the words around them vouch for (no home region)', () => {
    it('without support or a cue a county short name is not taken', () => {
      expect(names('鱼台交警经过反复研究论证')).toEqual([]);
    });

    it('a place-label title (the title opens with the name and a colon) when the body names it again', () => {
      expect(names('近日，鱼台交警护航开学季。', { title: '鱼台：交警护航开学季' })).toEqual(['鱼台县']);
      expect(names('近日，全县交警护航开学季。', { title: '鱼台：交警护航开学季' })).toEqual([]);
      expect(names('鱼台交警护航开学季。', { title: '交警护航开学季' })).toEqual([]);
    });

    it('a township named right after it', () => {
      expect(names('梁山拳铺镇举办农民丰收节')).toEqual(['梁山县']);
      expect(names('涟水保滩街道便民服务中心')).toEqual(['涟水县']);
    });

    it('城镇, 乡镇 and 乡村 are words, not townships', () => {
      expect(names('发展资源型城镇')).toEqual([]);
      expect(names('新建乡镇卫生院')).toEqual([]);
      expect(names('振兴小城镇建设')).toEqual([]);
    });

    it('a dateline names it, and the body mentions it again', () => {
      expect(names('本报鱼台10月21日讯 近日，鱼台交警大队开展护学行动。')).toEqual(['鱼台县']);
      expect(names('本报鱼台讯 鱼台交警大队开展护学行动')).toEqual(['鱼台县']);
      // the dateline alone says where the story was filed, not what it is about
      expect(names('本报鱼台讯 全县秋种进展顺利')).toEqual([]);
    });

    it('a list of counties ends after it', () => {
      expect(names('涟水、盱眙两县联合开展河湖治理').sort()).toEqual(['涟水县', '盱眙县']);
      expect(names('梁山、嘉祥、汶上等县开展秋种').sort()).toEqual(['嘉祥县', '梁山县', '汶上县']);
      expect(names('推动资源、合作等区域协同')).toEqual([]);
    });

    it('the traps stay out with every cue', () => {
      expect(names('江口镇人大主席团将群众反映的诉求纳入清单', { title: '江口：民生实事' })).toEqual([]);
      expect(names('本报讯 梁山县红旗社区文明实践志愿者')).toEqual(['梁山县']);
      expect(names('鱼台第二实验中学对面的龙城公馆小区')).toEqual([]);
      expect(names('潍烟高铁复兴号G9227首发列车')).toEqual([]);
    });

    it('a county-level city named after its mountain, or a city name that is a common word, needs support', () => {
      expect(names('大力弘扬井冈山精神')).toEqual([]);
      expect(names('确保红色江山后继有人')).toEqual([]);
      expect(names('排查临江边坡、低洼易涝点')).toEqual([]);
      expect(names('江西省吉安市井冈山市，井冈山的农产品')).toEqual(['井冈山市']);
    });
  });

  describe('ambiguity', () => {
    it('resolves 朝阳区 by co-mentioned ancestors', () => {
      expect(matcher.detect('北京市朝阳区')[0].code).toBe('110105');
      expect(matcher.detect('长春市朝阳区')[0].code).toBe('220104');
      expect(matcher.detect('吉林省朝阳区')[0].code).toBe('220104');
    });

    it('resolves 朝阳区 by the home region', () => {
      expect(matcher.detect('朝阳区开展活动', { homeRegionCode: '220100' })[0].code).toBe('220104');
      expect(matcher.detect('朝阳区开展活动', { homeRegionCode: '110000' })[0].code).toBe('110105');
    });

    it('without context prefers the municipality', () => {
      expect(matcher.detect('朝阳区开展活动')[0].code).toBe('110105');
    });

    it('short names colliding across levels prefer the higher level unless context says otherwise', () => {
      expect(names('吉林')).toEqual(['吉林省']);
      expect(names('承德')).toEqual(['承德市']);
      expect(names('河南')).toEqual(['河南省']);
      expect(names('青海省黄南州河南县')).toEqual(['河南蒙古族自治县']);
      expect(names('吉林省吉林市')).toEqual(['吉林市']);
    });

    it('resolves 鼓楼区 by the home region', () => {
      expect(matcher.detect('鼓楼区', { homeRegionCode: '350100' })[0].code).toBe('350102');
      expect(matcher.detect('鼓楼区', { homeRegionCode: '320300' })[0].code).toBe('320302');
    });
  });

  describe('relevance', () => {
    it('does not count the dateline of a wire story', () => {
      expect(names('新华社北京10月21日电（记者于文静）目前，全国秋收秋种正稳步推进。')).toEqual([]);
      expect(names('本报济宁10月21日讯 全市秋种进展顺利')).toEqual([]);
    });

    it('still uses the dateline for disambiguation', () => {
      expect(matcher.detect('新华社长春10月21日电 朝阳区举办活动，朝阳区居民参加')[0].code).toBe('220104');
    });

    it('drops a single passing mention of a far-away place in a long local article', () => {
      const text =
        '梁山县开展文明实践。梁山县志愿者走进社区。梁山县还将继续推进。学习借鉴浙江安吉的经验，梁山县成立专班。';
      expect(names(text)).toEqual(['梁山县']);
    });

    it('keeps two equally mentioned places', () => {
      expect(names('青岛海关所属济宁海关副关长介绍', { homeRegionCode: '370800' })).toEqual([
        '济宁市',
        '青岛市',
      ]);
    });

    it('counts title mentions more', () => {
      const r = matcher.detect('烟台文旅部门进行推介，烟台', { title: '潍（坊）烟（台）高铁开通' });
      expect(r.map((x) => x.name).sort()).toEqual(['潍坊市', '烟台市']);
    });

    it('a dominant ancestor absorbs passing mentions of its parts', () => {
      const text =
        '济宁市召开会议。济宁市要求各地抓好落实。济宁市还将推进改革。济宁市各县区中，梁山县表现突出。';
      expect(names(text)).toEqual(['济宁市']);
    });

    it('an ancestor mentioned alongside a well-covered descendant is implied, not listed', () => {
      const r = matcher.detect(
        '山东高铁通车里程达3047公里，新建潍坊至烟台高铁开通，山东省北部沿海地区，烟台文旅部门',
      );
      expect(r.map((x) => x.name).sort()).toEqual(['潍坊市', '烟台市']);
      expect(r.every((x) => x.path[0] === '山东省')).toBe(true);
    });
  });

  describe('what a text is about, without a home region', () => {
    /** Place-free sentences, to make a text longer than a brief. */
    const filler = (n: number): string => '会议强调，要坚持问题导向，扎实推进各项工作。'.repeat(n);

    it('a province named throughout is the subject; its cities are examples', () => {
      const text =
        '近年来，甘肃各级组织部门完善考核办法。甘肃省委组织部负责同志介绍，甘肃分类制定指标。' +
        '在兰州新区，考核突出项目建设。平凉市静宁县把苹果产业列入考核，静宁县委书记说。' +
        '定西市通渭县文化街区改造提速，通渭县党政领导班子考核排名靠前。甘肃持续优化考核。';
      expect(names(text)).toEqual(['甘肃省']);
    });

    it('a province named less than its busiest city, mentions spread over three cities: still the province', () => {
      const text =
        '四川立足省情发展劳务品牌。自贡彩灯远近闻名，自贡市出台政策，自贡的彩灯工匠走出去。' +
        '四川出台技能培训办法，四川设立彩灯专项。广安市岳池县的输变电工人，岳池县有超1万人，' +
        '岳池的工人走向全国。绵阳市也积极培育，绵阳的家政品牌出名。四川构建服务体系。';
      expect(names(text)).toEqual(['四川省']);
    });

    it('several cities of one province, each well covered and the province barely named: each city', () => {
      const text =
        '强降雨过后，贵港市、横州市、梧州市全力抢险。贵港市3万师生转移，贵港市15条道路抢通。' +
        '横州市立体救援，横州市六蓝村群众转移。梧州市做足准备，梧州市大批党员上堤。广西消防支援。';
      expect(names(text).sort()).toEqual(['梧州市', '横州市', '贵港市']);
    });

    it('a national roundup naming places in several provinces is about none of them', () => {
      const text =
        '各地抢抓农时推进夏收。山东汶上县的麦田里机声隆隆，汶上县农机手连夜作业。河南驻马店市' +
        '组织农机跨区作业，驻马店市收获过半。湖北襄阳市襄州区抢收抢晒，襄州区烘干能力提升。' +
        filler(5);
      expect(names(text)).toEqual([]);
    });

    it('a list of many cities of one province, none of them covered, is about none', () => {
      const text = `长沙、株洲、湘潭、衡阳、岳阳等市开展专项行动，${filler(20)}`;
      expect(names(text)).toEqual([]);
    });

    it('a place named in the title keeps its ancestor from taking its place', () => {
      const r = matcher.detect('怀化市举办诗歌季。湖南省文旅厅支持，湖南各地参与。湖南还将推广。', {
        title: '湖南怀化启动诗歌文化推广季',
      });
      expect(r.map((x) => x.name)).toEqual(['怀化市']);
    });

    it('the lead places the story: the last unit of a qualified chain, when the body names it again', () => {
      const text =
        '盛夏时节，在四川成都温江区万春镇，一杯大蒜咖啡走红。成都通过实施青年计划吸引人才，' +
        `成都市农业农村局介绍，成都将继续推进。温江区城乡融合发展见效。${filler(10)}`;
      // (the city above it, named in the text on its own, comes along: see "named ancestors")
      expect(names(text)).toEqual(['成都市', '温江区']);
      expect(
        names(`在四川成都温江区万春镇，一杯咖啡走红。成都发布政策，成都市推进，成都还将推广。${filler(10)}`),
      ).toEqual(['成都市']);
    });

    it('a place named once in a long text is kept (recall first: mentions are judged apart)', () => {
      expect(names(`会议在北京举行。${filler(20)}`)).toEqual(['北京市']);
      expect(names('会议在北京举行。与会代表围绕主题深入交流。')).toEqual(['北京市']);
      expect(names(`会议在北京举行，北京市代表发言。${filler(20)}`)).toEqual(['北京市']);
    });

    it('with a home region, its own area and another place named once are both kept', () => {
      expect(names(`青岛海关所属济宁海关副关长介绍。${filler(20)}`, { homeRegionCode: '370800' })).toEqual([
        '济宁市',
        '青岛市',
      ]);
    });
  });

  describe("a local paper's own words for its place (rule 5)", () => {
    const JINING = { homeRegionCode: '370800' };
    const LIANGSHAN = { homeRegionCode: '370832' };
    const SHANGYU = { homeRegionCode: '330604' };
    const HUNAN = { homeRegionCode: '430000' };

    it('我市, 全市, 本市 in a city paper name the city', () => {
      expect(names('全市秋收秋种进度过半，我市各部门加强调度', JINING)).toEqual(['济宁市']);
      expect(names('本市今年新增绿地120公顷', JINING)).toEqual(['济宁市']);
      expect(names('全市秋收秋种进度过半')).toEqual([]);
    });

    it("a county paper's 我市 is the county whatever it was called then; its 全市 is its prefecture", () => {
      expect(names('今年春节我市社会治安稳定', SHANGYU)).toEqual(['上虞区']);
      expect(names('全县小麦收获过半', LIANGSHAN)).toEqual(['梁山县']);
      expect(names('全市小麦收获过半', LIANGSHAN)).toEqual([]);
    });

    it("the unit's bodies and people (市委, 县委书记, 市民) speak of it only when nothing else is named", () => {
      expect(names('市环卫中心职工正在冲洗人行道，为市民提供整洁环境', JINING)).toEqual(['济宁市']);
      expect(names('县委书记来到村里查看灾情', LIANGSHAN)).toEqual(['梁山县']);
      expect(names('市政府督查组在鱼台县检查，市民反映的问题已整改，市城管局跟进', JINING)).toEqual([
        '鱼台县',
      ]);
    });

    it('never inside other words: 日本市场, 全市场, 城市民生, 市场监管局', () => {
      expect(names('日本市场需求回暖，全市场化改革，城市民生，市场监管局抽检', JINING)).toEqual([]);
    });

    it("a province paper's home vouches for no county's short name in it", () => {
      // 开化 (开化县, 浙江) is a word: with a city paper's home beside it, it would be supported
      expect(names('文明开化的进程', { homeRegionCode: '330000' })).toEqual([]);
    });

    it('来湘 in a province paper is a visit to the province', () => {
      const body = '调研组考察了长沙、株洲、湘潭3市，我省棚改进展顺利，全省开工21万套';
      expect(names(body, { ...HUNAN, title: '陈政高来湘调研' })).toEqual(['湖南省']);
      expect(names(body, { title: '陈政高来湘调研' })).toEqual(['长沙市', '株洲市', '湘潭市']);
    });

    it("a local paper's own province leads a story naming another province as often", () => {
      const text = '武汉游客李乐军在洛阳丢失相机，一位洛阳市民等了两小时送还。李乐军供职于武汉一家公司。';
      expect(names(text)).toEqual([]);
      expect(names(text, { homeRegionCode: '410300' })).toEqual(['洛阳市']);
    });

    it('a city nickname counts with support only', () => {
      expect(names('冰城哈尔滨成为避暑首选，冰城夏夜热闹非凡')).toEqual(['哈尔滨市']);
      expect(names('冰城迎来客流高峰', { homeRegionCode: '230100' })).toEqual(['哈尔滨市']);
      expect(names('春城无处不飞花')).toEqual([]);
    });

    it("a local paper's story naming only a township is about the paper's area; 北镇 in 盖北镇 is no city", () => {
      expect(
        names('盖北镇人居中心第二期正在进行打桩施工，作为上虞精细化工园区后勤保障基地', SHANGYU),
      ).toEqual(['上虞区']);
      expect(names('2月28日，盖北镇人居中心第二期正在进行打桩施工', SHANGYU)).toEqual(['上虞区']);
      expect(names('2月28日，盖北镇人居中心第二期正在进行打桩施工')).toEqual([]);
      // a township named after a county elsewhere stays a trap, with or without a home
      expect(names('江口镇人大主席团将群众反映的诉求纳入清单', { homeRegionCode: '610900' })).toEqual([]);
    });

    it('a place name running on into a street name is the street (玉林东路 in 成都)', () => {
      expect(names('武侯区玉林东路的居民反映，玉林东路3号院后是垃圾场')).toEqual(['武侯区']);
    });

    it('a place name before 门 is a city gate (汉阳门 in 武昌, 朝阳门 in 北京), not the place', () => {
      expect(
        names('小东门往汉阳门方向的公交线路，调整为经中山路恢复原线', { homeRegionCode: '420100' }),
      ).toEqual([]);
    });

    it("a paper's name in the text is not a mention of its place", () => {
      expect(names('周口日报社联合爱心企业为获奖群众颁奖')).toEqual([]);
      // … nor its website's or its phone paper's (`綦江网`, `綦江手机报`)
      expect(
        names('綦江网、綦江手机报等媒体刊发的所有文字，如需转载须经许可', { homeRegionCode: '500110' }),
      ).toEqual([]);
    });

    it('a place named as the holder of an organ says who acts: the counties visited are the subject', () => {
      const body =
        '市委组织部组织市直部门负责人赴梁山县、汶上县考察。考察组参观了梁山县产业园、汶上县农业示范区，梁山县、汶上县有关负责人介绍了情况。';
      expect(names(body, { ...JINING, title: '济宁市委组织部组织市直部门考察' }).sort()).toEqual([
        '梁山县',
        '汶上县',
      ]);
      // named as a place, the city stays the subject
      expect(names('济宁市今年新建公园12处，济宁市民游园更方便，梁山县新建3处', JINING)).toEqual(['济宁市']);
    });

    it("the city's organs and officials (市领导, 市政协) never make the city the subject over the district visited", () => {
      const body =
        '市政协副主席带领调研组来到任城区一所新建小学，协调解决施工问题。该小学是任城区重点项目，也是我市为民办实事项目之一。';
      expect(names(body, { ...JINING, title: '市领导调研新建小学' })).toEqual(['任城区']);
      // its people and area (市民, 市区) still speak of it
      expect(names('春节期间济宁各公园迎来游客和市民，市民游园热情高，任城区举办灯会', JINING)).toEqual([
        '济宁市',
      ]);
    });

    it("beside the paper's own area, a place elsewhere named in passing as often is not a subject", () => {
      const text =
        '临泽小学开展联系校友活动，在苏州、扬州、高邮城区等地设立校友联络点，现已联系到近千名校友。';
      // (苏州 stays out; 扬州, named, is the city 高邮 belongs to: see "named ancestors")
      expect(names(text, { homeRegionCode: '321084' })).toEqual(['扬州市', '高邮市']);
    });

    it('a full name in the title that the body names as a place counts there, however jieba cuts the title', () => {
      const body =
        '真想不到，我们近日在延安市富县洛阳村采访，遇到了落户这里50多年的孟津人杨继和一家。他的老家在孟津县城关镇长华村。';
      expect(names(body, { title: '富县河洛郎', homeRegionCode: '410300' })).toEqual(['富县']);
      // (not a title's word the body never names as a place)
      expect(names('村民们种植苹果，收入逐年增加。', { title: '致富县域经济' })).toEqual([]);
    });

    it('`北海救助局`, `北海舰队`: the northern sea area’s agencies, not 北海市 (its own bodies stay: `北海海事局`)', () => {
      expect(
        names('春运首日，山东海事局、北海救助局、北海航海保障中心派出9艘船艇，在渤海海峡联合巡航。'),
      ).toEqual(['山东省']);
      expect(names('北海舰队某部官兵开展训练。')).toEqual([]);
      expect(names('北海海事局组织开展演练，北海市民踊跃参与。')).toEqual(['北海市']);
    });

    it('`乐山市中区` is 乐山 and its district 市中区, not 乐山市 and a stray 中区 (a city without one keeps its name)', () => {
      expect(names('在乐山市中区的大街上，一群志愿者忙碌起来。')).toEqual(['市中区']);
      expect(names('济南市中区举办迎春灯会。')).toEqual(['市中区']);
      expect(names('济宁市中区举办迎春灯会。')).toEqual(['济宁市']);
      expect(names('全市中区域划分调整完成。')).toEqual([]);
    });

    it("three of the paper's own city's parts make the city a subject with them; a province's do not", () => {
      const body =
        '3月2日，鸠江南路延伸段跨青弋江大桥工程现场一片忙碌景象。该工程是镜湖区、鸠江区城东片区与弋江区接合部联动发展的重要次干路。';
      expect(names(body, { homeRegionCode: '340200' })).toEqual(['芜湖市', '镜湖区', '鸠江区', '弋江区']);
      expect(names(body)).toEqual(['镜湖区', '鸠江区', '弋江区']);
      expect(names('济南市和青岛市联合举办招聘会，两市企业提供岗位三千个。')).toEqual(['济南市', '青岛市']);
      expect(names('任城区开展植树活动，市民踊跃参加。')).toEqual(['任城区']);
    });

    it('named ancestors: a prefecture or county the text names itself, above a place it is about, comes along', () => {
      const body =
        '4月7日，市委副书记同市委党校干部职工一起，在横山区响水镇杨兴庄村义务植树点参加义务植树活动。' +
        '一株株树苗整齐排列，为榆林大地增添了勃勃生机。';
      expect(names(body, { homeRegionCode: '610800' })).toEqual(['榆林市', '横山区']);
      // not the province (framing, not a subject), not the paper's own words for its city (`市委`), not a
      // place the text only uses to qualify its part (`陕西榆林横山区`)
      expect(
        names('陕西省横山区响水镇杨兴庄村开展义务植树活动，市委副书记参加。', { homeRegionCode: '610800' }),
      ).toEqual(['横山区']);
      expect(names('在陕西榆林横山区响水镇，村民开展义务植树活动。横山区今年植树十万株。')).toEqual([
        '横山区',
      ]);
    });

    it('a city named twice, twice as often as its one district, is the subject', () => {
      expect(names('从外地返回济宁的王先生准备在济宁歇息一晚，车停在任城区一家酒店楼下')).toEqual(['济宁市']);
      // a province is not: `安徽…公司` names a company
      expect(
        names('安徽某某公司项目现场，安徽某某集团负责人介绍，凤台经济开发区将加快推进项目', {
          homeRegionCode: '340400',
        }),
      ).toEqual(['凤台县']);
    });

    it('generic words and ethnic townships are not counties: 古城区, 柳城畲族镇', () => {
      expect(names('古城区舞狮表演热闹欢腾')).toEqual([]);
      expect(names('武义县柳城畲族镇荷花物种园一片狼藉')).toEqual(['武义县']);
    });
  });

  describe('robustness and speed', () => {
    it('handles empty and non-Chinese text', () => {
      expect(matcher.detect('')).toEqual([]);
      expect(matcher.detect('AEO certification, PAIR 2024')).toEqual([]);
      expect(matcher.detect('梁山', { homeRegionCode: 'nonsense' })).toEqual([]);
    });

    it('normalises whitespace and 潍（坊）-style abbreviations', () => {
      expect(normalizeForRegions('潍（坊）烟（台）\n高铁 开通')).toBe('潍坊烟台高铁开通');
    });

    it('never throws and only returns gazetteer regions with consistent ancestry (property)', () => {
      const chars = [
        ...'梁山县济宁市鱼台红旗社区镇号朝阳区北京新华社中国全国吉林承德河南安康江口10月日电，。 \n',
      ];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...chars), { maxLength: 80 }),
          fc.option(fc.constantFrom('370800', '610900', '110000'), { nil: undefined }),
          (cs, home) => {
            const result = matcher.detect(cs.join(''), { homeRegionCode: home });
            for (const r of result) {
              const known = matcher.describe(r.code);
              expect(known).toBeDefined();
              expect(r.ancestors).toEqual(known!.ancestors);
              expect(r.path).toHaveLength(r.ancestors.length);
              expect(r.mentions).toBeGreaterThan(0);
              // no reported region is an ancestor of another reported region
              for (const other of result) expect(other.ancestors).not.toContain(r.code);
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it('reads 1 MB of text (its speed is in `npm run bench -- --only regions`)', () => {
      const para =
        '近日，梁山县红旗社区文明实践志愿者来到居民家中。鱼台县交警大队改造校园周边道路，宁陕县江口镇人大主席团开展监督。';
      const text = para.repeat(Math.ceil(1_000_000 / para.length));
      matcher.detect(para, { homeRegionCode: '370800' }); // warm jieba
      const r = matcher.detect(text, { homeRegionCode: '370800' });
      expect(r.map((x) => x.name)).toEqual(expect.arrayContaining(['梁山县', '鱼台县']));
    });
  });
});
