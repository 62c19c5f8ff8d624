import {
  type IssueMapClipping,
  type IssueMapPage,
  type JumpRef,
  jumpTargetPage,
  normalizePageLabel,
  pageSortKey,
} from '@jianbao/contracts';

/** One clipping of the issue as the reader gives it (pure input: no framework types). */
export type IssuePageInput = Omit<IssueMapClipping, 'waitingFor'> & { pageLabel: string };

/** Beyond this page number an edition's gaps are not listed (a mistyped label must not invent 900 pages). */
export const MAX_GAP_PAGE = 64;

/** What a clipping still waits for, by the waiting list's rule. */
export function waitingFor(c: {
  continuesFrom: JumpRef | null;
  continuesTo: JumpRef | null;
  previousPartId: number | null;
  nextPartId: number | null;
}): ('head' | 'tail')[] {
  const out: ('head' | 'tail')[] = [];
  if (c.continuesFrom !== null && c.previousPartId === null) out.push('head');
  if (c.continuesTo !== null && c.nextPartId === null) out.push('tail');
  return out;
}

/**
 * The pages of one issue in print order (`pageSortKey`): each filed page with its clippings, each page
 * a jump marker points at, and each gap — a page number missing between 1 and the last filed page of
 * the same edition (`A1`…`A5`; pages with a trailing letter, `3A`, make no gaps). Pure.
 */
export function issuePages(clippings: readonly IssuePageInput[]): IssueMapPage[] {
  const pages = new Map<string, IssueMapPage>();
  const page = (label: string, filed: boolean): IssueMapPage => {
    const key = pageSortKey(label);
    let p = pages.get(key);
    if (!p) {
      p = { label, sortKey: key, filed, clippings: [], referencedBy: [], gap: false };
      pages.set(key, p);
    } else if (filed && !p.filed) {
      // A page first met as a marker's target turns out filed: show it as filed.
      Object.assign(p, { label, filed: true });
    }
    return p;
  };
  for (const c of clippings) {
    const { pageLabel, ...rest } = c;
    page(pageLabel, true).clippings.push({ ...rest, waitingFor: waitingFor(c) });
  }
  for (const c of clippings) {
    for (const ref of [c.continuesFrom, c.continuesTo]) {
      if (ref === null) continue;
      const target = page(normalizePageLabel(jumpTargetPage(ref)) ?? jumpTargetPage(ref), false);
      if (!target.referencedBy.includes(c.id)) target.referencedBy.push(c.id);
    }
  }
  const lastOfEdition = new Map<string, number>();
  for (const p of pages.values()) {
    if (!p.filed) continue;
    const m = /^([A-Z]{0,2})(\d+)$/.exec(normalizePageLabel(p.label) ?? '');
    if (!m) continue;
    const [edition, n] = [m[1] ?? '', Number(m[2])];
    if (n <= MAX_GAP_PAGE) lastOfEdition.set(edition, Math.max(lastOfEdition.get(edition) ?? 0, n));
  }
  for (const [edition, last] of lastOfEdition) {
    for (let n = 1; n < last; n++) {
      const p = page(`${edition}${n}`, false);
      if (!p.filed) p.gap = true;
    }
  }
  return [...pages.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
