/**
 * Finds the Chinese administrative divisions a piece of text is ABOUT.
 *
 * Built once from the gazetteer (≈3,200 units, ≈6,000 surface forms) into a character trie; `detect()`
 * walks the text once (O(text length × longest name), i.e. linear) and only consults jieba on small
 * windows around short-name candidates. Pure: no framework, no I/O (jieba is loaded lazily, once).
 *
 * ## Surface forms
 * Every unit is matched by its full name (`梁山县`, `济宁市`) and by its short name (`梁山`, `济宁`, see
 * `shortName`). Text is normalised first: all whitespace is removed (newspaper lines wrap inside words:
 * `泗\n水县`) and the abbreviation style `潍（坊）烟（台）` is collapsed to `潍坊烟台`.
 *
 * ## Which matches count (never a substring of another word)
 * 1. Longest match wins: a candidate overlapping a longer accepted candidate is dropped (`梁山` inside
 *    `梁山县`, `济宁市` + `市中区` in `济宁市中区` → only the earlier/longer one).
 * 2. Full names of ≥ 3 characters are "anchors" and are accepted without jieba, unless the last
 *    character clearly starts another word (`吉林市场` is 吉林 + 市场, `朝阳区域` is not 朝阳区).
 * 3. Weak forms — every short name, every 2-character full name (`单县`, `理县`: `现代县域`, `管理县级`)
 *    and generic full names (`城区`, `新城区`, `市中区`, `城关区` …) — must additionally
 *    a. not be followed by a sub-unit or facility word (`红旗社区`, `江口镇`, `梁山街道`, `龙城公馆`,
 *       `复兴号`, `莱州站`, `…路/街/小区/中学/医院/公园/河/山` …);
 *    b. cover whole jieba tokens (`新华社` is one token, so no 新华区; `孙中山`, `中山大学` no 中山);
 *    c. be SUPPORTED when they name a county-level unit or a common word (`安康`, `朝阳`, `日照`, `德州` …):
 *       the same unit's full name, one of its ancestors or descendants is anchored in the text, or the
 *       publication's home region is the unit, an ancestor, a descendant or a sibling county in the same
 *       prefecture. Exception: a unique short name of a county-level CITY (`莱州`, `寿光`) that jieba tags
 *       as a place name (`ns`) needs no support — unless it is a common word (`江山`, `临江`) or ends in
 *       山 (`井冈山`, `庐山`: in most texts the mountain);
 *    d. or else be VOUCHED FOR by the words around them (`placeCue`): a two-character township right
 *       after (`梁山拳铺镇`, `涟水保滩街道`; not `城镇`, `乡镇`), a dateline (`本报鱼台讯`,
 *       `本报鱼台10月21日讯`), the end of a list of counties after them (`涟水、盱眙两县`, `梁山、嘉祥、汶上等县`),
 *       or a place-label title (`东乡：千亩晚稻开镰收割`) when the body names the place again. A vouched-for
 *       unit supports its other mentions (`本报鱼台讯 鱼台交警…`). jieba's `ns` tag alone or a repeated
 *       mention alone does not vouch: in the test corpora nearly all such county short names were words
 *       (`新建`, `通江达海`, `安宁`, `古城`) or landforms (`南湖`, `泰山`).
 * 4. Ambiguous forms (`朝阳区` ×2, `吉林` = 吉林省/吉林市, `承德` = 承德市/承德县, `河南` = 河南省/河南县)
 *    are resolved by context: ancestors or descendants anchored in the text (+10 each), relation to the
 *    home region (+4), then for short names the higher level (province > prefecture > county), then
 *    units of municipalities / provincial capitals, then the lowest code.
 * 5. With a home region, the paper's own words for its unit count as mentions of it: `我市`, `全市`,
 *    `本市` in a city paper, `我县`/`全县` in a county paper, `我省`/`全省` in a province paper
 *    (`selfReferences`). A city's well-known nickname (`冰城`, `榕城`, `邕城`: `CITY_NICKNAMES`) is a weak
 *    form of that city: it counts only with support (the home region, or the city, an ancestor or a
 *    descendant named in the text).
 *
 * ## Relevance: mentioned vs. about
 * - A dateline (`新华社北京10月21日电`, `本报济宁10月21日讯`, `本报鱼台讯`) says where the story was filed,
 *   not what it is about: places directly before `…月…日电/讯` or between `本报`/`新华社` and `电/讯` are
 *   used for disambiguation and support but do not count.
 * - Each remaining mention scores 1, or 3 inside `opts.title`. An ancestor written directly before
 *   its descendant (`济宁市梁山县`, `浙江安吉`) only qualifies it and does not count. A unit's subtree
 *   score is its own plus all its descendants'. A place named as the holder of an organ
 *   (`天水市委老干部局`, `银川市公安局`) says who acts, not where: it scores ½, like the paper's words for
 *   its own organs (`市委`, `市领导`), and neither makes a unit the subject over parts the text names.
 * - The focus walk (`focus`), from the whole country down:
 *   - across provinces, the walk goes into a province holding ≥ 60 % of the score (for a paper with a
 *     home region, also into its own province when no other scores more, ties included), else only into
 *     places named in the title: a national roundup (`山东汶上…河南驻马店…湖北襄阳…`) is about none;
 *   - a unit named ≥ 3 times and at least ¾ as often as its busiest part is the subject, its parts
 *     are examples (`甘肃…兰州新区…静宁县…通渭县…甘肃` → 甘肃省); so is a prefecture or county named
 *     twice and twice as often as its busiest part (`返回西安…在西安歇息` over one `雁塔区`);
 *   - else the walk goes into every part scoring at least half the best part (smaller parts are passing
 *     mentions); more than three such parts are a list: the unit if it is named itself, else none;
 *   - a unit never takes the place of a pinned part below it: one named in the title (`湖南怀化启动…`
 *     → 怀化市) or where the lead places the story — the deepest unit of a qualified chain that is the
 *     first place within 60 characters of the body (`在四川成都温江区万春镇…`) and is named again later.
 * - A prefecture or county the text names on its own (not as a qualifier, not by the paper's `我市`/`市委`)
 *   above a place the walk chose comes along with it (`横山区…榆林大地` → 榆林市, 横山区); provinces do not.
 * - A place named once is kept (measured: requiring two mentions in longer texts cost 9 points of
 *   recall on the held-out development dates and bought precision only where mentions are not judged).
 * - `全国`, `中国`, `我国` etc. are not regions (they are not in the gazetteer).
 */
import type { GazetteerEntry, RegionLevel } from './load-gazetteer';
import { nameAliases, shortName } from './short-name';
import { getJieba } from './jieba';

export interface DetectedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  /** Ancestor names from the province down to the parent (excludes the region itself). */
  path: string[];
  /** Ancestor codes in the same order as `path`. */
  ancestors: string[];
  /** Counted (non-dateline) mentions, title included. */
  mentions: number;
  /** Up to 5 distinct snippets of normalised text around the mentions. */
  evidence: string[];
}

export interface DetectOptions {
  /** Region of the publication (e.g. `370800` for a 济宁 paper); disambiguates and supports short names. */
  homeRegionCode?: string;
  /** Title lines of the clipping; mentions there weigh 3× (the body is `text`). */
  title?: string;
}

/** Mention scores of one text, for the focus walk. */
interface Tally {
  /** Score of each unit's own mentions by name (title mentions weigh TITLE_WEIGHT). */
  own: Map<string, number>;
  /** Score of the paper's words for its own unit (`我市`, `市委`: rule 5), kept apart from `own`. */
  selfRefs: Map<string, number>;
  /**
   * Score of the paper's words for its own unit's organs and officials (`市委`, `市政协`, `市领导`), and of
   * a place named as an organ's holder (`天水市委`): they say who acts, not where. They count towards
   * the unit's subtree and keep it in a list, but never make it the subject over parts named in the text.
   */
  organRefs: Map<string, number>;
  /** Score of each unit's mentions and all its descendants'. */
  sub: Map<string, number>;
  /** Units with a place named in the title at or below them. */
  titledBelow: Set<string>;
  /** Units with a pinned place (titled, or placed by the lead) at or below them. */
  pinnedBelow: Set<string>;
  /** The province (top-level unit) of the publication's home region, if known. */
  homeProvince: string | null;
  /** The publication's home region and its ancestors (empty when unknown). */
  homeLine: ReadonlySet<string>;
}

/** Token with part-of-speech tag, as returned by jieba's `tag()`. */
export interface TaggedToken {
  word: string;
  tag: string;
}

/** Word segmenter used as a word-boundary signal for short names (jieba's `cut`). */
export type Segmenter = (text: string) => string[];
/** Part-of-speech tagger (jieba's `tag`); only consulted for unique county-level city short names. */
export type Tagger = (text: string) => TaggedToken[];

export interface RegionMatcherOptions {
  /** Segmenter for the short-name boundary check; default: jieba (lazy). `null` disables the check. */
  segmenter?: Segmenter | null;
  /** Tagger telling whether a short name is used as a place (`ns`); default: jieba (lazy). `null`: never. */
  tagger?: Tagger | null;
}

type SurfaceKind = 'full' | 'short' | 'nickname';

interface Surface {
  form: string;
  kind: SurfaceKind;
  codes: string[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  out: Surface[] | null;
}

interface RegionInfo {
  entry: GazetteerEntry;
  ancestors: string[];
  path: string[];
  prefectureCode: string | null;
  short: string;
  children: string[];
}

/** What follows `北海` in the name of a national agency of the northern sea area. */
const SEA_AREA_AGENCY_RE = /^(?:救助|航海保障|舰队|分局|预报中心|海区|航区|打捞)/;

/** The district named 市中区 (city centre) that several prefectures have. */
const CITY_CENTRE_DISTRICT = '市中区';

interface Candidate {
  start: number;
  end: number;
  surface: Surface;
  /** A weak form (rule 3): short name, 2-character or generic full name. */
  weak: boolean;
  /** Unique short name of a county-level city that jieba tags `ns` here (exempt from rule 3c). */
  placeTagged: boolean;
  /** The words around it show a place (rule 3d: township after it, dateline, county list, title label). */
  cued: boolean;
}

interface Mention {
  start: number;
  end: number;
  code: string;
  inTitle: boolean;
  dateline: boolean;
  /** A paper's word for its own unit (`我市`, `市委`), not its name: it weighs SELF_REFERENCE_WEIGHT. */
  selfRef?: boolean;
  /** A word for the unit's organs or officials (`市委`, `市领导`, `市…局`), not its people or area (`市民`, `市区`). */
  organ?: boolean;
  /** The paper's pronoun for its unit (`我市`, `全市`, `本县`): counted as naming it, but no name in the text. */
  pronoun?: boolean;
}

/** Full names that are also generic words; they are treated like short names (jieba + support). */
const GENERIC_FULL_NAMES = new Set([
  '城区',
  '郊区',
  '矿区',
  '东区',
  '西区',
  '新城区',
  '老城区',
  '古城区',
  '市中区',
  '城中区',
  '城关区',
  '城东区',
  '城西区',
  '城北区',
  '城南区',
  '新区',
  '开发区',
  '高新区',
  '河东区',
  '河西区',
  '江北区',
  '江南区',
  '新华区',
  '和平区',
]);

/**
 * Short names of prefecture- or province-level units that are also ordinary words or other things;
 * they need support like county-level short names. (`祝您安康`, `日照时间`, `德州扑克`, `朝阳产业` …)
 */
const AMBIGUOUS_WORD_SHORTS = new Set([
  '安康',
  '大同',
  '长治',
  '黄山',
  '红河',
  '白山',
  '白银',
  '普洱',
  '海西',
  '海东',
  '海北',
  '玉树',
  '来宾',
  '安顺',
  '大庆',
  '中卫',
  '日照',
  '德州',
  '巴中',
  '阿里',
  '开封',
  '朝阳',
  '怒江',
  '黑河',
  '中山',
  '东方',
  '太平',
  '吉安',
  '永安',
  '平安',
  '和平',
  '新华',
  '光明',
  '前进',
  '向阳',
  '红旗',
  '友谊',
  '安定',
  '工农',
  '新兴',
  '新城',
  '城关',
  '白云',
  '青山',
  '鼓楼',
  '长安',
  '河口',
  '城中',
  '市中',
  '江北',
  '江南',
  '南山',
  '通道',
  '大方',
  '平原',
  '富民',
  '安宁',
  '公安',
  '榆树',
  '宝山',
  '西湖',
  '普陀',
  '长寿',
  '文明',
  '团结',
  '胜利',
  '民主',
  '建设',
  '先锋',
  '红星',
  '江山',
  '临江',
  // 北镇市, and the end of many townships' names (`盖北镇`, `河北镇`)
  '北镇',
]);

/**
 * Nicknames the press uses for a city in place of its name (`冰城` 哈尔滨, `榕城` 福州). Weak forms: they
 * need support like county short names (`春城` is also spring in a poem, `绿城` two cities' nickname).
 */
const CITY_NICKNAMES: ReadonlyArray<readonly [string, string]> = [
  ['冰城', '哈尔滨市'],
  ['哈市', '哈尔滨市'],
  ['榕城', '福州市'],
  ['邕城', '南宁市'],
  ['绿城', '南宁市'],
  ['星城', '长沙市'],
  ['羊城', '广州市'],
  ['花城', '广州市'],
  ['鹏城', '深圳市'],
  ['泉城', '济南市'],
  ['春城', '昆明市'],
  ['蓉城', '成都市'],
  ['申城', '上海市'],
  ['津城', '天津市'],
  ['杭城', '杭州市'],
  ['甬城', '宁波市'],
  ['鹭岛', '厦门市'],
  ['洪城', '南昌市'],
  ['筑城', '贵阳市'],
  ['庐州', '合肥市'],
  ['姑苏', '苏州市'],
  ['金陵', '南京市'],
  ['洛城', '洛阳市'],
  ['乌市', '乌鲁木齐市'],
  ['呼市', '呼和浩特市'],
];

/** Words that, right after a short name, show it names a township, street, facility or landform. */
const FOLLOWER_WORDS: readonly string[] = [
  '街道',
  '社区',
  '小区',
  '公馆',
  '大道',
  '广场',
  '中学',
  '小学',
  '大学',
  '学院',
  '医院',
  '公园',
  '花园',
  '家园',
  '新村',
  '水库',
  '机场',
  '码头',
  '宾馆',
  '酒店',
  '饭店',
  '大厦',
  '景区',
  '东路',
  '西路',
  '南路',
  '北路',
  '中路',
  '大街',
  '日报',
  '晚报',
  '晨报',
  '报社',
  '手机报',
  '数字报',
  '融媒',
  '网',
  '古镇',
  '集镇',
  '村委',
  '嘎查',
  '苏木',
  '镇',
  '乡',
  '村',
  '路',
  '街',
  '巷',
  '弄',
  '号',
  '桥',
  '站',
  '苑',
  '湖',
  '河',
  '江',
  '山',
  '岭',
  '湾',
  '溪',
  '寺',
  '庙',
  '塔',
  '门',
  '洞',
  '峡',
  '岛',
  '港',
  '庄',
  '屯',
  '里',
  '坊',
  '园',
  '馆',
  '厂',
  '矿',
];

/** After a full name: `吉林市场`, `朝阳区域`, `XX区间` — the suffix character starts another word. */
const FULL_NAME_BREAKERS: Readonly<Record<string, readonly string[]>> = {
  市: ['场', '值', '面', '井', '招', '集'],
  区: ['域', '间', '块', '位', '别', '分', '划'],
  县: [],
  州: ['长'],
};

const DATELINE = /\d{1,2}月\d{1,2}日(?:电|讯)/g;
/**
 * `我市`, `本县`, `全省`, `市委`, `县公安局`, `市民`: a paper naming its own unit, or the unit's own
 * bodies and people, by the unit's suffix alone (rule 5).
 */
const SELF_REFERENCE =
  /[我本全][省市州盟县区旗]|[省市州县区](?:委|政府|人大|政协|纪委|领导|长|民|直|属|区|[\u4e00-\u9fff]{1,5}?(?:局|厅|中心|医院|法院|检察院))/g;
/** Words beginning with a unit's character that name the unit's bodies or people (`市委`, `县委书记`). */
/** Self-references naming the unit's people or area (`市民`, `市区`), as against its organs. */
const SELF_PEOPLE_OR_AREA = /^[省市州县区](?:民|区)/;
const UNIT_WORD_HEADS = [
  '委',
  '政府',
  '人大',
  '政协',
  '纪委',
  '领导',
  '长',
  '民',
  '直',
  '属',
  '区',
  '公安',
  '人民',
];

/** Whether jieba's word at a unit character is the character alone or one of the unit's words. */
function isUnitWord(word: string | null, suffix: string): boolean {
  if (word === null || !word.startsWith(suffix)) return false;
  const rest = word.slice(suffix.length);
  return rest === '' || UNIT_WORD_HEADS.some((h) => rest.startsWith(h));
}

/** `来湘`, `赴浙`: a visit to a province named by its one-character abbreviation (rule 5). */
const PROVINCE_VISIT = /[来赴抵离返回入援驻][湘浙鲁豫粤闽赣皖冀晋辽陕陇蜀黔滇桂琼]/g;
const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  湘: '湖南省',
  浙: '浙江省',
  鲁: '山东省',
  豫: '河南省',
  粤: '广东省',
  闽: '福建省',
  赣: '江西省',
  皖: '安徽省',
  冀: '河北省',
  晋: '山西省',
  辽: '辽宁省',
  陕: '陕西省',
  陇: '甘肃省',
  蜀: '四川省',
  黔: '贵州省',
  滇: '云南省',
  桂: '广西壮族自治区',
  琼: '海南省',
};
const COUNTY_SUFFIXES = '市县区旗';

/** The suffix a unit calls itself by (`市` for 济宁市 and for 北京市, `州` for 凉山彝族自治州), if any. */
function unitSuffix(entry: GazetteerEntry): string | null {
  if (MUNICIPALITIES.has(entry.code)) return '市';
  const last = entry.name[entry.name.length - 1] ?? '';
  if (entry.name.endsWith('地区') || entry.name.endsWith('特别行政区')) return null;
  if (entry.level === 'province') return last === '省' ? '省' : null;
  return '省市州盟县区旗'.includes(last) && last !== '省' ? last : null;
}
const LEVEL_RANK: Record<RegionLevel, number> = { province: 3, prefecture: 2, county: 1 };
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
const MAX_EVIDENCE = 5;
/** A mention in the title counts this many times. */
const TITLE_WEIGHT = 3;
/**
 * A paper's word for its own unit (`我市`, `市委`) counts this much of a mention of it: enough to be
 * what an otherwise placeless story is about, not to outweigh a county the story names.
 */
const SELF_REFERENCE_WEIGHT = 0.5;
/** Beside the paper's own area, a place elsewhere is a subject only scoring above this share of the best part. */
const OUTSIDE_HOME_SHARE = 0.75;
/**
 * A place named as the holder of an organ (`天水市委老干部局组织…赴甘谷县`, `银川市公安局…`, `秦州区政协的志愿者`)
 * says who acts, not where: such a mention weighs ORGAN_WEIGHT.
 */
const ORGAN_AFTER =
  /[省市州盟县区旗]?(?:委(?!员)|人民政府|政府|人大|政协|纪委|监委|[\u4e00-\u9fff]{1,5}?[局厅])/y;
const ORGAN_WEIGHT = 0.5;
/** A unit is the subject over its parts when it scores at least this much … */
const SUBJECT_MIN = 3;
/** … and at least this share of its most-mentioned part's subtree. */
const SUBJECT_SHARE = 0.75;
/** A province holding this share of all mentions is where the walk goes; below it, none. */
const PROVINCE_SHARE = 0.6;
/** The lead: the first place named within this many characters of the body's start. */
const LEAD_WINDOW = 60;
/** Mentions spread over more parts than this are a list: none of them is what the text is about. */
const MAX_PARTS = 3;
const SEGMENT_WINDOW = 6;

/** Whitespace-free text with `潍（坊）烟（台）` collapsed; shared by the matcher and its tests. */
export function normalizeForRegions(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/([\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,2})[）)]/g, '$1$2');
}

/** `本报梁山讯`, `本报梁山10月21日讯`, `新华社嘉兴6月1日电`: the place a dateline names. */
const DATELINE_SOURCES = ['本报', '新华社', '中新社'];
const DATELINE_AFTER = /(?:\d{1,2}月\d{1,2}日)?[电讯]/y;
/** `梁山拳铺镇`, `涟水保滩街道`: a two-character township name right after (`城镇`, `乡镇` are words). */
const TOWNSHIP_AFTER = /[\u4e00-\u9fff]{2}(?:镇(?![村区])|乡(?![镇村])|街道)/y;
const NOT_IN_TOWNSHIP_NAME = /[城乡镇村街区县市省型小族]/;
/** Words before 镇/乡 that rank a township, not name it (`乡村振兴先进镇`, `乡村治理示范镇`, `重点镇`). */
const TOWNSHIP_RANK_WORDS = /^(?:先进|示范|重点|特色|中心|模范|标杆|明星|百强|千强|样板|试点)/;
/** A township named anywhere (`盖北镇`, `东柳街道`), for a local paper's own area (rule 5). */
const TOWNSHIP_NAMED = /([\u4e00-\u9fff]{2})(?:镇(?![村区长])|乡(?![镇村亲])|街道(?!办))/g;
/** `涟水、盱眙两县`, `梁山、嘉祥、汶上等县`: the end of a list of counties or districts. */
const COUNTY_LIST_AFTER =
  /(?:、[\u4e00-\u9fff]{2,4})*(?:等|两|三|四|五|六|七|八|九|十)个?(?:县|区|旗|县区|区县|县市|市县)(?![域别间划分块位段])/y;
const COUNTY_LIST_START = new Set('、等两三四五六七八九十');

/** Whether a dateline source (`本报`, `新华社`) stands right before `start`. */
function afterDatelineSource(text: string, start: number): boolean {
  return DATELINE_SOURCES.some((w) => start >= w.length && text.startsWith(w, start - w.length));
}

/** Whether a sticky pattern matches at `at`. */
function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/**
 * Rule 3d: words around a weak name that show it names a place, so it needs no support: a township
 * follows it (`梁山拳铺镇`), a dateline names it (`本报梁山讯`), or a list of counties ends after it
 * (`涟水、盱眙两县`).
 */
export function placeCue(text: string, start: number, end: number): boolean {
  if (
    matchesAt(TOWNSHIP_AFTER, text, end) &&
    !NOT_IN_TOWNSHIP_NAME.test(text.slice(end, end + 2)) &&
    !TOWNSHIP_RANK_WORDS.test(text.slice(end, end + 2))
  )
    return true;
  if (afterDatelineSource(text, start) && matchesAt(DATELINE_AFTER, text, end)) return true;
  return COUNTY_LIST_START.has(text[end] ?? '') && matchesAt(COUNTY_LIST_AFTER, text, end);
}

/** `东乡：千亩晚稻开镰收割`: the title opens with the name as a label (rule 3d, with a body mention). */
function isTitleLabel(text: string, start: number, end: number, titleEnd: number): boolean {
  return start === 0 && end < titleEnd && (text[end] === '：' || text[end] === ':');
}

function defaultSegmenter(): Segmenter | null {
  const jieba = getJieba();
  return jieba ? (text: string) => jieba.cut(text, false) : null;
}

function defaultTagger(): Tagger | null {
  const jieba = getJieba();
  return jieba ? (text: string) => jieba.tag(text, false) : null;
}

export class RegionMatcher {
  private readonly regions = new Map<string, RegionInfo>();
  private readonly root: TrieNode = { next: new Map(), out: null };
  /** Codes of the top-level units (provinces, municipalities, autonomous regions, SARs). */
  private readonly provinces: string[] = [];
  private readonly segmenterOption: Segmenter | null | undefined;
  private segmenter: Segmenter | null | undefined;
  private readonly taggerOption: Tagger | null | undefined;
  private tagger: Tagger | null | undefined;

  constructor(gazetteer: readonly GazetteerEntry[], options: RegionMatcherOptions = {}) {
    this.segmenterOption = options.segmenter;
    this.taggerOption = options.tagger;
    for (const entry of gazetteer) {
      this.regions.set(entry.code, {
        entry,
        ancestors: [],
        path: [],
        prefectureCode: null,
        short: shortName(entry.name),
        children: [],
      });
    }
    for (const info of this.regions.values()) {
      const chain: RegionInfo[] = [];
      let parent = info.entry.parentCode ? this.regions.get(info.entry.parentCode) : undefined;
      while (parent) {
        chain.unshift(parent);
        parent = parent.entry.parentCode ? this.regions.get(parent.entry.parentCode) : undefined;
      }
      info.ancestors = chain.map((c) => c.entry.code);
      info.path = chain.map((c) => c.entry.name);
      info.prefectureCode = chain.find((c) => c.entry.level === 'prefecture')?.entry.code ?? null;
      const parentInfo = info.entry.parentCode ? this.regions.get(info.entry.parentCode) : undefined;
      if (parentInfo) parentInfo.children.push(info.entry.code);
      else this.provinces.push(info.entry.code);
    }
    const surfaces = new Map<string, Surface>();
    const addSurface = (form: string, kind: SurfaceKind, code: string): void => {
      const key = `${kind}:${form}`;
      let s = surfaces.get(key);
      if (!s) {
        s = { form, kind, codes: [] };
        surfaces.set(key, s);
        this.insert(s);
      }
      if (!s.codes.includes(code)) s.codes.push(code);
    };
    for (const info of this.regions.values()) {
      if (info.entry.name.length >= 2) addSurface(info.entry.name, 'full', info.entry.code);
      if (info.short !== info.entry.name && info.short.length >= 2)
        addSurface(info.short, 'short', info.entry.code);
    }
    const fullNames = new Set(gazetteer.map((e) => e.name));
    for (const info of this.regions.values()) {
      for (const alias of nameAliases(info.entry.name))
        if (!fullNames.has(alias)) addSurface(alias, 'full', info.entry.code);
    }
    // a nickname that is also a unit's name (`鹿城` 鹿城区, `姑苏` 姑苏区) is left to the unit
    const byName = new Map<string, string[]>();
    for (const e of gazetteer) byName.set(e.name, [...(byName.get(e.name) ?? []), e.code]);
    for (const [nickname, city] of CITY_NICKNAMES) {
      const codes = byName.get(city);
      if (surfaces.has(`full:${nickname}`) || surfaces.has(`short:${nickname}`)) continue;
      if (codes?.length === 1 && codes[0]) addSurface(nickname, 'nickname', codes[0]);
    }
  }

  /** Whether `form` is one of the gazetteer's surface forms (a full, short or nickname). */
  private isSurface(form: string): boolean {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < form.length && node; i++) node = node.next.get(form.charCodeAt(i));
    return !!node?.out;
  }

  /** Number of regions known to the matcher. */
  get size(): number {
    return this.regions.size;
  }

  /** Ancestor chain and names of a known region, or undefined. */
  describe(code: string): Omit<DetectedRegion, 'mentions' | 'evidence'> | undefined {
    const info = this.regions.get(code);
    if (!info) return undefined;
    return {
      code,
      name: info.entry.name,
      level: info.entry.level,
      path: [...info.path],
      ancestors: [...info.ancestors],
    };
  }

  detect(text: string, opts: DetectOptions = {}): DetectedRegion[] {
    const title = opts.title ? normalizeForRegions(opts.title) : '';
    const body = normalizeForRegions(text);
    const combined = title ? `${title}。${body}` : body;
    const titleEnd = title ? title.length : 0;
    const home = opts.homeRegionCode ? this.regions.get(opts.homeRegionCode) : undefined;

    const accepted = this.acceptCandidates(combined, this.scan(combined), home, titleEnd);
    const selfRefs = home ? this.selfReferences(combined, home, accepted, titleEnd) : [];
    const dateline = this.datelineStarts(combined, accepted);
    const mentions = this.resolve(accepted, home, titleEnd, dateline);
    if (selfRefs.length > 0) {
      mentions.push(...selfRefs);
      mentions.sort((a, b) => a.start - b.start);
    }
    // a local paper's story naming only a township (`盖北镇`, `东柳街道`) and no county is about the
    // paper's own area: townships are not in the gazetteer, and one elsewhere would come with its county
    if (home && home.entry.level !== 'province' && mentions.every((m) => m.dateline)) {
      for (const town of combined.matchAll(TOWNSHIP_NAMED)) {
        const end = town.index + town[0].length;
        // (not a township named after a county elsewhere, `江口镇`, `梁山街道`, nor across words: `江口集镇`)
        if (NOT_IN_TOWNSHIP_NAME.test(town[1] ?? '') || this.isSurface(town[1] ?? '')) continue;
        if (!this.isTokenSpan(combined, town.index, end)) continue;
        mentions.push({
          start: town.index,
          end,
          code: home.entry.code,
          inTitle: town.index < titleEnd,
          dateline: false,
        });
        break;
      }
    }
    return this.rank(mentions, combined, home, title ? titleEnd + 1 : 0);
  }

  private insert(surface: Surface): void {
    let node = this.root;
    for (let i = 0; i < surface.form.length; i++) {
      const ch = surface.form.charCodeAt(i);
      let next = node.next.get(ch);
      if (!next) {
        next = { next: new Map(), out: null };
        node.next.set(ch, next);
      }
      node = next;
    }
    (node.out ??= []).push(surface);
  }

  /** All gazetteer surface forms occurring in `text` (overlapping), in one left-to-right pass. */
  private scan(text: string): Array<{ start: number; end: number; surface: Surface }> {
    const found: Array<{ start: number; end: number; surface: Surface }> = [];
    const root = this.root.next;
    for (let i = 0; i < text.length; i++) {
      let node = root.get(text.charCodeAt(i));
      let j = i;
      while (node) {
        j++;
        if (node.out) for (const surface of node.out) found.push({ start: i, end: j, surface });
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
      }
    }
    return found;
  }

  /** Local checks (rules 1–3b): suffix breakers, follower words, jieba token boundaries, longest match. */
  private acceptCandidates(
    text: string,
    found: Array<{ start: number; end: number; surface: Surface }>,
    home: RegionInfo | undefined,
    titleEnd: number,
  ): Candidate[] {
    const valid: Candidate[] = [];
    // Cheap pre-filter saving jieba calls: a form that needs support (rule 3c) and has no unit that
    // could possibly be supported by anything in the text or by the home region is dropped right away.
    const present = new Set<string>();
    const fullPresent = new Set<string>();
    for (const f of found) {
      for (const code of f.surface.codes) {
        present.add(code);
        if (f.surface.kind === 'full') fullPresent.add(code);
      }
    }
    const memo = new Map<string, boolean>();
    const couldBeSupported = (code: string): boolean => {
      let ok = memo.get(code);
      if (ok === undefined) {
        ok =
          fullPresent.has(code) ||
          this.homeRelated(code, home) ||
          [...present].some((p) => p !== code && (this.isAncestor(p, code) || this.isAncestor(code, p)));
        memo.set(code, ok);
      }
      return ok;
    };
    const unsupported: typeof found = [];
    const labels: typeof found = [];
    const first: Candidate[] = [];
    const vouched = new Set<string>();
    for (const f of found) {
      const { form, kind } = f.surface;
      // `南山区` in `终南山区`, `青山区` in `大青山区`: "<mountain>区" names are too easily part of a longer word.
      const isAnchorForm =
        kind === 'full' && form.length >= 3 && !GENERIC_FULL_NAMES.has(form) && !form.endsWith('山区');
      if (isAnchorForm) {
        const breakers = FULL_NAME_BREAKERS[form[form.length - 1]] ?? [];
        if (breakers.includes(text[f.end] ?? '')) continue;
        valid.push({ ...f, weak: false, placeTagged: true, cued: false });
        continue;
      }
      if (FOLLOWER_WORDS.some((w) => text.startsWith(w, f.end))) continue;
      // the Bohai and Yellow Sea area's national agencies (`北海救助局`, `北海舰队`, `北海分局`) name the sea, not
      // 北海市 in Guangxi
      if (form === '北海' && SEA_AREA_AGENCY_RE.test(text.slice(f.end, f.end + 6))) continue;
      // `乐山市中区`: the city's short name, then its district 市中区 (乐山, 内江, 济南, 枣庄 each have one), not
      // 乐山市 and a stray 中区; jieba cuts `乐山市/中区`, so the district is taken before the city
      const cityDistrict = form === CITY_CENTRE_DISTRICT ? this.districtAfterItsCity(text, f) : null;
      if (cityDistrict) {
        const surface = { ...f.surface, codes: [cityDistrict] };
        first.push({ ...f, surface, weak: false, placeTagged: true, cued: true });
        continue;
      }
      const maybeUniqueCity =
        f.surface.codes.length === 1 && this.regions.get(f.surface.codes[0])!.entry.name.endsWith('市');
      const cueable = !GENERIC_FULL_NAMES.has(form);
      let cued: boolean | undefined;
      if (
        !maybeUniqueCity &&
        f.surface.codes.every((code) => this.formNeedsSupport(f.surface, code) && !couldBeSupported(code)) &&
        !(cued = cueable && placeCue(text, f.start, f.end))
      ) {
        if (cueable && isTitleLabel(text, f.start, f.end, titleEnd)) labels.push(f);
        else unsupported.push(f);
        continue;
      }
      if (!this.isTokenSpan(text, f.start, f.end)) continue;
      // (only a form that may need support can use a cue)
      cued ??=
        cueable &&
        f.surface.codes.some((code) => this.formNeedsSupport(f.surface, code)) &&
        placeCue(text, f.start, f.end);
      if (cued) for (const code of f.surface.codes) vouched.add(code);
      valid.push({
        ...f,
        weak: true,
        placeTagged: maybeUniqueCity && this.isPlaceTagged(text, f.start, f.end),
        cued,
      });
    }
    // A title label counts when the body names the place again (`东乡：…` over `…东乡晚稻…`).
    const labelled = new Set(labels.flatMap((f) => f.surface.codes));
    const again = new Set<string>();
    for (const f of vouched.size + labelled.size > 0 ? unsupported : []) {
      const vouchedFor = f.surface.codes.some((code) => vouched.has(code));
      const named = f.surface.codes.filter((code) => labelled.has(code));
      if ((!vouchedFor && named.length === 0) || !this.isTokenSpan(text, f.start, f.end)) continue;
      for (const code of named) again.add(code);
      // a place a cue vouches for (`本报鱼台讯`) supports its other mentions (`鱼台交警`)
      valid.push({ ...f, weak: true, placeTagged: false, cued: false });
    }
    for (const f of labels)
      if (f.surface.codes.some((code) => again.has(code)) && this.isTokenSpan(text, f.start, f.end))
        valid.push({ ...f, weak: true, placeTagged: false, cued: true });
    // Longest first, full names before short names, then leftmost; reject any overlap.
    valid.sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        (a.surface.kind === 'full' ? -1 : 1) - (b.surface.kind === 'full' ? -1 : 1) ||
        a.start - b.start,
    );
    const taken = new Uint8Array(text.length);
    const accepted: Candidate[] = [];
    for (const c of [...first, ...valid]) {
      let free = true;
      for (let k = c.start; k < c.end; k++)
        if (taken[k]) {
          free = false;
          break;
        }
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      accepted.push(c);
    }
    // a full name in the title that the body names as a place (`富县河洛郎` over `在延安市富县洛阳村采访`) is
    // the same place there, however jieba cuts the title
    const inBody = new Set<string>();
    for (const c of accepted) if (c.start >= titleEnd) for (const code of c.surface.codes) inBody.add(code);
    for (const f of inBody.size > 0 ? found : []) {
      if (f.end > titleEnd || f.surface.kind !== 'full' || !f.surface.codes.some((code) => inBody.has(code)))
        continue;
      if (taken.subarray(f.start, f.end).some((x) => x === 1)) continue;
      taken.fill(1, f.start, f.end);
      const surface = { ...f.surface, codes: f.surface.codes.filter((code) => inBody.has(code)) };
      accepted.push({ ...f, surface, weak: true, placeTagged: false, cued: true });
    }
    return accepted.sort((a, b) => a.start - b.start);
  }

  /** The 市中区 of the city whose short name is written right before it (`乐山市中区`), else null. */
  private districtAfterItsCity(text: string, f: { start: number; surface: Surface }): string | null {
    for (const code of f.surface.codes) {
      const parent = this.regions.get(code)?.entry.parentCode;
      const city = parent ? this.regions.get(parent) : undefined;
      if (city && city.short.length >= 2 && text.endsWith(city.short, f.start)) return code;
    }
    return null;
  }

  /** Whether [start,end) is a whole number of jieba tokens in a small window around it. */
  private isTokenSpan(text: string, start: number, end: number): boolean {
    const segmenter = this.words();
    if (!segmenter) return true;
    const from = Math.max(0, start - SEGMENT_WINDOW);
    const tokens = segmenter(text.slice(from, Math.min(text.length, end + SEGMENT_WINDOW)));
    let pos = from;
    let startOk = false;
    for (const word of tokens) {
      if (pos === start) startOk = true;
      pos += word.length;
      if (pos === end) return startOk;
      if (pos > end) return false;
    }
    return false;
  }

  /** The word segmenter (jieba unless the options say otherwise), set up on first use; null: none. */
  private words(): Segmenter | null {
    if (this.segmenter === undefined)
      this.segmenter = this.segmenterOption === undefined ? defaultSegmenter() : this.segmenterOption;
    return this.segmenter;
  }

  /** The jieba word that begins at `start`, or null when a word runs across it. */
  private wordAt(text: string, start: number): string | null {
    const segmenter = this.words();
    if (!segmenter) return text.slice(start, start + 1);
    const from = Math.max(0, start - SEGMENT_WINDOW);
    let pos = from;
    for (const word of segmenter(text.slice(from, Math.min(text.length, start + SEGMENT_WINDOW)))) {
      if (pos === start) return word;
      pos += word.length;
      if (pos > start) return null;
    }
    return null;
  }

  /** Whether jieba tags the word at [start,end) as a place name (`ns`) in its context. */
  private isPlaceTagged(text: string, start: number, end: number): boolean {
    if (this.tagger === undefined)
      this.tagger = this.taggerOption === undefined ? defaultTagger() : this.taggerOption;
    if (!this.tagger) return false;
    const from = Math.max(0, start - SEGMENT_WINDOW);
    let pos = from;
    for (const t of this.tagger(text.slice(from, Math.min(text.length, end + SEGMENT_WINDOW)))) {
      if (pos === start && pos + t.word.length === end) return t.tag === 'ns';
      pos += t.word.length;
      if (pos > start) return false;
    }
    return false;
  }

  /** Rule 3c for a weak form, before the jieba `ns` exemption of unique county-level city short names. */
  private formNeedsSupport(surface: Surface, code: string): boolean {
    const { form, kind } = surface;
    if (AMBIGUOUS_WORD_SHORTS.has(form) || kind === 'nickname') return true;
    if (kind === 'full') return GENERIC_FULL_NAMES.has(form) || form.length < 3 || form.endsWith('山区');
    return this.regions.get(code)!.entry.level === 'county';
  }

  /** Start offsets of mentions that form a dateline (`新华社北京10月21日电`). */
  private datelineStarts(text: string, accepted: Candidate[]): Set<number> {
    const starts = new Set<number>();
    const byEnd = new Map<number, Candidate>();
    for (const c of accepted) byEnd.set(c.end, c);
    const ends = [...text.matchAll(DATELINE)].map((m) => m.index);
    // `本报鱼台讯`, `新华社北京电`: a dateline without a date.
    for (const c of accepted)
      if ((text[c.end] === '电' || text[c.end] === '讯') && afterDatelineSource(text, c.start))
        ends.push(c.end);
    for (const end of ends) {
      let c = byEnd.get(end);
      while (c) {
        starts.add(c.start);
        c = byEnd.get(c.start);
      }
    }
    return starts;
  }

  private isAncestor(ancestor: string, code: string): boolean {
    return this.regions.get(code)?.ancestors.includes(ancestor) ?? false;
  }

  /** Relation of a candidate unit to the home region (rule 3c / 4). */
  private homeRelated(code: string, home: RegionInfo | undefined): boolean {
    if (!home) return false;
    const h = home.entry.code;
    // a province paper's home vouches for no county's short name: a province holds too many (`开化`, `常山`)
    if (home.entry.level === 'province' && !MUNICIPALITIES.has(h)) return code === h;
    if (h === code || this.isAncestor(h, code) || this.isAncestor(code, h)) return true;
    const info = this.regions.get(code);
    return (
      !!info &&
      info.entry.level === 'county' &&
      !!info.prefectureCode &&
      info.prefectureCode === (home.entry.level === 'prefecture' ? h : home.prefectureCode)
    );
  }

  /**
   * Rule 5: how a local paper names its own unit (`我市`, `全县`, `本省`), counted as mentions of the home
   * region. `我` + any county-level suffix is a county paper's own unit whatever it was called when
   * printed (上虞 was a 县, then a 市, now a 区); `本`/`全` only with the unit's own suffix (`全市` in a
   * county paper is its prefecture). Never inside a place name nor across jieba's words (`日本市场`,
   * `全市场`).
   */
  private selfReferences(
    text: string,
    home: RegionInfo,
    accepted: readonly Candidate[],
    titleEnd: number,
  ): Mention[] {
    const own = unitSuffix(home.entry);
    if (!own) return [];
    const taken = new Uint8Array(text.length);
    for (const c of accepted) taken.fill(1, c.start, c.end);
    const out: Mention[] = [];
    for (const m of text.matchAll(SELF_REFERENCE)) {
      const start = m.index;
      const pronoun = '我本全'.includes(m[0][0] ?? '');
      const suffix = pronoun ? (m[0][1] ?? '') : (m[0][0] ?? '');
      // `我市` as a whole; `市委`, `市公安局`: the unit's character, which must begin a word
      const end = pronoun ? start + 2 : start + 1;
      if (taken[start] || taken[end - 1]) continue;
      if (pronoun && (FULL_NAME_BREAKERS[suffix] ?? []).includes(text[end] ?? '')) continue;
      const ours =
        suffix === own ||
        (m[0][0] === '我' && home.entry.level === 'county' && COUNTY_SUFFIXES.includes(suffix));
      if (!ours) continue;
      // `日本市场`, `全市场`, `城市民生`, `市场监管局`: the characters belong to other words
      if (pronoun ? !this.isTokenSpan(text, start, end) : !isUnitWord(this.wordAt(text, start), suffix))
        continue;
      // `我市`, `全市` name the unit; `市委`, `市民` only speak of its bodies and people
      out.push({
        start,
        end,
        code: home.entry.code,
        inTitle: start < titleEnd,
        dateline: false,
        selfRef: !pronoun,
        organ: !pronoun && !SELF_PEOPLE_OR_AREA.test(m[0]),
        pronoun,
      });
    }
    const province = this.regions.get(home.ancestors[0] ?? home.entry.code)?.entry;
    for (const m of province ? text.matchAll(PROVINCE_VISIT) : []) {
      const start = m.index + 1;
      if (!province || taken[start] || PROVINCE_ABBREVIATIONS[m[0][1] ?? ''] !== province.name) continue;
      if (!this.isTokenSpan(text, m.index, start + 1)) continue;
      out.push({
        start,
        end: start + 1,
        code: province.code,
        inTitle: start < titleEnd,
        dateline: false,
      });
    }
    return out;
  }

  /** Rule 3c–4: pick one unit per mention, dropping unsupported weak ones. */
  private resolve(
    accepted: Candidate[],
    home: RegionInfo | undefined,
    titleEnd: number,
    dateline: Set<number>,
  ): Mention[] {
    const anchors = new Set<string>();
    const chosen = new Map<Candidate, string>();
    const contextScore = (code: string, kind: SurfaceKind): number => {
      const info = this.regions.get(code)!;
      let score = 0;
      for (const a of info.ancestors) if (anchors.has(a)) score += 10;
      for (const a of anchors) if (a !== code && this.isAncestor(code, a)) score += 10;
      if (this.homeRelated(code, home)) score += 4;
      if (kind === 'short') score += LEVEL_RANK[info.entry.level] * 0.9;
      if (MUNICIPALITIES.has(info.ancestors[0] ?? '') || /^\d{2}01\d\d$/.test(info.entry.parentCode ?? ''))
        score += 0.5;
      return score;
    };
    const best = (codes: string[], kind: SurfaceKind): string =>
      codes.length === 1
        ? codes[0]
        : [...codes].sort((a, b) => contextScore(b, kind) - contextScore(a, kind) || a.localeCompare(b))[0];
    const supported = (code: string): boolean => {
      if (anchors.has(code) || this.homeRelated(code, home)) return true;
      const info = this.regions.get(code)!;
      if (info.ancestors.some((a) => anchors.has(a))) return true;
      for (const a of anchors) if (this.isAncestor(code, a)) return true;
      return false;
    };
    const needsSupport = (c: Candidate, code: string): boolean => {
      if (!c.weak || c.cued || !this.formNeedsSupport(c.surface, code)) return false;
      const form = c.surface.form;
      // `井冈山精神`, `庐山西海`: a city named after its mountain is, in most texts, the mountain.
      const exemptCity =
        c.placeTagged &&
        !AMBIGUOUS_WORD_SHORTS.has(form) &&
        c.surface.kind === 'short' &&
        !form.endsWith('山');
      return !exemptCity;
    };

    // Round 1: anchors — mentions that need no support and name exactly one unit.
    for (const c of accepted) {
      const strongCodes = c.surface.codes.filter((code) => !needsSupport(c, code));
      if (strongCodes.length === 1) anchors.add(strongCodes[0]);
    }
    // Round 2: resolve ambiguous strong mentions, then add them as anchors.
    for (const c of accepted) {
      const strongCodes = c.surface.codes.filter((code) => !needsSupport(c, code));
      if (strongCodes.length === 0) continue;
      const code = best(strongCodes, c.surface.kind);
      chosen.set(c, code);
    }
    for (const code of chosen.values()) anchors.add(code);
    // Round 3: weak mentions that need support.
    for (const c of accepted) {
      if (chosen.has(c)) continue;
      const ok = c.surface.codes.filter((code) => supported(code));
      if (ok.length === 0) continue;
      chosen.set(c, best(ok, c.surface.kind));
    }
    const mentions: Mention[] = [];
    for (const c of accepted) {
      const code = chosen.get(c);
      if (!code) continue;
      mentions.push({
        start: c.start,
        end: c.end,
        code,
        inTitle: c.start < titleEnd,
        dateline: dateline.has(c.start),
      });
    }
    return mentions;
  }

  /** Relevance rules (see file comment): dateline, qualifiers, title weight, then the focus walk. */
  private rank(
    mentions: Mention[],
    text: string,
    home: RegionInfo | undefined,
    bodyStart: number,
  ): DetectedRegion[] {
    const own = new Map<string, number>();
    const selfRefs = new Map<string, number>();
    const organRefs = new Map<string, number>();
    const count = new Map<string, number>();
    const evidence = new Map<string, string[]>();
    const titled = new Set<string>();
    /** Units the text names by name, not as a qualifier, an organ's holder or the paper's own pronoun. */
    const named = new Set<string>();
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.dateline) continue;
      // `浙江安吉`, `济宁市梁山县`: an ancestor directly qualifying its descendant is not a mention of its own.
      const next = mentions[i + 1];
      if (next && next.start === m.end && this.isAncestor(m.code, next.code)) continue;
      ORGAN_AFTER.lastIndex = m.end;
      const organ = m.organ === true || (!m.selfRef && ORGAN_AFTER.test(text));
      const weight =
        (m.inTitle ? TITLE_WEIGHT : 1) * (m.selfRef ? SELF_REFERENCE_WEIGHT : organ ? ORGAN_WEIGHT : 1);
      const map = organ ? organRefs : m.selfRef ? selfRefs : own;
      map.set(m.code, (map.get(m.code) ?? 0) + weight);
      if (map === own && m.pronoun !== true) named.add(m.code);
      count.set(m.code, (count.get(m.code) ?? 0) + 1);
      if (m.inTitle) titled.add(m.code);
      const ev = evidence.get(m.code) ?? [];
      const snippet = text.slice(Math.max(0, m.start - 8), Math.min(text.length, m.end + 8));
      if (ev.length < MAX_EVIDENCE && !ev.includes(snippet)) ev.push(snippet);
      evidence.set(m.code, ev);
    }
    // Pinned: named in the title, or where the lead places the story when the body names it again.
    const lead = this.leadPlace(mentions, bodyStart);
    const pinned = new Set(titled);
    if (lead && (count.get(lead) ?? 0) >= 2) pinned.add(lead);
    // Subtree totals: every counted mention also counts for each ancestor.
    const homeProvince = home ? (home.ancestors[0] ?? home.entry.code) : null;
    const tally: Tally = {
      own,
      selfRefs,
      organRefs,
      sub: new Map(),
      titledBelow: new Set(),
      pinnedBelow: new Set(),
      homeProvince,
      homeLine: new Set(home ? [home.entry.code, ...home.ancestors] : []),
    };
    for (const [code, score] of [...own, ...selfRefs, ...organRefs]) {
      for (const c of [code, ...(this.regions.get(code)?.ancestors ?? [])]) {
        tally.sub.set(c, (tally.sub.get(c) ?? 0) + score);
        if (titled.has(code)) tally.titledBelow.add(c);
        if (pinned.has(code)) tally.pinnedBelow.add(c);
      }
    }
    const total = (code: string): number => tally.sub.get(code) ?? 0;
    const about: DetectedRegion[] = [];
    const focused = this.focus(null, tally);
    // A prefecture or county the text names itself above a place it is about is about too:
    // `在横山区响水镇…为榆林大地增添…` is 横山区 and 榆林市. Not a province (framing, `陕西省`), not the paper's
    // words for its city (`市委`, `我市`).
    for (const code of [...focused]) {
      for (const a of this.regions.get(code)?.ancestors ?? []) {
        if (named.has(a) && this.regions.get(a)?.entry.level !== 'province' && !focused.includes(a))
          focused.push(a);
      }
    }
    for (const code of focused) {
      const info = this.regions.get(code);
      if (!info) continue;
      about.push({
        code,
        name: info.entry.name,
        level: info.entry.level,
        path: [...info.path],
        ancestors: [...info.ancestors],
        mentions: count.get(code) ?? 0,
        evidence: evidence.get(code) ?? [],
      });
    }
    return about.sort(
      (a, b) =>
        total(b.code) - total(a.code) ||
        Number(this.homeRelated(b.code, home)) - Number(this.homeRelated(a.code, home)) ||
        a.code.localeCompare(b.code),
    );
  }

  /**
   * Where the lead places the story: the deepest unit of a qualified chain (`四川成都温江区`,
   * `海南三亚`, `福建泉州晋江市`) that is the first place named in the body, near its start.
   */
  private leadPlace(mentions: Mention[], bodyStart: number): string | null {
    let i = mentions.findIndex((m) => m.start >= bodyStart && !m.dateline);
    if (i < 0 || mentions[i].start - bodyStart > LEAD_WINDOW) return null;
    const first = i;
    while (
      i + 1 < mentions.length &&
      mentions[i + 1].start === mentions[i].end &&
      this.isAncestor(mentions[i].code, mentions[i + 1].code)
    )
      i++;
    return i > first ? mentions[i].code : null;
  }

  /**
   * The places a text is about, walking down from `unit` (null: the whole country). A unit is the
   * subject when it is named repeatedly and about as often as its most-mentioned part (its parts are
   * examples); else the walk goes on into each part scoring at least half the best part's score (parts
   * below that are passing mentions); more than MAX_PARTS such parts are a list: the unit if it is
   * named itself, else none. Across provinces the walk only goes on into a province holding most of
   * the mentions (a national roundup is about no place) and into places named in the title. A unit
   * with a pinned place below it (named in the title, placed by the lead) never takes its parts' place.
   */
  private focus(unit: string | null, t: Tally): string[] {
    const sub = (code: string): number => t.sub.get(code) ?? 0;
    const childCodes = unit === null ? this.provinces : (this.regions.get(unit)?.children ?? []);
    const parts = childCodes.filter((c) => t.sub.has(c)).sort((a, b) => sub(b) - sub(a));
    if (parts.length === 0) return unit === null ? [] : [unit];
    const best = sub(parts[0]);
    if (unit === null) {
      const titledParts = parts.filter((c) => t.titledBelow.has(c));
      const total = parts.reduce((n, c) => n + sub(c), 0);
      // a local paper's own province, named as often as any other, is where its story is
      const home = t.homeProvince;
      if (home !== null && parts.includes(home) && sub(home) >= best && titledParts.every((c) => c === home))
        return this.focus(home, t);
      const leads = best >= PROVINCE_SHARE * total && titledParts.every((c) => c === parts[0]);
      return (leads ? [parts[0]] : titledParts).flatMap((c) => this.focus(c, t));
    }
    // a paper's words for its own unit add to the unit's score once the text names it
    const named = t.own.get(unit) ?? 0;
    const self = named > 0 ? named + (t.selfRefs.get(unit) ?? 0) : 0;
    const pinnedPart = parts.some((c) => t.pinnedBelow.has(c));
    // (or, below a province, named twice and twice as often as its busiest part: `返回西安…在西安歇息`
    // over one `雁塔区`)
    const namedTwiceAsOften =
      self >= 2 && self >= 2 * best && this.regions.get(unit)?.entry.level !== 'province';
    if (!pinnedPart && ((self >= SUBJECT_MIN && self >= SUBJECT_SHARE * best) || namedTwiceAsOften))
      return [unit];
    // (beside the paper's own area, a place elsewhere named as often in passing is not a subject: `在南京、
    // 扬州、高邮城区等地设立联络点` in a 高邮 paper)
    const besideHome = parts.some((c) => t.homeLine.has(c));
    const main = parts.filter(
      (c) =>
        t.pinnedBelow.has(c) ||
        (besideHome && !t.homeLine.has(c) ? sub(c) > best * OUTSIDE_HOME_SHARE : sub(c) * 2 >= best),
    );
    if (main.length > MAX_PARTS)
      return named + (t.selfRefs.get(unit) ?? 0) + (t.organRefs.get(unit) ?? 0) > 0 ? [unit] : [];
    const below = main.flatMap((c) => this.focus(c, t));
    // three of the paper's own city's parts (or of a city the text names), each followed, make the city a
    // subject too (`镜湖区、鸠江区城东片区与弋江区接合部` in a 芜湖 paper → 芜湖市 with its three districts); not
    // two (`赴梁山县、汶上县考察`: the counties visited), not a province (its prefectures are far apart)
    const ownCity = t.homeLine.has(unit) || named > 0;
    if (main.length >= 3 && ownCity && this.regions.get(unit)?.entry.level !== 'province')
      return [unit, ...below];
    return below;
  }
}
