import { storyEntry } from './stories.service';

describe('storyEntry', () => {
  it('stores 64 LSH band keys for a long enough body', () => {
    const body =
      '中共中央国务院关于深化产业工人队伍建设改革的意见，产业工人是工人阶级的主体力量，是创造社会财富的中坚力量。';
    const entry = storyEntry(3, 2, body);
    expect(entry).toMatchObject({ clippingId: 3, clippingVersion: 2 });
    expect(entry.shingleCount).toBeGreaterThanOrEqual(20);
    expect(entry.bandKeys).toHaveLength(64);
  });

  it('stores no band keys for a body too short to compare', () => {
    const entry = storyEntry(1, 1, '图为秋收现场。');
    expect(entry.bandKeys).toHaveLength(0);
  });
});
