import type { ApiError } from '@jianbao/contracts';
import { interpolate } from '../shared/i18n/i18n';
import { type MessageKey, ZH_CN } from '../shared/i18n/messages';
import { cardErrorsOf, withoutCardError } from './card-errors';
import { type WizardClipping, type WizardState, filedKeys } from './wizard-ops';

const clipping = (key: number, title: string, body: string): WizardClipping =>
  ({
    key,
    title,
    body,
    kicker: '',
    subtitle: '',
    byline: '',
    dateline: '',
    subheads: [],
  }) as unknown as WizardClipping;

const refused = (details: unknown[]): ApiError => ({
  statusCode: 400,
  error: 'Bad Request',
  message: 'Validation failed',
  details,
});

describe('card errors', () => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string =>
    interpolate(ZH_CN[key], params);
  // Card 2 is empty and is not sent: the request's clippings.1 is card 3.
  const state = {
    source: [],
    unassigned: [],
    nextKey: 13,
    clippings: [clipping(10, '甲', '正文甲'), clipping(11, '', ''), clipping(12, '长', '正文丙')],
  } as WizardState;

  it('puts a clipping field refused by the server on its card, and names the card at the top', () => {
    expect(filedKeys(state)).toEqual([10, 12]);
    const out = cardErrorsOf(
      refused([
        {
          field: 'clippings.1.title',
          errors: ['title must be shorter than or equal to 500 characters'],
          constraints: [{ constraint: 'maxLength', max: 500 }],
        },
        { field: 'publicationId', errors: ['publicationId must be an integer'] },
      ]),
      state,
      filedKeys(state),
      t,
    );
    expect(out.cards.get(12)).toEqual({ title: ['标题最多 500 个字符。'] });
    expect(out.cards.has(10)).toBe(false);
    expect(out.top).toEqual(['第 3 条剪报：标题最多 500 个字符。']);
  });

  it('reads bracketed and nested paths, and a whole-clipping refusal only at the top', () => {
    const out = cardErrorsOf(
      refused([
        {
          field: 'clippings[0].subheads.1',
          errors: ['x'],
          constraints: [{ constraint: 'maxLength', max: 200 }],
        },
        {
          field: 'clippings.1',
          errors: ['nested property clippings must be an object'],
          constraints: [{ constraint: 'isObject' }],
        },
      ]),
      state,
      filedKeys(state),
      t,
    );
    expect(out.cards.get(10)).toEqual({ subheads: ['小标题（每行一个）最多 200 个字符。'] });
    expect(out.cards.has(12)).toBe(false);
    expect(out.top).toEqual([
      '第 1 条剪报：小标题（每行一个）最多 200 个字符。',
      '第 3 条剪报：这一项的格式不对。',
    ]);
    expect(out.top.join('')).not.toMatch(/must|nested/);
  });

  it('forgets a field once the editor changes it', () => {
    const cards = new Map([[12, { title: ['标题最多 500 个字符。'], body: ['正文不能为空。'] }]]);
    expect(withoutCardError(cards, 12, 'title').get(12)).toEqual({ body: ['正文不能为空。'] });
    expect(withoutCardError(withoutCardError(cards, 12, 'title'), 12, 'body').has(12)).toBe(false);
    expect(withoutCardError(cards, 10, 'title')).toBe(cards);
  });
});
