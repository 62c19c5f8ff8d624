import { EN, ZH_CN, type MessageKey } from '../shared/i18n/messages';
import { interpolate, type MessageParams } from '../shared/i18n/i18n';
import { continuationMark, firstChips, storyChip } from './clipping-row-marks';

const REF = { page: '2', label: 'A', marker: '（下转2版A）' };
const alone = {
  articleId: null,
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
};

describe('list row marks', () => {
  it('marks a linked part, a part waiting for its other half, and nothing for a clipping alone', () => {
    expect(continuationMark(alone)).toBeNull();
    expect(continuationMark({ ...alone, continuesTo: REF })).toBe('waiting');
    expect(continuationMark({ ...alone, continuesFrom: REF })).toBe('waiting');
    expect(continuationMark({ ...alone, articleId: 4, continuesTo: REF, nextPartId: 9 })).toBe('linked');
    // Linked to its tail but still waiting for its head: waiting wins (there is work left).
    expect(
      continuationMark({ ...alone, articleId: 4, continuesFrom: REF, continuesTo: REF, nextPartId: 9 }),
    ).toBe('waiting');
  });

  it('shows the first chips and counts the rest', () => {
    expect(firstChips(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: 0 });
    expect(firstChips(['a', 'b', 'c', 'd', 'e'])).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
  });

  it('words a story chip by its state (not by colour alone), with the main text named in its tooltip', () => {
    const zh = (key: MessageKey, params?: MessageParams): string => interpolate(ZH_CN[key], params);
    const en = (key: MessageKey, params?: MessageParams): string => interpolate(EN[key], params);
    const mark = { clippingId: 1, groupId: 2, status: 'proposed' as const, texts: 4, main: false };
    expect(storyChip(mark, zh)).toEqual({
      text: '疑似同稿 4',
      hint: '疑似与另外 3 篇稿件是同一通稿（待审核）。点击打开逐字对照审核。',
    });
    expect(storyChip({ ...mark, status: 'confirmed', main: true }, zh)).toEqual({
      text: '同稿 4',
      hint: '与另外 3 篇稿件是同一通稿（编辑已确认）。点击打开逐字对照。本篇是这一组的主稿。',
    });
    expect(storyChip(mark, en).text).toBe('Same story? 4');
    expect(storyChip({ ...mark, status: 'confirmed' }, en).text).toBe('Same story 4');
  });
});
