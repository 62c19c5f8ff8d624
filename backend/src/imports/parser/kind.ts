import type { ClippingKind } from '@jianbao/contracts';
import {
  NOTICE_CLOSING_RE,
  hasAdWords,
  isNoticeTitle,
  isPhotoByline,
  nonSpaceLength,
  withoutSpaces,
} from './text-rules';

export interface KindInput {
  kicker: string | null;
  title: string | null;
  body: string;
  byline: string | null;
  /** Section opened by a column banner above the clipping (`简讯`, `图片新闻`), if any. */
  section: 'brief' | 'photo' | null;
  /** The clipping carries key–value lines (`时间：` `地点：` `主办单位：`). */
  keyValue: boolean;
  /** An article's text holding a photo's caption printed inside it (`图为…` / `本报记者 韩坚 摄` / lead). */
  captionInside?: boolean;
}

/** Short enough to be a photo caption or a brief. */
const CAPTION_MAX = 400;
const BRIEF_MAX = 500;

/** Decides what a proposed clipping is: notice, ad, photo, brief or article. */
export function classifyKind(input: KindInput): ClippingKind {
  // the body without spaces is looked at only when it is short: its length is counted first
  const bodyLength = nonSpaceLength(input.body);
  const head = `${input.kicker ?? ''}${input.title ?? ''}`;
  if ((input.title !== null && isNoticeTitle(input.title)) || NOTICE_CLOSING_RE.test(input.body))
    return 'notice';
  // (advertising words in the text of a credited report are its subject: `一场食盐抢购风刮到我市` by `□陈曦`)
  if (
    input.keyValue ||
    hasAdWords(head) ||
    (bodyLength < 600 && input.byline === null && hasAdWords(withoutSpaces(input.body)))
  )
    return 'ad';
  // (an article whose only credit is its picture's, the caption printed inside it, stays an article)
  const photoCredit = input.byline !== null && isPhotoByline(input.byline) && !input.captionInside;
  if (
    bodyLength <= CAPTION_MAX &&
    (photoCredit ||
      input.section === 'photo' ||
      (!input.captionInside && CAPTION_RE.test(withoutSpaces(input.body))))
  )
    return 'photo';
  if (input.section === 'brief' && bodyLength <= BRIEF_MAX) return 'brief';
  return 'article';
}

/** A caption's opening (`图为`, `上图`, `图一：`) at the start of the body or of a sentence in it. */
const CAPTION_RE = /(?:^|[。！？])(?:图为|上图|下图|左图|右图|图[一二三四1-4][：:])/;
