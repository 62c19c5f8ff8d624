import type { IssueMap, IssueMapClipping, IssueMapPage } from '@jianbao/contracts';
import type { Params } from '@angular/router';

/** A page label as a reader says it: `3` → 第3版 (through the `issue.page` message), else as printed. */
export function isPlainPageNumber(label: string): boolean {
  return /^[A-Z]{0,2}\d+[A-Z]?$/.test(label);
}

/** The import wizard's query params for a page not filed yet: publication, date and page prefilled. */
export function wizardParams(map: Pick<IssueMap, 'publicationId' | 'issueDate'>, page: IssueMapPage): Params {
  return { publicationId: map.publicationId, issueDate: map.issueDate, pageLabel: page.label };
}

/** Counts for the summary line: pages filed and not, parts still waiting. */
export function issueSummary(map: IssueMap): { filed: number; missing: number; waiting: number } {
  const clippings: IssueMapClipping[] = map.pages.flatMap((p) => p.clippings);
  return {
    filed: map.pages.filter((p) => p.filed).length,
    missing: map.pages.filter((p) => !p.filed).length,
    waiting: clippings.filter((c) => c.waitingFor.length > 0).length,
  };
}

/** `YYYY-MM-DD` or null. */
export function isoDateOrNull(value: string | undefined): string | null {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** A positive integer id or null. */
export function idOrNull(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}
