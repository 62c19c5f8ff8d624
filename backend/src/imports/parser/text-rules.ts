/**
 * Line-level recognisers for Chinese newspaper text: datelines, bylines, page furniture, banners,
 * headline shape, numbered subheads, key–value ad lines and notice titles.
 * Every regular expression here has bounded quantifiers only, so each test is linear in the line.
 */

import { endsSentence, isJsSpace, isNumberedHeading, visibleLength } from '@jianbao/contracts';
import { isPersonalName, namesOnLine, startsWithSurname } from './names';
import { MAX_HEADING_LINE_CHARS, MAX_NUMBERED_HEADING_CHARS } from './thresholds';

export { endsSentence, isNumberedHeading, visibleLength };

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HAN_RE = new RegExp(`[${HAN}]`);

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN_RE.test(ch);
}

// ---------------------------------------------------------------- datelines

/** `10月21日`, also the day alone as wire copy gives it (`新华社北京15日电`) and an hour after it (`15日16时讯`). */
const DATE =
  '(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月)?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日(?:[0-9０-９]{1,2}时)?';
const KNOWN_AGENCY =
  '(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|光明网|中国新闻网|中国日报网|人民日报|经济日报|工人日报|科技日报|法治日报|农民日报|本报|本台|本刊|本网)';
/** A paper or station, also a paper calling itself by its kind alone (`导报讯`, `晚报讯`, `晨报讯`). */
const MEDIA = `(?:掌上[${HAN}]{2,4}|[${HAN}]{1,8}?(?:新闻网|融媒体中心|广播电视台|电视台|网|在线)|[${HAN}]{0,8}?(?:日报|晚报|早报|晨报|时报|商报|导报|周报|都市报|快报|青年报|生活报|法治报|法制报|报社))`;
/**
 * A place between agency and date (`北京`, `济宁`), or between date and 电 (`现代快报5月8日南京电`), never a
 * role word such as 记者/通讯员.
 */
const PLACE = `(?:(?!记者|通讯|员|评论)[${HAN}]){0,6}?`;
/** A paper's news app or site named after it (`楚天都市报极目新闻讯`, `…客户端讯`, `山西晚报·山河+讯`). */
const MEDIA_BRAND = `(?:[${HAN}]{2,4}(?:新闻|客户端)|[·•][${HAN}+＋]{1,6})?`;
/**
 * Any paper's name before its 讯 (`快报讯`, `生活报讯`): 报讯 opening a text says so whatever kind of paper
 * it is. (Never across a 本报讯: a headline line glued before one is no paper's name.)
 */
const ANY_PAPER_NEWS = `(?:(?:(?!本报)[${HAN}]){1,6}?报|《[${HAN}]{2,10}》)讯(?=[\\s（(【]|记者)`;
/** Another paper's report retold, named in title marks: `据《广西日报》消息`. */
const QUOTED_SOURCE = `据《[${HAN}]{2,12}》消息`;
/** The paper's site or app named after a slash (`青岛日报社/观海新闻4月7日讯`, `日照日报/日照新闻网讯`). */
const MEDIA_PARTNER = `(?:[/／][${HAN}]{2,8}?(?:新闻网|新闻|网|客户端))?`;
const DATELINE_CORE =
  `(?:${KNOWN_AGENCY}${PLACE}(?:${DATE}${PLACE})?(?:电|讯)|${KNOWN_AGENCY}消息|` +
  `${MEDIA}${MEDIA_PARTNER}(?:${PLACE}${DATE}${PLACE}(?:电|讯)|${MEDIA_BRAND}(?:讯|消息))|${ANY_PAPER_NEWS}|${QUOTED_SOURCE})`;
const PAREN_NAMES = '[（(【][^（）()【】]{1,40}[）)】]';

/** `记者陈晓报道`, `本报记者 王五 通讯员 李四报道`: a byline glued to a 本报讯 lead, closed by 报道. */
const REPORTED = `(?:本报|特约)?(?:记者|通讯员|实习生|见习记者)[ \\t\\u3000${HAN}·]{2,24}?报道`;
/** `本报讯 徐金星报道  近日…`: the reporters' names alone, closed by 报道, a space after it. */
const REPORTED_NAMES = `[${HAN}]{2,4}(?:[ \\t\\u3000]+[${HAN}]{2,4}){0,2}报道(?=[ \\t\\u3000])`;
/** `本报6月13日（见习记者 张晓琳）`: a dated lead without 讯/电, its reporters in brackets right after. */
const DATED_LEAD = `${KNOWN_AGENCY}${PLACE}${DATE}(?=\\s{0,2}[（(])`;
/** `新天水讯【记者辛闻】`: a news brand of any name before 讯, the reporters in brackets right after. */
const BRAND_LEAD = `[${HAN}]{2,6}?讯(?=\\s{0,2}[（(【]\\s{0,2}(?:本报|特约|见习)?(?:记者|通讯员|实习生))`;
/** `武汉晚报（记者王悦生）今起…`: a paper's name leading the text, its reporters in brackets, no 讯. */
const PAPER_LEAD = `${MEDIA}(?=\\s{0,2}[（(](?:本报|特约|见习)?(?:记者|通讯员|实习生))`;
/** A role credit closed by 报道, then a space and the text (matchLeadCredit). */
const LEAD_CREDIT_RE = new RegExp(
  `^(?:[■●▲◆□◎]\\s{0,2})?([${HAN}]{0,8}?(?:记者|通讯员|实习生)[ \\t\\u3000${HAN}·]{2,30}?报道)[ \\t\\u3000]+(?=\\S)`,
);
const LEAD_DATELINE_RE = new RegExp(
  `^(?:[■●▲◆□◎]\\s{0,2})?((?:据)?${DATELINE_CORE}|${DATED_LEAD}|${PAPER_LEAD}|${BRAND_LEAD})\\s{0,2}(${PAREN_NAMES}|${REPORTED}|${REPORTED_NAMES})?`,
);
const DATED_LEAD_HINT_RE = /(?:日|报)\s{0,2}[（(]/;
const DATELINE_ONLY_RE = new RegExp(`^([（(])?\\s{0,2}(${DATELINE_CORE})\\s{0,2}([）)])?$`);
const TRAILING_DATELINE_RE = new RegExp(`([（(]?\\s{0,2}${DATELINE_CORE}\\s{0,2}[）)]?)$`);

const DATELINE_END_CHAR_RE = /[电讯息]/;
const DATELINE_ONLY_LAST = new Set([...'电讯息）)']);

const DATELINE_START_RE = new RegExp(
  `^(?:[■●▲◆□◎]\\s{0,2})?(?:${KNOWN_AGENCY}|${MEDIA}|${ANY_PAPER_NEWS}|${QUOTED_SOURCE})`,
);

/** The text opens like a dateline (`新华社北京10月2`, `本报讯 记`): a narrow column may have cut it. */
export function startsLikeDateline(text: string): boolean {
  return DATELINE_START_RE.test(text);
}

export interface LeadDateline {
  /** The dateline as printed, e.g. `新华社北京10月21日电`. */
  dateline: string;
  /** A byline printed in brackets right after it (`（记者 于文静）` → `记者 于文静`), else null. */
  byline: string | null;
  /** Length of the prefix (dateline plus bracketed byline) in the text. */
  length: number;
}

/** `新华社北京10月21日电（记者 于文静）目前…` / `本报讯（通讯员 李四）…` at the start of a line. */
export function matchLeadDateline(text: string): LeadDateline | null {
  // every dateline ends in 电, 讯 or 消息, or is a date with the reporters in brackets after it
  if (!DATELINE_END_CHAR_RE.test(text) && !DATED_LEAD_HINT_RE.test(text)) return null;
  const m = LEAD_DATELINE_RE.exec(text);
  if (!m || m[1] === undefined) return null;
  const dateline = m[1];
  const dated = !/[电讯息]$/.test(dateline);
  let byline: string | null = null;
  let length = m[0].length;
  if (m[2] !== undefined) {
    const bracketed = /^[（(【]/.test(m[2]);
    const inner = (bracketed ? m[2].slice(1, -1) : m[2].slice(0, -2)).trim();
    // unbracketed `记者X报道` must hold real names (2–4 characters each), not prose that happens to end in 报道
    // a bracket of names alone is the reporters too (`本报讯（边浩）`, `本报讯（王舜 刘艳）`)
    // (`本报讯（商 闻）`: a two-character name padded with a space, as bylines print them)
    if (
      (isBylineText(inner) && (bracketed || hasOnlyShortNames(inner))) ||
      (bracketed && (isNamesOnly(inner) || namesOnLine(inner) !== null)) ||
      (!bracketed && inner.split(/[ \t\u3000]+/).every(isPersonalName))
    )
      byline = inner;
    else length -= m[2].length;
  }
  // a date alone is a lead only with its reporters named after it (a role, or surname-led names: not
  // `本报6月13日（星期五）`)
  if (dated && (byline === null || !(isBylineText(byline) || byline.split(/\s+/).every(isPersonalName))))
    return null;
  return { dateline, byline, length };
}

/**
 * `本报通讯员 黄琪 报道 近日，…`, `□全媒体记者 张莹 报道 …`: a credit closed by 报道 opening the text with
 * no dateline before it (a county paper's briefs). Answers the credit and where the text after it starts;
 * null unless the credit names a role and holds only real names.
 */
export function matchLeadCredit(text: string): { byline: string; length: number } | null {
  if (!text.includes('报道')) return null;
  const m = LEAD_CREDIT_RE.exec(text);
  if (!m || m[1] === undefined) return null;
  const credit = m[1].trim();
  const names = credit.slice(0, -2).trim();
  if (!isBylineText(credit) || !hasOnlyShortNames(names)) return null;
  return { byline: credit, length: m[0].length };
}

/** A line that is nothing but a dateline; `closing` when bracketed (`（新华社北京10月21日电）` ends an article). */
export function matchDatelineOnly(text: string): { dateline: string; closing: boolean } | null {
  const t = text.trim();
  // a dateline alone ends in 电, 讯 or 消息, or its closing bracket
  if (!DATELINE_ONLY_LAST.has(t.charAt(t.length - 1))) return null;
  const m = DATELINE_ONLY_RE.exec(t);
  if (!m || m[2] === undefined) return null;
  return { dateline: m[2], closing: m[1] !== undefined && m[3] !== undefined };
}

/** `…课题研究。 新华社北京10月21日电` → split off the dateline that closes the text. */
export function splitTrailingDateline(
  text: string,
): { before: string; dateline: string; printed: string } | null {
  if (!/(?:电|讯|消息)\s{0,2}[）)]?$/.test(text)) return null;
  const m = TRAILING_DATELINE_RE.exec(text);
  if (!m || m[1] === undefined) return null;
  const before = text.slice(0, m.index).trimEnd();
  if (before.length === 0 || !endsSentence(before)) return null;
  const printed = m[1].trim();
  const only = matchDatelineOnly(printed);
  if (!only) return null;
  return { before, dateline: only.dateline, printed };
}

const DATELINE_ANY_RE = new RegExp(`([（(]\\s{0,2})?(${DATELINE_CORE})(\\s{0,2}[）)])?`, 'g');

/**
 * Datelines anywhere in a text (`…研究。 新华社北京10月21日电`, `（新华社北京10月21日电）`, a lead at the
 * start), as offsets. Only where a dateline can stand: at the start (after a bullet), in brackets, or
 * after a finished sentence (`atLineStart`: whether the text starts a line, else the start does not count).
 * Used to see whether a narrow column cut one across lines.
 */
export function findDatelines(text: string, atLineStart = true): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (!/[电讯息]/.test(text)) return out;
  const re = DATELINE_ANY_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const before = text.slice(0, start).trimEnd();
    const atStart = atLineStart && (before.length === 0 || /^[■●▲◆□◎]$/.test(before));
    if (atStart || m[1] !== undefined || endsSentence(before)) out.push({ start, end });
  }
  return out;
}

// ---------------------------------------------------------------- bylines

const BULLETS = '■●▲◆□◎★☆▶►◇○△▼';
const BULLET_RE = new RegExp(`^[${BULLETS}]{1,2}\\s{0,2}`);
/** A newsroom named before a role: `福建日报报业集团记者`, `安康融媒体中心记者`, `湖南广播电视台记者`. */
const NEWSROOM =
  '(?:[\\u4e00-\\u9fff]{2,10}?(?:日报报业集团|报业集团|日报社|日报|晚报|早报|晨报|时报|商报|导报|周报|都市报|报社|广播电视台|电视台|融媒体中心|新闻中心|新闻网|新闻|客户端|网)[·•]?){1,2}';
const ROLE_RE = new RegExp(
  `(?:本报|新华社|中新社|人民日报|特约|特派|见习|实习|融媒体|全媒体|${NEWSROOM}){0,2}\\s?(?:首席)?(?:摄影记者|记\\s?者|通\\s?讯\\s?员|实习生|撰稿人|撰稿|组稿|摄影|编辑|评论员|特约评论员)|作者(?=[:：])|[县市区镇]委报道组|栏目主持人?|${NEWSROOM}(?=\\s)|文\\s?[/／|]\\s?图|图\\s?[/／|]\\s?文|文\\s?[/／]|图\\s?[/／]|摄\\s?[/／]|文图[:：]?|[/／]\\s?(?:文|图|摄影?)(?=\\s|$)`,
  'g',
);
/** ROLE_RE at the start of a text (`本报通讯员 王奕明`, `通讯员 张洋`, `实习生 李四`). */
const ROLE_OPENING_RE = new RegExp(`^(?:${ROLE_RE.source})`);
/**
 * A character every match of ROLE_RE holds (摄影, 记者, 通讯员, 实习生, 撰稿, 编辑, 评论员, 文/, 图/, 县委报道组, 栏目主持,
 * a newsroom: 日报, 电视台, 融媒体中心, 新闻网, 客户端).
 */
const ROLE_HINT_RE = /[摄记通实撰组编评文图报台心网端持作]/;
const BYLINE_HINT_RE = /[摄记通实撰组编评文图报台心网端画绘发持作]/;
const NAME_NOISE = /[\s、，,·•:：/／|]+/g;
/** Characters that mark prose rather than a person's name (not 绍: `介绍` has 介, and 绍 is common in given names, 孙绍波). */
const PROSE_CHARS = /[从了到在的是对向说表示介获悉解访问据为将与把被让们这那其并和及等]/;

export function stripBullet(text: string): string {
  return text.replace(BULLET_RE, '');
}

/**
 * Whether the text is a byline: `■本报记者 鲍童 本报通讯员 张洋`, `记者 刘项清 通讯员 包庆淼 廉渊博 摄`,
 * `新华社记者郭绪雷摄`, `文/图 张三`, `张三 李四 摄`. Prose that merely starts with 记者 is rejected.
 */
export function isBylineText(raw: string): boolean {
  const text = stripBullet(raw.trim());
  if (text.length < 2 || text.length > 60) return false;
  // a credit never opens with a comma or an enumeration mark: that is the tail of a sentence
  if (/^[，、,；;：:）)]/.test(text)) return false;
  if (/[。！？；“”"]/.test(text)) return false;
  // an author's name and 作 (`王振虎 作`: a poem's, a painting's)
  const made = /^([\u4e00-\u9fff]{2,4})[ \u3000]+作$/.exec(text);
  if (made?.[1] !== undefined) return isPersonalName(made[1]);
  // a credit names a role (ROLE_HINT_RE), a photo (摄, 图) or a report (报道): without one of these
  // characters there is nothing to look for
  if (!BYLINE_HINT_RE.test(text)) return false;
  // an unnamed institutional author: `本报评论员`, `人民日报评论员`, `本报特约评论员`
  if (/^(?:本报|本刊|本台|[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报))?(?:特约)?评论员$/.test(text)) return true;
  // a wire photo's credit alone: `新华社发`, `新华社记者 王鹏 发`
  if (WIRE_CREDIT_RE.test(text)) return true;
  const credit = withoutPhotoSource(text);
  // a cartoon's credit (`陆坚敏 文 孙绍波 画`): names, 文 for the writer, 画 for the artist
  const drawn = DRAWN_CREDIT_RE.test(credit);
  if (drawn) return isDrawnCredit(credit);
  const photo = /(?:摄影?|供图|制图|报道)$/.test(credit);
  const core = credit.replace(/(?:摄影?|供图|制图|报道)$/, '');
  // every role word holds one of these characters: without them there is no role to look for
  if (!photo && !ROLE_HINT_RE.test(core)) return false;
  const roles = core.match(ROLE_RE);
  if (!roles && !photo) return false;
  const names = core
    .replace(ROLE_RE, ' ')
    .split(NAME_NOISE)
    .filter((s) => s.length > 0);
  if (names.length === 0) return false;
  if (names.length > 8) return false;
  for (const n of names) {
    if (!/^[\u3400-\u9fff·A-Za-z]+$/.test(n)) return false;
    // Chinese names have two to four characters; longer tokens are prose (`出版社副总`), unless foreign (`·`)
    // (names printed without a space between them after a role, `记者徐丹伟赵敬东摄`, `通讯员 王映霏李佳瑞`, are names)
    if (n.length > 4 && !/[·A-Za-z]/.test(n) && !(roles && !/[，,、]/.test(core) && gluedNames(n)))
      return false;
    if (n.length > 12 || (PROSE_CHARS.test(n) && !givenNameWithProseChar(n))) return false;
    // particles no personal name carries: `记者了解到` is prose, not a credit
    if (/[了的们这那说到]/.test(n)) return false;
  }
  // Without a role word (`张三 李四 摄`) every token must look like a name.
  if (!roles && names.some((n) => n.length > 4)) return false;
  // Most of the names open with a family name (`、绘画、摄影、朗诵、歌曲` is a list of arts, not a credit).
  const han = names.filter((n) => /^[\u3400-\u9fff]{2,4}$/.test(n));
  // (one name between a role and 摄 is a name whatever its family name: `记者 光辉 摄`)
  const framed = roles !== null && photo && han.length === 1 && names.length === 1;
  if (han.length > 0 && han.filter(startsWithSurname).length * 2 < han.length && !framed) return false;
  return true;
}

/**
 * A three-character name whose given name holds 和, 为, 其 or 向 (`邓和平`, `李为民`, `饶方其`, `高向荣`): common in names,
 * and in a credit (a role word or 摄 already there) not the words they are in prose.
 */
function givenNameWithProseChar(n: string): boolean {
  return n.length === 3 && startsWithSurname(n) && !PROSE_CHARS.test(n.slice(1).replace(/[和为其向]/g, ''));
}

/** `新华社发`, `中新社记者 王鹏 发`: a picture distributed by a wire service. */
const WIRE_CREDIT_RE = /^(?:新华社|中新社|人民日报|人民网|央视网?)(?:记者\s?[\u4e00-\u9fff·]{2,4}\s?)?发$/;

/** `陆坚敏 文 孙绍波 画`, `孙绍波 漫画`: a cartoon credited to its artist (and writer). */
const DRAWN_CREDIT_RE = /[\u4e00-\u9fff]{2,4}\s{0,2}(?:漫画|画|绘)$/;

/** A cartoon's credit: every name two to four characters opening with a family name, 文/画 as roles. */
function isDrawnCredit(credit: string): boolean {
  const names = credit
    .replace(/(?:漫画|画|绘)$/, '')
    .split(/[\s、·]+/)
    .filter((n) => n.length > 0 && n !== '文');
  return (
    names.length > 0 &&
    names.length <= 4 &&
    names.every((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n) && !PROSE_CHARS.test(n) && startsWithSurname(n))
  );
}

/** Every name in the byline (role words removed) is two to four Han characters long. */
function hasOnlyShortNames(byline: string): boolean {
  const names = byline
    .replace(ROLE_RE, ' ')
    .split(NAME_NOISE)
    .filter((x) => x.length > 0);
  return names.length > 0 && names.every((n) => /^[\u3400-\u9fff·]{2,4}$/.test(n) && !PROSE_CHARS.test(n));
}

/**
 * Whether a byline was cut by the line break between `a` and `b` (see joinedByline).
 */
export function bylineContinues(a: string, b: string): boolean {
  return joinedByline(a, b) !== null;
}

/**
 * The byline `a` and the next line `b` make together, or null when `b` does not go on with it: a second
 * credit line, itself a credit (`■本报记者 贾新伟` / `本报通讯员 王奕明`, `□融媒体记者 陈明华 许奕梅` /
 * `陈茗香 实习生 王炜煌 文/图`: joined with a space; a photo's credit under an article's byline does not go
 * on, it credits the picture), or a byline cut by the column — a role word spans the break (`本报通` /
 * `讯员 张洋`), `a` ends with a role word (`记者 刘项清 通讯员` / `包庆淼 摄`) or with a name cut to one
 * character (`廉` / `渊博 摄`): glued, a space kept only before a role the next line opens with.
 */
export function joinedByline(a: string, b: string): string | null {
  const left = a.trimEnd();
  const right = b.trim();
  if (right.length === 0 || right.length > 24 || /[，。！？；,]/.test(right) || left.length > 40) return null;
  const spaced = `${left} ${right}`;
  // a name cut to one character at the end of `a` (`实习生 吴` / `凌静 文/图`) is glued back below
  const cutName = /(?:^|\s)[\u3400-\u9fff]$/.test(left) && /^[\u3400-\u9fff]/.test(right);
  if (
    !cutName &&
    isBylineText(left) &&
    isBylineText(right) &&
    !isPhotoByline(left) &&
    !isPhotoByline(right) &&
    isBylineText(spaced)
  )
    return spaced;
  // more names of the same credit on the next line (`□ 文/图 记者 潘路 梅闻` / `张梦瑶 肖琦`): two or more,
  // each opening with a family name (one name alone could be the next article's author)
  const more = right.split(/\s+/);
  if (
    !cutName &&
    more.length >= 2 &&
    isNamesOnly(right) &&
    more.every((n) => startsWithSurname(n)) &&
    !isPhotoByline(left) &&
    isBylineText(spaced)
  )
    return spaced;
  const joined = `${left}${right}`;
  if (!isBylineText(joined)) return null;
  const glued = ROLE_OPENING_RE.test(right) ? spaced : joined;
  const k = left.length;
  const re = new RegExp(ROLE_RE.source, 'g');
  let m: RegExpExecArray | null;
  let endsWithRole = false;
  while ((m = re.exec(joined)) !== null) {
    const end = m.index + m[0].length;
    if (m.index < k && end > k) return glued;
    if (end === k) endsWithRole = true;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (endsWithRole) return glued;
  const lastWord = left.split(/\s+/).pop() ?? '';
  if (/\s/.test(left) && /^[\u3400-\u9fff]$/.test(lastWord) && /^[\u3400-\u9fff]/.test(right)) return glued;
  return null;
}

/** `（张三 李四）`: two to four Han characters per name, at most four names. */
export function isNamesOnly(text: string): boolean {
  // a necessary condition, checked without building a string or an array (this runs on many body
  // lines): every character a separator (\s 、 , ，) or one a name is made of (Han, ·), and two to
  // sixteen of the latter (one to four names of two to four characters)
  let nameChars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || c === 0xb7) {
      if (++nameChars > 16) return false;
    } else if (c !== 0x3001 && c !== 0x2c && c !== 0xff0c && !isJsSpace(c)) return false;
  }
  if (nameChars < 2) return false;
  const names = text
    .trim()
    .split(/[\s、,，]+/)
    .filter((s) => s.length > 0);
  if (names.length === 0 || names.length > 4) return false;
  return names.every(
    (n) =>
      (/^[\u3400-\u9fff·]{2,4}$/.test(n) && !PROSE_CHARS.test(n)) || (names.length === 1 && gluedNames(n)),
  );
}

/**
 * Two or three names printed without a space between them (`邓亚金马莉`, `王舜刘艳`): five to eight Han
 * characters that cut into names of two to four characters, each opening with a family name.
 */
function gluedNames(run: string): boolean {
  if (!/^[\u3400-\u9fff]{5,8}$/.test(run) || PROSE_CHARS.test(run)) return false;
  const fits = (from: number): boolean => {
    if (from === run.length) return true;
    for (let len = 2; len <= 4 && from + len <= run.length; len++)
      if (startsWithSurname(run.slice(from, from + len)) && fits(from + len)) return true;
    return false;
  };
  return fits(0);
}

/** Whether the byline credits a photograph (or a cartoon: `陆坚敏 文 孙绍波 画`). */
export function isPhotoByline(text: string): boolean {
  const t = withoutPhotoSource(text.trim());
  return (
    /(?:摄影?|供图|图\s?[/／])\s*$/.test(t) ||
    /^[■●▲◆□◎]?\s*(?:图\s?[/／])/.test(t) ||
    /^(?:特约|本报)?摄影[ \u3000]{0,2}[\u4e00-\u9fff]{2,4}$/.test(t) ||
    WIRE_CREDIT_RE.test(t) ||
    (DRAWN_CREDIT_RE.test(t) && isDrawnCredit(t))
  );
}

/** A photo credit's source in brackets after 摄 (`徐培钦摄（影像中国）`, `刘升摄（人民视觉）`) removed. */
export function withoutPhotoSource(text: string): string {
  return text
    .replace(/((?:摄影?|供图))\s{0,2}[（(][^（()）]{2,10}[）)]$/, '$1')
    .replace(GROUP_CREDIT_NOTE_RE, '');
}

/**
 * `文/图 周华东（除署名外）`, `文/图（除署名外） 惠州日报记者庄灏`: a photo group's credit, for the pictures not
 * credited one by one.
 */
export const GROUP_CREDIT_NOTE_RE = /\s{0,2}[（(]除署名外[）)](?=\s|$)/;

/**
 * Splits a byline glued to the end of a paragraph: `…意义。 ■新华社记者 郭绪雷 摄`,
 * `…就业。（记者 张三）`, `…说。（张三 李四）`. The text before must end a sentence.
 */
/** `/褚宇峰`, `/房宇悍 王明`: a slash and one to three names at a text's end. */
const SLASH_AUTHOR_MAX = 16;
/** The longest authors' tail set apart by a space: three names of up to four characters and two spaces. */
const SPACED_NAMES_MAX = 16;
const SPACED_NAMES_TAIL_RE =
  /([。！？”])[ \t\u3000]+([\u4e00-\u9fff]{2,4}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,4}){0,2})$/;

/** A caption's last sentence, then `特约摄影 吕华` (the role, then the name). */
const PHOTOGRAPHER_TAIL_RE =
  /^(.*[。！？”])[ \u3000]{0,3}((?:特约|本报)?摄影(?:记者)?[ \u3000]{0,2}([\u4e00-\u9fff]{2,4}))$/;

export function splitTrailingByline(
  text: string,
): { before: string; byline: string; printed: string } | null {
  const t = text.trimEnd();
  // a brief's author after a slash, at its end (`…安全环境。 /褚宇峰`, `…的基础。/房宇悍`)
  const slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf('／'));
  if (slash > 0 && t.length - slash <= SLASH_AUTHOR_MAX) {
    const before = t.slice(0, slash).trimEnd();
    const names = t.slice(slash + 1).trim();
    if (endsSentence(before) && names.split(/[\s、]+/).every(isPersonalName))
      return { before, byline: names, printed: t.slice(slash).trim() };
  }
  // a credit between middle dots after the last sentence (`…入地等。 ·刘俪君 姚依·`)
  const dotted = t.endsWith('·') || t.endsWith('•') ? DOTTED_TAIL_RE.exec(t) : null;
  if (dotted?.[1] && dotted[2] !== undefined && endsSentence(dotted[1])) {
    const names = dottedCreditNames(dotted[2]);
    if (names !== null) return { before: dotted[1], byline: names, printed: dotted[2] };
  }
  // a brief's authors set apart by a space after its last sentence (`…资料5个。 夏慧`, `…二等奖。 徐凤勇 夏慧`)
  const space = t.length - SPACED_NAMES_MAX - 1;
  if (/[\u4e00-\u9fff]$/.test(t) && /[ \t\u3000]/.test(t.slice(Math.max(0, space)))) {
    const m = SPACED_NAMES_TAIL_RE.exec(t.slice(Math.max(0, space - 1)));
    const names = m?.[2];
    if (names !== undefined && names.split(/[ \t\u3000]+/).every(isPersonalName)) {
      const before = t.slice(0, t.length - m![0].length + m![1]!.length);
      return { before, byline: names, printed: names };
    }
  }
  // a photographer's credit after the last sentence, the name last (`…助力乡村振兴。特约摄影 吕华`)
  const shooter = t.includes('摄影') ? PHOTOGRAPHER_TAIL_RE.exec(t) : null;
  if (
    shooter?.[1] !== undefined &&
    shooter[2] !== undefined &&
    shooter[3] !== undefined &&
    isPersonalName(shooter[3])
  )
    return { before: shooter[1], byline: shooter[2], printed: shooter[2] };
  if (!/[）)摄图影道发画绘]$/.test(t) && !hasTrailingBullet(t)) return null;
  // bracketed, at the very end
  const last = t[t.length - 1];
  if (last === '）' || last === ')') {
    const open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
    if (open > 0 && t.length - open <= 42) {
      const inner = t.slice(open + 1, -1).trim();
      const before = t.slice(0, open).trimEnd();
      // a photo's credit in brackets closes its caption even where the caption has no full stop
      // (`…讲古等表演 （融媒体记者陈晓东 摄）`)
      // (`九十九溪田园风光（邱华复 摄）`: a bracketed 摄 credit is a photo's whatever precedes it)
      const closes =
        endsSentence(before) ||
        (isPhotoByline(inner) && (/\s$/.test(t.slice(0, open)) || /摄影?$/.test(inner.trim())));
      // (`（新宣 摄）`: a photo credited to a pen name, no family name in it)
      const penName = /^[\u4e00-\u9fff]{2,4}\s?摄$/.test(inner);
      if (before.length > 0 && closes && (isBylineText(inner) || isNamesOnly(inner) || penName)) {
        return { before, byline: inner, printed: t.slice(open) };
      }
    }
  }
  // after a bullet
  for (const b of BULLETS) {
    const k = t.lastIndexOf(b);
    if (k > 0 && t.length - k <= 60) {
      const tail = t.slice(k).trim();
      const before = t.slice(0, k).trimEnd();
      if (before.length > 0 && endsSentence(before) && isBylineText(tail)) {
        return { before, byline: stripBullet(tail).trim(), printed: tail };
      }
    }
  }
  // after the last sentence end, a credit ending in 摄: `…现场。记者 张三 摄`, `…现场。  ③2 王俊祥 摄`
  if (/(?:摄影?|供图|摄影报道|画|绘)$/.test(t)) {
    const m = TRAILING_CREDIT_RE.exec(t);
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const credit = m[2].trim().replace(PHOTO_NUMBER_RE, '');
      if (isBylineText(credit)) return { before: m[1].trimEnd(), byline: credit, printed: m[2].trim() };
    }
  }
  // a photo's credit set off by two spaces or more after a caption that ends no sentence
  // (`昨日，工作人员清理垃圾  记者 于卓 摄`)
  const spaced = /摄影?$/.test(t) ? SPACED_PHOTO_CREDIT_RE.exec(t) : null;
  if (spaced && spaced[1] !== undefined && spaced[2] !== undefined) {
    const credit = spaced[2].trim();
    if (isPhotoByline(credit) && isBylineText(credit))
      return { before: spaced[1], byline: credit, printed: credit };
  }
  // a wire photo's credit set off by spaces after the caption: `…突破。  新华社发`, `…。  新华社记者 王鹏 发`
  const wire = t.endsWith('发') ? TRAILING_WIRE_RE.exec(t) : null;
  if (wire && wire[1] !== undefined && wire[2] !== undefined) {
    return { before: wire[1].trimEnd(), byline: wire[2].trim(), printed: wire[2].trim() };
  }
  return null;
}

const BULLET_CODES = new Set([...BULLETS].map((b) => b.charCodeAt(0)));

/** Whether a character code is one of BULLETS (all between ■ U+25A0 and ☆ U+2606). */
function isBulletCode(c: number): boolean {
  return c >= 0x25a0 && c <= 0x2606 && BULLET_CODES.has(c);
}

/** `[BULLETS][^BULLETS]{1,60}$`: the last bullet has one to sixty characters after it. */
function hasTrailingBullet(t: string): boolean {
  if (isBulletCode(t.charCodeAt(t.length - 1))) return false;
  for (let k = t.length - 2; k >= 0 && k >= t.length - 61; k--)
    if (isBulletCode(t.charCodeAt(k))) return true;
  return false;
}
const TRAILING_CREDIT_RE =
  /^([^]*[。！？!?…”’」）)])\s{0,3}([^。！？!?…”’」）)]{2,40}(?:摄影?|供图|摄影报道|画|绘))$/;
/**
 * A reporter's credit run on after the last sentence of a text (`…我祝福重庆！”本报记者赵君辉`, `…。记者 张三
 * 通讯员 李四`): the text before and the credit, or null. Only for an article's last paragraph: inside an
 * article `…。记者李明` may go on `说，…` on the next line.
 */
export function splitRunOnReporter(text: string): { before: string; byline: string } | null {
  const t = text.trimEnd();
  if (!REPORTER_NEAR_END_RE.test(t)) return null;
  const m = TRAILING_REPORTER_RE.exec(t);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const byline = m[2].trim();
  return isBylineText(byline) && hasOnlyShortNames(byline) ? { before: m[1].trimEnd(), byline } : null;
}

/** A role word among a text's last 24 characters: where TRAILING_REPORTER_RE may match. */
const REPORTER_NEAR_END_RE = /(?:记者|通讯员|实习生)[^。！？]{0,22}$/;
/** `…重庆！”本报记者赵君辉`, `…。记者 张三 通讯员 李四`: a reporter's credit after the last sentence. */
const TRAILING_REPORTER_RE = new RegExp(
  `^([^]*[。！？!?…”’」])\\s{0,3}((?:[\\u4e00-\\u9fff]{2,8}[、·])?(?:本报|特约|全媒体|融媒体|${NEWSROOM}|[\\u4e00-\\u9fff]{2,6}网){0,2}(?:记者|通讯员|实习生)\\s{0,2}[\\u4e00-\\u9fff·]{2,4}(?:\\s{1,2}(?:(?:本报|特约)?(?:记者|通讯员|实习生)\\s{0,2})?[\\u4e00-\\u9fff·]{2,4}){0,3})$`,
);
/** `…入地等。 ·刘俪君 姚依·`: the text, then a credit between middle dots. */
const DOTTED_TAIL_RE = /^([^]*?)\s{0,3}([·•][^·•]{2,24}[·•])$/;

/**
 * The names of a credit printed between middle dots (`·刘俪君 姚依·`, some papers' closing credit), or
 * null.
 */
export function dottedCreditNames(text: string): string | null {
  const m = /^[·•]\s{0,2}([\u4e00-\u9fff]{2,4}(?:[\s、]{1,2}[\u4e00-\u9fff]{2,4}){0,3})\s{0,2}[·•]$/.exec(
    text.trim(),
  );
  if (!m?.[1]) return null;
  return m[1].split(/[\s、]+/).every(isPersonalName) ? m[1] : null;
}

/** `…清理垃圾  记者 于卓 摄`: a caption, two spaces or more, a credit without a double space in it. */
const SPACED_PHOTO_CREDIT_RE = /^([^]*\S)[ \t\u3000]{2,6}(\S(?:\S|[ \t\u3000](?![ \t\u3000])){1,38}摄影?)$/;
/** A photo's number printed before its credit (`③2 王俊祥 摄`, `②`). */
const PHOTO_NUMBER_RE = /^[①-⑳]\d{0,3}\s*/;
const TRAILING_WIRE_RE =
  /^([^]*[。！？!?…”’」）)])\s{2,6}((?:新华社|中新社|人民日报|人民网|央视)(?:记者\s?[\u4e00-\u9fff·]{2,4}\s?)?发)$/;

/** The byline text without its leading bullet. */
export function cleanByline(text: string): string {
  return stripBullet(text.trim()).trim();
}

// ---------------------------------------------------------------- furniture and banners

const WEEKDAY_RE = /(?:星期|周|礼拜)[一二三四五六日天]/;
const FULL_DATE_RE = /\d{4}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日/;
const STAFF_RE =
  /本期统筹|本版统筹|本版制图|本版图表|统筹[:：]|策划[:：]|责任编辑|责编|美编|版式|校对|组版|值班主任|值班编委|审读|版面设计|美术编辑|图片编辑|视觉设计|排版|总值班|编辑[:：]/;
const PAGE_NO_RE =
  /^(?:第\s{0,2}[0-9A-Za-z一二三四五六七八九十]{1,4}\s{0,2}版|[A-Z]?\s?\d{1,3}\s{0,2}版?|[A-Z]\d{1,2}\s{0,3}[\u4e00-\u9fff·]{0,8})$/;
const SECTION_WORD =
  '(?:(?:[一二三四五六七八九十]|[0-9]{1,2})版要闻|要闻|综合|综合新闻|时政|时政要闻|经济|财经|社会|民生|文化|体育|国内|国际|国内国际|专题|专版|副刊|理论|评论|时评|县域|县区|区县|视点|法治|教育|健康|本地|地方|新闻|热点|观察|广告|特刊|城市|城事|农村|三农|文旅|科技|生活)';
/**
 * `要闻`, `综合新闻`, `县域经济`, `民生·热线`, `城市·民生`: a section header, alone on its line. (Not `公告`: alone on
 * its line mid-page it is a notice's title; a page of notices names itself among the masthead's lines, see
 * sectionAmidFurniture.)
 */
const SECTION_WORDS = new RegExp(
  `^(?:${SECTION_WORD}(?:新闻|版|经济|周刊|专刊|视点|观察)?(?:·[\u4e00-\u9fff]{2,6})?|[\u4e00-\u9fff]{2,4}·${SECTION_WORD})$`,
);
/** The kinds of paper a name ends in (`济宁日报`, `重庆政协报`): the masthead here, a publication's home in regions. */
export const PAPER_KINDS =
  '日报|晚报|早报|晨报|时报|商报|都市报|快报|导报|周报|农民报|农村报|青年报|工人报|政协报|法治报|法制报|生活报|科技报|教育报|老年报|妇女报|经济报';
const PAPER_RE = new RegExp(`^[\\u4e00-\\u9fff]{2,8}(?:${PAPER_KINDS})(?:社)?$`);
const WEB_RE = /(?:https?:\/\/|www\.|[A-Za-z0-9._-]{2,}@[A-Za-z0-9-]{2,}\.)/;

/** A staff credit line (`系列报道策划：秦晖 本篇统筹：夏强`, `责任编辑：李四`), not a sentence. */
export function isStaffCredit(text: string): boolean {
  return STAFF_RE.test(text) && !/[。！？]/.test(text);
}

/** Page furniture: running header/footer, page number, staff credits, the paper's name. */
/** One masthead token: `今日8版`, `第12876期`, `星期二`, `2024年10月22日`, `农历甲辰年九月二十`, `CN36-0021`, `邮发代号43-18`. */
const MASTHEAD_TOKEN_RE =
  /^(?:[0-9]{4}[.．/-][0-9]{1,2}[.．/-][0-9]{1,2}|今日[0-9一二三四五六七八九十]{1,3}版|本期[0-9一二三四五六七八九十]{1,3}版|总?第[0-9]{2,6}期|(?:星期|周)[一二三四五六日天]|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|农历[\u4e00-\u9fff]{2,12}|CN[0-9]{2}-[0-9]{4}(?:\/[A-Z]{1,2})?|邮发代号[:：]?[0-9]{1,2}-[0-9]{1,4}|国内统一连续出版物号[:：]?|CN)$/;
const MASTHEAD_START_RE =
  /^(?:今日|本期|总?第[0-9]|星期|周[一二三四五六日天]|[0-9]{4}[年.．/-]|农历|CN|邮发|国内统一)/;
const CN_SERIAL_RE = /CN\s?[0-9]{2}\s?[-－]\s?[0-9]{4}/;
/** Imprint keys printed in the page footer (`本报地址：… 邮编：… 印刷：…`). */
const IMPRINT_KEY_RE =
  /(?:本报地址|社址|地址|邮编|邮政编码|广告经营许可证|广告许可证|印刷|定价|零售价|全年定价|发行|订阅|总编室|[\u4e00-\u9fff]{0,6}热线|[\u4e00-\u9fff]{0,2}电话|传真)\s{0,2}[:：]/g;
/** The paper's masthead in Latin letters (`LINCHUAN DAILY`, `XX EVENING NEWS`). */
const LATIN_MASTHEAD_RE =
  /^[A-Z][A-Z .'&-]{1,40}\s(?:DAILY|NEWS|TIMES|EVENING|POST|HERALD|MORNING|JOURNAL|WEEKLY)(?:\s[A-Z]{2,12}){0,2}$/;

/** `2024年10月22日` alone on its line (a masthead date when printed next to other furniture; else a signature). */
export function isDateOnly(raw: string): boolean {
  return /^[0-9]{4}\s{0,2}年\s{0,2}[0-9]{1,2}\s{0,2}月\s{0,2}[0-9]{1,2}\s{0,2}日$/.test(raw.trim());
}

/** `南城新闻`: a paper's or section's name, furniture when printed among other furniture. */
export function isMastheadName(raw: string): boolean {
  const t = raw.trimEnd();
  const last = t.charAt(t.length - 1);
  if (last !== '闻' && last !== '报') return false;
  return /^[\u4e00-\u9fff]{2,4}(?:新闻|日报|晚报|报)$/.test(withoutSpaces(raw));
}

/** `有奖新闻热线：88881111`: one hotline and its number alone on the line. */
export function isHotlineLine(raw: string): boolean {
  return /^[\u4e00-\u9fff]{0,6}热线\s{0,2}[:：]\s{0,2}[0-9][0-9\-－ ]{5,20}$/.test(raw.trim());
}

/** A county paper named `今日` + its place (`今日高邮`, `今日永嘉`): its masthead when furniture is next to it. */
export function isTodayPaperName(raw: string): boolean {
  return /^今日[\u4e00-\u9fff]{2,3}$/.test(withoutSpaces(raw));
}

/** A section header such as `要闻`, `时评`, `县域经济`, `城市·民生` alone on its line. */
export function isSectionHeader(raw: string): boolean {
  return SECTION_WORDS.test(withoutSpaces(raw));
}

function isFurnitureToken(tok: string): boolean {
  return MASTHEAD_TOKEN_RE.test(tok) || PAGE_NO_RE.test(tok) || SECTION_WORDS.test(tok) || PAPER_RE.test(tok);
}

export function isFurniture(raw: string): boolean {
  const text = raw.trim();
  if (text.length === 0 || text.length > 90) return false;
  // the paper's serial number (`国内统一刊号：CN51-0004  成都日报社出版`) is printed nowhere but the masthead
  if (text.length <= 50 && CN_SERIAL_RE.test(text) && !/[。！？]/.test(text)) return true;
  // prose punctuation (。！？，) rules out every shape below but the keyed, staff and web lines (which
  // refuse 。！？ themselves) and a serial number's prefix: the rest is not looked at
  if (PROSE_MARK_RE.test(text)) {
    if (!/[。！？]/.test(text) && (isImprint(text) || STAFF_RE.test(text) || isWebLine(text))) return true;
    return SERIAL_PREFIX_RE.test(withoutSpaces(text));
  }
  const compact = withoutSpaces(text);
  const first = text.charCodeAt(0);
  if (first >= 65 && first <= 90 && LATIN_MASTHEAD_RE.test(text)) return true;
  // the paper's name with its Latin name beside it (`武汉晚报 WUHAN EVENING NEWS`, `江西日报 JIANGXI DAILY`, often a full-width space between)
  const latin = /^(\S+)\s+([A-Z][A-Z .'&-]+)$/.exec(text);
  if (latin && PAPER_RE.test(latin[1] ?? '') && LATIN_MASTHEAD_RE.test((latin[2] ?? '').trim())) return true;
  // a page's or column's photo credit note (`本栏图片由本报记者 丁友明 许大桥 摄`, `本版图片由东坝图片社提供`)
  if (/^本(?:栏|版|组|期)(?:图片|照片|摄影)(?:均)?由.{2,40}(?:摄|提供)$/.test(text)) return true;
  // … or the page's photographer but where a picture is credited (`摄影（除署名外）陈仕平`)
  if (
    /^(?:摄影|图片|照片)[（(]除署名(?:者|外)?[）)][:：]?\s{0,2}[\u4e00-\u9fff]{2,4}(?:[ \u3000、][\u4e00-\u9fff]{2,4}){0,3}$/.test(
      text,
    )
  )
    return true;
  // the publisher's line of the masthead (`贵州日报报刊社 贵州日报当代融媒体集团 出版`, `东坝日报社出版`)
  if (compact.endsWith('出版') && /^[\u4e00-\u9fff]{2,40}(?:社|集团|中心|公司)出版$/.test(compact))
    return true;
  if (
    (compact.endsWith('机关报') || compact.endsWith('主办')) &&
    /^[\u4e00-\u9fff]{2,20}(?:机关报|主管主办)$/.test(compact)
  )
    return true;
  if (MASTHEAD_START_RE.test(text) && !isDateOnly(text)) {
    const tokens = text.split(/\s+/);
    if (tokens.length <= 6 && tokens.every((x) => MASTHEAD_TOKEN_RE.test(x))) return true;
  }
  // an e-paper's page header: the page's label, a colon, its section (`第02版：综合新闻`, `A3版:要闻`)
  if (PAGE_SECTION_RE.test(compact)) return true;
  // a running header of several furniture pieces: `第2版  综合新闻   2024年10月22日`, `A2 要闻`
  const space = text.search(/\s/);
  if (text.length <= 60 && space > 0 && isFurnitureToken(text.slice(0, space))) {
    const tokens = text.split(/\s+/);
    if (
      tokens.length >= 2 &&
      tokens.length <= 6 &&
      tokens.some((x) => /\D/.test(x)) &&
      tokens.every(isFurnitureToken)
    )
      return true;
    // a page number and a section name set with spaces between its characters (`003  综 合`, `5  要 闻`)
    if (PAGE_NO_RE.test(text.slice(0, space)) && SECTION_WORDS.test(withoutSpaces(text.slice(space))))
      return true;
  }
  if (!/[。！？]/.test(text) && isImprint(text)) return true;
  if (STAFF_RE.test(text) && !/[。！？]/.test(text)) return true;
  if (FULL_DATE_RE.test(text) && (WEEKDAY_RE.test(text) || /农历/.test(text)) && !/[。，！？]/.test(text))
    return true;
  if (/^农历[\u4e00-\u9fff\s]{2,24}$/.test(compact)) return true;
  // the lunar date without 农历 (`甲辰年腊月初七`, `乙巳年正月十六`)
  if (LUNAR_DATE_RE.test(compact)) return true;
  if (PAGE_NO_RE.test(compact)) return true;
  if (/^[—–-]{1,2}[0-9]{1,3}[—–-]{1,2}$/.test(compact)) return true;
  if (SECTION_WORDS.test(compact)) return true;
  if (PAPER_RE.test(compact)) return true;
  if (isWebLine(text) && !/[。！？]/.test(text)) return true;
  if (SERIAL_PREFIX_RE.test(compact)) return true;
  return false;
}

/** Marks of running prose: a line holding one is furniture only in the few shapes isFurniture names. */
const PROSE_MARK_RE = /[。！？，]/;
const LUNAR_DATE_RE =
  /^[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年(?:闰)?[正一二三四五六七八九十冬腊]{1,2}月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]|三十)$/;
const PAGE_SECTION_RE =
  /^(?:第[0-9A-Za-z一二三四五六七八九十]{1,4}版|[A-Z]?[0-9]{1,3}版)[：:](?:[\u4e00-\u9fff·・]{2,10}|[A-Z]?[0-9]{1,3})$/;
const SERIAL_PREFIX_RE = /^(?:国内统一连续出版物号|邮发代号|CN\s?\d{2}-\d{4})/;

/** The page footer's imprint: two keys (`邮编：… 印刷：…`), or one of the paper's own. */
function isImprint(text: string): boolean {
  if (!text.includes('：') && !text.includes(':')) return false;
  const keys = new Set<string>();
  for (const m of text.matchAll(IMPRINT_KEY_RE)) keys.add(m[0].replace(/[\s:：]/g, ''));
  keys.delete('地址');
  return keys.size >= 2 || (keys.size >= 1 && /本报地址|广告经营许可证/.test(text));
}

/** A short line with a web or mail address. */
function isWebLine(text: string): boolean {
  return WEB_RE.test(text) && nonSpaceLength(text) <= 50;
}

export type BannerKind = 'brief' | 'photo' | 'banner';

/** `区域快讯`, `县区简讯`, `体育短讯`, `短信直通车`: a column of briefs named with its field. */
/** (`县区简讯`, `市民留言`, `读者来信`: a column of briefs, or of readers' messages, each an item of its own) */
const BRIEF_BANNER_KIND_RE = /^[\u4e00-\u9fff]{2,4}(?:简讯|短讯|快讯|速递|快报|简报|直通车|留言|来信|点评)$/;
const BRIEF_BANNER_RE =
  /^(?:简讯|短讯|快讯|简报|资讯|新闻速递|速递|动态|新闻动态|工作动态|一句话新闻|新闻短波|短波|要闻简报|新闻简讯|综合消息|新闻集锦|本地简讯|县区简讯|新闻快报|信息快递|消息树)$/;
const PHOTO_BANNER_RE =
  /^(?:图片新闻|新闻图片|图片报道|图说|图闻|看图|影像|镜头|新闻眼|光影|图片故事|摄影|图说新闻)$/;

/** Counts OCR-doubled characters (`移移风易俗`), ignoring AABB reduplication (`红红火火`). */
/**
 * Characters the language itself doubles (`涓涓`, `飘飘`, `默默`, `一块块`, `层层`): a headline's words, not
 * a glyph the OCR printed twice.
 */
const REDUPLICATED = new Set([
  ...'涓飘默渐常天年人处家纷满暖甜绿红亮静轻慢高快好细层步片声条座块棵朵张颗排户事刻滚熊浩茫悠匆滔潺皑冉蒸欣津栩彬侃兢勤谆熙郁袅翩稳妥足密久深重多',
]);

export function doubledCharCount(text: string): number {
  const s = [...withoutSpaces(text)];
  let n = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i];
    if (a !== s[i + 1] || !isHan(a)) continue;
    const aabbNext = s[i + 2] !== undefined && s[i + 2] === s[i + 3] && s[i + 2] !== a;
    const aabbPrev = i >= 2 && s[i - 2] === s[i - 1] && s[i - 1] !== a;
    if (!aabbNext && !aabbPrev && !REDUPLICATED.has(a)) n++;
    i++;
  }
  return n;
}

const BANNER_REFUSES_RE = /[。，、！？；：]/;

/** Whether two equal Han characters stand side by side (else doubledCharCount is 0). */
function hasDoubledHan(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === text.charCodeAt(i - 1) && ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)))
      return true;
  }
  return false;
}

/** A page header naming a photo page among its pieces (`08  图片新闻`, `图片新闻`): the page is a photo column. */
export function namesPhotoPage(raw: string): boolean {
  if (!raw.includes('图') && !raw.includes('影') && !raw.includes('镜')) return false;
  return raw
    .trim()
    .split(/\s+/)
    .some((tok) => PHOTO_BANNER_RE.test(tok));
}

/** A column banner: `简讯`, `图片新闻`, or a slogan banner with OCR-doubled glyphs. */
export function bannerKind(raw: string): BannerKind | null {
  // no banner word holds punctuation, and a slogan banner has none (stripping never removes it)
  if (BANNER_REFUSES_RE.test(raw)) return null;
  const compact = stripBullet(raw.trim())
    .replace(/[\s·•]+/g, '')
    .replace(/^[【〔[]|[】〕\]]$/g, '');
  if (compact.length === 0 || compact.length > 30) return null;
  if (BRIEF_BANNER_RE.test(compact) || BRIEF_BANNER_KIND_RE.test(compact)) return 'brief';
  if (PHOTO_BANNER_RE.test(compact)) return 'photo';
  if (hasDoubledHan(compact) && doubledCharCount(compact) >= 2) return 'banner';
  return null;
}

// ---------------------------------------------------------------- headings

const BAD_START = new Set([
  '，',
  '。',
  '、',
  '；',
  '：',
  '）',
  ')',
  '」',
  '』',
  '”',
  '！',
  '？',
  ',',
  '.',
  ';',
  ':',
  '%',
  '％',
]);
const BAD_END = new Set([
  '，',
  ',',
  '、',
  '；',
  ';',
  '：',
  ':',
  '（',
  '(',
  '“',
  '「',
  '『',
  '《',
  '—',
  '-',
  '。',
  '．',
]);

const PROSE_OPENING_RE =
  /^(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:[上下]午|晚|早|凌晨)?|(?:今年|去年|[0-9０-９]{4}年)[0-9０-９]{1,2}月(?:份|初|中旬|下旬|底)?|近日|日前|近期|目前|当天|当日|昨天|昨日|今天|今年以来|近年来|据悉|据了解)[，,]/;

/** Whether one line could be (part of) a headline or subhead by its shape alone. */
export function hasHeadingShape(raw: string): boolean {
  const text = raw.trim();
  if (text.length === 0) return false;
  if (BAD_START.has(text.charAt(0)) || BAD_END.has(text.charAt(text.length - 1))) return false;
  // one pass: no 。；;, the commas, a ！？!?, a Han character, the visible length (as visibleLength)
  let len = 0;
  let commas = 0;
  let bang = false;
  let han = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false;
    if (c === 0xff0c || c === 0x2c) commas++;
    else if (c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f) bang = true;
    else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han = true;
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0) len++;
  }
  // ASCII-only short bits (page numbers, stray OCR) are not headlines
  if (len === 0 || len > MAX_NUMBERED_HEADING_CHARS || !han) return false;
  // numbered subheads run longer and may hold commas and a ！ or ？
  if (len > MAX_HEADING_LINE_CHARS || commas > 1 || (bang && commas > 0)) {
    if (!isNumberedHeading(text)) return false;
  }
  // a clause opened by a date or a time phrase (`10月20日，市民在…`) is a lead sentence, not a headline
  return !PROSE_OPENING_RE.test(text);
}

/** Brackets and quotes pair up within the text (a headline never leaves one open). */
export function isBalanced(text: string): boolean {
  // by code unit, not `for (const ch of text)`: the string iterator made a string per character, and
  // no half of a surrogate pair is one of these brackets
  let paren = 0;
  let quote = 0;
  let book = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) paren++;
    else if (c === 0xff09 || c === 0x29) paren--;
    else if (c === 0x201c) quote++;
    else if (c === 0x201d) quote--;
    else if (c === 0x300a) book++;
    else if (c === 0x300b) book--;
    else continue;
    if (paren < 0 || quote < 0 || book < 0) return false;
  }
  return paren === 0 && quote === 0 && book === 0;
}

const NOTICE_TITLE_RE =
  /(?:公告|通告|通知|启事|声明|公示|须知|告知书|倡议书|告市民书|遗失|注销|招标|拍卖|清算)$/;

/** A headline that announces a notice (`关于…的公告`, `遗失声明`). */
export function isNoticeTitle(text: string): boolean {
  return NOTICE_TITLE_RE.test(withoutSpaces(text));
}

/** Closing formula of a notice, after which only the issuer and the date follow. */
export const NOTICE_CLOSING_RE = /特此(?:公告|通告|通知|声明|公示|函告|告知)|此致/;

/** `XX县人民政府` / `2024年10月21日` lines that sign a notice. */
export function isSignatureLine(text: string): boolean {
  const t = withoutSpaces(text);
  if (t.length === 0 || t.length > 30) return false;
  if (/^[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日$/.test(t)) return true;
  if (/^[二〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(t))
    return true;
  return (
    /(?:政府|委员会|委|局|办公室|办|公司|中心|院|会|部|所|处|站|队|社|厅|组|协会|学校|医院|银行|集团|法院|检察院|街道|镇|乡|村|管委会)$/.test(
      t,
    ) && !/[，。]/.test(t)
  );
}

// ---------------------------------------------------------------- key–value (ads, event notices)

const KV_KEYS =
  '活动时间|活动地点|报名时间|报名方式|报名地点|开盘时间|营业时间|展销时间|举办时间|举办地点|项目地址|时间|地点|地址|主办单位|承办单位|协办单位|支持单位|指导单位|主办|承办|协办|咨询电话|联系电话|服务热线|招商热线|热线|电话|联系人|售楼处|报名|投稿邮箱|电子邮箱|邮箱|邮\\s?寄|邮编|传真|网址|联系方式';
const KV_RE = new RegExp(`(?:^|[\\s，,。；;])(${KV_KEYS})\\s{0,2}[:：]`, 'g');

/** Key–value pairs such as `时间：` `地点：` `主办单位：` in a line: distinct keys and where the first starts. */
export function findKvKeys(text: string): { keys: string[]; firstAt: number } {
  const keys: string[] = [];
  let firstAt = -1;
  if (text.indexOf('：') < 0 && text.indexOf(':') < 0) return { keys, firstAt };
  const re = new RegExp(KV_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const key = m[1] ?? '';
    const at = m.index + m[0].indexOf(key);
    if (firstAt < 0) firstAt = at;
    if (!keys.includes(key)) keys.push(key);
    re.lastIndex = at + key.length;
  }
  return { keys, firstAt };
}

/** Where each key–value key (with its colon) stands in the text, left to right. */
export function findKvKeySpans(text: string): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  if (text.indexOf('：') < 0 && text.indexOf(':') < 0) return out;
  const re = new RegExp(KV_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const key = m[1] ?? '';
    const start = m.index + m[0].indexOf(key);
    out.push({ key, start, end: m.index + m[0].length });
    re.lastIndex = start + key.length;
  }
  return out;
}

const KV_START_RE = new RegExp(`^(?:${KV_KEYS})\\s{0,2}[:：]`);

/** The line opens with a key–value key (`时间：`, `咨询电话：`). */
export function startsWithKvKey(text: string): boolean {
  return KV_START_RE.test(text.trim());
}

const AD_WORDS_RE =
  /欢迎垂询|欢迎来电|招商热线|售楼|火爆招商|盛大开业|盛大开盘|诚聘|招聘启事|限时优惠|优惠活动|团购|热销|抢购|咨询热线|订购热线|全场\d{1,2}折/;

/** Advertising vocabulary in running text. */
export function hasAdWords(text: string): boolean {
  return AD_WORDS_RE.test(text);
}
export const BULLET_START = new Set(['■', '●', '▲', '◆', '□', '◎', '★', '☆', '◇', '○']);

// ---------------------------------------------------------------- trailing notes

const NOTE_OPENING_RE =
  /^(?:作者|据|综合|摘编自|摘自|来源|原载|转自|本文|文中|注|编者|译者|(?:本报|人民日报|新华社)?(?:记者|通讯员))/;
const NOTE_CLOSING_RE = /(?:参与采写|参与采访|采访整理|整理|报道|供稿|电|摘编)$/;
/**
 * A metro paper's thanks for a reader's tip under the story it gave: `（孔先生报料奖60元）`, `（爆料人：王女士）`,
 * `（王女士获线索奖80元券）`.
 */
const READER_TIP_RE = /(?:报料|爆料|线索奖|线索费)/;

/**
 * A source or cross-reference line printed under an item, unbracketed: `据央视`, `据新华社`, `据新闻联播`,
 * `详见C03、C04、C05版`, `更多报道见A4版`; or a reader's message's signer (`留言人：张女士`). It closes the item
 * above; it is no headline.
 */
const SOURCE_LINE_RE =
  /^据(?:新华社|中新社|央视(?:新闻)?|新闻联播|人民日报|人民网|新华网|[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|时报|都市报|商报|报|网|电视台|广播电视台|客户端|公众号))(?:报道|消息)?$/;

/** A reader's message signed under it: `留言人：张女士`, `来信人：王先生`. */
const SIGNER_LINE_RE =
  /^(?:留言人|来信人|投诉人|反映人|爆料人|报料人|讲述人|口述人?)\s?[：:]\s?[\u4e00-\u9fff·]{1,8}$/;

export function isSourceLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 3 || t.length > 24) return false;
  if (SOURCE_LINE_RE.test(t) || SIGNER_LINE_RE.test(t)) return true;
  return /^(?:详见|另见|(?:更多|相关|详细)?报道见|相关新闻见)\s*(?:第?\s*[A-Z]?\d{1,3}\s*[、，,]?\s*)+版?$/.test(
    t,
  );
}

/**
 * A note in brackets closing an article: `（本报记者吴君参与采写）`, `（作者为上海交通大学人文学院教授）`,
 * `（据新华社北京6月17日电）`, `（摘编自《新疆日报》）`, `（钟艳宇参与采写）`, `（孔先生报料奖60元）`.
 */
export function isBracketedNote(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 4 || t.length > 160) return false;
  if (!/^[（(]/.test(t) || !/[）)]$/.test(t)) return false;
  const inner = t.slice(1, -1).trim();
  if (/[（(）)]/.test(inner.replace(/《[^》]*》/g, ''))) return false;
  return NOTE_OPENING_RE.test(inner) || NOTE_CLOSING_RE.test(inner) || READER_TIP_RE.test(inner);
}

// ---------------------------------------------------------------- whitespace without regular expressions

const SPACE_RUNS_RE = /\s+/g;

/**
 * `text.replace(/\s+/g, '')`, returning the text itself when it holds no space (most lines: the
 * furniture and notice tests run on every line) instead of a regular-expression pass and a copy.
 */
export function withoutSpaces(text: string): string {
  for (let i = 0; i < text.length; i++)
    if (isJsSpace(text.charCodeAt(i))) return text.replace(SPACE_RUNS_RE, '');
  return text;
}

/** `withoutSpaces(text).length`, counted without building the string. */
export function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) n++;
  return n;
}
