import type { ApiError } from '@jianbao/contracts';
import { type FieldErrors, rootField } from '../shared/api-error';
import { type Translate, describeFieldError } from '../shared/field-error-text';
import type { WizardState } from './wizard-ops';

/** A filing's refusal of its clippings' fields, placed on the cards (by clipping key) and said at the top. */
export interface CardErrors {
  /** Per card (its clipping key), the messages per field (`title`, `body`, `subheads`, `kind`, …). */
  cards: ReadonlyMap<number, FieldErrors>;
  /** One sentence per message naming the card as the wizard numbers it: "第 2 条剪报：标题最多 500 个字符。" */
  top: string[];
}

/** `clippings.2.title`, `clippings[2].subheads.0` → the request's clipping index and the path inside it. */
const CLIPPING_PATH = /^clippings(?:\.(\d+)|\[(\d+)\])(?:\.(.+))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `details` of a refused filing that name one of its clippings, in the UI's language. The request
 * leaves out empty clippings (`toEditedClippings`), so its index N is the N-th card that was filed,
 * which is not always card N + 1: `filedKeys` (the keys of the cards sent, in order) maps it back.
 */
export function cardErrorsOf(
  error: ApiError,
  state: WizardState,
  filedKeys: readonly number[],
  t: Translate,
): CardErrors {
  const cards = new Map<number, FieldErrors>();
  const top: string[] = [];
  if (!Array.isArray(error.details)) return { cards, top };
  for (const entry of error.details as unknown[]) {
    if (!isRecord(entry) || typeof entry['field'] !== 'string') continue;
    const path = CLIPPING_PATH.exec(entry['field']);
    const raw = entry['errors'];
    const errors = Array.isArray(raw) ? raw.filter((m): m is string => typeof m === 'string') : [];
    if (!path || errors.length === 0) continue;
    const key = filedKeys[Number(path[1] ?? path[2])];
    const card = key === undefined ? -1 : state.clippings.findIndex((c) => c.key === key);
    const inner = path[3];
    const messages = describeFieldError(inner ?? 'value', errors, entry['constraints'], t);
    for (const message of messages) {
      top.push(card < 0 ? message : t('validation.inClipping', { n: card + 1, message }));
    }
    if (key === undefined || card < 0 || inner === undefined) continue;
    const field = rootField(inner);
    const own = { ...(cards.get(key) ?? {}) };
    own[field] = [...(own[field] ?? []), ...messages];
    cards.set(key, own);
  }
  return { cards, top };
}

/** The cards' errors without `field` of card `key` (the editor changed it). */
export function withoutCardError(
  cards: ReadonlyMap<number, FieldErrors>,
  key: number,
  field: string,
): ReadonlyMap<number, FieldErrors> {
  const own = cards.get(key);
  if (!own || !(field in own)) return cards;
  const next = new Map(cards);
  const rest = Object.fromEntries(Object.entries(own).filter(([f]) => f !== field));
  if (Object.keys(rest).length) next.set(key, rest);
  else next.delete(key);
  return next;
}
