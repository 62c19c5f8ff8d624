/**
 * Stage 3 (line roles): every line becomes atoms — body text, jump markers, datelines, bylines, page
 * furniture and banners — with credits and leads cut by narrow columns read whole.
 */
import {
  type Atom,
  type HeadLine,
  type HeadingAtom,
  type ParaAtom,
  type SignalAtom,
  type SkipAtom,
  headingAtom,
  paraAtom,
  signalAtom,
  skipAtom,
} from './atoms';
import { isBareNameLine, isPersonalName, startsWithSurname } from './names';
import { type VLine, cutsRoleWord, joinCredit, rejoinCutSignals } from './rejoin';
import { headingBigrams } from './similarity';
import {
  BULLET_START,
  bannerKind,
  joinedByline,
  cleanByline,
  endsSentence,
  findKvKeys,
  isBracketedNote,
  isSourceLine,
  dottedCreditNames,
  isBylineText,
  isDateOnly,
  isFurniture,
  isSectionHeader,
  isMastheadName,
  isTodayPaperName,
  isHotlineLine,
  isNamesOnly,
  isNoticeTitle,
  isNumberedHeading,
  isPhotoByline,
  isSignatureLine,
  matchDatelineOnly,
  matchLeadCredit,
  matchLeadDateline,
  namesPhotoPage,
  splitTrailingByline,
  splitTrailingDateline,
  startsLikeDateline,
  stripBullet,
  hasHeadingShape,
  isBalanced,
  visibleLength,
} from './text-rules';
import { SENTENCE_CLOSERS, findJumpMarkers } from '@jianbao/contracts';
import { MAX_CREDIT_LINE_CHARS, WRAPPED_LINE_SHARE } from './thresholds';

// ====================================================================== 1. tokenise

export interface Tokenised {
  atoms: Atom[];
  /** Lines whose text was cut across several fields (a glued marker, dateline or byline). */
  splitLines: Set<number>;
  rawLines: string[];
  /** Input lines glued onto an earlier one by `rejoinCutSignals`, keyed by that earlier line. */
  glued: Map<number, number[]>;
}

/**
 * The label of a box of lead text at an article's head (`◆核心提示`, `■编者按`, `阅读提示`) alone on its line:
 * neither the article's headline nor its credit; the box's text is the article's.
 */
const LEAD_BOX_LABEL_RE =
  /^[■◆●□◇▲★]?[ \u3000]*(?:编者按|编者的话|核心提示|阅读提示|内容提要|内容摘要)[ \u3000]*[:：]?$/;

/** Characters of a banner that may wrap onto the next line (more is text of its own). */
const BANNER_TAIL_MAX = 3;

export function tokenise(text: string): Tokenised {
  const rawLines = text.replace(/^\uFEFF/, '').split('\n');
  const vlines = rejoinCutSignals(rawLines);
  // the helpers below look ahead in the rejoined lines; `lineOf` maps an index back to the input line
  const texts: string[] = [];
  for (const v of vlines) texts.push(v.text); // (pushed, not `map`: see rejoinCutSignals)
  const lineOf = (k: number): number => vlines[k]?.line ?? k;
  // without any glued line, indices are input lines already
  const identity = vlines.length === rawLines.length;
  const remap = (a: Atom): Atom => (identity ? a : relineAtom(a, lineOf, vlines));
  const atoms: Atom[] = [];
  const splitLines = new Set<number>();
  const markSplit = (k: number): void => {
    const v = vlines[k];
    if (!v) return;
    splitLines.add(v.line);
    for (const n of v.also) splitLines.add(n);
  };
  /** Atoms made of the lines `from`..`last` glued by one of the rules below: kept, those lines marked split. */
  const take = (produced: readonly Atom[], from: number, last: number): number => {
    for (const a of produced) atoms.push(remap(a));
    for (let n = from; n <= last; n++) markSplit(n);
    return last;
  };
  let gap = false;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? '';
    if (t.length === 0) {
      gap = true;
      continue;
    }
    // a lead box's label (`◆核心提示`): kept aside; the box's text opens as after a blank line
    if (LEAD_BOX_LABEL_RE.test(t)) {
      atoms.push(remap(skip(t, i)));
      gap = true;
      continue;
    }
    // a 本报讯 lead cut by a narrow column: `本报讯 记` / `者李明报道 …`
    const spanning = leadAcrossLines(t, texts, i, gap, (k) => {
      const before = (rawLines[lineOf(k - 1)] ?? '').replace(/\r$/, '');
      return /[ \t\u3000]$/.test(before) || /^ \S/.test(rawLines[lineOf(k)] ?? '');
    });
    if (spanning) {
      // (read before remap, which moves lastLine to input lines)
      i = take(spanning, i, spanning[0]?.t === 'para' ? (spanning[0].lastLine ?? i + 1) : i + 1);
      gap = false;
      continue;
    }
    // a byline cut by a narrow column: `■本报记者 鲍童 本报通` / `讯员 张洋` (up to three lines)
    const credit2 = bylineAcrossLines(t, texts, i);
    if (credit2) {
      i = take([credit2.atom], i, credit2.last);
      gap = false;
      continue;
    }
    // a byline in brackets cut by a narrow column: `（记者 朱琳 通讯员` / `吴敏）`
    const credit = bracketAcrossLines(t, texts, i);
    if (credit) {
      i = take([credit], i, i + 1);
      gap = false;
      continue;
    }
    // a credit run on after the text's last sentence, its name cut onto the next line, a blank line
    // after it (`…送回家中。城市晚报全媒体记者` / `吕闯`): the paragraph, then the item's closing credit
    const runOn = runOnCreditCut(t, texts[i + 1] ?? '', texts[i + 2]);
    if (runOn) {
      // (the photo's credit on the line under it closes the item with it: `…本报记者张敏` / `涛` / `颜永莉供图`)
      const photoCredit = (texts[i + 2] ?? '').length > 0 ? (texts[i + 2] ?? '').trim() : null;
      const closing = photoCredit
        ? signalAtom('byline', i, `${runOn.byline} ${photoCredit}`, null, 'end', [i + 1, i + 2])
        : signalAtom('byline', i, runOn.byline, null, 'end', [i + 1]);
      i = take([...tokeniseLine(runOn.before, i, gap), closing], i, photoCredit ? i + 2 : i + 1);
      gap = false;
      continue;
    }
    // a photo's source set off by spaces after its caption, cut onto the next line, a blank line after
    // it (`…视察种兔养殖车间  奉节` / `县政协供图`)
    const sourceRest = texts[i + 1] ?? '';
    const sourceCut = sourceRest.endsWith('供图') ? SOURCE_CUT_RE.exec(t) : null;
    if (
      sourceCut?.[1] !== undefined &&
      sourceCut[2] !== undefined &&
      (texts[i + 2] ?? '').length === 0 &&
      /^[\u4e00-\u9fff]{1,12}供图$/.test(sourceRest) &&
      PHOTO_SOURCE_RE.test(`${sourceCut[2]}${sourceRest}`)
    ) {
      const closing = signalAtom('byline', i, `${sourceCut[2]}${sourceRest}`, null, 'end', [i + 1]);
      i = take([...tokeniseLine(sourceCut[1], i, gap), closing], i, i + 1);
      gap = false;
      continue;
    }
    // … its last name cut by a column break, a blank line between (`…4处。 记者 吴` / blank / `丹`)
    const acrossBreak =
      (texts[i + 1] ?? '').length === 0 && /^[\u4e00-\u9fff]{1,2}$/.test(texts[i + 2] ?? '')
        ? runOnCreditCut(t, texts[i + 2] ?? '', texts[i + 3])
        : null;
    if (acrossBreak && /[ \t\u3000][\u4e00-\u9fff]{1,2}$/.test(t)) {
      const closing = signalAtom('byline', i, acrossBreak.byline, null, 'end', [i + 2]);
      i = take([...tokeniseLine(acrossBreak.before, i, gap), closing], i, i + 2);
      gap = false;
      continue;
    }
    // a date right under an issuer's name is a notice's signing date, whatever furniture follows
    const above = i > 0 ? (texts[i - 1] ?? '') : '';
    const signed = isDateOnly(t) && isSignatureLine(above) && !isDateOnly(above) && !isFurniture(above);
    const masthead =
      ((isDateOnly(t) || isMastheadName(t) || isTodayPaperName(t) || isHotlineLine(t)) &&
        !signed &&
        nextToFurniture(texts, i)) ||
      // (a hotline alone at the page's foot is its footer, `有奖新闻热线：88881111`, and so is a block of
      // hotlines one to a line, `党报热线：…` / `广告热线：…`)
      (isHotlineLine(t) &&
        (texts.slice(i + 1).every((x) => x.length === 0) ||
          isHotlineLine(texts[i - 1] ?? '') ||
          isHotlineLine(texts[i + 1] ?? ''))) ||
      sectionUnderHeader(texts, i, gap) ||
      sectionAmidFurniture(texts, i) ||
      labelAtPageHead(texts, i);
    // an author's bare name (`常  晋`, `何昭宇  李  舒`) on its own line, the text following at once
    // … never inside the text: after a blank line or a headline's column tag (a padded word after a sentence is a subhead: `揭  盖`)
    const textAbove = gap ? '' : (texts[i - 1] ?? '');
    const author =
      (!masthead && gap && authorsSetApart(texts, i)) ||
      // (a name set apart under the page's furniture, the text after a blank line: the first item's author,
      // its headline printed after its text — `克拉玛依日报` / … / blank / `陈晓丹` / blank / `3月28日…`)
      (!masthead &&
        gap &&
        (texts[i + 1] ?? '').length === 0 &&
        visibleLength(texts[i + 2] ?? '') >= AUTHOR_TEXT_MIN &&
        /^[\u4e00-\u9fff]{2,3}$/.test(t) &&
        isPersonalName(t) &&
        bannerKind(t) === null &&
        atoms.every((a) => a.t === 'skip')) ||
      (!masthead && gap && authorsUnderCreditedItem(texts, i)) ||
      (!masthead &&
        (texts[i + 1] ?? '').length > 0 &&
        (textAbove.length === 0 ||
          /[）)]$/.test(textAbove) ||
          nameUnderHeadline(texts, i) ||
          nameInLeadBelow(texts, i)) &&
        isBareNameLine(t) &&
        !headlineUnder(texts, i) &&
        bannerKind(t) === null &&
        !isFurniture(t));
    // … and one right under a finished paragraph, a blank line (or the page's end) under it, signs the
    // item above (`…严防隐患问题留存。` / `王宏鑫` / blank; `/梁罡` after a slash)
    const signs =
      !masthead &&
      !author &&
      !gap &&
      !nameCutByColumn(t, texts[i + 2] ?? '') &&
      (texts[i + 1] ?? '').length === 0 &&
      endsSentence(textAbove) &&
      (/^[/／]?[\u4e00-\u9fff]{2,4}$/.test(t)
        ? isPersonalName(t.replace(/^[/／]/, ''))
        : // or two or three names set apart by spaces (`徐柏 任仁`)
          /^[\u4e00-\u9fff]{2,4}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,4}){1,2}$/.test(t) &&
          t.split(/[ \t\u3000]+/).every((n) => isPersonalName(n))) &&
      bannerKind(t) === null &&
      !isFurniture(t);
    // (checked only for a line that would be furniture or a banner: isFurniture is not cheap)
    const midSentence = (): boolean =>
      !gap && above.length > 0 && !endsSentence(above) && !isFurniture(above);
    // the last characters of a slogan banner wrapped onto their own line belong to the banner
    const last = atoms[atoms.length - 1];
    const bannerTail =
      !gap &&
      last?.t === 'skip' &&
      last.banner === 'banner' &&
      visibleLength(t) <= BANNER_TAIL_MAX &&
      !/[，。！？；：、,.!?;:]/.test(t);
    const produced =
      masthead || bannerTail
        ? [masthead && namesPhotoPage(t) ? skipAtom(i, t, 'photo') : skip(t, i)]
        : author
          ? [bareName(t, i)]
          : !masthead && gap && authorsOverText(texts, i)
            ? [signalAtom('byline', i, t.trim(), null, 'start', undefined)]
            : signs
              ? [signalAtom('byline', i, t.replace(/^[/／]/, ''), null, 'end', undefined)]
              : tokeniseLine(
                  t,
                  i,
                  gap,
                  midSentence,
                  (texts[i + 2] ?? '').length === 0 ? texts[i + 1] || null : null,
                );
    const only = produced.length === 1 ? produced[0] : undefined;
    const joined = (vlines[i]?.also.length ?? 0) > 0;
    const verbatim =
      !joined &&
      only !== undefined &&
      ((only.t === 'para' && only.plain) ||
        only.t === 'skip' ||
        (only.t === 'signal' && compact(only.value) === compact(t)));
    if (!verbatim) markSplit(i);
    for (const a of produced) atoms.push(remap(a));
    gap = false;
  }
  const glued = new Map<number, number[]>();
  for (const v of vlines) if (v.also.length > 0) glued.set(v.line, v.also);
  return { atoms, splitLines, rawLines, glued };
}

export function relineAtom(a: Atom, lineOf: (k: number) => number, vlines: VLine[]): Atom {
  const also = (k: number): number[] => vlines[k]?.also ?? [];
  if (a.t === 'heading') {
    for (const l of a.lines) l.line = lineOf(l.line);
    return a;
  }
  if (a.t === 'signal') {
    const k = a.line;
    const extra = [...also(k)];
    for (const n of a.alsoLines ?? []) extra.push(lineOf(n), ...also(n));
    a.line = lineOf(k);
    if (extra.length > 0) a.alsoLines = extra;
    return a;
  }
  if (a.t === 'para') {
    const extra = [...also(a.line)];
    if (a.lastLine !== undefined) extra.push(lineOf(a.lastLine), ...also(a.lastLine));
    if (extra.length > 0) a.lastLine = Math.max(...extra);
    if (a.alsoLines) a.alsoLines = a.alsoLines.flatMap((n) => [lineOf(n), ...also(n)]);
  }
  a.line = lineOf(a.line);
  return a;
}

/**
 * A commentary's headline, its author's padded name, then the text (`功夫不只在四月` / `啸 尘` / `很温暖，…`):
 * the line above is a headline alone at its block's top (a blank line or the page's start above it), and
 * the text under the name runs on in a full line.
 */
/**
 * A two-character name line whose name goes on past the column break, the text running on after it
 * (`冯欣` / blank / `茹老伴去世多年，儿女们…`): the sentence's subject, not a signature.
 */
export function nameCutByColumn(t: string, afterBreak: string): boolean {
  return (
    /^[\u4e00-\u9fff]{2}$/.test(t) &&
    visibleLength(afterBreak) >= 10 &&
    /^[\u4e00-\u9fff]/.test(afterBreak) &&
    isPersonalName(`${t}${afterBreak.charAt(0)}`) &&
    !endsSentence(afterBreak.slice(0, 2))
  );
}

/**
 * Names alone between blank lines right under an item closed by its credit (`…送上冬日里的慰问。（刘波 毛一波
 * 摄）` / blank / `刘波 毛一波` / blank / text): the next text's authors, not a headline nor a signature.
 */
function authorsUnderCreditedItem(texts: readonly string[], i: number): boolean {
  const t = (texts[i] ?? '').trim();
  if ((texts[i - 1] ?? '').length > 0 || (texts[i + 1] ?? '').length > 0) return false;
  const above = (texts[i - 2] ?? '').trim();
  const below = (texts[i + 2] ?? '').trim();
  if (above.length === 0 || visibleLength(below) < 12 || !isBareNameLine(t)) return false;
  return /摄影?[）)]?$|供图[）)]?$/.test(above);
}

/**
 * Authors' names alone between blank lines under a finished text, over the next text (`…意义重大。` / blank /
 * `陈康 陈月振` / blank / `怡水园坐落于…`; a poem's `冯宝新` / blank / `时光是枚薄刃` / `轻轻一挑…`): that text's
 * authors, not a headline. Every name must have a family name, and the text under them run on for lines.
 */
function authorsOverText(texts: readonly string[], i: number): boolean {
  const t = (texts[i] ?? '').trim();
  if ((texts[i - 1] ?? '').length > 0 || (texts[i + 1] ?? '').length > 0) return false;
  if (!/^[\u4e00-\u9fff]{2,4}(?:[ \u3000]+[\u4e00-\u9fff]{2,4}){0,2}$/.test(t)) return false;
  const above = (texts[i - 2] ?? '').trim();
  if (above.length === 0 || !endsSentence(above)) return false;
  // the text under them: at least three lines before the next blank line
  let run = 0;
  for (let n = i + 2; n < texts.length && (texts[n] ?? '').length > 0 && run < 3; n++) run++;
  if (run < 3) return false;
  const names = t.split(/[ \u3000]+/);
  // (every one with a family name, one at least a name the name model knows: `陈康 陈月振`)
  return (
    names.every((n) => startsWithSurname(n) && bannerKind(n) === null && !PROSE_CHARS_RE.test(n)) &&
    names.some((n) => isPersonalName(n))
  );
}

/** `木月水 胡长江`: two or three name-shaped words, a pen name among real names. */
const PEN_AND_NAMES_RE = /^[\u4e00-\u9fff]{2,4}(?:[ \u3000]+[\u4e00-\u9fff]{2,4}){1,2}$/;

/**
 * Authors on a line of their own between a headline and its text, blank lines around all three
 * (`一河明月游狮城` / blank / `木月水 胡长江` / blank / text): two or three names, one of them a pen name
 * with no family name, the others real names.
 */
function authorsSetApart(texts: readonly string[], i: number): boolean {
  const t = (texts[i] ?? '').trim();
  // (several names, or one with a family name: `杨金贵`)
  const oneName = /^[\u4e00-\u9fff]{2,3}$/.test(t) && isPersonalName(t) && bannerKind(t) === null;
  if (
    !(oneName || PEN_AND_NAMES_RE.test(t)) ||
    (texts[i + 1] ?? '').length > 0 ||
    (texts[i - 1] ?? '').length > 0
  )
    return false;
  const headline = texts[i - 2] ?? '';
  const below = texts[i + 2] ?? '';
  // (the headline set apart above, or right under the page's furniture)
  const aboveHeadline = texts[i - 3] ?? '';
  if (
    headline.length === 0 ||
    (aboveHeadline.length > 0 && (!isFurniture(aboveHeadline) || isFurniture(headline))) ||
    !hasHeadingShape(headline) ||
    endsSentence(headline)
  )
    return false;
  if (visibleLength(below) < AUTHOR_TEXT_MIN) return false;
  const names = t.split(/[ \u3000]+/);
  const real = names.filter((n) => isPersonalName(n)).length;
  return real >= 1 && real >= names.length - 1 && names.every((n) => !PROSE_CHARS_RE.test(n));
}

/** Shortest text line taken for the text an author's name set apart stands over. */
const AUTHOR_TEXT_MIN = 12;

/** Characters of prose, never of a name (`的`, `了`, `是` …). */
const PROSE_CHARS_RE = /[从了到在的是对说表示获悉据将与把被让们这那其并及等]/;

function nameUnderHeadline(texts: readonly string[], i: number): boolean {
  const above = texts[i - 1] ?? '';
  const below = texts[i + 1] ?? '';
  const name = (texts[i] ?? '').trim();
  const twoAbove = texts[i - 2] ?? '';
  // a padded name under a headline set apart, or a three-character name under a headline printed right
  // after the last sentence of the article before (`…大幅下降。` / `五夫游子叙乡情` / `杜其昌` / text)
  const padded = /[ \u3000]/.test(name) && twoAbove.length === 0;
  // (the headline narrower than the column: a full line above is the text's own, wrapped)
  const plain =
    /^[\u4e00-\u9fff]{3}$/.test(name) &&
    // (after a blank line, a three-character line under a headline's first is its second: `芒种将至` / `农事忙`)
    twoAbove.length > 0 &&
    endsSentence(twoAbove) &&
    visibleLength(above) < WRAPPED_LINE_SHARE * visibleLength(below);
  return (padded || plain) && hasHeadingShape(above) && !endsSentence(above) && visibleLength(below) >= 12;
}

/**
 * The name on line `i` is credited again in the bracket of the lead right under it (`肖广军` /
 * `本报讯（记者 肖广军）6月12日…`): the author's name printed between headline and text.
 */
function nameInLeadBelow(texts: readonly string[], i: number): boolean {
  const name = (texts[i] ?? '').trim();
  const lead = (texts[i + 1] ?? '').slice(0, 30);
  const open = Math.max(lead.indexOf('（'), lead.indexOf('('));
  return /^[\u4e00-\u9fff]{2,4}$/.test(name) && open >= 0 && lead.indexOf(name, open) > open;
}

/**
 * The line under `i` is a headline alone (a headline's shape, then a blank line or the page's end): the
 * short line above it is a kicker (`景区热` / `小长假首日 迎客90余万`), not an author's bare name.
 */
function headlineUnder(texts: readonly string[], i: number): boolean {
  const next = texts[i + 1] ?? '';
  return next.length > 0 && (texts[i + 2] ?? '').length === 0 && hasHeadingShape(next) && !/[，,]/.test(next);
}

function bareName(text: string, line: number): SignalAtom {
  return signalAtom('byline', line, text.trim(), null, 'auto', undefined);
}

export function skip(text: string, line: number): SkipAtom {
  return skipAtom(line, text, null);
}

/**
 * See the loop: `…送回家中。城市晚报全媒体记者` / `吕闯` / blank (or the page's end). The role after the last
 * sentence and the name under it must read as a credit (isBylineText: role words, family names).
 */
export function runOnCreditCut(
  t: string,
  next: string,
  afterNext: string | undefined,
): { before: string; byline: string } | null {
  // (a blank line under the cut name, the page's end, or the photo's credit line: `…道谢。本报记者张敏` / `涛` /
  // `颜永莉供图`)
  if ((afterNext ?? '').length > 0 && !isPhotoCreditLine(afterNext ?? '')) return null;
  // a credit between middle dots opened after the last sentence, its names on the next line
  // (`…入地等。 ·` / `刘俪君 姚依·`)
  const dotted = /^([^]*[。！？…”])\s{0,3}[·•]$/.exec(t);
  if (dotted?.[1] !== undefined) {
    const names = dottedCreditNames(`·${next.trim()}`);
    return names ? { before: dotted[1], byline: names } : null;
  }
  // authors set apart by a space after the last sentence, the last name cut onto the next line
  // (`…杰出人才。 王庆山 姜` / `长荣`)
  const spaced = SPACED_NAMES_CUT_RE.exec(t);
  if (spaced?.[1] !== undefined && spaced[2] !== undefined && /^[\u4e00-\u9fff]{1,3}$/.test(next.trim())) {
    const names = `${spaced[2]}${next.trim()}`.split(/[ \t\u3000]+/);
    const before = t.slice(0, spaced.index + spaced[1].length);
    if (names.every((n) => isPersonalName(n)) && endsSentence(before))
      return { before, byline: names.join(' ') };
  }
  const end = Math.max(t.lastIndexOf('。'), t.lastIndexOf('！'), t.lastIndexOf('？'));
  const name = next.trim();
  // the text after the last sentence (closing quotes stay with the sentence), and the sentence itself
  let cut = end + 1;
  while (cut < t.length && SENTENCE_CLOSERS.includes(t.charAt(cut))) cut++;
  const before = t.slice(0, cut);
  const tail = t.slice(cut).trim();
  // … or a credit whose last name is cut, photo's or writer's (`…乡村振兴。 记者 李` / `若生 摄`,
  // `…漂浮物4处。 记者 吴` / `丹`, a bare name too: `…游人来。 程` / `俊杰 摄`)
  const nameCut = end >= 0 && /[ \t\u3000][\u4e00-\u9fff]{1,2}$/.test(t.slice(cut)) && endsSentence(before);
  const photoCut = nameCut ? /^([\u4e00-\u9fff]{1,2})[ \t\u3000]?(摄影?)$/.exec(name) : null;
  if (photoCut?.[1] !== undefined) {
    const byline = `${tail}${photoCut[1]} ${photoCut[2] ?? '摄'}`;
    if (isPhotoByline(byline)) return { before, byline };
  }
  // (the role glued to the name, no space: `…道谢。本报记者张敏` / `涛`)
  const gluedCut = end >= 0 && /(?:记者|通讯员)[\u4e00-\u9fff]{1,3}$/.test(tail) && endsSentence(before);
  if ((nameCut || gluedCut) && /^[\u4e00-\u9fff]{1,2}$/.test(name)) {
    const byline = `${tail}${name}`;
    if (isBylineText(byline) && !isPhotoByline(byline)) return { before, byline };
  }
  // … or the credit cut inside its role word (`…建议。  见习记` / `者邢知洁 通讯员季永健 盛金花`)
  const roleCut =
    end >= 0 && name.length <= MAX_CREDIT_LINE_CHARS && cutsRoleWord(t.slice(end + 1).trim(), name);
  if (!/[者员]$/.test(t) && !roleCut) return null;
  if (end < 0 || name.length === 0 || (name.length > RUN_ON_NAME_MAX && !roleCut)) return null;
  const byline = roleCut ? `${tail}${name}` : `${tail} ${name}`;
  return endsSentence(before) && isBylineText(byline) && !isPhotoByline(byline) ? { before, byline } : null;
}

/** A photo's credit alone on its line: `颜永莉供图`, `本报记者 王鹏 摄`. */
function isPhotoCreditLine(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_CREDIT_LINE_CHARS && isPhotoByline(t) && isBylineText(t);
}

/** A caption, two spaces or more, and the start of its picture's source (`…养殖车间  奉节`). */
const SOURCE_CUT_RE = /^([^]*\S)[ \t\u3000]{2,6}([\u4e00-\u9fff]{1,10})$/;

/** A picture credited to a paper or a body, not a person: `《春城晚报》供图`, `受访者供图`, `市公安局供图`. */
const PHOTO_SOURCE_RE =
  /^(?:《[^》]{2,14}》|受访者|[\u4e00-\u9fff]{2,14}?(?:日报|晚报|报社|网|局|委|中心|公司|医院|学校|政府|政协|人大|办公室|协会|馆|站|所|队|街道|社区|社|集团))\s?供图$/;

/** An office and its holder's name, a space between: `新乡县委书记 祝显成` (the whole line). */
const OFFICIAL_CREDIT_RE =
  /^[\u4e00-\u9fff]{2,14}?(?:书记|县长|市长|区长|州长|旗长|镇长|乡长|局长|厅长|部长|主任|院长|校长|董事长|总经理|主席)[ \t\u3000]{1,3}([\u4e00-\u9fff][ \t\u3000]{0,2}[\u4e00-\u9fff]{1,3})$/;

/** `…杰出人才。 王庆山 姜`: a sentence's end, a space, up to two names and the start of the last one. */
const SPACED_NAMES_CUT_RE =
  /([。！？”])[ \t\u3000]+((?:[\u4e00-\u9fff]{2,4}[ \t\u3000]+){0,2}[\u4e00-\u9fff]{1,3})$/;

/** A name cut onto its own line under a run-on credit is this long at most (`吕闯`, `吕 闯` padded with a full-width space). */
const RUN_ON_NAME_MAX = 5;

/** A bullet label is a kicker when the line under it is at most this long and unpunctuated (a headline). */
const BULLET_KICKER_NEXT_MAX = 20;

/** The line under a bullet label reads as a one-line headline (see BULLET_KICKER_NEXT_MAX). */
function isHeadlineLike(text: string | null): boolean {
  return (
    text !== null && visibleLength(text) <= BULLET_KICKER_NEXT_MAX && !/[。，、；：,;:！？!?]/.test(text)
  );
}

/** `3 视觉` (a full-width space), `农业农村`: a page's section name, a word or two (its page number before it), alone on its line. */
/** (`县区新闻`, `A3 综合`, `文化·旅游`, `新闻+ 本地`) */
const SECTION_LABEL_RE =
  /^(?:[A-Z]?\d{1,2}[ \t\u3000]+)?[\u4e00-\u9fff]{2,6}(?:(?:[·・]|[ \u3000]?[+＋][ \u3000]?)[\u4e00-\u9fff]{2,6})?$/;

/**
 * A section name printed right under the page's running header, set apart below by a blank line: page
 * furniture, whatever the word (`视觉`, `农业农村`, `社区`), not the first article's headline.
 */
export function sectionUnderHeader(lines: string[], i: number, gapAbove: boolean): boolean {
  if (gapAbove || i === 0 || i > 3) return false;
  const t = (lines[i] ?? '').trim();
  if (!SECTION_LABEL_RE.test(t) || (lines[i + 1] ?? '').trim().length > 0) return false;
  for (let n = 0; n < i; n++)
    if (!isFurniture((lines[n] ?? '').trim()) && (lines[n] ?? '').trim().length > 0) return false;
  return isFurniture((lines[i - 1] ?? '').trim());
}

/**
 * A section's name printed among the masthead's lines, furniture right above and right below it
 * (`2020年2月12日 星期三` / `特别报道` / `宁波日报`).
 */
export function sectionAmidFurniture(lines: string[], i: number): boolean {
  const t = (lines[i] ?? '').trim();
  if (i === 0 || !SECTION_LABEL_RE.test(t)) return false;
  const above = (lines[i - 1] ?? '').trim();
  const below = (lines[i + 1] ?? '').trim();
  return above.length > 0 && below.length > 0 && isFurniture(above) && isFurniture(below);
}

/**
 * A short label opening the page right above its furniture (`图说武汉` / `2018年4月11日 星期三`, `2019全国两会` /
 * `11`): the page's section, printed in the running header.
 */
export function labelAtPageHead(lines: string[], i: number): boolean {
  const t = (lines[i] ?? '').trim();
  if (visibleLength(t) > PAGE_HEAD_LABEL_MAX || !/^[0-9A-Za-z\u4e00-\u9fff·・ ]+$/.test(t)) return false;
  for (let n = 0; n < i; n++)
    if ((lines[n] ?? '').trim().length === 0 || !isFurniture((lines[n] ?? '').trim())) return false;
  const below = (lines[i + 1] ?? '').trim();
  return below.length > 0 && isFurniture(below);
}

/** A label opening the page is this long at most. */
const PAGE_HEAD_LABEL_MAX = 10;

/** Whether the nearest non-blank line above or below is page furniture (a masthead date sits among them). */
export function nextToFurniture(rawLines: string[], i: number): boolean {
  for (const dir of [-1, 1]) {
    for (let n = i + dir; n >= 0 && n < rawLines.length && Math.abs(n - i) <= 3; n += dir) {
      const t = (rawLines[n] ?? '').trim();
      if (t.length === 0) continue;
      if (isFurniture(t)) return true;
      break;
    }
  }
  return false;
}

export function bylineAcrossLines(
  t: string,
  rawLines: string[],
  i: number,
): { atom: SignalAtom; last: number } | null {
  // (a colon right after a role word is the credit's own: `梅州日报记者：何梓瑜  通讯员：廖`)
  const plain = t.replace(ROLE_COLON_RE, '$1 ');
  if (
    plain.length > MAX_CREDIT_LINE_CHARS ||
    /[，。！？；：,:]/.test(plain) ||
    !BYLINE_OPENING_RE.test(plain)
  )
    return null;
  let text = plain;
  let last = i;
  for (let n = i + 1; n <= i + 2 && n < rawLines.length; n++) {
    let next = (rawLines[n] ?? '').replace(/\r$/, '').trim();
    // a column break (blank line) inside the last name: `文/张智 王` / `` / `双双`
    if (next.length === 0 && n === i + 1 && /\s[\u4e00-\u9fff]$/.test(text)) {
      const after = (rawLines[n + 1] ?? '').replace(/\r$/, '').trim();
      if (!/^[\u4e00-\u9fff]{1,3}$/.test(after) || (rawLines[n + 2] ?? '').trim().length === 0) break;
      n++;
      next = after;
    }
    const joined = joinedByline(text, next);
    if (joined === null) break;
    text = joined;
    last = n;
  }
  if (last === i) return null;
  const alsoLines: number[] = [];
  for (let n = i + 1; n <= last; n++) alsoLines.push(n);
  const value = cleanByline(text);
  const pos = isPhotoByline(text) ? 'end' : 'auto';
  return { atom: signalAtom('byline', i, value, null, pos, alsoLines), last };
}

export const BYLINE_OPENING_RE =
  /^(?:[■●▲◆□◎]|文\s?[/／]|图\s?[/／]|本报|新华社|中新社|人民日报|记者|通讯员|实习生|特约|见习|首席|融媒体|全媒体|摄影|[\u4e00-\u9fff]{2,8}?(?:日报|晚报|报社)(?:记者|通讯员))/;
/** A role word and the colon some papers print after it (`记者：`, `通讯员：`). */
const ROLE_COLON_RE = /(记者|通讯员|摄影|实习生|编辑)[：:]/g;

export function bracketAcrossLines(t: string, rawLines: string[], i: number): SignalAtom | null {
  if (t.length > 30 || !/^[（(]/.test(t) || /[）)]/.test(t)) return null;
  const next = (rawLines[i + 1] ?? '').replace(/\r$/, '').trim();
  if (next.length === 0 || next.length > 20 || !/[）)]$/.test(next) || /[（(]/.test(next)) return null;
  const inner = `${t.slice(1)} ${next.slice(0, -1)}`.trim();
  if (!isBylineText(inner) && !isNamesOnly(inner)) return null;
  // a name cut in two (`（记者 朱` / `琳）`) is glued back; whole words keep a space
  const head = t.slice(1).trim();
  const lastWord = head.split(/\s+/).pop() ?? '';
  const glue = lastWord.length < 2 && !/\s/.test(next.charAt(0));
  const value = `${head}${glue ? '' : ' '}${next.slice(0, -1).trim()}`.trim();
  return signalAtom('byline', i, value, null, 'end', [i + 1]);
}

/**
 * A lead (`本报讯（记者 黄婷）`, `本报讯 记者李明报道`) that a narrow column cut across two lines: the
 * dateline goes to the first line, the byline and the text after the lead to the second.
 */
export function leadAcrossLines(
  t: string,
  rawLines: string[],
  i: number,
  gapBefore: boolean,
  /** Whether the column cut before line k fell on a space (the input line before ended in one, or k opens with one). */
  cutAtSpace: (k: number) => boolean,
): Atom[] | null {
  if (
    t.length > MAX_CREDIT_LINE_CHARS ||
    !/[报社网台刊心]/.test(t.slice(0, 14)) ||
    !startsLikeDateline(t) ||
    visibleLength(t) > 24
  )
    return null;
  const raw = (k: number): string => (k < rawLines.length ? (rawLines[k] ?? '').replace(/\r$/, '') : '');
  // (or past a column break, the reporters' bracket still open: `本报讯 （见习记者 侯本艳 记者 彭` / blank /
  // `国平）…`)
  const second =
    raw(i + 1).trim().length === 0 && /[（(【][^）)】]*$/.test(t) && raw(i + 2).trim().length > 0
      ? i + 2
      : i + 1;
  const next = raw(second).trim();
  if (next.length === 0) return null;
  // where the column cut between two names the line keeps the space (`（记者卢成汉 ` / `通讯员李军…`)
  const seam = (k: number): string => (cutAtSpace(k) ? ' ' : '');
  let joined = `${t}${next}`;
  let spaced = `${t}${seam(second)}${next}`;
  let last = second;
  // a bracket of reporters long enough to run over a third line (`（记者卢成汉` / `通讯员李军 冯夏雪 赵志宏` / `刘畅）…`),
  // also past a column break (`（记者 吕学` / `先 宋阿` / blank / `男 格日勒图）…`)
  const k = raw(second + 1).trim().length > 0 ? second + 1 : second + 2;
  const third = raw(k).trim();
  if (/[（(][^）)]*$/.test(joined) && third.length > 0 && /[）)]/.test(third.slice(0, 12))) {
    joined = `${joined}${third}`;
    spaced = `${spaced}${seam(k)}${third}`;
    last = k;
  }
  let lead = matchLeadDateline(joined);
  // the cut fell between two names with no space printed (`【记者 王雪梅` / `张超】`): read with one
  const cutBetween = last === second ? `${t} ${next}` : spaced;
  for (const other of [spaced, cutBetween]) {
    if (!lead || lead.byline !== null) break;
    if (other === joined) continue;
    const read = matchLeadDateline(other);
    if (read?.byline) {
      lead = read;
      joined = other;
    }
  }
  // (names read run together across the cut, `王雪梅张超`, are two where each side holds a whole one)
  if (lead?.byline && last === second) {
    const credited = joinCredit(t, next);
    const read = credited !== joined ? matchLeadDateline(credited) : null;
    if (read?.byline) {
      lead = read;
      joined = credited;
    }
  }
  if (!lead || lead.length <= t.length) return null;
  // the cut falls inside the dateline itself, or inside the byline after it
  const datelineCut = lead.dateline.length > t.replace(/^[■●▲◆□◎]\s{0,2}/, '').length;
  if (lead.byline === null && !datelineCut) return null;
  // the lead opens the body as printed (the dateline and byline fields get it too), as when it is whole
  const head = para(joined.slice(0, lead.length).trim(), i, gapBefore);
  head.leadDateline = lead.dateline;
  head.leadByline = lead.byline;
  head.lastLine = last;
  head.alsoLines = last > second ? [second, last] : [second];
  const out: Atom[] = [head];
  const rest = joined.slice(lead.length).trim();
  if (rest.length > 0) for (const a of tokeniseLine(rest, last, false)) out.push(a);
  return out;
}

/** Text as the preview check compares it: no whitespace, no bullets, brackets and quotes folded. */
export function compact(s: string): string {
  return s
    .replace(/[\s■]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}

/**
 * One line into atoms. `midSentence`: the line above, with no blank line between, stops in the middle of
 * a sentence — this line goes on with it, so it is no slogan banner (`一块块钢板` doubles characters too).
 */
export function tokeniseLine(
  t: string,
  line: number,
  gapBefore: boolean,
  midSentence: () => boolean = () => false,
  nextText: string | null = null,
): Atom[] {
  // a section's name (`城市`, `文化`) ending a wrapped line is a word of that line's sentence
  if (isFurniture(t) && !(isSectionHeader(t) && midSentence()))
    return [skipAtom(line, t, namesPhotoPage(t) ? 'photo' : null)];
  const banner = bannerKind(t);
  if (banner && !(banner === 'banner' && midSentence())) return [skipAtom(line, t, banner)];
  const out: Atom[] = [];
  const markers = findJumpMarkers(t);
  let pos = 0;
  let afterFrom = false;
  for (const m of markers) {
    const before = t.slice(pos, m.start).trim();
    if (before) tokeniseText(before, line, gapBefore && out.length === 0, pos === 0, out, afterFrom);
    out.push(
      signalAtom(
        m.direction === 'from' ? 'jumpFrom' : 'jumpTo',
        line,
        m.ref.marker,
        m.ref,
        m.direction === 'from' ? 'start' : 'end',
        undefined,
      ),
    );
    afterFrom = m.direction === 'from';
    pos = m.end;
  }
  const rest = t.slice(pos).trim();
  if (rest) tokeniseText(rest, line, gapBefore && out.length === 0, pos === 0, out, afterFrom, nextText);
  if (out.length === 1 && out[0]?.t === 'para')
    out[0].plain = markers.length === 0 && out[0].text === t && !out[0].note;
  // the text after a 上接 marker opening the line is the line's own text (it may be a subhead:
  // `（上接第一版）严防死守保安全`)
  const [first, second] = out;
  if (out.length === 2 && first?.t === 'signal' && first.kind === 'jumpFrom' && second?.t === 'para') {
    if (markers[0]?.start === 0 && !second.note) second.plain = true;
  }
  return out;
}

export function para(text: string, line: number, gapBefore: boolean): ParaAtom {
  return paraAtom(text, line, gapBefore);
}

const TRAILING_PHOTO_NUMBER_RE = /^([^]*[。！？!?”’」）)])\s{2,}([①-⑳]\d{0,3})$/;

/** A credit without a name: `本报记者`, `新华社记者`, `本报评论员`, `□本报记者综合报道`. */
const ROLE_ONLY_RE =
  /^(?:[■●▲◆□◎]\s{0,2})?(?:本报|新华社|人民日报|本刊|本台)?(?:特约|首席)?(?:记者|评论员|通讯员|调研组|课题组|采访组)(?:综合报道|综合|报道)?$/;

export function tokeniseText(
  s: string,
  line: number,
  gapBefore: boolean,
  lineStart: boolean,
  out: Atom[],
  afterFrom: boolean,
  /** The next line's text when it stands alone: no blank line before it, one after it (else null). */
  nextText: string | null = null,
): void {
  // a photo's number set off after a caption's last sentence (`…乡村建设。  ②22`): the caption ends there
  const photoNo = s.length > 4 && /[①-⑳0-9]$/.test(s) ? TRAILING_PHOTO_NUMBER_RE.exec(s) : null;
  if (photoNo && photoNo[1] !== undefined && photoNo[2] !== undefined) {
    tokeniseText(photoNo[1], line, gapBefore, lineStart, out, afterFrom);
    out.push(skipAtom(line, photoNo[2], null));
    return;
  }
  const only = matchDatelineOnly(s);
  if (only) {
    out.push(signalAtom('dateline', line, only.dateline, null, only.closing ? 'end' : 'auto', undefined));
    return;
  }
  // a brief's headline printed on the line of its lead: `青山镇开展消防演练 本报讯（记者 王芳）10月18日，…`
  const briefHead = lineStart && !afterFrom ? inlineBriefHeadline(s) : null;
  if (briefHead) {
    out.push(makeHeading([{ line, text: briefHead.head, gapBefore }], [briefHead.head]));
    tokeniseText(briefHead.rest, line, false, true, out, false);
    return;
  }
  const leadHere = lineStart && !afterFrom ? matchLeadDateline(s) : null;
  if (leadHere && leadHere.length >= s.length) {
    // the lead alone on its line (`本报讯（记者 张卫东 通讯员 刘晓燕）`) opens the body as printed, as it
    // does when the column runs the text on after it; the dateline and byline fields get it too
    const p = para(s, line, gapBefore);
    p.leadDateline = leadHere.dateline;
    p.leadByline = leadHere.byline;
    out.push(p);
    return;
  }
  const bulletName =
    s.length <= 24 && BULLET_START.has(s.charAt(0)) ? /^[■●▲◆□◎★☆◇○]\s{0,2}([^\s].{1,20})$/.exec(s) : null;
  if (
    bulletName &&
    bulletName[1] !== undefined &&
    bannerKind(s) === null &&
    // (a label over a headline — `■记者手记` / `从一场发布会看…`, `●丽都社区` / `除“癣”墙面净` — is its
    // kicker unless its words are names; over the text itself it stays the item's credit line, as before)
    ((isNamesOnly(bulletName[1]) &&
      (!isHeadlineLike(nextText) ||
        bulletName[1]
          .trim()
          .split(/\s+/)
          .every((n) => startsWithSurname(n)))) ||
      isBareNameLine(bulletName[1]) ||
      (/^[\u4e00-\u9fff]{2,4}$/.test(bulletName[1]) && startsWithSurname(bulletName[1])))
  ) {
    // a commentary's author: `□ 许文华`
    out.push(signalAtom('byline', line, bulletName[1].trim(), null, 'auto', undefined));
    return;
  }
  if (lineStart && leadHere === null && ROLE_ONLY_RE.test(s)) {
    // an unnamed credit alone on its line: `本报记者`
    out.push(signalAtom('byline', line, stripBullet(s.trim()).trim(), null, 'auto', undefined));
    return;
  }
  // a credit closed by 报道 opening the text, no dateline before it (`本报通讯员 黄琪 报道 近日，富园…`)
  const leadCredit = lineStart && !afterFrom && leadHere === null ? matchLeadCredit(s) : null;
  if (leadCredit !== null) {
    out.push(signalAtom('byline', line, leadCredit.byline, null, 'start', undefined));
    const rest = s.slice(leadCredit.length).trim();
    tokeniseText(rest, line, false, startsLikeDateline(rest), out, false);
    return;
  }
  // a short caption and its photo's credit set apart by spaces on one line (`喜笑颜开  张永晴摄`), which reads
  // as one credit too: split as a caption's credit is, where the words before the spaces are no name
  const captioned =
    lineStart && leadHere === null && /摄影?$/.test(s) && /\S[ \u3000]{2,}\S/.test(s)
      ? splitTrailingByline(s)
      : null;
  if (
    captioned !== null &&
    !/\s/.test(captioned.before) &&
    !isPersonalName(captioned.before) &&
    !ROLE_ONLY_RE.test(captioned.before) &&
    !isBylineText(captioned.before) &&
    isPhotoByline(captioned.byline)
  ) {
    out.push(para(captioned.before, line, gapBefore));
    out.push(signalAtom('byline', line, captioned.byline, null, 'end', undefined));
    return;
  }
  if (leadHere === null && isBylineText(s)) {
    out.push(signalAtom('byline', line, cleanByline(s), null, isPhotoByline(s) ? 'end' : 'auto', undefined));
    return;
  }
  // a picture's source alone on its line closes the caption above (`《春城晚报》供图`, `市公安局供图`)
  if (lineStart && PHOTO_SOURCE_RE.test(s.trim())) {
    out.push(signalAtom('byline', line, s.trim(), null, 'end', undefined));
    return;
  }
  // an official signing an article under its headline: `新乡县委书记 祝显成`, `市交通运输局局长  王明`
  const official = lineStart && leadHere === null ? OFFICIAL_CREDIT_RE.exec(s.trim()) : null;
  if (official?.[1] !== undefined && isPersonalName(official[1].replace(/\s+/g, ''))) {
    out.push(signalAtom('byline', line, s.trim(), null, 'auto', undefined));
    return;
  }
  const bracketed = /^[（(](.{1,40})[）)]$/.exec(s);
  // (names alone in brackets are a credit when they open with family names: `（词配画）` under a poem's title
  // is its genre)
  const bracketedNames =
    bracketed?.[1] !== undefined &&
    isNamesOnly(bracketed[1]) &&
    bracketed[1]
      .trim()
      .split(/[\s、]+/)
      .every((n) => startsWithSurname(n));
  if (bracketed && bracketed[1] !== undefined && (isBylineText(bracketed[1]) || bracketedNames)) {
    out.push(signalAtom('byline', line, bracketed[1].trim(), null, 'end', undefined));
    return;
  }
  if (isBracketedNote(s) || (lineStart && isSourceLine(s))) {
    const p = para(s, line, gapBefore);
    p.note = true;
    out.push(p);
    return;
  }
  const td = splitTrailingDateline(s);
  if (td) {
    tokeniseText(td.before, line, gapBefore, lineStart, out, afterFrom);
    out.push(signalAtom('dateline', line, td.dateline, null, 'end', undefined));
    return;
  }
  // the reporters in brackets opening the text, no dateline before them (`（记者 刘茜 通讯员 饶威）国际…`,
  // `（张全录）地铁4号线…`): the credit of the item that starts here
  const bracketLead =
    lineStart && !afterFrom && leadHere === null ? /^[（(]([^（）()]{2,30})[）)](?=\s{0,2}\S)/.exec(s) : null;
  if (bracketLead && bracketLead[1] !== undefined && s.length > bracketLead[0].length + 1) {
    const inner = bracketLead[1].trim();
    const names = inner.split(/\s+/);
    // (`（苏晓 文/图）`: the writer who took the pictures too, an author's credit, not a photo's)
    const textAndPictures = /文\s?[/／]?\s?图/.test(inner);
    const credit =
      (isBylineText(inner) &&
        (textAndPictures || (!isPhotoByline(inner) && /记者|通讯员|实习生/.test(inner)))) ||
      (gapBefore && isNamesOnly(inner) && names.every((n) => startsWithSurname(n)));
    if (credit) {
      out.push(signalAtom('byline', line, inner, null, 'start', undefined));
      tokeniseText(s.slice(bracketLead[0].length).trim(), line, false, false, out, false);
      return;
    }
  }
  // a credit between middle dots alone on its line (`·刘俪君 姚依·`; after a sentence: splitTrailingByline)
  const dotted = s.endsWith('·') || s.endsWith('•') ? dottedCreditNames(s) : null;
  if (dotted !== null) {
    out.push(signalAtom('byline', line, dotted, null, 'end', undefined));
    return;
  }
  const tb = splitTrailingByline(s);
  if (tb) {
    tokeniseText(tb.before, line, gapBefore, lineStart, out, afterFrom);
    out.push(signalAtom('byline', line, tb.byline, null, 'end', undefined));
    return;
  }
  const p = para(s, line, gapBefore);
  if (leadHere && leadHere.length < s.length) {
    p.leadDateline = leadHere.dateline;
    p.leadByline = leadHere.byline;
  }
  p.bullet = /^[■●▲◆★☆◇□○▶►]/.test(s);
  const kv = findKvKeys(s);
  if (kv.keys.length >= 2) {
    p.kv = true;
    const head = s.slice(0, kv.firstAt).trim();
    if (
      kv.firstAt > 0 &&
      head.length > 0 &&
      visibleLength(head) <= 60 &&
      !/[。！？；]/.test(head) &&
      !endsSentence(head)
    ) {
      out.push(
        makeHeading(
          [{ line, text: head, gapBefore }],
          head.split(/\s+/).filter((x) => x.length > 0),
        ),
      );
      p.text = s.slice(kv.firstAt).trim();
      p.gapBefore = false;
    }
  }
  out.push(p);
}

/** A column tag closing a headline line (`（今日谈）`, `（产经视野·做强做优做大实体经济）`): a section's name. */
const COLUMN_TAG_RE = /[（(][^（()）]{2,24}[）)]\s*$/;

/**
 * A short headline, a space, then a lead (`本报讯`, `新华社北京10月21日电`) on one line: the headline and the
 * text from the lead on. Null when the line does not read so.
 */
function inlineBriefHeadline(s: string): { head: string; rest: string } | null {
  if (!s.includes(' ') && !s.includes('\u3000')) return null;
  const m = /^(\S[^。！？；，,]{3,29}?)[ \u3000]+(\S.*)$/.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const head = m[1].trim();
  const lead = matchLeadDateline(m[2]);
  if (!lead || !hasHeadingShape(head) || !isBalanced(head) || startsLikeDateline(head)) return null;
  return { head, rest: m[2] };
}

export function makeHeading(lines: HeadLine[], inlineParts: string[] | null = null): HeadingAtom {
  // (a plain loop: `lines.map(…).join('')` here sent V8 into a loop of deoptimising and recompiling
  // markHeadings, into which this is inlined — docs/benchmarks.md, preview)
  let text = '';
  // the vocabulary a headline shares with its body leaves out column tags, which name the section
  let content = '';
  for (const l of lines) {
    text += l.text;
    content += l.text.replace(COLUMN_TAG_RE, '') || l.text;
  }
  return headingAtom(
    lines,
    isNumberedHeading(lines[0]?.text ?? ''),
    isNoticeTitle(text),
    inlineParts,
    headingBigrams(content),
    inlineParts !== null ? 1 : 0,
  );
}
