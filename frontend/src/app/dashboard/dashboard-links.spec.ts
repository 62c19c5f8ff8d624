import type { WorkQueues } from '@jianbao/contracts';
import { queryParamsToState } from '../clippings/clipping-list-state';
import { barLink, WORK_QUEUES, weekEnd } from './dashboard-links';

const QUEUES: WorkQueues = {
  drafts: 3,
  withoutRegion: 1,
  withoutTopic: 2,
  waitingParts: 4,
  proposedLinks: 1,
  firstProposedClippingId: 17,
  sameStory: 2,
  unassignedImports: 5,
};

describe('dashboard links', () => {
  it('ends a week on its Sunday, across months', () => {
    expect(weekEnd('2024-10-21')).toBe('2024-10-27');
    expect(weekEnd('2024-12-30')).toBe('2025-01-05');
  });

  it('opens the list with the filter a bar stands for, read back by the list state', () => {
    const day = barLink('perDay', { key: '2024-10-22', label: '2024-10-22', count: 2 });
    expect(day).toEqual({ path: '/clippings', queryParams: { from: '2024-10-22', to: '2024-10-22' } });
    const week = barLink('perWeek', { key: '2024-10-21', label: '2024-10-21', count: 5 });
    expect(queryParamsToState(week.queryParams)).toMatchObject({
      from: '2024-10-21',
      to: '2024-10-27',
      page: 1,
    });
    expect(barLink('perPublication', { key: '7', label: '济宁日报', count: 1 }).queryParams).toEqual({
      publicationId: '7',
    });
    expect(
      queryParamsToState(barLink('perRegion', { key: '12', label: '济宁市', count: 1 }).queryParams).regionId,
    ).toBe(12);
    expect(
      queryParamsToState(barLink('perTopic', { key: '5', label: '民生', count: 1 }).queryParams).tagId,
    ).toBe(5);
  });

  it('opens each queue on the page that works it', () => {
    const links = Object.fromEntries(WORK_QUEUES.map((q) => [q.key, q.link(QUEUES)]));
    expect(links['drafts']).toEqual({ path: '/clippings', queryParams: { status: 'draft' } });
    expect(links['withoutRegion']?.queryParams).toEqual({ missing: 'region' });
    expect(links['withoutTopic']?.queryParams).toEqual({ missing: 'tag' });
    expect(links['waitingParts']?.path).toBe('/continuations/waiting');
    expect(links['proposedLinks']?.path).toBe('/clippings/17');
    expect(links['sameStory']).toEqual({ path: '/stories', queryParams: {} });
    expect(links['unassignedImports']).toEqual({ path: '/dashboard/unassigned', queryParams: {} });
    expect(
      WORK_QUEUES.find((q) => q.key === 'proposedLinks')?.link({ ...QUEUES, firstProposedClippingId: null }),
    ).toBeNull();
  });
});
