import fc from 'fast-check';
import { ANKANG, NINGSHAN, YUTAI, head, jump, part, tail } from './fixtures.testing';
import { matchContinuations } from './match-continuations';
import type { ContinuationDecision, PartSummary } from './types';

const links = (d: ContinuationDecision[]) =>
  d
    .filter((x) => x.decision === 'link')
    .map((x) => `${x.headId}→${x.tailId}`)
    .sort();
const best = (d: ContinuationDecision[], tailId: string) =>
  d.find((x) => x.tailId === tailId && x.rank === 1);

describe('matchContinuations: markers', () => {
  it('links a single head and tail whose markers agree', () => {
    const d = matchContinuations([head('h', YUTAI.head)], [tail('t', YUTAI.tail)]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ headId: 'h', tailId: 't', decision: 'link', rank: 1, markers: 'agree' });
    expect(d[0]!.score).toBeGreaterThan(0.75);
    expect(d[0]!.reasons).toContain('page 1→2 markers agree');
  });

  it('never links or proposes across pages the markers do not name', () => {
    const h = head('h', YUTAI.head, { continuesTo: jump('3', null, '（下转第三版）') });
    const t = tail('t', YUTAI.tail);
    expect(matchContinuations([h], [t])).toEqual([]);
    // the tail says it comes from page 4, the head is on page 1
    const t4 = tail('t4', YUTAI.tail, { continuesFrom: jump('4', null, '（上接第四版）') });
    expect(matchContinuations([head('h', YUTAI.head)], [t4])).toEqual([]);
    // even a headless tail on the wrong page is not proposed
    const noMarker = head('h0', YUTAI.head, { continuesTo: null, pageLabel: '3' });
    expect(matchContinuations([noMarker], [tail('t', YUTAI.tail)])).toEqual([]);
  });

  it('never pairs parts of different publications or issue dates', () => {
    const t = tail('t', YUTAI.tail);
    expect(matchContinuations([head('h', YUTAI.head, { publicationId: 2 })], [t])).toEqual([]);
    expect(matchContinuations([head('h', YUTAI.head, { issueDate: '2024-10-23' })], [t])).toEqual([]);
  });

  it('uses labels: 1版A, 1版B, 1版C are different articles', () => {
    const heads = [
      head('hA', YUTAI.head, { continuesTo: jump('2', 'A', '（下转2版A）') }),
      head('hB', ANKANG.head, { continuesTo: jump('2', 'B', '（下转2版B）') }),
    ];
    // tails filed in the other order, labels only
    const tails = [
      tail('tB', YUTAI.tail, { continuesFrom: jump('1', 'B', '（上接1版B）') }),
      tail('tA', ANKANG.tail, { continuesFrom: jump('1', 'A', '（上接1版A）') }),
    ];
    const d = matchContinuations(heads, tails);
    // the letters overrule the (swapped) content: A goes with A although the texts do not fit
    expect(d.map((x) => `${x.headId}→${x.tailId}`).sort()).toEqual(['hA→tA', 'hB→tB']);
    expect(d.every((x) => x.reasons.some((r) => r.startsWith('label ')))).toBe(true);
  });

  it('a letter on one side only does not conflict', () => {
    const d = matchContinuations(
      [head('h', YUTAI.head)],
      [tail('t', YUTAI.tail, { continuesFrom: jump('1', 'A', '（上接1版A）') })],
    );
    expect(links(d)).toEqual(['h→t']);
  });

  it('accepts edition-lettered pages (下转2版 printed on A1 means A2)', () => {
    const h = head('h', YUTAI.head, { pageLabel: 'A1', continuesTo: jump('2', null, '（下转2版）') });
    const t = tail('t', YUTAI.tail, { pageLabel: 'A2', continuesFrom: jump('A1', null, '（上接A1版）') });
    expect(links(matchContinuations([h], [t]))).toEqual(['h→t']);
    const other = tail('t', YUTAI.tail, { pageLabel: 'B2', continuesFrom: jump('1', null, '（上接1版）') });
    expect(matchContinuations([h], [other])).toEqual([]);
  });

  it('only proposes when one side lacks its marker', () => {
    const d1 = matchContinuations([head('h', YUTAI.head, { continuesTo: null })], [tail('t', YUTAI.tail)]);
    expect(d1).toHaveLength(1);
    expect(d1[0]).toMatchObject({ decision: 'propose', markers: 'one-sided' });
    const d2 = matchContinuations([head('h', YUTAI.head)], [tail('t', YUTAI.tail, { continuesFrom: null })]);
    expect(d2[0]).toMatchObject({ decision: 'propose', markers: 'one-sided' });
    expect(d2[0]!.reasons.join(' ')).toContain('marker');
    // no marker on either side: not a continuation candidate at all
    expect(
      matchContinuations(
        [head('h', YUTAI.head, { continuesTo: null })],
        [tail('t', YUTAI.tail, { continuesFrom: null })],
      ),
    ).toEqual([]);
  });
});

describe('matchContinuations: a head without a marker beside one whose marker agrees', () => {
  it("does not hold back the link: the story's photo caption shares its words but printed no 下转", () => {
    // the caption repeats the tail's names (more shared words than the head itself)
    const caption = head('h-caption', '宁陕县人大常委会主任刘爱军（右）和人大代表在镇里会商清单事项。', {
      continuesTo: null,
    });
    const d = matchContinuations(
      [head('h-ningshan', NINGSHAN.head, { title: NINGSHAN.title }), caption],
      [tail('t-ningshan', NINGSHAN.tail)],
    );
    expect(links(d)).toEqual(['h-ningshan→t-ningshan']);
    const alt = d.find((x) => x.headId === 'h-caption')!;
    expect(alt).toMatchObject({ decision: 'propose', markers: 'one-sided' });
    expect(alt.reasons).toContain('a head whose marker agrees is on that page');
  });
});

describe('matchContinuations: evidence', () => {
  const twoByTwo = (): { heads: PartSummary[]; tails: PartSummary[] } => ({
    heads: [
      head('h-yutai', YUTAI.head, { title: YUTAI.title }),
      head('h-ankang', ANKANG.head, { title: ANKANG.title }),
    ],
    tails: [tail('t-ankang', ANKANG.tail), tail('t-yutai', YUTAI.tail)],
  });

  it('resolves two heads and two tails with identical markers by content', () => {
    const { heads, tails } = twoByTwo();
    const d = matchContinuations(heads, tails);
    expect(best(d, 't-yutai')!.headId).toBe('h-yutai');
    expect(best(d, 't-ankang')!.headId).toBe('h-ankang');
    expect(links(d)).toEqual(['h-ankang→t-ankang', 'h-yutai→t-yutai']);
    const yutai = best(d, 't-yutai')!;
    expect(yutai.reasons.join(' ')).toMatch(/shared names: .*鱼台/);
    expect(yutai.reasons).toContain('head ends mid-sentence');
    // the other pairings are listed as lower-ranked alternatives, never links
    const alt = d.find((x) => x.tailId === 't-yutai' && x.headId === 'h-ankang')!;
    expect(alt).toMatchObject({ decision: 'propose', rank: 2 });
    expect(alt.score).toBeLessThan(yutai.score);
  });

  it('uses a repeated headline above the tail', () => {
    const heads = [
      head('h1', '本报讯近日，我市召开会议，部署下一阶段重点工作。会议要求，各部门要', {
        title: '向“新”而进 聚力前行',
      }),
      head('h2', '本报讯近日，我市召开会议，部署下一阶段重点工作。会议强调，各单位要', {
        title: '凝心聚力谋发展',
      }),
    ];
    const tails = [
      tail('t1', '紧盯目标任务，狠抓工作落实。', { title: '向“新”而进聚力前行' }),
      tail('t2', '紧盯目标任务，狠抓工作落实。'),
    ];
    const d = matchContinuations(heads, tails);
    expect(best(d, 't1')).toMatchObject({ headId: 'h1' });
    expect(best(d, 't1')!.reasons.some((r) => r.startsWith('标题重复'))).toBe(true);
    expect(best(d, 't2')!.headId).toBe('h2');
  });

  it('uses the seam: a head cut mid-sentence pairs with a tail that starts with a fragment', () => {
    const heads = [
      head('open', '会议指出，要持续推进乡村振兴，加快发展特色产业'),
      head('closed', '会议指出，要持续推进乡村振兴，加快发展特色产业。'),
    ];
    const tails = [tail('frag', '，带动农民增收致富。'), tail('new', '\n近年来，全县特色产业发展势头良好。')];
    const d = matchContinuations(heads, tails);
    expect(best(d, 'frag')!.headId).toBe('open');
    expect(best(d, 'frag')!.reasons).toContain('head ends mid-sentence, tail completes it');
    expect(best(d, 'new')!.headId).toBe('closed');
  });

  it('proposes instead of linking when two candidates are too close', () => {
    const heads = [
      head('h1', '会议指出，要持续推进乡村振兴，加快发展特色产业'),
      head('h2', '会议指出，要持续推进乡村振兴，加快发展特色产业'),
    ];
    const tails = [tail('t1', '带动农民增收致富。'), tail('t2', '带动农民增收致富。')];
    const d = matchContinuations(heads, tails);
    expect(links(d)).toEqual([]);
    const top = d.filter((x) => x.rank === 1);
    expect(top).toHaveLength(2);
    expect(top.every((x) => x.reasons.some((r) => r.includes('close alternative')))).toBe(true);
  });

  it('proposes instead of linking when the only candidate contradicts the seam and shares nothing', () => {
    const d = matchContinuations(
      [head('h', '会议强调，要把思想和行动统一到决策部署上来。')],
      [tail('t', '，市场监管部门开展了食品安全检查，抽检样品120批次。')],
    );
    expect(d[0]).toMatchObject({ decision: 'propose', rank: 1 });
    expect(d[0]!.reasons).toContain('proposed only: weak evidence');
  });

  it('keeps at most maxCandidatesPerTail candidates per tail', () => {
    const heads = [head('a', YUTAI.head), head('b', ANKANG.head), head('c', NINGSHAN.head)];
    const d = matchContinuations(heads, [tail('t', YUTAI.tail)], { maxCandidatesPerTail: 2 });
    expect(d.map((x) => x.rank)).toEqual([1, 2]);
    expect(d[0]!.headId).toBe('a');
  });

  it('three heads, three tails, filed in any order: the same decisions', () => {
    const heads = [
      head('h-y', YUTAI.head, { title: YUTAI.title }),
      head('h-a', ANKANG.head, { title: ANKANG.title }),
      head('h-n', NINGSHAN.head, { title: NINGSHAN.title }),
    ];
    const tails = [tail('t-y', YUTAI.tail), tail('t-a', ANKANG.tail), tail('t-n', NINGSHAN.tail)];
    const reference = matchContinuations(heads, tails);
    expect(
      reference
        .filter((x) => x.rank === 1)
        .map((x) => `${x.headId}→${x.tailId}`)
        .sort(),
    ).toEqual(['h-a→t-a', 'h-n→t-n', 'h-y→t-y']);
    const norm = (d: ContinuationDecision[]) => d.map((x) => JSON.stringify(x)).sort();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(heads, { minLength: 3 }),
        fc.shuffledSubarray(tails, { minLength: 3 }),
        (hs, ts) => {
          expect(norm(matchContinuations(hs, ts))).toEqual(norm(reference));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a part with both markers is a middle: it is a tail of page 1 and a head of page 3', () => {
    const h = head('p1', '全县31所中小学校的48个校区');
    const m = part({
      id: 'p2',
      pageLabel: '2',
      body: '（上接第一版）已全部改造完毕，鱼台县交警大队还（下转第三版）',
      continuesFrom: jump('1', null, '（上接第一版）'),
      continuesTo: jump('3', null, '（下转第三版）'),
    });
    const t = part({
      id: 'p3',
      pageLabel: '3',
      body: '（上接第二版）根据不同区位学校的道路特点，因地制宜改造交通环境。',
      continuesFrom: jump('2', null, '（上接第二版）'),
    });
    const d = matchContinuations([h, m], [m, t]);
    expect(links(d)).toEqual(['p1→p2', 'p2→p3']);
    expect(d.some((x) => x.headId === x.tailId)).toBe(false);
  });

  it('is deterministic', () => {
    const { heads, tails } = twoByTwo();
    expect(matchContinuations(heads, tails)).toEqual(matchContinuations(heads, tails));
  });

  it('rejects nothing silently: every decision has a score in [0, 1] and reasons', () => {
    const { heads, tails } = twoByTwo();
    for (const x of matchContinuations(heads, tails)) {
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(x.reasons.length).toBeGreaterThan(0);
    }
  });
});
