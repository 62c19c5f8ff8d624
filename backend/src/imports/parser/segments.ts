/** Stage 5 (segments): the atom stream cut at hard signals into segments and floating headlines. */
import {
  type Atom,
  type BoundaryCause,
  type HeadingAtom,
  type ParaAtom,
  type Section,
  type Seg,
  type SeqItem,
  type SignalAtom,
  type SkipAtom,
  blankLinesBefore,
  firstLine,
  gapBefore,
  lastLine,
  signalAt,
  signalAtom,
} from './atoms';
import { cohesion } from './model/line-features';
import {
  ARTICLE_GAP_LINES,
  CAPTION_MAX_CHARS,
  COHESION_WINDOW,
  COLUMN_CHANGE,
  COLUMN_CHANGE_SURE,
  COLUMN_SAMPLE_LINES,
  COLUMN_SAMPLE_MIN,
  HEADLINE_OVER_COLUMN,
  SAME_ARTICLE_COHESION,
  SIGNED_BRIEF_MAX_LINES,
} from './thresholds';
import { para } from './tokenise';
import {
  NOTICE_CLOSING_RE,
  endsSentence,
  GROUP_CREDIT_NOTE_RE,
  isPhotoByline,
  isSectionHeader,
  isNamesOnly,
  isSignatureLine,
  visibleLength,
  isStaffCredit,
  splitRunOnReporter,
  startsWithKvKey,
} from './text-rules';

export function newSeg(section: Section, openCause: BoundaryCause = 'signal'): Seg {
  return {
    openCause,
    items: [],
    from: null,
    to: null,
    startSignals: [],
    endSignals: [],
    hasBody: false,
    kv: false,
    section,
    titleBefore: null,
    titleAfter: null,
    textCache: null,
    gramCache: null,
    sharedCredit: null,
  };
}

export function segment(atoms: Atom[], unassigned: SkipAtom[], splitLines?: Set<number>): SeqItem[] {
  const seq: SeqItem[] = [];
  let cur: Seg | null = null;
  let section: Section = null;
  let noticeClosing = false;
  let signatureLines = 0;

  // the evidence for the next boundary: set where a segment is closed, used when the next one opens
  let cause: BoundaryCause = 'page';
  const open = (): Seg => {
    const s = newSeg(section, cause);
    cause = 'signal';
    seq.push({ k: 'seg', seg: s });
    cur = s;
    return s;
  };
  const close = (): void => {
    const c: Seg | null = cur;
    if (c === null) return;
    // headlines after the last body line float between this segment and the next
    const trailing: HeadingAtom[] = [];
    while (c.items.length > 0) {
      const last = c.items[c.items.length - 1];
      if (!last || last.t !== 'heading') break;
      trailing.unshift(last);
      c.items.pop();
    }
    const cutAt = splitClosingReporter(c);
    if (cutAt !== null) splitLines?.add(cutAt);
    if (
      !c.hasBody &&
      c.items.length === 0 &&
      c.startSignals.length === 0 &&
      !c.from &&
      !c.to &&
      c.endSignals.length === 0
    ) {
      const idx = seq.findIndex((x) => x.k === 'seg' && x.seg === c);
      if (idx >= 0) seq.splice(idx, 1);
    }
    for (const h of trailing) seq.push({ k: 'heading', h });
    if (trailing.length > 0) cause = 'headline';
    cur = null;
    noticeClosing = false;
    signatureLines = 0;
  };
  const lastSeg = (): Seg | null => {
    for (let k = seq.length - 1; k >= 0; k--) {
      const it = seq[k];
      if (it && it.k === 'seg') return it.seg;
      if (it && it.k === 'heading') return null;
    }
    return null;
  };
  // the item before `s` is done: none, one closed by a credit, or a lone caption
  const afterFinishedItem = (s: Seg): boolean => {
    for (let k = seq.length - 1; k >= 0; k--) {
      const it = seq[k];
      if (it?.k !== 'seg' || it.seg === s) continue;
      return it.seg.endSignals.some((x) => x.kind === 'byline') || isLoneCaptionLine(it.seg);
    }
    return true;
  };
  // `s` opens right under a headline (`货车侧翻…` / blank / `民警帮助司机转运散落货物。` / blank / text): its one
  // sentence is the headlined item's caption, and a text after it (three lines or more; not another lone
  // caption) is that item's too
  const underHeading = (s: Seg): boolean => {
    let at = seq.length - 1;
    while (at >= 0 && !(seq[at]?.k === 'seg' && (seq[at] as { seg: Seg }).seg === s)) at--;
    return at > 0 && seq[at - 1]?.k === 'heading';
  };
  const nextMeaningful = (k: number): Atom | undefined => {
    for (let n = k + 1; n < atoms.length; n++) {
      const a = atoms[n];
      if (a && a.t !== 'skip') return a;
    }
    return undefined;
  };

  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (!a) continue;
    const c = cur as Seg | null;
    switch (a.t) {
      case 'skip': {
        unassigned.push(a);
        // a section header (`时评`, `综合新闻`) ends a brief or photo column
        if (a.banner === null && section !== null && isSectionHeader(a.text)) {
          if (c?.hasBody) close();
          cause = 'structure';
          section = null;
        }
        // a staff credit (`系列报道策划：…`) under a finished paragraph, a blank line after it, ends
        // that article: what follows is another item (a photo's caption, the next article)
        if (c?.hasBody && isStaffCredit(a.text) && lastParaEndsSentence(c)) {
          const after = nextMeaningful(k);
          if (after !== undefined && firstLine(after) > a.line + 1) close();
        }
        if (a.banner !== null) {
          if (c?.hasBody) close();
          cause = 'structure';
          if (a.banner === 'brief' || a.banner === 'photo') section = a.banner;
        }
        break;
      }
      case 'heading': {
        // in a photo column, an unpunctuated line with no text under it (another such line or the shared
        // credit follows) is a picture's caption, an item of its own, not a headline
        if (
          section === 'photo' &&
          !a.notice &&
          !a.numbered &&
          captionWithoutText(atoms, k, nextMeaningful(k))
        ) {
          if (c?.hasBody) close();
          cause = 'structure';
          const s = open();
          for (const p of headingAsCaption(a)) s.items.push(p);
          s.hasBody = true;
          break;
        }
        if (a.notice && c?.hasBody) {
          close();
          cause = 'structure';
        } else if (c?.hasBody && blankLinesBefore(atoms, k) >= 1 && isLoneCaptionLine(c)) {
          // a short sentence alone between blank lines, then a headline: a photo's caption printed over
          // the article (`王吉中和他的微缩农具。` / blank / `王吉中老人的“掌中记忆”`), an item of its own
          close();
          cause = 'structure';
        } else if (
          c?.hasBody &&
          (lastParaEndsSentence(c) || endsOnReporterLine(c)) &&
          (blankLinesBefore(atoms, k) >= ARTICLE_GAP_LINES ||
            // or one blank line, and set apart by blank lines above and below (not a numbered section
            // head: `二、…`) in an article whose paragraphs run on without blank lines between them
            (!a.numbered &&
              blankLinesBefore(atoms, k) >= 1 &&
              k + 1 < atoms.length &&
              blankLinesBefore(atoms, k + 1) >= 1 &&
              (runsParagraphsOn(c) || widerThanColumn(a, c))))
        ) {
          // two blank lines after a finished sentence, then a headline: the article above is done; the
          // headline floats, to be attached to the body it belongs to (before or after it)
          if (!lastParaEndsSentence(c)) creditLastLine(c);
          close();
          cause = 'gap';
        }
        const target = (cur as Seg | null) ?? null;
        if (target && (target.hasBody || target.startSignals.length > 0 || target.from)) target.items.push(a);
        else {
          seq.push({ k: 'heading', h: a });
          if (cause === 'signal') cause = 'headline';
        }
        break;
      }
      case 'para': {
        if (a.note) {
          // a trailing note closes the article it follows (or the one just closed)
          const target = c?.hasBody ? c : lastSeg();
          if (target) {
            target.items.push(a);
            if (target === c) close();
            break;
          }
        }
        let s = c;
        const newCause: BoundaryCause | null =
          s === null
            ? null
            : a.kv && !s.kv
              ? 'structure'
              : // two blank lines after a finished sentence: the page moves on to another article
                s.hasBody && blankLinesBefore(atoms, k) >= ARTICLE_GAP_LINES && lastParaEndsSentence(s)
                ? 'gap'
                : // one blank line, and the column changes width and subject across it
                  s.hasBody && a.gapBefore && lastParaEndsSentence(s) && columnChangesAt(atoms, k)
                  ? 'column'
                  : // a photo's caption of one short sentence, set apart after a finished item (a credited
                    // one, or another such caption): a blank line ends it (`漫步樱花树下，步入粉色的春天。`)
                    a.gapBefore &&
                      isLoneCaptionLine(s) &&
                      afterFinishedItem(s) &&
                      !(underHeading(s) && linesInBlock(atoms, k) >= 3)
                    ? 'structure'
                    : a.leadDateline !== null && s.hasBody && !isDeck(s) && !onlyCaptions(s)
                      ? 'signal'
                      : (section === 'brief' && a.bullet && s.hasBody) ||
                          // a bulleted paragraph signed at its end, after a finished one: a brief of its own
                          // (`…资源。` / blank / `◆27日上午，市城建局…资料5个。 夏慧`)
                          (a.bullet &&
                            a.gapBefore &&
                            s.hasBody &&
                            lastParaEndsSentence(s) &&
                            signedBelow(atoms, k)) ||
                          // under a briefs banner, a blank line after a finished sentence starts the next brief
                          // (not after a brief led by a dateline: the next one opens with its own, and a blank
                          // line inside one is a column break)
                          (section === 'brief' &&
                            a.gapBefore &&
                            s.hasBody &&
                            lastParaEndsSentence(s) &&
                            !s.startSignals.some((x) => x.kind === 'dateline')) ||
                          (noticeClosing && signatureLines >= 3) ||
                          (s.hasBody &&
                            a.gapBefore &&
                            lastParaEndsSentence(s) &&
                            !(isLoneCaptionLine(s) && underHeading(s)) &&
                            isStandaloneCaption(atoms, k, creditedText(s))) ||
                          // after a picture's uncredited story, told by its last sentence (`…。图为…赏花。`), a
                          // blank line ends it
                          (s.hasBody &&
                            a.gapBefore &&
                            s.startSignals.length === 0 &&
                            s.from === null &&
                            endsOnPictureLine(s)) ||
                          // a picture's story after an item credited at its start, its last sentence `图为…`
                          (s.hasBody &&
                            a.gapBefore &&
                            lastParaEndsSentence(s) &&
                            s.startSignals.some((x) => x.kind === 'byline') &&
                            pictureStoryAt(atoms, k))
                        ? 'structure'
                        : null;
        if (s && newCause !== null) {
          close();
          cause = newCause;
          s = null;
        }
        if (noticeClosing && s) {
          if (isSignatureLine(a.text) && signatureLines < 3) signatureLines++;
          else {
            close();
            s = null;
          }
        }
        // a report led by its dateline (`本报讯（记者 …）`) ends a photo column: it is no picture's caption
        if (!s && section === 'photo' && a.leadDateline !== null) section = null;
        if (!s) s = open();
        if (a.kv) s.kv = true;
        if (a.leadDateline !== null && (!s.hasBody || isDeck(s) || onlyCaptions(s))) {
          s.startSignals.push(signalAtom('dateline', a.line, a.leadDateline, null, 'start', undefined));
          if (a.leadByline !== null) {
            s.startSignals.push(signalAtom('byline', a.line, a.leadByline, null, 'start', undefined));
          }
        }
        s.items.push(a);
        s.hasBody = true;
        if (NOTICE_CLOSING_RE.test(a.text) && endsSentence(a.text)) noticeClosing = true;
        break;
      }
      case 'signal': {
        if (a.kind === 'jumpFrom') {
          if (c && (c.hasBody || c.from)) close();
          if (cur === null) cause = 'signal';
          const s = (cur as Seg | null) ?? open();
          s.from = a;
          break;
        }
        if (a.kind === 'jumpTo') {
          if (c) {
            c.to = a;
            close();
          } else {
            const prev = lastSeg();
            if (prev && !prev.to) prev.to = a;
            else open().to = a;
            cur = null;
          }
          break;
        }
        let pos = a.pos;
        if (pos === 'auto') {
          const next = nextMeaningful(k);
          const nextIsBody = next !== undefined && next.t === 'para';
          // a credit alone between a blank line and the text right under it opens that text
          // (past the credit lines right under it: `文/记者 李玮玮` / `图/记者 李玮玮 王云` / blank opens nothing)
          const opens = gapBefore(atoms, k) && creditRunOpensText(atoms, k);
          // a credit right under a finished paragraph with blank lines after it closes that paragraph's
          // item (`…壮观。` / `■ 本报记者 朱玉东` / blank): captions and articles whose credits come after them
          const closes =
            c?.hasBody === true &&
            !gapBefore(atoms, k) &&
            next !== undefined &&
            firstLine(next) > lastLine(a) + 1 &&
            lastParaEndsSentence(c);
          pos = c?.hasBody && (closes || (!nextIsBody && !opens)) ? 'end' : 'start';
        }
        // a photo's credit printed above its caption (`本报通讯员 邹文庆 摄` / `2014年3月22日，天鹅在…`): after
        // a blank line, the caption right under it, and nothing above it still wanting a credit (no text,
        // or a text credited at its start), it opens that caption
        if (
          pos === 'end' &&
          (c === null || !c.hasBody || c.startSignals.some((x) => x.kind === 'byline')) &&
          gapBefore(atoms, k) &&
          creditRunOpensText(atoms, k) &&
          isPhotoByline(a.value)
        )
          pos = 'start';
        if (pos === 'end' && c?.hasBody && groupCreditAhead(atoms, k)) {
          // one picture's credit in a photo group: credited with the group, which goes on
          c.endSignals.push(signalAt(a, 'end'));
          break;
        }
        if (pos === 'end' && c && isPhotoUnderHeadline(c, a, seq[seq.length - 2], nextMeaningful(k))) {
          // a photo printed between an article's headline and its text, credited on the caption's line
          // (`垃圾已清理` / blank / `昨日，工作人员清理垃圾  记者 于卓 摄` / blank / `华商报昨日…`): the article
          // goes on, its picture's credit the only one it has
          for (const it of c.items) if (it.t === 'para') it.caption = true;
          c.startSignals.push(signalAt(a, 'start'));
          break;
        }
        if (pos === 'end' && c && isEmbeddedCaption(c, a, nextMeaningful(k))) {
          // a photo's credit right after an article's byline and a short caption: the article goes on
          c.items = c.items.map((it) => (it.t === 'heading' ? headingAsCaption(it) : it)).flat();
          for (const it of c.items) if (it.t === 'para') it.caption = true;
          const credit = para(a.value, a.line, false);
          credit.caption = true;
          credit.plain = false;
          c.items.push(credit);
          break;
        }
        if (pos === 'end') {
          if (c?.hasBody) {
            c.endSignals.push(signalAt(a, 'end'));
            close();
          } else if (c) {
            c.startSignals.push(signalAt(a, 'start'));
          } else {
            const prev = lastSeg();
            // a second credit line right under the one that closed the segment (`本报记者 董旭明` /
            // `拍友 包响亮 摄`) closes it too, rather than opening a clipping of its own with no text
            const last = prev?.endSignals[prev.endSignals.length - 1];
            const underCredit =
              last?.kind === a.kind && !gapBefore(atoms, k) && last.line === firstLine(a) - 1;
            if (prev && (!prev.endSignals.some((x) => x.kind === a.kind) || underCredit))
              prev.endSignals.push(signalAt(a, 'end'));
            else open().startSignals.push(signalAt(a, 'start'));
          }
          break;
        }
        // ■ summary points printed between a headline and its lead belong to that article, as does a
        // photo's short caption printed between the headline and the credit (`…治理成果` / `执法人员与市民交流。` /
        // `○○全媒体记者 李斌` / `晚报讯 …`)
        if (
          c &&
          seq[seq.length - 1]?.k === 'seg' &&
          isCaptionUnderHeadline(c, seq[seq.length - 2], atoms, k)
        ) {
          for (const it of c.items) if (it.t === 'para') it.caption = true;
        } else if (c?.hasBody && !isDeck(c)) close();
        if (cur === null) cause = 'signal';
        const s = (cur as Seg | null) ?? open();
        s.startSignals.push(signalAt(a, 'start'));
        break;
      }
    }
  }
  close();
  return splitPhotoGroups(seq);
}

/**
 * A photo column's pictures sharing one credit at the end (`中秋嘉年华主题乐园吸引了众多的市民` / blank /
 * `文化广场坐满了…阖家共` / `赏中秋明月` / blank / … / `本报记者 陈仕平 见习记者 朱冀 摄`): under a photo
 * banner or on a photo page, each caption set apart by a blank line is a picture of its own. A blank line
 * counts where the line above it ends a sentence or stops short of the column (a caption's end, not a
 * column break inside one); the credit stays with the last picture, as printed.
 */
function splitPhotoGroups(seq: SeqItem[]): SeqItem[] {
  if (!seq.some((it) => it.k === 'seg' && it.seg.section === 'photo')) return seq;
  const out: SeqItem[] = [];
  for (const it of seq) {
    const seg = it.k === 'seg' ? it.seg : null;
    if (
      seg === null ||
      seg.section !== 'photo' ||
      seg.startSignals.length > 0 ||
      seg.from !== null ||
      seg.to !== null ||
      !seg.endSignals.some((x) => x.kind === 'byline' && isPhotoByline(x.value))
    ) {
      out.push(it);
      continue;
    }
    const lines = seg.items.flatMap((x) => (x.t === 'heading' ? headingAsCaption(x) : [x]));
    let column = 0;
    for (const l of lines) column = Math.max(column, visibleLength(l.text));
    const groups: ParaAtom[][] = [];
    for (let n = 0; n < lines.length; n++) {
      const l = lines[n];
      const prev = lines[n - 1];
      if (!l) continue;
      const cut =
        prev !== undefined &&
        l.gapBefore &&
        (endsSentence(prev.text) || visibleLength(prev.text) + PHOTO_CAPTION_SHORTFALL <= column);
      if (groups.length === 0 || cut) groups.push([]);
      groups[groups.length - 1]?.push(l);
    }
    if (groups.length < 2) {
      out.push(it);
      continue;
    }
    groups.forEach((g, n) => {
      const s = newSeg('photo', n === 0 ? seg.openCause : 'structure');
      for (const l of g) l.caption = true;
      s.items = g;
      s.hasBody = true;
      // (the credit's line stays with the last picture; shareGroupCredits names it on the others)
      if (n === groups.length - 1) s.endSignals = seg.endSignals;
      out.push({ k: 'seg', seg: s });
    });
  }
  shareGroupCredits(out);
  return out;
}

/**
 * Pictures of a photo column with a caption and nothing else, right before a picture closed by a credit,
 * share that credit (`中秋嘉年华主题乐园…` / blank / `文化广场…` / blank / `…  本报记者 陈仕平 摄`).
 */
function shareGroupCredits(seq: SeqItem[]): void {
  let run: Seg[] = [];
  for (const it of seq) {
    if (it.k !== 'seg') {
      run = [];
      continue;
    }
    const seg = it.seg;
    const bare =
      seg.section === 'photo' &&
      seg.startSignals.length === 0 &&
      seg.endSignals.length === 0 &&
      seg.from === null &&
      seg.to === null &&
      seg.sharedCredit === null &&
      seg.items.every((x) => x.t === 'para');
    if (bare) {
      run.push(seg);
      continue;
    }
    const credit =
      seg.section === 'photo' && seg.startSignals.length === 0
        ? seg.endSignals.filter((x) => x.kind === 'byline' && isPhotoByline(x.value))
        : [];
    if (credit.length > 0) for (const r of run) r.sharedCredit = credit.map((x) => x.value).join(' ');
    run = [];
  }
}

/** Text lines from atom `k` on up to the next blank line or anything else (at most 3 counted). */
function linesInBlock(atoms: readonly Atom[], k: number): number {
  let n = 0;
  for (let j = k; j < atoms.length && n < 3; j++) {
    const a = atoms[j];
    if (a?.t !== 'para' || (j > k && a.gapBefore)) break;
    n++;
  }
  return n;
}

/** A headline-shaped block under which comes another such block or a credit, never text. */
function captionWithoutText(atoms: readonly Atom[], k: number, next: Atom | undefined): boolean {
  if (next === undefined) return false;
  if (next.t === 'heading') return blankLinesBefore(atoms, k + 1) >= 1;
  return next.t === 'signal' && next.kind === 'byline' && isPhotoByline(next.value);
}

/** Cells short of the column from which a caption's line is its last (not a line the column wrapped). */
const PHOTO_CAPTION_SHORTFALL = 2;

/** Whether the text starts right under the credit at atom k and the credit lines printed right under it. */
function creditRunOpensText(atoms: readonly Atom[], k: number): boolean {
  let j = k;
  while (true) {
    const cur = atoms[j];
    const next = atoms[j + 1];
    if (cur === undefined || next === undefined || firstLine(next) !== lastLine(cur) + 1) return false;
    if (next.t === 'signal' && next.kind === 'byline') {
      j++;
      continue;
    }
    return next.t === 'para';
  }
}

/**
 * Whether the paragraph opening at atom k closes with its own credit: the text runs on without a blank
 * line into a closing byline (`…资料5个。 夏慧`, a credit cut onto the next line included).
 */
function signedBelow(atoms: readonly Atom[], k: number): boolean {
  for (let j = k + 1; j < atoms.length && j <= k + SIGNED_BRIEF_MAX_LINES; j++) {
    const b = atoms[j];
    if (b === undefined) return false;
    if (b.t === 'para') {
      if (b.gapBefore) return false;
      continue;
    }
    return b.t === 'signal' && b.kind === 'byline' && b.pos === 'end';
  }
  return false;
}

/**
 * A photo credit (`沈静瑜摄`, `新华社记者  陈思汗摄`, `受访者供图`) that ends a caption printed inside an
 * article: the segment opened with a byline, holds only captions and a short text so far, and body text
 * follows at once.
 */
function isEmbeddedCaption(seg: Seg, credit: SignalAtom, next: Atom | undefined): boolean {
  if (credit.kind !== 'byline' || !isPhotoByline(credit.value)) return false;
  if (next === undefined || next.t !== 'para') return false;
  // (after a blank line, only under an article credited at its start: `本报记者 刘晓峰` / blank / caption /
  // blank / text)
  if (next.gapBefore && (next.leadDateline !== null || !seg.startSignals.some((x) => x.kind === 'byline')))
    return false;
  // … or, with no credit of its own yet, the article's lead follows at once (`姚民声来虞考察` / `图为…` /
  // `本报记者 韩坚 摄` / `本报讯（记者 徐芳）…`): the picture is printed between headline and text
  const leadFollows = next.leadDateline !== null && seg.startSignals.length === 0;
  if (!leadFollows && !seg.startSignals.some((x) => x.kind === 'byline')) return false;
  let chars = 0;
  for (const it of seg.items) {
    if (it.t === 'heading') for (const l of it.lines) chars += visibleLength(l.text);
    else if (!it.caption) chars += visibleLength(it.text);
  }
  return chars <= CAPTION_MAX_CHARS;
}

/**
 * A photo credit closing a short caption that is all the segment holds, right under a headline, with
 * text following that opens no item of its own (no headline, dateline or marker): the picture is the
 * article's, printed between its headline and its text.
 */
function isPhotoUnderHeadline(
  seg: Seg,
  credit: SignalAtom,
  before: SeqItem | undefined,
  next: Atom | undefined,
): boolean {
  if (credit.kind !== 'byline' || !isPhotoByline(credit.value)) return false;
  if (before?.k !== 'heading' || seg.startSignals.length > 0 || seg.from !== null) return false;
  if (next === undefined || next.t !== 'para' || next.leadDateline !== null || next.note || next.caption)
    return false;
  if (seg.items.length === 0 || seg.items.length > 2) return false;
  return seg.items.every(
    (it) =>
      it.t === 'para' &&
      (it.lastLine ?? it.line) === it.line &&
      visibleLength(it.text.trim()) <= HEADLINE_CAPTION_MAX,
  );
}

/**
 * A photo group's own credit (`文/图 周华东（除署名外）`) further down the same block, no blank line before
 * it: the photo credit at `k` is one picture's inside the group, which stays one item.
 */
function groupCreditAhead(atoms: Atom[], k: number): boolean {
  for (let n = k + 1; n < atoms.length && n <= k + GROUP_REACH_ATOMS; n++) {
    const a = atoms[n];
    if (!a || gapBefore(atoms, n)) return false;
    const text = a.t === 'para' ? a.text : a.t === 'signal' ? a.value : '';
    if (GROUP_CREDIT_NOTE_RE.test(text.trim())) return true;
  }
  return false;
}

/** How far (in atoms) a photo group's credit is looked for under one of its pictures' credits. */
const GROUP_REACH_ATOMS = 40;

/** A caption's first line taken for a headline, back as caption text. */
function headingAsCaption(h: HeadingAtom): ParaAtom[] {
  return h.lines.map((l) => {
    const p = para(l.text, l.line, l.gapBefore);
    p.caption = true;
    return p;
  });
}

/** A caption under a headline is at most this long (a sentence naming what the photo shows). */
const HEADLINE_CAPTION_MAX = 16;

/**
 * The segment is a photo's caption printed right under a headline, a credit right under it: one or two
 * short lines, each a finished sentence, nothing else (no signal, no blank line around them).
 */
function isCaptionUnderHeadline(seg: Seg, before: SeqItem | undefined, atoms: Atom[], k: number): boolean {
  if (before?.k !== 'heading' || seg.startSignals.length > 0 || seg.from !== null || gapBefore(atoms, k))
    return false;
  const paras = seg.items.filter((it): it is ParaAtom => it.t === 'para');
  if (paras.length === 0 || paras.length > 2 || paras.length !== seg.items.length) return false;
  if (paras[0]?.gapBefore) return false;
  return paras.every(
    (p) =>
      (p.lastLine ?? p.line) === p.line &&
      visibleLength(p.text.trim()) <= HEADLINE_CAPTION_MAX &&
      endsSentence(p.text),
  );
}

/** A segment made only of ■ summary points (a deck): no signal yet, opened by a bulleted paragraph. */
function isDeck(seg: Seg): boolean {
  const [first] = seg.items;
  if (first?.t !== 'para' || seg.from !== null) return false;
  if (first.bullet) return seg.startSignals.length === 0 && seg.items.every((it) => it.t === 'para');
  // … or where a headline's story took place, keyed under it, its credit under that (`地点：光明路南段…` /
  // `□记者 杨岸萌/文`)
  return (
    seg.startSignals.every((x) => x.kind === 'byline') &&
    seg.items.length <= 2 &&
    seg.items.every((it) => it.t === 'para' && PLACE_KEY_RE.test(it.text))
  );
}

/** A headline's place or time, keyed on the line under it. */
const PLACE_KEY_RE = /^(?:地点|时间|地址)\s{0,2}[:：]/;

/** How much shorter than the segment's widest line a paragraph's last line is, at least. */
const PARAGRAPH_END_SHORTFALL = 3;

/** Whether a paragraph of the segment opens on the line right under a finished one (no blank line between). */
/**
 * A headline set wider than the text above it (`吴晓华在参加市政协六届五次会议市直六组讨论时强调`, 24 characters,
 * under a caption set 16 wide): it spans columns, as a subhead inside that text never does.
 */
function widerThanColumn(h: HeadingAtom, seg: Seg): boolean {
  let column = 0;
  let lines = 0;
  for (const it of seg.items) {
    if (it.t !== 'para') continue;
    column = Math.max(column, visibleLength(it.text));
    lines++;
  }
  if (lines < COLUMN_SAMPLE_MIN) return false;
  let widest = 0;
  for (const l of h.lines) widest = Math.max(widest, visibleLength(l.text));
  return widest >= column + HEADLINE_OVER_COLUMN;
}

function runsParagraphsOn(seg: Seg): boolean {
  let column = 0;
  for (const it of seg.items) if (it.t === 'para') column = Math.max(column, visibleLength(it.text));
  let prev: ParaAtom | null = null;
  for (const it of seg.items) {
    if (it.t !== 'para') {
      prev = null;
      continue;
    }
    if (
      prev !== null &&
      !it.gapBefore &&
      it.line === (prev.lastLine ?? prev.line) + 1 &&
      endsSentence(prev.text) &&
      // (a line ending a sentence short of the column, not one the column happened to wrap there)
      visibleLength(prev.text) + PARAGRAPH_END_SHORTFALL <= column
    )
      return true;
    prev = it;
  }
  return false;
}

/** The segment's last text line ends a sentence, or is a notice's keyed line (`邮 寄：…市大运河办收`). */
function lastParaEndsSentence(seg: Seg): boolean {
  for (let n = seg.items.length - 1; n >= 0; n--) {
    const it = seg.items[n];
    if (it?.t === 'para') return endsSentence(it.text) || startsWithKvKey(it.text);
  }
  return false;
}

/** Longest lone line taken for a photo's caption printed over an article (isLoneCaptionLine). */
const LONE_CAPTION_MAX = 20;

/**
 * The segment is one short sentence on one line, set apart, with no signal: a caption, not an article's
 * opening (the text of an article goes on past its first line).
 */
export function isLoneCaptionLine(seg: Seg): boolean {
  if (seg.items.length !== 1 || seg.startSignals.length > 0 || seg.from) return false;
  const only = seg.items[0];
  return (
    only?.t === 'para' &&
    only.gapBefore &&
    only.plain &&
    (only.lastLine ?? only.line) === only.line &&
    visibleLength(only.text) <= LONE_CAPTION_MAX &&
    /。$/.test(only.text.trim()) &&
    !/[。！？]/.test(only.text.trim().slice(0, -1))
  );
}

/** `记者 俪臻`: a role and one name (a pen name too) on the text's last line, under a finished sentence. */
const REPORTER_LINE_RE = /^(?:本报)?(?:记者|通讯员|实习生)[ \t\u3000]+[\u4e00-\u9fff]{2,3}$/;

/** The segment's text ends on a reporter's line (REPORTER_LINE_RE) under a finished sentence. */
function endsOnReporterLine(seg: Seg): boolean {
  const n = seg.items.length;
  const last = seg.items[n - 1];
  const prev = seg.items[n - 2];
  return (
    last?.t === 'para' &&
    prev?.t === 'para' &&
    REPORTER_LINE_RE.test(last.text.trim()) &&
    endsSentence(prev.text)
  );
}

/** The segment's last line, a reporter's (endsOnReporterLine), becomes its closing byline. */
function creditLastLine(seg: Seg): void {
  const last = seg.items[seg.items.length - 1];
  if (last?.t !== 'para' || !endsOnReporterLine(seg)) return;
  seg.items.pop();
  seg.endSignals.push(signalAtom('byline', last.line, last.text.trim(), null, 'end', undefined));
}

/**
 * The most common length among `lens` (ties: the longer), or 0 when none occurs twice. Counted in place
 * (at most COLUMN_SAMPLE_LINES lengths: no Map per call); exported for its spec.
 */
export function modalLength(lens: readonly number[]): number {
  let best = 0;
  let bestN = 0;
  for (let i = 0; i < lens.length; i++) {
    const l = lens[i] ?? 0;
    let n = 0;
    for (let j = 0; j < lens.length; j++) if (lens[j] === l) n++;
    if (n > bestN || (n === bestN && l > best)) {
      best = l;
      bestN = n;
    }
  }
  return bestN >= 2 ? best : 0;
}

/** Lengths of up to COLUMN_SAMPLE_LINES text lines on one side of atom `k`, stopping at anything else. */
function sideLines(atoms: readonly Atom[], k: number, dir: 1 | -1): ParaAtom[] {
  const out: ParaAtom[] = [];
  for (
    let n = dir > 0 ? k : k - 1;
    n >= 0 && n < atoms.length && out.length < COLUMN_SAMPLE_LINES;
    n += dir
  ) {
    const a = atoms[n];
    if (a?.t !== 'para') break;
    out.push(a);
  }
  return out;
}

/**
 * The printed widths of the lines' texts, in full-width cells: a half-width letter or digit takes half a
 * cell (`…先后争取资金1200` holds 19 characters in a column of 17 cells).
 */
function lengthsOf(lines: readonly ParaAtom[]): number[] {
  const out: number[] = [];
  for (const p of lines) {
    let half = 0;
    for (let i = 0; i < p.text.length; i++) {
      const c = p.text.charCodeAt(i);
      if (c > 0x20 && c < 0x7f) half++;
    }
    out.push(Math.round(visibleLength(p.text) - half / 2));
  }
  return out;
}

/** Share of a column's long lines' length below which a line is a paragraph's end, not a full line. */
const FULL_LINE_SHARE = 0.6;

/**
 * A column's width: the most common length among its full lines, paragraph ends left out (a line is full
 * from FULL_LINE_SHARE of the upper quartile's length on: a line glued from two, a cut dateline, is longer
 * than the column and does not set it).
 */
function columnWidth(lens: number[]): number {
  const sorted = [...lens].sort((x, y) => x - y);
  const long = sorted[Math.floor(0.75 * (sorted.length - 1))] ?? 0;
  return modalLength(lens.filter((l) => l >= FULL_LINE_SHARE * long));
}

/**
 * A blank line above atom `k` parts two articles set in different column widths: the common line
 * length differs by COLUMN_CHANGE or more on the two sides (by less than COLUMN_CHANGE_SURE only where
 * no line of the narrower column reaches the wider width), and the texts share little vocabulary.
 */
function columnChangesAt(atoms: readonly Atom[], k: number): boolean {
  // each step only when the one before has not settled it (most blank lines fail the first tests)
  const before = sideLines(atoms, k, -1);
  if (before.length < COLUMN_SAMPLE_MIN) return false;
  const after = sideLines(atoms, k, 1);
  if (after.length < COLUMN_SAMPLE_MIN) return false;
  const lb = lengthsOf(before);
  const wb = columnWidth(lb);
  if (wb === 0) return false;
  const la = lengthsOf(after);
  const wa = columnWidth(la);
  if (wa === 0 || Math.abs(wb - wa) < COLUMN_CHANGE) return false;
  // two cells apart: only where no line of the narrower column is as long as the wider one's
  if (Math.abs(wb - wa) < COLUMN_CHANGE_SURE && Math.max(...(wb < wa ? lb : la)) >= Math.max(wb, wa))
    return false;
  // (plain loops, not `map(…).join('')`: see rejoinCutSignals)
  let textBefore = '';
  for (let n = before.length - 1; n >= 0; n--) textBefore += before[n]?.text ?? '';
  let textAfter = '';
  for (const p of after) textAfter += p.text;
  return (
    cohesion(textBefore.slice(-COHESION_WINDOW), textAfter.slice(0, COHESION_WINDOW)) < SAME_ARTICLE_COHESION
  );
}

/**
 * An article's reporter credited at the end of its last paragraph, run on after the last sentence
 * (`…我祝福重庆！”本报记者赵` / `君辉`): the credit becomes the segment's closing byline. Only for a segment
 * with no credit yet and only at its end (inside an article, `…。记者李明` may go on `说，…`).
 */
function splitClosingReporter(seg: Seg): number | null {
  if (!seg.hasBody || seg.to) return null;
  if ([...seg.startSignals, ...seg.endSignals].some((x) => x.kind === 'byline')) return null;
  const n = seg.items.length;
  const last = seg.items[n - 1];
  if (last?.t !== 'para' || last.note) return null;
  const prev = seg.items[n - 2];
  // a credit cut by the column: the last line holds the end of a name (`君辉`), the line above the rest
  // (or the names alone on the last line, the role ending the line above: `…现场。 潍坊日报社全媒体记者` /
  // `窦浩智 吴晓强`, kept apart by a space)
  const namesUnderRole =
    prev?.t === 'para' &&
    !prev.gapBefore &&
    /(?:记者|通讯员|实习生)\s*$/.test(prev.text) &&
    isNamesOnly(last.text);
  const spans =
    prev?.t === 'para' &&
    !prev.gapBefore &&
    (namesUnderRole || (visibleLength(last.text.trim()) <= 4 && !endsSentence(prev.text)));
  const whole =
    spans && prev?.t === 'para'
      ? prev.text.trimEnd() + (namesUnderRole ? ' ' : '') + last.text.trim()
      : last.text;
  const cut = splitRunOnReporter(whole);
  if (!cut || cut.before.length === 0) return null;
  if (spans && prev?.t === 'para') {
    if (cut.before.length > prev.text.trimEnd().length) return null;
    prev.text = prev.text.trimEnd().slice(0, cut.before.length);
    seg.items.pop();
    const at = prev.lastLine ?? prev.line;
    seg.endSignals.push(signalAtom('byline', at, cut.byline, null, 'end', [last.lastLine ?? last.line]));
    return at;
  }
  last.text = cut.before;
  const at = last.lastLine ?? last.line;
  seg.endSignals.push(signalAtom('byline', at, cut.byline, null, 'end', undefined));
  return at;
}

/**
 * A photo's caption set apart: up to four short lines after a blank line, its photo credit right after
 * them (on the last line or the next), and a blank line (or the page's end) after the credit
 * (`九十九溪田园风光（邱华复 摄）` between an essay and the next article, `图为…` / `本报记者 肖 胜 摄` under
 * the last article of a page). It is a photo of its own, not the last lines of the text above.
 */
function isStandaloneCaption(atoms: readonly Atom[], k: number, articleCredited = false): boolean {
  // the caption's lines (at most four, none set apart), then its photo credit, then a blank line; after
  // an article credited at its start, a picture's longer text (`声声花儿情，…盛宴。` / `本报记者 刘鹰 摄`)
  const maxLines = articleCredited ? LONG_CAPTION_LINES : 4;
  const maxChars = articleCredited ? LONG_CAPTION_CHARS : CAPTION_MAX_CHARS;
  // (`图为…` under an article credited to no one: the article's picture, printed under it, its credit the
  // article's only one)
  const first = atoms[k];
  if (!articleCredited && first?.t === 'para' && /^图为/.test(first.text.trim())) return false;
  let chars = 0;
  let n = k;
  for (; n < atoms.length && n < k + maxLines; n++) {
    const a = atoms[n];
    if (a?.t !== 'para' || (n > k && a.gapBefore)) break;
    chars += visibleLength(a.text.trim());
  }
  const credit = atoms[n];
  const last = atoms[n - 1];
  if (n === k || chars > maxChars || last === undefined) return false;
  if (credit?.t !== 'signal' || credit.kind !== 'byline' || !isPhotoByline(credit.value)) return false;
  // (after an article credited at its start, the credit may be set apart by a blank line: `…网络投票。` /
  // blank / `本报记者 申宇 摄`)
  if (credit.line > lastLine(last) + (articleCredited ? 2 : 1)) return false;
  const after = atoms[n + 1];
  return after === undefined || firstLine(after) > lastLine(credit) + 1;
}

/** The text's last sentence tells what a picture shows (`…。图为游客踏青赏花。`), a caption's length at most. */
function endsOnPictureSentence(text: string): boolean {
  if (!text.endsWith('。')) return false;
  const start = text.lastIndexOf('。', text.length - 2) + 1;
  return text.startsWith('图为', start) && text.length - start <= CAPTION_MAX_CHARS;
}

/** The segment's text ends on a sentence telling what its picture shows (`…。图为游客踏青赏花。`). */
function endsOnPictureLine(seg: Seg): boolean {
  let text = '';
  for (let n = seg.items.length - 1; n >= 0 && text.length < CAPTION_MAX_CHARS * 2; n--) {
    const it = seg.items[n];
    if (it?.t !== 'para') break;
    text = it.text.trim() + text;
  }
  return endsOnPictureSentence(text);
}

/**
 * The block of text lines opening at atom k (up to the next blank line) ends on a sentence telling what
 * the picture shows (`…打造宜居宜业和美乡村。图为游客到红花岗区海龙坝区踏青赏花。`).
 */
function pictureStoryAt(atoms: readonly Atom[], k: number): boolean {
  let text = '';
  for (let n = k; n < atoms.length && n < k + LONG_CAPTION_LINES; n++) {
    const a = atoms[n];
    if (a?.t !== 'para' || (n > k && a.gapBefore)) break;
    text += a.text.trim();
  }
  return endsOnPictureSentence(text);
}

/** A picture's text after an article credited at its start runs this many lines and characters at most. */
const LONG_CAPTION_LINES = 10;
const LONG_CAPTION_CHARS = 260;

/** The segment's text is credited at its start to a writer (`本报记者 刘晓峰`), not to a photographer. */
function creditedText(seg: Seg): boolean {
  return seg.startSignals.some((x) => x.kind === 'byline' && !isPhotoByline(x.value));
}

/** A segment whose text so far is only a photo's caption printed inside the article. */
function onlyCaptions(seg: Seg): boolean {
  let any = false;
  for (const it of seg.items) {
    if (it.t !== 'para') continue;
    if (!it.caption) return false;
    any = true;
  }
  return any;
}
