import { constraintText, describeFieldError, fieldLabel } from './field-error-text';
import { interpolate } from './i18n/i18n';
import { EN, type MessageKey, ZH_CN } from './i18n/messages';

const zh = (key: MessageKey, params?: Record<string, string | number>): string =>
  interpolate(ZH_CN[key], params);
const en = (key: MessageKey, params?: Record<string, string | number>): string =>
  interpolate(EN[key], params);

/** Server messages are English: in the Chinese UI no run of ASCII words may survive. */
const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

describe('describeFieldError (zh-CN)', () => {
  const cases: [string, string, { constraint: string; [k: string]: unknown }, string][] = [
    [
      'title',
      'title must be shorter than or equal to 500 characters',
      { constraint: 'maxLength', max: 500 },
      '标题最多 500 个字符。',
    ],
    [
      'password',
      'password must be longer than or equal to 8 characters',
      { constraint: 'minLength', min: 8 },
      '密码至少需要 8 个字符。',
    ],
    [
      'username',
      'username must be 2 to 64 letters…',
      { constraint: 'matches' },
      '用户名要 2–64 个字符：汉字、字母、数字、点、下划线或连字符，不能有空格。',
    ],
    [
      'to',
      'to must not be before from',
      { constraint: 'notBefore', other: 'from' },
      '截止日期不能早于起始日期。',
    ],
    [
      'issueDate',
      'issueDate must be a real date written YYYY-MM-DD',
      { constraint: 'isIsoDate' },
      '出版日期要填一个真实的日期（年-月-日）。',
    ],
    [
      'issueDate',
      'issueDate must not be after 2027-12-06',
      { constraint: 'issueDateRange', max: '2027-12-06' },
      '出版日期不能晚于 2027-12-06（今天起最多一年）。',
    ],
    [
      'kind',
      'kind must be one of …',
      { constraint: 'isIn', values: ['article'] },
      '类型只能从给出的选项中选择。',
    ],
    [
      'colour',
      'property colour should not exist',
      { constraint: 'whitelistValidation' },
      '请求里有不认识的字段“colour”。',
    ],
    ['publicationId', 'publicationId must be an integer number', { constraint: 'isInt' }, '报刊的格式不对。'],
  ];
  it.each(cases)('%s / %s', (field, message, constraint, expected) => {
    expect(describeFieldError(field, [message], [constraint], zh)).toEqual([expected]);
  });

  it('names the clipping of the import wizard, counting from 1', () => {
    expect(
      describeFieldError('clippings.2.title', ['too long'], [{ constraint: 'maxLength', max: 500 }], zh),
    ).toEqual(['第 3 条剪报：标题最多 500 个字符。']);
  });

  it('never shows the English message, even for an unknown constraint or none at all', () => {
    const out = [
      ...describeFieldError('tagIds', ['unknown tag id(s): 9'], undefined, zh),
      ...describeFieldError('title', ['something new went wrong'], [{ constraint: 'brandNew' }], zh),
    ];
    expect(out).toEqual(['标签填写有误。', '标题填写有误。']);
    for (const m of out) expect(m).not.toMatch(ENGLISH_WORDS);
  });

  it('every constraint sentence of the catalogue is free of English words in zh-CN', () => {
    for (const key of Object.keys(ZH_CN).filter((k) => k.startsWith('validation.')) as MessageKey[])
      expect(zh(key, { field: '标题', max: 1, min: 1, other: '起始日期', n: 1, message: '' })).not.toMatch(
        ENGLISH_WORDS,
      );
  });
});

describe('describeFieldError (en)', () => {
  it('says the rule in English and keeps the server message for unknown constraints', () => {
    expect(describeFieldError('title', ['x'], [{ constraint: 'maxLength', max: 500 }], en)).toEqual([
      'Title: at most 500 characters.',
    ]);
    expect(describeFieldError('tagIds', ['unknown tag id(s): 9'], undefined, en)).toEqual([
      'Tags: unknown tag id(s): 9',
    ]);
  });
});

describe('constraintText and fieldLabel', () => {
  it('maps type constraints to one sentence and labels nested paths by their last name', () => {
    expect(constraintText('body', { constraint: 'isString' }, 'm').key).toBe('validation.type');
    expect(fieldLabel('clippings.0.subheads.3', zh)).toBe('小标题（每行一个）');
    expect(fieldLabel('mystery', zh)).toBe('mystery');
  });
});
