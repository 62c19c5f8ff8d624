/** Stage 4 (blocks): which plain lines are headlines or subheads, merged into headline blocks. */
import {
  type Atom,
  blankLinesBefore,
  firstLine,
  type HeadLine,
  lastLine,
  MAX_HEADING_CHARS,
  type ParaAtom,
} from './atoms';
import {
  endsSentence,
  hasHeadingShape,
  isBalanced,
  isNoticeTitle,
  isNumberedHeading,
  isPhotoByline,
  isSignatureLine,
  startsWithKvKey,
  isHotlineLine,
  visibleLength,
} from './text-rules';
import { makeHeading, nameCutByColumn } from './tokenise';
import { type HeadingModels, titleProbabilities } from './model/heading-model';
import { LineFacts } from './model/line-facts';
import { hasInnerSpace, isTitleCandidate } from './model/line-features';
import {
  COLUMN_SAMPLE_LINES,
  COLUMN_SAMPLE_MIN,
  CREDITED_TITLE_MAX,
  MAX_HEADING_LINE_CHARS,
  RULE_VETO_PROBABILITY,
  SPLIT_TITLE_PROBABILITY,
  TAIL_SUBHEAD_SHARE,
  TITLE_PROBABILITY,
  SIGNED_BRIEF_MAX_LINES,
  WRAPPED_LINE_SHARE,
} from './thresholds';

/** The headline model's probability above which a wrapped headline line may end on 的 or a preposition. */
const SURE_TITLE_PROBABILITY = 0.95;

/** Words a headline never ends on: prepositions, conjunctions and the particle 的. */
const DANGLING_END_RE = /[的在和与及对把被从向为以让给将并或]$/;

/** A telephone number: an area code and a local number, or a mobile number. */
const PHONE_NUMBER_RE = /(?:^|[^0-9])(?:0\d{2,3}[-－—]\d{7,8}|1[3-9]\d{9})(?![0-9])/;

/** A full column line that stops in the middle of a sentence (its last character is a letter or digit). */
function continuesSentence(text: string, width: number): boolean {
  const t = text.trim();
  return width > 0 && visibleLength(t) >= WRAPPED_LINE_SHARE * width && /[\u3400-\u9fffA-Za-z0-9]$/.test(t);
}

/** The hand rules' verdict on each atom: a plain line that is (part of) a headline or subhead. */
export function ruleHeadingFlags(atoms: Atom[]): boolean[] {
  return ruleHeadings(atoms).isHead;
}

const NO_LINES: ReadonlySet<number> = new Set();

/** A paragraph's indent: two spaces, or one or two ideographic spaces, before the text (not a centred line). */
const PARAGRAPH_INDENT_RE = /^(?: {2}|\u3000{1,2}| \u3000|\u3000 )(?=[^\s])/;

/**
 * Lines k..end read as nothing but a headline: no sentence mark inside any of them (a comma or an
 * enumeration mark inside a line at most), at most a kicker's colon or dash ending a line above the last,
 * and the last line ending in no mark but ？ or ！.
 */
function pureHeadlineBlock(atoms: readonly Atom[], k: number, end: number): boolean {
  for (let n = k; n <= end; n++) {
    const a = atoms[n];
    if (a?.t !== 'para') return false;
    const t = a.text.trim();
    const body = n < end ? t.replace(/(?:[：:]|——)$/, '') : t.replace(/[？！?!]$/, '');
    // (a headline may run clauses with ， or list with 、 inside a line, never end a line on one)
    if (/[。；;：:！？!?]|[，,、]$|——$/.test(body) || visibleLength(t) > MAX_HEADING_LINE_CHARS) return false;
  }
  return true;
}

/** Pages whose text indents at least this many lines as paragraphs indent theirs. */
export const INDENTED_PAGE_LINES = 3;

/**
 * The input lines printed with a paragraph's indent, when the page indents its paragraphs (at least
 * INDENTED_PAGE_LINES of them); none otherwise (most PDF exports drop the indent).
 */
export function paragraphIndents(rawLines: readonly string[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (let i = 0; i < rawLines.length; i++) if (PARAGRAPH_INDENT_RE.test(rawLines[i] ?? '')) out.add(i);
  return out.size >= INDENTED_PAGE_LINES ? out : NO_LINES;
}

/**
 * Whether atom `k` comes right after something that closes an item: a credit that can only end one
 * (`晚报记者 朱海龙 摄`) or a source line or note (`据央视`, `（据新华社电）`). A headline the rules see
 * there opens the next item or closes the one above; it is not a body line however the model reads it.
 */
function afterClosing(atoms: readonly Atom[], k: number): boolean {
  for (let n = k - 1; n >= 0; n--) {
    const a = atoms[n];
    if (a === undefined || a.t === 'skip') continue;
    if (a.t === 'signal') return a.kind === 'byline' && a.pos === 'end';
    return a.t === 'para' && a.note;
  }
  return false;
}

/** The hand rules' headline lines, and which of them are subheads inside a run of text. */
export function ruleHeadings(atoms: Atom[]): { isHead: boolean[]; subhead: boolean[] } {
  markKvLines(atoms);
  const isHead = new Array<boolean>(atoms.length).fill(false);
  const subhead = new Array<boolean>(atoms.length).fill(false);
  // runs of plain paragraphs on consecutive lines with no blank line between
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i];
    if (!a || a.t !== 'para' || !a.plain || a.kv || a.leadDateline !== null) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < atoms.length) {
      const b = atoms[j];
      const prev = atoms[j - 1];
      if (!b || b.t !== 'para' || !b.plain || b.kv || b.leadDateline !== null || b.gapBefore) break;
      if (prev && prev.t === 'para' && b.line !== prev.line + 1) break;
      j++;
    }
    classifyRun(atoms, i, j, isHead, subhead);
    i = j;
  }
  return { isHead, subhead };
}

/** Marks plain text lines that are headlines/subheads and merges them into heading atoms. */
export function markHeadings(
  atoms: Atom[],
  models?: HeadingModels,
  indented: ReadonlySet<number> = NO_LINES,
): Atom[] {
  const facts = new LineFacts(atoms);
  const { isHead: rule, subhead } = ruleHeadings(atoms);
  const p = titleProbabilities(atoms, rule, models, facts);
  // the model adds title lines the rules miss, and overrules a block of the rules' headline lines it is
  // sure is body text — never numbered lines, subheads between two sentences, lines it is not asked
  // about, or a block with a `——` kicker or subtitle (a dash line hangs on a headline)
  const isHead: boolean[] = [];
  for (let k = 0; k < rule.length; k++) isHead.push(rule[k] === true || (p[k] ?? 0) > TITLE_PROBABILITY);
  for (let k = 0; k < atoms.length;) {
    if (!rule[k]) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < atoms.length && rule[end] && !(atoms[end] as ParaAtom).gapBefore) end++;
    let keep = false;
    for (let n = k; n < end && !keep; n++) {
      const a = atoms[n];
      const text = a?.t === 'para' ? a.text.trim() : '';
      keep =
        (p[n] ?? 0) >= RULE_VETO_PROBABILITY ||
        (n === k && afterClosing(atoms, k)) ||
        subhead[n] === true ||
        isNumberedHeading(text) ||
        !isTitleCandidate(a) ||
        /^[—–-]{1,2}|[—–-]{1,2}$/.test(text);
    }
    if (!keep) for (let n = k; n < end; n++) isHead[n] = (p[n] ?? 0) > TITLE_PROBABILITY;
    k = end;
  }
  // a line whose text goes on, past a blank line, with a comma or a full stop is no headline either
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (!isHead[k] || a?.t !== 'para' || next?.t !== 'para') continue;
    if (/^[，、；：。,;:]/.test(next.text.trim()) && (p[k] ?? 0) <= TITLE_PROBABILITY) isHead[k] = false;
  }
  // decks under a headline, no blank line between, then a blank line and the report's lead (`暴雨突降 白昼如夜`
  // / `昨日下午，我市遭遇今年以来最猛烈的短时降雨` / `今日白天，降雨将逐渐减弱或停止，气温下降明显` / blank /
  // `本报讯 （记者 …）…`): clauses without a full stop, part of the headline
  for (let k = 0; k + 1 < atoms.length; k++) {
    if (!isHead[k] || atoms[k]?.t !== 'para') continue;
    let end = k + 1;
    while (end < atoms.length && end - k <= DECK_LINES_MAX) {
      const a = atoms[end];
      if (a?.t !== 'para' || a.gapBefore || isHead[end] || !isDeckClause(a.text)) break;
      end++;
    }
    // (the lead, or the report's credit opening it after the blank line: `□记者 韩铁栓`)
    const lead = atoms[end];
    const opens =
      (lead?.t === 'para' && lead.gapBefore && lead.leadDateline !== null) ||
      (lead?.t === 'signal' && lead.kind === 'byline' && lead.line > lastLine(atoms[end - 1] as Atom) + 1);
    if (end > k + 1 && opens) {
      for (let n = k + 1; n < end; n++) isHead[n] = true;
      k = end - 1;
    }
  }
  // a clause alone between blank lines over the report's credit (`环境美了，秩序好了， 小区住着舒心了` / blank /
  // `□记者 郑凤玲`), after a finished text: the report's headline, commas and all
  for (let k = 1; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    const prev = atoms[k - 1];
    if (isHead[k] || a?.t !== 'para' || !a.gapBefore || !isDeckClause(a.text)) continue;
    if (next?.t !== 'signal' || next.kind !== 'byline' || next.line <= a.line + 1) continue;
    if (prev?.t === 'para' && !endsSentence(prev.text) && !/[）)]$/.test(prev.text.trim())) continue;
    isHead[k] = true;
  }
  // a number cut by the column (`…指数（20` / `26）》报告…`) is body text wrapped, never a headline
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (a?.t !== 'para' || next?.t !== 'para' || next.gapBefore) continue;
    if (/[0-9０-９]$/.test(a.text.trim()) && /^[0-9０-９]/.test(next.text.trim())) {
      // … unless the model holds them for a headline (a headline set in narrow lines)
      if ((p[k] ?? 0) <= TITLE_PROBABILITY) isHead[k] = false;
      if ((p[k + 1] ?? 0) <= TITLE_PROBABILITY) isHead[k + 1] = false;
    }
  }
  // a line that stops on a preposition or particle with text right under it is no headline (`…30年来，在`)
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (!isHead[k] || a?.t !== 'para' || next?.t !== 'para' || next.gapBefore) continue;
    // (unless it is the middle of a headline block: a kicker above it, and the line under it the block's
    // last headline line — `【“志愿蓝”在行动】` / `天恒山雪场，有群默默为` / `滑雪爱好者服务的志愿者`)
    const middle =
      k > 0 &&
      !a.gapBefore &&
      !a.bullet &&
      isHead[k - 1] === true &&
      rule[k + 1] === true &&
      isHead[k + 1] === true;
    // (nor where the model is sure of both lines: `坚决守护好人民群众的` / `“生命之源”`, a headline wrapped after 的)
    const sure =
      isHead[k + 1] === true &&
      (p[k] ?? 0) >= SURE_TITLE_PROBABILITY &&
      (p[k + 1] ?? 0) >= SURE_TITLE_PROBABILITY;
    if (DANGLING_END_RE.test(a.text.trim()) && !middle && !sure) isHead[k] = false;
  }
  // … nor is a line right under a full line that stops mid-sentence (it goes on with that sentence)
  const widths = facts.widths();
  for (let k = 1; k < atoms.length; k++) {
    const a = atoms[k];
    const prev = atoms[k - 1];
    if (!isHead[k] || isHead[k - 1] || a?.t !== 'para' || a.gapBefore || prev?.t !== 'para') continue;
    if (continuesSentence(prev.text, widths[k] ?? 0) || DANGLING_END_RE.test(prev.text.trim()))
      isHead[k] = false;
  }
  // … nor a line ending a sentence set apart under a full line that stops mid-sentence: a column break
  // fell before the sentence's last characters (`…笔者对西宁战胜疫情信心陡` / blank / `增！`)
  for (let k = 1; k < atoms.length; k++) {
    const a = atoms[k];
    const prev = atoms[k - 1];
    if (!isHead[k] || isHead[k - 1] || a?.t !== 'para' || !a.gapBefore || prev?.t !== 'para' || !prev.plain)
      continue;
    const next = atoms[k + 1];
    const alone = !(next?.t === 'para' && !next.gapBefore && isHead[k + 1]);
    if (alone && endsSentence(a.text.trim()) && continuesSentence(prev.text, widths[k - 1] ?? 0))
      isHead[k] = false;
  }
  // … nor a block of full column lines, the last stopping mid-word and a comma among them
  // (`党的十八大以来，党和国家事业取得历史性成` / `就、发生历史性变革，根本原因就在于坚持党` / blank / `的领导…`):
  // a paragraph cut off by a column break, not a headline set in the text's own width
  for (let k = 0; k < atoms.length;) {
    const a = atoms[k];
    if (!isHead[k] || a?.t !== 'para' || !a.gapBefore) {
      k++;
      continue;
    }
    let end = k + 1;
    while (
      end < atoms.length &&
      isHead[end] &&
      atoms[end]?.t === 'para' &&
      !(atoms[end] as ParaAtom).gapBefore
    )
      end++;
    // (the model's word is not asked where every line holds a comma: a headline seldom has two)
    let cut = end - k >= 2;
    let comma = false;
    let everyComma = true;
    let unsure = true;
    for (let n = k; n < end && cut; n++) {
      const t = (atoms[n] as ParaAtom).text.trim();
      const width = widths[n] ?? 0;
      cut =
        width > 0 &&
        visibleLength(t) >= WRAPPED_LINE_SHARE * width &&
        !endsSentence(t) &&
        (n < end - 1 || continuesSentence(t, width));
      comma ||= /[，,]/.test(t);
      everyComma &&= /[，,]/.test(t);
      unsure &&= (p[n] ?? 0) <= TITLE_PROBABILITY;
    }
    if (cut && comma && (unsure || everyComma)) for (let n = k; n < end; n++) isHead[n] = false;
    k = end;
  }
  // a short line set apart above a credit (`阅读马拉松，开赛！` / `本报通讯员  许丛军`) is a title, even
  // ending in ！ or ？
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (isHead[k] || a?.t !== 'para' || !a.plain || next?.t !== 'signal' || next.kind !== 'byline') continue;
    const t = a.text.trim();
    const apart = a.gapBefore || (k > 0 && (atoms[k - 1]?.t === 'heading' || isHead[k - 1] === true));
    if (
      apart &&
      next.line === a.line + 1 &&
      visibleLength(t) <= CREDITED_TITLE_MAX &&
      !/[。；;，,]$/.test(t) &&
      !/。/.test(t)
    )
      isHead[k] = true;
  }
  // … and so is a block of two short lines set apart, the second ending in ！ or ？, right above a credit
  // that opens the text (`我们愿为文明创建出力，` / `兰州加油！` / blank / `（记者仲玉琦）都说…`)
  for (let k = 0; k + 2 < atoms.length; k++) {
    const a = atoms[k];
    const b = atoms[k + 1];
    const next = atoms[k + 2];
    if (isHead[k] || isHead[k + 1] || a?.t !== 'para' || b?.t !== 'para' || !a.plain || !b.plain) continue;
    if (next?.t !== 'signal' || next.kind !== 'byline' || next.pos !== 'start') continue;
    const text = `${a.text.trim()}${b.text.trim()}`;
    if (
      a.gapBefore &&
      !b.gapBefore &&
      next.line <= b.line + 2 &&
      visibleLength(text) <= CREDITED_TITLE_MAX &&
      /[！？!?]$/.test(b.text.trim()) &&
      !/[。；;]/.test(text)
    ) {
      isHead[k] = true;
      isHead[k + 1] = true;
    }
  }
  // the lines right above a 下转 marker are the text it sends on, never a headline (`——“缺水、少土…”，一` /
  // `语道破石山群众生活的艰辛……` / `（下转第六版）`)
  for (let k = 1; k < atoms.length; k++) {
    const marker = atoms[k];
    if (marker?.t !== 'signal' || marker.kind !== 'jumpTo') continue;
    for (let n = k - 1; n >= 0; n--) {
      const a = atoms[n];
      if (a?.t !== 'para' || !isHead[n] || a.line < marker.line - (k - n)) break;
      isHead[n] = false;
      if (a.gapBefore) break;
    }
  }
  // the lines of a bulleted paragraph that runs on into its own closing credit on its last line are a
  // signed brief's text, never a headline (`◆近日从扬州…比赛上` / `传来捷报，…荣获` / `二等奖。 徐凤勇 夏慧`)
  for (let k = 1; k < atoms.length; k++) {
    const credit = atoms[k];
    const closed = atoms[k - 1];
    if (credit?.t !== 'signal' || credit.kind !== 'byline' || credit.pos !== 'end') continue;
    if (closed?.t !== 'para' || closed.line !== credit.line || isHead[k - 1]) continue;
    let first = -1;
    for (let n = k - 2; n >= 0 && k - n <= SIGNED_BRIEF_MAX_LINES; n--) {
      const a = atoms[n];
      if (a?.t !== 'para' || a.line !== credit.line - (k - 1 - n)) break;
      if (a.gapBefore || a.bullet) {
        first = a.bullet ? n : -1;
        break;
      }
    }
    if (first >= 0) isHead.fill(false, first, k - 1);
  }
  // a line whose sentence ends on the next line, right before a photo's credit, is a caption's first
  // line, never a headline (`国际友人在东丰农民画馆参观农民画作者现场` / `作画。 本报记者 夏景明 摄`)
  for (let k = 0; k + 2 < atoms.length; k++) {
    const a = atoms[k];
    const end = atoms[k + 1];
    const credit = atoms[k + 2];
    if (!isHead[k] || a?.t !== 'para' || end?.t !== 'para' || isHead[k + 1] || end.gapBefore) continue;
    if (credit?.t !== 'signal' || credit.kind !== 'byline' || credit.line !== end.line) continue;
    if (endsSentence(a.text) || !endsSentence(end.text) || !isPhotoByline(credit.value)) continue;
    for (let n = k; n >= 0 && isHead[n]; n--) {
      isHead[n] = false;
      if ((atoms[n] as ParaAtom).gapBefore) break;
    }
  }
  // … and so is a line whose picture's credit follows on the same line (`…养殖车间  奉节县政协供图`)
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const credit = atoms[k + 1];
    if (!isHead[k] || a?.t !== 'para' || credit?.t !== 'signal' || credit.kind !== 'byline') continue;
    if (credit.line === a.line && isPhotoByline(credit.value)) isHead[k] = false;
  }
  // … and so is a block set apart, longer than a credited title and wrapped at the column's width, right
  // above a photo's credit line (`越来越好是所有生活在玉溪的人们对这座城` / `市的美好期盼与祝福` /
  // `玉溪日报记者 曾永洪 摄`): a caption printed without a full stop
  for (let k = 0; k + 2 < atoms.length; k++) {
    const a = atoms[k];
    if (!isHead[k] || a?.t !== 'para' || !a.gapBefore) continue;
    let end = k;
    let text = a.text.trim();
    while (end + 1 < atoms.length && isHead[end + 1] && atoms[end + 1]?.t === 'para') {
      const b = atoms[end + 1] as ParaAtom;
      if (b.gapBefore) break;
      end++;
      text += b.text.trim();
    }
    const credit = atoms[end + 1];
    const last = atoms[end] as ParaAtom;
    if (end === k || credit?.t !== 'signal' || credit.kind !== 'byline' || credit.line !== last.line + 1)
      continue;
    const width = widths[k] ?? 0;
    if (
      isPhotoByline(credit.value) &&
      visibleLength(text) > CREDITED_TITLE_MAX &&
      width > 0 &&
      visibleLength(a.text.trim()) >= WRAPPED_LINE_SHARE * width
    )
      isHead.fill(false, k, end + 1);
    k = end;
  }
  // a line giving a telephone number (`新闻线索：0514-84683100`) or opening with a notice's key (`邮 寄：…`,
  // `地址：…`) is a notice's, never a headline
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (
      isHead[k] &&
      a?.t === 'para' &&
      (PHONE_NUMBER_RE.test(a.text) || startsWithKvKey(a.text) || isHotlineLine(a.text))
    )
      isHead[k] = false;
  }
  // a name cut by a column break, the sentence running on past it, is text (`冯欣` / blank / `茹老伴去世多年，…`)
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const b = atoms[k + 1];
    if (
      isHead[k] &&
      a?.t === 'para' &&
      b?.t === 'para' &&
      b.gapBefore &&
      nameCutByColumn(a.text.trim(), b.text.trim())
    )
      isHead[k] = false;
  }
  // one character alone is a fragment (the end of a wrapped banner, say), never a headline
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (isHead[k] && a?.t === 'para' && visibleLength(a.text) <= 1 && !isHead[k - 1] && !isHead[k + 1])
      isHead[k] = false;
  }
  // a short line right after a 上接 marker, then fuller text: the tail's subhead
  // (`（上接第一版）严防死守保安全` / `各地加强巡查，…`), not the end of the head's sentence
  for (let k = 1; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const prev = atoms[k - 1];
    const next = atoms[k + 1];
    if (isHead[k] || a?.t !== 'para' || !a.plain || prev?.t !== 'signal' || prev.kind !== 'jumpFrom')
      continue;
    if (next?.t !== 'para' || next.gapBefore || !strictHeadingLine(a.text)) continue;
    // the printed line (marker included when glued) is short of the column: the writer ended it
    const printed = visibleLength(a.text) + (prev.line === a.line ? visibleLength(prev.value) : 0);
    if (printed <= TAIL_SUBHEAD_SHARE * visibleLength(next.text)) isHead[k] = true;
  }
  // a kicker ending in `——` announces the title printed on the next line
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (!isHead[k] || a?.t !== 'para' || !/[—–-]{1,2}$/.test(a.text.trim())) continue;
    if (next?.t === 'para' && next.plain && !next.gapBefore && hasHeadingShape(next.text)) {
      isHead[k + 1] = true;
      p[k + 1] = Math.max(p[k + 1] ?? 0, p[k] ?? 0);
    }
  }
  // the lines right above a lead (`长沙晚报讯（记者 …）`, `新华社…电`), set apart from the text above, are its
  // headline — a kicker or deck wrapped at a comma included (`“睦邻长廊”里，居民笑敞心门` /
  // `芙蓉区朝阳社区提质提档大蝶变，` / `居民自治构筑“乐邻圈”`)
  // … and so are those above an opening credit on its own line, the text right under it (`粗心女士挎包被偷
  // 之后……` / `行人见义勇为，俩贼弃包而逃，…` / `□本报记者 孙自豪` / text)
  for (let k = 1; k < atoms.length; k++) {
    const lead = atoms[k];
    const opening =
      lead?.t === 'signal' &&
      lead.kind === 'byline' &&
      lead.pos !== 'end' &&
      atoms[k + 1]?.t === 'para' &&
      firstLine(atoms[k + 1] as Atom) === lastLine(lead) + 1;
    if (!opening && (lead?.t !== 'para' || lead.leadDateline === null || lead.gapBefore)) continue;
    let top = k;
    let chars = 0;
    while (top - 1 >= 0 && k - (top - 1) <= 4) {
      const a = atoms[top - 1];
      const below = atoms[top];
      if (a?.t !== 'para' || !a.plain || a.kv || a.leadDateline !== null) break;
      if (below === undefined || firstLine(below) !== a.line + 1) break;
      if (below !== lead && below.t === 'para' && below.gapBefore) break;
      const t = a.text.trim();
      if (/[。！？；;!?]/.test(t) || visibleLength(t) > MAX_HEADING_LINE_CHARS) break;
      chars += visibleLength(t);
      top--;
      if (a.gapBefore) break;
    }
    const first = atoms[top];
    const apart = top === 0 || (first?.t === 'para' && first.gapBefore) || atoms[top - 1]?.t !== 'para';
    if (top < k && apart && chars <= MAX_HEADING_CHARS && k - top >= 2) {
      let text = '';
      for (let n = top; n < k; n++) text += (atoms[n] as ParaAtom).text;
      if (isBalanced(text) && !/[，,]$/.test(text.trim())) for (let n = top; n < k; n++) isHead[n] = true;
    }
  }
  // on a page that indents its paragraphs, a line printed with a paragraph's indent opens a paragraph:
  // it is body text, never a headline (two ideographic spaces, then `在城西街道青石社区，网格员王` / blank / `芳…`)
  if (indented.size > 0) {
    for (let k = 0; k < atoms.length; k++) {
      const a = atoms[k];
      if (isHead[k] && a?.t === 'para' && indented.has(a.line) && !isNumberedHeading(a.text.trim()))
        isHead[k] = false;
    }
    // … and a block of one to three short lines set apart, not indented, right above an indented
    // paragraph's first line, is a headline (`公园设施遭破坏 我招惹谁了？`, `贺“五一”黄金周` /
    // `成都第二大广场正式亮相`): lines a column break leaves before a new paragraph are the old
    // paragraph's, as wide as the column but for its last, which ends its sentence
    for (let k = 0; k < atoms.length; k++) {
      const a = atoms[k];
      if (a?.t !== 'para' || !a.plain || indented.has(a.line)) continue;
      if (!setApart(atoms, k)) continue;
      let end = k;
      while (end - k < 3) {
        const b = atoms[end + 1];
        if (b?.t !== 'para' || b.gapBefore || indented.has(b.line) || !b.plain) break;
        end++;
      }
      const under = atoms[end + 1];
      if (under?.t !== 'para' || !indented.has(under.line)) continue;
      // (with a blank line between, only lines no text could be: no clause or sentence mark in them,
      // a kicker's colon or dash at a line's end — `郭文海…开放团组活动上诚邀：` / `欢迎各地朋友走进中山…`)
      if (under.gapBefore && !pureHeadlineBlock(atoms, k, end)) continue;
      let column = 0;
      for (let n = end + 1; n < atoms.length && n <= end + 6; n++) {
        const b = atoms[n];
        if (b?.t === 'para') column = Math.max(column, visibleLength(b.text.trim()));
      }
      // (a block whose last line ends no sentence cannot be a paragraph's end left by a column break:
      // it may be as wide as a headline set over several columns, `——记柳州市“刘三姐”志愿服务队的`)
      const open = !endsSentence((atoms[end] as ParaAtom).text);
      const limit = open
        ? MAX_HEADING_LINE_CHARS
        : Math.min(MAX_HEADING_LINE_CHARS, Math.floor(column * WRAPPED_LINE_SHARE));
      let block = true;
      for (let n = k; n <= end && block; n++) {
        const t = (atoms[n] as ParaAtom).text.trim();
        // (a question or an exclamation may run as wide as the column: a paragraph's last line ending
        // in one is left for a new paragraph by a blank line only where a column ends)
        const width = /[？！?!]$/.test(t) ? MAX_HEADING_LINE_CHARS : limit;
        // (a headline may list with 、 or run two clauses with ， — `“赏、享、购”让市民收获满满`, `你我共参与，
        // 家园更美丽` — but a line ending on one goes on below)
        // (a kicker over the title may end on a colon or a dash: `…开放团组活动上诚邀：`)
        const kicker = n < end && /(?:[：:]|——)$/.test(t);
        block = visibleLength(t) <= width && !/[。；;]/.test(t) && (kicker || !/[，、,：:—–-]$/.test(t));
      }
      if (!block) continue;
      for (let n = k; n <= end; n++) {
        isHead[n] = true;
        p[n] = Math.max(p[n] ?? 0, SPLIT_TITLE_PROBABILITY);
      }
      k = end;
    }
  }
  // a place-labelled headline set apart (`江溪：老小区人防工程 标识牌换新颜`, `硕放：《老娘舅做寿》` /
  // `获市“群芳奖”银奖`) over its text, as local pages print their briefs: the label, then a title with
  // no clause punctuation; a short line under it without punctuation goes on with it
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    if (isHead[k] || a?.t !== 'para' || !a.plain) continue;
    if (!setApart(atoms, k)) continue;
    const t = a.text.trim();
    if (!LABELLED_HEADLINE_RE.test(t) || visibleLength(t) > MAX_HEADING_LINE_CHARS) continue;
    let end = k;
    const second = atoms[k + 1];
    const third = atoms[k + 2];
    if (
      second?.t === 'para' &&
      !second.gapBefore &&
      third?.t === 'para' &&
      !third.gapBefore &&
      !/[，。；、,;]/.test(second.text) &&
      visibleLength(second.text.trim()) < WRAPPED_LINE_SHARE * visibleLength(third.text.trim())
    )
      end = k + 1;
    const under = atoms[end + 1];
    if (under?.t !== 'para' || under.gapBefore) continue;
    for (let n = k; n <= end; n++) {
      isHead[n] = true;
      p[n] = Math.max(p[n] ?? 0, SPLIT_TITLE_PROBABILITY);
    }
    k = end;
  }
  // a photo's caption opens with `图为`, `上图` …: never a headline line
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (isHead[k] && a?.t === 'para' && /^(?:图为|上图|下图|左图|右图)/.test(a.text.trim()))
      isHead[k] = false;
  }
  // a line right under a body line that stops mid-sentence finishes that sentence, however short
  // (`昨日，内迁职工参观人民大` / `礼堂` / `记者 欧阳祖兵 摄`): it is never a headline of its own
  for (let k = 1; k < atoms.length; k++) {
    const a = atoms[k];
    const prev = atoms[k - 1];
    if (!isHead[k] || isHead[k - 1] || a?.t !== 'para' || a.gapBefore || prev?.t !== 'para' || !prev.plain)
      continue;
    const before = prev.text.trim();
    if (before.length > 0 && !endsSentence(before) && !/[—–:：）)」』】》”"]$/.test(before))
      isHead[k] = false;
  }
  // a subtitle led by `——` right under a headline line hangs on it (`硬“核”力量落地招远` /
  // `——首个配置冷却塔的“华龙一号”核电机组全面启动建设`)
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const next = atoms[k + 1];
    if (!isHead[k] || isHead[k + 1] || a?.t !== 'para' || next?.t !== 'para' || !next.plain || next.gapBefore)
      continue;
    const t = next.text.trim();
    if (
      /^[—–]{2}/.test(t) &&
      visibleLength(t) <= MAX_HEADING_LINE_CHARS + 10 &&
      hasHeadingShape(t.slice(2))
    ) {
      isHead[k + 1] = true;
      p[k + 1] = Math.max(p[k + 1] ?? 0, p[k] ?? 0);
    }
  }
  return groupHeadings(atoms, isHead, p);
}

/** A line that opens the page, or comes after a blank line or page furniture. */
function setApart(atoms: readonly Atom[], k: number): boolean {
  const a = atoms[k];
  return k === 0 || (a?.t === 'para' && a.gapBefore) || atoms[k - 1]?.t === 'skip';
}

/** `江溪：老小区人防工程 标识牌换新颜`: a place's name as a label, then a title without clause punctuation. */
const LABELLED_HEADLINE_RE = /^(?!记者|问|答|主持人)[\u4e00-\u9fff]{2,4}[：:][^，。；！？,;]{4,}$/;

/** Merges the flagged lines into heading atoms (blank lines allowed between, nothing else). */
export function groupHeadings(atoms: Atom[], isHead: readonly boolean[], p: ArrayLike<number> = []): Atom[] {
  // consecutive headline lines make one block; a blank line or a numbered line starts the next block
  const out: Atom[] = [];
  let group: Array<HeadLine & { p: number }> = [];
  const flush = (): void => {
    if (group.length === 0) return;
    let start = 0;
    for (let k = 1; k <= group.length; k++) {
      const g = group[k];
      if (k === group.length || (g !== undefined && g.gapBefore)) {
        const block = group.slice(start, k);
        // (plain loops, not `map`: see rejoinCutSignals)
        const lines: HeadLine[] = [];
        let best = -Infinity;
        for (const { line, text, gapBefore, p: lp } of block) {
          lines.push({ line, text, gapBefore });
          best = Math.max(best, lp);
        }
        const h = makeHeading(lines);
        h.titleScore = h.numbered ? 0 : best;
        out.push(h);
        start = k;
      }
    }
    group = [];
  };
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!a) continue;
    if (isHead[k] && a.t === 'para') {
      group.push({ line: a.line, text: a.text, gapBefore: a.gapBefore, p: p[k] ?? 0 });
      continue;
    }
    flush();
    out.push(a);
  }
  flush();
  return out;
}

/** Lines that each open with one key (`时间：…` / `地点：…` / `咨询电话：…`), two or more in a row, are an ad's key–value block. */
export function markKvLines(atoms: Atom[]): void {
  const keyed = (a: Atom | undefined): a is ParaAtom =>
    a !== undefined && a.t === 'para' && startsWithKvKey(a.text);
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!keyed(a)) continue;
    const prev = k > 0 ? atoms[k - 1] : undefined;
    const next = k + 1 < atoms.length ? atoms[k + 1] : undefined;
    if ((keyed(prev) && prev.line === a.line - 1) || (keyed(next) && next.line === a.line + 1)) a.kv = true;
  }
}

export function contextAllowsHeading(atoms: Atom[], index: number, isHead: boolean[]): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const p = atoms[k];
    if (!p) continue;
    if (p.t === 'skip') continue;
    if (p.t === 'signal') return p.kind !== 'jumpFrom';
    if (p.t === 'heading') return true;
    if (isHead[k]) return true;
    // a source line or trailing note (`据央视`, `（据新华社电）`) has closed the item above
    if (p.note) return true;
    // inside a running sentence a short line is a fragment, not a headline; a signature/date line is complete
    return endsSentence(p.text) || isSignatureLine(p.text);
  }
  return true;
}

/**
 * A two-line headline broken after its comma (`佳县：“圪蹴起”的红枣，` / `富起来的枣农`): the first line stops
 * well short of any column on the comma, the second ends the headline. (Text wrapped by a column fills
 * its line; a line that short and unfinished is set so.)
 */
function commaWrappedHeadline(first: string, second: string): boolean {
  const a = first.trim();
  if (!a.endsWith('，') || visibleLength(a) > COMMA_HEADLINE_LINE_MAX) return false;
  const b = second.trim();
  return hasHeadingShape(a.slice(0, -1)) && hasHeadingShape(b) && !/[，,]/.test(a.slice(0, -1) + b);
}

/**
 * One line holding a comma, as wide as the column of the text below it (`骑上我心爱的小摩托，佳县木头峪镇王宁` /
 * blank / `山村村民刘芹连…`, 18 cells over a column of 18): that text's first line, cut from it by a column
 * break, not a subtitle.
 */
function clauseFillingColumnBelow(atoms: readonly Atom[], to: number, lines: readonly ParaAtom[]): boolean {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (!only || !/[，,]/.test(only.text)) return false;
  const below: number[] = [];
  for (let k = to; k < atoms.length && below.length < COLUMN_SAMPLE_LINES; k++) {
    const a = atoms[k];
    if (a?.t !== 'para') break;
    below.push(visibleLength(a.text));
  }
  if (below.length < COLUMN_SAMPLE_MIN) return false;
  const column = Math.max(...below);
  return Math.abs(visibleLength(only.text) - column) <= 1;
}

/**
 * A kicker (引题) leading into the title by a dash at its end, commas and all
 * (`千里多彩画卷，一城浪漫山水，美丽宝鸡诚邀八方宾朋——` / `在美景之中，邂逅绚烂秋色`).
 */
function isDashKicker(text: string): boolean {
  const t = text.trim();
  if (!t.endsWith('——') || visibleLength(t) > DASH_KICKER_MAX) return false;
  const head = t.slice(0, -2);
  return head.length >= 4 && !/[。！？；;!?]/.test(head) && !/[—–-]$/.test(head) && isBalanced(head);
}

/** Deck lines under a headline, at most. */
const DECK_LINES_MAX = 3;

/** A deck's clause: no sentence end, no bracket left open, a headline's length. */
function isDeckClause(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 4 &&
    visibleLength(t) <= DECK_CLAUSE_MAX &&
    !/[。！？!?]/.test(t) &&
    !/[；;]$/.test(t) &&
    !/[，,、：:]$/.test(t) &&
    isBalanced(t)
  );
}

/** The longest deck clause (a line of the widest headline, across the page). */
const DECK_CLAUSE_MAX = 60;

/** The longest kicker ending in a dash (a column's line, two at most). */
const DASH_KICKER_MAX = 32;

/** The longest first line of a headline broken after its comma (shorter than any column a page sets). */
const COMMA_HEADLINE_LINE_MAX = 14;

export function classifyRun(
  atoms: Atom[],
  from: number,
  to: number,
  isHead: boolean[],
  subhead: boolean[] = [],
): void {
  const lines: ParaAtom[] = [];
  for (let k = from; k < to; k++) {
    const a = atoms[k];
    if (a && a.t === 'para') lines.push(a);
  }
  if (lines.length === 0) return;
  const contextOk = contextAllowsHeading(atoms, from, isHead);
  const joined = textOf(lines);
  // (1) the whole run looks like a headline block
  if (
    contextOk &&
    lines.length <= 4 &&
    visibleLength(joined) <= MAX_HEADING_CHARS &&
    isBalanced(joined) &&
    lines.every(
      (l, n) =>
        hasHeadingShape(l.text) ||
        (n < lines.length - 1 && isPlaceLabel(l.text)) ||
        (n === 0 && lines.length === 2 && commaWrappedHeadline(l.text, lines[1]?.text ?? '')) ||
        (n < lines.length - 1 && isDashKicker(l.text)),
    ) &&
    !clauseFillingColumnBelow(atoms, to, lines)
  ) {
    for (let k = from; k < to; k++) isHead[k] = true;
    return;
  }
  if (lines.length < 2) return;
  // (1b) a notice's title wrapped over up to three lines, opening the run: `关于…` / `…的通知`
  if (contextOk) {
    for (let m = 1; m <= Math.min(3, lines.length - 1); m++) {
      const block = lines.slice(0, m);
      const joinedTitle = textOf(block);
      if (!block.every((l) => strictHeadingLine(l.text))) break;
      if (isNoticeTitle(joinedTitle) && visibleLength(joinedTitle) <= MAX_HEADING_CHARS) {
        for (let k = from; k < from + m; k++) isHead[k] = true;
        return;
      }
    }
  }
  const first = lines[0];
  const second = lines[1];
  // (2b) the same, led by a place label on its own line: `高新区：` / `企业服务“一站式”办结`
  const third = lines[2];
  if (
    contextOk &&
    first !== undefined &&
    second !== undefined &&
    third !== undefined &&
    isPlaceLabel(first.text) &&
    strictHeadingLine(second.text) &&
    visibleLength(second.text) <= 30 &&
    visibleLength(second.text) <= 0.85 * visibleLength(third.text)
  ) {
    isHead[from] = true;
    isHead[from + 1] = true;
  }
  // (2) a short headline printed right above its body without a blank line; one of two phrases set apart
  // by a space (`“乡村周末大舞台” 点亮村民文化生活`) may come closer to the body's width: a text line has no space
  if (
    contextOk &&
    first !== undefined &&
    second !== undefined &&
    strictHeadingLine(first.text) &&
    visibleLength(first.text) <= 30 &&
    visibleLength(first.text) <=
      (first.gapBefore && hasInnerSpace(first.text.trim()) ? 0.85 : 0.7) * visibleLength(second.text)
  ) {
    isHead[from] = true;
  }
  // (2d) after a blank line, a short line with one comma above a fuller one (`山东“菜篮子”，稳稳的爱` /
  // `1月2日，一辆辆满载…`): a paragraph's last line ends with its punctuation, a headline does not
  if (
    contextOk &&
    !isHead[from] &&
    first !== undefined &&
    second !== undefined &&
    first.gapBefore &&
    hasHeadingShape(first.text) &&
    isBalanced(first.text) &&
    !isNumberedHeading(first.text) &&
    visibleLength(first.text) <= 30 &&
    visibleLength(first.text) <= 0.7 * visibleLength(second.text) &&
    !strictHeadingLine(second.text)
  ) {
    isHead[from] = true;
  }
  // (2e) after two blank lines, the same for a headline wrapped at a comma (`雨水继续“霸屏”，长沙还将迎来降温，` / `最低降至14℃左右` /
  // `秋雨，秋雨，无昼无夜，…`): no line of it ends a sentence, its last line is short of the text under it
  // and ends without punctuation — a paragraph never stops so
  if (contextOk && !isHead[from] && first !== undefined && blankLinesAbove(atoms, from) >= 2) {
    for (let m = Math.min(3, lines.length - 1); m >= 2; m--) {
      const block = lines.slice(0, m);
      const lastLine = block[m - 1];
      const body = lines[m];
      if (lastLine === undefined || body === undefined) continue;
      const text = textOf(block);
      if (
        !/[。！？；;!?]/.test(text) &&
        visibleLength(text) <= MAX_HEADING_LINE_CHARS + 20 &&
        isBalanced(text) &&
        hasHeadingShape(lastLine.text) &&
        !/[，,、：:]$/.test(lastLine.text.trim()) &&
        visibleLength(lastLine.text) <= 0.7 * visibleLength(body.text) &&
        !strictHeadingLine(body.text)
      ) {
        for (let k = from; k < from + m; k++) isHead[k] = true;
        break;
      }
    }
  }
  // (2c) a headline of two or three short lines printed right above its body (`清除路面标线` /
  // `营造整洁环境` / `为了创建省级文明城市，市交警支…`): each line a headline's shape and well short of
  // the body's first line
  if (contextOk && !isHead[from]) {
    for (let m = Math.min(3, lines.length - 1); m >= 2; m--) {
      const block = lines.slice(0, m);
      const body = lines[m];
      if (body === undefined) continue;
      const width = visibleLength(body.text);
      if (
        block.every(
          (l) =>
            (strictHeadingLine(l.text) || isBracketKicker(l.text) || wrappedHeadingLine(l.text)) &&
            visibleLength(l.text) <= 0.7 * width,
        ) &&
        !/[，,、：:]$/.test(block[m - 1]?.text.trim() ?? '') &&
        visibleLength(textOf(block)) <= MAX_HEADING_CHARS &&
        isBalanced(textOf(block)) &&
        !strictHeadingLine(body.text)
      ) {
        for (let k = from; k < from + m; k++) isHead[k] = true;
        break;
      }
    }
  }
  // (4) a subhead inside a run: a short plain line between a finished sentence and a fuller line
  for (let k = 1; k + 1 < lines.length; k++) {
    const line = lines[k];
    if (line === undefined || line.text.length > MAX_HEADING_LINE_CHARS || line.text.length < 4) continue;
    const prev = lines[k - 1];
    const next = lines[k + 1];
    if (prev === undefined || next === undefined || !endsSentence(prev.text)) continue;
    const width = Math.max(visibleLength(prev.text), visibleLength(next.text));
    const len = visibleLength(line.text);
    if (
      width >= 12 &&
      len >= 4 &&
      len <= 0.7 * width &&
      endsSentence(prev.text) &&
      strictHeadingLine(line.text) &&
      !/[”’」』）)]$/.test(line.text) &&
      hasHeadingShape(next.text) === false
    ) {
      isHead[from + k] = true;
      subhead[from + k] = true;
    }
  }
  // (3) a headline block (one line, or up to three: 引题 / 主题 / ——副题) printed right below a
  // finished paragraph, closing the run; a notice's signature or date lines are not headlines.
  for (let m = Math.min(3, lines.length - 1); m >= 1; m--) {
    const before = lines[lines.length - m - 1];
    const block = lines.slice(lines.length - m);
    if (before === undefined || !endsSentence(before.text)) continue;
    const ok = block.every(
      (l, n) =>
        !isSignatureLine(l.text) &&
        (strictHeadingLine(l.text) ||
          (m > 1 && n === m - 1 && /^——/.test(l.text) && hasHeadingShape(l.text.slice(2)))),
    );
    if (!ok || (m > 1 && visibleLength(textOf(block)) > MAX_HEADING_CHARS)) continue;
    for (let k = to - m; k < to; k++) isHead[k] = true;
    return;
  }
  // (3b) the same with a deck of clauses (`长沙着力推进3条` / `过湘江通道建设` / `今年，湘雅路隧道完成建设，
  // 兴联路大桥竣工，` / `香炉洲大桥通车`), closing the run with a blank line (or the page's end) under it:
  // none of its lines ends a sentence, its first is short, its last ends without punctuation — the end of
  // a paragraph never does
  const below = atoms[to];
  const apartBelow = below === undefined || blankLinesAbove(atoms, to) >= 1;
  if (!apartBelow) return;
  for (let m = Math.min(4, lines.length - 1); m >= 2; m--) {
    const before = lines[lines.length - m - 1];
    const block = lines.slice(lines.length - m);
    const firstOf = block[0];
    const lastOf = block[m - 1];
    if (before === undefined || firstOf === undefined || lastOf === undefined || !endsSentence(before.text))
      continue;
    const text = textOf(block);
    if (
      /[。！？；;!?]/.test(text) ||
      visibleLength(text) > MAX_HEADING_CHARS ||
      !isBalanced(text) ||
      !block.every((l) => visibleLength(l.text) <= MAX_HEADING_LINE_CHARS && !isSignatureLine(l.text)) ||
      !strictHeadingLine(firstOf.text) ||
      visibleLength(firstOf.text) > 0.7 * visibleLength(before.text) ||
      !hasHeadingShape(lastOf.text) ||
      /[，,、：:]$/.test(lastOf.text.trim())
    )
      continue;
    for (let k = to - m; k < to; k++) isHead[k] = true;
    return;
  }
}

/** A column's name in lenticular brackets above a headline: `【“志愿蓝”在行动】`, `【民生关注】`. */
export function isBracketKicker(text: string): boolean {
  return /^【[^【】]{2,20}】$/.test(text.trim());
}

/** One line of a headline wrapped by the column: a headline's shape, at most one comma inside. */
function wrappedHeadingLine(text: string): boolean {
  return hasHeadingShape(text) && isBalanced(text) && !isNumberedHeading(text);
}

/** Blank lines between atom `k` and the atom above it; the page's top counts as two. */
function blankLinesAbove(atoms: readonly Atom[], k: number): number {
  return k === 0 ? 2 : blankLinesBefore(atoms, k);
}

/** The lines' texts run together (a plain loop, not `map(…).join('')`: see rejoinCutSignals). */
function textOf(lines: ReadonlyArray<{ text: string }>): string {
  let s = '';
  for (const l of lines) s += l.text;
  return s;
}

/** `东乡：` / `高新区：` alone on a line: the place label a headline opens with. */
export function isPlaceLabel(text: string): boolean {
  const t = text.trim();
  // (or a longer one naming a place down to its village or housing estate, or a body there: `金台区陈仓镇金星村：`,
  // `宝鸡高新区高新佳园一期小区：`, `周口市开发区公用事业局：`)
  return /^[\u4e00-\u9fff]{2,6}[：:]$/.test(t) || PLACE_LABEL_RE.test(t);
}

const PLACE_LABEL_RE =
  /^[\u4e00-\u9fff0-9]{4,14}(?:村|镇|乡|街道|社区|小区|园区|新区|开发区|区|县|市|局|委员会|办公室|中心|公司|医院|学校)[：:]$/;

export function strictHeadingLine(text: string): boolean {
  return hasHeadingShape(text) && !/[，,]/.test(text) && isBalanced(text) && !isNumberedHeading(text);
}
