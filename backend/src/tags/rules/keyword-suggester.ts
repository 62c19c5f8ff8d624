/**
 * Topic keyword suggestions for a clipping: jieba TF-IDF (`TfIdf.extractKeywords` of @node-rs/jieba
 * 2.0.3 with its default IDF table), keeping nouns, verbal nouns and similar content words, then
 * dropping place names (jieba's `ns` tag is excluded up front; gazetteer names, their short forms and
 * anything ending in an administrative suffix after a gazetteer short name are dropped afterwards),
 * newspaper boilerplate (`记者`, `通讯员`, `近日` …), numbers and single characters.
 *
 * jieba and the gazetteer name set are loaded lazily, once per process.
 */
import { getJieba, getTfIdf } from '../../regions/gazetteer/jieba';
import { loadGazetteer } from '../../regions/gazetteer/load-gazetteer';
import { nameAliases, shortName } from '../../regions/gazetteer/short-name';

export interface KeywordSuggestion {
  keyword: string;
  weight: number;
}

export interface SuggestKeywordsOptions {
  /** How many keywords to return (default 8). */
  topK?: number;
  /** Extra words never to suggest (e.g. existing tag names). */
  exclude?: Iterable<string>;
  /** Place names to filter out; default: every gazetteer name and short name (loaded lazily). */
  placeNames?: ReadonlySet<string>;
}

/** Parts of speech kept: nouns, other proper nouns, organisation names, verbal nouns, idioms, Latin words. */
const ALLOWED_POS = ['n', 'nz', 'nt', 'nw', 'vn', 'l', 'i', 'eng'];

/** Newspaper boilerplate and generic words that make poor topic tags. */
const STOPWORDS = new Set([
  '记者',
  '通讯员',
  '本报',
  '本报记者',
  '本报讯',
  '新华社',
  '编辑',
  '责任编辑',
  '摄影',
  '图片',
  '图为',
  '日电',
  '近日',
  '目前',
  '今年',
  '去年',
  '近年来',
  '同时',
  '以来',
  '期间',
  '方面',
  '工作',
  '情况',
  '问题',
  '活动',
  '部门',
  '单位',
  '领导',
  '同志',
  '群众',
  '百姓',
  '全县',
  '全市',
  '全省',
  '全国',
  '我国',
  '我市',
  '我县',
  '地区',
  '区域',
  '措施',
  '方式',
  '作用',
  '水平',
  '能力',
  '基础',
  '体系',
  '机制',
  '制度',
  '意见',
  '精神',
  '重点',
  '目标',
  '任务',
  '项目',
  '事项',
  '成果',
  '效果',
  '质量',
  '发展',
  '建设',
  '推进',
  '加强',
  '完善',
  '提升',
  '实施',
  '开展',
  '组织',
]);

const ADMIN_SUFFIX = /(省|市|县|区|州|盟|旗|镇|乡|村|街道|社区)$/;

let defaultPlaceNames: Set<string> | undefined;

function gazetteerNames(): Set<string> {
  if (!defaultPlaceNames) {
    defaultPlaceNames = new Set<string>();
    for (const e of loadGazetteer()) {
      defaultPlaceNames.add(e.name);
      defaultPlaceNames.add(shortName(e.name));
      for (const a of nameAliases(e.name)) defaultPlaceNames.add(a);
    }
    for (const generic of ['中国', '全国', '我国', '中华人民共和国', '中央', '国务院'])
      defaultPlaceNames.add(generic);
  }
  return defaultPlaceNames;
}

function isPlace(word: string, places: ReadonlySet<string>): boolean {
  if (places.has(word)) return true;
  const m = ADMIN_SUFFIX.exec(word);
  return !!m && places.has(word.slice(0, word.length - m[0].length));
}

/**
 * Up to `topK` keyword suggestions, best first. Returns [] for blank text or when jieba's native
 * module is unavailable.
 */
export function suggestKeywords(text: string, options: SuggestKeywordsOptions = {}): KeywordSuggestion[] {
  const topK = Math.max(1, Math.min(50, Math.floor(options.topK ?? 8)));
  const clean = text.replace(/\s+/g, '');
  if (clean === '') return [];
  const jieba = getJieba();
  const tfIdf = getTfIdf();
  if (!jieba || !tfIdf) return [];
  const places = options.placeNames ?? gazetteerNames();
  const exclude = new Set(options.exclude ?? []);
  const raw = tfIdf.extractKeywords(jieba, clean, topK * 4 + 10, ALLOWED_POS);
  const out: KeywordSuggestion[] = [];
  for (const { keyword, weight } of raw) {
    if ([...keyword].length < 2 || /^[\d.%％]+$/.test(keyword)) continue;
    if (STOPWORDS.has(keyword) || exclude.has(keyword) || isPlace(keyword, places)) continue;
    out.push({ keyword, weight: Math.round(weight * 1000) / 1000 });
    if (out.length >= topK) break;
  }
  return out;
}
