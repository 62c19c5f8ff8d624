import { bucketsOf, tallyDelta, type TallyState } from './tally-buckets';

const base: TallyState = {
  issueDate: '2024-10-22',
  publicationId: 3,
  status: 'reviewed',
  waitingForHead: false,
  waitingForTail: false,
  regionIds: [],
  topicIds: [],
  tagged: false,
};

describe('tally buckets', () => {
  it('counts a clipping in its day, publication, queues, every region above its regions and its topics, once each', () => {
    expect(bucketsOf(base)).toEqual(['all', 'day:2024-10-22', 'noRegion', 'noTag', 'pub:3']);
    expect(
      bucketsOf({
        ...base,
        status: 'draft',
        waitingForHead: true,
        waitingForTail: true,
        // 西湖区 and 杭州市 both lead up to 浙江省: the province counts the clipping once.
        regionIds: [330106, 330100, 330000, 330100, 330000],
        topicIds: [1, 1],
        tagged: true,
      }),
    ).toEqual([
      'all',
      'day:2024-10-22',
      'draft',
      'pub:3',
      'region:330000',
      'region:330100',
      'region:330106',
      'topic:1',
      'waitFrom',
      'waitTo',
    ]);
    // A tag whose tree leads to no top-level tag still takes the clipping out of "without topic".
    expect(bucketsOf({ ...base, tagged: true })).not.toContain('noTag');
  });

  it('moves only the buckets that changed; a new clipping adds, a gone one takes away', () => {
    const before = new Map([
      [1, ['all', 'day:2024-10-22', 'draft']],
      [2, ['all', 'day:2024-10-22']],
    ]);
    const after = new Map([
      [1, ['all', 'day:2024-10-23']],
      [3, ['all', 'day:2024-10-23']],
    ]);
    expect(Object.fromEntries(tallyDelta(before, after))).toEqual({
      'day:2024-10-22': -2,
      'day:2024-10-23': 2,
      draft: -1,
    });
    expect(tallyDelta(after, after).size).toBe(0);
  });
});
