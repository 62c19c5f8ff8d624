import type { FieldChange } from '@jianbao/contracts';
import type { MessageKey } from '../../shared/i18n/messages';
import { CLIPPING_FIELD_LABELS } from '../clipping-field-labels';
import { type ShownSegment, collapseUnchanged, diffText } from './text-diff';

/** A chip of a set-like field (tags, regions) that a revision added or removed. */
export interface ChangeChip {
  key: string;
  name: string;
}

/** How one changed field is shown: an inline text diff, added/removed chips, or before → after. */
export type ChangeView =
  | { kind: 'text'; field: string; segments: ShownSegment[] }
  | { kind: 'set'; field: string; added: ChangeChip[]; removed: ChangeChip[] }
  | { kind: 'value'; field: string; before: string; after: string };

/** Text longer than this (or with several lines) is shown as an inline diff rather than before → after. */
const LONG_TEXT = 40;

const FIELD_KEYS: Partial<Record<string, MessageKey>> = CLIPPING_FIELD_LABELS;

const ACTIONS = [
  'created',
  'edited',
  'tags',
  'regions',
  'linked',
  'unlinked',
  'story',
  'restored',
  'trashed',
  'untrashed',
  'bulk',
  'rule',
  'baseline',
  'carried-over',
  'kept',
  'imported',
] as const;

/** The label of a recorded field, or null for one this UI does not know (shown by its name). */
export function fieldKey(field: string): MessageKey | null {
  return FIELD_KEYS[field] ?? null;
}

/** The label of a revision's action, or null for one this UI does not know (shown as is). */
export function actionKey(action: string): MessageKey | null {
  return (ACTIONS as readonly string[]).includes(action) ? (`history.action.${action}` as MessageKey) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A set item's identity and name: tags `{id, name}`, regions `{code, name}`, story decisions `{otherId, decision}`. */
function chipOf(item: unknown): ChangeChip {
  if (!isRecord(item)) return { key: String(item), name: String(item) };
  const key = item['id'] ?? item['code'] ?? item['otherId'];
  const name =
    item['name'] ??
    (item['otherId'] !== undefined
      ? `#${String(item['otherId'])} ${String(item['decision'] ?? '')}`
      : undefined);
  return {
    key: JSON.stringify(key ?? item),
    name: typeof name === 'string' ? name.trim() : JSON.stringify(item),
  };
}

/** Any recorded value as short readable text (jump markers as printed, ids with `#`). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join('、');
  if (isRecord(value) && typeof value['marker'] === 'string') return value['marker'];
  if (isRecord(value) && typeof value['name'] === 'string') return value['name'];
  return JSON.stringify(value);
}

const SET_FIELDS = ['tags', 'regions', 'stories'];
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObjectList = (v: unknown): v is unknown[] => Array.isArray(v) && v.every(isRecord);

/** One recorded change → how the history panel shows it. */
export function viewOfChange(change: FieldChange, context = 20): ChangeView {
  const { field, before, after } = change;
  const listish = (v: unknown) => v === null || v === undefined || Array.isArray(v);
  const objects = (v: unknown) => isObjectList(v) && v.length > 0;
  const setField = SET_FIELDS.includes(field) || objects(before) || objects(after);
  if (listish(before) && listish(after) && setField) {
    const b = ((before as unknown[] | null) ?? []).map(chipOf);
    const a = ((after as unknown[] | null) ?? []).map(chipOf);
    const bKeys = new Set(b.map((c) => c.key));
    const aKeys = new Set(a.map((c) => c.key));
    return {
      kind: 'set',
      field,
      added: a.filter((c) => !bKeys.has(c.key)),
      removed: b.filter((c) => !aKeys.has(c.key)),
    };
  }
  const asText = (v: unknown): string | null =>
    typeof v === 'string' ? v : isStringList(v) ? v.join('\n') : v === null || v === undefined ? '' : null;
  const bt = asText(before);
  const at = asText(after);
  if (
    bt !== null &&
    at !== null &&
    (field === 'body' ||
      field === 'subheads' ||
      Math.max(bt.length, at.length) > LONG_TEXT ||
      /\n/.test(bt + at))
  ) {
    return { kind: 'text', field, segments: collapseUnchanged(diffText(bt, at), context) };
  }
  return { kind: 'value', field, before: valueText(before), after: valueText(after) };
}
