/**
 * The import wizard's editing model as pure functions: a page's source lines, the clippings the editor
 * is shaping from them (each knowing which lines it was made of, in which role) and the unassigned bin.
 * Every operation returns a new state; the component only holds it in a signal.
 *
 * Fields are the truth that gets filed. Line operations (move, split) rebuild only the fields whose
 * lines changed, so hand edits and the parser's cleaner text survive elsewhere. Jump markers follow
 * the line they are printed on.
 */
import type {
  ClippingKind,
  EditedClipping,
  ImportPreview,
  JumpRef,
  LineAssignment,
  LineRole,
  PreviewConfidence,
} from '@jianbao/contracts';
import { joinLines, joinParagraphs, stripJumpMarkers } from './line-text';

export type HeadingField = 'kicker' | 'title' | 'subtitle' | 'byline' | 'dateline';
export type TextField = HeadingField | 'body';
export const HEADING_FIELDS: readonly HeadingField[] = ['kicker', 'title', 'subtitle', 'byline', 'dateline'];

/** Roles a line can be given inside a clipping from the wizard's menu. */
export type TargetRole = Exclude<LineRole, 'unassigned' | 'jump'>;
export const TARGET_ROLES: readonly TargetRole[] = [
  'title',
  'kicker',
  'subtitle',
  'byline',
  'dateline',
  'body',
  'subhead',
  'caption',
];

export interface WizardClipping {
  /** Stable identity while the editor reshapes the page (list position changes on merge/split). */
  key: number;
  kind: ClippingKind;
  /** Optional one-line fields: `''` means none (sent as null). */
  kicker: string;
  title: string;
  subtitle: string;
  byline: string;
  dateline: string;
  body: string;
  subheads: string[];
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  /** Source lines this clipping is made of, sorted by line; a line may carry two roles (body + jump). */
  lines: LineAssignment[];
  /** How sure the parser was of it; null once the editor has worked on it or confirmed it. */
  confidence: PreviewConfidence | null;
}

export interface WizardState {
  /** The previewed page text split on `\n` (a trailing `\r` removed): line numbers index into it. */
  source: readonly string[];
  clippings: WizardClipping[];
  /** Non-blank lines in no clipping, sorted. */
  unassigned: number[];
  nextKey: number;
}

export type MoveTarget = { to: 'unassigned' } | { to: 'clipping'; key: number; role: TargetRole };

/** What the source pane shows for one line. */
export interface LineView {
  index: number;
  text: string;
  /** `null` for a blank line. */
  role: LineRole | null;
  clippingKey: number | null;
  /** 0-based position of that clipping in the list. */
  clippingIndex: number | null;
}

/**
 * When a line carries several roles, the most telling one colours it: a jump marker glued to body text
 * is flagged, but a paragraph opening with its dateline (`本报讯 …`) still reads as body.
 */
const ROLE_PRIORITY: readonly LineRole[] = [
  'title',
  'kicker',
  'subtitle',
  'subhead',
  'caption',
  'jump',
  'body',
  'byline',
  'dateline',
  'unassigned',
];

type RebuiltField = TextField | 'subheads';

function fieldOfRole(role: LineRole): RebuiltField | null {
  switch (role) {
    case 'kicker':
    case 'title':
    case 'subtitle':
    case 'byline':
    case 'dateline':
      return role;
    case 'body':
    case 'caption':
    case 'jump':
      return 'body';
    case 'subhead':
      return 'subheads';
    case 'unassigned':
      return null;
  }
}

export function splitSource(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

function sortLines(lines: LineAssignment[]): LineAssignment[] {
  return [...lines].sort(
    (a, b) => a.line - b.line || ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role),
  );
}

const uniqueSorted = (numbers: Iterable<number>): number[] => [...new Set(numbers)].sort((a, b) => a - b);

/** The wizard's starting point: the parser's proposal. Any non-blank line in no clipping lands in the bin. */
export function fromPreview(text: string, preview: ImportPreview): WizardState {
  const source = splitSource(text);
  const clippings = preview.clippings.map((c, i): WizardClipping => ({
    key: i + 1,
    kind: c.kind,
    kicker: c.kicker ?? '',
    title: c.title ?? '',
    subtitle: c.subtitle ?? '',
    byline: c.byline ?? '',
    dateline: c.dateline ?? '',
    body: c.body,
    subheads: [...c.subheads],
    continuesFrom: c.continuesFrom,
    continuesTo: c.continuesTo,
    lines: sortLines(c.lines.filter((l) => l.line >= 0 && l.line < source.length)),
    confidence: c.confidence,
  }));
  const owned = new Set(clippings.flatMap((c) => c.lines.map((l) => l.line)));
  const orphans = source.flatMap((line, i) => (line.trim() && !owned.has(i) ? [i] : []));
  const binned = preview.unassignedLines.map((l) => l.line).filter((i) => i >= 0 && i < source.length);
  return {
    source,
    clippings,
    unassigned: uniqueSorted([...binned.filter((i) => !owned.has(i)), ...orphans]),
    nextKey: clippings.length + 1,
  };
}

/** One entry per source line, for the colour-coded source pane. */
export function lineViews(state: WizardState): LineView[] {
  const owner = new Map<number, { key: number; index: number; role: LineRole }>();
  state.clippings.forEach((c, index) => {
    for (const { line, role } of c.lines) {
      const seen = owner.get(line);
      if (!seen || ROLE_PRIORITY.indexOf(role) < ROLE_PRIORITY.indexOf(seen.role))
        owner.set(line, { key: c.key, index, role });
    }
  });
  const binned = new Set(state.unassigned);
  return state.source.map((text, index) => {
    const o = owner.get(index);
    if (o) return { index, text, role: o.role, clippingKey: o.key, clippingIndex: o.index };
    return {
      index,
      text,
      role: binned.has(index) || text.trim() ? 'unassigned' : null,
      clippingKey: null,
      clippingIndex: null,
    };
  });
}

/** The clipping a line belongs to (the first one when the parser shared it), or null. */
export function clippingOfLine(state: WizardState, line: number): WizardClipping | null {
  return state.clippings.find((c) => c.lines.some((l) => l.line === line)) ?? null;
}

function rebuildField(source: readonly string[], c: WizardClipping, field: RebuiltField): WizardClipping {
  const withRole = (pred: (role: LineRole) => boolean) =>
    uniqueSorted(c.lines.filter((l) => pred(l.role)).map((l) => l.line));
  if (field === 'body') {
    const lines = withRole((r) => r === 'body' || r === 'caption' || r === 'jump');
    // a caption printed inside the text is a paragraph of its own, as the parser makes it
    const captions = new Set(c.lines.filter((l) => l.role === 'caption').map((l) => l.line));
    const runs: number[][] = [];
    lines.forEach((index, i) => {
      const prev = lines[i - 1];
      if (prev === undefined || captions.has(prev) !== captions.has(index)) runs.push([]);
      runs[runs.length - 1]?.push(index);
    });
    const body = runs
      .map((run) =>
        joinParagraphs(run.map((index) => ({ index, text: stripJumpMarkers(source[index] ?? '') }))),
      )
      .filter((text) => text.length > 0)
      .join('\n');
    return { ...c, body };
  }
  if (field === 'subheads') {
    const lines = withRole((r) => r === 'subhead');
    const groups: string[][] = [];
    lines.forEach((index, i) => {
      if (i === 0 || index !== (lines[i - 1] ?? -2) + 1) groups.push([]);
      groups[groups.length - 1]?.push(source[index] ?? '');
    });
    return { ...c, subheads: groups.map((g) => joinLines(g)).filter(Boolean) };
  }
  let text = joinLines(withRole((r) => r === field).map((index) => source[index] ?? ''));
  if (field === 'byline') text = text.replace(/^[■●▲◆□◇★☆\s]+/, '');
  return { ...c, [field]: text };
}

function rebuild(source: readonly string[], c: WizardClipping, roles: Iterable<LineRole>): WizardClipping {
  const fields = new Set([...roles].map(fieldOfRole).filter((f): f is RebuiltField => f !== null));
  let out = c;
  for (const field of fields) out = rebuildField(source, out, field);
  return out;
}

function rolesOf(c: WizardClipping): LineRole[] {
  return c.lines.map((l) => l.role);
}

function hasMarkerLine(source: readonly string[], c: WizardClipping, marker: string): boolean {
  return !!marker && c.lines.some((l) => (source[l.line] ?? '').includes(marker));
}

/**
 * After lines moved between `before` and `after` versions of some clippings, give each jump marker to
 * the clipping that now holds the line it is printed on (or drop it when that line left them all).
 * A marker printed on no line of its clipping (normalised away) stays where it was.
 */
function markersFollowLines(
  source: readonly string[],
  before: readonly WizardClipping[],
  after: WizardClipping[],
): WizardClipping[] {
  let out = after;
  for (const dir of ['continuesFrom', 'continuesTo'] as const) {
    for (const old of before) {
      const ref = old[dir];
      if (!ref || !hasMarkerLine(source, old, ref.marker)) continue;
      const holder = out.find((c) => hasMarkerLine(source, c, ref.marker));
      out = out.map((c) => {
        if (c === holder) return { ...c, [dir]: ref };
        if (c[dir]?.marker === ref.marker) return { ...c, [dir]: null };
        return c;
      });
    }
  }
  return out;
}

function withClippings(state: WizardState, clippings: WizardClipping[]): WizardState {
  return { ...state, clippings };
}

/**
 * Move one source line wholly to a role in a clipping, or to the unassigned bin. It leaves every
 * clipping (and the bin) it was in; the fields of the roles it left and joined are rebuilt from lines.
 * A clipping left without any line disappears.
 */
export function moveLine(state: WizardState, line: number, target: MoveTarget): WizardState {
  if (line < 0 || line >= state.source.length) return state;
  if (target.to === 'clipping' && !state.clippings.some((c) => c.key === target.key)) return state;
  const before = state.clippings.filter(
    (c) => c.lines.some((l) => l.line === line) || (target.to === 'clipping' && c.key === target.key),
  );
  let clippings = state.clippings.map((c) => {
    const lost = c.lines.filter((l) => l.line === line).map((l) => l.role);
    const gains = target.to === 'clipping' && target.key === c.key;
    if (!lost.length && !gains) return c;
    const kept = c.lines.filter((l) => l.line !== line);
    const lines = gains ? sortLines([...kept, { line, role: target.role }]) : kept;
    return rebuild(state.source, { ...c, lines, confidence: null }, gains ? [...lost, target.role] : lost);
  });
  clippings = markersFollowLines(state.source, before, clippings).filter(
    (c) => c.lines.length > 0 || !before.some((b) => b.key === c.key),
  );
  const unassigned = state.unassigned.filter((l) => l !== line);
  if (target.to === 'unassigned') unassigned.push(line);
  return { ...withClippings(state, clippings), unassigned: uniqueSorted(unassigned) };
}

/**
 * Split a clipping at one of its lines: that line and every later line of it become a new clipping
 * right after it (same kind). No-op when nothing would be left before the line.
 */
export function splitClipping(state: WizardState, key: number, atLine: number): WizardState {
  const at = state.clippings.findIndex((c) => c.key === key);
  const c = state.clippings[at];
  if (!c) return state;
  const head = c.lines.filter((l) => l.line < atLine);
  const tail = c.lines.filter((l) => l.line >= atLine);
  if (!head.length || !tail.length) return state;
  const first = rebuild(
    state.source,
    { ...c, lines: head, confidence: null },
    rolesOf({ ...c, lines: tail }),
  );
  const blank: WizardClipping = {
    key: state.nextKey,
    kind: c.kind,
    kicker: '',
    title: '',
    subtitle: '',
    byline: '',
    dateline: '',
    body: '',
    subheads: [],
    continuesFrom: null,
    continuesTo: null,
    lines: tail,
    confidence: null,
  };
  const second = rebuild(state.source, blank, [...HEADING_FIELDS, 'body', 'subhead']);
  const [a, b] = markersFollowLines(state.source, [c], [first, second]) as [WizardClipping, WizardClipping];
  const clippings = [...state.clippings];
  clippings.splice(at, 1, a, b);
  return { ...state, clippings, nextKey: state.nextKey + 1 };
}

function mergeTwo(a: WizardClipping, b: WizardClipping): WizardClipping {
  // The second part's headlines become subheads when the first already has them (a cut mid-article).
  const demoted = a.title ? ([b.kicker, b.title, b.subtitle].filter(Boolean) as string[]) : [];
  const lines = sortLines([
    ...a.lines,
    ...b.lines.map((l) =>
      a.title && (l.role === 'kicker' || l.role === 'title' || l.role === 'subtitle')
        ? { ...l, role: 'subhead' as const }
        : l,
    ),
  ]);
  const bylines = [a.byline, b.byline].filter((x, i, all) => x && all.indexOf(x) === i);
  return {
    ...a,
    kicker: a.title ? a.kicker : a.kicker || b.kicker,
    title: a.title || b.title,
    subtitle: a.title ? a.subtitle : a.subtitle || b.subtitle,
    byline: bylines.join(' '),
    dateline: a.dateline || b.dateline,
    body: [a.body, b.body].filter((x) => x.trim()).join('\n'),
    subheads: [...a.subheads, ...demoted, ...b.subheads],
    continuesFrom: a.continuesFrom ?? b.continuesFrom,
    continuesTo: b.continuesTo ?? a.continuesTo,
    confidence: null,
    lines: lines.filter((l, i) => i === 0 || l.line !== lines[i - 1]?.line || l.role !== lines[i - 1]?.role),
  };
}

/** Merge clippings into the first of them (in list order): bodies joined, headlines kept once. */
export function mergeClippings(state: WizardState, keys: readonly number[]): WizardState {
  const chosen = state.clippings.filter((c) => keys.includes(c.key));
  const [first, ...rest] = chosen;
  if (!first || !rest.length) return state;
  const merged = rest.reduce(mergeTwo, first);
  return withClippings(
    state,
    state.clippings.flatMap((c) => (c.key === first.key ? [merged] : keys.includes(c.key) ? [] : [c])),
  );
}

/** Merge a clipping with the one after it in the list. */
export function mergeWithNext(state: WizardState, key: number): WizardState {
  const at = state.clippings.findIndex((c) => c.key === key);
  const next = state.clippings[at + 1];
  return at < 0 || !next ? state : mergeClippings(state, [key, next.key]);
}

/** Drop a clipping; its non-blank lines go to the unassigned bin. */
export function removeClipping(state: WizardState, key: number): WizardState {
  const c = state.clippings.find((x) => x.key === key);
  if (!c) return state;
  const clippings = state.clippings.filter((x) => x.key !== key);
  const stillOwned = new Set(clippings.flatMap((x) => x.lines.map((l) => l.line)));
  const freed = c.lines.map((l) => l.line).filter((l) => !stillOwned.has(l) && state.source[l]?.trim());
  return { ...state, clippings, unassigned: uniqueSorted([...state.unassigned, ...freed]) };
}

/** A change the editor made to one clipping: it has been looked at, so it leaves the review queue. */
function update(state: WizardState, key: number, patch: Partial<WizardClipping>): WizardState {
  return withClippings(
    state,
    state.clippings.map((c) => (c.key === key ? { ...c, ...patch, confidence: null } : c)),
  );
}

/** The editor confirms a proposed clipping as it is. */
export function markChecked(state: WizardState, key: number): WizardState {
  return update(state, key, {});
}

/** Below this, a proposed boundary, title or byline is one the editor should look at. */
export const UNSURE_BELOW = 0.92;

export type UnsurePart = keyof PreviewConfidence;

/** The least sure part of a clipping the editor has not dealt with yet, or null when all are sure. */
export function leastSure(c: WizardClipping): { part: UnsurePart; value: number } | null {
  if (c.confidence === null) return null;
  const parts: UnsurePart[] = ['boundary', 'title', 'byline'];
  let worst: { part: UnsurePart; value: number } | null = null;
  for (const part of parts) {
    const value = c.confidence[part];
    if (value < UNSURE_BELOW && (worst === null || value < worst.value)) worst = { part, value };
  }
  return worst;
}

/** Keys of the clippings to review, least sure first (ties in page order). */
export function reviewQueue(state: WizardState): number[] {
  return state.clippings
    .map((c, i) => ({ c, i, unsure: leastSure(c) }))
    .filter((x) => x.unsure !== null)
    .sort((a, b) => (a.unsure?.value ?? 1) - (b.unsure?.value ?? 1) || a.i - b.i)
    .map((x) => x.c.key);
}

export function setKind(state: WizardState, key: number, kind: ClippingKind): WizardState {
  return update(state, key, { kind });
}

export function setField(state: WizardState, key: number, field: TextField, value: string): WizardState {
  return update(state, key, { [field]: value });
}

/** Subheads from a textarea with one per line (blank lines dropped). */
export function setSubheads(state: WizardState, key: number, text: string): WizardState {
  return update(state, key, {
    subheads: text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  });
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** A clipping with neither body nor title is not sent when the page is filed. */
const isFiled = (c: WizardClipping): boolean => !!(c.body.trim() || c.title.trim());

/** The keys of the clippings filing sends, in the request's order (`clippings.N` of a refusal is the N-th). */
export function filedKeys(state: WizardState): number[] {
  return state.clippings.filter(isFiled).map((c) => c.key);
}

/** What `POST /api/imports` files: the edited clippings, blanks as null, empty clippings left out. */
export function toEditedClippings(state: WizardState): EditedClipping[] {
  return state.clippings.filter(isFiled).map((c) => ({
    kind: c.kind,
    kicker: orNull(c.kicker),
    title: orNull(c.title),
    subtitle: orNull(c.subtitle),
    byline: orNull(c.byline),
    dateline: orNull(c.dateline),
    body: c.body.trim(),
    subheads: c.subheads.filter((s) => s.trim()),
    continuesFrom: c.continuesFrom,
    continuesTo: c.continuesTo,
  }));
}

/** The clipping a bin line most likely belongs to: the one owning the nearest line above it, else the first. */
export function nearestClipping(state: WizardState, line: number): number | null {
  let best: { key: number; line: number } | null = null;
  for (const c of state.clippings) {
    for (const l of c.lines) {
      if (l.line < line && (!best || l.line > best.line)) best = { key: c.key, line: l.line };
    }
  }
  return best?.key ?? state.clippings[0]?.key ?? null;
}
