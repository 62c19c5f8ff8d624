import type {
  Clipping,
  ClippingKind,
  ClippingRegionLink,
  ClippingSnapshot,
  ClippingStatus,
  ClippingTagLink,
} from '@jianbao/contracts';
import { type FieldMerge, type MergeChoice, mergeThreeWay } from './field-merge';

/** What the clipping form edits, as plain values: the unit of the three-way merge. */
export interface ClippingDraft {
  publicationId: number | null;
  issueDate: string;
  pageLabel: string;
  kind: ClippingKind;
  status: ClippingStatus;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: string;
  subheads: string[];
  tags: ClippingTagLink[];
  regions: ClippingRegionLink[];
}

export type DraftField = keyof ClippingDraft;

/** Fields in the order the form shows them. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'publicationId',
  'issueDate',
  'pageLabel',
  'kind',
  'status',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
  'tags',
  'regions',
];

/** Text fields an editor can type a merged value into. */
export const TEXT_FIELDS: readonly DraftField[] = [
  'issueDate',
  'pageLabel',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subheads',
];

const DRAFT_SETS = {
  tags: (t: ClippingTagLink) => t.id,
  regions: (r: ClippingRegionLink) => r.code,
} as const;

export type DraftMerge = FieldMerge<ClippingDraft>;
export type DraftChoices = Partial<{ [K in DraftField]: MergeChoice<ClippingDraft[K]> }>;

/** Three-way merge of the clipping form: tags and regions combine, other fields may conflict. */
export function mergeDrafts(base: ClippingDraft, theirs: ClippingDraft, mine: ClippingDraft): DraftMerge[] {
  return mergeThreeWay(base, theirs, mine, DRAFT_FIELDS, DRAFT_SETS);
}

export function draftOfClipping(c: Clipping): ClippingDraft {
  return {
    publicationId: c.publicationId,
    issueDate: c.issueDate,
    pageLabel: c.pageLabel,
    kind: c.kind,
    status: c.status,
    kicker: c.kicker,
    title: c.title,
    subtitle: c.subtitle,
    byline: c.byline,
    dateline: c.dateline,
    body: c.body,
    subheads: [...c.subheads],
    tags: [...c.tags],
    regions: [...c.regions],
  };
}

/** A revision's snapshot as a draft (what "restore this version" would put back). */
export function draftOfSnapshot(s: ClippingSnapshot): ClippingDraft {
  return {
    publicationId: s.publicationId,
    issueDate: s.issueDate,
    pageLabel: s.pageLabel,
    kind: s.kind,
    status: s.status,
    kicker: s.kicker,
    title: s.title,
    subtitle: s.subtitle,
    byline: s.byline,
    dateline: s.dateline,
    body: s.body,
    subheads: [...s.subheads],
    tags: s.tags.map((t) => ({ id: t.id, name: t.name, color: null, source: t.source })),
    regions: s.regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: 'county',
      path: [],
      source: r.source,
    })),
  };
}

/** A field's value as one line (or a few) of readable text, for the merge table. */
export function draftValueText(value: ClippingDraft[DraftField]): string {
  if (value === null) return '';
  if (Array.isArray(value))
    return value
      .map((v: string | ClippingTagLink | ClippingRegionLink) => (typeof v === 'string' ? v : v.name))
      .join(typeof value[0] === 'string' ? '\n' : '、');
  return String(value);
}

/** A value typed into the merge view's editor → the field's type (blank optional text → null). */
export function parseDraftText(field: DraftField, text: string): ClippingDraft[DraftField] {
  if (field === 'subheads')
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  if (field === 'body' || field === 'issueDate' || field === 'pageLabel') return text.trim();
  return text.trim() ? text.trim() : null;
}
