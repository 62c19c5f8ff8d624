import type { Params } from '@angular/router';
import type { DashboardBucket, WorkQueues } from '@jianbao/contracts';
import {
  type ClippingFilters,
  DEFAULT_LIST_PARAMS,
  stateToQueryParams,
  withFilters,
} from '../clippings/clipping-list-state';
import type { MessageKey } from '../shared/i18n/messages';

/** The dashboard's charts: each bar opens the clipping list filtered to what it counts. */
export type DashboardChart = 'perDay' | 'perWeek' | 'perPublication' | 'perRegion' | 'perTopic';

/** Where a link goes: a router path and its query string. */
export interface DeskLink {
  path: string;
  queryParams: Params;
}

/** The Sunday ending the week that starts on `monday`. */
export function weekEnd(monday: string): string {
  const ms = Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The list filters a bar stands for (through the list's own URL state, so the list reads them back). */
export function barFilters(chart: DashboardChart, bucket: DashboardBucket): Partial<ClippingFilters> {
  switch (chart) {
    case 'perDay':
      return { from: bucket.key, to: bucket.key };
    case 'perWeek':
      return { from: bucket.key, to: weekEnd(bucket.key) };
    case 'perPublication':
      return { publicationId: Number(bucket.key) };
    case 'perRegion':
      return { regionId: Number(bucket.key) };
    case 'perTopic':
      return { tagId: Number(bucket.key) };
  }
}

/** The clipping list of one bar. */
export function barLink(chart: DashboardChart, bucket: DashboardBucket): DeskLink {
  return listLink(barFilters(chart, bucket));
}

function listLink(filters: Partial<ClippingFilters>): DeskLink {
  return { path: '/clippings', queryParams: stateToQueryParams(withFilters(DEFAULT_LIST_PARAMS, filters)) };
}

/** A work queue: its label, its count in the queues, and the page that works it (null: none yet). */
export interface WorkQueue {
  key: Exclude<keyof WorkQueues, 'firstProposedClippingId'>;
  label: MessageKey;
  link: (queues: WorkQueues) => DeskLink | null;
}

/** The work queues in the order the dashboard and the navigation show them. */
export const WORK_QUEUES: readonly WorkQueue[] = [
  { key: 'drafts', label: 'queue.drafts', link: () => listLink({ status: 'draft' }) },
  { key: 'withoutRegion', label: 'queue.withoutRegion', link: () => listLink({ missing: 'region' }) },
  { key: 'withoutTopic', label: 'queue.withoutTopic', link: () => listLink({ missing: 'tag' }) },
  {
    key: 'waitingParts',
    label: 'queue.waitingParts',
    link: () => ({ path: '/continuations/waiting', queryParams: {} }),
  },
  {
    key: 'proposedLinks',
    label: 'queue.proposedLinks',
    link: (q) =>
      q.firstProposedClippingId === null
        ? null
        : { path: `/clippings/${q.firstProposedClippingId}`, queryParams: {} },
  },
  { key: 'sameStory', label: 'queue.sameStory', link: () => ({ path: '/stories', queryParams: {} }) },
  {
    key: 'unassignedImports',
    label: 'queue.unassignedImports',
    link: () => ({ path: '/dashboard/unassigned', queryParams: {} }),
  },
];
