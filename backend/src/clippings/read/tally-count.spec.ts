import type { ClippingFilter } from '../clipping-filter';
import { tallyCountFor } from './tally-count';

const col = (column: string, op: '=' | '>=' | '<=', value: unknown): ClippingFilter[number] => ({
  kind: 'column',
  column,
  op,
  value,
});

describe('tallyCountFor', () => {
  it('answers no filter, a publication, the drafts and the clippings without region or tag by one bucket', () => {
    expect(tallyCountFor([])).toEqual({ bucket: 'all' });
    expect(tallyCountFor([col('c.publication_id', '=', 7)])).toEqual({ bucket: 'pub:7' });
    expect(tallyCountFor([col('c.publication_id', '=', '7')])).toEqual({ bucket: 'pub:7' });
    expect(tallyCountFor([col('c.status', '=', 'draft')])).toEqual({ bucket: 'draft' });
    expect(tallyCountFor([{ kind: 'without', table: 'clipping_region' }])).toEqual({ bucket: 'noRegion' });
    expect(tallyCountFor([{ kind: 'without', table: 'clipping_tag' }])).toEqual({ bucket: 'noTag' });
  });

  it('answers an issue-date range by its day buckets, open ends included', () => {
    expect(
      tallyCountFor([col('c.issue_date', '>=', '2024-10-01'), col('c.issue_date', '<=', '2024-10-31')]),
    ).toEqual({
      from: 'day:2024-10-01',
      to: 'day:2024-10-31',
    });
    const from = tallyCountFor([col('c.issue_date', '>=', '2024-10-01')]);
    const to = tallyCountFor([col('c.issue_date', '<=', '2024-10-31')]);
    expect(from).toEqual({ from: 'day:2024-10-01', to: 'day;' });
    expect(to).toEqual({ from: 'day:', to: 'day:2024-10-31' });
    // The open ends hold every day bucket and no other: `day;` sorts after every `day:…`, before `draft`.
    const days = ['day:1900-01-01', 'day:2099-12-31'];
    for (const d of days) expect(d > 'day:' && d < 'day;').toBe(true);
    for (const other of ['all', 'draft', 'noRegion', 'noTag', 'pub:1', 'region:1', 'topic:1', 'waitFrom'])
      expect(other >= 'day:' && other <= 'day;').toBe(false);
  });

  it('leaves everything else to the rows: combinations, kinds, pages, statuses other than draft, subtrees, full text', () => {
    expect(
      tallyCountFor([col('c.publication_id', '=', 7), col('c.issue_date', '>=', '2024-10-01')]),
    ).toBeNull();
    expect(tallyCountFor([col('c.kind', '=', 'brief')])).toBeNull();
    expect(tallyCountFor([col('c.page_sort', '=', 2)])).toBeNull();
    expect(tallyCountFor([col('c.status', '=', 'published')])).toBeNull();
    expect(tallyCountFor([col('c.publication_id', '=', 'x')])).toBeNull();
    // A tag below the top level has no bucket of its own; a link with one is counted only alone.
    expect(
      tallyCountFor([{ kind: 'link', table: 'clipping_tag', column: 'tag_id', ids: [1, 2] }]),
    ).toBeNull();
    expect(
      tallyCountFor([
        { kind: 'link', table: 'clipping_region', column: 'region_id', ids: [1, 2], bucket: 'region:1' },
        col('c.kind', '=', 'brief'),
      ]),
    ).toBeNull();
    expect(tallyCountFor([{ kind: 'fullText', q: '梁山' }])).toBeNull();
    expect(tallyCountFor([col('c.issue_date', '=', '2024-10-01')])).toBeNull();
  });

  it('counts a region or a topic with everything below it by its bucket', () => {
    expect(
      tallyCountFor([
        { kind: 'link', table: 'clipping_region', column: 'region_id', ids: [5, 6, 7], bucket: 'region:5' },
      ]),
    ).toEqual({ bucket: 'region:5' });
    expect(
      tallyCountFor([
        { kind: 'link', table: 'clipping_tag', column: 'tag_id', ids: [3, 9], bucket: 'topic:3' },
      ]),
    ).toEqual({ bucket: 'topic:3' });
  });
});
