/**
 * The import wizard's draft as it is kept in localStorage until the page is filed or the draft is
 * discarded: the form (page text, publication, date, page), the request the clippings were previewed
 * from, the editor's clippings and bin, and the duplicate warning. Pure: (de)serialising and checking.
 */
import type { DuplicatePage, ImportPreviewBody } from '@jianbao/contracts';
import { type WizardState, splitSource } from './wizard-ops';

/** One key per user: two people sharing a browser do not get each other's draft. */
export function draftKey(userId: number | null): string {
  return `jianbao.importDraft.${userId ?? 'anonymous'}`;
}

export interface DraftForm {
  text: string;
  publicationId: number | null;
  issueDate: string;
  pageLabel: string;
}

export interface WizardDraft {
  savedAt: string;
  form: DraftForm;
  /** The request the clippings were previewed from (its text may differ from the form's after edits). */
  previewed: ImportPreviewBody | null;
  state: WizardState | null;
  duplicate: DuplicatePage | null;
}

const VERSION = 1;

/** What is stored: the previewed text only when it differs from the form's (it is the larger part). */
interface StoredDraft {
  v: number;
  savedAt: string;
  form: DraftForm;
  previewed: (Omit<ImportPreviewBody, 'text'> & { text?: string }) | null;
  state: Omit<WizardState, 'source'> | null;
  duplicate: DuplicatePage | null;
}

/** Worth keeping: some text typed or a preview being corrected. */
export function isWorthKeeping(draft: Pick<WizardDraft, 'form' | 'state'>): boolean {
  return draft.state !== null || draft.form.text.trim() !== '';
}

export function serializeDraft(draft: WizardDraft): string {
  const { previewed, state } = draft;
  const stored: StoredDraft = {
    v: VERSION,
    savedAt: draft.savedAt,
    form: draft.form,
    previewed: previewed
      ? {
          publicationId: previewed.publicationId,
          issueDate: previewed.issueDate,
          pageLabel: previewed.pageLabel,
          ...(previewed.text === draft.form.text ? {} : { text: previewed.text }),
        }
      : null,
    state: state
      ? { clippings: state.clippings, unassigned: state.unassigned, nextKey: state.nextKey }
      : null,
    duplicate: draft.duplicate,
  };
  return JSON.stringify(stored);
}

/** The stored draft, or null when there is none or it cannot be read back whole (it is then dropped). */
export function parseDraft(json: string | null): WizardDraft | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw['v'] !== VERSION || typeof raw['savedAt'] !== 'string') return null;
  const form = raw['form'];
  if (
    !isRecord(form) ||
    typeof form['text'] !== 'string' ||
    !(form['publicationId'] === null || typeof form['publicationId'] === 'number') ||
    typeof form['issueDate'] !== 'string' ||
    typeof form['pageLabel'] !== 'string'
  ) {
    return null;
  }
  const draftForm: DraftForm = {
    text: form['text'],
    publicationId: form['publicationId'],
    issueDate: form['issueDate'],
    pageLabel: form['pageLabel'],
  };
  const p = raw['previewed'];
  let previewed: ImportPreviewBody | null = null;
  if (isRecord(p)) {
    if (
      typeof p['publicationId'] !== 'number' ||
      typeof p['issueDate'] !== 'string' ||
      typeof p['pageLabel'] !== 'string'
    ) {
      return null;
    }
    previewed = {
      text: typeof p['text'] === 'string' ? p['text'] : draftForm.text,
      publicationId: p['publicationId'],
      issueDate: p['issueDate'],
      pageLabel: p['pageLabel'],
    };
  }
  const s = raw['state'];
  let state: WizardState | null = null;
  if (isRecord(s) && previewed) {
    if (
      !Array.isArray(s['clippings']) ||
      !Array.isArray(s['unassigned']) ||
      typeof s['nextKey'] !== 'number'
    ) {
      return null;
    }
    state = {
      source: splitSource(previewed.text),
      // drafts saved before the parser said how sure it was: nothing is flagged for review
      clippings: (s['clippings'] as WizardState['clippings']).map((c) => ({
        ...c,
        confidence: c.confidence ?? null,
      })),
      unassigned: s['unassigned'] as number[],
      nextKey: s['nextKey'],
    };
  }
  const duplicate = isRecord(raw['duplicate']) ? (raw['duplicate'] as unknown as DuplicatePage) : null;
  return { savedAt: raw['savedAt'], form: draftForm, previewed, state, duplicate };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
