import type { FieldConstraint } from '@jianbao/contracts';
import type { MessageParams } from './i18n/i18n';
import type { MessageKey } from './i18n/messages';

/** What the UI says for a constraint: a catalogue key and its parameters (see I18n.t). */
export interface FieldErrorText {
  key: MessageKey;
  params: MessageParams;
}

/** Translates a key with parameters: `I18n.t`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A field's name in the UI, by the last segment of its path (`clippings.2.title` → title). */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  publicationId: 'clipping.field.publication',
  issueDate: 'clipping.field.issueDate',
  pageLabel: 'clipping.field.pageLabel',
  kind: 'clipping.field.kind',
  status: 'clipping.field.status',
  kicker: 'clipping.field.kicker',
  title: 'clipping.field.title',
  subtitle: 'clipping.field.subtitle',
  byline: 'clipping.field.byline',
  dateline: 'clipping.field.dateline',
  body: 'clipping.field.body',
  subheads: 'clipping.field.subheads',
  username: 'validation.field.username',
  password: 'validation.field.password',
  currentPassword: 'validation.field.currentPassword',
  newPassword: 'validation.field.newPassword',
  role: 'validation.field.role',
  from: 'validation.field.from',
  to: 'validation.field.to',
  tagIds: 'validation.field.tagIds',
  regionCodes: 'validation.field.regionCodes',
  text: 'validation.field.text',
  name: 'validation.field.name',
  value: 'validation.field.value',
};

/** Constraints that say "wrong type": one sentence for all of them. */
const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isDefined',
  'nestedValidation',
]);

/** The parameter-free constraints with a sentence of their own. */
const PLAIN: Partial<Record<string, MessageKey>> = {
  isNotEmpty: 'validation.isNotEmpty',
  arrayUnique: 'validation.arrayUnique',
  isIn: 'validation.isIn',
  isIsoDate: 'validation.isIsoDate',
  matches: 'validation.matches',
  storable: 'validation.storable',
};

/** The segments of a field path that name a field, not an index: `clippings.2.subheads.0` → [clippings, subheads]. */
function namedSegments(field: string): string[] {
  return field.split(/[.[\]]/).filter((s) => s !== '' && !/^\d+$/.test(s));
}

/** The UI's name for a field path (its last named segment), or the path itself when the UI has none. */
export function fieldLabel(field: string, t: Translate): string {
  const last = namedSegments(field).at(-1) ?? field;
  const key = FIELD_LABELS[last];
  return key ? t(key) : last;
}

/**
 * The sentence for one broken constraint of `field` (without the label, which `describeFieldError`
 * fills in). Unknown constraints, and details without any, get a generic sentence: in English it
 * carries the server's message, in Chinese never.
 */
export function constraintText(
  field: string,
  c: FieldConstraint | undefined,
  serverMessage: string,
): FieldErrorText {
  const name = c?.constraint;
  const last = namedSegments(field).at(-1) ?? field;
  if (name === undefined) return { key: 'validation.unknown', params: { message: serverMessage } };
  if (name === 'matches' && last === 'username') return { key: 'validation.username', params: {} };
  if (TYPE_CONSTRAINTS.has(name)) return { key: 'validation.type', params: {} };
  const bound = (v: number | string | undefined): string | number => v ?? '';
  switch (name) {
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
    case 'maxUtf8Bytes':
    case 'issueDateRange':
      return { key: `validation.${name}`, params: { max: bound(c?.max) } };
    case 'minLength':
    case 'min':
      return { key: `validation.${name}`, params: { min: bound(c?.min) } };
    case 'notBefore':
      return { key: 'validation.notBefore', params: { otherField: c?.other ?? '' } };
    case 'whitelistValidation':
      return { key: 'validation.whitelistValidation', params: {} };
    default: {
      const key = PLAIN[name];
      return key ? { key, params: {} } : { key: 'validation.unknown', params: { message: serverMessage } };
    }
  }
}

const HAN = /\p{Script=Han}/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function constraintAt(raw: unknown, index: number): FieldConstraint | undefined {
  if (!Array.isArray(raw)) return undefined;
  const c: unknown = raw[index];
  return isRecord(c) && typeof c['constraint'] === 'string' ? (c as unknown as FieldConstraint) : undefined;
}

/**
 * Every message of one `details` entry in the UI's language, naming the field (and, for a clipping of
 * the import wizard, `clippings.N.…`, which clipping: "第 N+1 条剪报：标题最多 500 个字符。").
 */
export function describeFieldError(
  field: string,
  errors: readonly string[],
  constraints: unknown,
  t: Translate,
): string[] {
  const label = fieldLabel(field, t);
  const clipping = /^clippings[.[](\d+)/.exec(field);
  return errors.map((message, i) => {
    const text = constraintText(field, constraintAt(constraints, i), message);
    const params: MessageParams = { ...text.params, field: label };
    if (typeof params['otherField'] === 'string') params['other'] = fieldLabel(params['otherField'], t);
    if (text.key === 'validation.whitelistValidation') params['field'] = namedSegments(field).at(-1) ?? field;
    // A reason the server words in Chinese (a parser's or a rule's own message) is shown as it is.
    const sentence = text.key === 'validation.unknown' && HAN.test(message) ? message : t(text.key, params);
    return clipping
      ? t('validation.inClipping', { n: Number(clipping[1]) + 1, message: sentence })
      : sentence;
  });
}
