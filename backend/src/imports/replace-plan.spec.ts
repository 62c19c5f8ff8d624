import { decideReplace, type PlanClipping } from './replace-plan';

const earlier = (id: number, body: string, worked: boolean, title: string | null = null): PlanClipping => ({
  id,
  bodies: [body],
  titles: [title],
  worked,
});
const draft = (body: string, title: string | null = null) => ({ bodies: [body], titles: [title] });

describe('decideReplace', () => {
  const old = [earlier(11, '甲', false), earlier(12, '乙', true), earlier(13, '丙', true)];
  const drafts = [draft('乙'), draft('甲'), draft('丁')];

  it('carries work onto the matching new clipping and keeps a worked clipping nothing matches', () => {
    const d = decideReplace(old, drafts, 'carry-over');
    expect(d.carry).toEqual([{ fromId: 12, index: 0 }]);
    expect(d.trash).toEqual([11, 12]);
    expect(d.kept).toEqual([{ clippingId: 13, reason: 'no-match' }]);
    expect([...d.skip]).toEqual([]);
  });

  it('keeps every worked clipping and does not file the new ones they match', () => {
    const d = decideReplace(old, drafts, 'keep');
    expect(d.carry).toEqual([]);
    expect(d.trash).toEqual([11]);
    expect(d.kept).toEqual([
      { clippingId: 12, reason: 'keep' },
      { clippingId: 13, reason: 'keep' },
    ]);
    expect([...d.skip]).toEqual([0]);
  });

  it('reports every match by earlier clipping id', () => {
    const d = decideReplace(old, drafts, 'carry-over');
    expect(d.matches.get(11)).toEqual({ index: 1, by: 'body' });
    expect(d.matches.get(12)).toEqual({ index: 0, by: 'body' });
    expect(d.matches.has(13)).toBe(false);
  });
});
