import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDir } from './evaluate';

// Two papers print the same date; each has a continued article whose halves the reference pairs
// by `sameStoryAs` (their refs share no prefix).
const HEAD = [
  '江城大道改造完工',
  '本报讯（记者 张明）昨天，江城大道改造工程全线完工，',
  '沿线十二个路口的信号灯同时更新，',
  '市民出行将更加便捷。据介绍，工程历时',
  '八个月，（下转第三版）',
].join('\n');
const TAIL = ['（上接第一版）新铺的沥青路面降噪明显，', '沿线居民普遍反映夜间更安静了。'].join('\n');
const OTHER_TAIL = ['（上接第一版）河口村的新路连着三个组，', '村民们出门再也不用绕远了。'].join('\n');

describe('evaluateDir: continuation links', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-links-'));
    writeFileSync(join(dir, 'a1.txt'), HEAD);
    writeFileSync(join(dir, 'a3.txt'), TAIL);
    writeFileSync(join(dir, 'b3.txt'), OTHER_TAIL);
    const clip = (ref: string, starts: string, ends: string, extra: object) => ({
      ref,
      titles: [null],
      bodyStarts: starts,
      bodyEnds: ends,
      regions: [],
      ...extra,
    });
    const gold = {
      pages: [
        {
          file: 'a1.txt',
          publication: '江城日报',
          issueDate: '2024-05-01',
          page: '1',
          clippings: [
            {
              ...clip('jc-road', '昨天，江城大道改造工程', '工程历时八个月，', {
                continuesTo: { page: '3', label: null },
                sameStoryAs: ['jc3-tail-road'],
              }),
              titles: ['江城大道改造完工'],
            },
          ],
        },
        {
          file: 'a3.txt',
          publication: '江城日报',
          issueDate: '2024-05-01',
          page: '3',
          clippings: [
            clip('jc3-tail-road', '新铺的沥青路面', '夜间更安静了。', {
              continuesFrom: { page: '1', label: null },
              sameStoryAs: ['jc-road'],
            }),
          ],
        },
        {
          file: 'b3.txt',
          publication: '河口晚报',
          issueDate: '2024-05-01',
          page: '3',
          clippings: [
            clip('hk3-tail', '河口村的新路', '不用绕远了。', { continuesFrom: { page: '1', label: null } }),
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pairs a head and a tail the reference says are one story, and links no page of another paper', () => {
    const r = evaluateDir(dir);
    expect(r.links.pairs).toBe(1);
    expect(r.links).toMatchObject({ made: 1, right: 1, misses: [] });
  });
});
