/**
 * Short forms of Chinese administrative-division names (`梁山县` → `梁山`, `大厂回族自治县` → `大厂`).
 *
 * Pure string logic, no data files. The rule of thumb is "what a newspaper writes when it drops the
 * administrative suffix": the suffix (省/市/县/区/盟/旗/地区/林区/特区/自治州/自治县/自治旗/自治区/
 * 特别行政区) goes, and for autonomous units the ethnic part before `自治…` goes too (`壮族`, `回族`,
 * `维吾尔`, `土家族苗族`, `各族`, `哈萨克` …).
 *
 * A short name is never a single character: when stripping would leave one character the full name
 * is returned unchanged (`沙县` stays `沙县`, `城区` stays `城区`). Callers treat a short name equal to
 * the full name as "no short form".
 */

/** The 55 minority nationalities (without `族`) plus `各` as in `龙胜各族自治县`. */
const ETHNIC_GROUPS: readonly string[] = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
];

/**
 * Ethnic tokens that may end the remainder after `自治…` was stripped, longest first. Single-character
 * nationalities only with `族` (`白族`, never a bare `白`), multi-character ones with or without it
 * (`伊犁哈萨克自治州`, `阿克塞哈萨克族自治县`).
 */
const ETHNIC_TOKENS: readonly string[] = ETHNIC_GROUPS.flatMap((g) =>
  g.length > 1 ? [`${g}族`, g] : [`${g}族`],
).sort((a, b) => b.length - a.length);

const AUTONOMOUS_SUFFIXES = ['自治区', '自治州', '自治县', '自治旗'] as const;

/** Plain suffixes tried in order; the first one that leaves ≥ 2 characters wins. */
const PLAIN_SUFFIXES = ['特别行政区', '地区', '特区', '省', '市', '县', '区', '盟', '旗'] as const;

const MIN_SHORT_LENGTH = 2;

function stripEthnic(rest: string): string {
  let current = rest;
  for (;;) {
    const token = ETHNIC_TOKENS.find(
      (t) => current.endsWith(t) && current.length - t.length >= MIN_SHORT_LENGTH,
    );
    if (!token) return current;
    current = current.slice(0, current.length - token.length);
  }
}

/**
 * Short name of an administrative division, or the name itself when it has no sensible short form.
 *
 * Examples: `山东省`→`山东`, `广西壮族自治区`→`广西`, `新疆维吾尔自治区`→`新疆`, `内蒙古自治区`→`内蒙古`,
 * `香港特别行政区`→`香港`, `延边朝鲜族自治州`→`延边`, `大厂回族自治县`→`大厂`, `东乡族自治县`→`东乡`,
 * `鄂伦春自治旗`→`鄂伦春`, `神农架林区`→`神农架`, `万柏林区`→`万柏林`, `沙县`→`沙县`.
 */
export function shortName(name: string): string {
  const full = name.trim();
  for (const suffix of AUTONOMOUS_SUFFIXES) {
    if (!full.endsWith(suffix)) continue;
    const rest = full.slice(0, -suffix.length);
    if (rest.length < MIN_SHORT_LENGTH) return full;
    const stripped = stripEthnic(rest);
    if (stripped !== rest) return stripped;
    // `东乡族自治县`: the place is named after the nationality; drop only the `族`.
    if (rest.endsWith('族') && rest.length - 1 >= MIN_SHORT_LENGTH) return rest.slice(0, -1);
    return rest;
  }
  // `神农架林区` is a forestry district; `万柏林区`/`碑林区`/`新林区` merely contain 林.
  if (full.endsWith('林区') && full.length - 2 >= 3) return full.slice(0, -2);
  // Banners named by position (`科尔沁左翼中旗`, `乌拉特前旗`) or `…联合旗` have no usable short form.
  if (/(?:[前中后左右]|联合)旗$/.test(full)) return full;
  for (const suffix of PLAIN_SUFFIXES) {
    if (full.endsWith(suffix) && full.length - suffix.length >= MIN_SHORT_LENGTH) {
      return full.slice(0, -suffix.length);
    }
  }
  return full;
}

/**
 * The abbreviation Inner Mongolia's papers print for a banner named by its side and part (`土默特右旗` →
 * `土右旗`, `科尔沁左翼中旗` → `科左中旗`, `察哈尔右翼后旗` → `察右后旗`), by East/West (`东乌珠穆沁旗` →
 * `东乌旗`), and `达茂旗`; null for any other unit.
 */
function bannerAbbreviation(name: string): string | null {
  if (name === '达尔罕茂明安联合旗') return '达茂旗';
  const side = /^(\p{Script=Han})[^左右]+([左右])(?:翼)?([前中后]?)旗$/u.exec(name);
  if (side) return `${side[1]}${side[2]}${side[3]}旗`;
  const eastWest = /^([东西])(\p{Script=Han})\p{Script=Han}{2,}旗$/u.exec(name);
  return eastWest ? `${eastWest[1]}${eastWest[2]}旗` : null;
}

/**
 * Other full-length forms newspapers use for autonomous units: the short name plus the plain suffix
 * (`黄南藏族自治州`→`黄南州`, `大厂回族自治县`→`大厂县`, `鄂伦春自治旗`→`鄂伦春旗`), and a banner's abbreviation
 * (`土右旗`). Empty for other units.
 */
export function nameAliases(name: string): string[] {
  const banner = bannerAbbreviation(name);
  if (banner) return [banner];
  const short = shortName(name);
  if (short === name) return [];
  const plain: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗' };
  for (const [suffix, replacement] of Object.entries(plain)) {
    if (name.endsWith(suffix)) return [`${short}${replacement}`];
  }
  return [];
}
