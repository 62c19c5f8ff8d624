import type { ClippingSnapshot } from '@jianbao/contracts';
import { diffSnapshots } from '../clippings/revisions/clipping-snapshot';
import { clippingWork, hasWork, type WorkRevision } from './clipping-work';

const filed: ClippingSnapshot = {
  publicationId: 1,
  issueDate: '2024-10-22',
  pageLabel: '2',
  kind: 'article',
  kicker: null,
  title: '梁山县召开秋粮收购工作会议',
  subtitle: null,
  byline: null,
  dateline: null,
  body: '本报讯 梁山县日前召开秋粮收购工作会议。',
  subheads: [],
  status: 'draft',
  continuesFrom: null,
  continuesTo: null,
  previousPartId: null,
  nextPartId: null,
  tags: [{ id: 3, name: '农业', source: 'rule' }],
  regions: [{ code: '370832', name: '梁山县', source: 'rule' }],
};

/** A history: filed, then each step applied by `action` at minute `i`. */
function history(steps: { action: string; actor?: string | null; to: Partial<ClippingSnapshot> }[]): {
  revisions: WorkRevision[];
  now: ClippingSnapshot;
} {
  const revisions: WorkRevision[] = [
    { action: 'created', actorName: '录入员', at: '2024-10-22T01:00:00.000Z', changes: [], snapshot: filed },
  ];
  let now = filed;
  steps.forEach((s, i) => {
    const next = { ...now, ...s.to };
    revisions.push({
      action: s.action,
      actorName: s.actor === undefined ? '编辑甲' : s.actor,
      at: `2024-10-22T02:0${i}:00.000Z`,
      changes: diffSnapshots(now, next),
      snapshot: next,
    });
    now = next;
  });
  return { revisions, now };
}

describe('clippingWork', () => {
  it('finds no work on a clipping only filed', () => {
    const { revisions, now } = history([]);
    const work = clippingWork(1, revisions, now, []);
    expect(hasWork(work)).toBe(false);
    expect(work.editors).toEqual([]);
  });

  it('lists fields edited, the status set, and tags and regions changed by hand, with who and when', () => {
    const { revisions, now } = history([
      { action: 'edited', to: { title: '梁山部署秋粮收购' } },
      {
        action: 'edited',
        actor: '编辑乙',
        to: {
          status: 'reviewed',
          tags: [...filed.tags, { id: 9, name: '粮食安全', source: 'manual' }],
          regions: [{ code: '370800', name: '济宁市', source: 'manual' }],
        },
      },
    ]);
    const work = clippingWork(1, revisions, now, []);
    expect(work.fields).toEqual(['title']);
    expect(work.status).toBe('reviewed');
    expect(work.tagsAdded).toEqual([{ id: 9, name: '粮食安全' }]);
    expect(work.tagsRemoved).toEqual([]);
    expect(work.regionsAdded).toEqual([{ code: '370800', name: '济宁市' }]);
    expect(work.regionsRemoved).toEqual([{ code: '370832', name: '梁山县' }]);
    expect(work.editors).toEqual(['编辑甲', '编辑乙']);
    expect(work.changedAt).toBe('2024-10-22T02:01:00.000Z');
  });

  it('does not count an edit undone, rule tags added later, or a tag merge', () => {
    const { revisions, now } = history([
      { action: 'edited', to: { title: '改了' } },
      { action: 'edited', to: { title: filed.title } },
      { action: 'rule', actor: null, to: { tags: [...filed.tags, { id: 5, name: '三农', source: 'rule' }] } },
      {
        action: 'tags',
        actor: '管理员',
        to: {
          tags: [
            { id: 5, name: '三农', source: 'rule' },
            { id: 6, name: '并入', source: 'manual' },
          ],
        },
      },
    ]);
    const work = clippingWork(1, revisions, now, []);
    expect(hasWork(work)).toBe(false);
  });

  it('counts a rule tag removed by hand as removed', () => {
    const { revisions, now } = history([{ action: 'edited', to: { tags: [] } }]);
    expect(clippingWork(1, revisions, now, []).tagsRemoved).toEqual([{ id: 3, name: '农业' }]);
  });

  it('lists links made and cut by hand, not the automatic ones', () => {
    const { revisions, now } = history([]);
    const work = clippingWork(1, revisions, now, [
      { headId: 1, tailId: 7, status: 'linked', source: 'manual' },
      { headId: 4, tailId: 1, status: 'rejected', source: 'manual' },
      { headId: 1, tailId: 8, status: 'linked', source: 'rule' },
      { headId: 1, tailId: 9, status: 'proposed', source: 'rule' },
    ]);
    expect(work.links).toEqual([
      { state: 'linked', side: 'next', otherId: 7 },
      { state: 'rejected', side: 'previous', otherId: 4 },
    ]);
    expect(hasWork(work)).toBe(true);
  });
});
